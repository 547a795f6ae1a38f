"""The student's predicted path, drawn with the mouse on a pane before the run plays.

While armed, a press-drag-release on the plot draws a dashed path in landscape
coordinates (a new press starts it over) instead of panning the view or moving the
start; disarmed, the path stays drawn beside the real trail so the two can be compared.
The drags go to an invisible pyqtgraph item laid over the view (pyqtgraph's own way
for an item to claim a drag), so the ViewBox does not pan and nothing else moves.
"""

from __future__ import annotations

import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore

from app.model.theme import PREDICTION_COLOUR, PREDICTION_HALO

#: Mouse moves closer together than this (in pixels) add no point: a path, not a blob.
MIN_PIXELS_APART = 3


class _SketchSurface(pg.GraphicsObject):
    """An invisible item over the whole view that takes mouse drags while armed (a drag
    the ViewBox would have used to pan); unarmed it accepts no buttons, so the plot below
    works as ever. Its coordinates are the landscape's (it lives in the view's group)."""

    def __init__(self, view: pg.ViewBox, stroke):
        super().__init__()
        self.view, self.stroke = view, stroke
        self.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        # The scene indexes items by their bounds: tell it when the view (ours) moves,
        # or a press where the view has grown since finds no surface under it.
        view.sigRangeChanged.connect(self.follow_view)

    def follow_view(self, *_) -> None:
        self.prepareGeometryChange()

    def boundingRect(self) -> QtCore.QRectF:  # noqa: N802 - Qt API
        return self.view.viewRect()

    def paint(self, painter, option, widget=None) -> None:
        pass                                   # nothing to see: the path is drawn by curves

    def mouseDragEvent(self, event) -> None:  # noqa: N802 - pyqtgraph API
        if event.button() != QtCore.Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        if event.isStart():
            self.stroke(event.buttonDownPos(), "start")
        self.stroke(event.pos(), "finish" if event.isFinish() else "move")

    def mouseClickEvent(self, event) -> None:  # noqa: N802 - pyqtgraph API
        event.accept()                         # a click while sketching moves nothing


class PredictionSketch(QtCore.QObject):
    """A predicted path on ``plot`` (a :class:`~app.qt.landscape_plot.LandscapePlot`).

    Emits :attr:`sketched` with the points (landscape coordinates) when a stroke ends.
    """

    sketched = QtCore.Signal(list)

    def __init__(self, plot: pg.PlotWidget):
        super().__init__(plot)
        self.plot = plot
        self.points: list[tuple[float, float]] = []
        self.armed = False
        self.halo = pg.PlotDataItem(pen=pg.mkPen(PREDICTION_HALO, width=6))
        self.curve = pg.PlotDataItem(pen=pg.mkPen(PREDICTION_COLOUR, width=3,
                                                  style=QtCore.Qt.PenStyle.DashLine))
        view = plot.plotItem.vb
        self.surface = _SketchSurface(view, self._stroke)
        for z, item in enumerate((self.halo, self.curve, self.surface)):
            # Outside the view's bounds: a stroke past the edge must not re-range the view.
            plot.plotItem.addItem(item, ignoreBounds=True)
            item.setZValue(5 + z)                   # above the contours, under the ball
        self.surface.setZValue(50)                  # over everything, to take the drags

    def arm(self, on: bool) -> None:
        """Take mouse drags for sketching (``True``) or give them back, keeping the path."""
        self.armed = on
        buttons = QtCore.Qt.MouseButton.LeftButton if on else QtCore.Qt.MouseButton.NoButton
        self.surface.setAcceptedMouseButtons(buttons)
        cursor = QtCore.Qt.CursorShape.CrossCursor if on else QtCore.Qt.CursorShape.ArrowCursor
        self.surface.setCursor(cursor)

    def remove(self) -> None:
        """Take the path off the plot (the step changed). The pane may be gone already,
        and this sketch with it (it is the plot's child)."""
        if not shiboken6.isValid(self):
            return
        if shiboken6.isValid(self.plot):
            self.plot.plotItem.vb.sigRangeChanged.disconnect(self.surface.follow_view)
            for item in (self.halo, self.curve, self.surface):
                self.plot.plotItem.removeItem(item)
        self.deleteLater()

    def _stroke(self, position: QtCore.QPointF, phase: str) -> None:
        point = (position.x(), position.y())
        if phase == "start":
            self.points = [point]
        elif self.points and _pixels_apart(self.plot, self.points[-1], point) >= \
                MIN_PIXELS_APART or phase == "finish":
            self.points.append(point)
        self._show()
        if phase == "finish":
            self.sketched.emit(list(self.points))

    def draw(self, points) -> None:
        """Show ``points`` as the path (a prediction made before the panes were rebuilt)."""
        self.points = [tuple(map(float, p)) for p in points]
        self._show()

    def _show(self) -> None:
        xs, ys = [p[0] for p in self.points], [p[1] for p in self.points]
        self.halo.setData(xs, ys)
        self.curve.setData(xs, ys)


def _pixels_apart(plot: pg.PlotWidget, a, b) -> float:
    view = plot.plotItem.vb
    pa, pb = (view.mapViewToDevice(QtCore.QPointF(*p)) for p in (a, b))
    return abs(pa.x() - pb.x()) + abs(pa.y() - pb.y())
