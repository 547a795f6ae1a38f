"""An export canvas's frames at the cost of what changed: Qt repaints a dirty region only.

The slow way to take frame k is to grab the whole canvas: Qt repaints every widget, axis
and cached contour pixmap, and the whole picture is converted to RGB. Between two frames
only a few things move — each pane's ball, the recent part of its trail, its arrows, the
header's text, the loss plot — so :class:`FrameRenderer` keeps the last frame and asks Qt
to repaint only the region that can differ from it,

    R_k = ⋃ over changing items of  rect_{k−1}(item) ∪ rect_k(item)

where an item's rect is its device bounding box (padded for antialiasing) and the
changing items are: every plot item drawn afresh each frame (no pixmap cache: ball, recent
trail, arrows), every cached item that changed (the settled trail, every ``TRAIL_CHUNK``
steps: a signal, a shown/hidden flip or a new box says so), the start marker only when
what it paints with changed (its place, pen, brush or symbol: it is uncached but static,
and its box would stretch a pane's rectangle from the start to the ball), the header's
old and new text when it changed, and the widgets that follow the step whole (the loss
plot, the energy and phase views beside the panes). Outside R_k the two frames are
equal; inside it Qt paints exactly what a grab paints — the same widgets, items, caches
and stacking order, clipped to R_k — so a frame is the app's own drawing, pixel for pixel.
A pane whose view range, place or items changed is repainted whole. Only R_k is converted
from Qt's 32-bit pixels to RGB.
"""

from __future__ import annotations

import math
import sys

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

PAD = 3   # pixels around an item's box: antialiased edges and pen caps reach past it
TEXT_PAD = 8   # pixels beside a line of text: italic and bold glyphs overhang their advance
#: Qt's RGB32 pixel is 0xffRRGGBB in native order: R, G, B sit at these bytes.
_RGB_BYTES = (2, 1, 0) if sys.byteorder == "little" else (1, 2, 3)
_NO_CACHE = QtWidgets.QGraphicsItem.CacheMode.NoCache
_CHANGE_SIGNALS = ("sigPlotChanged", "sigImageChanged", "visibleChanged")


def _static_look(item):
    """What an uncached item that rarely changes paints with, to compare between frames
    (None: the item may change any frame). The start marker (a TargetItem) paints its
    symbol's path with its current pen and brush at its place: the same values, the same
    pixels. A new view range makes a new path and repaints the pane whole anyway. (A marker
    with a label is not static: its text could change unseen.)"""
    if not isinstance(item, pg.TargetItem) or item.childItems():
        return None
    base = QtWidgets.QGraphicsItem   # (TargetItem has a `scale` attribute of its own)
    return (tuple(item.pos()), item.isVisible(), base.scale(item), item.rotation(),
            item.opacity(), item.zValue(), QtGui.QPen(item.currentPen),
            QtGui.QBrush(item.currentBrush), QtGui.QPainterPath(item.shape()))


def _cached(item) -> bool:
    """Whether ``item`` paints only through pixmap caches (it then changes rarely): it is
    cached itself, or every shown child is (a PlotDataItem holds its curve)."""
    if item.cacheMode() != _NO_CACHE:
        return True
    children = [c for c in item.childItems() if c.isVisibleTo(item)]
    return bool(children) and all(_cached(c) for c in children)


