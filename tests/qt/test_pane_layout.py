"""The window never grows past the screen: adding panes, docks or zoom rearranges the
panes within it — a row when they fit, a 2×2 grid of compact panes when they do not."""

import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore, QtGui  # noqa: E402

from app.model.pane_layout import FRAME_ALLOWANCE, MIN_PLOT_HEIGHT, PaneArrangement  # noqa: E402
from app.model.presentation import Look  # noqa: E402
from app.qt.pane_row import size_on_screen  # noqa: E402
from app.qt.optimizer_settings_widget import (  # noqa: E402
    COMPACT_SLIDER,
    MIN_WIDTH,
    OptimizerSettingsWidget,
)
from app.qt.pane_widget import PHYSICS_SIZE  # noqa: E402
from optimizers.registry import OptimizerSettings  # noqa: E402


def _settle(qtbot) -> None:
    """Let the layouts catch up (they lay out on posted events)."""
    for _ in range(3):
        QtCore.QCoreApplication.processEvents()
    qtbot.wait(10)


def _panes(window, qtbot, count: int = 4, size=(1400, 800)):
    window.resize(*size)
    _settle(qtbot)
    for _ in range(count - len(window.pane_row.panes)):
        window.docks.controls.add_pane_requested.emit()
    _settle(qtbot)
    return window.pane_row.panes


def _cells(panes) -> list[tuple[int, int]]:
    """Each pane's (row, column) on screen, from where it is drawn."""
    xs = sorted({p.x() for p in panes})
    ys = sorted({p.y() for p in panes})
    return [(ys.index(p.y()), xs.index(p.x())) for p in panes]


def test_four_panes_at_1400x800_go_into_a_2x2_grid_and_the_window_keeps_its_size(window, qtbot):
    panes = _panes(window, qtbot)
    assert window.size() == QtCore.QSize(1400, 800)
    assert window.pane_row.arrangement == PaneArrangement(2, 2, compact=True)
    assert _cells(panes) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert len({p.width() for p in panes}) <= 2 >= len({p.height() for p in panes})  # ±1 px
    for pane in panes:
        assert pane.plot.height() >= MIN_PLOT_HEIGHT       # useful plots, not ~110 px
        assert pane.settings_widget.compact and pane.physics.isHidden()
        assert pane.settings_widget.height() < 2.5 * pane.settings_widget.alpha.field.height()
        assert pane.geometry().right() < window.pane_row.width()     # nothing cut off
    # The plots line up: every pane's plot starts at the same height in its row.
    assert len({p.plot.mapTo(window, QtCore.QPoint()).y() for p in panes}) == 2


def test_three_panes_that_do_not_fit_a_row_go_into_the_grid_too(window, qtbot):
    panes = _panes(window, qtbot, 3, (1150, 800))
    assert window.pane_row.arrangement.rows == 2
    assert _cells(panes) == [(0, 0), (0, 1), (1, 0)]


def test_a_wide_screen_keeps_four_full_panes_in_a_row(window, qtbot):
    panes = _panes(window, qtbot, 4, (1920, 1080))
    assert window.pane_row.arrangement == PaneArrangement(1, 4, compact=False)
    assert _cells(panes) == [(0, 0), (0, 1), (0, 2), (0, 3)]
    assert all(p.physics.isVisible() and not p.settings_widget.compact for p in panes)
    assert all(p.settings_widget.alpha.slider.isVisible() for p in panes)


def test_resizing_and_docks_rearrange_and_going_back_undoes_it(window, qtbot):
    panes = _panes(window, qtbot, 4, (1920, 1080))
    window.resize(1400, 800)
    _settle(qtbot)
    assert window.pane_row.arrangement.rows == 2 and window.width() == 1400
    window.docks.scenario.hide()                  # the panes get the dock's width back
    window.resize(1800, 1000)
    _settle(qtbot)
    assert window.pane_row.arrangement == PaneArrangement(1, 4, compact=False)
    window.docks.scenario.show()
    window.docks.map.show()
    _settle(qtbot)
    assert window.pane_row.arrangement.rows == 2 and window.width() == 1800
    window.docks.controls.remove_pane_requested.emit()
    window.docks.controls.remove_pane_requested.emit()
    _settle(qtbot)
    assert len(panes[:2]) == len(window.pane_row.panes) == 2


