"""Open the desktop app (``momentum-lab`` with no arguments).

Qt is imported only after :mod:`app.system_check` has found a display and Qt's system
libraries, so a bare machine gets the packages to install instead of Qt's abort.
"""

from __future__ import annotations

import sys

from app import system_check


def launch_app(argv: list[str] | None = None) -> int:
    issues = system_check.problems()
    if issues:
        for issue in issues:
            print(f"momentum-lab: {issue}", file=sys.stderr)
        return 1
    from PySide6 import QtWidgets  # noqa: PLC0415 - Qt only when a window is wanted

    from .main_window import MainWindow  # noqa: PLC0415

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv or sys.argv[:1])
    app.setApplicationName("Momentum Lab")
    app.setOrganizationName("Momentum Lab")
    window = MainWindow(remember=True)
    window.show()
    return app.exec()
