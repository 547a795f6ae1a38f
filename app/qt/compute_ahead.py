"""Playback ▸ Compute ahead (End): the run's coming steps computed on a worker thread.

Playing takes a run forward as fast as it is shown; to look at step 1,000,000 a user
would wait for it. Compute ahead extends the run's history up to
:data:`physics.limits.MAX_STEPS` (or its memory cap) on a worker thread while the window
stays live: ``Comparison.ensure`` lets one thread compute at a time, a chunk at a time
(the playback timer never waits and plays the steps that exist; a step forward waits at
most one chunk), a step becomes visible only once it is stored, and every 100 ms the
status bar says how far the worker got and the timeline grows to it. Pressing End again, a new run (any
edit), or closing the window stops the worker at its next progress report (every 4,096
steps); what it computed stays.
"""

from __future__ import annotations

import threading

from PySide6 import QtCore

from app.model.translation import translate
from physics.limits import MAX_STEPS

POLL_MS = 100


class _Stopped(Exception):
    """Raised from the progress report to end the worker's ``ensure`` early."""


class ComputeAhead(QtCore.QObject):
    """Computes ``window``'s run ahead on a worker thread, reporting in the status bar."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._done = 0
        self._target = 0
        self._error: str | None = None
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        # A new run: the old one's worker is stopped, and says nothing about the new one.
        window.controller.comparison_changed.connect(lambda: self.stop(quiet=True))

    @property
    def running(self) -> bool:
        return self._thread is not None

    def toggle(self) -> None:
        """End: start computing ahead, or stop a computation under way."""
        self.stop() if self.running else self.start()

    def start(self) -> None:
        run = self.window.controller.comparison
        self._target = min(MAX_STEPS, run.max_steps)
        if self.running or run.computed_steps >= self._target or run.all_stopped():
            return
        self._stop.clear()
        self._done, self._error = run.computed_steps, None
        self._thread = threading.Thread(target=self._work, args=(run,), daemon=True,
                                        name="compute-ahead")
        self._thread.start()
        self._timer.start()
        self._poll()

    def stop(self, quiet: bool = False) -> None:
        """Ask the worker to stop and wait for it (at most one progress report away)."""
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        self._finish(quiet)

    def _work(self, run) -> None:
        def report(done: int, _target: int) -> None:
            self._done = done
            if self._stop.is_set():
                raise _Stopped

        try:
            run.ensure(self._target, progress=report)
        except _Stopped:
            pass
        except Exception as error:          # noqa: BLE001 - shown as one line, never a trace
            self._error = str(error) or type(error).__name__

    def _poll(self) -> None:
        if self._thread is not None and not self._thread.is_alive():
            self._thread.join()
            self._finish()
            return
        self.window.playback_bar.show_computed()
        self.window.statusBar().showMessage(translate(
            "window", "Computing ahead: step {done} of {target} (End stops)").format(
                done=self._done, target=self._target))

    def _finish(self, quiet: bool = False) -> None:
        self._timer.stop()
        self._thread = None
        if quiet:
            return
        run = self.window.controller.comparison
        self.window.playback_bar.show_computed()
        message = (translate("window", "Computing ahead stopped: {error}").format(
            error=self._error) if self._error else translate(
                "window", "Computed up to step {step}: the timeline reaches it").format(
                    step=run.computed_steps))
        self.window.statusBar().showMessage(message, 8000)
