"""Loss against step for every pane (log scale), with a cursor at the current step.

Where the landscape's minimum value is known the plot shows ``L − L_min`` so the log
axis reaches the bottom of the bowl; otherwise, if any loss is ≤ 0 (a saddle), it falls
back to a linear axis.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from .landscape_pane_widget import BALL_COLOURS
from .playback_controller import PlaybackController

REDRAW_INTERVAL_MS = 50   # the curves and cursor need not follow every frame


class LossPlotWidget(pg.PlotWidget):
    """The loss curves of every pane, sharing one step axis."""

    def __init__(self, controller: PlaybackController, parent=None):
        super().__init__(parent=parent)
        self.controller = controller
        self.setBackground("w")
        self.setMenuEnabled(False)
        self.plotItem.hideButtons()
        self.plotItem.setLabel("bottom", "step")
        self.plotItem.showGrid(x=True, y=True, alpha=0.2)
        self.legend = self.plotItem.addLegend(offset=(-10, 5))
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#555", width=1, style=QtCore.Qt.PenStyle.DashLine))
        self.plotItem.addItem(self.cursor)
        cache = pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
        for axis in ("left", "bottom"):
            self.plotItem.getAxis(axis).setCacheMode(cache)   # repaint axis text only on change
        self.curves: list[pg.PlotDataItem] = []
        self._log = True
        # An owned single-shot timer coalesces redraws and dies with the widget.
        self._redraw_timer = QtCore.QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._redraw)
        controller.step_changed.connect(self._step_changed)
        controller.comparison_changed.connect(self.rebuild)
        controller.play_stopped.connect(self._redraw)
        self.rebuild()

    def rebuild(self) -> None:
        """New comparison: one curve per pane, named by its settings."""
        for curve in self.curves:
            self.plotItem.removeItem(curve)
        self.legend.clear()
        self.curves = []
        c = self.controller.comparison
        for i, settings in enumerate(c.settings):
            curve = pg.PlotDataItem(pen=pg.mkPen(BALL_COLOURS[i % len(BALL_COLOURS)], width=2),
                                    name=settings.title())
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.plotItem.addItem(curve)
            self.curves.append(curve)
        self._x_max = 0
        minimum = c.landscape.min_value
        self._offset = minimum if minimum is not None else 0.0
        self._log = minimum is not None or bool(np.all(c.loss(0) > 0))
        self.plotItem.setLogMode(y=self._log)
        label = "L − L_min" if minimum is not None and minimum != 0 else "loss L"
        if c.shape[1] > 1:
            label = "median " + label + " over the swarm"
        self.plotItem.setLabel("left", label + (" (log)" if self._log else ""))
        self._redraw()

    def _step_changed(self, step: int) -> None:
        # Stepping by hand: show it now. Playing: at most every REDRAW_INTERVAL_MS, so
        # the panes' balls get the frame budget.
        if not self.controller.is_playing:
            self._redraw()
        elif not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def _redraw(self) -> None:
        c = self.controller.comparison
        k = min(self.controller.step, c.computed_steps)
        history = c.loss_history(k)
        # A swarm has many balls per pane: follow the median one.
        losses = (np.median(history, axis=2) if c.shape[1] > 1 else history[:, :, 0]) - self._offset
        steps = np.arange(k + 1)
        for i, curve in enumerate(self.curves):
            y = losses[:, i]
            if self._log:
                y = np.maximum(y, 1e-16)   # exact zero at the minimum: clamp for the log axis
            curve.setData(steps, y)
        self.cursor.setPos(k)
        # Grow the step axis in jumps: a range change repaints the axis text.
        if k > self._x_max or self._x_max == 0:
            self._x_max = max(50, int(k * 1.5))
            self.plotItem.setXRange(0, self._x_max, padding=0.02)
