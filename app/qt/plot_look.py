"""A pyqtgraph plot's axes at the window's zoom and contrast (panes, overlay, loss plot)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtGui

from app.model.presentation import Look

TICK_POINTS, LABEL_POINTS, LEGEND_POINTS = 9, 10, 9


def style_axes(plot: pg.PlotItem, look: Look, labels: dict[str, str]) -> None:
    """Tick text, axis lines and the axes' ``labels`` (``{"bottom": "x", …}``) at ``look``."""
    font = QtGui.QFont()
    font.setPointSizeF(look.text(TICK_POINTS))
    for name, text in labels.items():
        axis = plot.getAxis(name)
        axis.setStyle(tickFont=font)
        axis.setTextPen(look.label_colour)
        axis.setPen(look.label_colour)
        plot.setLabel(name, text, **label_style(look))


def label_style(look: Look) -> dict[str, str]:
    """pyqtgraph's axis-label style for ``look`` (for labels set later, too)."""
    return {"font-size": f"{look.text(LABEL_POINTS):.3g}pt", "color": look.label_colour}


def no_menus(widget: pg.PlotWidget) -> None:
    """No pyqtgraph right-click menus on our plots: the app's own commands do all that
    (pyqtgraph's "Export..." bypasses the app's safe writes and speaks only English)."""
    widget.setMenuEnabled(False)
    scene = widget.scene()
    for action in scene.contextMenu:
        action.setParent(None)              # gone now, not at the next event loop
    scene.contextMenu = []


def style_legends_and_ticks(widget: pg.GraphicsView, look: Look, ticks: bool) -> None:
    """Every legend's text in ``widget`` at ``look`` — the entries already there too
    (pyqtgraph applies a new size only to entries added later) — and, with ``ticks``,
    the tick text of its plots (for plots that have no look of their own)."""
    size = f"{look.text(LEGEND_POINTS):.3g}pt"
    font = QtGui.QFont()
    font.setPointSizeF(look.text(TICK_POINTS))
    for item in widget.scene().items():
        if isinstance(item, pg.LegendItem):
            item.setLabelTextSize(size)
            for _, label in item.items:
                label.setText(label.text, size=size)
        elif ticks and isinstance(item, pg.AxisItem):
            item.setStyle(tickFont=font)
