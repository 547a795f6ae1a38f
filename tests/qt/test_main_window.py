"""Drive the window as a user does: keys, sliders, a typed landscape, clicks, scenario files."""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore  # noqa: E402

from app.model.scenario import default_scenario  # noqa: E402
from app.qt.main_window import MainWindow  # noqa: E402
from physics.builtins import builtin  # noqa: E402
from tests.helpers import cli, label_text  # noqa: E402
from tests.helpers import csv_rows as _rows

Key = QtCore.Qt.Key


def _text(label) -> str:
    """What the user reads in a rich-text label."""
    return label_text(label.text())


def _balls(window):
    c = window.controller.comparison
    return c.positions(window.controller.step)[:, 0].copy()


def test_opens_on_the_seed_scenario_paused_at_step_zero(window):
    c = window.controller.comparison
    assert window.controller.step == 0 and not window.controller.is_playing
    assert c.landscape.name == "ravine"
    assert [s.name for s in c.settings] == ["sgd", "momentum"]
    assert c.settings[0].alpha == c.settings[1].alpha and c.settings[1].mu == 0.9
    np.testing.assert_array_equal(_balls(window), [builtin("ravine").start] * 2)
    assert "step 0" in _text(window.pane_row.panes[0].readout)


def test_arrow_keys_step_all_panes_in_lockstep_and_back(window, qtbot):
    for _ in range(5):
        qtbot.keyClick(window, Key.Key_Right)
    assert window.controller.step == 5
    at5 = _balls(window)
    assert not np.allclose(at5[0], builtin("ravine").start)
    qtbot.keyClick(window, Key.Key_Period)
    qtbot.keyClick(window, Key.Key_Left)
    qtbot.keyClick(window, Key.Key_Comma)
    assert window.controller.step == 4
    qtbot.keyClick(window, Key.Key_Right)
    np.testing.assert_array_equal(_balls(window), at5)
    assert "step 5 " in _text(window.pane_row.panes[1].readout)
    qtbot.keyClick(window, Key.Key_Home)
    assert window.controller.step == 0
    qtbot.keyClick(window, Key.Key_Right)
    qtbot.keyClick(window, Key.Key_R)
    assert window.controller.step == 0


def test_space_plays_and_pauses(window, qtbot):
    window.playback_bar.speed.setValue(240)
    qtbot.keyClick(window, Key.Key_Space)
    assert window.controller.is_playing
    qtbot.waitUntil(lambda: window.controller.step > 10, timeout=5000)
    qtbot.keyClick(window, Key.Key_Space)
    assert not window.controller.is_playing
    paused_at = window.controller.step
    qtbot.wait(100)
    assert window.controller.step == paused_at


def test_while_playing_every_readout_names_the_same_step(window, qtbot):
    window.playback_bar.speed.setValue(120)
    window.controller.play()
    seen = []
    for _ in range(8):
        qtbot.wait(37)
        bar = window.playback_bar.step_label.text().split()[1]
        panes = {_text(p.readout).split()[1] for p in window.pane_row.panes}
        seen.append((bar, panes))
    window.controller.pause()
    assert all(panes == {bar} for bar, panes in seen), seen
    assert len({bar for bar, _ in seen}) > 2           # and it was moving


def test_a_long_noisy_loss_curve_is_drawn_thinned_and_line_by_line(window):
    # Painting every point of a 30,000-step noisy curve as one self-crossing path cost
    # 130 ms a paint: the plot gets about two points a pixel column (the exact min/max
    # envelope, tests/model/test_loss_curves.py) and strokes them segment by segment.
    window.request(lambda: window.workspace.change(sigma=0.5))
    window.controller.seek(30_000)
    columns = window.loss_plot.plotItem.vb.width()
    for curve in window.loss_plot.curves:
        x, y = curve.xData, curve.yData     # as given, before the log axis maps them
        assert x[-1] == 30_000 and len(x) <= 2 * max(100, columns) + 3
        assert np.nanmax(y) == pytest.approx(
            np.max(window.controller.comparison.loss_history(30_000)[:, window.loss_plot.curves.index(curve), 0]))
        assert curve.curve.opts["segmentedLineMode"] == "on"


def test_the_speed_reads_in_good_english(window):
    window.playback_bar.speed.setValue(1)
    assert window.playback_bar.speed.text() == "1 step/s"
    window.playback_bar.speed.setValue(2)
    assert window.playback_bar.speed.text() == "2 steps/s"


