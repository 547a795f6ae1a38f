"""The picture an exported animation is made of: the app's own panes, drawn offscreen.

:class:`AnimationCanvas` is a widget of exactly the output size holding the same
:class:`~app.qt.landscape_plot.LandscapePlot` panes (and optionally the same loss plot)
the window shows, over a :class:`Comparison` built from the same scenario. There is no
timer and no controller: :meth:`AnimationCanvas.render` reads step k of the run
directly, so frame k shows exactly the numbers the window shows at that step. The
contours are cached pixmaps: a frame only moves balls, trails and arrows and updates the
header, and :class:`~app.qt.frame_renderer.FrameRenderer` has Qt repaint only the region
those touched (:meth:`AnimationCanvas.render_whole` grabs the whole canvas instead: the
same picture, slower).
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from app.model.contours import contour_picture
from app.model.pane_layout import export_columns
from app.model.presentation import export_look
from app.model.readouts import caption_text, frame_header, frame_header_sample
from app.model.scenario import Scenario
from app.model.view_defaults import equal_axes_by_default
from app.model.workspace import Workspace

from .ball_drawing import Layers, draw_ball
from .frame_renderer import FrameRenderer
from .images import widget_rgb
from .landscape_plot import LandscapePlot
from .legends import legend_below
from .loss_plot_widget import LossPlotWidget
from .overlay_widget import show_every_pane
from .side_views import SideViews


CAPTION_LINES = 4     # a lesson caption's most lines under the header


class AnimationCanvas(QtWidgets.QWidget):
    """Panes side by side, in two rows from four on (and the loss plot) at a fixed size,
    rendered step by step."""

    def __init__(self, scenario: Scenario, size: tuple[int, int], include_loss: bool = False,
                 show_arrows: bool = True, equal_axes: bool | None = None, overlay: bool = False,
                 swarm: bool = False, background: str = "light", caption: str = "",
                 views=(), map_measure: str = "steps-to-tol", map_steps: int = 1000,
                 parent=None):
        super().__init__(parent)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
        # Fonts, lines and balls scaled with the frame; a dark slide's own colours.
        look = export_look(size, background)
        palette = look.palette
        self.setStyleSheet(f"background: {palette.background}; color: {palette.text}")
        self.scenario = scenario
        # Swarm mode as the window runs it: the workspace's grid of balls and where each
        # ends. (Many seeds are the scenario's: its run has them.)
        swarm_of = Workspace(scenario) if swarm else None
        if swarm_of is not None:
            swarm_of.set_swarm(True)
        self.run = swarm_of.run if swarm_of is not None else scenario.build_comparison()
        basins = swarm_of.basins() if swarm_of is not None else None
        self.layers = Layers(trail=True, force=show_arrows, velocity=show_arrows)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        landscape = scenario.resolved_landscape()
        self.title = scenario.title
        if equal_axes is None:
            equal_axes = equal_axes_by_default(landscape)
        self.header = QtWidgets.QLabel()
        self.header.setTextFormat(QtCore.Qt.TextFormat.PlainText)   # the title is user text
        self.header.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.header.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                  QtWidgets.QSizePolicy.Policy.Fixed)
        self._fit_header(size)
        layout.addWidget(self.header)
        # A lesson step's caption, under the header: what the teacher's slide says.
        self.caption = QtWidgets.QLabel()
        self.caption.setTextFormat(QtCore.Qt.TextFormat.PlainText)   # the lesson's text
        self.caption.setWordWrap(True)
        self.caption.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.caption.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                   QtWidgets.QSizePolicy.Policy.Fixed)
        self.caption.setVisible(bool(caption_text(caption)))
        if self.caption.isVisibleTo(self):
            self._fit_caption(caption_text(caption), size)
        layout.addWidget(self.caption)
        grid = QtWidgets.QGridLayout()
        grid.setSpacing(4)
        columns = export_columns(len(scenario.panes))
        picture = contour_picture(landscape)
        self.plots = []
        self.overlay = overlay
        # Overlay (Radford's animations, the window's View ▸ Overlay): one plot, one ball
        # layer per pane in the pane's colour, a legend saying which is which.
        for i, settings in enumerate(scenario.panes[:1] if overlay else scenario.panes):
            plot = LandscapePlot(look.ball_colour(i), look=look)
            if overlay:
                show_every_pane(plot, legend_below(plot.plotItem, 3, palette.text), scenario.panes)
            else:
                plot.set_title(settings.title())
            plot.set_equal_axes(equal_axes)
            plot.set_picture(picture, landscape.minima)
            plot.set_start(scenario.resolved_start())
            if basins is not None:
                plot.set_swarm(basins[i])
            if self.plots:
                plot.setXLink(self.plots[0])
                plot.setYLink(self.plots[0])
            grid.addWidget(plot, i // columns, i % columns)
            self.plots.append(plot)
        # The map and the energy views beside the panes, as the window's docks show them.
        self.side = None
        middle = QtWidgets.QHBoxLayout()
        middle.addLayout(grid, 2)
        if views:
            self.side = SideViews(scenario, self.run, views, look, map_measure, map_steps)
            middle.addWidget(self.side, 1)
        # Panes 3 : loss 1: the loss plot tall enough for its axis label at a slide's font.
        layout.addLayout(middle, 3)
        self.loss_plot = None
        if include_loss:
            self.loss_plot = LossPlotWidget()
            self.loss_plot.set_look(look)
            # At least a fifth of the frame: the views beside the panes (their legends and
            # wrapped caption) otherwise squeezed it to a 68-pixel strip.
            self.loss_plot.setMinimumHeight(size[1] // 5)
            self.loss_plot.rebuild(self.run)
            layout.addWidget(self.loss_plot, 1)
        self.resize(*size)
        self.setFixedSize(*size)
        self.show()   # never on screen (WA_DontShowOnScreen), but laid out and paintable
        # Let layouts and the plots' view boxes settle before the first frame, so frame 0
        # is drawn exactly like every later frame (and like any other canvas).
        QtWidgets.QApplication.processEvents()
        for plot in self.plots:
            plot.set_picture(picture, landscape.minima)
        QtWidgets.QApplication.processEvents()
        self._frames = FrameRenderer(self)

    def _fit_header(self, size: tuple[int, int]) -> None:
        """The header's font and lines for the whole export, fixed before frame 0: the
        fewest lines (1, 2 or 3) on which a long header fits — every pane "converged at
        step" a six-digit step — at the frame's font; a smaller font only if three lines
        are too wide. Never cut off, and never a size that jumps between frames."""
        font = self.header.font()
        font.setBold(True)
        pixels = max(12, size[1] // 30)
        room = size[0] - 16
        names = [s.title().split()[0] for s in self.run.settings]
        longest = [f"{name}{' 6' if names.count(name) > 1 else ''}: converged at step 999999"
                   for name in names]

        def width(lines: int) -> int:
            metrics = QtGui.QFontMetrics(font)
            text = frame_header_sample(self.title, longest, lines)
            return max(metrics.horizontalAdvance(line) for line in text.split("\n"))

        font.setPixelSize(pixels)
        self.header_lines = next((n for n in (1, 2, 3) if width(n) <= room), 3)
        while width(self.header_lines) > room and pixels > 9:
            pixels -= 1
            font.setPixelSize(pixels)
        self.header.setFont(font)
        line = QtGui.QFontMetrics(font).lineSpacing()
        self.header.setFixedHeight(max(22, size[1] // 22, self.header_lines * line + 4))

    def _fit_caption(self, text: str, size: tuple[int, int]) -> None:
        """The caption at two thirds of the header's font, wrapped on as many lines as it
        needs up to :data:`CAPTION_LINES`; a longer one at a smaller font (down to 10 px),
        then cut with "…". Fixed before frame 0, like the header."""
        font = self.caption.font()
        pixels = max(11, self.header.font().pixelSize() * 2 // 3)
        room = size[0] - 16

        def lines(text: str) -> int:
            metrics = QtGui.QFontMetrics(font)
            box = metrics.boundingRect(0, 0, room, 100_000, int(QtCore.Qt.TextFlag.TextWordWrap),
                                       text)
            return -(-box.height() // metrics.lineSpacing())

        font.setPixelSize(pixels)
        while lines(text) > CAPTION_LINES and pixels > 10:
            pixels -= 1
            font.setPixelSize(pixels)
        while lines(text) > CAPTION_LINES:
            text = text[:max(1, len(text) * 9 // 10)].rstrip() + "…"
        self.caption.setFont(font)
        self.caption.setText(text)
        spacing = QtGui.QFontMetrics(font).lineSpacing()
        self.caption.setFixedHeight(lines(text) * spacing + 4)

    def live_widgets(self) -> list[QtWidgets.QWidget]:
        """What follows the step and is repainted whole each frame (the frame renderer's)."""
        widgets = [self.loss_plot] if self.loss_plot is not None else []
        if self.side is not None and self.side.physics is not None:
            widgets.append(self.side.physics)
        return widgets

    def render(self, step: int) -> np.ndarray:
        """The picture of ``step`` (or the last step that exists) as an RGB array."""
        self._show(step)
        return self._frames.frame().copy()

    def render_whole(self, step: int) -> np.ndarray:
        """The same picture the slow way: the whole canvas grabbed and converted."""
        self._show(step)
        return widget_rgb(self)

    def _show(self, step: int) -> None:
        shown = min(max(0, int(step)), self.run.ensure(max(0, int(step))))
        # (plot, its ball layer, the pane): every pane on its plot, or all on the one.
        draws = ([(self.plots[0], i, i) for i in range(self.run.shape[0])] if self.overlay
                 else [(plot, 0, i) for i, plot in enumerate(self.plots)])
        for plot, layer, pane in draws:
            draw_ball(plot, layer, self.run, pane, float(shown), self.layers)
        if self.loss_plot is not None:
            self.loss_plot.draw(shown)
        if self.side is not None:
            self.side.draw(shown)
        self.header.setText(frame_header(self.run, shown, self.title, self.header_lines))

    def close_canvas(self) -> None:
        self.close()
        self.deleteLater()
