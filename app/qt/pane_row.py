"""The row of panes: one :class:`PaneWidget` per pane of the scenario, kept in step with it.

The row makes, removes and links pane widgets as the scenario's pane count changes,
gives them the landscape's contour picture (computed once per landscape), and lines up
their settings blocks so the plots align. Edits and clicks go out as signals; the
window hands them to the workspace.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from app.model.contours import ContourPicture, contour_picture
from app.model.rule_text import LINE_COUNTS
from app.model.scenario import Scenario
from physics.landscape import Landscape

from .ball_drawing import Layers
from .pane_widget import PaneWidget
from .playback_controller import PlaybackController

PANE_FRAME = 6   # a pane's margins and frame around its update-rule panel, in pixels


class PaneRow(QtWidgets.QWidget):
    """The panes side by side."""

    pane_edited = QtCore.Signal(int, object)     # pane index, new OptimizerSettings
    start_picked = QtCore.Signal(float, float)   # a click on a plot, or the × dragged

    def __init__(self, controller: PlaybackController, layers: Layers, parent=None):
        super().__init__(parent)
        self.controller, self.layers = controller, layers
        self.layout_ = QtWidgets.QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.panes: list[PaneWidget] = []
        self.physics_visible = True
        self.update_rule_visible = False
        self.plots_visible = True
        self.equal_axes = True
        self.landscape: Landscape | None = None
        self.picture: ContourPicture | None = None
        # A new run may bring noise or batches, and so a wider formula.
        controller.comparison_changed.connect(self._arrange_update_rules)

    def show_scenario(self, scenario: Scenario, landscape: Landscape) -> None:
        """Match the scenario: pane count, settings, the landscape's picture and the start."""
        start = scenario.resolved_start()
        new_landscape = landscape is not self.landscape
        if new_landscape:
            self.landscape, self.picture = landscape, contour_picture(landscape)
        count_changed = len(self.panes) != len(scenario.panes)
        while len(self.panes) > len(scenario.panes):
            pane = self.panes.pop()
            self.layout_.removeWidget(pane)
            pane.deleteLater()
        while len(self.panes) < len(scenario.panes):
            self.panes.append(self._new_pane(len(self.panes), scenario.panes[len(self.panes)]))
        for pane, settings in zip(self.panes, scenario.panes):
            pane.set_settings(settings)
            if new_landscape or count_changed:
                pane.set_picture(self.picture, landscape, start)
            else:
                pane.plot.set_start(start)
        self._align_headers()
        self._align_update_rules()
        if new_landscape or count_changed:
            # Linked views line up by screen position; once the new layout has settled,
            # show the whole domain again so every pane starts from the same picture.
            QtCore.QTimer.singleShot(0, self, self._show_whole_domain)

    def _new_pane(self, index: int, settings) -> PaneWidget:
        pane = PaneWidget(self.controller, index, settings, self.layers)
        pane.settings_changed.connect(self.pane_edited)
        pane.plot.point_clicked.connect(self.start_picked)
        pane.plot.start_dragged.connect(self.start_picked)
        pane.views.setVisible(self.plots_visible)
        pane.physics.setVisible(self.physics_visible)
        pane.update_rule.setVisible(self.update_rule_visible)
        pane.plot.set_equal_axes(self.equal_axes)
        if self.panes:
            pane.plot.setXLink(self.panes[0].plot)
            pane.plot.setYLink(self.panes[0].plot)
        self.layout_.addWidget(pane)
        return pane

    def _show_whole_domain(self) -> None:
        if self.panes and self.landscape is not None:
            xmin, xmax, ymin, ymax = self.landscape.domain
            self.panes[0].plot.plotItem.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax),
                                                 padding=0)

    def _align_headers(self) -> None:
        """Give every pane's settings block the same height so the plots line up."""
        height = max((p.settings_widget.sizeHint().height() for p in self.panes), default=0)
        for pane in self.panes:
            pane.settings_widget.setFixedHeight(height)

    def _align_update_rules(self) -> None:
        """Give every pane's update-rule panel room for the longest rule in the row, so
        the plots above them keep one height."""
        counts = [LINE_COUNTS[p.settings.name] for p in self.panes]
        formula = max((f for f, _ in counts), default=0)
        numbers = max((n for _, n in counts), default=0)
        for pane in self.panes:
            pane.update_rule.set_line_counts(formula, numbers)
        self._arrange_update_rules()

    def _arrange_update_rules(self) -> None:
        """Formula and numbers side by side in every pane, or stacked in every pane: one
        decision for the row (panes a pixel apart must not differ, or their plots would
        differ in height), from the width each pane gets less its frame."""
        if self.panes:
            share = self.width() / len(self.panes) - PANE_FRAME
            side = all(share >= p.update_rule.side_by_side_width() for p in self.panes)
            for pane in self.panes:
                pane.update_rule.set_side_by_side(side)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._arrange_update_rules()

    def show_basins(self, labels) -> None:
        """Swarm mode: each pane's destinations (a list, one per pane), or None (off)."""
        for i, pane in enumerate(self.panes):
            pane.show_basins(None if labels is None else labels[i])

    def set_equal_axes(self, on: bool) -> None:
        self.equal_axes = on
        for pane in self.panes:
            pane.plot.set_equal_axes(on)
        self._show_whole_domain()

    def set_physics_visible(self, on: bool) -> None:
        self.physics_visible = on
        for pane in self.panes:
            pane.physics.setVisible(on)

    def set_update_rule_visible(self, on: bool) -> None:
        """View ▸ Update rule with numbers: each pane's rule, with the step's numbers put in."""
        self.update_rule_visible = on
        for pane in self.panes:
            pane.update_rule.setVisible(on)

    def set_plots_visible(self, on: bool) -> None:
        """Overlay mode hides the panes' plots; their settings and readouts stay."""
        self.plots_visible = on
        for pane in self.panes:
            pane.views.setVisible(on)
            pane.layout().activate()     # so the size hints below leave the plots out
        self.layout_.activate()
        # Without their plots the panes need only their settings and readouts.
        self.setMaximumHeight(16777215 if on else self.sizeHint().height())
