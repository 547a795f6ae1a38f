"""File ▸ Export animation…: choose format, steps, speed, size and content; watch it go.

The export runs through :func:`app.qt.exporter.export_animation` on the window's scenario
(the same numbers the panes show). Between frames the dialog's progress callback lets
Qt process events, so the window stays responsive and Cancel works at once; a cancelled
export leaves nothing behind.

Made with ``remember=True`` (by a window that remembers), the dialog opens on the choices
of the last export: format, whole run or not, steps per frame, frames per second, size
and the loss plot. The step range is not kept: it belongs to one run, not to the user.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets

from app.encoders import FORMATS, ExportError
from app.model.export_plan import DEFAULT_FPS, ExportPlan
from app.model.scenario import Scenario

from .exporter import export_animation
from .remembered import keep, one_of, recall, whole_number, yes_no

SIZE_PRESETS = (("1280×720 (HD)", (1280, 720)), ("1920×1080 (Full HD)", (1920, 1080)),
                ("1200×500 (two panes, blog)", (1200, 500)), ("800×450", (800, 450)))
EXPORT_KEY = "export/"
#: The size choice that follows the window rather than naming pixels.
WINDOW_SIZE = "window"


class ExportDialog(QtWidgets.QDialog):
    """The settings of an animation export; ``remember``: open on the last export's choices.

    :attr:`dropped` lists the remembered choices that could not be used (and were
    removed), as ``(what, why)`` pairs for :func:`app.qt.remembered.dropped_message`.
    """

    def __init__(self, scenario: Scenario, computed_steps: int, window_size: tuple[int, int],
                 parent=None, remember: bool = False):
        super().__init__(parent)
        self.setWindowTitle("Export animation")
        self.scenario = scenario
        form = QtWidgets.QFormLayout(self)
        self.format = QtWidgets.QComboBox()
        for suffix, name in FORMATS.items():
            self.format.addItem(f"{name} ({suffix})", suffix)
        self.format.setCurrentIndex(self.format.findData(".mp4"))
        self.whole_run = QtWidgets.QCheckBox("the whole run (up to convergence)")
        self.whole_run.setChecked(True)
        self.first = QtWidgets.QSpinBox()
        self.first.setRange(0, 1_000_000)
        self.last = QtWidgets.QSpinBox()
        self.last.setRange(1, 1_000_000)
        self.last.setValue(max(computed_steps, 240))
        steps_row = QtWidgets.QHBoxLayout()
        steps_row.addWidget(QtWidgets.QLabel("from"))
        steps_row.addWidget(self.first)
        steps_row.addWidget(QtWidgets.QLabel("to"))
        steps_row.addWidget(self.last)
        self.steps_per_frame = QtWidgets.QSpinBox()
        self.steps_per_frame.setRange(1, 10_000)
        self.fps = QtWidgets.QSpinBox()
        self.fps.setRange(1, 120)
        self.fps.setValue(DEFAULT_FPS)
        self.size = QtWidgets.QComboBox()
        for text, size in SIZE_PRESETS:
            self.size.addItem(text, size)
        even = (window_size[0] // 2 * 2, window_size[1] // 2 * 2)
        self.size.addItem(f"the window's size ({even[0]}×{even[1]})", even)
        self.include_loss = QtWidgets.QCheckBox("add the loss plot under the panes")
        form.addRow("format", self.format)
        form.addRow("steps", self.whole_run)
        form.addRow("", steps_row)
        form.addRow("steps per frame", self.steps_per_frame)
        form.addRow("frames per second", self.fps)
        form.addRow("size", self.size)
        form.addRow("include", self.include_loss)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.whole_run.toggled.connect(lambda on: (self.first.setEnabled(not on),
                                                   self.last.setEnabled(not on)))
        self.whole_run.toggled.emit(True)
        self.remember = remember
        self.dropped = self._recall() if remember else []

    def accept(self) -> None:
        # Kept when the user says Export…, even if the file dialog is then cancelled:
        # these are the choices they settled on.
        if self.remember:
            keep({EXPORT_KEY + key: value for key, value in self._choices().items()})
        super().accept()

    def _size_names(self) -> list[str]:
        """Each size item's remembered name: ``"800x450"`` for a preset, or the window's."""
        last = self.size.count() - 1
        return [WINDOW_SIZE if i == last else "{}x{}".format(*self.size.itemData(i))
                for i in range(self.size.count())]

    def _choices(self) -> dict[str, object]:
        return {"format": self.format.currentData(), "whole_run": self.whole_run.isChecked(),
                "steps_per_frame": self.steps_per_frame.value(), "fps": self.fps.value(),
                "size": self._size_names()[self.size.currentIndex()],
                "include_loss": self.include_loss.isChecked()}

    def _recall(self) -> list[tuple[str, str]]:
        """Show the remembered choices; return those dropped, with why."""
        names = self._size_names()
        readers = (
            ("format", "export format", one_of(FORMATS),
             lambda suffix: self.format.setCurrentIndex(self.format.findData(suffix))),
            ("whole_run", "export \"whole run\" choice", yes_no, self.whole_run.setChecked),
            ("steps_per_frame", "export steps per frame",
             whole_number(self.steps_per_frame.minimum(), self.steps_per_frame.maximum()),
             self.steps_per_frame.setValue),
            ("fps", "export frames per second",
             whole_number(self.fps.minimum(), self.fps.maximum()), self.fps.setValue),
            ("size", "export size", one_of(names),
             lambda name: self.size.setCurrentIndex(names.index(name))),
            ("include_loss", "export \"loss plot\" choice", yes_no,
             self.include_loss.setChecked),
        )
        dropped = []
        for key, what, parse, show in readers:
            value, why = recall(EXPORT_KEY + key, parse)
            if value is not None:
                show(value)
            elif why:
                dropped.append((what, why))
        return dropped

    def plan(self, path: str) -> ExportPlan:
        """The export these settings describe, written to ``path``."""
        per_frame = self.steps_per_frame.value()
        frames = None
        first = 0
        if not self.whole_run.isChecked():
            first = self.first.value()
            frames = max(1, (self.last.value() - first) // per_frame + 1)
        return ExportPlan(path=path, frames=frames, steps_per_frame=per_frame,
                          fps=self.fps.value(), size=tuple(self.size.currentData()),
                          include_loss=self.include_loss.isChecked(), first_step=first)


def run_export(parent: QtWidgets.QWidget, scenario: Scenario, plan: ExportPlan) -> str:
    """Export with a progress dialog; return a one-line outcome for the status bar."""
    progress = QtWidgets.QProgressDialog("Exporting animation…", "Cancel", 0, 100, parent)
    progress.setWindowTitle("Export animation")
    progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        progress.setLabelText(f"Frame {done} of {total}")
        QtWidgets.QApplication.processEvents()
        return not progress.wasCanceled()

    try:
        count = export_animation(scenario, plan, step)
    except ExportError as error:
        return str(error)
    finally:
        progress.close()
    if count == 0:
        return "Export cancelled; nothing was written."
    return f"Exported {count} frames to {Path(plan.path).name}"
