"""Many seeds on the loss plot: each pane's 10–90 % band and theory's noise floor.

The band is filled between two edge curves (:class:`pyqtgraph.FillBetweenItem`), in the
pane's colour, faintly, under the median curve; the floor is a dashed horizontal line at
``E[L − L_min]`` in the pane's colour, labelled. Both come from
:class:`app.model.loss_curves.LossCurves` (``band``, ``floors``): this module only
draws them.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from app.model.loss_curves import LossCurves
from app.model.presentation import Look
from app.model.theme import rgb
from app.model.translation import translate

BAND_ALPHA = 50          # of 255: six bands overlapping still show the curves through
EDGE_ALPHA = 90
FLOOR_LABEL_POINTS = 8.5


class SeedBands:
    """The bands and floor lines of a run's panes on one plot (none without many seeds)."""

    def __init__(self, plot: pg.PlotItem, legend):
        self.plot, self.legend = plot, legend
        # The legend's grey sample for every pane's band (a pane's colour is its curve's).
        self.sample = pg.PlotDataItem(pen=None, fillLevel=0, fillBrush=(120, 120, 120, 110))
        self.items: list = []
        self.edges: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        self.floors: list[pg.InfiniteLine | None] = []

    def rebuild(self, panes: int, floors: tuple, label: str, look: Look) -> None:
        """One band per pane, and a floor line for each pane theory gives one
        (``floors``: ``()`` for a run without many seeds — then nothing is drawn); the
        legend says what the band is (``label``). Call after the legend was cleared."""
        for item in self.items:
            self.plot.removeItem(item)
        self.items, self.edges, self.floors = [], [], []
        if not floors:
            return
        self.legend.addItem(self.sample, label)
        for i in range(panes):
            colour = look.ball_colour(i)
            # Faint edges, not pen=None: a PlotDataItem without a pen hides its curve, and
            # the fill between two hidden curves has no path.
            edge = pg.mkPen(*rgb(colour), EDGE_ALPHA, width=1)
            low, high = pg.PlotDataItem(pen=edge), pg.PlotDataItem(pen=edge)
            fill = pg.FillBetweenItem(low, high, brush=pg.mkBrush(*rgb(colour), BAND_ALPHA))
            for item in (low, high, fill):
                self.plot.addItem(item)
            fill.setZValue(-5)
            self.items += [low, high, fill]
            self.edges.append((low, high))
            line = None
            if floors[i] is not None:
                line = pg.InfiniteLine(angle=0, movable=False, label=translate(
                    "plot", "noise floor (theory)"), labelOpts={
                        # Staggered along the line: two panes' floors may lie close.
                        "position": 0.95 - 0.17 * i, "color": colour,
                        "anchors": [(1, 1), (1, 1)]},
                    pen=_floor_pen(colour, look))
                line.label.setFont(_label_font(look))
                self.plot.addItem(line)
                self.items.append(line)
            self.floors.append(line)

    def set_look(self, look: Look) -> None:
        for i, line in enumerate(self.floors):
            if line is not None:
                line.setPen(_floor_pen(look.ball_colour(i), look))
                line.label.setFont(_label_font(look))

    def draw(self, shown: LossCurves) -> None:
        """The band's edges and the floors at the axis's units (decades when log)."""
        if shown.band is None or not self.edges:
            return
        low, high = shown.band
        for i, (low_curve, high_curve) in enumerate(self.edges):
            low_curve.setData(shown.steps, low[:, i])
            high_curve.setData(shown.steps, high[:, i])
        for line, floor in zip(self.floors, shown.floors):
            if line is not None:
                line.setPos(math.log10(floor) if shown.log else floor)


def _floor_pen(colour: str, look: Look):
    return pg.mkPen(colour, width=look.line(1.5), style=QtCore.Qt.PenStyle.DashLine)


def _label_font(look: Look) -> QtGui.QFont:
    font = QtGui.QFont()
    font.setPointSizeF(look.text(FLOOR_LABEL_POINTS))
    return font
