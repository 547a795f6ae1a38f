"""The one QApplication: made on demand by the window, exports and pictures alike."""

from __future__ import annotations

from PySide6 import QtWidgets

_APP = None   # kept alive for scripts and tests that never made one themselves


def ensure_application() -> QtWidgets.QApplication:
    """The running QApplication, or a new one named momentum-lab."""
    global _APP
    _APP = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["momentum-lab"])
    return _APP
