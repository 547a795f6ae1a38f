"""``momentum-lab sweep --out map.png``: the same map, theory and caption as the app's panel."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from app.model.landscape_titles import landscape_title
from app.model.map_picture import map_caption, map_theory
from app.model.translation import translate
from physics.landscape import Landscape
from physics.sweep import SweepResult

from .application import ensure_application
from .images import png_bytes
from .parameter_map_widget import ParameterMapPlot, measure_name


def map_png(result: SweepResult, landscape: Landscape, size=(800, 700)) -> bytes:
    """The map of ``result`` with its title and caption, as PNG bytes."""
    app = ensure_application()
    panel = QtWidgets.QWidget()
    panel.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
    layout = QtWidgets.QVBoxLayout(panel)
    title = QtWidgets.QLabel(translate("map", "{landscape}: {measure} after {steps} steps, "
                                              "every (α, μ)").format(
        landscape=landscape_title(landscape), measure=measure_name(result.measure), steps=result.steps))
    plot = ParameterMapPlot()
    overlay = map_theory(result, landscape)
    caption = QtWidgets.QLabel(map_caption(result, overlay.optimum if overlay else None))
    caption.setWordWrap(True)
    layout.addWidget(title)
    layout.addWidget(plot, 1)
    layout.addWidget(caption)
    panel.resize(*size)
    panel.show()
    app.processEvents()
    plot.show_result(result, landscape)
    app.processEvents()
    data = png_bytes(panel)
    panel.close()
    return data
