"""The (α, μ) map: where momentum helps on *this* landscape, with theory drawn over it.

:class:`ParameterMapPlot` draws a :class:`physics.sweep.SweepResult` — α on a log axis,
μ up — with the theory curves on quadratics and a marker at the momentum pane's (α, μ).
:class:`ParameterMapWidget` adds the measure and step controls and computes the map on
a worker thread, coarse first (a picture at once), then full resolution; a newer request
simply supersedes an older one, so dragging the start never freezes the window.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from app.model.map_picture import log_ticks, map_caption, map_colours, map_theory
from app.model.presentation import Look
from app.model.theme import COLOUR_MAP
from app.model.translation import translate
from app.model.workspace import MapRequest
from physics.sweep import MEASURES, SweepGrid, SweepResult, run_sweep

from .legends import legend_below
from .plot_look import no_menus, style_axes

MAP_CELLS = 160
COARSE_CELLS = 32


def measure_name(measure: str) -> str:
    """What the map calls ``measure`` (one of :data:`physics.sweep.MEASURES`)."""
    names = {"steps-to-tol": translate("map", "steps to tol"),
             "final-loss": translate("map", "final loss"),
             "divergence": translate("map", "divergence")}
    return names.get(measure, measure.replace("-", " "))


def map_grid(request: MapRequest) -> SweepGrid:
    """The full map's grid: the request's α range (log) by μ from 0 to 0.99."""
    return SweepGrid(request.alpha_range, (0.0, 0.99), MAP_CELLS, MAP_CELLS)


class ParameterMapPlot(pg.PlotWidget):
    """The heat map with theory overlays and the current-(α, μ) marker."""

    point_clicked = QtCore.Signal(float, float)   # α, μ

    def __init__(self, parent=None, look: Look = Look()):
        super().__init__(parent=parent)
        self.setBackground(look.palette.background)
        no_menus(self)
        plot = self.plotItem
        plot.hideButtons()
        plot.setLogMode(x=True)
        style_axes(plot, look, {"bottom": translate("map", "α (log scale)"),
                                "left": translate("map", "μ   (μ = 0: plain SGD)")})
        for axis in ("left", "bottom"):
            plot.getAxis(axis).enableAutoSIPrefix(False)
        self.image = pg.ImageItem(axisOrder="row-major")   # rows are μ, columns α
        plot.addItem(self.image)
        dash = QtCore.Qt.PenStyle.DashLine
        self.edge = pg.PlotDataItem(pen=pg.mkPen("#ff4d4d", width=2),
                                    name=self._edge_name("αλmax = 2(1+μ)"))
        self.critical_min = pg.PlotDataItem(pen=pg.mkPen("w", width=2, style=dash),
                                            name=translate("map", "critical damping, λmin"))
        self.critical_max = pg.PlotDataItem(pen=pg.mkPen("#ffd60a", width=2, style=dash),
                                            name=translate("map", "critical damping, λmax"))
        self.optimum = pg.PlotDataItem(symbol="star", symbolSize=18, symbolBrush="#ff4d4d",
                                       symbolPen="k", pen=None,
                                       name=translate("map", "theory's optimum (α*, μ*)"))
        self.best = pg.PlotDataItem(symbol="d", symbolSize=13, symbolBrush="w", symbolPen="k",
                                    pen=None, name=translate("map", "best cell measured"))
        self.marker = pg.PlotDataItem(symbol="o", symbolSize=14, symbolBrush=None,
                                      symbolPen=pg.mkPen("#ff2d55", width=3), pen=None,
                                      name=translate("map", "the pane's (α, μ)"))
        self.legend = legend_below(plot, 2, look.palette.text)
        for item in (self.edge, self.critical_min, self.critical_max, self.optimum, self.best,
                     self.marker):
            plot.addItem(item)
            self.legend.addItem(item, item.name())
        self.result: SweepResult | None = None
        self.scene().sigMouseClicked.connect(self._clicked)

    @staticmethod
    def _edge_name(formula: str) -> str:
        return translate("map", "stability edge {formula}").format(formula=formula)

    def show_result(self, result: SweepResult, landscape=None) -> None:
        self.result = result
        alphas, mus = result.alphas, result.mus
        la0, la1 = math.log10(alphas[0]), math.log10(alphas[-1])
        dla = (la1 - la0) / (len(alphas) - 1)
        dmu = (mus[-1] - mus[0]) / (len(mus) - 1)
        lut = pg.colormap.get(COLOUR_MAP).getLookupTable(0.0, 1.0, 256, alpha=True)
        self.image.setImage(map_colours(result, lut), autoLevels=False)
        # Cells are centred on their (log α, μ): the image spans half a cell beyond.
        self.image.setRect(QtCore.QRectF(la0 - dla / 2, mus[0] - dmu / 2,
                                         la1 - la0 + dla, mus[-1] - mus[0] + dmu))
        overlay = map_theory(result, landscape)
        if overlay is not None:
            self.legend.getLabel(self.edge).setText(self._edge_name(overlay.edge_formula))
            inside = (overlay.stability_mu >= mus[0]) & (overlay.stability_mu <= mus[-1])
            self.edge.setData(alphas[inside], overlay.stability_mu[inside])
            self.critical_min.setData(alphas, overlay.critical_mu_min, connect="finite")
            self.critical_max.setData(alphas, overlay.critical_mu_max, connect="finite")
            a_star, mu_star, _ = overlay.optimum
            self.optimum.setData([a_star], [mu_star])
        else:
            for item in (self.edge, self.critical_min, self.critical_max, self.optimum):
                item.clear()
        best = result.best()
        if best:
            self.best.setData([best[0]], [best[1]])
        else:
            self.best.clear()
        self.plotItem.getAxis("bottom").setTicks(log_ticks(alphas[0], alphas[-1]))
        self.plotItem.setRange(xRange=(la0 - dla / 2, la1 + dla / 2),
                               yRange=(mus[0] - dmu / 2, mus[-1] + dmu / 2), padding=0)

    def set_marker(self, alpha: float | None, mu: float | None) -> None:
        if alpha is None:
            self.marker.clear()
        else:
            self.marker.setData([alpha], [mu])

    def _clicked(self, event) -> None:
        if event.button() != QtCore.Qt.MouseButton.LeftButton or self.result is None:
            return
        view = self.plotItem.vb
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        point = view.mapSceneToView(event.scenePos())
        alpha = 10 ** point.x()
        mu = point.y()
        a0, a1 = self.result.alphas[0], self.result.alphas[-1]
        if a0 <= alpha <= a1 and 0 <= mu <= 1:
            self.point_clicked.emit(float(f"{alpha:.4g}"), round(float(mu), 3))


class _SweepWorker(QtCore.QThread):
    """Computes a coarse then a full map off the GUI thread."""

    computed = QtCore.Signal(int, object)   # generation, SweepResult

    def __init__(self, generation, landscape, start, grid, steps, measure, nesterov, sigma, seed):
        super().__init__()
        self.args = (generation, landscape, start, grid, steps, measure, nesterov, sigma, seed)

    def run(self) -> None:
        generation, landscape, start, grid, steps, measure, nesterov, sigma, seed = self.args
        for g in (grid.coarse(COARSE_CELLS), grid):
            if self.isInterruptionRequested():
                return
            result = run_sweep(landscape, start, g, steps, measure, nesterov=nesterov,
                               sigma=sigma, seed=seed)
            self.computed.emit(generation, result)


class ParameterMapWidget(QtWidgets.QWidget):
    """Measure and steps controls, the map, and a line of explanation."""

    parameters_picked = QtCore.Signal(float, float)   # α, μ clicked on the map

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        row = QtWidgets.QHBoxLayout()
        self.measure = QtWidgets.QComboBox()
        for name in MEASURES:
            self.measure.addItem(measure_name(name), name)
        self.measure.setToolTip(translate("map", "What each cell shows"))
        self.steps = QtWidgets.QSpinBox()
        self.steps.setRange(10, 20_000)
        self.steps.setValue(1000)
        self.steps.setSuffix(translate("map", " steps"))
        self.steps.setKeyboardTracking(False)
        row.addWidget(QtWidgets.QLabel(translate("map", "measure")))
        row.addWidget(self.measure, 1)
        row.addWidget(self.steps)
        layout.addLayout(row)
        self.plot = ParameterMapPlot()
        layout.addWidget(self.plot, 1)
        self.caption = QtWidgets.QLabel(translate("map", "Computing…"))
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.plot.point_clicked.connect(self.parameters_picked)
        self.measure.currentIndexChanged.connect(lambda *_: self.recompute())
        self.steps.valueChanged.connect(lambda *_: self.recompute())
        self._generation = 0
        self._workers: list[_SweepWorker] = []
        self._request = None
        self._stale = False
        self._measure_rate = None
        self.measured = None     # (α, μ, measured rate, theory's rate) of the pane's run
        self.latest: SweepResult | None = None

    def request(self, request: MapRequest, measure_rate=None) -> None:
        """Compute the map ``request`` describes (replacing any map under way).

        ``measure_rate()`` → ``(α, μ, measured rate, theory's rate)`` or None is called
        only when the map is actually computed, so a hidden panel costs nothing.
        """
        self._request = request
        self._measure_rate = measure_rate
        self._stale = True
        self.plot.set_marker(*(request.marker or (None, None)))
        if self.isVisible():
            self.recompute()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._request is not None and self._stale:   # changed while the panel was hidden
            self.recompute()

    def recompute(self) -> None:
        if self._request is None:
            return
        r = self._request
        self._stale = False
        self.measured = self._measure_rate() if self._measure_rate else None
        self._generation += 1
        for worker in self._workers:
            worker.requestInterruption()
        worker = _SweepWorker(self._generation, r.landscape, r.start, map_grid(r), self.steps.value(),
                              self.measure.currentData(), r.nesterov, r.sigma, r.seed)
        worker.computed.connect(self._computed)
        worker.finished.connect(lambda w=worker: self._forget(w))
        self._workers.append(worker)
        self.caption.setText(translate("map", "Computing…"))
        worker.start()

    def _forget(self, worker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        worker.deleteLater()

    def _computed(self, generation: int, result: SweepResult) -> None:
        if generation != self._generation:
            return   # superseded by a newer request
        landscape = self._request.landscape
        self.latest = result
        self.plot.show_result(result, landscape)
        overlay = map_theory(result, landscape)
        self.caption.setText(map_caption(result, overlay.optimum if overlay else None,
                                         self.measured if overlay else None))

    def wait(self, timeout_ms: int = 30_000) -> None:
        """Block until the workers have finished (tests, the command line, shutdown)."""
        for worker in list(self._workers):
            worker.wait(timeout_ms)
        QtCore.QCoreApplication.processEvents()

    def shutdown(self) -> None:
        for worker in list(self._workers):
            worker.requestInterruption()
            worker.wait()
