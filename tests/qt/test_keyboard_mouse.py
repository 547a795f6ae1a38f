"""Keyboard and mouse as people expect (#12): keys reach whatever the user is in, Enter and
Escape lead back to the panes, a click only focuses, and the app keeps the user's choices.

Keys go where a real keyboard sends them — to the widget with the focus — so every test
first puts the focus where a user would (a click, Tab) and then types at the focus.
"""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore, QtWidgets  # noqa: E402

from app.model.export_plan import DEFAULT_FPS  # noqa: E402
from app.qt.actions import help_rows  # noqa: E402
from app.qt.main_window import MainWindow  # noqa: E402
from app.qt.playback_controller import DEFAULT_SPEED  # noqa: E402
from app.qt.remembered import one_of, whole_number, yes_no  # noqa: E402
from app.qt.scenario_controls_widget import CUSTOM  # noqa: E402
from physics.builtins import builtin  # noqa: E402

Key, Button = QtCore.Qt.Key, QtCore.Qt.MouseButton
SHIFT = QtCore.Qt.KeyboardModifier.ShiftModifier


def _focus():
    return QtWidgets.QApplication.focusWidget()


def _active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _press(qtbot, window, key, modifier=QtCore.Qt.KeyboardModifier.NoModifier):
    """One key, where the keyboard would send it."""
    qtbot.keyClick(_focus() or window, key, modifier)


def _type(qtbot, window, text):
    qtbot.keyClicks(_focus() or window, text)


def _focus_on(qtbot, widget):
    widget.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _click(qtbot, plot, x, y, modifier=QtCore.Qt.KeyboardModifier.NoModifier):
    """A left click at landscape point (x, y) of ``plot``."""
    scene = plot.plotItem.vb.mapViewToScene(QtCore.QPointF(x, y))
    qtbot.mouseClick(plot.viewport(), Button.LeftButton, modifier, plot.mapFromScene(scene))


def _start(window):
    return window.controller.comparison.positions(0)[0, 0]


def _first_plot(window):
    return window.pane_row.panes[0].plot


# -- 1. one-key shortcuts; Enter and Escape in the fields -----------------------------------


def test_one_key_shortcuts_work_when_a_plot_has_the_focus(window, qtbot):
    _active(window, qtbot)
    plot = window.pane_row.panes[1].plot
    _click(qtbot, plot, 1.0, 0.5)
    assert plot.hasFocus()
    for key, then in ((Key.Key_Right, 1), (Key.Key_Period, 2), (Key.Key_Left, 1),
                      (Key.Key_Comma, 0)):
        _press(qtbot, window, key)
        assert window.controller.step == then
    speed = window.controller.speed
    _press(qtbot, window, Key.Key_BracketRight)
    _press(qtbot, window, Key.Key_BracketRight)
    _press(qtbot, window, Key.Key_BracketLeft)
    assert window.controller.speed == 2 * speed
    for key, action in ((Key.Key_M, "map"), (Key.Key_E, "energy"), (Key.Key_O, "overlay"),
                        (Key.Key_S, "swarm")):
        checked = window.qactions[action].isChecked()
        _press(qtbot, window, key)
        assert window.qactions[action].isChecked() != checked, action
        _press(qtbot, window, key)
        assert window.qactions[action].isChecked() == checked, action
    _press(qtbot, window, Key.Key_Right)
    _press(qtbot, window, Key.Key_R)
    assert window.controller.step == 0
    _press(qtbot, window, Key.Key_Space)
    assert window.controller.is_playing
    window.controller.pause()


def test_enter_in_a_number_field_applies_it_and_gives_the_keys_back_to_the_panes(window, qtbot):
    """Before: Enter applied σ but left the focus in the field, so Space typed nothing."""
    _active(window, qtbot)
    sigma = window.docks.controls.sigma
    _focus_on(qtbot, sigma)
    sigma.lineEdit().selectAll()
    _type(qtbot, window, "0.3")
    _press(qtbot, window, Key.Key_Return)
    assert window.workspace.scenario.sigma == 0.3
    assert _first_plot(window).hasFocus()
    _press(qtbot, window, Key.Key_Space)
    assert window.controller.is_playing
    window.controller.pause()


