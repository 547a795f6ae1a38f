"""The one object that owns time: a QTimer that moves the one cursor into the run's history.

The timer never computes physics with wall-clock dt. Each tick it advances a
*fractional* playhead by ``elapsed × speed`` steps; the whole part is the step shown
(computed on demand by :class:`physics.simulation.Comparison`), the fraction lets the
panes draw the ball smoothly between two iterates. If drawing falls behind, the next
tick simply moves further: frames are skipped, never steps — the trail still shows
every iterate.

Signals (past tense, napari style):

``step_changed(int)``
    The integer step on screen changed (readouts, loss cursor, timeline).
``frame_changed(float)``
    The playhead moved (ball positions between iterates).
``play_started()`` / ``play_stopped()``
``speed_changed(int)``
    Playback speed (steps per second) changed.
``readout_changed(int)``
    The step the numbers on screen should show. At once when paused or stepping; while
    playing at most every ``READOUT_INTERVAL_MS`` (faster than that nobody can read
    them, and every readout — panes and bar alike — shows the same step).
``comparison_changed()``
    A new comparison replaced the old one (new landscape, start or settings).

Only this object emits these signals; a view that needs a repaint without a new step
(a trail switched off, the overlay shown) asks for one with :meth:`refresh`.
"""

from __future__ import annotations

import math

from PySide6 import QtCore

from physics.simulation import Comparison

FRAME_INTERVAL_MS = 16          # ~60 frames per second
READOUT_INTERVAL_MS = 100       # numbers refresh at most 10 times a second while playing
#: Steps per second. The top speed takes a run to step 100,000 in under four seconds:
#: at 60 frames a second a frame then advances 512 steps, and the trail still shows
#: every one of them (frames are skipped, never steps).
MIN_SPEED, MAX_SPEED = 1, 30_720
DEFAULT_SPEED = 30


class PlaybackController(QtCore.QObject):
    """Play, pause, step, step back, scrub and reset a :class:`Comparison`."""

    step_changed = QtCore.Signal(int)
    frame_changed = QtCore.Signal(float)
    play_started = QtCore.Signal()
    play_stopped = QtCore.Signal()
    speed_changed = QtCore.Signal(int)
    readout_changed = QtCore.Signal(int)
    comparison_changed = QtCore.Signal()

    def __init__(self, comparison: Comparison, parent=None):
        super().__init__(parent)
        self.comparison = comparison
        self._step = 0
        self._playhead = 0.0
        self._speed = DEFAULT_SPEED
        self._pause_at: int | None = None     # a lesson's "play, then pause at step k"
        self._timer = QtCore.QTimer(self)
        self._timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QtCore.QElapsedTimer()
        self._readout_timer = QtCore.QTimer(self)
        self._readout_timer.setSingleShot(True)
        self._readout_timer.setInterval(READOUT_INTERVAL_MS)
        self._readout_timer.timeout.connect(lambda: self.readout_changed.emit(self._step))

    # -- state ----------------------------------------------------------------------------

    @property
    def step(self) -> int:
        """The step on screen: the one cursor into the run's history."""
        return self._step

    @property
    def playhead(self) -> float:
        """Fractional step being drawn (``step ≤ playhead < step + 1``)."""
        return self._playhead

    @property
    def is_playing(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> int:
        return self._speed

    @property
    def at_end(self) -> bool:
        """The step on screen is where playing would stop (every ball done)."""
        return self._finished(self._step)

    def set_speed(self, steps_per_second: int) -> None:
        speed = int(min(MAX_SPEED, max(MIN_SPEED, steps_per_second)))
        if speed != self._speed:
            self._speed = speed
            self.speed_changed.emit(speed)

    def faster(self) -> None:
        """Double the speed (up to MAX_SPEED)."""
        self.set_speed(self._speed * 2)

    def slower(self) -> None:
        """Halve the speed (down to MIN_SPEED)."""
        self.set_speed(self._speed // 2)

    # -- commands --------------------------------------------------------------------------

    def play(self) -> None:
        if self.is_playing or self._finished(self.step):
            return
        self._pause_at = None
        self._start()

    def play_until(self, step: int) -> None:
        """Play from where the playhead is and pause at ``step`` (a lesson's ``pause_at``);
        the run stopping earlier (converged, diverged) ends it as Play would."""
        if self.is_playing or self._finished(self.step) or step <= self.step:
            return
        self._pause_at = int(step)
        self._start()

    def _start(self) -> None:
        self._clock.start()
        self._timer.start()
        self.play_started.emit()

    def pause(self) -> None:
        if not self.is_playing:
            return
        self._timer.stop()
        self._show(float(self.step))
        self._stopped()

    def toggle(self) -> None:
        self.pause() if self.is_playing else self.play()

    def step_forward(self) -> None:
        self.pause()
        self.seek(self.step + 1)

    def step_back(self) -> None:
        self.pause()
        self.seek(self.step - 1)

    def reset(self) -> None:
        self.pause()
        self.seek(0)

    def seek(self, step: int) -> None:
        """Show ``step`` (computed if needed; clamped to what can exist)."""
        wanted = max(0, int(step))
        # While a worker computes ahead this waits at most one of its chunks.
        self._show(float(min(wanted, self.comparison.ensure(wanted))))

    def refresh(self) -> None:
        """Redraw the frame on screen (a view changed what it draws, not the step)."""
        self.frame_changed.emit(self._playhead)

    def set_comparison(self, comparison: Comparison) -> None:
        """Replace the run (settings changed): back to step 0, paused, every view told."""
        self.pause()
        self.comparison = comparison
        self.comparison_changed.emit()
        self._playhead = -1.0
        self._show(0.0)

    def shutdown(self) -> None:
        """Stop the timers for good (window closing, tests)."""
        self._timer.stop()
        self._readout_timer.stop()

    # -- internals ---------------------------------------------------------------------------

    def _finished(self, step: int) -> bool:
        c = self.comparison
        return c.all_settled(step) or (step >= c.computed_steps and
                                       (c.all_stopped() or c.history_full))

    def _show(self, playhead: float) -> None:
        old_step = math.floor(self._playhead)
        self._playhead = playhead
        self._step = math.floor(playhead)
        if self._step != old_step:
            self.step_changed.emit(self._step)
            if not self.is_playing:
                self.readout_changed.emit(self._step)
            elif not self._readout_timer.isActive():
                self._readout_timer.start()
        self.frame_changed.emit(playhead)

    def _stopped(self) -> None:
        self._readout_timer.stop()
        self.readout_changed.emit(self._step)
        self.play_stopped.emit()

    def _tick(self) -> None:
        elapsed = self._clock.restart() / 1000.0
        target = self._playhead + elapsed * self._speed
        whole = math.floor(target)
        # The next iterate, to draw towards (never waiting for a worker computing ahead).
        reached = self.comparison.ensure(whole + 1, wait=False)
        if whole >= reached:
            target = float(reached)
        if self._pause_at is not None and target >= self._pause_at:
            target = float(self._pause_at)
        self._show(target)
        if self._finished(math.floor(target)) or target == self._pause_at:
            self._timer.stop()
            self._show(float(math.floor(target)))
            self._stopped()
