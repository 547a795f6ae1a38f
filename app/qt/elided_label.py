"""A one-line label that ends in "…" when its text does not fit, instead of widening
its window or wrapping into the room the panes need (a long title at 200 % zoom)."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets


class ElidedLabel(QtWidgets.QLabel):
    """Plain text on one line, cut with "…" to the label's width; the whole text is the
    tooltip. Its width never counts in the layout (it takes what it is given)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                           QtWidgets.QSizePolicy.Policy.Fixed)
        self._full = ""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        self._full = text
        self.setToolTip(text)
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            self._fit()

    def _fit(self) -> None:
        metrics = QtGui.QFontMetrics(self.font())
        shown = metrics.elidedText(self._full, QtCore.Qt.TextElideMode.ElideRight,
                                   max(self.width(), 1))
        super().setText(shown)
