"""Open the desktop app: ``momentum-lab``, or ``momentum-lab FILE.toml`` on that scenario.

Qt is imported only after :mod:`app.system_check` has found a display and Qt's system
libraries, so a bare machine gets the packages to install instead of Qt's abort.
"""

from __future__ import annotations

import sys

from app import system_check


def _local_path(name: str) -> str:
    """A path as given, or the local file a ``file://`` URI names (as file managers pass)."""
    from PySide6 import QtCore  # noqa: PLC0415 - Qt only when a window is wanted

    if name.startswith("file:"):
        return QtCore.QUrl(name).toLocalFile() or name
    return name


def build_window(scenario_path: str | None = None):
    """The app's window, not yet shown: the last session's state, then ``scenario_path``.

    A file that cannot be opened says why in the status bar only and leaves the
    remembered (or default) scenario on screen: the app opens either way.
    """
    from .main_window import MainWindow  # noqa: PLC0415 - Qt only when a window is wanted

    window = MainWindow(remember=True)
    if scenario_path:
        window.files.open_scenario(_local_path(scenario_path), warn=False)
    return window


def launch_app(scenario_path: str | None = None) -> int:
    """Run the app until its window closes; ``scenario_path`` is a scenario to open."""
    issues = system_check.problems()
    if issues:
        for issue in issues:
            print(f"momentum-lab: {issue}", file=sys.stderr)
        return 1
    from PySide6 import QtWidgets  # noqa: PLC0415 - Qt only when a window is wanted

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationName("Momentum Lab")
    app.setOrganizationName("Momentum Lab")
    window = build_window(scenario_path)
    window.show()
    return app.exec()