def test_escape_in_a_number_field_drops_what_was_typed_and_returns_to_the_panes(window, qtbot):
    """Before: Escape did nothing, and leaving the field then applied the typed α."""
    _active(window, qtbot)
    field = window.pane_row.panes[0].settings_widget.alpha.field
    alpha = window.workspace.scenario.panes[0].alpha
    shown = field.text()
    _focus_on(qtbot, field)
    field.lineEdit().selectAll()
    _type(qtbot, window, "0.005")
    assert field.text() == "0.005"
    _press(qtbot, window, Key.Key_Escape)
    assert _first_plot(window).hasFocus()
    assert field.text() == shown
    _press(qtbot, window, Key.Key_Space)          # the field has lost the focus by now
    assert window.controller.is_playing
    window.controller.pause()
    assert window.workspace.scenario.panes[0].alpha == alpha
    assert window.controller.comparison.settings[0].alpha == alpha


def test_escape_in_overlay_mode_returns_to_the_overlay(window, qtbot):
    _active(window, qtbot)
    window.qactions["overlay"].trigger()
    _focus_on(qtbot, window.docks.controls.seed)
    _press(qtbot, window, Key.Key_Escape)
    assert window.overlay.hasFocus()


def test_from_every_control_tabbed_to_escape_then_space_plays(window, qtbot):
    """Tab into the Scenario controls: Escape leaves any of them, the next Space plays."""
    _active(window, qtbot)
    controls = window.docks.controls
    _click(qtbot, _first_plot(window), 1.0, 0.5)
    reached = []
    for _ in range(60):
        _press(qtbot, window, Key.Key_Tab)
        if controls.isAncestorOf(_focus()) and _focus() not in reached:
            reached.append(_focus())
    assert controls.expression in reached       # the expression field is a stop too
    assert controls.landscape in reached and controls.same_alpha in reached
    for control in reached:
        _focus_on(qtbot, control)
        _press(qtbot, window, Key.Key_Escape)
        assert _first_plot(window).hasFocus(), type(control).__name__
        _press(qtbot, window, Key.Key_Space)
        assert window.controller.is_playing, type(control).__name__
        window.controller.pause()


# -- 2. the expression field -----------------------------------------------------------------


def test_typing_an_expression_never_triggers_shortcuts_and_enter_runs_it(window, qtbot):
    """Before: the field was shut until "Custom expression…" was chosen; typing "sin" at it
    went to the shortcuts, and its "s" switched swarm mode on."""
    _active(window, qtbot)
    controls = window.docks.controls
    qtbot.mouseClick(controls.expression, Button.LeftButton)
    _type(qtbot, window, "sin(x)+y**2")
    assert not window.qactions["swarm"].isChecked() and not window.workspace.swarm
    assert controls.expression.text() == "sin(x)+y**2"
    assert window.controller.step == 0 and not window.docks.map.isVisible()
    _press(qtbot, window, Key.Key_Return)
    assert window.workspace.scenario.landscape == "sin(x)+y**2"
    assert controls.landscape.currentData() == CUSTOM
    assert _first_plot(window).hasFocus()       # Space now plays the new landscape


def test_a_refused_expression_keeps_the_focus_and_escape_puts_back_what_runs(window, qtbot):
    _active(window, qtbot)
    controls = window.docks.controls
    window.request(lambda: window.workspace.change(landscape="x**2 + y**2", start=None))
    assert controls.expression.text() == "x**2 + y**2"
    _focus_on(qtbot, controls.expression)
    controls.expression.selectAll()
    _type(qtbot, window, "x**2 + __import__('os')")
    _press(qtbot, window, Key.Key_Return)
    assert not controls.expression_error.isHidden()
    assert controls.expression.hasFocus()        # still there, to be fixed
    _press(qtbot, window, Key.Key_Escape)
    assert controls.expression.text() == "x**2 + y**2"
    assert controls.expression_error.isHidden()
    assert _first_plot(window).hasFocus()
    assert window.workspace.scenario.landscape == "x**2 + y**2"


def test_a_builtin_empties_the_field_and_custom_brings_the_expression_back(window, qtbot):
    controls = window.docks.controls
    window.request(lambda: window.workspace.change(landscape="x**2 + y**2", start=None))
    index = controls.landscape.findData("rosenbrock")
    controls.landscape.setCurrentIndex(index)
    controls.landscape.activated.emit(index)
    assert window.workspace.scenario.landscape == "rosenbrock"
    assert controls.expression.text() == "" and controls.expression.isEnabled()
    window.request(lambda: window.workspace.change(sigma=0.2))
    custom = controls.landscape.findData(CUSTOM)
    controls.landscape.setCurrentIndex(custom)
    controls.landscape.activated.emit(custom)
    assert window.workspace.scenario.landscape == "x**2 + y**2"
    assert controls.expression.text() == "x**2 + y**2"


