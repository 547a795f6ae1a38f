"""The one QApplication: made on demand by the window, exports and pictures alike."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

#: Qt logging rules for the tools: only critical messages and worse.
QUIET_RULES = "*.debug=false\n*.info=false\n*.warning=false"

_APP = None   # kept alive for scripts and tests that never made one themselves


def ensure_application() -> QtWidgets.QApplication:
    """The running QApplication, or a new one named momentum-lab.

    Made here, the application is a tool's (export, snapshot, a sweep's picture): Qt's
    own chatter — the offscreen plugin's "This plugin does not support
    propagateSizeHints()" and the like — would precede the command's one-line answer,
    so its debug, info and warning messages are filtered out (critical ones still
    show). A logging rule rather than a Python message handler: Qt may log from its own
    threads or while the interpreter shuts down, where calling Python can crash.
    """
    global _APP
    existing = QtWidgets.QApplication.instance()
    if existing is None:
        QtCore.QLoggingCategory.setFilterRules(QUIET_RULES)
    _APP = existing or QtWidgets.QApplication(["momentum-lab"])
    return _APP
