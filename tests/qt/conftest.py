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