def test_what_is_typed_survives_an_unrelated_change(window, qtbot):
    controls = window.docks.controls
    controls.expression.setText("x**4 + y")       # typed, not yet run
    window.request(lambda: window.workspace.change(seed=3))
    assert controls.expression.text() == "x**4 + y"


# -- 3. a click focuses; Shift+click sets the start --------------------------------------------


def test_a_plain_click_focuses_a_plot_without_moving_the_start(window, qtbot):
    """Before: the click that gave a plot the keyboard also moved the start."""
    _active(window, qtbot)
    window.controller.seek(5)
    plot = window.pane_row.panes[1].plot
    _click(qtbot, plot, 2.0, -1.0)
    assert plot.hasFocus()
    np.testing.assert_array_equal(_start(window), builtin("ravine").start)
    assert window.controller.step == 5                 # the run was not thrown away


def test_shift_click_on_a_pane_sets_the_start(window, qtbot):
    _active(window, qtbot)
    _click(qtbot, window.pane_row.panes[1].plot, 2.0, -1.0, SHIFT)
    assert _start(window) == pytest.approx([2.0, -1.0], abs=0.05)
    assert window.docks.controls.start_x.value() == pytest.approx(2.0, abs=0.05)


def test_the_overlay_sets_the_start_only_on_shift_click(window, qtbot):
    _active(window, qtbot)
    window.qactions["overlay"].trigger()
    qtbot.waitUntil(window.overlay.isVisible)
    _click(qtbot, window.overlay, 2.0, -1.0)
    np.testing.assert_array_equal(_start(window), builtin("ravine").start)
    _click(qtbot, window.overlay, 2.0, -1.0, SHIFT)
    assert _start(window) == pytest.approx([2.0, -1.0], abs=0.05)


def test_the_start_marker_and_the_help_name_the_gesture(window):
    assert "Shift+click" in _first_plot(window)._start.toolTip()
    assert ("Set the start point", "Shift+click a plot, or drag the ×") in help_rows()
    assert "Shift+click" in window.docks.controls.start_x.toolTip()


# -- 4. remembered choices -----------------------------------------------------------------


def _export_dialog(window, monkeypatch, choose=lambda dialog: None, export=True):
    """File ▸ Export animation…, then Export… (the file dialog cancelled) or Cancel."""
    from app.qt.export_dialog import ExportDialog

    seen = []

    def exec_(dialog):
        seen.append(dialog)
        choose(dialog)
        if not export:
            dialog.reject()
            return QtWidgets.QDialog.DialogCode.Rejected
        dialog.accept()
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))
    window.files.export_animation_dialog()
    return seen[0]


def _gif_at_15(dialog):
    dialog.format.setCurrentIndex(dialog.format.findData(".gif"))
    dialog.whole_run.setChecked(False)
    dialog.steps_per_frame.setValue(3)
    dialog.fps.setValue(15)
    dialog.size.setCurrentIndex(3)                    # 800×450
    dialog.include_loss.setChecked(True)
    dialog.background.setCurrentIndex(dialog.background.findData("dark"))


def _is_gif_at_15(dialog) -> bool:
    return (dialog.format.currentData(), dialog.whole_run.isChecked(),
            dialog.steps_per_frame.value(), dialog.fps.value(), dialog.size.currentIndex(),
            dialog.include_loss.isChecked(), dialog.background.currentData()) == (
                ".gif", False, 3, 15, 3, True, "dark")


def test_the_export_dialog_opens_on_the_last_choices(settings, remembering_window, monkeypatch):
    first = remembering_window()
    _export_dialog(first, monkeypatch, _gif_at_15)
    first.close()
    again = _export_dialog(remembering_window(), monkeypatch)
    assert _is_gif_at_15(again)
    assert again.first.isEnabled()                     # "whole run" off, its fields open


def test_export_choices_come_back_from_text_as_a_settings_file_gives_them(settings,
                                                                          remembering_window,
                                                                          monkeypatch):
    for key, value in (("format", ".gif"), ("whole_run", "false"), ("steps_per_frame", "3"),
                       ("fps", "15"), ("size", "800x450"), ("include_loss", "true"),
                       ("background", "dark")):
        settings.setValue(f"export/{key}", value)
    assert _is_gif_at_15(_export_dialog(remembering_window(), monkeypatch))


