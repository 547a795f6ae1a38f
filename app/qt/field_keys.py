"""Single-key shortcuts that still work while a number field has the keyboard focus.

A teacher clicks α, types 0.05, and presses Space to play or M for the map — and
nothing happens: a focused line edit claims every printable key (Qt's ShortcutOverride),
so the window's one-key shortcuts vanish into the field. A number field has no use for
most keys, so this filter hands back to the window every printable key a number cannot
contain. Digits, the decimal point (and comma), signs and the exponent stay with the
field; so do the arrows, Home, Backspace and every key with Ctrl or Alt. A key handed
over first applies what was typed, as Enter would. Text fields (the landscape's
expression) are not touched: there every letter is text.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

#: What a typed number may contain; every other printable key goes to the shortcuts.
NUMBER_KEYS = frozenset("0123456789.,-+eE")


def is_shortcut_key(text: str, modifiers) -> bool:
    """True when a key typed in a number field should trigger the window's shortcut."""
    plain = modifiers in (QtCore.Qt.KeyboardModifier.NoModifier,
                          QtCore.Qt.KeyboardModifier.ShiftModifier)
    return plain and len(text) == 1 and text.isprintable() and text not in NUMBER_KEYS


class ShortcutsThroughNumberFields(QtCore.QObject):
    """Install with :meth:`watch`; every spin box of the window then lets shortcuts by."""

    def watch(self, window: QtWidgets.QWidget) -> None:
        """Filter every spin box now in ``window`` (call again when panes are added)."""
        for box in window.findChildren(QtWidgets.QAbstractSpinBox):
            box.installEventFilter(self)   # installing twice keeps one filter
            if box.lineEdit() is not None:
                box.lineEdit().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QtCore.QEvent.Type.ShortcutOverride
                and is_shortcut_key(event.text(), event.modifiers())):
            box = watched if isinstance(watched, QtWidgets.QAbstractSpinBox) else watched.parent()
            if isinstance(box, QtWidgets.QAbstractSpinBox):
                # What the field shows is what runs: a typed 0.05 is applied (as Enter
                # would) before Space plays it, never left on screen unapplied.
                box.interpretText()
            event.ignore()   # not overridden: the shortcut map gets the key
            return True
        return False