def test_the_physics_line_is_hidden_in_a_grid_unless_asked_for(window, qtbot):
    _panes(window, qtbot, 2)
    assert window.pane_row.physics_visible                   # two panes in a row show it
    shown = []
    window.pane_row.physics_shown.connect(shown.append)      # (the View menu's tick)
    panes = _panes(window, qtbot)
    assert shown == [False] and not window.pane_row.physics_visible
    window.pane_row.set_physics_visible(True)     # View ▸ Physics readouts, in the grid
    _settle(qtbot)
    assert all(p.physics.isVisible() for p in panes)
    window.docks.controls.remove_pane_requested.emit()
    window.docks.controls.remove_pane_requested.emit()
    _settle(qtbot)                                 # two panes: a row, which shows them
    assert window.pane_row.arrangement.rows == 1 and window.pane_row.physics_visible


def test_the_minimum_size_fits_1400x800_with_four_panes_both_docks_and_zoom(window, qtbot):
    _panes(window, qtbot)
    window.docks.map.show()
    for zoom in (1.0, 1.25, 1.5, 1.75):
        window.presenter.set_look(Look(zoom))
        _settle(qtbot)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1400 and hint.height() <= 800, (zoom, hint)
        assert window.size() == QtCore.QSize(1400, 800), zoom       # it never grew
    window.pane_row.set_update_rule_visible(True)
    _settle(qtbot)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1400 and hint.height() <= 800, hint


def test_the_loss_plots_legend_is_whole_on_screen_with_four_panes(window, qtbot):
    _panes(window, qtbot)
    plot = window.loss_plot
    assert len(plot.legend.items) == 4
    legend = plot.mapFromScene(plot.legend.sceneBoundingRect()).boundingRect()
    assert plot.rect().contains(legend), (legend, plot.rect())
    on_screen = QtCore.QRect(plot.mapTo(window, QtCore.QPoint()), plot.size())
    assert window.rect().contains(on_screen)


def test_the_readouts_follow_the_zoom(window, qtbot):
    pane = _panes(window, qtbot, 2)[0]
    readout, physics = pane.readout.height(), pane.physics.height()
    assert pane.physics.font().pointSizeF() == pytest.approx(
        PHYSICS_SIZE * pane.font().pointSizeF())
    window.presenter.set_look(Look(1.75))
    _settle(qtbot)
    assert pane.readout.height() > 1.5 * readout and pane.physics.height() > 1.5 * physics
    lines = pane.readout.height() / pane.readout.fontMetrics().lineSpacing()
    assert 2 <= lines < 2.5                         # still two lines of the new font
    assert pane.physics.font().pointSizeF() == pytest.approx(
        PHYSICS_SIZE * pane.font().pointSizeF())    # still smaller, and zoomed
    assert pane.physics.palette().color(pane.physics.foregroundRole()) == QtGui.QColor("#444")
    # A pane added while zoomed is made at the zoom too.
    window.docks.controls.add_pane_requested.emit()
    _settle(qtbot)
    new = window.pane_row.panes[-1]
    assert new.physics.font().pointSizeF() == pytest.approx(pane.physics.font().pointSizeF())
    assert new.readout.height() == pane.readout.height()


def test_the_update_rule_panel_measures_its_lines_at_the_zoom(window, qtbot):
    pane = _panes(window, qtbot, 2, (1920, 1080))[1]
    window.pane_row.set_update_rule_visible(True)
    _settle(qtbot)
    height = pane.update_rule.height()
    window.presenter.set_look(Look(1.5))
    _settle(qtbot)
    assert pane.update_rule.height() > 1.3 * height
    label = pane.update_rule.numbers_label
    assert pane.update_rule.widget().height() >= label.sizeHint().height()   # no line cut


