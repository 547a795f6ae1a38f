"""The keyboard around the window's fields: shortcuts get through, Enter and Escape lead home.

A teacher clicks α, types 0.05, and presses Space to play or M for the map — and
nothing happens: a focused line edit claims every printable key (Qt's ShortcutOverride),
so the window's one-key shortcuts vanish into the field. A number field has no use for
most keys, so this filter hands back to the window every printable key a number cannot
contain. Digits, the decimal point (and comma), signs and the exponent stay with the
field; so do the arrows, Home, Backspace and every key with Ctrl or Alt. A key handed
over first applies what was typed, as Enter would. Text fields (the landscape's
expression) are not touched: there every letter is text.

Leaving a control is one key, as in any form: Enter in a field (the field has applied
its value by then) and Escape in any control give the keyboard back to the panes — the
first plot on screen — so the next Space plays. Escape in a number field first puts back
the value that runs: what was typed is dropped, not applied. Both keys are caught only
once every widget on the way up has ignored them, so a widget that uses Enter or Escape
(an open combo-box list, an expression that must be fixed first) keeps it.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from .landscape_plot import LandscapePlot

#: What a typed number may contain; every other printable key goes to the shortcuts.
NUMBER_KEYS = frozenset("0123456789.,-+eE")

Key, Modifier = QtCore.Qt.Key, QtCore.Qt.KeyboardModifier
ENTER_KEYS = (Key.Key_Return, Key.Key_Enter)
HELD = Modifier.ControlModifier | Modifier.AltModifier | Modifier.MetaModifier


def is_shortcut_key(text: str, modifiers) -> bool:
    """True when a key typed in a number field should trigger the window's shortcut."""
    plain = modifiers in (QtCore.Qt.KeyboardModifier.NoModifier,
                          QtCore.Qt.KeyboardModifier.ShiftModifier)
    return plain and len(text) == 1 and text.isprintable() and text not in NUMBER_KEYS


def _spin_box(widget) -> QtWidgets.QAbstractSpinBox | None:
    """The number field ``widget`` is, or whose line edit it is; else None."""
    for candidate in (widget, widget.parent() if widget is not None else None):
        if isinstance(candidate, QtWidgets.QAbstractSpinBox):
            return candidate
    return None


def focus_panes(window: QtWidgets.QWidget) -> None:
    """Give the keyboard to the panes: the first plot on screen (the overlay, when shown)."""
    for plot in window.findChildren(LandscapePlot):    # in layout order: overlay, pane 1, …
        if plot.isVisible():
            plot.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
            return
    window.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)


class ShortcutsThroughNumberFields(QtCore.QObject):
    """Install with :meth:`watch`: shortcuts pass the number fields, Enter and Escape lead home."""

    def watch(self, window: QtWidgets.QWidget) -> None:
        """Filter every spin box now in ``window`` (call again when panes are added)."""
        for box in window.findChildren(QtWidgets.QAbstractSpinBox):
            box.installEventFilter(self)   # installing twice keeps one filter
            if box.lineEdit() is not None:
                box.lineEdit().installEventFilter(self)
        # Keys nobody used travel up to the window; a floating dock is a window of its own.
        for top in (window, *window.findChildren(QtWidgets.QDockWidget)):
            top.installEventFilter(self)
        self._window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind == QtCore.QEvent.Type.ShortcutOverride:
            return self._shortcut_override(watched, event)
        if kind == QtCore.QEvent.Type.KeyPress and isinstance(
                watched, (QtWidgets.QMainWindow, QtWidgets.QDockWidget)):
            return self._unused_key(event)
        return False

    def _shortcut_override(self, watched, event) -> bool:
        box = _spin_box(watched)
        if box is None or not is_shortcut_key(event.text(), event.modifiers()):
            return False
        # What the field shows is what runs: a typed 0.05 is applied (as Enter would)
        # before Space plays it, never left on screen unapplied.
        box.interpretText()
        event.ignore()   # not overridden: the shortcut map gets the key
        return True

    def _unused_key(self, event) -> bool:
        """Enter or Escape that no widget used: back to the panes (True: handled)."""
        focus = QtWidgets.QApplication.focusWidget()
        if (focus is None or isinstance(focus, pg.GraphicsView)     # already on a plot
                or event.modifiers() & HELD):
            return False
        box = _spin_box(focus)
        if event.key() == Key.Key_Escape:
            if box is not None:
                # Losing the focus would apply what was typed (with keyboard tracking off,
                # a spin box applies its text on focus-out): show the running value first.
                box.setValue(box.value())
        elif event.key() not in ENTER_KEYS or not (
                box is not None or isinstance(focus, QtWidgets.QLineEdit)):
            return False
        focus_panes(self._window)
        return True
