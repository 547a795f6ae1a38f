"""What the app remembers between sessions (QSettings): the last scenario, the geometry and
the user's choices (playback speed, "same α", the export dialog's settings).

What comes back is read as hostile input. A crash, a hand edit or another version may
have left anything under these keys, and a remembered value that stops the window from
opening stops it at every start. So whatever fails to load — bad TOML, bad values, a
value a widget refuses, a value that is not even text, geometry bytes Qt cannot read —
is removed from the settings, the window says so in one status-bar line, and the app
starts anyway: on the default scenario, where the scenario was what failed. A choice
(:func:`recall`) is read through a parser that accepts only what the widget can show.

Settings files hold text: a number or a yes/no comes back as ``"30"`` or ``"true"`` in the
next session (and as the number or bool in this one), so the parsers accept both forms.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from typing import TypeVar

from PySide6 import QtCore, QtWidgets

from app.model.presentation import Look, parse_zoom
from app.model.scenario import Scenario, ScenarioError, default_scenario
from app.model.scenario_file import scenario_from_toml, scenario_to_toml
from app.model.translation import translate
from app.model.workspace import Workspace

from .playback_controller import MAX_SPEED, MIN_SPEED

SCENARIO_KEY, GEOMETRY_KEY = "last_scenario", "geometry"
SPEED_KEY, SAME_ALPHA_KEY = "playback_speed", "same_alpha"
ZOOM_KEY, CONTRAST_KEY = "zoom", "high_contrast"
T = TypeVar("T")


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
        return translate("remembered", "text")
    if isinstance(value, (QtCore.QByteArray, bytes, bytearray)):
        return translate("remembered", "bytes")
    if isinstance(value, (list, tuple)):
        return translate("remembered", "a list")
    if isinstance(value, numbers.Number):
        return translate("remembered", "a number")
    return translate("remembered", "a {type}").format(type=type(value).__name__)


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
            raise ScenarioError(translate("remembered", "not text but {kind}").format(
                kind=_kind(text)))
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
        reason = translate("remembered", "not bytes but {kind}").format(kind=_kind(geometry))
    elif not window.restoreGeometry(geometry):
        reason = translate("remembered", "not a geometry Qt can restore")
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
        return translate("remembered", "the window cannot show it: {why}").format(
            why=refusal(error))


def dropped_message(scenario_why: str | None, geometry_why: str | None,
                    others: tuple[tuple[str, str], ...] | list = ()) -> str | None:
    """The one status-bar line saying what of the last session was discarded, or None.

    ``others`` are more ``(what, why)`` pairs, such as :func:`restore_choices` returns.
    """
    dropped = [f"{what} ({why})"
               for what, why in ((translate("remembered", "scenario"), scenario_why),
                                 (translate("remembered", "window geometry"), geometry_why),
                                 *others) if why]
    if not dropped:
        return None
    items = dropped[0]
    for item in dropped[1:]:
        items = translate("remembered", "{earlier} and {next}").format(earlier=items, next=item)
    if scenario_why:
        return translate("remembered", "Discarded the remembered {items}; starting on the "
                                       "default scenario").format(items=items)
    return translate("remembered", "Discarded the remembered {items}").format(items=items)


def remember(window: QtWidgets.QMainWindow, scenario: Scenario) -> None:
    """Save the scenario, the geometry and the choices (:func:`remember_choices`)."""
    settings = QtCore.QSettings()
    settings.setValue(SCENARIO_KEY, scenario_to_toml(scenario))
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    remember_choices(window)


# -- choices: small values, each read back through a parser ---------------------------------


def whole_number(low: int, high: int) -> Callable[[object], int]:
    """A parser for a whole number from ``low`` to ``high`` (an int, or its digits as text)."""
    def parse(value) -> int:
        if isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]{1,12}", value.strip()):
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            shown = repr(value) if isinstance(value, (str, int)) else _kind(value)
            why = translate("remembered", "not a whole number from {low} to {high} but {value}")
            raise ValueError(why.format(low=low, high=high, value=shown[:40]))
        return value
    return parse


def yes_no(value) -> bool:
    """Parse a remembered yes/no: a bool, or ``"true"`` / ``"false"`` as the file keeps it."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    shown = repr(value)[:40] if isinstance(value, str) else _kind(value)
    raise ValueError(translate("remembered", "not true or false but {value}").format(value=shown))


def one_of(options) -> Callable[[object], str]:
    """A parser for one of ``options`` (text)."""
    allowed = tuple(options)

    def parse(value) -> str:
        if not isinstance(value, str) or value not in allowed:
            shown = repr(value)[:40] if isinstance(value, str) else _kind(value)
            raise ValueError(translate("remembered", "not one of {options} but {value}").format(
                options=", ".join(allowed), value=shown))
        return value
    return parse


def recall(key: str, parse: Callable[[object], T]) -> tuple[T | None, str | None]:
    """The choice remembered under ``key``, or why it cannot be used.

    Returns ``(value, None)``, ``(None, None)`` when nothing is remembered, or
    ``(None, reason)`` when ``parse`` refuses the entry — and then the entry is removed.
    """
    settings = QtCore.QSettings()
    if not settings.contains(key):
        return None, None
    try:
        return parse(settings.value(key)), None
    except Exception as error:  # noqa: BLE001 - whatever it is, the app must still start
        forget(key)
        return None, one_line(error)


def keep(choices: dict[str, object]) -> None:
    """Remember each ``key: value`` of ``choices`` (ints, bools and text only)."""
    settings = QtCore.QSettings()
    for key, value in choices.items():
        settings.setValue(key, value)


def restore_choices(window) -> list[tuple[str, str]]:
    """Give ``window`` back its playback speed and "same α"; what was dropped, and why.

    Call it once the window's signals are connected: ticking "same α" must reach the
    workspace, and the speed the playback bar. The pairs suit :func:`dropped_message`.
    """
    dropped = []
    speed, why = recall(SPEED_KEY, whole_number(MIN_SPEED, MAX_SPEED))
    if speed is not None:
        window.controller.set_speed(speed)
    elif why:
        dropped.append((translate("remembered", "playback speed"), why))
    same, why = recall(SAME_ALPHA_KEY, yes_no)
    if same is not None:
        window.docks.controls.same_alpha.setChecked(same)
    elif why:
        dropped.append((translate("remembered", '"same α" choice'), why))
    zoom, why = recall(ZOOM_KEY, parse_zoom)
    contrast, contrast_why = recall(CONTRAST_KEY, yes_no)
    if zoom is not None or contrast is not None:
        window.qactions["contrast"].setChecked(bool(contrast))
        window.presenter.set_look(Look(zoom or 1.0, bool(contrast)))
    for what, reason in ((translate("remembered", "zoom"), why),
                         (translate("remembered", "high-contrast choice"), contrast_why)):
        if reason:
            dropped.append((what, reason))
    return dropped


def remember_choices(window) -> None:
    """Remember ``window``'s playback speed and "same α" for the next start."""
    keep({SPEED_KEY: window.controller.speed,
          SAME_ALPHA_KEY: window.docks.controls.same_alpha.isChecked(),
          ZOOM_KEY: window.presenter.look.zoom,
          CONTRAST_KEY: window.presenter.look.high_contrast})
