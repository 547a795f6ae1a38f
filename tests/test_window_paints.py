"""The window opens offscreen, shows the landscape, and survives painting many frames.

PySide6-Essentials 6.12.0 aborts on Python 3.11 ("Fatal Python error: none_dealloc")
while pyqtgraph paints contour items; this test paints hundreds of frames so a bad pin
fails here, not in a user's hands.
"""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from PySide6 import QtGui  # noqa: E402

from app.main_window import MainWindow  # noqa: E402


def _image_array(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(height, image.bytesPerLine())[:, :width * 3].reshape(height, width, 3).copy()


def test_window_is_titled_and_shows_two_panes_of_contours(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Momentum Lab"
    assert len(window.panes) == 2
    pixels = _image_array(window.panes[0])
    colours = np.unique(pixels.reshape(-1, 3) // 16, axis=0)
    assert len(colours) > 20        # filled contour bands, not a blank widget


def test_painting_many_frames_does_not_crash(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    trail = np.column_stack([np.linspace(-4.5, 0, 300), np.cos(np.arange(300)) * 0.5])
    for k in range(1, 300):
        for pane in window.panes:
            pane.set_ball(trail[k], trail[:k + 1])
        window.panes[0].grab()
    assert window.isVisible()
