"""The views an export draws beside its panes, as the window's docks show them.

The (α, μ) map of the scenario — computed once, as the map dock computes it (the same
request, grid, measure and steps, the same caption), since it does not change with the
step — and the energy and phase-portrait views, which follow the frame's step. Both are
the window's own widgets, given the export's look (zoom, light or dark).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from app.model.map_picture import map_caption, map_theory
from app.model.presentation import Look
from app.model.scenario import Scenario
from app.model.translation import translate
from app.model.workspace import Workspace
from physics.simulation import Comparison
from physics.sweep import run_sweep

from .parameter_map_widget import ParameterMapPlot, map_grid
from .physics_views_widget import PhysicsViewsWidget, direction_names
from .plot_look import style_axes

#: What an export can draw beside its panes (the window's docks of the same names).
SIDE_VIEWS = ("map", "energy")
CAPTION_POINTS = 8.5


class SideViews(QtWidgets.QWidget):
    """The map and/or the energy and phase views, in a column."""

    def __init__(self, scenario: Scenario, run: Comparison, views, look: Look,
                 measure: str = "steps-to-tol", map_steps: int = 1000, parent=None):
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.map = self.map_caption = self.physics = None
        font = QtGui.QFont()
        font.setPointSizeF(look.text(CAPTION_POINTS))
        if "map" in views:
            workspace = Workspace(scenario)
            request = workspace.map_request()
            result = run_sweep(request.landscape, request.start, map_grid(request), map_steps,
                               measure, nesterov=request.nesterov, sigma=request.sigma,
                               seed=request.seed)
            self.map = ParameterMapPlot(look=look)
            self.map.show_result(result, request.landscape)
            self.map.set_marker(*(request.marker or (None, None)))
            overlay = map_theory(result, request.landscape)
            self.map_caption = QtWidgets.QLabel(map_caption(
                result, overlay.optimum if overlay else None,
                workspace.measured_rate() if overlay else None))
            self.map_caption.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            self.map_caption.setWordWrap(True)
            self.map_caption.setFont(font)
            layout.addWidget(self.map, 2)
            layout.addWidget(self.map_caption)
        if "energy" in views:
            self.physics = PhysicsViewsWidget(None, look=look)
            # The direction list is a control: the picture names its choice on the axis.
            self.physics.direction.hide()
            self.physics.direction_label.hide()
            direction = direction_names()[self.physics.direction.currentData()]
            style_axes(self.physics.phase.plotItem, look, {"bottom": translate(
                "energy", "W − W* along {direction}").format(direction=direction)})
            self.physics.show_run(run)
            # The legend in rows of three, not two: it took the energy plot's height (four
            # cut the last column at a 1920-pixel slide's column width).
            self.physics.energy_legend.setColumnCount(3)
            # Two plots and an eight-line legend: more of the column than the map's one.
            layout.addWidget(self.physics, 3)

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 - Qt API
        # The column takes the panes' height; asking for its views' (legends, caption:
        # 1,500 px) made the canvas squeeze the loss plot under them to its minimum.
        return QtCore.QSize(1, 1)

    def draw(self, step: int) -> None:
        if self.physics is not None:
            self.physics.draw(step)