class _Pane:
    """One plot of the canvas: its items, their last boxes, and what said it changed."""

    def __init__(self, plot, canvas: QtWidgets.QWidget):
        self.plot, self.canvas = plot, canvas
        self.items: list = []
        self.cached: set = set()
        self.changed: set = set()
        self.boxes: dict = {}    # item -> its last padded box (None: not shown)
        self.curves: dict = {}   # item -> (x, y, pad) of a curve when its box was taken
        self.looks: dict = {}    # static item -> what it painted with (_static_look)
        self.key = None

    def _watch(self) -> None:
        """Take the plot's items afresh; hear every new cached item's changes."""
        items = list(self.plot.plotItem.vb.addedItems)
        for item in items:
            if item not in self.items and _cached(item):
                self.cached.add(item)
                for part in (item, *item.childItems()):
                    for name in _CHANGE_SIGNALS:
                        signal = getattr(part, name, None)
                        if signal is not None:
                            signal.connect(lambda *_, item=item: self.changed.add(item))
        self.items = items
        self.cached &= set(items)
        self.boxes, self.curves, self.looks = {}, {}, {}

    def _state(self, corner: QtCore.QPoint):
        """What, when it differs, makes every pixel of the pane suspect."""
        view, box = self.plot.viewport(), self.plot.plotItem.vb
        return (tuple(map(tuple, box.viewRange())), corner.x(), corner.y(), view.width(),
                view.height(), tuple(map(id, box.addedItems)))

    def _box(self, item, transform: QtGui.QTransform, bounds: QtCore.QRectF):
        """``item``'s padded device box in canvas pixels, a QRect (None: not shown); for a
        curve, also remember its points and how far its strokes reach past them."""
        self.curves.pop(item, None)
        if not item.isVisible():
            return None
        # deviceTransform honours ItemIgnoresTransformations (arrow heads are sized in pixels).
        device = QtWidgets.QGraphicsItem.deviceTransform(item, transform)
        if isinstance(item, pg.ScatterPlotItem):
            return self._spots_box(item, device, bounds)
        box = device.mapRect(item.boundingRect() | item.childrenBoundingRect())
        if not all(map(math.isfinite, (box.left(), box.top(), box.right(), box.bottom()))):
            return bounds.toAlignedRect()   # a diverged ball: anywhere in the pane
        x, y = item.getOriginalDataset() if hasattr(item, "getOriginalDataset") else (None, None)
        if x is not None and len(x) > 2:   # a trail, not a two-point arrow shaft
            points = _points_box(device, x, y)
            if points is not None:
                pad = max(points.left() - box.left(), box.right() - points.right(),
                          points.top() - box.top(), box.bottom() - points.bottom(), 0.0)
                self.curves[item] = (x, y, pad)
        return _clipped(box, PAD, bounds)

    @staticmethod
    def _spots_box(item, device: QtGui.QTransform, bounds: QtCore.QRectF):
        """A scatter's (the ball's) box: its spots' centres, padded as its own bounding
        rectangle pads them (half the widest spot's diagonal, in pixels). Its
        ``boundingRect`` is not cached and costs more than the rest of the box; Qt asks it
        again when it paints."""
        x, y = item.getData()
        if len(x) == 0:
            return None
        centres = _points_box(device, np.asarray(x, float), np.asarray(y, float))
        if centres is None:
            return bounds.toAlignedRect()   # a diverged ball: anywhere in the pane
        return _clipped(centres, item.pixelPadding() + PAD, bounds)

    def _tail(self, item, transform, bounds):
        """The box of a curve's new points when it only grew (the trail's new segment:
        every older pixel stays as it was), else None."""
        then = self.curves.get(item)
        if then is None or not item.isVisible():
            return None
        x0, y0, pad = then
        x, y = item.getOriginalDataset()
        n = len(x0)
        if x is None or len(x) < n or not (np.array_equal(x[:n], x0) and np.array_equal(y[:n], y0)):
            return None
        device = QtWidgets.QGraphicsItem.deviceTransform(item, transform)
        tail = _points_box(device, x[n - 1:], y[n - 1:])
        if tail is None:
            return None
        self.curves[item] = (x, y, pad)
        return _clipped(tail, pad + PAD, bounds) or QtCore.QRect()

    def dirty(self) -> list[QtCore.QRect]:
        """The canvas rectangles this pane needs repainted for the frame about to be taken."""
        view = self.plot.viewport()
        corner = view.mapTo(self.canvas, QtCore.QPoint(0, 0))
        bounds = QtCore.QRectF(corner.x(), corner.y(), view.width(), view.height())
        transform = self.plot.viewportTransform() * QtGui.QTransform.fromTranslate(
            corner.x(), corner.y())
        state = self._state(corner)
        whole = state != self.key
        if whole:   # a new view range, place or item list: every pixel, every box afresh
            self.key = state
            self._watch()
        rects = [bounds.toAlignedRect()] if whole else []
        for item in self.items:
            old = self.boxes.get(item)
            if not whole and item in self.cached and item not in self.changed \
                    and item.isVisible() == (old is not None):
                continue   # a cached item that said nothing, neither shown nor hidden since
            look = _static_look(item)
            if look is not None and not whole and self.looks.get(item) == look:
                continue   # a static item painting with the same values as last frame
            self.looks[item] = look
            tail = None if whole else self._tail(item, transform, bounds)
            if tail is not None:   # only grew: its new segment, and its box grows with it
                rects.append(tail)
                self.boxes[item] = old | tail if old is not None else tail
                continue
            new = self.boxes[item] = self._box(item, transform, bounds)
            rects += [r for r in (old, new) if r is not None]
        self.changed.clear()
        return [r for r in rects if not r.isEmpty()]


def _points_box(device: QtGui.QTransform, x, y) -> QtCore.QRectF | None:
    """The device box of points ``(x, y)`` under ``device`` (None: not all finite)."""
    m = device
    px = m.m11() * x + m.m21() * y + m.m31()
    py = m.m12() * x + m.m22() * y + m.m32()
    if not (np.isfinite(px).all() and np.isfinite(py).all()):
        return None
    return QtCore.QRectF(QtCore.QPointF(px.min(), py.min()), QtCore.QPointF(px.max(), py.max()))


