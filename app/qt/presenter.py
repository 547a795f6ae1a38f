"""Presenting: the window's zoom (Ctrl++ / Ctrl+− / Ctrl+0) and the high-contrast look.

The :class:`Presenter` applies one :class:`~app.model.presentation.Look` to the whole
window: the window's font (which every widget without a font of its own inherits),
each widget that sets its own font size (scaled from the size it was made with), and
every plot's lines, markers and axis text. Panes and dialogs made later get it too:
:meth:`Presenter.refresh` runs after every change of the scenario.
"""

from __future__ import annotations

import dataclasses

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from app.model.presentation import Look, zoom_in, zoom_out
from app.model.translation import translate

from .plot_look import style_legends_and_ticks

#: The property holding a widget's own font size at zoom 1 (points).
BASE_POINTS = "momentum_lab_base_points"
#: The property holding the zoom a plot's legends and ticks were last drawn at.
LEGEND_ZOOM = "momentum_lab_legend_zoom"


class Presenter:
    """The look of ``window`` (a :class:`~app.qt.main_window.MainWindow`)."""

    def __init__(self, window):
        self.window = window
        self.look = Look()
        self._base_points = window.font().pointSizeF()

    def zoom_in(self) -> None:
        """View ▸ Zoom in (Ctrl++ or Ctrl+=)."""
        self.set_look(dataclasses.replace(self.look, zoom=zoom_in(self.look.zoom)))

    def zoom_out(self) -> None:
        """View ▸ Zoom out (Ctrl+−)."""
        self.set_look(dataclasses.replace(self.look, zoom=zoom_out(self.look.zoom)))

    def reset_zoom(self) -> None:
        """View ▸ Actual size (Ctrl+0)."""
        self.set_look(dataclasses.replace(self.look, zoom=1.0))

    def set_high_contrast(self, on: bool) -> None:
        """View ▸ High contrast: thicker lines and trails, black labels, for projectors."""
        self.set_look(dataclasses.replace(self.look, high_contrast=on))

    def set_look(self, look: Look) -> None:
        self.look = look
        font = self.window.font()
        font.setPointSizeF(self._base_points * look.zoom)
        self.window.setFont(font)
        self.refresh()
        percent = round(look.zoom * 100)
        self.window.statusBar().showMessage(
            translate("presenter", "Zoom {percent} %, high contrast").format(percent=percent)
            if look.high_contrast else
            translate("presenter", "Zoom {percent} %").format(percent=percent), 3000)

    def refresh(self) -> None:
        """Bring widgets and plots made since the last change to the current look."""
        look = self.look
        for widget in self.window.findChildren(QtWidgets.QWidget):
            if isinstance(widget, pg.GraphicsView):
                if widget.property(LEGEND_ZOOM) != look.zoom:     # new, or zoom changed
                    widget.setProperty(LEGEND_ZOOM, look.zoom)
                    style_legends_and_ticks(widget, look, ticks=not hasattr(widget, "look"))
                if getattr(widget, "look", look) != look and hasattr(widget, "set_look"):
                    widget.set_look(look)
            elif widget.testAttribute(QtCore.Qt.WidgetAttribute.WA_SetFont):
                self._scale_own_font(widget, look.zoom)

    @staticmethod
    def _scale_own_font(widget: QtWidgets.QWidget, zoom: float) -> None:
        base = widget.property(BASE_POINTS)
        font = widget.font()
        if base is None:
            base = font.pointSizeF()
            widget.setProperty(BASE_POINTS, base)
        if base > 0 and abs(font.pointSizeF() - base * zoom) > 1e-6:
            font.setPointSizeF(base * zoom)
            widget.setFont(font)
