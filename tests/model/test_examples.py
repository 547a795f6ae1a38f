"""The shipped examples: Radford's three races, the same runs as lesson 6's steps."""

import dataclasses

import pytest

from app.model.example_library import EXAMPLES, example_path, load_scenario_or_example
from app.model.lesson_library import find_lesson
from app.model.scenario_file import load_scenario

#: Which lesson 6 step each example is (1-based, as the lesson's reader counts).
LESSON_STEP = {"radford-beale": 1, "radford-long-valley": 3, "radford-saddle": 5}


def _race(scenario):
    """What makes the race: the landscape, the start and the six panes' settings."""
    return scenario.landscape, scenario.resolved_start(), scenario.panes


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_is_radfords_six_as_lesson_6_races_them(name):
    example = load_scenario(example_path(name))
    assert [p.name for p in example.panes] == ["sgd", "momentum", "nesterov", "adagrad",
                                               "adadelta", "rmsprop"]
    assert example.title.startswith("Radford's six update schemes")
    lesson_step = find_lesson("update-schemes").steps[LESSON_STEP[name] - 1]
    assert _race(example) == _race(lesson_step.scenario)


def test_a_name_opens_the_example_but_a_file_of_that_name_wins(tmp_path, monkeypatch):
    assert load_scenario_or_example("radford-saddle") == load_scenario(example_path("radford-saddle"))
    mine = dataclasses.replace(load_scenario(example_path("radford-beale")), title="mine")
    from app.model.scenario_file import save_scenario

    save_scenario(mine, tmp_path / "radford-saddle")
    monkeypatch.chdir(tmp_path)
    assert load_scenario_or_example("radford-saddle").title == "mine"
