"""Legends that never cover data: beside or under the plot's view, not a box inside it."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

# PlotItem's layout grid: rows title 0, top axis 1, view 2, x axis 3; columns left axis 0,
# view 1, right axis 2.
LEGEND_ROW, VIEW_ROW, BESIDE_COLUMN = 4, 2, 3


def legend_below(plot: pg.PlotItem, columns: int, text: str = "#222222") -> pg.LegendItem:
    """A legend of ``columns`` entries a row, placed under ``plot``'s x axis, in ``text``'s
    colour."""
    legend = pg.LegendItem(colCount=columns, labelTextColor=text, verSpacing=-4)
    plot.layout.addItem(legend, LEGEND_ROW, 1)
    return legend


def legend_beside(plot: pg.PlotItem) -> pg.LegendItem:
    """A legend in a column right of ``plot``'s view: for wide, short plots."""
    legend = pg.LegendItem(colCount=1, labelTextColor="#222222", verSpacing=-4)
    legend.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred,
                         QtWidgets.QSizePolicy.Policy.Maximum)   # rows stay together
    plot.layout.addItem(legend, VIEW_ROW, BESIDE_COLUMN)
    plot.layout.setAlignment(legend, QtCore.Qt.AlignmentFlag.AlignTop)
    return legend
