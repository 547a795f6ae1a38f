"""The action table: every command has a working handler, one key, a menu, a help line."""

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from app.qt.actions import ACTIONS, MENUS, TOOLBAR, help_rows  # noqa: E402
from app.qt.main_window import MainWindow  # noqa: E402

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    yield w
    w.controller.shutdown()


def test_no_key_is_bound_twice():
    keys = [k for spec in ACTIONS for k in spec.keys]
    assert len(keys) == len(set(keys))


def test_every_command_is_built_with_its_keys_and_sits_in_its_menu(window):
    menus = {a.text().lstrip("&"): a.menu() for a in window.menuBar().actions()}
    assert set(MENUS) <= set(menus)
    for spec in ACTIONS:
        if spec.handler is None and spec.dock is None:
            continue
        action = window.qactions[spec.id]
        assert [k.toString() for k in action.shortcuts()] == list(spec.keys), spec.id
        menu = menus[spec.menu.split("/")[0]]
        if "/" in spec.menu:                         # a submenu: View ▸ Language
            menu = next(a.menu() for a in menu.actions()
                        if a.menu() and a.text().lstrip("&") == spec.menu.split("/")[1])
        assert action in menu.actions(), spec.id
        assert action in window.actions()        # works with the menus hidden
    assert [a.text() for a in window.playback_bar.actions()[:4]] == \
        [window.qactions[i].text() for i in TOOLBAR]


def test_the_f1_help_lists_every_key_and_the_mouse():
    rows = dict(help_rows())
    assert rows["Play / pause"] == "Space" and rows["Step back"] == "Left  or  ,"
    assert rows["Set the start point"] == "Shift+click a plot, or drag the ×"
    assert len(rows) == sum(1 for s in ACTIONS if s.keys or s.help_keys)


def test_the_readme_documents_every_key():
    for spec in ACTIONS:
        for key in spec.keys:
            assert key in README, key


def test_file_examples_open_radfords_six(window):
    window.qactions["example radford-saddle"].trigger()
    scenario = window.workspace.scenario
    assert scenario.title == "Radford's six update schemes at a saddle point"
    assert [p.name for p in window.controller.comparison.settings] == [
        "sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop"]
    assert len(window.pane_row.panes) == 6
