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
from app.model.theme import PALETTES
from app.model.translation import translate

from .exporter import export_animation
from .remembered import keep, one_of, recall, whole_number, yes_no

EXPORT_KEY = "export/"
#: The size choice that follows the window rather than naming pixels.
WINDOW_SIZE = "window"


def size_presets() -> tuple[tuple[str, tuple[int, int]], ...]:
    """``(what the size list says, (width, height))`` for each preset size."""
    return (("1280×720 (HD)", (1280, 720)), ("1920×1080 (Full HD)", (1920, 1080)),
            (translate("export", "1200×500 (two panes, blog)"), (1200, 500)),
            ("800×450", (800, 450)))


def format_name(suffix: str) -> str:
    """What the format list says for ``suffix``: the encoder's name, PNG frames translated."""
    if suffix == ".png":
        return translate("export", "PNG frames")
    return FORMATS[suffix]


class ExportDialog(QtWidgets.QDialog):
    """The settings of an animation export; ``remember``: open on the last export's choices.

    :attr:`dropped` lists the remembered choices that could not be used (and were
    removed), as ``(what, why)`` pairs for :func:`app.qt.remembered.dropped_message`.
    """

    def __init__(self, scenario: Scenario, computed_steps: int, window_size: tuple[int, int],
                 parent=None, remember: bool = False):
        super().__init__(parent)
        self.setWindowTitle(translate("export", "Export animation"))
        self.scenario = scenario
        form = QtWidgets.QFormLayout(self)
        self.format = QtWidgets.QComboBox()
        for suffix in FORMATS:
            self.format.addItem(f"{format_name(suffix)} ({suffix})", suffix)
        self.format.setCurrentIndex(self.format.findData(".mp4"))
        self.whole_run = QtWidgets.QCheckBox(
            translate("export", "the whole run (up to convergence)"))
        self.whole_run.setChecked(True)
        self.first = QtWidgets.QSpinBox()
        self.first.setRange(0, 1_000_000)
        self.last = QtWidgets.QSpinBox()
        self.last.setRange(1, 1_000_000)
        self.last.setValue(max(computed_steps, 240))
        steps_row = QtWidgets.QHBoxLayout()
        steps_row.addWidget(QtWidgets.QLabel(translate("export", "from")))
        steps_row.addWidget(self.first)
        steps_row.addWidget(QtWidgets.QLabel(translate("export", "to")))
        steps_row.addWidget(self.last)
        self.steps_per_frame = QtWidgets.QSpinBox()
        self.steps_per_frame.setRange(1, 10_000)
        self.fps = QtWidgets.QSpinBox()
        self.fps.setRange(1, 120)
        self.fps.setValue(DEFAULT_FPS)
        self.size = QtWidgets.QComboBox()
        for text, size in size_presets():
            self.size.addItem(text, size)
        even = (window_size[0] // 2 * 2, window_size[1] // 2 * 2)
        self.size.addItem(translate("export", "the window's size ({width}×{height})").format(
            width=even[0], height=even[1]), even)
        self.include_loss = QtWidgets.QCheckBox(
            translate("export", "add the loss plot under the panes"))
        self.background = QtWidgets.QComboBox()
        self.background.addItem(translate("export", "light"), "light")
        self.background.addItem(translate("export", "dark (slides)"), "dark")
        form.addRow(translate("export", "format"), self.format)
        form.addRow(translate("export", "steps"), self.whole_run)
        form.addRow("", steps_row)
        form.addRow(translate("export", "steps per frame"), self.steps_per_frame)
        form.addRow(translate("export", "frames per second"), self.fps)
        form.addRow(translate("export", "size"), self.size)
        form.addRow(translate("export", "include"), self.include_loss)
        form.addRow(translate("export", "background"), self.background)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(translate("export", "Export…"))
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
                "include_loss": self.include_loss.isChecked(),
                "background": self.background.currentData()}

    def _recall(self) -> list[tuple[str, str]]:
        """Show the remembered choices; return those dropped, with why."""
        names = self._size_names()
        readers = (
            ("format", translate("export", "export format"), one_of(FORMATS),
             lambda suffix: self.format.setCurrentIndex(self.format.findData(suffix))),
            ("whole_run", translate("export", "export \"whole run\" choice"), yes_no,
             self.whole_run.setChecked),
            ("steps_per_frame", translate("export", "export steps per frame"),
             whole_number(self.steps_per_frame.minimum(), self.steps_per_frame.maximum()),
             self.steps_per_frame.setValue),
            ("fps", translate("export", "export frames per second"),
             whole_number(self.fps.minimum(), self.fps.maximum()), self.fps.setValue),
            ("size", translate("export", "export size"), one_of(names),
             lambda name: self.size.setCurrentIndex(names.index(name))),
            ("include_loss", translate("export", "export \"loss plot\" choice"), yes_no,
             self.include_loss.setChecked),
            ("background", translate("export", "export background"), one_of(tuple(PALETTES)),
             lambda name: self.background.setCurrentIndex(self.background.findData(name))),
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
                          include_loss=self.include_loss.isChecked(), first_step=first,
                          background=self.background.currentData())


def run_export(parent: QtWidgets.QWidget, scenario: Scenario, plan: ExportPlan) -> str:
    """Export with a progress dialog; return a one-line outcome for the status bar."""
    progress = QtWidgets.QProgressDialog(translate("export", "Exporting animation…"),
                                         translate("export", "Cancel"), 0, 100, parent)
    progress.setWindowTitle(translate("export", "Export animation"))
    progress.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def step(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        progress.setLabelText(translate("export", "Frame {done} of {total}").format(
            done=done, total=total))
        QtWidgets.QApplication.processEvents()
        return not progress.wasCanceled()

    try:
        count = export_animation(scenario, plan, step)
    except ExportError as error:
        return str(error)
    finally:
        progress.close()
    if count == 0:
        return translate("export", "Export cancelled; nothing was written.")
    return translate("export", "Exported {frames} frames to {name}").format(
        frames=count, name=Path(plan.path).name)