def test_playback_stops_by_itself_when_every_ball_has_converged(window, qtbot):
    window.playback_bar.speed.setValue(240)
    window.controller.seek(700)
    window.controller.play()
    qtbot.waitUntil(lambda: not window.controller.is_playing, timeout=10000)
    c = window.controller.comparison
    assert c.all_settled(window.controller.step)
    assert "converged at step" in _text(window.pane_row.panes[0].readout)


def test_changing_alpha_resets_and_reproduces_the_cli(window, qtbot):
    qtbot.keyClick(window, Key.Key_Right)
    window.pane_row.panes[1].settings_widget.alpha.field.setValue(0.01)
    c = window.controller.comparison
    assert window.controller.step == 0
    assert [s.alpha for s in c.settings] == [0.01, 0.01]    # same α linked
    for _ in range(30):
        qtbot.keyClick(window, Key.Key_Right)
    result = cli("run", "--landscape", "ravine", "--optimizer", "momentum", "--alpha", "0.01",
                 "--mu", "0.9", "--start=-4.5,1", "--steps", "30")
    last = _rows(result.stdout)[-1]
    assert tuple(_balls(window)[1]) == (float(last["x"]), float(last["y"]))


def test_bad_expression_is_marked_and_the_last_landscape_stays(window, qtbot):
    controls = window.docks.controls
    controls.landscape.setCurrentIndex(controls.landscape.findData("custom expression"))
    controls.expression.setEnabled(True)
    controls.expression.setText("x**2 + __import__('os')")
    qtbot.keyClick(controls.expression, Key.Key_Return)
    assert controls.expression_error.isVisible()
    assert "not allowed" in controls.expression_error.text() or "unknown" in controls.expression_error.text()
    assert window.controller.comparison.landscape.name == "ravine"
    controls.expression.setText("0.5*(x**2 + 10*y**2)")
    qtbot.keyClick(controls.expression, Key.Key_Return)
    assert not controls.expression_error.isVisible()
    assert window.controller.comparison.landscape.name != "ravine"
    assert window.controller.step == 0


def test_choosing_a_builtin_landscape_moves_the_start(window):
    controls = window.docks.controls
    index = controls.landscape.findData("rosenbrock")
    controls.landscape.setCurrentIndex(index)
    controls.landscape.activated.emit(index)
    c = window.controller.comparison
    assert c.landscape.name == "rosenbrock"
    np.testing.assert_array_equal(c.positions(0)[0, 0], builtin("rosenbrock").start)


def test_clicking_a_pane_sets_the_start_for_every_pane(window):
    window.pane_row.panes[0].plot.point_clicked.emit(-2.0, 0.5)
    c = window.controller.comparison
    np.testing.assert_array_equal(c.positions(0)[:, 0], [[-2.0, 0.5], [-2.0, 0.5]])
    assert window.docks.controls.start_x.value() == -2.0


def test_radfords_six_panes_and_back(window):
    for _ in range(4):
        window.docks.controls.add_pane.click()
    assert not window.docks.controls.add_pane.isEnabled()   # a seventh is refused
    assert [s.name for s in window.controller.comparison.settings] == [
        "sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop"]
    assert len(window.pane_row.panes) == 6
    window.docks.controls.remove_pane.click()
    assert len(window.pane_row.panes) == 5 and window.controller.comparison.shape[0] == 5


def test_a_diverging_pane_says_so_and_the_other_goes_on(window, qtbot):
    window.docks.controls.same_alpha.setChecked(False)
    window.pane_row.panes[0].settings_widget.alpha.field.setValue(0.05)
    window.controller.seek(300)
    assert "diverged at step" in _text(window.pane_row.panes[0].readout)
    assert "diverged" not in _text(window.pane_row.panes[1].readout)


def test_loading_a_broken_scenario_changes_nothing(window, tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\nlandscape = \"x.__class__\"\n")
    before = window.workspace.scenario
    assert window.files.open_scenario(broken) is False
    assert window.workspace.scenario == before
    assert "broken.toml" in window.statusBar().currentMessage()


