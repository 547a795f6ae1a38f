"""View ▸ Language: the window built again in the new language, with everything kept.

Every text of the window is set where its widget is made, in the language installed
then; rather than teach each widget to re-translate itself, switching builds a new
window (one code path for every string) and moves the session into it: the scenario,
the lesson and its step, the step on screen, the speed, the zoom, every View toggle,
the docks and the geometry. The old window closes as at quitting (so, with
``remember``, the choice and the session are saved), and the new one takes its place.
"""

from __future__ import annotations

from . import language


def rebuild_in(window, code: str):
    """``window`` again, in language ``code`` (``"en"``, ``"pt"``); returns the new window
    (of the window's own class: this module need not know the main window's)."""
    language.install(code)
    if window.remember:
        language.remember(code)
    new = type(window)(window.workspace.scenario, remember=window.remember)
    new.docks.controls.same_alpha.setChecked(window.docks.controls.same_alpha.isChecked())
    new.presenter.set_look(window.presenter.look)
    for name, action in window.qactions.items():
        if action.isCheckable() and not name.startswith("language_") and name in new.qactions:
            new.qactions[name].setChecked(action.isChecked())
    if window.lessons.session is not None:
        new.lessons.carry_on(window.lessons, window.workspace.scenario)
    new.controller.set_speed(window.controller.speed)
    new.controller.seek(window.controller.step)
    new.restoreGeometry(window.saveGeometry())
    new.restoreState(window.saveState())
    new.show()
    window.replacement = new
    window.close()
    return new
