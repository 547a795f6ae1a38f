"""Loss against step for every pane, with a cursor at the current step.

What is drawn — the curves, log or linear axis, its label and range — comes from
:class:`app.model.loss_curves.LossHistory`, which also thins a long history to about two
points a pixel column (its exact min/max envelope), so a frame at step 1,000,000 costs
what one at step 1,000 does.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore

from app.model.loss_curves import LossHistory
from app.model.presentation import Look
from app.model.translation import translate
from physics.simulation import Comparison

from .legends import legend_beside
from .loss_band import SeedBands
from .playback_controller import PlaybackController
from .plot_look import label_style, no_menus, style_axes

REDRAW_INTERVAL_MS = 50   # the curves and cursor need not follow every frame
_NOT_SET = object()       # what the axis was last given, before a run's first draw


class LossPlotWidget(pg.PlotWidget):
    """The loss curves of every pane, sharing one step axis.

    It draws a run at a step (:meth:`rebuild` for a new run, :meth:`draw` for a step);
    :meth:`follow` ties it to a playback controller (the window), while the export
    canvas calls :meth:`draw` itself for each frame.
    """

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.controller: PlaybackController | None = None
        self.run: Comparison | None = None
        self._step = 0
        self.setBackground("w")
        no_menus(self)
        self.plotItem.hideButtons()
        self.look = Look()
        self.plotItem.showGrid(x=True, y=True, alpha=0.2)
        self.legend = legend_beside(self.plotItem)
        self.cursor = pg.InfiniteLine(angle=90)     # its pen: set_look (the look's label colour)
        self.plotItem.addItem(self.cursor)
        cache = pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
        for axis in ("left", "bottom"):
            self.plotItem.getAxis(axis).setCacheMode(cache)   # repaint axis text only on change
        self.curves: list[pg.PlotDataItem] = []
        self.bands = SeedBands(self.plotItem, self.legend)   # many seeds: bands and floors
        # What the y axis shows, written across in the plot's top-right corner (where a
        # falling loss leaves room), not as the rotated axis label: a short loss plot (the
        # window's, an export's strip) cut the rotated one at both ends.
        self.quantity = pg.LabelItem(justify="right")
        self.quantity.setParentItem(self.plotItem.vb)
        self.quantity.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-4, 0))
        self._log = self._label = self._ticks = self._range = _NOT_SET
        # An owned single-shot timer coalesces redraws and dies with the widget.
        self._redraw_timer = QtCore.QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._follow_step)
        self._drawn = QtCore.QElapsedTimer()      # since the last redraw that followed a step
        self.set_look(self.look)

    def set_look(self, look: Look) -> None:
        """Fonts, curve widths and the legend at the window's zoom and contrast."""
        self.look = look
        # Both axes' ticks; the quantity is set again by draw(), which knows it.
        style_axes(self.plotItem, look, {"bottom": translate("plot", "step"), "left": ""})
        self.plotItem.showLabel("left", False)
        self.legend.setLabelTextSize(f"{look.text(9):.3g}pt")
        self.legend.setLabelTextColor(look.palette.text)
        self.setBackground(look.palette.background)
        self.cursor.setPen(pg.mkPen(look.label_colour, width=1, style=QtCore.Qt.PenStyle.DashLine))
        self._width = None                        # draw() sets the curves' pens anew
        self._label = None                        # the y label takes the new style too
        self.bands.set_look(look)
        if self.run is not None:
            self.draw(self._step)

    def follow(self, controller: PlaybackController) -> None:
        """Show ``controller``'s run and step from now on."""
        self.controller = controller
        controller.step_changed.connect(self._step_changed)
        controller.comparison_changed.connect(lambda: self.rebuild(controller.comparison))
        controller.play_stopped.connect(self._follow_step)
        self.rebuild(controller.comparison)
        self._follow_step()

    def rebuild(self, run: Comparison) -> None:
        """New run: one curve per pane, named by its settings."""
        for curve in self.curves:
            self.plotItem.removeItem(curve)
        self.legend.clear()
        self.curves = []
        self.run = c = run
        self.history = LossHistory(run)
        for i, settings in enumerate(c.settings):
            curve = pg.PlotDataItem(pen=pg.mkPen(self.look.ball_colour(i),
                                                 width=self.look.line(2)),
                                    name=settings.title())
            self.plotItem.addItem(curve)
            # Line by line, not one path: a noisy curve, peak-downsampled, zig-zags between
            # each pixel column's lowest and highest loss, and Qt stroking that as a single
            # self-crossing path (a wide pen's outline, then a winding fill) took 130 ms a
            # paint at 50,000 steps; separate segments take 5.
            curve.curve.setSegmentedLineMode("on")
            self.legend.addItem(curve, settings.title())
            self.curves.append(curve)
        self.bands.rebuild(len(c.settings), self.history.floors, self.history.band_label,
                           self.look)
        self._x_max = 0
        self._width = None
        # Not None: a new run must set the axis even where its value is None (the old
        # run's range or ticks would stay, and the new curves run off the axis).
        self._log = self._label = self._ticks = self._range = _NOT_SET

    def _step_changed(self, step: int) -> None:
        # Stepping by hand: show it now. Playing, or dragging the timeline (steps that
        # come faster than REDRAW_INTERVAL_MS): at most that often, and the last step
        # always — the panes' balls get the frame budget, and the curve is never stale.
        recent = self._drawn.isValid() and self._drawn.elapsed() < REDRAW_INTERVAL_MS
        if not self.controller.is_playing and not recent:
            self._follow_step()
        elif not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def _follow_step(self) -> None:
        self._drawn.start()
        self.draw(self.controller.step)

    def draw(self, step: int) -> None:
        """The curves up to ``step`` of the run last given to :meth:`rebuild`."""
        self._step = step
        # About two points a pixel column: the step axis spans at least two thirds of the
        # plot (it grows in jumps of 1.5×), so the whole width is a fair bound.
        columns = max(100, int(self.plotItem.vb.width()))
        shown = self.history.curves(step, columns)
        # Axis label, log mode and ticks only when they change: each resets the axis's
        # cached picture, and repainting axis text is the costly part of a frame.
        if shown.log != self._log:
            self._log = shown.log
            # The old range in the other units (a linear −2000…5 read as decades) overflows
            # pyqtgraph's 10**range: switch through a range that reads well in both, then
            # set the new one below.
            self.plotItem.setYRange(0, 1, padding=0)
            self._range = _NOT_SET
            self.plotItem.setLogMode(y=shown.log)
            self._x_max = 0     # setLogMode turned auto-range on for the step axis too
        if shown.label != self._label:
            self._label = shown.label
            style = label_style(self.look)
            self.quantity.setText(shown.label, size=style["font-size"], color=style["color"])
        # A thinned history is a dense min/max envelope, a band: a 1-unit pen draws the
        # same band at a fifth of a 2-unit pen's cost (Qt strokes wide lines as polygons),
        # which is what lets the timeline follow a hand over a noisy million steps.
        width = self.look.line(1 if len(shown.steps) < shown.steps[-1] + 1 else 2)
        if width != self._width:
            self._width = width
            for i, curve in enumerate(self.curves):
                curve.setPen(pg.mkPen(self.look.ball_colour(i), width=width))
        for i, curve in enumerate(self.curves):
            curve.setData(shown.steps, shown.values[:, i])
        self.bands.draw(shown)
        if shown.y_range != self._range:
            self._range = shown.y_range
            if shown.y_range is None:
                self.plotItem.enableAutoRange(axis="y")
            else:
                self.plotItem.setYRange(*shown.y_range, padding=0)
        if shown.y_ticks != self._ticks:
            self._ticks = shown.y_ticks
            self.plotItem.getAxis("left").setTicks(
                None if shown.y_ticks is None
                else [shown.y_ticks, [(e, "") for e in shown.y_minor_ticks]])
        k = int(shown.steps[-1])
        self.cursor.setPos(k)
        # Grow the step axis in jumps: a range change repaints the axis text.
        if k > self._x_max or self._x_max == 0:
            self._x_max = max(50, int(k * 1.5))
            self.plotItem.setXRange(0, self._x_max, padding=0.02)
