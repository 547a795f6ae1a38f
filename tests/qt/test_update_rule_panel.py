"""The update-rule panel under each pane: hidden until asked for, then the rule with the
numbers of the step on screen, following steps, new runs and new panes."""

import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore  # noqa: E402

from app.model import rule_text  # noqa: E402
from app.model.theme import FORCE_COLOUR, VELOCITY_COLOUR  # noqa: E402
from app.model.update_rule import update_rule  # noqa: E402
from tests.helpers import label_text  # noqa: E402

Key = QtCore.Qt.Key


def _lines(label) -> list[str]:
    """What the user reads in a panel label, line by line."""
    return label_text(label.text().replace("<br>", "\n")).split("\n")


def _shows_step(window, step: int) -> None:
    """Every pane's panel shows the rule from ``step``, with the run's own numbers."""
    run = window.controller.comparison
    for index, pane in enumerate(window.pane_row.panes):
        rule = update_rule(run, index, step)
        assert rule.has_numbers, rule.note
        assert _lines(pane.update_rule.formula_label) == list(rule.formula_text)
        assert _lines(pane.update_rule.numbers_label) == list(rule.numbers_text)
        assert _lines(pane.update_rule.numbers_label)[0].startswith(f"t = {step}  α = ")
        # The last line is the run's own next iterate, as the plot will draw it.
        assert _lines(pane.update_rule.numbers_label)[-1].endswith(
            rule_text.vector(run.positions(step + 1)[index, 0]))


def test_the_panel_is_hidden_until_switched_on_and_new_panes_follow(window, qtbot):
    row = window.pane_row
    assert all(pane.update_rule.isHidden() for pane in row.panes)
    row.set_update_rule_visible(True)
    assert all(pane.update_rule.isVisible() for pane in row.panes)
    assert window.request(window.workspace.add_pane)
    assert len(row.panes) == 3
    qtbot.waitUntil(row.panes[2].update_rule.isVisible)   # a new pane shows once laid out
    row.set_update_rule_visible(False)
    assert all(pane.update_rule.isHidden() for pane in row.panes)
    assert window.request(window.workspace.add_pane)
    assert row.panes[3].update_rule.isHidden()


def test_stepping_forward_and_back_shows_that_steps_numbers(window, qtbot):
    window.pane_row.set_update_rule_visible(True)
    _shows_step(window, 0)
    heights = [pane.update_rule.height() for pane in window.pane_row.panes]
    plot = window.pane_row.panes[0].plot.height()
    for _ in range(5):
        qtbot.keyClick(window, Key.Key_Right)
    assert window.controller.step == 5
    _shows_step(window, 5)       # the panel asked for step 6: no "not computed yet"
    qtbot.keyClick(window, Key.Key_Left)
    qtbot.keyClick(window, Key.Key_Left)
    _shows_step(window, 3)
    # A fixed height: stepping never re-lays out the pane (the plot would jump).
    assert [pane.update_rule.height() for pane in window.pane_row.panes] == heights
    assert window.pane_row.panes[0].plot.height() == plot
    assert len(set(heights)) == 1    # and every pane's plot keeps one height


def test_steps_taken_while_hidden_show_when_switched_on(window, qtbot):
    for _ in range(4):
        qtbot.keyClick(window, Key.Key_Right)
    assert window.controller.comparison.computed_steps == 4   # hidden: it asked for nothing
    window.pane_row.set_update_rule_visible(True)
    _shows_step(window, 4)


def test_the_gradient_and_the_velocity_are_coloured_like_their_arrows(window, qtbot):
    window.pane_row.set_update_rule_visible(True)
    qtbot.keyClick(window, Key.Key_Right)
    run, momentum = window.controller.comparison, window.pane_row.panes[1].update_rule
    rule = update_rule(run, 1, 1)
    html = momentum.numbers_label.text()
    assert f"color:{FORCE_COLOUR}; font-weight:bold'>{rule_text.vector(rule.g)}</span>" in html
    assert f"color:{VELOCITY_COLOUR}'>{rule_text.vector(rule.p_next)}</span>" in html


def test_the_panel_follows_a_new_comparison(window, qtbot):
    window.pane_row.set_update_rule_visible(True)
    for _ in range(3):
        qtbot.keyClick(window, Key.Key_Right)
    settings = window.workspace.scenario.panes[1]
    assert window.request(lambda: window.workspace.edit_pane(1, settings.with_(name="adam")))
    assert window.controller.step == 0
    _shows_step(window, 0)
    assert _lines(window.pane_row.panes[1].update_rule.formula_label)[1].startswith("m⁽ᵗ⁺¹⁾")
    # The row makes room for Adam's longer rule in every pane, so the plots stay level.
    assert len({pane.update_rule.height() for pane in window.pane_row.panes}) == 1
    assert window.request(lambda: window.workspace.change(sigma=0.5))
    assert "+ σξ⁽ᵗ⁾" in _lines(window.pane_row.panes[0].update_rule.formula_label)[0]
    qtbot.keyClick(window, Key.Key_Right)
    _shows_step(window, 1)
