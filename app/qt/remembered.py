"""What the app remembers between sessions (QSettings): the last scenario and the geometry."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from app.model.scenario import Scenario, ScenarioError
from app.model.scenario_file import scenario_from_toml, scenario_to_toml


def remembered_scenario() -> Scenario | None:
    """The scenario open when the app last closed, or None (none, or no longer valid)."""
    text = QtCore.QSettings().value("last_scenario", "")
    if not text:
        return None
    try:
        return scenario_from_toml(str(text))
    except ScenarioError:
        return None


def restore_geometry(window: QtWidgets.QMainWindow) -> None:
    geometry = QtCore.QSettings().value("geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)


def remember(window: QtWidgets.QMainWindow, scenario: Scenario) -> None:
    settings = QtCore.QSettings()
    settings.setValue("last_scenario", scenario_to_toml(scenario))
    settings.setValue("geometry", window.saveGeometry())
