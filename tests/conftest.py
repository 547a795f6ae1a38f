"""Shared test set-up: Qt runs offscreen, and tests fail if they leave timers running."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_timers_left_running(request):
    """Fail a Qt test that leaves a QTimer running (napari's fixture, in spirit)."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6 import QtCore, QtWidgets

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
