"""The File menu: open and save scenarios, export animations, trajectories and pictures.

Each command is a dialog for the path, then a method that does the work and returns one
line for the status bar — a broken file, a bad folder or a full disk is that line, and
the user's work is untouched. The methods without dialogs are what tests drive.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6 import QtGui, QtWidgets

from app.atomic_file import OutputError, atomic_output
from app.model.example_library import example_path
from app.model.scenario import ScenarioError
from app.model.scenario_file import load_scenario, save_scenario
from app.model.trajectories import comparison_csv
from app.model.translation import translate

from .images import png_bytes, svg_bytes
from .remembered import dropped_message

MESSAGE_MS = 10_000


class FileActions:
    """The File menu's commands for ``window`` (a :class:`~app.qt.main_window.MainWindow`)."""

    def __init__(self, window):
        self.window = window

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    def _save_path(self, title: str, name: str, kinds: str) -> str:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(self.window, title, name, kinds)
        return path

    # -- scenarios ----------------------------------------------------------------------

    def open_scenario_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, translate("files", "Open scenario"), "",
            translate("files", "Momentum Lab scenarios (*.toml);;All files (*)"))
        if path:
            self.open_scenario(path)

    def open_scenario(self, path, warn: bool = True) -> bool:
        """Load a scenario file; a broken or hostile file changes nothing and says why.

        The reason is one status-bar line naming the file, and with ``warn`` a message
        box as well. A file named on the command line passes ``warn=False``: a box before
        the window is even up would greet the user with an error to click away.
        """
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            problem = str(error)
        else:
            problem = self.window.attempt(lambda: self.window.workspace.apply(scenario))
            if problem is None:
                return True
            problem = f"{Path(path).name or path}: {problem}"
        self._say(problem)
        if warn and self.window.isVisible() and QtGui.QGuiApplication.platformName() not in (
                "offscreen", "minimal"):
            QtWidgets.QMessageBox.warning(self.window, translate("files", "Cannot open scenario"),
                                          problem)
        return False

    def open_example(self, name: str) -> bool:
        """Open a shipped example (File ▸ Examples): Radford's six on one landscape."""
        return self.open_scenario(example_path(name))

    def save_scenario_dialog(self) -> None:
        path = self._save_path(translate("files", "Save scenario"), "scenario.toml",
                               translate("files", "Momentum Lab scenarios (*.toml)"))
        if path:
            try:
                save_scenario(self.window.workspace.scenario, path)
                self.window.statusBar().showMessage(
                    translate("files", "Saved {path}").format(path=path), 5000)
            except ScenarioError as error:
                self._say(str(error))

    # -- animations, trajectories, pictures ----------------------------------------------

    def export_animation_dialog(self) -> None:
        from .export_dialog import ExportDialog, run_export  # noqa: PLC0415 - on first use

        window = self.window
        window.controller.pause()
        scenario = window.workspace.scenario
        size = (window.pane_row.width(), window.pane_row.height())
        dialog = ExportDialog(scenario, window.controller.comparison.computed_steps, size, window,
                              remember=window.remember)
        if dialog.dropped:
            self._say(dropped_message(None, None, dialog.dropped))
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        suffix = dialog.format.currentData()
        path = self._save_path(translate("files", "Export animation"), f"momentum{suffix}",
                               translate("files", "Animation (*{suffix})").format(suffix=suffix))
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            # The animation is drawn as the window shows it: same axis scaling, every ball
            # on one plot while View ▸ Overlay is on, the swarm while swarm mode is (many
            # seeds are the scenario's), a lesson step's caption under the header.
            plan = dataclasses.replace(dialog.plan(path),
                                       equal_axes=window.qactions["equal"].isChecked(),
                                       overlay=window.qactions["overlay"].isChecked(),
                                       swarm=window.workspace.swarm,
                                       caption=window.lessons.caption(),
                                       **window.docks.export_views())
            self._say(run_export(window, scenario, plan))

    def export_trajectories_dialog(self) -> None:
        path = self._save_path(translate("files", "Export trajectories"), "trajectories.csv",
                               "CSV (*.csv)")
        if path:
            self._say(self.export_trajectories(path))

    def export_trajectories(self, path) -> str:
        """Every pane's computed steps in one CSV; returns a one-line outcome."""
        run = self.window.controller.comparison
        last = run.computed_steps
        try:
            with atomic_output(path) as handle:
                handle.writelines(comparison_csv(run, last))
        except OutputError as error:
            return str(error)
        return translate("files", "Wrote {steps} steps of {panes} panes to {path}").format(
            steps=last + 1, panes=len(run.settings), path=path)

    def save_picture_dialog(self) -> None:
        path = self._save_path(translate("files", "Save picture"), "momentum.png",
                               translate("files", "PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self._say(self.save_picture(path))

    def save_picture(self, path) -> str:
        """The panes (or the overlay) as PNG, or as SVG with vector lines; one-line outcome."""
        window = self.window
        widget = window.overlay if window.overlay.isVisible() else window.pane_row
        suffix = Path(path).suffix.lower()
        if suffix not in (".png", ".svg"):
            return translate("files", "cannot save {path}: use .png or .svg").format(
                path=repr(str(path)))
        data = png_bytes(widget) if suffix == ".png" else svg_bytes(widget)
        try:
            with atomic_output(path, "wb") as handle:
                handle.write(data)
        except OutputError as error:
            return str(error)
        return translate("files", "Saved the picture to {path}").format(path=path)
