"""The window's docks: the scenario controls (left), the (α, μ) map, the energy views and
the lesson (right, hidden until asked for with M, E and L)."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from app.model.translation import translate

from .lesson_widget import LessonWidget
from .parameter_map_widget import ParameterMapWidget
from .physics_views_widget import PhysicsViewsWidget
from .playback_controller import PlaybackController
from .scenario_controls_widget import ScenarioControlsWidget

Area = QtCore.Qt.DockWidgetArea


class Docks:
    """Builds the docks on ``window``; ``scenario``, ``map``, ``physics`` and ``lesson`` are
    the docks, ``controls``, ``parameter_map``, ``physics_views`` and ``lesson_view`` the
    widgets inside them."""

    def __init__(self, window: QtWidgets.QMainWindow, controller: PlaybackController):
        self.controls = ScenarioControlsWidget()
        self.scenario = self._dock(window, translate("docks", "Scenario"), "scenario-dock",
                                   self.controls, Area.LeftDockWidgetArea)
        self.parameter_map = ParameterMapWidget()
        self.map = self._dock(window, translate("docks", "Parameter map (α, μ)"),
                              "parameter-map-dock", self.parameter_map, Area.RightDockWidgetArea,
                              hidden=True)
        self.physics_views = PhysicsViewsWidget(controller)
        self.physics = self._dock(window, translate("docks", "Energy and phase portrait"),
                                  "physics-views-dock", self.physics_views,
                                  Area.RightDockWidgetArea, hidden=True)
        self.lesson_view = LessonWidget()
        self.lesson = self._dock(window, translate("docks", "Lesson"), "lesson-dock",
                                 self.lesson_view, Area.RightDockWidgetArea, hidden=True)

    @staticmethod
    def _dock(window, title, name, widget, area, hidden=False) -> QtWidgets.QDockWidget:
        dock = QtWidgets.QDockWidget(title, window)
        dock.setObjectName(name)        # saveState/restoreState find docks by name
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
        dock.setVisible(not hidden)
        return dock

    def export_views(self) -> dict:
        """What an export should draw beside its panes: the open map and energy docks (and
        the map's measure and steps), as :class:`~app.model.export_plan.ExportPlan` fields."""
        views = tuple(name for name, dock in (("map", self.map), ("energy", self.physics))
                      if dock.isVisible())
        return {"views": views, "map_measure": self.parameter_map.measure.currentData(),
                "map_steps": self.parameter_map.steps.value()}
