"""What the app remembers between sessions (QSettings): the last scenario and the geometry.

What comes back is read as hostile input. A crash, a hand edit or another version may
have left anything under these keys, and a remembered value that stops the window from
opening stops it at every start. So whatever fails to load — bad TOML, bad values, a
value a widget refuses, a value that is not even text, geometry bytes Qt cannot read —
is removed from the settings, the window says so in one status-bar line, and the app
starts anyway: on the default scenario, where the scenario was what failed.
"""

from __future__ import annotations

import numbers

from PySide6 import QtCore, QtWidgets

from app.model.scenario import Scenario, ScenarioError, default_scenario
from app.model.scenario_file import scenario_from_toml, scenario_to_toml
from app.model.workspace import Workspace

SCENARIO_KEY, GEOMETRY_KEY = "last_scenario", "geometry"


def one_line(error: BaseException) -> str:
    """An exception as one line: its message, or its type when it has none."""
    return " ".join(str(error).split()) or type(error).__name__


def refusal(error: BaseException) -> str:
    """What a widget raised, as one line: ``"OverflowError: ..."`` (its type says most)."""
    kind, detail = type(error).__name__, one_line(error)
    return kind if detail == kind else f"{kind}: {detail}"


def _kind(value) -> str:
    """What a settings value is, in words (for "not text but a list")."""
    if isinstance(value, str):
        return "text"
    if isinstance(value, (QtCore.QByteArray, bytes, bytearray)):
        return "bytes"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, numbers.Number):
        return "a number"
    return "a " + type(value).__name__


def forget(key: str) -> None:
    """Remove ``key`` from the settings now, so the next start does not meet it again."""
    settings = QtCore.QSettings()
    settings.remove(key)
    settings.sync()


def remembered_scenario() -> tuple[Scenario | None, str | None]:
    """The scenario open when the app last closed, or why it cannot be used.

    Returns ``(scenario, None)``, ``(None, None)`` when nothing is remembered, or
    ``(None, reason)`` when the entry is bad — and then the entry is already removed.
    """
    settings = QtCore.QSettings()
    if not settings.contains(SCENARIO_KEY):
        return None, None
    try:
        text = settings.value(SCENARIO_KEY)
        if not isinstance(text, str):
            raise ScenarioError(f"not text but {_kind(text)}")
        return scenario_from_toml(text), None
    except Exception as error:  # noqa: BLE001 - whatever it is, the app must still start
        forget(SCENARIO_KEY)
        return None, one_line(error)


def restore_geometry(window: QtWidgets.QMainWindow) -> str | None:
    """Put ``window`` back where it was; None, or why the remembered geometry was dropped."""
    geometry = QtCore.QSettings().value(GEOMETRY_KEY)
    if geometry is None:
        return None
    if not isinstance(geometry, (QtCore.QByteArray, bytes, bytearray)):
        reason = f"not bytes but {_kind(geometry)}"
    elif not window.restoreGeometry(geometry):
        reason = "not a geometry Qt can restore"
    else:
        return None
    forget(GEOMETRY_KEY)
    return reason


def recall_scenario(workspace: Workspace) -> str | None:
    """Make the last session's scenario current in ``workspace``, before anything is drawn
    (so the default is never drawn only to be replaced); None, or why it was dropped."""
    last, why = remembered_scenario()
    if last is not None:
        try:
            workspace.apply(last)
        except ScenarioError as error:
            forget(SCENARIO_KEY)
            why = str(error)
    return why


def show_first(window, recalled: bool) -> str | None:
    """Draw the window's first scenario; None, or why a ``recalled`` one gave way.

    A remembered scenario that validates but that a widget still refuses (an overflowing
    spin box once stopped every start) is dropped and the default drawn instead. Any other
    first scenario is the caller's, and its failure is a bug to see, so it propagates.
    """
    try:
        window.show_update(None)
        return None
    except Exception as error:  # noqa: BLE001 - any widget's refusal, not only overflow
        if not recalled:
            raise
        forget(SCENARIO_KEY)
        window.workspace.apply(default_scenario())
        window.show_update(None)
        return f"the window cannot show it: {refusal(error)}"


def dropped_message(scenario_why: str | None, geometry_why: str | None) -> str | None:
    """The one status-bar line saying what of the last session was discarded, or None."""
    dropped = [f"{what} ({why})" for what, why in (("scenario", scenario_why),
                                                    ("window geometry", geometry_why)) if why]
    if not dropped:
        return None
    default = "; starting on the default scenario" if scenario_why else ""
    return f"Discarded the remembered {' and '.join(dropped)}{default}"


def remember(window: QtWidgets.QMainWindow, scenario: Scenario) -> None:
    settings = QtCore.QSettings()
    settings.setValue(SCENARIO_KEY, scenario_to_toml(scenario))
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