def test_saved_scenario_reopens_to_the_same_run(window, qtbot, tmp_path):
    window.pane_row.panes[1].settings_widget.mu.field.setValue(0.5)
    from app.model.scenario_file import save_scenario
    path = tmp_path / "mine.toml"
    save_scenario(window.workspace.scenario, path)
    other = MainWindow()
    qtbot.addWidget(other)   # deleted at teardown, not by a later garbage collection
    try:
        assert other.files.open_scenario(path)
        assert other.workspace.scenario == window.workspace.scenario
        other.controller.seek(40)
        window.controller.seek(40)
        np.testing.assert_array_equal(_balls(other), _balls(window))
    finally:
        other.controller.shutdown()
        other.close()


def test_shortcuts_are_in_menus_and_the_help_dialog(window):
    assert "Space" in window.qactions["play"].toolTip()
    assert window.qactions["step"].shortcuts()[0].toString() == "Right"
    window.show_shortcuts()
    assert "Step back" in window.shortcuts_box.text()
    window.shortcuts_box.close()


def test_default_scenario_is_what_the_window_shows(window):
    assert window.workspace.scenario == default_scenario()


def test_alpha_slider_is_logarithmic_and_mu_slider_linear(window):
    pane = window.pane_row.panes[1].settings_widget
    pane.alpha.slider.setValue(500)           # halfway between 1e-5 and 10
    assert window.controller.comparison.settings[1].alpha == pytest.approx(0.01)
    pane.mu.slider.setValue(250)
    assert window.controller.comparison.settings[1].mu == pytest.approx(0.25)


def _viewport_point(plot, x, y):
    """Where landscape point (x, y) is on the plot widget's viewport."""
    scene = plot.plotItem.vb.mapViewToScene(QtCore.QPointF(x, y))
    return plot.mapFromScene(scene)


def test_a_real_shift_click_on_a_pane_moves_the_start(window, qtbot):
    plot = window.pane_row.panes[1].plot
    qtbot.mouseClick(plot.viewport(), QtCore.Qt.MouseButton.LeftButton,
                     QtCore.Qt.KeyboardModifier.ShiftModifier,
                     pos=_viewport_point(plot, 2.0, -1.0))
    start = window.controller.comparison.positions(0)[0, 0]
    assert start == pytest.approx([2.0, -1.0], abs=0.05)
    assert window.controller.step == 0


def test_dragging_the_start_marker_sets_the_start(window):
    window.pane_row.panes[0].plot.start_dragged.emit(1.5, -0.5)
    np.testing.assert_array_equal(window.controller.comparison.positions(0)[:, 0],
                                  [[1.5, -0.5], [1.5, -0.5]])


def test_overlay_shows_every_ball_on_one_plot(window, qtbot):
    window.docks.controls.add_pane.click()
    qtbot.keyClick(window, Key.Key_O)
    assert window.overlay.isVisible()
    assert all(pane.views.isHidden() for pane in window.pane_row.panes)
    for _ in range(10):
        qtbot.keyClick(window, Key.Key_Right)
    c = window.controller.comparison
    assert len(window.overlay.layers) == 3
    for i, layer in enumerate(window.overlay.layers):
        assert layer.ball_position() == tuple(c.positions(10)[i, 0])
    qtbot.keyClick(window, Key.Key_O)
    assert window.overlay.isHidden() and not window.pane_row.panes[0].views.isHidden()


