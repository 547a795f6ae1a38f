"""Shared test set-up: Qt runs offscreen, and tests fail if they leave timers running.

With ``MOMENTUM_LAB_BLOCK_QT=1`` Qt cannot be imported at all: tests/test_architecture.py
runs the model and command-line tests that way, to prove they need no Qt.
"""

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _BlockQt:
    """An import hook that refuses PySide6, shiboken6 and pyqtgraph."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"):
            raise ImportError(f"blocked: {name} (MOMENTUM_LAB_BLOCK_QT)")


if os.environ.get("MOMENTUM_LAB_BLOCK_QT") == "1":
    sys.meta_path.insert(0, _BlockQt())


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_timers_left_running(request):
    """Fail a Qt test that leaves a QTimer running (napari's fixture, in spirit)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6 import QtCore, QtWidgets

    # Collect unreachable windows now, before walking Qt's widget list: a window whose
    # Python wrapper the garbage collector frees mid-walk is deleted under our feet.
    gc.collect()
    app = QtWidgets.QApplication.instance()
    running = []
    for widget in QtWidgets.QApplication.topLevelWidgets():
        for timer in widget.findChildren(QtCore.QTimer):
            owner = type(timer.parent()).__module__
            if owner.startswith("PySide6"):
                continue   # Qt's own (status-bar message timeouts and the like)
            if timer.isActive() and not timer.isSingleShot():
                running.append(f"{type(widget).__name__}/{timer.parent().__class__.__name__}")
    if app is not None:
        for widget in QtWidgets.QApplication.topLevelWidgets():
            widget.close()
    assert not running, f"timers left running: {running}"
