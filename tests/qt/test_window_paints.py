"""The window opens offscreen, shows the landscape, and survives painting many frames.

PySide6-Essentials 6.12.0 aborts on Python 3.11 ("Fatal Python error: none_dealloc")
while pyqtgraph paints contour items; this test paints hundreds of frames so a bad pin
fails here, not in a user's hands.
"""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from app.model.theme import BALL_COLOURS, rgb  # noqa: E402
from app.qt.images import widget_rgb  # noqa: E402
from app.qt.main_window import MainWindow  # noqa: E402


def test_window_is_titled_and_shows_two_panes_of_contours(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Momentum Lab"
    assert len(window.pane_row.panes) == 2
    pixels = widget_rgb(window.pane_row.panes[0].plot)
    colours = np.unique(pixels.reshape(-1, 3) // 16, axis=0)
    assert len(colours) > 20        # filled contour bands, not a blank widget
    # The ball is drawn in its colour near the start point (top-left of the ravine).
    ball = np.array(rgb(BALL_COLOURS[0]))
    assert np.any(np.all(np.abs(pixels.astype(int) - ball) < 8, axis=-1))


def test_painting_many_frames_does_not_crash(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    controller = window.controller
    for k in range(300):
        controller.seek(k)
        controller.frame_changed.emit(k + 0.5)   # a frame between two iterates
        window.pane_row.panes[k % 2].plot.grab()
    window.docks.controls.add_pane.click()
    for k in range(100):
        controller.seek(k)
        window.grab()
    assert window.isVisible() and controller.step == 99
    controller.shutdown()
