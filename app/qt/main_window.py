"""Momentum Lab's main window: a thin Qt view over the workspace.

The window is assembled from parts — the :class:`PaneRow`, the overlay and loss plot in a
splitter, the :class:`Docks`, the :class:`PlaybackBar`, the File menu's
:class:`FileActions` and the action table of :mod:`app.qt.actions`. It owns no rules:
every request goes to the :class:`~app.model.workspace.Workspace`, which validates it and
says what changed (:meth:`MainWindow.request`); the :class:`PlaybackController` owns
time. So a bad value never destroys the user's work, and everything the window decides
is tested without it.
"""

from __future__ import annotations

from typing import Callable

from PySide6 import QtCore, QtWidgets

from app.model.readouts import one_line_title, window_title
from app.model.scenario import Scenario, ScenarioError
from app.model.translation import translate
from app.model.view_defaults import equal_axes_by_default
from app.model.workspace import SEEDS, Update, Workspace

from . import language
from .actions import TOOLBAR, build_actions, help_rows
from .ball_drawing import Layers
from .compute_ahead import ComputeAhead
from .docks import Docks
from .elided_label import ElidedLabel
from .field_keys import ShortcutsThroughNumberFields
from .file_actions import FileActions
from .language_switch import rebuild_in
from .lesson_player import LessonPlayer
from .loss_plot_widget import LossPlotWidget
from .overlay_widget import OverlayWidget
from .pane_row import PaneRow, size_on_screen
from .playback_bar import PlaybackBar
from .playback_controller import PlaybackController
from .presenter import Presenter
from .remembered import (
    dropped_message,
    recall_scenario,
    refusal,
    remember,
    restore_choices,
    restore_geometry,
    show_first,
)
from .signals_blocked import signals_blocked

ERROR_MS, NOTICE_MS = 8000, 15000


def about_text() -> str:
    return translate("window", "Momentum Lab: a ball rolls over a loss landscape.<br>"
                     "Momentum: p ← μp − αg, W ← W + p. μ is friction (1 − μ of the "
                     "velocity is lost each step), α is the force.")


