"""A pane: one optimizer's settings, its contour plot with the ball, and live readouts
(and, when switched on, its update rule with the step's numbers, under them).

The pane takes the :class:`PlaybackController` (the model of time) in ``__init__`` and
subscribes to its signals; it never computes dynamics, and the text of its readouts
comes from :mod:`app.model.readouts`.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from app.model.contours import ContourPicture
from app.model.readouts import pane_readout
from app.model.theme import ball_colour
from optimizers.registry import OptimizerSettings

from .ball_drawing import Layers, draw_ball
from .landscape_plot import LandscapePlot
from .optimizer_settings_widget import OptimizerSettingsWidget
from .playback_controller import PlaybackController
from .signals_blocked import signals_blocked
from .update_rule_widget import UpdateRuleWidget


class PaneWidget(QtWidgets.QFrame):
    """Settings, plot and readouts for pane ``index`` of the comparison."""

    settings_changed = QtCore.Signal(int, object)

    def __init__(self, controller: PlaybackController, index: int, settings: OptimizerSettings,
                 layers: Layers, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.index = index
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.settings_widget = OptimizerSettingsWidget(settings)
        self.plot = LandscapePlot(ball_colour(index))
        self.layers = layers          # shared by every pane: View ▸ Trail, arrows
        self.readout = QtWidgets.QLabel()
        self.readout.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.physics = QtWidgets.QLabel()
        self.physics.setWordWrap(True)
        self.physics.setStyleSheet("color: #444; font-size: 9pt")
        layout.addWidget(self.settings_widget)
        self.views = QtWidgets.QStackedWidget()
        self.views.addWidget(self.plot)
        self.surface3d = None                     # made on first use (needs OpenGL)
        layout.addWidget(self.views, 1)
        self.view3d_button = QtWidgets.QToolButton()
        self.view3d_button.setText("3-D")
        self.view3d_button.setCheckable(True)
        self.view3d_button.setToolTip("Show this pane as a 3-D surface with the ball rolling on it")
        self.view3d_button.toggled.connect(self.set_3d)
        self.notice = QtWidgets.QLabel()
        self.notice.setStyleSheet("color: #a05a00")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        # Fixed-size labels: changing text must never re-lay out the pane (and so
        # resize the plot and throw away its cached contour pixmaps) during playback.
        self.readout.setWordWrap(True)
        for label, lines in ((self.readout, 2), (self.physics, 3)):
            label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                QtWidgets.QSizePolicy.Policy.Fixed)
            label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 4)
        readout_row = QtWidgets.QHBoxLayout()
        readout_row.addWidget(self.readout, 1)
        readout_row.addWidget(self.view3d_button)
        layout.addLayout(readout_row)
        layout.addWidget(self.physics)
        # The rule with this step's numbers (View ▸ Update rule), hidden until asked for.
        self.update_rule = UpdateRuleWidget(controller, index)
        self.update_rule.hide()
        layout.addWidget(self.update_rule)
        self.basin_labels = None   # swarm mode: each ball's destination minimum
        self.settings_widget.settings_changed.connect(
            lambda s: self.settings_changed.emit(self.index, s))
        controller.frame_changed.connect(self._draw_frame)
        controller.readout_changed.connect(self._update_readouts)
        self._update_title()

    # -- settings ---------------------------------------------------------------------------

    @property
    def settings(self) -> OptimizerSettings:
        return self.settings_widget.settings()

    def set_settings(self, settings: OptimizerSettings) -> None:
        self.settings_widget.set_settings(settings)
        self._update_title()

    def _update_title(self) -> None:
        self.plot.set_title(self.settings.title())

    def set_picture(self, picture: ContourPicture, landscape, start) -> None:
        self.plot.set_picture(picture, landscape.minima)
        self.plot.set_start(start)
        if self.surface3d is not None:
            self.surface3d.set_landscape(landscape)

    def set_3d(self, on: bool) -> None:
        """Switch this pane between the contour plot and the 3-D surface."""
        from .surface3d_widget import Surface3DWidget, opengl_problem  # noqa: PLC0415

        problem = opengl_problem() if on else None
        if problem:
            with signals_blocked(self.view3d_button):
                self.view3d_button.setChecked(False)
            self.view3d_button.setToolTip(f"Unavailable: {problem}")
            self.notice.setText(f"3-D view unavailable: {problem}. The 2-D view stays.")
            self.notice.show()
            return
        if on and self.surface3d is None:
            self.surface3d = Surface3DWidget(self.controller, self.index, ball_colour(self.index))
            self.views.addWidget(self.surface3d)
            self.surface3d.set_landscape(self.controller.comparison.landscape)
        self.views.setCurrentWidget(self.surface3d if on else self.plot)
        if on:
            self.surface3d._draw(self.controller.playhead)

    # -- drawing ----------------------------------------------------------------------------

    def _draw_frame(self, playhead: float) -> None:
        # Hidden in overlay mode or behind the 3-D view (isVisible is False before show()).
        if not (self.plot.isHidden() or self.views.isHidden()):
            draw_ball(self.plot, 0, self.controller.comparison, self.index, playhead, self.layers)

    def _update_readouts(self, step: int) -> None:
        run = self.controller.comparison
        if self.index >= run.shape[0]:
            return
        readout = pane_readout(run, self.index, step, self.basin_labels)
        self.readout.setText(readout.state)
        self.physics.setText(readout.physics)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.update_rule.set_pane_height(event.size().height())   # its share of the height

    def show_basins(self, labels) -> None:
        """Swarm mode: where this pane's balls end up (``None``: swarm mode off)."""
        self.basin_labels = labels
        self.plot.set_swarm(labels)