def test_a_window_opens_within_its_screen(window):
    room = QtGui.QGuiApplication.primaryScreen().availableGeometry()
    size = size_on_screen(window, 1400, 800)
    assert size.width() == min(1400, room.width() - FRAME_ALLOWANCE[0])
    assert size.height() == min(800, room.height() - FRAME_ALLOWANCE[1])
    assert size_on_screen(window, 300, 200) == QtCore.QSize(300, 200)


def test_overlay_mode_in_a_grid_keeps_settings_and_readouts(window, qtbot):
    panes = _panes(window, qtbot)
    window.qactions["overlay"].trigger()
    _settle(qtbot)
    assert window.overlay.height() > window.pane_row.height()
    assert all(p.readout.isVisible() and p.settings_widget.isVisible() for p in panes)
    window.qactions["overlay"].trigger()
    _settle(qtbot)
    assert window.overlay.height() == 0
    assert all(p.plot.height() >= MIN_PLOT_HEIGHT for p in panes)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
def test_the_settings_say_truly_how_big_they_are_in_full_and_compact(qtbot, name):
    settings = OptimizerSettingsWidget(OptimizerSettings(name=name))
    qtbot.addWidget(settings)
    settings.show()
    assert settings.natural_size(False) == settings.sizeHint()         # what the row plans for
    settings.set_compact(True)
    QtCore.QCoreApplication.processEvents()
    assert settings.layout().sizeHint().height() < 40                  # one line
    sliders = [f.slider for f in (settings.alpha, settings.mu, settings.beta1, settings.beta2)
               if f.isVisibleTo(settings)]
    give = sum(s.sizeHint().width() - int(s.sizeHint().width() * COMPACT_SLIDER) for s in sliders)
    assert settings.natural_size(True).width() == settings.sizeHint().width() - give
    assert settings.minimumSizeHint().width() > MIN_WIDTH == settings.minimumWidth()


def test_narrow_compact_settings_wrap_and_drop_stub_sliders_but_keep_every_number(qtbot):
    settings = OptimizerSettingsWidget(OptimizerSettings(name="momentum"))
    qtbot.addWidget(settings)
    settings.show()
    settings.set_compact(True, 600)
    assert settings.alpha.slider.isVisible() and settings.mu.slider.isVisible()
    one_line = settings.sizeHint().height()
    settings.set_compact(True, 260)                # a pane beside both docks
    QtCore.QCoreApplication.processEvents()
    assert settings.sizeHint().height() > 1.5 * one_line              # two lines
    assert not settings.alpha.slider.isVisible()                      # no stubs
    assert all(w.isVisible() for w in (settings.optimizer, settings.alpha.field,
                                       settings.mu.field, settings.schedule))
    settings.set_compact(False)                    # in a row again: the whole form
    assert settings.alpha.slider.isVisible() and settings.schedule_steps.isVisible()
    assert settings.natural_size(False) == settings.sizeHint()


def test_the_state_line_is_never_cut_at_a_large_zoom(window, qtbot):
    """Before: at 150 % in the 2×2 grid the state line wrapped onto a third line that its
    fixed two-or-three-line height cut off ("… em andamento" was lost)."""
    from app.qt import language

    language.install("pt")            # the longer words
    try:
        _panes(window, qtbot)
        window.docks.lesson.show()        # as when teaching: panes narrower still
        for zoom in (1.25, 1.5):
            window.presenter.set_look(Look(zoom))
            _settle(qtbot)
            window.controller.seek(115)
            _settle(qtbot)
            for pane in window.pane_row.panes:
                label = pane.readout
                assert label.heightForWidth(label.width()) <= label.height(), \
                    (zoom, label.text())
    finally:
        language.install("en")
