"""The window, shown offscreen, as the Qt tests drive it."""

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def window(qtbot):
    from app.qt.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.controller.shutdown()


@pytest.fixture
def settings(qapp, tmp_path):
    """A fresh QSettings store under ``tmp_path``, as the app's remembered state.

    Windows made by ``remembering_window`` are closed (which saves to this store) before
    the organisation name is put back, so nothing reaches the user's real settings.
    """
    from PySide6 import QtCore

    QtCore.QSettings.setPath(QtCore.QSettings.Format.NativeFormat,
                             QtCore.QSettings.Scope.UserScope, str(tmp_path))
    QtCore.QCoreApplication.setOrganizationName("Momentum Lab Test")
    yield QtCore.QSettings()
    QtCore.QCoreApplication.setOrganizationName("")


@pytest.fixture
def remembering_window(qtbot, settings):
    """``make()`` → ``MainWindow(remember=True)`` (or ``make(build)`` for another builder)."""
    from app.qt.main_window import MainWindow

    made = []

    def make(build=lambda: MainWindow(remember=True)):
        window = build()
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
