"""The playback bar under the panes: back, play, step, reset, the step counter, the
timeline (scrub through the computed steps) and the speed."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from app.model.readouts import step_counter
from app.model.translation import translate

from .playback_controller import MAX_SPEED, MIN_SPEED, PlaybackController
from .signals_blocked import signals_blocked


class PlaybackBar(QtWidgets.QToolBar):
    """Buttons for ``actions`` and the step, timeline and speed of ``controller``."""

    def __init__(self, controller: PlaybackController, actions, parent=None):
        super().__init__(translate("playback", "Playback"), parent)
        self.controller = controller
        self.setObjectName("playback-bar")
        self.setMovable(False)
        for action in actions:
            self.addAction(action)
        self.step_label = QtWidgets.QLabel()
        self.step_label.setMinimumWidth(150)
        self.timeline = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.timeline.setToolTip(translate("playback", "Scrub through the computed steps"))
        self.speed = QtWidgets.QSpinBox()
        self.speed.setRange(MIN_SPEED, MAX_SPEED)
        self.speed.setValue(controller.speed)
        self._speed_shown(controller.speed)
        tip = translate("playback", "Playback speed, {low} to {high} steps per second ( [ and ] )")
        self.speed.setToolTip(tip.format(low=MIN_SPEED, high=MAX_SPEED))
        self.addWidget(self.step_label)
        self.addWidget(self.timeline)
        self.addWidget(self.speed)
        controller.step_changed.connect(self._step_changed)
        controller.readout_changed.connect(self._readout_changed)
        controller.speed_changed.connect(self.speed.setValue)
        self.speed.valueChanged.connect(self._speed_shown)
        self.timeline.valueChanged.connect(self._timeline_moved)
        self.speed.valueChanged.connect(controller.set_speed)

    def _step_changed(self, step: int) -> None:
        computed = self.controller.comparison.computed_steps
        with signals_blocked(self.timeline):
            self.timeline.setRange(0, max(computed, 1))
            # A click beside the handle (or Page Up/Down) moves 1 % of the history, not
            # Qt's 10 steps: of a million steps, a click would otherwise do nothing visible.
            self.timeline.setPageStep(max(10, computed // 100))
            self.timeline.setValue(step)

    def show_computed(self) -> None:
        """The timeline and counter again: the run has more steps (computed ahead)."""
        self._step_changed(self.controller.step)
        self._readout_changed(self.controller.step)

    def _readout_changed(self, step: int) -> None:
        # With the panes' numbers, so the bar and every pane always name the same step.
        self.step_label.setText(step_counter(step, self.controller.comparison.computed_steps))

    def _speed_shown(self, value: int) -> None:
        self.speed.setSuffix(translate("playback", " step/s") if value == 1
                             else translate("playback", " steps/s"))

    def _timeline_moved(self, value: int) -> None:
        self.controller.pause()
        self.controller.seek(value)
