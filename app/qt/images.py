"""A widget as pixels: an RGB array (for encoders and tests), PNG bytes, or an SVG drawing."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets


def widget_rgb(widget: QtWidgets.QWidget) -> np.ndarray:
    """The widget as it paints, as a ``(height, width, 3)`` uint8 array."""
    image = widget.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(height, stride)[:, :width * 3].reshape(height, width, 3).copy()


def _buffer():
    data = QtCore.QByteArray()
    buffer = QtCore.QBuffer(data)
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    return data, buffer


def png_bytes(widget: QtWidgets.QWidget) -> bytes:
    """The widget as a PNG file's bytes."""
    data, buffer = _buffer()
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def svg_bytes(widget: QtWidgets.QWidget, title: str = "Momentum Lab") -> bytes:
    """The widget painted into an SVG drawing (lines stay vectors; images are embedded)."""
    from PySide6.QtSvg import QSvgGenerator  # noqa: PLC0415

    data, buffer = _buffer()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QtCore.QRect(QtCore.QPoint(0, 0), widget.size()))
    generator.setTitle(title)
    painter = QtGui.QPainter(generator)
    widget.render(painter, QtCore.QPoint(0, 0))
    painter.end()
    buffer.close()
    return bytes(data)