def test_the_overlay_gets_the_room_the_panes_plots_give_up(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    QtCore.QCoreApplication.processEvents()
    window.pane_row.sizeHint()     # as a real window's layouts do: the hint is now cached
    window.qactions["overlay"].trigger()
    QtCore.QCoreApplication.processEvents()
    # It was squeezed to nothing: the panes' size hint still counted their hidden plots.
    assert window.overlay.height() > 1.5 * window.pane_row.height()
    window.qactions["overlay"].trigger()
    QtCore.QCoreApplication.processEvents()
    assert window.overlay.height() == 0 and window.pane_row.height() > 400
    window.controller.shutdown()


def test_mu_ramp_schedule_from_the_pane_matches_the_cli(window, qtbot):
    pane = window.pane_row.panes[1].settings_widget
    pane.schedule_steps.setValue(50)
    pane.schedule.setCurrentIndex(pane.schedule.findData("ramp"))
    settings = window.controller.comparison.settings[1]
    assert settings.mu_schedule == ("ramp", 0.5, 0.9, 50)
    assert "μ=0.5→0.9" in settings.title()
    window.controller.seek(80)
    result = cli("run", "--landscape", "ravine", "--alpha", "0.018", "--mu", "0.9",
                 "--mu-schedule", "ramp:0.5:0.9:50", "--start=-4.5,1", "--steps", "80")
    last = _rows(result.stdout)[-1]
    assert tuple(_balls(window)[1]) == (float(last["x"]), float(last["y"]))
    # The ramp is offered only to rules with momentum.
    sgd = window.pane_row.panes[0].settings_widget
    assert not sgd.schedule.model().item(sgd.schedule.findData("ramp")).isEnabled()


def test_alpha_decay_schedule(window):
    pane = window.pane_row.panes[0].settings_widget
    pane.schedule.setCurrentIndex(pane.schedule.findData("cosine"))
    assert window.controller.comparison.settings[0].alpha_schedule == ("cosine", 200, 0.0)


def test_panning_one_pane_moves_the_others(window):
    window.qactions["equal"].setChecked(False)
    window.pane_row.panes[0].plot.plotItem.vb.setXRange(-1.0, 1.0, padding=0)
    (x0, x1), _ = window.pane_row.panes[1].plot.plotItem.vb.viewRange()
    assert (x0, x1) == pytest.approx((-1.0, 1.0), abs=1e-6)
    window.qactions["equal"].setChecked(True)        # with equal axes too (x adapts to y)
    window.pane_row.panes[0].plot.plotItem.vb.setXRange(-1.0, 1.0, padding=0)
    first, second = (p.plot.plotItem.vb.viewRange()[0] for p in window.pane_row.panes)
    assert second == pytest.approx(first, rel=1e-2) and first[1] - first[0] < 3


def test_the_ravine_looks_like_a_ravine_in_four_panes(window, qtbot):
    window.docks.controls.add_pane.click()
    window.docks.controls.add_pane.click()
    qtbot.wait(50)
    for pane in window.pane_row.panes:
        view = pane.plot.plotItem.vb
        (x0, x1), (y0, y1) = view.viewRange()
        assert view.width() / (x1 - x0) == pytest.approx(view.height() / (y1 - y0), rel=1e-3)
        assert x1 - x0 >= 10 - 1e-9 and y1 - y0 >= 4     # the whole domain still shows
    window.request(lambda: window.workspace.change(landscape="regression", start=None))
    assert window.qactions["equal"].isChecked()          # its domain's aspect allows it


def test_the_app_remembers_the_last_scenario_and_geometry(qtbot, tmp_path):
    from PySide6 import QtCore as Core
    Core.QSettings.setPath(Core.QSettings.Format.NativeFormat, Core.QSettings.Scope.UserScope,
                           str(tmp_path))
    Core.QCoreApplication.setOrganizationName("Momentum Lab Test")
    first = MainWindow(remember=True)
    qtbot.addWidget(first)
    first.request(lambda: first.workspace.change(landscape="himmelblau", start=None))
    first.resize(640, 480)   # within the offscreen screen (800×600)
    first.close()
    second = MainWindow(remember=True)
    qtbot.addWidget(second)
    try:
        assert second.workspace.scenario.landscape == "himmelblau"
        assert (second.size().width(), second.size().height()) == (640, 480)
    finally:
        second.close()
        Core.QCoreApplication.setOrganizationName("")


def test_parameter_map_panel_computes_and_a_click_sets_alpha_and_mu(window, qtbot):
    from app.qt.parameter_map_widget import MAP_CELLS

    window.qactions["map"].trigger()
    panel = window.docks.parameter_map
    qtbot.waitUntil(lambda: panel.latest is not None and panel.latest.values.shape == (MAP_CELLS, MAP_CELLS),
                    timeout=30000)
    assert "Theory's optimum" in panel.caption.text()        # the ravine is a quadratic
    alpha, mu, measured, predicted = panel.measured           # the momentum pane's own run
    assert (alpha, mu) == (0.018, 0.9) and predicted == pytest.approx(0.9486833, rel=1e-6)
    assert measured == pytest.approx(predicted, rel=3e-3)
    assert f"theory says {predicted:.4f}" in panel.caption.text()
    plot = panel.plot
    scene = plot.plotItem.vb.mapViewToScene(QtCore.QPointF(np.log10(0.03), 0.7))
    qtbot.mouseClick(plot.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene))
    momentum = window.controller.comparison.settings[1]
    assert momentum.alpha == pytest.approx(0.03, rel=0.02) and momentum.mu == pytest.approx(0.7, abs=0.01)
    assert window.controller.comparison.settings[0].alpha == momentum.alpha    # same α linked
    x, y = plot.marker.getData()          # the α axis is logarithmic: data come back as log10 α
    assert (10 ** x[0], y[0]) == pytest.approx((momentum.alpha, momentum.mu))
    panel.shutdown()