class MainWindow(QtWidgets.QMainWindow):
    """The app window. ``remember=True`` restores and saves the last scenario (QSettings).

    Nothing remembered can stop the window from opening: a remembered scenario or geometry
    that fails to load is dropped (see :mod:`app.qt.remembered`) and the status bar says so.
    """

    def __init__(self, scenario: Scenario | None = None, remember: bool = False):
        super().__init__()
        self.setWindowTitle(window_title(""))
        self.resize(size_on_screen(self, 1400, 800))
        self.remember = remember
        self.workspace = Workspace(scenario)
        recall = remember and scenario is None
        dropped = recall_scenario(self.workspace) if recall else None
        self.controller = PlaybackController(self.workspace.run, self)
        self.layers = Layers()
        self.pane_row = PaneRow(self.controller, self.layers)
        self.overlay = OverlayWidget(self.controller, self.layers)
        self.overlay.hide()
        self.loss_plot = LossPlotWidget()
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        for index, (widget, stretch) in enumerate(((self.overlay, 8), (self.pane_row, 8),
                                                   (self.loss_plot, 3))):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(index, stretch)
        # The scenario's title (a lesson's too) above the panes, big enough for a room.
        self.title_label = ElidedLabel()      # plain text (user text), one line, never wider
        self.title_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        font = self.title_label.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.hide()
        central = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.title_label)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.docks = Docks(self, self.controller)
        self.field_keys = ShortcutsThroughNumberFields(self)
        self.files = FileActions(self)
        self.lessons = LessonPlayer(self, self.docks.lesson_view)
        self.presenter = Presenter(self)
        self.ahead = ComputeAhead(self)
        self.qactions = build_actions(self)
        self.playback_bar = PlaybackBar(self.controller, [self.qactions[a] for a in TOOLBAR])
        self.addToolBar(QtCore.Qt.ToolBarArea.BottomToolBarArea, self.playback_bar)
        self._connect()
        self.pane_row.physics_shown.connect(self.qactions["physics"].setChecked)
        with signals_blocked(self.qactions[f"language_{language.current()}"]):
            self.qactions[f"language_{language.current()}"].setChecked(True)
        self.loss_plot.follow(self.controller)
        dropped = show_first(self, recalled=recall and dropped is None) or dropped
        if remember:
            message = dropped_message(dropped, restore_geometry(self), restore_choices(self))
            if message:
                self.statusBar().showMessage(message, NOTICE_MS)

    def _connect(self) -> None:
        c, ws, controls = self.controller, self.workspace, self.docks.controls
        c.play_started.connect(
            lambda: self.qactions["play"].setText(translate("window", "Pause")))
        c.play_stopped.connect(
            lambda: self.qactions["play"].setText(translate("actions", "Play")))
        controls.change_requested.connect(
            lambda changes: self.request(lambda: ws.change(**changes),
                                         from_expression="landscape" in changes))
        controls.add_pane_requested.connect(lambda: self.request(ws.add_pane))
        controls.remove_pane_requested.connect(lambda: self.request(ws.remove_pane))
        controls.same_alpha.toggled.connect(lambda on: setattr(ws, "same_alpha", on))
        self.pane_row.pane_edited.connect(self._pane_edited)
        for signal in (self.pane_row.start_picked, self.overlay.point_clicked,
                       self.overlay.start_dragged):
            signal.connect(lambda x, y: self.request(lambda: ws.set_start(x, y)))
        self.docks.parameter_map.parameters_picked.connect(
            lambda alpha, mu: self.request(lambda: ws.pick_parameters(alpha, mu)))

    # -- requests and what they change ------------------------------------------------------

    def request(self, change: Callable[[], Update | None], from_expression: bool = False) -> bool:
        """Carry out a workspace request; a refused one is shown and changes nothing."""
        controls = self.docks.controls
        error = self.attempt(change)
        if error is not None:
            if from_expression:
                # Keep the typed text in place, marked; the last good landscape stays.
                controls.show_expression_error(error)
            else:
                self.statusBar().showMessage(error, ERROR_MS)
                controls.show_scenario(self.workspace.scenario)
            return False
        if from_expression:
            controls.clear_expression_error()
        return True

    def attempt(self, change: Callable[[], Update | None]) -> str | None:
        """Carry out a request and show it; None when done, else one line saying why not.

        The workspace refuses what does not validate. A scenario that validates but that
        a widget still refuses (an overflowing spin box once made the app unable to
        start) puts the previous scenario back: what is current is what the window shows.
        """
        ws = self.workspace
        before = (ws.scenario, ws.landscape, ws.run, ws.swarm)
        try:
            update = change()
        except ScenarioError as error:
            return str(error)
        if update is None:
            return None
        try:
            self.show_update(update)
        except Exception as error:  # noqa: BLE001 - any widget's refusal, not only overflow
            ws.scenario, ws.landscape, ws.run, ws.swarm = before
            self.show_update(None)
            return translate("window", "the window cannot show that scenario ({why}); "
                             "the previous one stays").format(why=refusal(error))
        return None

    def show_update(self, update: Update | None) -> None:
        """Show the workspace's current scenario and run (``None``: the first time)."""
        ws = self.workspace
        start = ws.scenario.resolved_start()
        self.setWindowTitle(window_title(ws.scenario.title))
        self.title_label.setText(one_line_title(ws.scenario.title))
        self.title_label.setVisible(bool(self.title_label.full_text()))
        self.pane_row.show_scenario(ws.scenario, ws.landscape)
        if update is None or update.landscape_changed:
            self.overlay.set_picture(self.pane_row.picture, ws.landscape.minima)
            self.qactions["equal"].setChecked(equal_axes_by_default(ws.landscape))
        self.overlay.set_start(start)
        self.docks.controls.show_scenario(ws.scenario)
        self.field_keys.watch(self)   # panes may have been added, with their fields
        self.docks.parameter_map.request(ws.map_request(), measure_rate=ws.measured_rate)
        self.pane_row.show_basins(ws.basins())
        self.tick_crowd_modes()
        self.presenter.refresh()                    # new panes take the zoom
        self.controller.set_comparison(ws.run)      # back to step 0; every view redraws
        if update is not None and update.notice:
            self.statusBar().showMessage(update.notice, NOTICE_MS)

    def _pane_edited(self, index: int, settings) -> None:
        if not self.request(lambda: self.workspace.edit_pane(index, settings)):
            self.pane_row.panes[index].set_settings(self.workspace.scenario.panes[index])

    # -- the action table's handlers ----------------------------------------------------------

    def set_language(self, code: str, on: bool) -> None:
        """View ▸ Language: the window again in that language (see language_switch)."""
        if not on:                                  # the menu is a choice of one
            with signals_blocked(self.qactions[f"language_{code}"]):
                self.qactions[f"language_{code}"].setChecked(code == language.current())
            return
        if code != language.current():
            rebuild_in(self, code)

    def set_full_screen(self, on: bool) -> None:
        """View ▸ Full screen (F11): the window fills the screen, for presenting."""
        self.showFullScreen() if on else self.showNormal()

    def set_layer(self, name: str, on: bool) -> None:
        """View ▸ Trail / Force arrows / Velocity arrows, for every pane and the overlay."""
        setattr(self.layers, name, on)
        self.controller.refresh()

    def set_equal_axes(self, on: bool) -> None:
        """View ▸ Equal axis scaling, for every pane and the overlay."""
        self.pane_row.set_equal_axes(on)
        self.overlay.set_equal_axes(on)

    def set_swarm(self, on: bool) -> None:
        """Swarm mode: every pane runs a grid of balls, coloured by where they end up."""
        self.request(lambda: self.workspace.set_swarm(on))

    def set_seeds(self, on: bool) -> None:
        """Many seeds: every pane runs seeds 0..31, a cloud around its median path."""
        self.request(lambda: self.workspace.set_seeds(SEEDS if on else None))

    def tick_crowd_modes(self) -> None:
        # Swarm mode and many seeds exclude each other, and a scenario (a file, a lesson's
        # step) brings its seeds: the menu's ticks follow the workspace.
        ws = self.workspace
        for name, on in (("swarm", ws.swarm), ("seeds", ws.scenario.seeds is not None)):
            with signals_blocked(self.qactions[name]):
                self.qactions[name].setChecked(on)

    def set_overlay(self, on: bool) -> None:
        """Overlay mode: one big plot with every ball; panes keep settings and readouts."""
        self.overlay.setVisible(on)
        self.pane_row.set_plots_visible(not on)
        _, _, loss = sizes = self.splitter.sizes()
        total = sum(sizes)
        if total <= 0:      # not laid out yet: a lesson can open the overlay before showing
            total = self.height()
            loss = 0 if self.loss_plot.isHidden() else total * 3 // 19   # stretch 8 : 8 : 3
        rest = max(total - loss, 1)
        panes = min(self.pane_row.sizeHint().height(), rest // 2) if on else rest
        self.splitter.setSizes([rest - panes, panes, loss] if on else [0, rest, loss])
        if on:
            self.overlay.sync_layers()
        self.controller.refresh()

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td>{what}</td><td><b>{keys}</b></td></tr>"
                       for what, keys in help_rows())
        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle(translate("window", "Keyboard shortcuts"))
        box.setText(f"<table cellpadding='4'>{rows}</table>")
        box.open()
        self.shortcuts_box = box

    def show_about(self) -> None:
        QtWidgets.QMessageBox.about(self, translate("window", "About Momentum Lab"),
                                    about_text())

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        # The window manager can leave full screen too: the menu's tick follows the state.
        if event.type() == QtCore.QEvent.Type.WindowStateChange and hasattr(self, "qactions"):
            with signals_blocked(self.qactions["fullscreen"]):
                self.qactions["fullscreen"].setChecked(self.isFullScreen())
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.ahead.stop(quiet=True)
        self.controller.shutdown()
        self.docks.parameter_map.shutdown()
        if self.remember:
            remember(self, self.workspace.scenario)
        super().closeEvent(event)