def test_a_corrupt_export_choice_is_dropped_and_the_dialog_opens(settings, remembering_window,
                                                                 monkeypatch):
    settings.setValue("export/fps", "lots")
    settings.setValue("export/format", ["not", "a", "suffix"])
    settings.setValue("export/size", "9999x9999")
    settings.setValue("export/steps_per_frame", "3")   # a good one still comes back
    settings.sync()
    window = remembering_window()
    dialog = _export_dialog(window, monkeypatch, export=False)
    assert dialog.fps.value() == DEFAULT_FPS and dialog.format.currentData() == ".mp4"
    assert dialog.steps_per_frame.value() == 3
    message = window.statusBar().currentMessage()
    assert message.startswith("Discarded the remembered export format") and "\n" not in message
    assert "frames per second (not a whole number from 1 to 120 but 'lots')" in message
    assert not any(QtCore.QSettings().contains(f"export/{key}")
                   for key in ("fps", "format", "size"))
    _export_dialog(window, monkeypatch, _gif_at_15, export=False)
    assert not QtCore.QSettings().contains("export/fps")     # Cancel keeps nothing


def test_a_window_that_does_not_remember_keeps_no_export_choices(settings, qtbot, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)
    settings.setValue("export/fps", "15")
    try:
        assert _export_dialog(window, monkeypatch).fps.value() == DEFAULT_FPS
        _export_dialog(window, monkeypatch, _gif_at_15)
        assert not QtCore.QSettings().contains("export/format")
    finally:
        window.close()


def test_speed_and_same_alpha_come_back(settings, remembering_window, qtbot):
    first = remembering_window()
    first.controller.set_speed(120)
    first.docks.controls.same_alpha.setChecked(False)
    first.close()
    second = remembering_window()
    assert second.controller.speed == 120 and second.playback_bar.speed.value() == 120
    assert not second.docks.controls.same_alpha.isChecked()
    assert second.workspace.same_alpha is False        # the rule follows the box


def test_speed_and_same_alpha_come_back_from_text(settings, remembering_window):
    settings.setValue("playback_speed", "60")
    settings.setValue("same_alpha", "false")
    window = remembering_window()
    assert window.controller.speed == 60 and window.workspace.same_alpha is False


@pytest.mark.parametrize("speed, same", [("fast", "maybe"), ("0", 1), ("1" * 30, [True]),
                                         (QtCore.QByteArray(b"\x00"), "")],
                         ids=["words", "out of range", "too long", "bytes"])
def test_a_corrupt_speed_or_same_alpha_is_dropped_and_the_app_starts(settings,
                                                                    remembering_window,
                                                                    speed, same):
    settings.setValue("playback_speed", speed)
    settings.setValue("same_alpha", same)
    settings.sync()
    window = remembering_window()
    assert window.controller.speed == DEFAULT_SPEED
    assert window.docks.controls.same_alpha.isChecked() and window.workspace.same_alpha
    message = window.statusBar().currentMessage()
    assert message.startswith("Discarded the remembered playback speed (not a whole number")
    assert '"same α" choice (not true or false' in message and "\n" not in message
    assert "starting on the default" not in message
    assert not QtCore.QSettings().contains("playback_speed")
    assert not QtCore.QSettings().contains("same_alpha")


def test_a_window_that_does_not_remember_ignores_and_keeps_no_speed(settings, qtbot):
    settings.setValue("playback_speed", "120")
    settings.sync()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.controller.speed == DEFAULT_SPEED
    window.controller.set_speed(7)
    window.close()
    assert QtCore.QSettings().value("playback_speed") == "120"


def test_the_choice_parsers_accept_only_what_a_widget_can_show():
    speed = whole_number(1, 240)
    assert speed(30) == 30 and speed("30") == 30 and speed(" 240 ") == 240
    for bad in (True, 0, "241", "3.5", "", "thirty", 30.0, [30], "9" * 5000):
        with pytest.raises(ValueError):
            speed(bad)
    assert yes_no(True) is True and yes_no("false") is False and yes_no("True") is True
    for bad in ("yes", 1, "", None):
        with pytest.raises(ValueError):
            yes_no(bad)
    assert one_of((".gif", ".mp4"))(".gif") == ".gif"
    with pytest.raises(ValueError):
        one_of((".gif", ".mp4"))(".GIF")