def test_energy_and_phase_views_follow_the_run(window, qtbot):
    from app.model.analysis import pane_energies

    window.qactions["energy"].trigger()
    views = window.docks.physics_views
    window.controller.seek(150)
    c = window.controller.comparison
    energies = pane_energies(c, 1, 150)
    assert set(energies) == {"potential", "kinetic", "total", "shadow"}     # ravine: quadratic
    # Friction never lets the shadow energy rise, though the physical energy may.
    assert np.all(np.diff(energies["shadow"]) <= 1e-12)
    assert np.any(np.diff(energies["total"]) > 0)
    x, y = views._curves[(1, "shadow")].getData()
    assert len(x) == 150          # steps 1..150 on the log axis
    views.direction.setCurrentText("x")
    px, pv = views._phase_points[1].getData()
    assert px[0] == c.positions(150)[1, 0, 0] and pv[0] == c.velocity(150)[1, 0, 0]


def test_the_energy_view_opened_after_stepping_shows_the_current_step(window, qtbot):
    window.controller.seek(120)
    window.qactions["energy"].trigger()
    views = window.docks.physics_views
    qtbot.waitUntil(views.isVisible)
    x, _ = views._curves[(1, "total")].getData()
    assert x[-1] == 120
    px, pv = views._phase_points[1].getData()
    assert pv[0] == pytest.approx(float(window.controller.comparison.velocity(120)[1, 0]
                                        @ views.direction_vector()[0]))


def test_swarm_mode_colours_balls_by_the_minimum_they_reach(window, qtbot):
    from physics.basins import destinations

    window.request(lambda: window.workspace.change(landscape="two-gaussian", start=None))
    qtbot.keyClick(window, Key.Key_S)
    c = window.controller.comparison
    assert c.shape == (2, 1024)
    sgd, momentum = (pane.basin_labels for pane in window.pane_row.panes)
    # Momentum's overshoot carries more balls out of the shallow well to the global minimum.
    assert (momentum == 0).sum() > (sgd == 0).sum()
    np.testing.assert_array_equal(sgd, destinations(c.landscape, c.settings[0], c.start))
    assert "1024 balls end in" in _text(window.pane_row.panes[1].physics)
    window.controller.seek(5)
    np.testing.assert_array_equal(window.pane_row.panes[0].plot.swarm_positions(), c.positions(5)[0])
    assert "median" in window.loss_plot.quantity.text
    x, y = window.loss_plot.curves[1].getData()
    assert 10 ** y[-1] == pytest.approx(np.median(c.loss(5)[1]) - c.landscape.min_value)  # log axis
    qtbot.keyClick(window, Key.Key_S)
    assert window.controller.comparison.shape == (2, 1) and window.pane_row.panes[0].basin_labels is None


def test_3d_view_explains_when_opengl_is_missing_and_2d_stays(window):
    from app.qt.surface3d_widget import opengl_problem

    pane = window.pane_row.panes[1]
    pane.view3d_button.click()
    if opengl_problem() is None:      # a real display with OpenGL: the surface shows
        assert pane.views.currentWidget() is pane.surface3d
        pane.view3d_button.click()
        assert pane.views.currentWidget() is pane.plot
    else:                             # offscreen (CI): a clear reason, and the 2-D view stays
        assert not pane.view3d_button.isChecked()
        assert pane.views.currentWidget() is pane.plot
        assert "OpenGL" in pane.notice.text() and not pane.notice.isHidden()


def test_adding_nesterov_warns_when_alpha_is_past_its_stability_edge(window):
    window.docks.controls.add_pane.click()        # Nesterov at the ravine's α = 0.018 > 0.0136
    assert "Nesterov is stable here only for α < 0.0136" in window.statusBar().currentMessage()


