"""The app is never bricked by what it remembered: a bad entry is dropped, the app starts.

Each case writes one corrupt QSettings entry, as a crash, a hand edit or an older
version could leave it, and starts the window as ``momentum-lab`` does
(``remember=True``): it must open on the default scenario, say in one status-bar line
what it discarded, and remove the entry so the next start is clean.
"""

import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore  # noqa: E402

from app.model.scenario import default_scenario  # noqa: E402
from app.model.scenario_file import scenario_from_toml, scenario_to_toml  # noqa: E402
from app.qt.scenario_controls_widget import ScenarioControlsWidget  # noqa: E402

GOOD = ('format = 1\nlandscape = "himmelblau"\nsigma = 0.1\nseed = 7\n\n'
        '[[pane]]\noptimizer = "momentum"\nalpha = 0.005\nmu = 0.9\n')
HUGE = 2**63 - 1


def _with(line: str) -> str:
    return GOOD + line + "\n"


BAD_SCENARIOS = [
    ("format = 1\nlandscape = [", "not valid TOML"),
    (GOOD.replace("alpha = 0.005", "alpha = -1"), "pane 1: alpha must be > 0, got -1"),
    (GOOD.replace("seed = 7", "seed = 2147483648"),
     "seed must be a whole number between 0 and 2147483647, got 2147483648"),
    (_with(f'alpha_schedule = ["step", 0.5, {HUGE}]'), "every in alpha_schedule"),
    (_with(f'alpha_schedule = ["cosine", {HUGE}, 0.0]'), "steps in alpha_schedule"),
    (_with(f'mu_schedule = ["ramp", 0.5, 0.9, {HUGE}]'), "steps in mu_schedule"),
    (GOOD.replace("seed = 7", "seed = " + "9" * 5000), "not valid TOML"),
    (["format = 1", 'landscape = "ravine"'], "not text but a list"),
    (42, "not text but a number"),
    (QtCore.QByteArray(GOOD.encode()), "not text but bytes"),
]
IDS = ["broken TOML", "bad alpha", "seed 2**31", "step decay 2**63-1", "cosine 2**63-1",
       "mu ramp 2**63-1", "5000-digit seed", "a list", "a number", "bytes"]


def _remember(settings, key, value):
    settings.setValue(key, value)
    settings.sync()


def _shows_the_default(window) -> None:
    default = default_scenario()
    assert window.workspace.scenario == default
    assert tuple(window.controller.comparison.settings) == default.panes
    assert window.docks.controls.seed.value() == default.seed
    assert window.docks.controls.landscape.currentData() == default.landscape


def _one_line(window) -> str:
    message = window.statusBar().currentMessage()
    assert message and "\n" not in message and "Traceback" not in message
    return message


def test_a_good_remembered_scenario_still_comes_back(settings, remembering_window):
    _remember(settings, "last_scenario", GOOD)
    window = remembering_window()
    assert window.workspace.scenario == scenario_from_toml(GOOD)
    assert window.docks.controls.seed.value() == 7
    assert window.statusBar().currentMessage() == ""


@pytest.mark.parametrize("value, problem", BAD_SCENARIOS, ids=IDS)
def test_a_bad_remembered_scenario_is_dropped_and_the_app_starts(settings, remembering_window,
                                                                 value, problem):
    _remember(settings, "last_scenario", value)
    window = remembering_window()
    _shows_the_default(window)
    message = _one_line(window)
    assert message.startswith("Discarded the remembered scenario") and problem in message, message
    assert "starting on the default" in message
    assert not QtCore.QSettings().contains("last_scenario")
    window.close()          # what is remembered now is the scenario the window showed
    assert QtCore.QSettings().value("last_scenario") == scenario_to_toml(default_scenario())


def test_a_scenario_a_widget_refuses_is_dropped_too(settings, remembering_window, monkeypatch):
    # Validation should stop every such value; if one slips past, the window still opens.
    real = ScenarioControlsWidget.show_scenario

    def refuse_seed_7(self, scenario):
        if scenario.seed == 7:
            raise OverflowError("int too big for the spin box")
        real(self, scenario)

    monkeypatch.setattr(ScenarioControlsWidget, "show_scenario", refuse_seed_7)
    _remember(settings, "last_scenario", GOOD)
    window = remembering_window()
    _shows_the_default(window)
    message = _one_line(window)
    assert message.startswith("Discarded the remembered scenario")
    assert "int too big for the spin box" in message
    assert not QtCore.QSettings().contains("last_scenario")


@pytest.mark.parametrize("value", [QtCore.QByteArray(b"garbage"), "not bytes", 12],
                         ids=["garbage bytes", "text", "a number"])
def test_a_bad_remembered_geometry_is_dropped(settings, remembering_window, value):
    _remember(settings, "last_scenario", GOOD)
    _remember(settings, "geometry", value)
    window = remembering_window()
    assert window.workspace.scenario == scenario_from_toml(GOOD)    # the scenario was fine
    message = _one_line(window)
    assert message.startswith("Discarded the remembered window geometry"), message
    assert "starting on the default" not in message
    assert not QtCore.QSettings().contains("geometry")


def test_both_bad_say_so_in_one_line(settings, remembering_window):
    _remember(settings, "last_scenario", "format = 1\nlandscape = [")
    _remember(settings, "geometry", QtCore.QByteArray(b"garbage"))
    window = remembering_window()
    _shows_the_default(window)
    message = _one_line(window)
    assert "scenario (not valid TOML" in message and "window geometry" in message
    assert not QtCore.QSettings().contains("last_scenario")
    assert not QtCore.QSettings().contains("geometry")
