"""One pane: filled contours and contour lines, the minima, the ball, its trail and arrows.

Plot items are created once. A new landscape replaces the picture's data
(:meth:`LandscapePlot.set_picture`); a new frame only moves the ball, the trail and the
arrows with ``setData`` (pyqtgraph's isocurve example), so a frame costs little.

Each ball, its trail and arrows are a :class:`~app.qt.ball_layer.BallLayer`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from app.model.contours import ContourPicture
from app.model.presentation import Look
from app.model.theme import (
    BALL_COLOURS,
    BASIN_COLOURS,
    COLOUR_MAP,
    basin_colour,
)
from app.model.translation import translate

from .application import make_room_for_cached_pictures
from .ball_layer import BallLayer
from .plot_look import no_menus, style_axes
from .signals_blocked import signals_blocked

pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)


#: Pixels for the y axis's tick labels ("−2.5", "100"): wide enough for four characters.
Y_AXIS_WIDTH = 44


class LandscapePlot(pg.PlotWidget):
    """Contours of a landscape with one ball (a pane) or several (the overlay) on it.

    Emits :attr:`point_clicked` with landscape coordinates when the user Shift+clicks
    (not drags) inside the plot, and :attr:`start_dragged` when the start marker (×) is
    dragged to a new place: the app uses both to set the start point. A plain click only
    gives the plot the keyboard focus.
    """

    point_clicked = QtCore.Signal(float, float)
    start_dragged = QtCore.Signal(float, float)

    def __init__(self, colour: str = BALL_COLOURS[0], parent=None, look: Look = Look()):
        super().__init__(parent=parent)
        self.look = look
        self._title = ""
        self.setBackground("w")
        no_menus(self)
        plot = self.plotItem
        plot.hideButtons()
        self._image = pg.ImageItem(axisOrder="row-major")   # rows are y, columns x
        self._lines = pg.PlotDataItem(pen=pg.mkPen((255, 255, 255, 140), width=1), connect="pairs")
        self._minima = pg.ScatterPlotItem(symbol="star", size=18, brush=pg.mkBrush("w"),
                                          pen=pg.mkPen("k", width=1))
        self._start = pg.TargetItem(pos=(0, 0), size=13, symbol="x", movable=True,
                                    pen=pg.mkPen("w", width=2), hoverPen=pg.mkPen("#ffd60a", width=3),
                                    brush=pg.mkBrush("w"))
        self._start.setToolTip(
            translate("plot", "Start point: drag it, or Shift+click anywhere, to start there"))
        self._start.sigPositionChangeFinished.connect(self._start_moved)
        for z, item in enumerate((self._image, self._lines, self._minima)):
            plot.addItem(item)
            item.setZValue(z - 10 if item is self._image else z)
        plot.addItem(self._start)
        self._start.setZValue(8)
        self.layers = [BallLayer(plot, colour, look)]
        # Swarm mode: one scatter item per destination colour. A uniform brush per item
        # keeps a frame cheap with a thousand balls (no per-point brush lists to rebuild).
        self._swarm_groups: list[tuple[np.ndarray, pg.ScatterPlotItem]] = []
        self._swarm_size = 0
        self.force_arrow = self.layers[0].force_arrow
        self.velocity_arrow = self.layers[0].velocity_arrow
        # The contours never change while the ball rolls: paint them once into a pixmap
        # (redrawn only when the view pans, zooms or resizes), not on every frame.
        cache = pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
        make_room_for_cached_pictures()
        self._image.setCacheMode(cache)
        self._lines.curve.setCacheMode(cache)
        self._minima.setCacheMode(cache)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setCacheMode(cache)   # axis text is costly to replay
        self.set_look(look)
        self.scene().sigMouseClicked.connect(self._clicked)

    def set_title(self, text: str) -> None:
        self._title = text
        self.plotItem.setTitle(f"<span style='font-size:{self.look.text(12):.3g}pt; "
                               f"color:{self.look.palette.text}'>{text}</span>")

    def set_look(self, look: Look) -> None:
        """Every font, line and marker of the plot at ``look``'s zoom and contrast."""
        self.look = look
        plot = self.plotItem
        self.setBackground(look.palette.background)
        self._lines.setPen(pg.mkPen((255, 255, 255, 140), width=look.line(1)))
        self._minima.setSize(look.marker(18))
        self._start.setPen(pg.mkPen("w", width=look.line(2)))
        self._start.setScale(look.marker(1))
        style_axes(plot, look, {"bottom": "x", "left": "y"})
        # A fixed width for the y axis: left to size itself to its tick labels, it can
        # oscillate with equal axes — a wider label shrinks the view, the locked aspect
        # changes the y range, the new labels are narrower, and so on at every frame.
        plot.getAxis("left").setWidth(round(Y_AXIS_WIDTH * look.zoom))
        for layer in self.layers:
            layer.set_look(look)
        self.set_title(self._title)

    def set_picture(self, picture: ContourPicture, minima) -> None:
        cmap = pg.colormap.get(COLOUR_MAP)
        lut = cmap.getLookupTable(0.0, 1.0, len(picture.levels) + 1)
        self._image.setImage(picture.bands, levels=(0, len(picture.levels)), lut=lut,
                             autoLevels=False)
        xmin, xmax, ymin, ymax = picture.domain
        self._image.setRect(QtCore.QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
        seg = picture.segments
        if len(seg):
            self._lines.setData(seg[:, 0], seg[:, 1])
        else:
            self._lines.clear()
        minima = np.array(minima, dtype=float).reshape(-1, 2)
        self._minima.setData(minima[:, 0], minima[:, 1])
        self.plotItem.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def set_equal_axes(self, on: bool) -> None:
        """One unit of x as long as one unit of y on screen (the landscape's true shape)."""
        self.plotItem.vb.setAspectLocked(on, ratio=1.0)

    def set_start(self, start) -> None:
        with signals_blocked(self._start):
            self._start.setPos(float(start[0]), float(start[1]))

    def set_layer_count(self, colours) -> None:
        """One ball layer per colour (the overlay shows every pane's ball)."""
        plot = self.plotItem
        while len(self.layers) > len(colours):
            self.layers.pop().remove(plot)
        while len(self.layers) < len(colours):
            self.layers.append(BallLayer(plot, colours[len(self.layers)], self.look))

    def set_ball(self, position, history=None, layer: int = 0, tip=None, source=None) -> None:
        """The ball at ``position``; its trail through ``history`` (steps ``0..k`` of the
        run ``source``) and then ``tip``, the ball's place between step k and the next
        (None: at step k). No history: the trail stays as it is."""
        balls = self.layers[layer]
        balls.move_ball(position)
        if history is not None:
            balls.set_trail(history, tip, self.half_pixel(), source)

    def half_pixel(self):
        """``((h_x, h_y), (x0, y0))``: half a screen pixel in landscape units and the
        view's lower-left corner (zeros before the view has a size)."""
        view = self.plotItem.vb
        (x0, x1), (y0, y1) = view.viewRange()
        width, height = view.width(), view.height()
        if width < 1 or height < 1:
            return (0.0, 0.0), (x0, y0)
        return ((x1 - x0) / width / 2, (y1 - y0) / height / 2), (x0, y0)

    def set_trail_visible(self, visible: bool, layer: int = 0) -> None:
        self.layers[layer].set_trail_visible(visible)

    def set_swarm(self, labels) -> None:
        """Swarm mode on (``labels``: each ball's destination minimum) or off (``None``).

        In swarm mode the single ball, its trail and arrows give way to one dot per
        ball, coloured like the star of the minimum it ends in.
        """
        on = labels is not None
        for _, item in self._swarm_groups:
            self.plotItem.removeItem(item)
        self._swarm_groups, self._swarm_size = [], 0
        layer = self.layers[0]
        for item in (layer.ball, layer.trail, layer.settled_trail, self._start):
            item.setVisible(not on)
        if on:
            labels = np.asarray(labels)
            self._swarm_size = len(labels)
            for label in np.unique(labels):
                item = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(basin_colour(int(label))),
                                          pen=pg.mkPen((0, 0, 0, 120), width=0.5))
                item.setZValue(9)
                self.plotItem.addItem(item)
                self._swarm_groups.append((np.flatnonzero(labels == label), item))
        self._minima.setBrush([pg.mkBrush(BASIN_COLOURS[i % len(BASIN_COLOURS)] if on else "w")
                               for i in range(len(self._minima.data))])

    def set_swarm_positions(self, positions) -> None:
        # While a run is being replaced the groups may still be the old swarm's.
        if len(positions) != self._swarm_size:
            return
        for indices, item in self._swarm_groups:
            item.setData(pos=positions[indices])

    def swarm_positions(self) -> np.ndarray:
        """The drawn swarm, in the balls' order (for tests and pictures)."""
        out = np.full((self._swarm_size, 2), np.nan)
        for indices, item in self._swarm_groups:
            x, y = item.getData()
            out[indices] = np.column_stack([x, y])
        return out

    @property
    def swarm_on(self) -> bool:
        return self._swarm_size > 0

    def _start_moved(self, target) -> None:
        point = target.pos()
        self.start_dragged.emit(point.x(), point.y())

    def _clicked(self, event) -> None:
        # A plain click is how a plot gets the keyboard (Space, arrows): it must not also
        # move the start and throw the run away. Setting the start takes Shift.
        if (event.button() != QtCore.Qt.MouseButton.LeftButton or event.double()
                or event.modifiers() != QtCore.Qt.KeyboardModifier.ShiftModifier):
            return
        view = self.plotItem.vb
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view.mapSceneToView(event.scenePos())
        self.point_clicked.emit(point.x(), point.y())
