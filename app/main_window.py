"""The main window: SGD and momentum side by side on the seed lecture's ravine."""

from __future__ import annotations

from PySide6 import QtWidgets

from optimizers import OptimizerSettings
from physics.builtins import builtin

from .contours import contour_picture
from .landscape_pane_widget import BALL_COLOURS, LandscapePaneWidget


class MainWindow(QtWidgets.QMainWindow):
    """Momentum Lab's window."""

    def __init__(self):
        super().__init__()
        self.setWindowTitle("Momentum Lab")
        self.resize(1400, 800)
        landscape = builtin("ravine")
        picture = contour_picture(landscape)
        settings = [OptimizerSettings("sgd", alpha=landscape.alpha),
                    OptimizerSettings("momentum", alpha=landscape.alpha, mu=landscape.mu)]
        central = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(central)
        self.panes = []
        for index, pane_settings in enumerate(settings):
            pane = LandscapePaneWidget(pane_settings.title(), BALL_COLOURS[index])
            pane.set_landscape(landscape, picture)
            pane.set_ball(landscape.start)
            layout.addWidget(pane)
            self.panes.append(pane)
        self.setCentralWidget(central)
