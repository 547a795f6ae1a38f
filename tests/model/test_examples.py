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


@pytest.mark.parametrize("name", sorted(LESSON_STEP))
def test_each_radford_example_is_his_six_as_lesson_6_races_them(name):
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


def test_every_example_loads_and_the_network_one_trains_on_minibatches():
    import numpy as np

    assert set(LESSON_STEP) < set(EXAMPLES)
    for name in EXAMPLES:
        load_scenario_or_example(name).validate()
    network = load_scenario(example_path("network-minibatch"))
    assert network.landscape == "network" and network.batch_size == 8
    run = network.build_comparison()
    run.ensure(3000)
    # From (−1.2, 2): SGD ends in one minimum, momentum, overshooting, in its mirror image.
    sgd, heavy = run.positions(3000)[:, 0]
    minima = np.array(run.landscape.minima)
    assert np.linalg.norm(sgd - minima[0]) < 0.05 and np.linalg.norm(heavy - minima[1]) < 0.05


def test_the_many_seeds_examples_say_what_their_seeds_do():
    """What the two many-seeds examples' comments promise, over their 32 seeds."""
    import numpy as np

    from app.model.noise_floor import noise_floor

    network = load_scenario(example_path("network-many-seeds"))
    run = network.build_comparison()
    run.ensure(3000)
    assert run.shape == (2, 32)
    minima = np.array(run.landscape.minima)
    end = run.positions(3000)
    distance = np.linalg.norm(end[:, :, None] - minima[None, None], axis=-1)  # pane, seed, minimum
    # Every seed of both panes by a minimum (momentum's jitter under minibatches is wider).
    farthest = distance.min(axis=2).max(axis=1)
    assert farthest[0] < 0.05 and farthest[1] < 0.15
    nearest = distance.argmin(axis=2)
    assert (nearest[0] == 0).sum() == 32               # SGD: the same one on every seed
    assert ((nearest[1] == 0).sum(), (nearest[1] == 1).sum()) == (13, 19)   # momentum splits
    noise = load_scenario(example_path("noise-many-seeds"))
    run = noise.build_comparison()
    run.ensure(1500)
    mean = run.loss(1500).mean(axis=1)                 # L_min = 0 on the ravine
    floors = [noise_floor(run.landscape, s, noise.sigma, None) for s in noise.panes]
    # Settled at theory's floor (32 seeds: within a third), momentum's the higher one.
    assert floors[1] > floors[0]
    np.testing.assert_allclose(mean, floors, rtol=0.35)
