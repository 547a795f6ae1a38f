"""The one QApplication: made on demand by the window, exports and pictures alike."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

#: Qt logging rules for the tools: only critical messages and worse.
QUIET_RULES = "*.debug=false\n*.info=false\n*.warning=false"

_APP = None   # kept alive for scripts and tests that never made one themselves

#: Qt's pixmap cache, in KiB. Every pane caches its contours, contour lines, axes and the
#: settled trail as pixmaps the size of the plot; Qt's default 10 MiB holds them for two
#: panes at 1400×800 but not at 2560×1440, where they were evicted and painted again on
#: every frame (52.8 ms against 8.0). A cap, not a reservation: only what is drawn is used.
PIXMAP_CACHE_KIB = 256 * 1024


def make_room_for_cached_pictures() -> None:
    """Give Qt's pixmap cache room for every pane's cached pictures at any window size."""
    QtGui.QPixmapCache.setCacheLimit(max(QtGui.QPixmapCache.cacheLimit(), PIXMAP_CACHE_KIB))


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
