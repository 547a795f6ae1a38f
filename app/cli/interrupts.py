"""Ctrl+C and ``kill``: every command stops within a second, cleanly.

SIGINT and SIGTERM become :class:`Interrupted`, an exception that unwinds the command
like any other, so the ``with`` blocks and ``except BaseException`` clauses that own
temporary files remove them and the target is never touched. The entry point turns it
into one line and the shell's status for the signal (130 for SIGINT, 143 for SIGTERM).

Where the exception is raised matters. Raised while Qt is painting — inside a C++
virtual call that pyqtgraph implements in Python — PySide cannot propagate it: it prints
"Ignored exception" and carries on, or the process dies in ``paintEvent``. So the
commands that draw with Qt run :func:`deferred`: a signal is only recorded, and the
command raises it at its own :func:`checkpoint` — between frames, between chunks of
computation — where the stack holds nothing but our Python. Only the first signal
counts: a second Ctrl+C during the clean-up must not interrupt the clean-up.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

_NAMES = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}


class Interrupted(BaseException):
    """A signal asked the command to stop (BaseException: ``except Exception`` lets it by)."""

    def __init__(self, signum: int):
        super().__init__(_NAMES.get(signum, f"signal {signum}"))
        self.signum = signum

    @property
    def exit_status(self) -> int:
        """What a shell reports for a process killed by the signal: 128 + its number."""
        return 128 + self.signum


_deferring = 0
_pending: int | None = None
_raised = False


def _handler(signum, frame):  # noqa: ARG001 - signal API
    global _pending, _raised
    if _raised or _pending is not None:
        return   # already stopping: let the clean-up finish
    if _deferring:
        _pending = signum
        return
    _raised = True
    raise Interrupted(signum)


@contextmanager
def handled():
    """Route SIGINT and SIGTERM through :class:`Interrupted` while the block runs (a
    command); the previous handlers come back after (a test calling ``main`` in-process)."""
    global _pending, _raised
    _pending, _raised = None, False
    previous = {signum: signal.signal(signum, _handler) for signum in _NAMES}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def checkpoint() -> None:
    """Raise :class:`Interrupted` if a signal arrived while deferred."""
    global _pending, _raised
    if _pending is not None and not _raised:
        signum, _pending, _raised = _pending, None, True
        raise Interrupted(signum)


@contextmanager
def deferred():
    """Record signals instead of raising them (for code that calls into Qt)."""
    global _deferring
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
