"""Progress on stderr for the commands that take more than a moment.

A bar appears only on a terminal and only once the work has run for
:data:`QUIET_SECONDS` (quick commands stay silent, and a log file never fills with
carriage returns). Every call is also an interrupt :func:`~app.cli.interrupts.checkpoint`,
so a long loop that reports progress stops promptly on Ctrl+C.
"""

from __future__ import annotations

import sys
import time

from . import interrupts

QUIET_SECONDS = 2.0
_REDRAW_SECONDS = 0.1


class ProgressBar:
    """``bar(done, total)``: draw ``what [####....] done/total unit  elapsed``."""

    def __init__(self, what: str, unit: str, stream=None):
        self.what, self.unit = what, unit
        self.stream = stream or sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.started = time.perf_counter()
        self._drawn_at = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> bool:
        interrupts.checkpoint()
        now = time.perf_counter()
        elapsed = now - self.started
        if not self.enabled or elapsed < QUIET_SECONDS:
            return True
        if done < total and now - self._drawn_at < _REDRAW_SECONDS:
            return True
        self._drawn_at = now
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\r{self.what} [{'#' * filled}{'.' * (width - filled)}] "
                          f"{done:,}/{total:,} {self.unit}  {elapsed:.1f}s")
        self._shown = True
        if done >= total:
            self.clear()
        self.stream.flush()
        return True

    def clear(self) -> None:
        """Leave the line empty for what is printed next (an answer, an error)."""
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
