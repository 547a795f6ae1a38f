"""Momentum Lab's main window: panes side by side, the loss plot, controls and playback.

The window holds the current :class:`~app.scenario.Scenario`. Every edit builds a new
scenario, validates it, and only then replaces the run (so a bad value never destroys
the user's work); the :class:`PlaybackController` owns time.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from PySide6 import QtCore, QtGui, QtWidgets

from optimizers.registry import OptimizerSettings
from physics.catalog import LandscapeError

from .contours import contour_picture
from .loss_plot_widget import LossPlotWidget
from .overlay_widget import OverlayWidget
from .parameter_map_widget import ParameterMapWidget
from .physics_views_widget import PhysicsViewsWidget
from .pane_widget import PaneWidget
from .playback_controller import MAX_SPEED, MIN_SPEED, PlaybackController
from .scenario import Scenario, ScenarioError, default_scenario, load_scenario, save_scenario, \
    scenario_from_toml, scenario_to_toml
from .scenario_controls_widget import ScenarioControlsWidget

MAX_PANES = 4
SWARM_SIDE = 32          # swarm mode: 32 × 32 = 1024 balls per pane
#: What "Add pane" brings next, as in Radford's animations.
NEXT_OPTIMIZERS = ("sgd", "momentum", "nesterov", "adam")

SHORTCUTS = (
    ("Play / pause", "Space"),
    ("Step forward (all panes)", "Right  or  ."),
    ("Step back", "Left  or  ,"),
    ("Reset to step 0", "Home  or  R"),
    ("Faster / slower", "]  /  ["),
    ("Overlay all balls on one plot", "O"),
    ("Swarm: a grid of balls coloured by basin", "S"),
    ("Parameter map (α, μ)", "M"),
    ("Energy and phase portrait", "E"),
    ("Set the start point", "click a plot, or drag the ×"),
    ("Open scenario", "Ctrl+O"),
    ("Save scenario", "Ctrl+S"),
    ("Export animation", "Ctrl+E"),
    ("Save picture (PNG / SVG)", "Ctrl+P"),
    ("Keyboard shortcuts", "F1"),
    ("Quit", "Ctrl+Q"),
)


class MainWindow(QtWidgets.QMainWindow):
    """The app window. ``remember=True`` restores and saves the last scenario (QSettings)."""

    def __init__(self, scenario: Scenario | None = None, remember: bool = False):
        super().__init__()
        self.setWindowTitle("Momentum Lab")
        self.resize(1400, 800)
        self.remember = remember
        self.scenario = scenario or (self._remembered_scenario() if remember else None) \
            or default_scenario()
        self._landscape = self.scenario.resolved_landscape()
        self.controller = PlaybackController(self.scenario.build_comparison(), self)
        self.panes: list[PaneWidget] = []

        self.pane_row = QtWidgets.QWidget()
        self.pane_layout = QtWidgets.QHBoxLayout(self.pane_row)
        self.pane_layout.setContentsMargins(0, 0, 0, 0)
        self.loss_plot = LossPlotWidget(self.controller)
        self.overlay = OverlayWidget(self.controller, self.panes)
        self.overlay.hide()
        self.overlay.point_clicked.connect(self._start_clicked)
        self.overlay.start_dragged.connect(self._start_clicked)
        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.splitter = splitter
        splitter.addWidget(self.overlay)
        splitter.addWidget(self.pane_row)
        splitter.addWidget(self.loss_plot)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 1)
        self.setCentralWidget(splitter)

        self.controls = ScenarioControlsWidget()
        self.controls_dock = QtWidgets.QDockWidget("Scenario", self)
        self.controls_dock.setObjectName("scenario-dock")
        self.controls_dock.setWidget(self.controls)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.controls_dock)

        self.parameter_map = ParameterMapWidget()
        self.map_dock = QtWidgets.QDockWidget("Parameter map (α, μ)", self)
        self.map_dock.setObjectName("parameter-map-dock")
        self.map_dock.setWidget(self.parameter_map)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self.map_dock)
        self.map_dock.hide()
        self.physics_views = PhysicsViewsWidget(self.controller)
        self.physics_dock = QtWidgets.QDockWidget("Energy and phase portrait", self)
        self.physics_dock.setObjectName("physics-views-dock")
        self.physics_dock.setWidget(self.physics_views)
        self.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, self.physics_dock)
        self.physics_dock.hide()

        self._build_playback_bar()
        self._build_actions()
        self._connect()
        self._rebuild_panes()
        self.controls.show_scenario(self.scenario)
        self.controller.set_comparison(self.controller.comparison)
        self._update_parameter_map()
        if remember:
            self._restore_geometry()

    # -- building ---------------------------------------------------------------------------

    def _build_playback_bar(self) -> None:
        bar = QtWidgets.QToolBar("Playback")
        bar.setObjectName("playback-bar")
        bar.setMovable(False)
        self.addToolBar(QtCore.Qt.ToolBarArea.BottomToolBarArea, bar)
        self.playback_bar = bar
        self.step_label = QtWidgets.QLabel()
        self.step_label.setMinimumWidth(150)
        self.timeline = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.timeline.setToolTip("Scrub through the computed steps")
        self.speed = QtWidgets.QSpinBox()
        self.speed.setRange(MIN_SPEED, MAX_SPEED)
        self.speed.setValue(self.controller.speed)
        self.speed.setSuffix(" steps/s")
        self.speed.setToolTip("Playback speed, 1 to 240 steps per second ( [ and ] )")
        self._bar = bar

    def _action(self, text: str, keys, slot, tip: str = "") -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        action.setShortcuts([QtGui.QKeySequence(k) for k in keys])
        shown = " or ".join(QtGui.QKeySequence(k).toString() for k in keys)
        action.setToolTip(f"{tip or text} ({shown})" if shown else tip or text)
        action.triggered.connect(slot)
        self.addAction(action)   # shortcuts work even when menus are hidden
        return action

    def _build_actions(self) -> None:
        c = self.controller
        self.play_action = self._action("Play", ["Space"], c.toggle, "Play / pause")
        self.step_action = self._action("Step forward", ["Right", "."], c.step_forward,
                                        "One step forward, all panes in lockstep")
        self.back_action = self._action("Step back", ["Left", ","], c.step_back)
        self.reset_action = self._action("Reset", ["Home", "R"], c.reset, "Back to step 0")
        self.faster_action = self._action("Faster", ["]"], lambda: self.speed.setValue(
            min(MAX_SPEED, self.speed.value() * 2)))
        self.slower_action = self._action("Slower", ["["], lambda: self.speed.setValue(
            max(MIN_SPEED, self.speed.value() // 2)))
        self.open_action = self._action("Open scenario…", ["Ctrl+O"], self.open_scenario_dialog)
        self.save_action = self._action("Save scenario…", ["Ctrl+S"], self.save_scenario_dialog)
        self.export_action = self._action("Export animation…", ["Ctrl+E"],
                                          self.export_animation_dialog,
                                          "Export GIF, MP4, WebM or PNG frames of this comparison")
        self.trajectories_action = self._action("Export trajectories (CSV)…", [],
                                                self.export_trajectories_dialog)
        self.picture_action = self._action("Save picture (PNG or SVG)…", ["Ctrl+P"],
                                           self.save_picture_dialog)
        self.quit_action = self._action("Quit", ["Ctrl+Q"], self.close)
        self.help_action = self._action("Keyboard shortcuts", ["F1"], self.show_shortcuts)

        for action in (self.back_action, self.play_action, self.step_action, self.reset_action):
            self._bar.addAction(action)
        self._bar.addWidget(self.step_label)
        self._bar.addWidget(self.timeline)
        self._bar.addWidget(self.speed)

        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        for action in (self.open_action, self.save_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (self.export_action, self.trajectories_action, self.picture_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view = menus.addMenu("&View")
        self.trail_toggle = self._toggle(view, "Trail", lambda on: self._pane_flag("show_trail", on))
        self.force_toggle = self._toggle(view, "Force arrows (−α∇L)",
                                         lambda on: self._pane_flag("show_force", on))
        self.velocity_toggle = self._toggle(view, "Velocity arrows (p)",
                                            lambda on: self._pane_flag("show_velocity", on))
        self.loss_toggle = self._toggle(view, "Loss plot", self.loss_plot.setVisible)
        self.physics_toggle = self._toggle(view, "Physics readouts",
                                           lambda on: [p.physics.setVisible(on) for p in self.panes])
        view.addAction(self.controls_dock.toggleViewAction())
        map_toggle = self.map_dock.toggleViewAction()
        map_toggle.setShortcut(QtGui.QKeySequence("M"))
        map_toggle.setToolTip("Where momentum helps: every (α, μ) run on this landscape (M)")
        self.addAction(map_toggle)
        view.addAction(map_toggle)
        self.map_toggle = map_toggle
        physics_toggle = self.physics_dock.toggleViewAction()
        physics_toggle.setShortcut(QtGui.QKeySequence("E"))
        physics_toggle.setToolTip("Energy against step and the phase portrait (E)")
        self.addAction(physics_toggle)
        view.addAction(physics_toggle)
        self.physics_views_toggle = physics_toggle
        view.addSeparator()
        self.overlay_action = QtGui.QAction("Overlay: all balls on one plot", self)
        self.overlay_action.setCheckable(True)
        self.overlay_action.setShortcut(QtGui.QKeySequence("O"))
        self.overlay_action.setToolTip("Overlay every pane's ball on one contour plot (O)")
        self.overlay_action.toggled.connect(self.set_overlay)
        self.addAction(self.overlay_action)
        view.addAction(self.overlay_action)
        self.swarm_action = QtGui.QAction(f"Swarm: {SWARM_SIDE}×{SWARM_SIDE} balls, coloured by basin", self)
        self.swarm_action.setCheckable(True)
        self.swarm_action.setShortcut(QtGui.QKeySequence("S"))
        self.swarm_action.setToolTip("Start a ball from every point of a grid; colour each by the "
                                     "minimum it ends in (S)")
        self.swarm_action.toggled.connect(self.set_swarm)
        self.addAction(self.swarm_action)
        view.addAction(self.swarm_action)

        playback = menus.addMenu("&Playback")
        for action in (self.play_action, self.step_action, self.back_action, self.reset_action,
                       self.faster_action, self.slower_action):
            playback.addAction(action)

        help_menu = menus.addMenu("&Help")
        help_menu.addAction(self.help_action)
        about = QtGui.QAction("About Momentum Lab", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _toggle(self, menu, text, slot) -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        action.setCheckable(True)
        action.setChecked(True)
        action.toggled.connect(slot)
        menu.addAction(action)
        return action

    def _connect(self) -> None:
        c = self.controller
        c.step_changed.connect(self._step_changed)
        c.play_started.connect(lambda: self.play_action.setText("Pause"))
        c.play_stopped.connect(lambda: self.play_action.setText("Play"))
        self.timeline.valueChanged.connect(self._timeline_moved)
        self.speed.valueChanged.connect(c.set_speed)
        self.controls.change_requested.connect(self.request_change)
        self.controls.add_pane_requested.connect(self.add_pane)
        self.controls.remove_pane_requested.connect(self.remove_pane)
        self.parameter_map.parameters_picked.connect(self._map_clicked)

    # -- panes ---------------------------------------------------------------------------------

    def _rebuild_panes(self) -> None:
        """Make the pane widgets match the scenario (count, settings, landscape picture)."""
        while len(self.panes) > len(self.scenario.panes):
            pane = self.panes.pop()
            self.pane_layout.removeWidget(pane)
            pane.deleteLater()
        while len(self.panes) < len(self.scenario.panes):
            index = len(self.panes)
            pane = PaneWidget(self.controller, index, self.scenario.panes[index])
            pane.settings_changed.connect(self._pane_edited)
            pane.plot.point_clicked.connect(self._start_clicked)
            pane.plot.start_dragged.connect(self._start_clicked)
            pane.views.setVisible(not self.overlay_action.isChecked())
            pane.show_trail = self.trail_toggle.isChecked()
            pane.show_force = self.force_toggle.isChecked()
            pane.show_velocity = self.velocity_toggle.isChecked()
            pane.physics.setVisible(self.physics_toggle.isChecked())
            if self.panes:
                pane.plot.setXLink(self.panes[0].plot)
                pane.plot.setYLink(self.panes[0].plot)
            self.pane_layout.addWidget(pane)
            self.panes.append(pane)
        for pane, settings in zip(self.panes, self.scenario.panes):
            pane.set_settings(settings)
        self._redraw_landscape()
        # Linked views line up by screen position; once the new layout has settled,
        # show the whole domain again so every pane starts from the same picture.
        QtCore.QTimer.singleShot(0, self, self._show_whole_domain)

    def _show_whole_domain(self) -> None:
        if self.panes:
            xmin, xmax, ymin, ymax = self._landscape.domain
            self.panes[0].plot.plotItem.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    def _redraw_landscape(self) -> None:
        picture = contour_picture(self._landscape)
        start = self.scenario.resolved_start()
        for pane in self.panes:
            pane.set_picture(picture, self._landscape.minima, start)
        self.overlay.set_picture(picture, self._landscape.minima)
        self.overlay.set_start(start)
        self._align_pane_headers()

    def _align_pane_headers(self) -> None:
        """Give every pane's settings block the same height so the plots line up."""
        height = max((p.settings_widget.sizeHint().height() for p in self.panes), default=0)
        for pane in self.panes:
            pane.settings_widget.setFixedHeight(height)

    def set_overlay(self, on: bool) -> None:
        """Overlay mode: one big plot with every ball; panes keep settings and readouts."""
        self.overlay.setVisible(on)
        for pane in self.panes:
            pane.views.setVisible(not on)
        # Without their plots the panes need only their settings and readouts.
        self.pane_row.setMaximumHeight(self.pane_row.sizeHint().height() if on else 16777215)
        total = sum(self.splitter.sizes())
        loss = self.loss_plot.height() if self.loss_plot.isVisible() else 0
        rest = max(total - loss, 1)
        panes = self.pane_row.sizeHint().height() if on else rest
        self.splitter.setSizes([rest - panes, panes, loss] if on else [0, rest, loss])
        if on:
            self.overlay.sync_layers()
        self.controller.frame_changed.emit(self.controller.playhead)

    def _pane_flag(self, name: str, on: bool) -> None:
        for pane in self.panes:
            setattr(pane, name, on)
        self.controller.frame_changed.emit(self.controller.playhead)

    def add_pane(self) -> None:
        if len(self.scenario.panes) >= MAX_PANES:
            return
        name = NEXT_OPTIMIZERS[len(self.scenario.panes)]
        landscape = self._landscape
        alpha = landscape.adaptive_alpha if name == "adam" else self.scenario.panes[0].alpha
        new = OptimizerSettings(name, alpha=alpha, mu=landscape.mu)
        if self.apply(dataclasses.replace(self.scenario, panes=self.scenario.panes + (new,))):
            self._warn_if_nesterov_unstable(new)

    def _warn_if_nesterov_unstable(self, settings: OptimizerSettings) -> None:
        """Nesterov tolerates smaller steps than heavy ball: say so before it diverges."""
        from physics.theory import theory_overlay  # noqa: PLC0415
        from physics.theory import nesterov_stability_alpha  # noqa: PLC0415

        overlay = theory_overlay(self._landscape, [settings.alpha])
        if settings.name != "nesterov" or overlay is None:
            return
        limit = float(nesterov_stability_alpha(settings.mu, overlay.curvature_max))
        if settings.alpha >= limit:
            self.statusBar().showMessage(
                f"Nesterov is stable here only for α < {limit:.3g} (αλmax < 2(1+μ)/(1+2μ)); "
                f"at α = {settings.alpha:g} it will diverge. Lower α to race every pane.", 15000)

    def remove_pane(self) -> None:
        if len(self.scenario.panes) > 1:
            self.apply(dataclasses.replace(self.scenario, panes=self.scenario.panes[:-1]))

    # -- applying changes -------------------------------------------------------------------------

    def request_change(self, changes: dict) -> bool:
        """Apply scenario field changes from the controls; bad values are shown, not applied."""
        candidate = dataclasses.replace(self.scenario, **changes)
        return self.apply(candidate, from_expression="landscape" in changes)

    def apply(self, scenario: Scenario, from_expression: bool = False) -> bool:
        """Validate ``scenario`` and make it the run; on error keep the current one."""
        try:
            scenario.validate()
            landscape = scenario.resolved_landscape()
            comparison = self._build_comparison(scenario, landscape)
        except (ScenarioError, LandscapeError, ValueError) as error:
            message = str(error)
            if from_expression:
                # Keep the typed text in place, marked; the last good landscape stays.
                self.controls.show_expression_error(message)
            else:
                self.statusBar().showMessage(message, 8000)
                self.controls.show_scenario(self.scenario)
            return False
        if from_expression:
            self.controls.clear_expression_error()
        landscape_changed = landscape.name != self._landscape.name or \
            landscape.domain != self._landscape.domain
        self.scenario = scenario
        self._landscape = landscape
        self.controller.set_comparison(comparison)
        if landscape_changed or len(self.panes) != len(scenario.panes):
            self._rebuild_panes()
        else:
            for pane, settings in zip(self.panes, scenario.panes):
                pane.set_settings(settings)
                pane.plot.set_start(scenario.resolved_start())
            self.overlay.set_start(scenario.resolved_start())
            self._align_pane_headers()
        self.loss_plot.rebuild()
        self.controls.show_scenario(scenario)
        self._update_parameter_map()
        self._update_basins()
        self.controller.seek(0)
        self.controller.frame_changed.emit(0.0)
        self.controller.step_changed.emit(0)
        return True

    def _pane_edited(self, index: int, settings: OptimizerSettings) -> None:
        panes = list(self.scenario.panes)
        old_alpha = panes[index].alpha
        panes[index] = settings
        if self.controls.same_alpha.isChecked() and settings.alpha != old_alpha:
            panes = [p if p.name in ("adam", "rmsprop", "adagrad") and p is not settings
                     else p.with_(alpha=settings.alpha) for p in panes]
        if not self.apply(dataclasses.replace(self.scenario, panes=tuple(panes))):
            self.panes[index].set_settings(self.scenario.panes[index])

    def _build_comparison(self, scenario: Scenario, landscape):
        """The scenario's run: one ball per pane, or in swarm mode a grid of them."""
        if not self.swarm_action.isChecked():
            return scenario.build_comparison()
        from physics.basins import swarm_starts  # noqa: PLC0415
        from physics.simulation import Comparison  # noqa: PLC0415

        return Comparison(landscape, scenario.panes, swarm_starts(landscape, SWARM_SIDE),
                          sigma=scenario.sigma, seed=scenario.seed, batch_size=scenario.batch_size)

    def set_swarm(self, on: bool) -> None:
        """Swarm mode: every pane runs a grid of balls, coloured by where they end up."""
        self.apply(self.scenario)

    def _update_basins(self) -> None:
        from physics.basins import destinations  # noqa: PLC0415

        on = self.swarm_action.isChecked()
        starts = self.controller.comparison.start
        for pane, settings in zip(self.panes, self.scenario.panes):
            labels = None
            if on:
                labels = destinations(self._landscape, settings, starts, sigma=self.scenario.sigma,
                                      seed=self.scenario.seed, batch_size=self.scenario.batch_size)
            pane.show_basins(labels)
        self.controller.frame_changed.emit(self.controller.playhead)

    def _momentum_pane(self) -> int | None:
        """The first pane with momentum (the one the parameter map is about)."""
        for i, settings in enumerate(self.scenario.panes):
            if settings.name in ("momentum", "nesterov"):
                return i
        return None

    def _update_parameter_map(self) -> None:
        index = self._momentum_pane()
        pane = self.scenario.panes[index] if index is not None else None
        base = self._landscape.alpha
        self.parameter_map.request(
            self._landscape, self.scenario.resolved_start(), (base / 100, base * 5),
            nesterov=pane is not None and pane.name == "nesterov", sigma=self.scenario.sigma,
            seed=self.scenario.seed, measure_rate=lambda: self._measured_rate(pane))
        self.parameter_map.plot.set_marker(pane.alpha if pane else None, pane.mu if pane else None)

    def _measured_rate(self, pane):
        """On a quadratic: the momentum pane's contraction per step, measured and predicted."""
        from physics import theory  # noqa: PLC0415
        from physics.simulation import Comparison, Tolerances  # noqa: PLC0415
        from physics.theory import theory_overlay  # noqa: PLC0415

        if pane is None or pane.name != "momentum" or self.scenario.sigma > 0:
            return None
        overlay = theory_overlay(self._landscape, [pane.alpha])
        if overlay is None:
            return None
        run = Comparison(self._landscape, [pane], self.scenario.resolved_start(),
                         tolerances=Tolerances(gtol=0.0, xtol=0.0))
        last = run.ensure(600)
        centre = np.array(self._landscape.minima[0])
        distances = np.linalg.norm(run.trail(last)[:, 0, 0] - centre, axis=-1)
        if last < 300 or not np.all(distances[200:] > 0):
            return None
        rate = theory.measured_rate(distances, skip=200, window=50)
        return pane.alpha, pane.mu, rate, overlay.predicted_rate(pane.alpha, pane.mu)

    def _map_clicked(self, alpha: float, mu: float) -> None:
        """A click on the map sets the momentum pane's (α, μ); the panes replay."""
        index = self._momentum_pane()
        if index is None:
            index = 0
        settings = self.scenario.panes[index].with_(alpha=alpha, mu=mu)
        if self.scenario.panes[index].name not in ("momentum", "nesterov"):
            settings = settings.with_(name="momentum")
        self._pane_edited(index, settings)

    def _start_clicked(self, x: float, y: float) -> None:
        self.request_change({"start": (round(x, 4), round(y, 4))})

    def _step_changed(self, step: int) -> None:
        c = self.controller.comparison
        self.timeline.blockSignals(True)
        self.timeline.setRange(0, max(c.computed_steps, 1))
        self.timeline.setValue(step)
        self.timeline.blockSignals(False)
        self.step_label.setText(f"  step {step} / {c.computed_steps}  ")

    def _timeline_moved(self, value: int) -> None:
        self.controller.pause()
        self.controller.seek(value)

    # -- files, settings, help -------------------------------------------------------------------

    def open_scenario_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Open scenario", "", "Momentum Lab scenarios (*.toml);;All files (*)")
        if path:
            self.open_scenario(path)

    def open_scenario(self, path) -> bool:
        """Load a scenario file; a broken or hostile file changes nothing and says why."""
        try:
            scenario = load_scenario(path)
        except ScenarioError as error:
            self.statusBar().showMessage(str(error), 10000)
            QtWidgets.QMessageBox.warning(self, "Cannot open scenario", str(error)) \
                if self.isVisible() and not _offscreen() else None
            return False
        return self.apply(scenario)

    def save_scenario_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Save scenario", "scenario.toml", "Momentum Lab scenarios (*.toml)")
        if path:
            try:
                save_scenario(self.scenario, path)
                self.statusBar().showMessage(f"Saved {path}", 5000)
            except ScenarioError as error:
                self.statusBar().showMessage(str(error), 10000)

    def export_animation_dialog(self) -> None:
        from .export_dialog import ExportDialog, run_export  # noqa: PLC0415

        self.controller.pause()
        c = self.controller.comparison
        dialog = ExportDialog(self.scenario, c.computed_steps, (self.pane_row.width(),
                                                               self.pane_row.height()), self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        suffix = dialog.format.currentData()
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Export animation", f"momentum{suffix}", f"Animation (*{suffix})")
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.statusBar().showMessage(run_export(self, self.scenario, dialog.plan(path)), 10000)

    def export_trajectories_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Export trajectories", "trajectories.csv", "CSV (*.csv)")
        if path:
            self.statusBar().showMessage(self.export_trajectories(path), 10000)

    def export_trajectories(self, path) -> str:
        """Every pane's computed steps in one CSV; returns a one-line outcome."""
        from .output import OutputError, atomic_output  # noqa: PLC0415

        c = self.controller.comparison
        last = c.computed_steps
        pos, grads = c.trail(last), c.grad_history(last)
        vel, loss = c.velocity_history(last), c.loss_history(last)
        try:
            with atomic_output(path) as handle:
                handle.write("pane,optimizer,step,x,y,loss,grad_x,grad_y,p_x,p_y\n")
                for i, settings in enumerate(c.settings):
                    for k in range(last + 1):
                        numbers = (pos[k, i, 0, 0], pos[k, i, 0, 1], loss[k, i, 0],
                                   grads[k, i, 0, 0], grads[k, i, 0, 1], vel[k, i, 0, 0],
                                   vel[k, i, 0, 1])
                        handle.write(f"{i + 1},{settings.name},{k},"
                                     + ",".join(repr(float(v)) for v in numbers) + "\n")
        except OutputError as error:
            return str(error)
        return f"Wrote {last + 1} steps of {len(c.settings)} panes to {path}"

    def save_picture_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, "Save picture", "momentum.png", "PNG image (*.png);;SVG drawing (*.svg)")
        if path:
            self.statusBar().showMessage(self.save_picture(path), 10000)

    def save_picture(self, path) -> str:
        """The panes (or the overlay) as PNG, or as SVG with vector lines; one-line outcome."""
        from .output import OutputError, atomic_output  # noqa: PLC0415

        from .qt_images import png_bytes, svg_bytes  # noqa: PLC0415

        widget = self.overlay if self.overlay.isVisible() else self.pane_row
        suffix = str(path).lower().rsplit(".", 1)[-1]
        if suffix not in ("png", "svg"):
            return f"cannot save {path!r}: use .png or .svg"
        data = png_bytes(widget) if suffix == "png" else svg_bytes(widget)
        try:
            with atomic_output(path, "wb") as handle:
                handle.write(data)
        except OutputError as error:
            return str(error)
        return f"Saved the picture to {path}"

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td>{what}</td><td><b>{keys}</b></td></tr>" for what, keys in SHORTCUTS)
        box = QtWidgets.QMessageBox(self)
        box.setWindowTitle("Keyboard shortcuts")
        box.setText(f"<table cellpadding='4'>{rows}</table>")
        box.open()
        self.shortcuts_box = box

    def _about(self) -> None:
        QtWidgets.QMessageBox.about(
            self, "About Momentum Lab",
            "Momentum Lab: a ball rolls over a loss landscape.<br>"
            "Momentum: p ← μp − α∇L, W ← W + p. μ is friction (1 − μ of the velocity is lost "
            "each step), α is the force.")

    def _remembered_scenario(self) -> Scenario | None:
        text = QtCore.QSettings().value("last_scenario", "")
        if not text:
            return None
        try:
            return scenario_from_toml(str(text))
        except ScenarioError:
            return None

    def _restore_geometry(self) -> None:
        geometry = QtCore.QSettings().value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.controller.shutdown()
        self.parameter_map.shutdown()
        if self.remember:
            settings = QtCore.QSettings()
            settings.setValue("last_scenario", scenario_to_toml(self.scenario))
            settings.setValue("geometry", self.saveGeometry())
        super().closeEvent(event)


def _offscreen() -> bool:
    return QtGui.QGuiApplication.platformName() in ("offscreen", "minimal")