def test_parameter_map_catches_up_with_changes_made_while_it_was_hidden(window, qtbot):
    panel = window.docks.parameter_map
    window.qactions["map"].trigger()
    qtbot.waitUntil(lambda: panel.latest is not None and panel.latest.values.shape[0] > 32, timeout=30000)
    first = panel.latest
    window.qactions["map"].trigger()                      # hide it, then change the start
    window.request(lambda: window.workspace.change(start=(-2.0, 1.5)))
    window.qactions["map"].trigger()                      # show it again: a new map for the new start
    qtbot.waitUntil(lambda: panel.latest is not first and panel.latest.values.shape[0] > 32,
                    timeout=30000)
    panel.shutdown()


def test_the_window_title_is_the_scenarios_title(window, tmp_path):
    assert window.windowTitle() == "Momentum Lab"
    assert not window.title_label.isVisible()           # no title, no empty banner
    path = tmp_path / "aula.toml"
    path.write_text('format = 1\ntitle = "Aula 3: SGD × momentum"\nlandscape = "ravine"\n\n'
                    '[[pane]]\noptimizer = "sgd"\nalpha = 0.018\n', encoding="utf-8")
    assert window.files.open_scenario(path)
    assert window.windowTitle() == "Momentum Lab — Aula 3: SGD × momentum"
    assert window.title_label.isVisible()                # and above the panes
    assert window.title_label.full_text() == "Aula 3: SGD × momentum"


def test_f11_fills_the_screen_and_leaves_it(window):
    action = window.qactions["fullscreen"]
    action.trigger()
    assert window.isFullScreen() and action.isChecked()
    action.trigger()
    assert not window.isFullScreen() and not action.isChecked()
    window.showFullScreen()   # entered some other way: the tick follows
    assert action.isChecked()
    window.showNormal()
    assert not action.isChecked()


def test_one_key_shortcuts_work_while_a_number_field_has_the_focus(window, qtbot):
    """Before: Space, M, O, S, R and the brackets vanished into a focused α or μ field."""
    field = window.pane_row.panes[0].settings_widget.alpha.field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert not window.docks.map.isVisible()
    qtbot.keyClick(field, QtCore.Qt.Key.Key_M)
    assert window.docks.map.isVisible()
    qtbot.keyClick(field, QtCore.Qt.Key.Key_M)
    assert not window.docks.map.isVisible()
    speed = window.controller.speed
    qtbot.keyClick(field, QtCore.Qt.Key.Key_BracketRight)
    assert window.controller.speed > speed
    # A number's own keys stay in the field: typing 0.005 types 0.005 ...
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "0.005")
    assert field.lineEdit().text() == "0.005" and field.hasFocus()
    # ... and Space applies it, as Enter would, then plays: what runs is what is shown.
    qtbot.keyClick(field, QtCore.Qt.Key.Key_Space)
    assert window.controller.is_playing
    assert window.workspace.scenario.panes[0].alpha == 0.005
    assert window.controller.comparison.settings[0].alpha == 0.005
    window.controller.pause()


def test_zoom_scales_fonts_lines_and_balls_and_is_remembered(remembering_window):
    window = remembering_window()
    plot = window.pane_row.panes[0].plot
    font, ball = window.font().pointSizeF(), plot.layers[0].ball.opts["size"]
    width = plot.layers[0].trail.opts["pen"].widthF()
    window.qactions["zoom_in"].trigger()
    window.qactions["zoom_in"].trigger()
    assert window.font().pointSizeF() == pytest.approx(font * 1.5)
    assert plot.layers[0].ball.opts["size"] == pytest.approx(ball * 1.5)
    window.qactions["contrast"].trigger()
    assert plot.layers[0].trail.opts["pen"].widthF() > width * 1.5
    window.docks.controls.add_pane_requested.emit()
    assert window.pane_row.panes[-1].plot.look == window.presenter.look   # new panes too
    window.close()
    again = remembering_window()
    assert again.presenter.look.zoom == 1.5 and again.presenter.look.high_contrast
    assert again.qactions["contrast"].isChecked()
    again.qactions["zoom_reset"].trigger()
    assert again.font().pointSizeF() == pytest.approx(font)


def test_the_overlay_opened_before_the_window_shows_is_drawn(qtbot):
    """Before: a lesson opening the overlay before the window was shown left the overlay
    and the loss plot at zero height — a blank window."""
    from app.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.qactions["overlay"].setChecked(True)
    window.show()
    qtbot.waitExposed(window)
    overlay, _, loss = window.splitter.sizes()
    assert overlay > 200 and loss > 50
    window.controller.shutdown()


