"""A pane: one optimizer's settings, its contour plot with the ball, and live readouts.

The pane takes the :class:`PlaybackController` (the model of time) in ``__init__`` and
subscribes to its signals; it never computes dynamics. Between two iterates the ball is
drawn at ``W_k + f·(W_{k+1} − W_k)`` where ``k + f`` is the controller's playhead.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6 import QtCore, QtWidgets

from optimizers.registry import USES_MU, OptimizerSettings
from physics import ball

from .contours import ContourPicture
from .landscape_pane_widget import BALL_COLOURS, BASIN_COLOURS, LandscapePlot
from .optimizer_settings_widget import OptimizerSettingsWidget
from .playback_controller import PlaybackController

TRAIL_LIMIT = 20_000   # points drawn in a trail (older ones are thinned)
READOUT_INTERVAL_MS = 100


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return "—"
    return f"{value:.3g}" if abs(value) >= 1e-3 or value == 0 else f"{value:.2e}"


def draw_ball(plot: LandscapePlot, layer: int, comparison, index: int, playhead: float,
              alpha: float, show_trail: bool, show_force: bool, show_velocity: bool) -> None:
    """Draw pane ``index``'s ball at ``playhead`` on ``plot``'s ball layer ``layer``.

    Between two iterates the ball sits at ``W_k + f·(W_{k+1} − W_k)``; the trail ends at
    the ball; the arrows are those of step k.
    """
    c = comparison
    if index >= c.shape[0]:
        return
    k = min(int(math.floor(playhead)), c.computed_steps)
    if plot.swarm_on and layer == 0:
        swarm = c.positions(k)[index]
        if playhead - k > 0 and k + 1 <= c.computed_steps:
            swarm = swarm + (playhead - k) * (c.positions(k + 1)[index] - swarm)
        plot.set_swarm_positions(swarm)
        for arrow in (plot.layers[0].force_arrow, plot.layers[0].velocity_arrow):
            arrow.set((0, 0), (0, 0), False)
        return
    here = c.positions(k)[index, 0]
    frac = playhead - k
    position = here
    if frac > 0 and k + 1 <= c.computed_steps:
        position = here + frac * (c.positions(k + 1)[index, 0] - here)
    trail = None
    if show_trail:
        trail = c.trail(k, max(0, k + 1 - TRAIL_LIMIT))[:, index, 0]
        if frac > 0:
            trail = np.vstack([trail, position])
    plot.set_trail_visible(show_trail, layer)
    plot.set_ball(position, trail, layer)
    balls = plot.layers[layer]
    balls.force_arrow.set(here, -alpha * c.grads(k)[index, 0], show_force)
    balls.velocity_arrow.set(here, c.velocity(k)[index, 0], show_velocity)


class PaneWidget(QtWidgets.QFrame):
    """Settings, plot and readouts for pane ``index`` of the comparison."""

    settings_changed = QtCore.Signal(int, object)

    def __init__(self, controller: PlaybackController, index: int, settings: OptimizerSettings,
                 parent=None):
        super().__init__(parent)
        self.controller = controller
        self.index = index
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.settings_widget = OptimizerSettingsWidget(settings)
        self.plot = LandscapePlot(BALL_COLOURS[index % len(BALL_COLOURS)])
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
        self.basin_labels = None   # swarm mode: each ball's destination minimum
        self.show_trail = True
        self.show_force = True
        self.show_velocity = True
        self.settings_widget.settings_changed.connect(
            lambda s: self.settings_changed.emit(self.index, s))
        controller.frame_changed.connect(self._draw_frame)
        # During playback the numbers change faster than anyone can read them: update
        # them at most every READOUT_INTERVAL_MS (at once when paused or stepping).
        self._readout_timer = QtCore.QTimer(self)
        self._readout_timer.setSingleShot(True)
        self._readout_timer.setInterval(READOUT_INTERVAL_MS)
        self._readout_timer.timeout.connect(lambda: self._update_readouts(self.controller.step))
        controller.step_changed.connect(self._step_changed)
        controller.play_stopped.connect(lambda: self._update_readouts(self.controller.step))
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

    def set_picture(self, picture: ContourPicture, minima, start) -> None:
        self.plot.set_picture(picture, minima)
        self.plot.set_start(start)
        if self.surface3d is not None:
            self.surface3d.set_landscape(self.controller.comparison.landscape)

    def set_3d(self, on: bool) -> None:
        """Switch this pane between the contour plot and the 3-D surface."""
        from .surface3d_widget import Surface3DWidget, opengl_problem  # noqa: PLC0415

        problem = opengl_problem() if on else None
        if problem:
            self.view3d_button.blockSignals(True)
            self.view3d_button.setChecked(False)
            self.view3d_button.blockSignals(False)
            self.view3d_button.setToolTip(f"Unavailable: {problem}")
            self.notice.setText(f"3-D view unavailable: {problem}. The 2-D view stays.")
            self.notice.show()
            return
        if on and self.surface3d is None:
            self.surface3d = Surface3DWidget(self.controller, self.index,
                                             BALL_COLOURS[self.index % len(BALL_COLOURS)])
            self.views.addWidget(self.surface3d)
            self.surface3d.set_landscape(self.controller.comparison.landscape)
        self.views.setCurrentWidget(self.surface3d if on else self.plot)
        if on:
            self.surface3d._draw(self.controller.playhead)

    # -- drawing ----------------------------------------------------------------------------

    def _draw_frame(self, playhead: float) -> None:
        # Hidden in overlay mode or behind the 3-D view (isVisible is False before show()).
        if not (self.plot.isHidden() or self.views.isHidden()):
            draw_ball(self.plot, 0, self.controller.comparison, self.index, playhead,
                      self.settings.alpha, self.show_trail, self.show_force, self.show_velocity)

    def _step_changed(self, step: int) -> None:
        if not self.controller.is_playing:
            self._update_readouts(step)
        elif not self._readout_timer.isActive():
            self._readout_timer.start()

    def _update_readouts(self, step: int) -> None:
        c = self.controller.comparison
        if self.index >= c.shape[0]:
            return
        k = min(step, c.computed_steps)
        i = self.index
        if self.basin_labels is not None:       # swarm: counts, not one ball's numbers
            converged = int(((c.converged_at[i] >= 0) & (c.converged_at[i] <= k)).sum())
            diverged = int(((c.diverged_at[i] >= 0) & (c.diverged_at[i] <= k)).sum())
            self.readout.setText(f"step <b>{k}</b> &nbsp; converged <b>{converged}</b> / "
                                 f"{c.shape[1]} &nbsp; diverged <b>{diverged}</b>")
            self.physics.setText(self._basin_summary())
            return
        loss = float(c.loss(k)[i, 0])
        grad = c.grads(k)[i, 0]
        p = c.velocity(k)[i, 0]
        state = c.status(i, 0, step=k)
        colour = "#b00020" if state.startswith("diverged") else (
            "#1b7f3b" if state.startswith("converged") else "#333")
        self.readout.setText(
            f"step <b>{k}</b> &nbsp; loss <b>{_fmt(loss)}</b> &nbsp; |∇L| {_fmt(float(np.hypot(*grad)))}"
            f" &nbsp; |p| {_fmt(float(np.hypot(*p)))} &nbsp; <b style='color:{colour}'>{state}</b>")
        self._update_physics(k, loss, p)

    def show_basins(self, labels) -> None:
        """Swarm mode: where this pane's balls end up, under the plot."""
        self.basin_labels = labels
        self.plot.set_swarm(labels)
        self._update_readouts(self.controller.step)

    def _basin_summary(self) -> str:
        labels = self.basin_labels
        parts = []
        for label in sorted(set(labels.tolist())):
            count = int((labels == label).sum())
            if label >= 0:
                colour = BASIN_COLOURS[label % len(BASIN_COLOURS)]
                parts.append(f"<span style='color:{colour}'>★</span> minimum {label + 1}: <b>{count}</b>")
            else:
                parts.append(f"{'diverged' if label == -2 else 'elsewhere'}: <b>{count}</b>")
        return f"{len(labels)} balls end in — " + " · ".join(parts)

    def _update_physics(self, k: int, loss: float, p) -> None:
        if self.basin_labels is not None:
            self.physics.setText(self._basin_summary())
            return
        s = self.settings
        mu = s.effective_mu if s.name in USES_MU else 0.0
        if s.name not in USES_MU + ("sgd",):
            self.physics.setText("Adaptive rule: each coordinate's step is rescaled, "
                                 "so there is no fixed friction or force.")
            return
        constants = ball.from_hyperparams(s.alpha, mu)
        kinetic = float(ball.kinetic_energy(constants, p))
        potential = float(ball.potential_energy(constants, loss))
        c = self.controller.comparison
        curvatures = c.landscape.curvatures(c.positions(k)[self.index, 0])
        regime, _ = ball.ball_regime(s.alpha, mu, curvatures)
        self.physics.setText(
            f"friction 1−μ {_fmt(constants.friction)} · viscosity η {_fmt(constants.viscosity)}"
            f" · force −{_fmt(s.alpha)}∇L · effective step α/(1−μ) "
            f"{_fmt(ball.effective_step(s.alpha, mu))} · half-life {_fmt(ball.half_life(mu))}"
            f" · KE {_fmt(kinetic)} · PE {_fmt(potential)} · <b>{regime}</b> here")
