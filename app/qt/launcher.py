"""Open the desktop app: ``momentum-lab``, ``momentum-lab FILE.toml`` on that scenario, or
``momentum-lab --lesson NAME`` on a lesson.

Qt is imported only after :mod:`app.system_check` has found a display and Qt's system
libraries, so a bare machine gets the packages to install instead of Qt's abort.
"""

from __future__ import annotations

import signal
import sys
from contextlib import contextmanager

from app import system_check

#: How often Qt's event loop hands Python the thread, so a Ctrl+C or SIGTERM that
#: arrived is acted on (Python runs signal handlers only between its own bytecodes).
_SIGNAL_POLL_MS = 200


def _local_path(name: str) -> str:
    """A path as given, or the local file a ``file://`` URI names (as file managers pass)."""
    from PySide6 import QtCore  # noqa: PLC0415 - Qt only when a window is wanted

    if name.startswith("file:"):
        return QtCore.QUrl(name).toLocalFile() or name
    return name


def build_window(scenario_path: str | None = None, lesson=None):
    """The app's window, not yet shown: the last session's state, then ``scenario_path``
    or ``lesson`` (an :class:`~app.model.lesson.Lesson`, already read and checked).

    A file that cannot be opened says why in the status bar only and leaves the
    remembered (or default) scenario on screen: the app opens either way.
    """
    from .main_window import MainWindow  # noqa: PLC0415 - Qt only when a window is wanted

    window = MainWindow(remember=True)
    if scenario_path:
        window.files.open_scenario(_local_path(scenario_path), warn=False)
    if lesson is not None:
        window.lessons.open(lesson)
    return window


def launch_app(scenario_path: str | None = None, lesson=None) -> int:
    """Run the app until its window closes, on ``scenario_path`` or ``lesson`` if given."""
    issues = system_check.problems()
    if issues:
        for issue in issues:
            print(f"momentum-lab: {issue}", file=sys.stderr)
        return 1
    from PySide6 import QtWidgets  # noqa: PLC0415 - Qt only when a window is wanted

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationName("Momentum Lab")
    app.setOrganizationName("Momentum Lab")
    from . import language  # noqa: PLC0415 - Qt only when a window is wanted

    language.use_decimal_point()
    language.install(language.chosen())
    window = build_window(scenario_path, lesson)
    window.show()
    with _close_on_signals(window) as received:
        status = app.exec()
    if received:
        print(f"momentum-lab: {'interrupted' if received[0] == signal.SIGINT else 'terminated'}",
              file=sys.stderr)
        return 128 + received[0]
    return status


@contextmanager
def _close_on_signals(window):
    """While the app runs, Ctrl+C in the terminal or ``kill`` closes the window the
    normal way: the session is remembered and the app exits with the signal's status,
    instead of ignoring the signal until some later event, or dying without saving.
    Yields the list the signal's number is put in; afterwards the poll stops and the
    previous handlers are back."""
    from PySide6 import QtCore, QtWidgets  # noqa: PLC0415

    received: list[int] = []

    def close(signum, frame):  # noqa: ARG001 - signal API
        if not received:
            received.append(signum)
            # Every window: View ▸ Language may have replaced the first one.
            QtCore.QTimer.singleShot(0, QtWidgets.QApplication.closeAllWindows)

    previous = {signum: signal.signal(signum, close) for signum in (signal.SIGINT, signal.SIGTERM)}
    poll = QtCore.QTimer(window)
    poll.timeout.connect(lambda: None)
    poll.start(_SIGNAL_POLL_MS)
    try:
        yield received
    finally:
        poll.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
