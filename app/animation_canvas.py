"""The picture an exported animation is made of: the app's own panes, drawn offscreen.

:class:`AnimationCanvas` is a widget of exactly the output size holding the same
:class:`LandscapePlot` panes (and optionally the same loss plot) the window shows, driven
by its own :class:`PlaybackController` over a :class:`Comparison` built from the same
scenario — so frame k shows exactly the numbers the window shows at that step. The
contours are cached pixmaps (see :mod:`app.landscape_pane_widget`): a frame only moves
balls, trails and arrows and updates the step counter.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtWidgets

from .contours import contour_picture
from .landscape_pane_widget import BALL_COLOURS, LandscapePlot
from .loss_plot_widget import LossPlotWidget
from .pane_widget import draw_ball
from .playback_controller import PlaybackController
from .qt_images import widget_rgb
from .scenario import Scenario


class AnimationCanvas(QtWidgets.QWidget):
    """Panes side by side (and the loss plot) at a fixed size, rendered step by step."""

    def __init__(self, scenario: Scenario, size: tuple[int, int], include_loss: bool = False,
                 show_arrows: bool = True, parent=None):
        super().__init__(parent)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.setStyleSheet("background: white")
        self.scenario = scenario
        self.controller = PlaybackController(scenario.build_comparison(), self)
        self.show_arrows = show_arrows
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        landscape = scenario.resolved_landscape()
        self.header = QtWidgets.QLabel()
        self.header.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.header.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                  QtWidgets.QSizePolicy.Policy.Fixed)
        self.header.setFixedHeight(max(22, size[1] // 22))
        font = self.header.font()
        font.setPixelSize(max(12, size[1] // 30))
        font.setBold(True)
        self.header.setFont(font)
        layout.addWidget(self.header)
        row = QtWidgets.QHBoxLayout()
        row.setSpacing(4)
        picture = contour_picture(landscape)
        self.plots = []
        for i, settings in enumerate(scenario.panes):
            plot = LandscapePlot(BALL_COLOURS[i % len(BALL_COLOURS)])
            plot.set_title(settings.title())
            plot.set_picture(picture, landscape.minima)
            plot.set_start(scenario.resolved_start())
            if self.plots:
                plot.setXLink(self.plots[0])
                plot.setYLink(self.plots[0])
            row.addWidget(plot)
            self.plots.append(plot)
        layout.addLayout(row, 4)
        self.loss_plot = None
        if include_loss:
            self.loss_plot = LossPlotWidget(self.controller)
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

    @property
    def comparison(self):
        return self.controller.comparison

    def last_settled_step(self, limit: int) -> int:
        """The first step where every ball has converged or diverged (or ``limit``)."""
        c = self.comparison
        last = c.ensure(limit)
        for step in range(0, last + 1, max(1, last // 2000)):
            if c.all_settled(step):
                return step
        return last

    def render(self, step: int) -> np.ndarray:
        """The picture of ``step`` as an RGB array of the canvas's size."""
        c = self.comparison
        self.controller.seek(step)
        shown = self.controller.step
        for i, plot in enumerate(self.plots):
            draw_ball(plot, 0, c, i, float(shown), self.scenario.panes[i].alpha, True,
                      self.show_arrows, self.show_arrows)
        states = " · ".join(f"{s.title().split()[0]}: {c.status(i, 0, step=shown)}"
                            for i, s in enumerate(self.scenario.panes))
        self.header.setText(f"step {shown}    —    {states}")
        return widget_rgb(self)

    def close_canvas(self) -> None:
        self.controller.shutdown()
        self.close()
        self.deleteLater()