def _clipped(box: QtCore.QRectF, pad: float, bounds: QtCore.QRectF) -> QtCore.QRect | None:
    box = box.adjusted(-pad, -pad, pad, pad) & bounds
    return None if box.isEmpty() else box.toAlignedRect()


def _text_box(label: QtWidgets.QLabel) -> QtCore.QRect:
    """Where a one-line label paints its text, in its parent's pixels: the box Qt lays the
    text out in (its alignment in the contents rectangle), widened for glyphs that reach
    past their advance, the label's full height."""
    inner = label.contentsRect()
    text = label.fontMetrics().boundingRect(inner, int(label.alignment()), label.text())
    box = QtCore.QRect(text.left() - TEXT_PAD, inner.top(), text.width() + 2 * TEXT_PAD,
                       inner.height())
    return box.translated(label.geometry().topLeft()) & label.geometry()


def _bounding(rects: list[QtCore.QRect]) -> list[QtCore.QRect]:
    """One rectangle around ``rects`` (none for none). Qt paints every item that meets a
    repainted rectangle in full before clipping it — a trail costs the same for one
    pixel as for all of it — so each pane is repainted once, over the rectangle holding
    all it needs; a region of several rectangles would also be a complex clip, slower
    still. Covering the contour pixmaps a little more is cheap next to either."""
    if not rects:
        return []
    box = QtCore.QRect(rects[0])
    for rect in rects[1:]:
        box |= rect
    return [box]


class FrameRenderer:
    """The canvas's frames as RGB arrays, repainting only what changed since the last.

    ``canvas`` has ``plots`` (landscape plots), ``header`` (a label) and
    ``live_widgets()`` (what is repainted whole every frame). :meth:`frame` returns the frame of the canvas's current state; the array
    is reused by the next call (copy it to keep it).
    """

    def __init__(self, canvas: QtWidgets.QWidget):
        self.canvas = canvas
        width, height = canvas.width(), canvas.height()
        self._pixels = np.zeros((height, width, 4), np.uint8)   # Qt paints into these
        self._image = QtGui.QImage(self._pixels.data, width, height, width * 4,
                                   QtGui.QImage.Format.Format_RGB32)
        self._rgb = np.zeros((height, width, 3), np.uint8)
        self._panes = [_Pane(plot, canvas) for plot in canvas.plots]
        self._header_text = self._header_box = None
        self._first = True

    def _dirty(self) -> list[tuple[QtWidgets.QWidget, QtCore.QRect]]:
        """``(widget, rectangle in canvas pixels)`` to repaint for this frame."""
        canvas = self.canvas
        header = canvas.header
        text_box = _text_box(header)
        if self._first:
            self._first = False
            for pane in self._panes:
                pane.dirty()   # records every item's box
            self._header_text, self._header_box = header.text(), text_box
            return [(canvas, canvas.rect())]
        jobs = [(pane.plot, rect) for pane in self._panes for rect in _bounding(pane.dirty())]
        if header.text() != self._header_text:
            jobs.append((header, (self._header_box | text_box) & header.geometry()))
            self._header_text, self._header_box = header.text(), text_box
        for widget in canvas.live_widgets():
            corner = widget.mapTo(canvas, QtCore.QPoint(0, 0))
            jobs.append((widget, QtCore.QRect(corner, widget.size())))
        return jobs

    def frame(self) -> np.ndarray:
        """The canvas as it paints now, ``(height, width, 3)`` uint8."""
        jobs = self._dirty()
        if not jobs:
            return self._rgb
        painter = QtGui.QPainter(self._image)
        try:
            for widget, rect in jobs:
                # QWidget.render puts the region's top-left corner at the target offset;
                # its graphics views blit their cached pixmaps in device pixels, which
                # agree only if that offset is where the rectangle really is.
                corner = widget.mapTo(self.canvas, QtCore.QPoint(0, 0))
                QtWidgets.QWidget.render(widget, painter, rect.topLeft(),
                                         QtGui.QRegion(rect.translated(-corner)))
        finally:
            painter.end()
        for _, rect in jobs:
            box = np.s_[rect.top():rect.bottom() + 1, rect.left():rect.right() + 1]
            rgb, pixels = self._rgb[box], self._pixels[box]
            for channel, byte in enumerate(_RGB_BYTES):   # a channel at a time: 3× faster
                rgb[..., channel] = pixels[..., byte]     # than one reversed-stride copy
        return self._rgb
