"""The one QApplication: made on demand by the window, exports and pictures alike."""

from __future__ import annotations

import sys

from PySide6 import QtCore, QtWidgets

_APP = None   # kept alive for scripts and tests that never made one themselves


def ensure_application() -> QtWidgets.QApplication:
    """The running QApplication, or a new one named momentum-lab.

    Made here, the application is a tool's (export, snapshot, a sweep's picture): Qt's
    own chatter — the offscreen plugin's "This plugin does not support
    propagateSizeHints()" and the like — would precede the command's one-line answer,
    so only Qt's critical and fatal messages reach stderr, as one line each.
    """
    global _APP
    existing = QtWidgets.QApplication.instance()
    if existing is None:
        QtCore.qInstallMessageHandler(_serious_messages_only)
    _APP = existing or QtWidgets.QApplication(["momentum-lab"])
    return _APP


def _serious_messages_only(kind, context, message) -> None:  # noqa: ARG001 - Qt's API
    if kind in (QtCore.QtMsgType.QtCriticalMsg, QtCore.QtMsgType.QtFatalMsg):
        print(f"momentum-lab: Qt: {message.splitlines()[0] if message else kind}",
              file=sys.stderr)
