"""Physics views: energy against step, and a phase portrait (position against velocity).

The energies come from :func:`app.model.analysis.pane_energies` (in loss units:
potential, kinetic, total and — only where it is a Lyapunov function — the "shadow"
energy that never rises).

The phase portrait plots, along a chosen direction d (x, y, or on landscapes with a
minimum the Hessian's eigen-directions there), the offset ``d·(W − W*)`` from the
minimum against the velocity ``d·p``: an overdamped ball slides straight in, a rippling
one spirals.

The window's dock follows the playback controller; an export (no controller) gives the
run with :meth:`PhysicsViewsWidget.show_run` and the step with :meth:`PhysicsViewsWidget.draw`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from app.model.analysis import pane_energies
from app.model.presentation import Look
from app.model.translation import translate

from .legends import legend_below
from .playback_controller import PlaybackController
from .plot_look import no_menus, style_axes

REDRAW_INTERVAL_MS = 80
#: The phase portrait's directions (the items' data; :func:`direction_names` says them).
DIRECTIONS = ("λmin", "λmax", "x", "y")


def direction_names() -> dict[str, str]:
    """What the direction list says for each of :data:`DIRECTIONS`."""
    return {"λmin": translate("energy", "λmin eigen-direction"),
            "λmax": translate("energy", "λmax eigen-direction"), "x": "x", "y": "y"}


def energy_name(name: str) -> str:
    """The legend's word for one of :func:`app.model.analysis.pane_energies`' energies."""
    names = {"total": translate("energy", "total"), "potential": translate("energy", "potential"),
             "kinetic": translate("energy", "kinetic"), "shadow": translate("energy", "shadow"),
             "loss": translate("energy", "loss")}
    return names.get(name, name)


class PhysicsViewsWidget(QtWidgets.QWidget):
    """Energy plot over the phase portrait, following the controller's step (or, with no
    controller, the run and step an export gives it)."""

    def __init__(self, controller: PlaybackController | None, parent=None, look: Look = Look()):
        super().__init__(parent)
        self.controller = controller
        self.look = look
        self.run = controller.comparison if controller is not None else None
        self._step = 0
        layout = QtWidgets.QVBoxLayout(self)
        self.energy = pg.PlotWidget()
        self.energy_legend = legend_below(self.energy.plotItem, 2, look.palette.text)
        no_menus(self.energy)
        row = QtWidgets.QHBoxLayout()
        self.direction = QtWidgets.QComboBox()
        for key, text in direction_names().items():
            self.direction.addItem(text, key)
        self.direction.setToolTip(translate("energy", "The direction the phase portrait follows"))
        self.direction_label = QtWidgets.QLabel(translate("energy", "phase portrait along"))
        row.addWidget(self.direction_label)
        row.addWidget(self.direction, 1)
        self.phase = pg.PlotWidget()
        no_menus(self.phase)
        for axis in ("left", "bottom"):
            self.phase.plotItem.getAxis(axis).enableAutoSIPrefix(False)
        self.phase.plotItem.addLine(x=0, pen=pg.mkPen("#999", width=1))
        self.phase.plotItem.addLine(y=0, pen=pg.mkPen("#999", width=1))
        layout.addWidget(self.energy, 1)
        layout.addLayout(row)
        layout.addWidget(self.phase, 1)
        self._curves: dict[tuple[int, str], pg.PlotDataItem] = {}
        self._phase_curves: list[pg.PlotDataItem] = []
        self._phase_points: list[pg.ScatterPlotItem] = []
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_INTERVAL_MS)
        self._timer.timeout.connect(self.redraw)
        if controller is not None:
            controller.step_changed.connect(self._step_changed)
            controller.comparison_changed.connect(lambda: self.show_run(controller.comparison))
        self.direction.currentIndexChanged.connect(lambda *_: self.redraw())
        self.set_look(look)
        if self.run is not None:
            self.rebuild()

    def set_look(self, look: Look) -> None:
        """Backgrounds, axis text and the legend at ``look``'s zoom and colours."""
        self.look = look
        for plot in (self.energy, self.phase):
            plot.setBackground(look.palette.background)
        style_axes(self.energy.plotItem, look, {
            "bottom": translate("energy", "step"),
            "left": translate("energy", "energy / α  (loss units)")})
        style_axes(self.phase.plotItem, look, {
            "bottom": translate("energy", "position along d, from the minimum"),
            "left": translate("energy", "velocity p along d")})
        self.energy_legend.setLabelTextColor(look.palette.text)

    def show_run(self, run) -> None:
        """A new run: its curves (an export's, or the controller's new one)."""
        self.run = run
        self.rebuild()

    # -- building ---------------------------------------------------------------------------

    def rebuild(self) -> None:
        for curve in self._curves.values():
            self.energy.plotItem.removeItem(curve)
        for item in self._phase_curves + self._phase_points:
            self.phase.plotItem.removeItem(item)
        self.energy_legend.clear()
        self._curves, self._phase_curves, self._phase_points = {}, [], []
        c = self.run
        styles = {"total": QtCore.Qt.PenStyle.SolidLine, "potential": QtCore.Qt.PenStyle.DotLine,
                  "kinetic": QtCore.Qt.PenStyle.DashLine, "shadow": QtCore.Qt.PenStyle.SolidLine,
                  "loss": QtCore.Qt.PenStyle.SolidLine}
        for i, settings in enumerate(c.settings):
            colour = self.look.ball_colour(i)
            for name in pane_energies(c, i, 0):
                if name == "shadow":   # thick and translucent: the bound the others live under
                    faint = pg.mkColor(colour)
                    faint.setAlpha(110)
                    pen = pg.mkPen(faint, width=6)
                else:
                    pen = pg.mkPen(colour, width=2, style=styles[name])
                label = f"{settings.title().split()[0]} {energy_name(name)}"
                curve = pg.PlotDataItem(pen=pen, name=label)
                self.energy.plotItem.addItem(curve)
                self.energy_legend.addItem(curve, label)
                self._curves[(i, name)] = curve
            trail = pg.PlotDataItem(pen=pg.mkPen(colour, width=1.5))
            point = pg.ScatterPlotItem(size=12, brush=pg.mkBrush(colour), pen=pg.mkPen("k"))
            self.phase.plotItem.addItem(trail)
            self.phase.plotItem.addItem(point)
            self._phase_curves.append(trail)
            self._phase_points.append(point)
        self.redraw()

    def direction_vector(self) -> tuple[np.ndarray, np.ndarray]:
        """The unit direction d and the reference point W* for the phase portrait."""
        landscape = self.run.landscape
        centre = np.array(landscape.minima[0] if landscape.minima else (0.0, 0.0), dtype=float)
        choice = self.direction.currentData()
        if choice == "x":
            return np.array([1.0, 0.0]), centre
        if choice == "y":
            return np.array([0.0, 1.0]), centre
        _, vectors = np.linalg.eigh(landscape.hessian(centre))
        column = 0 if choice == "λmin" else 1
        d = vectors[:, column]
        return d * np.sign(d[np.argmax(np.abs(d))]), centre

    # -- drawing ----------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.redraw()      # steps taken while hidden were not drawn

    def _step_changed(self, step: int) -> None:
        if not self.isVisible():
            return
        if not self.controller.is_playing:
            self.redraw()
        elif not self._timer.isActive():
            self._timer.start()

    def redraw(self) -> None:
        self.draw(self.controller.step if self.controller is not None else self._step)

    def draw(self, step: int) -> None:
        """The energies and the phase portrait up to ``step``."""
        self._step = step
        c = self.run
        k = min(step, c.computed_steps)
        steps = np.arange(k + 1)
        energies = {i: pane_energies(c, i, k) for i in range(c.shape[0])}
        # Log scale shows friction draining energy over decades; step 0 (no velocity
        # yet, kinetic energy 0) is left out of it.
        log = k > 0 and all(np.all(e[1:] > 0) for pane in energies.values() for e in pane.values())
        self.energy.plotItem.setLogMode(y=log)
        first = 1 if log else 0
        for (i, name), curve in self._curves.items():
            curve.setData(steps[first:], energies[i][name][first:])
        d, centre = self.direction_vector()
        positions = c.trail(k)[:, :, 0] - centre
        velocity = c.velocity_history(k)[:, :, 0]
        for i, (trail, point) in enumerate(zip(self._phase_curves, self._phase_points)):
            x, v = positions[:, i] @ d, velocity[:, i] @ d
            trail.setData(x, v)
            point.setData([x[-1]], [v[-1]])
