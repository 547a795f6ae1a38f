"""Many seeds on a plot: a faint dot per seed, and theory's noise-floor ellipse.

A pane's :class:`~app.qt.ball_layer.BallLayer` draws the median point as its ball and
the median path as its trail (:mod:`app.model.seed_cloud`); this layer adds the seeds
themselves, faintly, in the pane's colour, and — on a quadratic under noise, for SGD and
momentum — the ellipse that holds 90 % of the positions theory says noise keeps the
balls in for good (:func:`app.model.noise_floor.floor_ellipse`), dashed in the same
colour on the trails' light halo.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from app.model.presentation import Look
from app.model.theme import rgb

CLOUD_ALPHA = 130        # of 255: a seed's dot; many overlapping read as the cloud's core
CLOUD_RIM_ALPHA = 110


class CloudLayer:
    """The seeds' dots and the noise-floor ellipse of one pane (hidden until used)."""

    def __init__(self, plot: pg.PlotItem, colour: str, look: Look):
        self.colour = colour
        # One brush for every dot: a frame with 32 seeds in six panes rebuilds no brushes.
        self.dots = pg.ScatterPlotItem(brush=pg.mkBrush(*rgb(colour), CLOUD_ALPHA))
        self.floor = pg.PlotCurveItem()
        self.run = None              # the run whose ellipse is drawn
        for item, z in ((self.dots, 7), (self.floor, 5)):
            plot.addItem(item)
            item.setZValue(z)
            item.hide()
        self.set_look(look)

    def set_look(self, look: Look) -> None:
        self.dots.setSize(look.marker(8))
        # A thin rim in the trails' halo colour: the dark momentum dots read on viridis's
        # dark floor too (and a dark slide's near-white ones on its bright bands).
        self.dots.setPen(pg.mkPen(*look.palette.halo[:3], CLOUD_RIM_ALPHA, width=look.line(1)))
        self.floor.setPen(pg.mkPen(self.colour, width=look.line(2),
                                   style=QtCore.Qt.PenStyle.DashLine))
        self.floor.setShadowPen(pg.mkPen(look.palette.halo, width=look.line(4)))

    @property
    def shown(self) -> bool:
        return self.run is not None

    def show(self, run, ellipse) -> None:
        """Many seeds of ``run`` from now on; ``ellipse`` the floor's outline (None: no
        theory applies here)."""
        self.run = run
        self.dots.show()
        if ellipse is None:
            self.floor.hide()
        else:
            self.floor.setData(ellipse[:, 0], ellipse[:, 1])
            self.floor.show()

    def set_dots(self, positions: np.ndarray) -> None:
        """One dot per seed (rows of ``positions``); a seed not finite draws none."""
        finite = np.all(np.isfinite(positions), axis=1)
        self.dots.setData(pos=positions[finite])

    def hide(self) -> None:
        self.run = None
        self.dots.hide()
        self.floor.hide()

    def remove(self, plot: pg.PlotItem) -> None:
        plot.removeItem(self.dots)
        plot.removeItem(self.floor)
