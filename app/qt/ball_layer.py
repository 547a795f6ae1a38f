"""A ball on a plot: the ball, its trail (a cached settled part and a live recent part),
and its force and velocity arrows — the items every pane, the overlay and an export draw.

Arrows are drawn to true scale, in landscape units: the *force* arrow is ``−α·g`` at the
ball, g the gradient the step used, the *velocity* arrow is ``p``, the last step.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from app.model.presentation import Look
from app.model.theme import FORCE_COLOUR, VELOCITY_COLOUR
from app.model.trail_points import TrailPoints

from .cloud_layer import CloudLayer


class Arrow:
    """A shaft (a two-point curve) and a head (ArrowItem) from a point along a vector."""

    def __init__(self, plot: pg.PlotItem, colour: str, look: Look):
        self.colour = colour
        # A bare curve, not a PlotDataItem: its setData costs a seventh (8 against 58 µs),
        # and four shafts are set every frame in each of up to six panes.
        self.shaft = pg.PlotCurveItem()
        self.head = pg.ArrowItem(tipAngle=35, brush=pg.mkBrush(colour))
        self._angle = math.nan      # the head's angle as last set (NaN: never)
        self.set_look(look)
        plot.addItem(self.shaft)
        plot.addItem(self.head)
        self.head.setZValue(6)
        self.shaft.setZValue(6)
        self.shaft.hide()   # nothing to point at until the first frame
        self.head.hide()

    def set_look(self, look: Look) -> None:
        pen = pg.mkPen(self.colour, width=look.line(2.5))
        self.shaft.setPen(pen)
        self.head.setStyle(headLen=look.marker(12), pen=pen)

    def set(self, origin, vector, visible: bool) -> None:
        length = math.hypot(vector[0], vector[1])
        show = visible and length > 0 and math.isfinite(length)
        self.shaft.setVisible(show)
        self.head.setVisible(show)
        if not show:
            return
        tip = (origin[0] + vector[0], origin[1] + vector[1])
        self.shaft.setData([origin[0], tip[0]], [origin[1], tip[1]])
        self.head.setPos(*tip)
        # ArrowItem points along its angle in *screen* space: account for the view's
        # aspect so the head lines up with the shaft.
        view = self.shaft.getViewBox()
        sx, sy = 1.0, 1.0
        if view is not None:
            (x0, x1), (y0, y1) = view.viewRange()
            width, height = max(view.width(), 1.0), max(view.height(), 1.0)
            sx, sy = width / max(x1 - x0, 1e-300), height / max(y1 - y0, 1e-300)
        angle = 180 + math.degrees(math.atan2(-vector[1] * sy, vector[0] * sx))
        # Rebuilding the head's path is the costly part of a frame's arrows: it is
        # rebuilt only when its angle, to a tenth of a degree (no pixel of a 12 px head
        # moves for less), changes. Rounded, not compared with the last angle drawn, so a
        # frame's picture depends on its own vector alone, never on the frames before it.
        angle = round(angle, 1)
        if angle != self._angle:                     # NaN (never set) differs from all
            self._angle = angle
            self.head.setStyle(angle=angle)


BALL, MEDIAN_BALL = 18, 11   # the ball's size in pixels at zoom 1; many seeds' median
TRAIL_CHUNK = 64      # steps frozen into the settled trail's cached pixmap at a time
#: Drawn points of a settled trail, at most: the most recent ones. A noisy ball's trail
#: is a scribble round the minimum that looks the same with 2,500 as with 5,000, and its
#: translucent halo is stroked anew at every timeline move: 5,000 took 14 ms a pane.
TRAIL_POINTS = 2_500


def _same_view(points: TrailPoints, cell, origin) -> bool:
    old = np.asarray(points.cell)
    new = np.asarray(cell, dtype=float)
    if not (np.all(np.isfinite(new)) and np.all(new > 0)):
        return not np.all(old > 0)
    if not np.all(old > 0):
        return False
    return bool(np.all(np.abs(new / old - 1) < 0.02)
                and np.all(np.abs(np.asarray(origin) - points.origin) < new))


class BallLayer:
    """One ball with its trail and its force and velocity arrows.

    The trail is two curves: the settled part (all but the last few dozen steps), cached
    as a pixmap and redrawn only every :data:`TRAIL_CHUNK` steps, and the recent part,
    redrawn every frame. The settled part draws only the iterates that move the pen by
    half a pixel (every one, while the ball rolls; none, while it sits at a minimum), the
    most recent :data:`TRAIL_POINTS`: a long trail costs no more per frame than a short
    one, and a converged run's is drawn whole from its start.
    """

    def __init__(self, plot: pg.PlotItem, colour: str, look: Look):
        self.colour = colour
        self.settled_trail = pg.PlotDataItem()
        self.settled_trail.curve.setCacheMode(
            pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.trail = pg.PlotDataItem()
        self.ball = pg.ScatterPlotItem(brush=pg.mkBrush(colour))
        for item in (self.settled_trail, self.trail, self.ball):
            plot.addItem(item)
        self.settled_trail.setZValue(4)
        self.trail.setZValue(4)
        self.ball.setZValue(10)
        self._spot_at_origin = False   # the spot drawn at the item's origin, moved by setPos
        self._settled_key = None       # what the cached settled part shows
        self._points: TrailPoints | None = None
        self._source = None            # the run whose history the points follow
        self._generation = 0           # a new TrailPoints each time the view or run changes
        self._shown = True
        self.force_arrow = Arrow(plot, FORCE_COLOUR, look)
        self.velocity_arrow = Arrow(plot, VELOCITY_COLOUR, look)
        self.cloud = CloudLayer(plot, colour, look)     # many seeds: hidden until then
        self.set_look(look)

    def set_look(self, look: Look) -> None:
        """Line widths and the ball's size at the window's zoom and contrast."""
        self.look = look
        pen = pg.mkPen(self.colour, width=look.line(2.5))
        halo = pg.mkPen(look.palette.halo, width=look.line(5.5))   # reads on every band
        for curve in (self.settled_trail, self.trail):
            curve.setPen(pen)
            curve.setShadowPen(halo)
        self.ball.setSize(look.marker(MEDIAN_BALL if self.cloud.shown else BALL))
        self.ball.setPen(pg.mkPen(look.palette.halo, width=look.line(2.5)))
        self.force_arrow.set_look(look)
        self.velocity_arrow.set_look(look)
        self.cloud.set_look(look)

    def show_cloud(self, run, ellipse) -> None:
        """Many seeds of ``run``: the seeds' cloud and floor ``ellipse`` (None: none), the
        ball made smaller (it is their median point: the cloud must show round it)."""
        self.cloud.show(run, ellipse)
        self.ball.setSize(self.look.marker(MEDIAN_BALL))

    def hide_cloud(self) -> None:
        self.cloud.hide()
        self.ball.setSize(self.look.marker(BALL))

    def move_ball(self, position) -> None:
        """The ball at ``position``.

        A finite place moves the item (setPos: a fraction of a microsecond) with its one
        spot at its own origin, instead of giving the scatter new data every frame (50 µs,
        in every pane). An inf or NaN place (a run stops a diverging ball while it is still
        finite, so this is a guard) draws no ball: Qt cannot place an item there, and
        pyqtgraph's box of a non-finite spot warns at every paint.
        """
        x, y = float(position[0]), float(position[1])
        if math.isfinite(x) and math.isfinite(y):
            if not self._spot_at_origin:
                self.ball.setData([0.0], [0.0])
                self._spot_at_origin = True
            self.ball.setPos(x, y)
        else:
            self.ball.setData([], [])
            self.ball.setPos(0.0, 0.0)
            self._spot_at_origin = False

    def ball_position(self) -> tuple[float, float]:
        """Where the ball is drawn, in landscape units (NaN: not drawn)."""
        x, y = self.ball.getData()
        if len(x) == 0:
            return math.nan, math.nan
        return float(x[0] + self.ball.x()), float(y[0] + self.ball.y())

    def set_trail(self, history, tip=None, view=None, source=None) -> None:
        """Draw the trail of ``history`` (steps ``0..k``), then ``tip`` (the ball between
        two iterates) if given.

        ``view`` is the plot's ``(half-pixel cell, origin)`` and ``source`` the run the
        history belongs to: the settled part draws only the iterates that move the pen,
        the most recent :data:`TRAIL_POINTS` of them (:mod:`app.model.trail_points`).
        """
        k = len(history) - 1
        settled = k // TRAIL_CHUNK * TRAIL_CHUNK
        points = self._points_for(view, source)
        drawn = None
        if settled:
            points.extend(history[:settled + 1])
            drawn = points.drawn(settled, TRAIL_POINTS)
        # The cache is valid only for the same points: a long trail moves its first drawn
        # step along, stepping back shortens it, and a new view or run draws others.
        key = (self._generation, settled, int(drawn[0]) if drawn is not None else 0)
        if key != self._settled_key:
            self._settled_key = key
            if settled:
                self.settled_trail.setData(history[drawn, 0], history[drawn, 1])
            else:
                self.settled_trail.clear()
            # Hiding, not just clearing: an emptied curve with a cached pixmap is never
            # repainted, and the old (future) trail would stay on screen.
            self.settled_trail.setVisible(self._shown and settled > 0)
        recent = history[settled:]
        if tip is not None:
            recent = np.vstack([recent, tip])
        self.trail.setData(recent[:, 0], recent[:, 1])

    def _points_for(self, view, source) -> TrailPoints:
        """The drawn-iterate bookkeeping for ``view`` and ``source``, new if either changed
        (a cell more than 2 % larger or smaller, or the origin a cell away, is a new view:
        a relayout's rounding is not)."""
        cell, origin = view if view is not None else ((0.0, 0.0), (0.0, 0.0))
        old = self._points
        if old is not None and source is self._source and _same_view(old, cell, origin):
            return old
        self._points, self._source = TrailPoints(cell, origin), source
        self._generation += 1
        return self._points

    def set_trail_visible(self, visible: bool) -> None:
        self._shown = visible
        self.trail.setVisible(visible)
        self.settled_trail.setVisible(visible and bool(self._settled_key and self._settled_key[1]))

    def remove(self, plot: pg.PlotItem) -> None:
        for item in (self.settled_trail, self.trail, self.ball, self.force_arrow.shaft,
                     self.force_arrow.head,
                     self.velocity_arrow.shaft, self.velocity_arrow.head):
            plot.removeItem(item)
        self.cloud.remove(plot)
