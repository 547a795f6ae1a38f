"""Legends never cover data: each sits outside its plot's view box."""

import pytest

pytest.importorskip("PySide6")

from app.qt.main_window import MainWindow  # noqa: E402


def _apart(legend, plot_item) -> bool:
    # A pixel of slack: layouts round, and a shared edge is not covering.
    inner = legend.sceneBoundingRect().adjusted(1, 1, -1, -1)
    return not inner.intersects(plot_item.vb.sceneBoundingRect())


def test_no_legend_sits_on_its_plot(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    window.qactions["map"].trigger()
    window.qactions["energy"].trigger()
    window.qactions["overlay"].trigger()
    qtbot.wait(50)
    docks = window.docks
    plots = {"loss": (window.loss_plot.legend, window.loss_plot.plotItem),
             "map": (docks.parameter_map.plot.legend, docks.parameter_map.plot.plotItem),
             "energy": (docks.physics_views.energy_legend, docks.physics_views.energy.plotItem),
             "overlay": (window.overlay.legend, window.overlay.plotItem)}
    for name, (legend, plot_item) in plots.items():
        assert legend.isVisible() and len(legend.items) >= 2, name
        assert _apart(legend, plot_item), name
    docks.parameter_map.shutdown()
    window.controller.shutdown()