def test_dragging_the_timeline_redraws_the_loss_plot_at_a_readable_pace_ending_on_the_step(window, qtbot):
    # A drag seeks faster than anyone can read a curve: the loss plot follows at most
    # every 50 ms (as while playing), and always ends on the step the drag stopped at.
    plot = window.loss_plot
    window.controller.seek(400)                  # computed: the timeline reaches 400
    window.controller.seek(5)
    qtbot.waitUntil(lambda: plot.cursor.value() == 5, timeout=2000)
    qtbot.wait(80)                               # longer than the redraw interval
    window.controller.seek(6)                    # a lone step: drawn at once
    assert plot.cursor.value() == 6
    drawn = []
    original = plot.draw
    plot.draw = lambda step: (drawn.append(step), original(step))
    for step in range(100, 400, 10):             # thirty moves in a few milliseconds
        window.playback_bar.timeline.setValue(step)
    assert len(drawn) <= 5                       # one per 50 ms of dragging, not 30
    qtbot.waitUntil(lambda: plot.cursor.value() == 390, timeout=2000)
    x, _ = plot.curves[0].getData()
    assert x[-1] == 390


def test_many_seeds_draw_a_cloud_its_median_path_and_the_loss_band(window, qtbot):
    """View ▸ Many seeds (N): every pane runs seeds 0..31 of the noise — a faint dot per
    seed, the ball and trail at their median, the loss plot's median with its 10–90 % band
    and theory's floor; swarm mode (S) takes its place, and N again gives one run back."""
    from app.model.loss_curves import LossHistory
    from app.model.noise_floor import noise_floor
    from app.model.seed_cloud import median_path

    window.request(lambda: window.workspace.change(sigma=0.5))
    qtbot.keyClick(window, Key.Key_N)
    c = window.controller.comparison
    assert c.shape == (2, 32) and c.seeds == 32 and window.qactions["seeds"].isChecked()
    window.controller.seek(80)
    qtbot.wait(80)                                  # the loss plot redraws on its timer
    plot = window.pane_row.panes[1].plot
    layer = plot.layers[0]
    x, y = layer.cloud.dots.getData()
    np.testing.assert_array_equal(np.column_stack([x, y]), c.positions(80)[1])
    np.testing.assert_array_equal(layer.ball_position(), median_path(c).upto(1, 80)[-1])
    assert not layer.force_arrow.shaft.isVisible() and layer.cloud.floor.isVisible()
    assert "median loss" in _text(window.pane_row.panes[1].readout)
    assert "noise floor" in _text(window.pane_row.panes[1].physics)
    shown = LossHistory(c).curves(80)
    low_curve, high_curve = window.loss_plot.bands.edges[1]
    np.testing.assert_allclose(10 ** low_curve.getData()[1], shown.band[0][:, 1])   # log axis
    np.testing.assert_allclose(10 ** high_curve.getData()[1], shown.band[1][:, 1])
    floor = window.loss_plot.bands.floors[1]
    assert 10 ** floor.value() == pytest.approx(noise_floor(c.landscape, c.settings[1], 0.5, None))
    qtbot.keyClick(window, Key.Key_S)
    assert window.controller.comparison.shape == (2, 1024)
    assert not window.qactions["seeds"].isChecked() and window.workspace.scenario.seeds is None
    assert not layer.cloud.shown
    qtbot.keyClick(window, Key.Key_N)
    assert window.controller.comparison.shape == (2, 32) and not window.qactions["swarm"].isChecked()
    qtbot.keyClick(window, Key.Key_N)
    assert window.controller.comparison.shape == (2, 1) and not window.loss_plot.bands.edges
    window.controller.seek(10)
    assert not layer.cloud.dots.isVisible()


def test_a_scenario_with_many_seeds_opens_with_the_mode_ticked(window):
    import dataclasses

    window.request(lambda: window.workspace.apply(
        dataclasses.replace(default_scenario(), sigma=0.5, seeds=8)))
    assert window.qactions["seeds"].isChecked() and window.controller.comparison.shape == (2, 8)
    assert not window.docks.controls.seed.isEnabled()
    window.request(lambda: window.workspace.apply(default_scenario()))
    assert not window.qactions["seeds"].isChecked() and window.docks.controls.seed.isEnabled()
