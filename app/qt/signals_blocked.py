"""Showing a value in a widget without it announcing an edit the user never made."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6 import QtCore


@contextmanager
def signals_blocked(*objects: QtCore.QObject):
    """Block the objects' signals while the block runs, then restore each one's previous
    state — even when setting a value raises (an overflowing spin box once left a pane's
    fields blocked, deaf to the user, for good)."""
    previous = [obj.blockSignals(True) for obj in objects]
    try:
        yield
    finally:
        for obj, was_blocked in zip(objects, previous):
            obj.blockSignals(was_blocked)
