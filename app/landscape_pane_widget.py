"""One pane: the landscape as filled contours with contour lines, the minima, a ball and its trail.

Plot items are created once; a new landscape replaces the picture's data, and a new step
only moves the ball and the trail (``setData``), as in pyqtgraph's isocurve example.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from physics.landscape import Landscape

from .contours import ContourPicture, contour_picture

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)

BALL_COLOURS = ("#e4572e", "#f3a712", "#29bf12", "#4cc9f0")


class LandscapePaneWidget(pg.PlotWidget):
    """A contour plot of a landscape with a ball rolling on it."""

    def __init__(self, title: str = "", colour: str = BALL_COLOURS[0], parent=None):
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setMenuEnabled(False)
        self.plotItem.setTitle(title)
        self.plotItem.showGrid(False, False)
        self.plotItem.setLabel("bottom", "x")
        self.plotItem.setLabel("left", "y")
        self._image = pg.ImageItem()
        self._lines = pg.PlotDataItem(pen=pg.mkPen((255, 255, 255, 150), width=1), connect="pairs")
        self._minima = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush("w"),
                                          pen=pg.mkPen("k", width=1))
        self._trail = pg.PlotDataItem(pen=pg.mkPen(colour, width=2))
        self._ball = pg.ScatterPlotItem(size=16, brush=pg.mkBrush(colour),
                                        pen=pg.mkPen("k", width=1.5))
        for item in (self._image, self._lines, self._minima, self._trail, self._ball):
            self.addItem(item)
        self._image.setZValue(-10)
        self._lines.setZValue(-5)

    def set_landscape(self, landscape: Landscape, picture: ContourPicture | None = None) -> None:
        """Draw ``landscape`` (its contours are computed here unless given)."""
        picture = picture or contour_picture(landscape)
        cmap = pg.colormap.get("viridis")
        lut = cmap.getLookupTable(0.0, 1.0, len(picture.levels) + 1)
        self._image.setImage(picture.bands, levels=(0, len(picture.levels)), lut=lut,
                             autoLevels=False)
        xmin, xmax, ymin, ymax = picture.domain
        self._image.setRect(QtCore.QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
        segments = picture.segments
        self._lines.setData(segments[:, 0], segments[:, 1]) if len(segments) else self._lines.clear()
        minima = np.array(landscape.minima, dtype=float).reshape(-1, 2)
        self._minima.setData(minima[:, 0], minima[:, 1])
        self.plotItem.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def set_ball(self, position, trail=None) -> None:
        """Move the ball to ``position`` (x, y); ``trail`` is an ``(n, 2)`` path."""
        self._ball.setData([position[0]], [position[1]])
        if trail is not None:
            self._trail.setData(trail[:, 0], trail[:, 1])
