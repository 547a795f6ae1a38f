"""The 3-D view of a pane: the landscape as a surface with the ball rolling on it.

Uses pyqtgraph's OpenGL items. OpenGL is not available everywhere (the offscreen
platform the tests use, some remote desktops), so :func:`opengl_problem` checks first
and the pane keeps its 2-D view with the reason shown when it is missing.

Heights come from :class:`app.model.surface_heights.HeightMap`; the ball always sits on
the drawn surface.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6 import QtGui, QtWidgets

from app.model.surface_heights import HeightMap
from app.model.theme import COLOUR_MAP
from app.model.translation import translate
from physics.landscape import Landscape

from .playback_controller import PlaybackController

SURFACE_GRID = 90


@lru_cache(maxsize=1)
def _missing() -> str | None:
    """What OpenGL lacks here (``"platform"``, ``"pyopengl"``, ``"context"``), or None."""
    if QtGui.QGuiApplication.platformName() in ("offscreen", "minimal"):
        return "platform"
    try:
        import OpenGL.GL  # noqa: F401, PLC0415 - pyqtgraph.opengl needs PyOpenGL
    except ImportError:
        return "pyopengl"
    context = QtGui.QOpenGLContext()
    if not context.create():
        return "context"
    return None


def opengl_problem() -> str | None:
    """Why OpenGL cannot be used here (in the window's language), or None if it can."""
    missing = _missing()
    if missing == "platform":
        return translate("surface", "the 3-D view needs OpenGL, which the offscreen platform "
                                    "does not provide")
    if missing == "pyopengl":
        return translate("surface", "the 3-D view needs PyOpenGL (pip install PyOpenGL)")
    if missing == "context":
        return translate("surface", "the 3-D view needs OpenGL, and this display cannot create "
                                    "an OpenGL context")
    return None


class Surface3DWidget(QtWidgets.QWidget):
    """A GLViewWidget with the surface, the ball and its trail for pane ``index``."""

    def __init__(self, controller: PlaybackController, index: int, colour: str, parent=None):
        super().__init__(parent)
        import pyqtgraph.opengl as gl  # noqa: PLC0415 - only when OpenGL is there

        self.controller, self.index = controller, index
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = gl.GLViewWidget()
        self.view.setBackgroundColor("w")
        layout.addWidget(self.view)
        self.surface = gl.GLSurfacePlotItem(smooth=True, shader=None, computeNormals=False)
        self.view.addItem(self.surface)
        rgb = pg.mkColor(colour).getRgbF()
        self.ball = gl.GLScatterPlotItem(size=22, color=rgb, pxMode=True)
        self.ball.setGLOptions("additive")   # no depth test: the ball never hides in the surface
        self.trail = gl.GLLinePlotItem(color=rgb, width=2, antialias=True)
        self.view.addItem(self.trail)
        self.view.addItem(self.ball)
        self.heights: HeightMap | None = None
        self.landscape: Landscape | None = None
        controller.frame_changed.connect(self._draw)

    def set_landscape(self, landscape: Landscape) -> None:
        self.landscape = landscape
        xmin, xmax, ymin, ymax = landscape.domain
        xs = np.linspace(xmin, xmax, SURFACE_GRID)
        ys = np.linspace(ymin, ymax, SURFACE_GRID)
        with np.errstate(all="ignore"):
            values = np.asarray(landscape.value_xy(xs[:, None], ys[None, :]), dtype=float)
        values = np.broadcast_to(values, (SURFACE_GRID, SURFACE_GRID))
        self.heights = HeightMap(landscape, values)
        z = self.heights(values)
        top = float(np.nanmax(z)) or 1.0
        colours = pg.colormap.get(COLOUR_MAP).map(np.nan_to_num(z / top).ravel(), mode="float")
        self.surface.setData(x=xs, y=ys, z=np.nan_to_num(z),
                             colors=colours.reshape(SURFACE_GRID, SURFACE_GRID, 4))
        centre = pg.Vector((xmin + xmax) / 2, (ymin + ymax) / 2, top / 3)
        self.view.setCameraPosition(pos=centre, distance=1.25 * landscape.extent, elevation=35,
                                    azimuth=-60)
        self._draw(self.controller.playhead)

    def _draw(self, playhead: float) -> None:
        c = self.controller.comparison
        if self.heights is None or self.index >= c.shape[0] or not self.isVisible():
            return
        k = min(int(math.floor(playhead)), c.computed_steps)
        trail = c.trail(k)[:, self.index, 0]
        here = trail[-1]
        if playhead > k and k + 1 <= c.computed_steps:
            here = here + (playhead - k) * (c.positions(k + 1)[self.index, 0] - here)
            trail = np.vstack([trail, here])
        lift = 0.01 * self.landscape.extent
        z = self.heights(self.landscape.value(trail)) + lift
        self.trail.setData(pos=np.column_stack([trail, z]))
        self.ball.setData(pos=np.array([[here[0], here[1], z[-1] + lift]]))
