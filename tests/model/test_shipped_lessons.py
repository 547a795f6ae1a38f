"""The shipped lessons (resources/lessons/NN-name.toml): they load, speak both languages,
and — most important — every number and claim their captions and answers state is what
the app's own run shows. Each lesson has a test that runs its steps' scenarios and checks
the caption's numbers, so a change to the physics, the tolerances or a lesson file that
would make a caption lie fails here.

No Qt: this module runs with Qt blocked too (tests/test_architecture.py).
"""

from __future__ import annotations

import dataclasses
import math
import re
from functools import cache, lru_cache

import numpy as np
import pytest

from app.model.analysis import pane_energies
from app.model.language import LANGUAGES
from app.model.lesson_file import lesson_name
from app.model.lesson_library import find_lesson, shipped_lesson_paths, shipped_lessons
from app.model.map_picture import map_caption, map_theory
from app.model.readouts import pane_readout, physics_line, plain
from app.model.scenario import Scenario
from app.model.workspace import Workspace
from optimizers import OptimizerSettings
from optimizers.registry import hyperparameters_at
from physics import ball, iteration, theory
from physics.outcome import CONVERGED
from physics.sweep import SweepGrid, run_sweep

LESSONS = ("sgd-zigzag", "newton-momentum", "mu-values", "friction", "noise-minibatch",
           "update-schemes", "parameter-map")

#: What the window's parameter map computes (app/qt/parameter_map_widget.py: MAP_CELLS and
#: the steps box's default; that module imports Qt, so the numbers are repeated here).
MAP_CELLS, MAP_STEPS, MAP_MU_RANGE = 160, 1000, (0.0, 0.99)


# -- helpers -------------------------------------------------------------------------------

@cache
def lesson(name: str):
    return find_lesson(name)


def step(name: str, number: int):
    """Step ``number`` (1-based, as the lesson's reader counts) of lesson ``name``."""
    return lesson(name).steps[number - 1]


@lru_cache(maxsize=64)
def _run(scenario: Scenario, steps: int):
    run = scenario.build_comparison()
    run.ensure(steps)
    return run


def run(name: str, number: int, steps: int):
    """The run of a step's scenario, computed to ``steps`` (shared between tests)."""
    return _run(step(name, number).scenario, steps)


def with_panes(scenario: Scenario, *panes: OptimizerSettings) -> Scenario:
    return dataclasses.replace(scenario, panes=tuple(panes))


def outcome(run_, pane: int) -> tuple[str, int]:
    return run_.final_outcome(pane)


def xs(run_, pane: int) -> np.ndarray:
    return run_.trail(run_.computed_steps)[:, pane, 0, 0]


def ys(run_, pane: int) -> np.ndarray:
    return run_.trail(run_.computed_steps)[:, pane, 0, 1]


def speeds(run_, pane: int) -> np.ndarray:
    return np.linalg.norm(run_.velocity_history(run_.computed_steps)[:, pane, 0], axis=-1)


def answer(name: str, number: int) -> int:
    """The 1-based number of the right choice, as the file writes it."""
    s = step(name, number)
    assert s.choices and s.answer is not None
    return s.answer + 1


def says(name: str, number: int, *phrases: str) -> None:
    """Step ``number``'s text (caption, question, choices) says each of ``phrases`` in
    English, word for word, and every number in them in Portuguese, with a decimal comma:
    the test that checks a number against the run also checks that the text still says it."""
    s = step(name, number)
    parts = [s.caption] + ([s.question] if s.question else []) + list(s.choices)
    english, portuguese = (" ".join(part.in_(code) for part in parts) for code in ("en", "pt"))
    for phrase in phrases:
        assert re.search(rf"(?<![\d.]){re.escape(phrase)}(?!\d|\.\d)", english), \
            f"{name} step {number} no longer says {phrase!r}"
        for value in re.findall(r"\d+(?:\.\d+)?", phrase):
            shown = re.escape(value.replace(".", ","))
            assert re.search(rf"(?<![\d,]){shown}(?!\d|,\d)", portuguese), \
                f"{name} step {number} (pt) no longer says {value.replace('.', ',')}"


def first(condition: np.ndarray) -> int:
    assert condition.any()
    return int(np.argmax(condition))


def texts(item):
    """Every Text of a lesson with where it is, for the language checks."""
    yield "title", item.title
    for number, s in enumerate(item.steps, 1):
        yield f"step {number} caption", s.caption
        if s.question is not None:
            yield f"step {number} question", s.question
        for k, choice in enumerate(s.choices, 1):
            yield f"step {number} choice {k}", choice


# -- every lesson --------------------------------------------------------------------------

def test_the_seven_lessons_are_numbered_01_to_07_in_the_lectures_order():
    paths = shipped_lesson_paths()
    assert [p.name.split("-")[0] for p in paths] == [f"{n:02d}" for n in range(1, 8)]
    assert [lesson_name(p) for p in paths] == list(LESSONS)


def test_every_lesson_loads_with_a_unique_name_and_4_to_8_steps():
    loaded = shipped_lessons()
    names = [item.name for item in loaded]
    assert names == list(LESSONS) and len(set(names)) == len(names)
    for item in loaded:
        assert 4 <= len(item.steps) <= 8, item.name
        assert item.title.in_("en").startswith(f"{names.index(item.name) + 1}. ")


def test_every_text_is_written_in_english_and_in_portuguese():
    for item in shipped_lessons():
        for where, text in texts(item):
            assert text.languages() == set(LANGUAGES), f"{item.name}: {where}"
            if "choice" not in where:   # a choice may be a name, the same in both ("NAG")
                assert text.in_("en") != text.in_("pt"), f"{item.name}: {where} untranslated"


def test_decimals_use_a_point_in_english_and_a_comma_in_portuguese():
    for item in shipped_lessons():
        for where, text in texts(item):
            assert not re.search(r"\d,\d", text.in_("en")), f"{item.name}: {where} (en)"
            assert not re.search(r"\d\.\d", text.in_("pt")), f"{item.name}: {where} (pt)"


def test_every_lesson_asks_for_a_prediction_and_every_choice_has_its_answer():
    sketched = choices = 0
    for item in shipped_lessons():
        assert any(s.asks for s in item.steps), item.name
        for number, s in enumerate(item.steps, 1):
            if s.choices:
                assert 2 <= len(s.choices) <= 6, f"{item.name} step {number}"
                assert s.answer is not None and 0 <= s.answer < len(s.choices)
                choices += 1
            else:
                assert s.answer is None
            sketched += s.sketched
            if s.asks:   # predict, then watch: something must happen after the answer
                assert s.pause_at or s.play or s.show, f"{item.name} step {number}"
    assert sketched >= 3 and choices >= 7


# -- lesson 1: SGD zig-zags in a ravine ----------------------------------------------------

def test_lesson_1_sgd_zig_zags_across_creeps_along_and_diverges_past_alpha_lambda_2():
    r = run("sgd-zigzag", 4, 120)
    says("sgd-zigzag", 4, "0.018 × 100 = 1.8", "1.8 %")
    assert r.settings[0].alpha == 0.018 and step("sgd-zigzag", 4).pause_at == 120
    y, x = ys(r, 0), xs(r, 0)
    assert np.all(y[1:] * y[:-1] < 0)                       # flips the sign of y every step
    assert np.allclose(x[1:] / x[:-1], 1 - 0.018)            # x shrinks by 1.8 % a step
    assert outcome(r, 0)[0] == "running"                     # very slow progress along x

    says("sgd-zigzag", 5, "0.022", "2.2")
    assert answer("sgd-zigzag", 5) == 2                      # "the ball diverges"
    r = run("sgd-zigzag", 5, 2000)
    assert r.settings[0].alpha == 0.022 and outcome(r, 0)[0] == "diverged"
    assert np.all(np.abs(ys(r, 0)[1:20]) > np.abs(ys(r, 0)[:19]))   # the zig-zag grows


# -- lesson 2: momentum as Newton's first law ----------------------------------------------

def test_lesson_2_momentum_with_mu_0_is_sgd_exactly():
    scenario = step("newton-momentum", 2).scenario
    sgd, momentum = scenario.panes
    r = _run(with_panes(scenario, sgd, momentum.with_(mu=0.0)), 300)
    assert np.array_equal(xs(r, 0), xs(r, 1)) and np.array_equal(ys(r, 0), ys(r, 1))


def test_lesson_2_momentum_overshoots_but_reaches_the_minimum_much_sooner():
    r = run("newton-momentum", 4, 3000)
    px = np.abs(r.velocity_history(r.computed_steps)[:, :, 0, 0])
    says("newton-momentum", 4, "0.081 to 0.381 by step 9", "(0.081)", "x = 0 at step 15")
    assert round(px[1, 1], 3) == 0.081 and round(px[:, 1].max(), 3) == 0.381
    assert int(np.argmax(px[:, 1])) == 9
    assert round(px[:, 0].max(), 3) == 0.081 and 4.5 < px[:, 1].max() / px[:, 0].max() < 5
    assert first(xs(r, 1) > 0) == 15
    # the choice: momentum, despite the overshoot, converges first
    assert answer("newton-momentum", 4) == 2
    assert outcome(r, 1) == ("converged", 280) and outcome(r, 0) == ("converged", 717)
    # step 5 pauses at its farthest point past the minimum
    says("newton-momentum", 5, "step 24", "x ≈ 1.23", "step 280", "step 717")
    assert step("newton-momentum", 5).pause_at == 24
    assert int(np.argmax(xs(r, 1))) == 24 and round(xs(r, 1).max(), 2) == 1.23
    assert xs(r, 0).max() < 0                                # SGD never overshoots


def test_lesson_2_velocity_builds_along_the_valley_not_across_and_sgd_with_its_step_diverges():
    r = run("newton-momentum", 6, 3000)
    says("newton-momentum", 6, "(1.8)", "α/(1 − μ) = 0.18", "α = 0.18")
    py = np.abs(r.velocity_history(r.computed_steps)[:, 1, 0, 1])
    assert py.max() == pytest.approx(1.8) and int(np.argmax(py)) == 1   # "its first kick"
    assert ball.effective_step(0.018, 0.9) == pytest.approx(0.18)
    assert (r.settings[2].name, r.settings[2].alpha) == ("sgd", 0.18)
    assert answer("newton-momentum", 6) == 2 and outcome(r, 2) == ("diverged", 2)
    assert outcome(r, 1) == ("converged", 280)
    says("newton-momentum", 7, "step 2", "α·λ = 18", "√μ ≈ 0.949", "0.8")
    assert round(float(iteration.rate("momentum", 0.018, 0.9, [100.0])), 3) == 0.949
    assert float(iteration.rate("sgd", 0.018, 0.0, [100.0])) == pytest.approx(0.8)
    assert iteration.regime("momentum", 0.018, 0.9, 100.0) == "ripples"
    assert abs(ys(r, 1)[30]) > abs(ys(r, 0)[30])            # its ripple lasts longer


# -- lesson 3: μ = 0.5, 0.9, 0.99, and annealing -------------------------------------------

def test_lesson_3_the_readouts_half_lives_are_1_6_58_and_69_steps():
    r = run("mu-values", 1, 150)
    says("mu-values", 1, "6.58", "69 ")
    for i, half in enumerate(("half-life 1 ", "half-life 6.58 ", "half-life 69 ")):
        assert half in plain(physics_line(r, i, 150))


def test_lesson_3_mu_0_9_arrives_first_0_5_creeps_and_0_99_sloshes():
    r = run("mu-values", 2, 5000)
    assert [s.mu for s in r.settings] == [0.5, 0.9, 0.99]
    steps = [outcome(r, i) for i in range(3)]
    assert steps == [("converged", 343), ("converged", 280), ("converged", 2801)]
    assert answer("mu-values", 2) == 1 + int(np.argmin([n for _, n in steps]))
    says("mu-values", 3, "step 280", "step 343", "step 2801", "x ≈ 1.23", "x ≈ 4.01")
    assert xs(r, 0).max() < 0                                # never passes x = 0
    assert round(xs(r, 1).max(), 2) == 1.23
    assert round(xs(r, 2).max(), 2) == 4.01
    assert (np.diff(np.sign(xs(r, 2))) != 0).sum() >= 6      # back and forth, many times


def test_lesson_3_the_300_step_ramp_is_fastest_and_the_100_step_ramp_slow():
    r = run("mu-values", 4, 5000)
    ramp = r.settings[3]
    assert ramp.mu_schedule == ("ramp", 0.5, 0.99, 300)
    steps = [outcome(r, i)[1] for i in range(4)]
    assert all(outcome(r, i)[0] == "converged" for i in range(4))
    assert steps[3] == 187 == min(steps) and answer("mu-values", 4) == 2
    says("mu-values", 5, "step 187", "0.81", "0.0001", "step 150", "1−μ 0.255", "μ = 0.745")
    assert hyperparameters_at(ramp, 187)[1] < 0.81
    assert 0 < xs(r, 3).max() < 1e-4                         # passes x = 0 by < 0.0001
    assert step("mu-values", 5).pause_at == 150
    assert "friction 1−μ 0.255 " in plain(physics_line(r, 3, 150))
    assert hyperparameters_at(ramp, 150)[1] == pytest.approx(0.745)

    r = run("mu-values", 6, 5000)
    assert r.settings[3].mu_schedule == ("ramp", 0.5, 0.99, 100)
    assert answer("mu-values", 6) == 2 and outcome(r, 3) == ("converged", 1420)
    says("mu-values", 7, "step 1420", "step 100", "0.01", "√0.99 ≈ 0.995", "0.8",
         "μ = 0.75", "114 steps")
    assert hyperparameters_at(r.settings[3], 100)[1] == pytest.approx(0.99)
    assert np.hypot(*r.positions(100)[3, 0]) < 0.01
    assert r.states(100)[3, 0] != CONVERGED                   # near, but not yet at rest
    assert round(math.sqrt(0.99), 3) == 0.995
    fixed = _run(with_panes(step("mu-values", 6).scenario,
                            OptimizerSettings("momentum", alpha=0.018, mu=0.75)), 1000)
    assert outcome(fixed, 0) == ("converged", 114)


# -- lesson 4: μ is friction ---------------------------------------------------------------

def test_lesson_4_the_readouts_show_friction_and_stokes_viscosity():
    r = run("friction", 1, 60)
    says("friction", 1, "0.05 per step", "1, 0.5 and 0.1", "r = 0.1",
         "0.531, 0.265 and 0.0531")
    lines = [plain(physics_line(r, i, 60)) for i in range(3)]
    for line, friction, eta in zip(lines, ("1", "0.5", "0.1"), ("0.531", "0.265", "0.0531")):
        assert f"friction 1−μ {friction} · viscosity η {eta} ·" in line
    assert ball.DEFAULT_RADIUS == 0.1
    grads = np.linalg.norm(r.grads(60)[:, 0], axis=-1)
    assert np.allclose(0.1 * grads, 0.05)                    # the same force on every ball


def test_lesson_4_each_ball_levels_off_at_its_terminal_velocity():
    r = run("friction", 2, 60)
    assert answer("friction", 1) == 2 and step("friction", 2).pause_at == 60
    says("friction", 2, "0.05, 0.1 and 0.5", "0.1, 0.2 and 1", "|g| = 0.5",
         "0.05, 0.1 and 0.499", "6.58 steps", "step 20", "88 %", "1.25", "0.25 each step")
    terminal = [ball.effective_step(s.alpha, s.mu if s.name == "momentum" else 0.0) * 0.5
                for s in r.settings]
    assert terminal == pytest.approx([0.05, 0.1, 0.5])
    for i, (shown, effective) in enumerate(zip(("0.05", "0.1", "0.499"), ("0.1", "0.2", "1"))):
        assert f"|p| {shown} " in plain(pane_readout(r, i, 60).state)
        assert f"effective step α/(1−μ) {effective} ·" in plain(physics_line(r, i, 60))
        speed = speeds(r, i)
        assert speed[60] == pytest.approx(terminal[i], rel=0.005)
        assert abs(speed[60] - speed[40]) < 0.02 * terminal[i]   # it has levelled off
    assert "half-life 6.58 " in plain(physics_line(r, 2, 60))
    assert round(100 * speeds(r, 2)[20] / 0.5) == 88
    energy = pane_energies(r, 2, 60)
    assert abs(energy["kinetic"][60] - 1.25) < 0.01
    assert abs(np.diff(energy["kinetic"][50:])).max() < 0.005
    assert np.allclose(np.diff(energy["potential"])[40:], -0.25, atol=0.005)


def test_lesson_4_on_flat_ground_the_balls_coast_as_far_as_their_friction_lets_them():
    assert step("friction", 3).scenario.landscape == "0.25*(x + abs(x))"
    r = run("friction", 3, 3000)
    assert answer("friction", 3) == 2 and r.all_settled(r.computed_steps)
    says("friction", 3, "4.5")
    says("friction", 4, "0 steps", "1 for μ = 0.5", "6.58 for μ = 0.9", "0.5 × 9 = 4.5",
         "x ≈ −0.2", "x ≈ −4.5")
    finals = [xs(r, i)[-1] for i in range(3)]
    assert abs(finals[0]) < 0.01 and finals[1] == pytest.approx(-0.2, abs=0.02)
    assert finals[2] == pytest.approx(-4.5, abs=0.05)
    assert 0.5 * 0.9 / (1 - 0.9) == pytest.approx(4.5)
    for i, half in enumerate(("0", "1", "6.58")):
        assert "(plateau)" in r.status(i, step=r.computed_steps)
        assert r.status(i, step=r.computed_steps).startswith("stalled")
        assert f"half-life {half} " in plain(physics_line(r, i, r.computed_steps))
    energy = pane_energies(r, 2, r.computed_steps)
    assert energy["kinetic"].max() > 1 and energy["kinetic"][-1] < 1e-9


def test_lesson_4_the_total_energy_rises_and_the_shadow_energy_never_does():
    r = run("friction", 5, 800)
    assert answer("friction", 5) == 2
    says("friction", 6, "60.1 to 131.9", "α·λ = 1.8")
    for i in range(2):
        energy = pane_energies(r, i, r.computed_steps)
        assert round(energy["total"][0], 1) == 60.1 and round(energy["total"][1], 1) == 131.9
        given_up = energy["potential"][0] - energy["potential"][1]
        assert 0 < given_up < energy["kinetic"][1]            # gains more than it gives up
        assert np.all(np.diff(energy["shadow"]) <= 1e-12)
    rises = np.diff(pane_energies(r, 1, 100)["total"]) > 0
    assert rises.sum() >= 10                                  # "again and again"
    assert outcome(r, 0) == ("converged", 717) and outcome(r, 1) == ("converged", 280)


# -- lesson 5: noise and minibatches -------------------------------------------------------

def test_lesson_5_every_pane_feels_the_same_noise():
    scenario = step("noise-minibatch", 1).scenario
    says("noise-minibatch", 1, "σ = 1", "seed 1")
    assert (scenario.sigma, scenario.seed) == (1.0, 1)
    r = _run(with_panes(scenario, scenario.panes[0],
                        OptimizerSettings("momentum", alpha=0.018, mu=0.0)), 300)
    assert np.array_equal(r.trail(300)[:, 0], r.trail(300)[:, 1])


def test_lesson_5_the_stationary_variance_matches_theory_and_the_caveat_holds():
    says("noise-minibatch", 2, "1/(1 − μ) = 10")
    assert sum(0.9 ** k for k in range(2000)) == pytest.approx(10)
    r = run("noise-minibatch", 3, 10000)
    assert [s.alpha for s in r.settings] == [0.018, 0.018, 0.0018]
    says("noise-minibatch", 3, "α/(1 − μ) = 0.18", "0.018", "0.0091", "0.090", "α = 0.0018")
    assert ball.effective_step(0.0018, 0.9) == pytest.approx(0.018)
    predicted = [theory.stationary_variance(s.alpha, s.mu if s.name == "momentum" else 0.0,
                                            1.0, 1.0) for s in r.settings]
    assert [f"{v:.2g}" for v in predicted] == ["0.0091", "0.09", "0.009"]
    assert 9.5 < predicted[1] / predicted[0] < 10.5          # "ten times as much"
    says("noise-minibatch", 4, "0.0090", "0.0091", "5 %", "1000 to 10000", "step 15",
         "step 127", "step 117", "0.3")
    measured = r.trail(10000)[1000:, :, 0, 0].var(axis=0)
    assert np.allclose(measured, predicted, rtol=0.05)       # "within 5 %"
    assert answer("noise-minibatch", 2) == 2 and measured[1] > 5 * measured[0]
    assert answer("noise-minibatch", 3) == 2 and 0.9 < measured[2] / measured[0] < 1.1
    reached = [first(np.abs(xs(r, i)) < 0.3) for i in range(3)]
    assert reached == [127, 15, 117]
    assert step("noise-minibatch", 4).pause_at >= max(reached)


def test_lesson_5_real_minibatches_keep_the_balls_wandering():
    r = run("noise-minibatch", 5, 3000)
    assert step("noise-minibatch", 5).scenario.batch_size is None
    assert r.landscape.name == "regression"
    says("noise-minibatch", 6, "step 746", "step 274", "8 of the 64")
    assert outcome(r, 0) == ("converged", 746) and outcome(r, 1) == ("converged", 274)

    scenario = step("noise-minibatch", 7).scenario
    assert scenario.batch_size == 8 and scenario.sigma == 0.0
    r = run("noise-minibatch", 7, 2000)
    assert answer("noise-minibatch", 6) == 2
    says("noise-minibatch", 7, "step 2000", "(1.971, 1.018)",
         "500 to 2000", "0.27", "0.078", "0.068", "α = 0.05", "0.049", "16", "0.051")
    assert all(r.status(i, step=2000) == "running" for i in range(3))
    minimum = np.array(r.landscape.minima[0])
    assert [round(v, 3) for v in minimum] == [1.971, 1.018]

    def mean_distance(run_, pane):
        return float(np.linalg.norm(run_.trail(2000)[500:, pane, 0] - minimum, axis=-1).mean())

    assert [round(mean_distance(r, i), 3) for i in range(3)] == [0.078, 0.272, 0.068]
    smaller = _run(with_panes(scenario, OptimizerSettings("sgd", alpha=0.05)), 2000)
    assert round(mean_distance(smaller, 0), 3) == 0.049
    larger = _run(dataclasses.replace(with_panes(scenario, scenario.panes[0]), batch_size=16),
                  2000)
    assert round(mean_distance(larger, 0), 3) == 0.051


# -- lesson 6: Radford's update schemes ----------------------------------------------------

RADFORD_SIX = ["sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop"]


def distances(run_, pane: int, minimum) -> np.ndarray:
    return np.linalg.norm(run_.trail(run_.computed_steps)[:, pane, 0] - np.array(minimum), axis=-1)


def test_lesson_6_on_beale_nag_arrives_first_and_momentum_swings_widest():
    r = run("update-schemes", 1, 5000)
    assert [s.name for s in r.settings] == RADFORD_SIX
    assert tuple(r.start[0]) == (0.7, 1.4) and r.landscape.minima[0] == (3.0, 0.5)
    steps = [outcome(r, i) for i in range(4)]
    assert steps == [("converged", 3524), ("converged", 480), ("converged", 317),
                     ("converged", 2194)]
    assert answer("update-schemes", 1) == 3
    says("update-schemes", 2, "step 317", "480", "2194", "3524", "y ≈ −1.6 at step 7",
         "x ≈ 4.77 at step 48", "y ≈ −0.99", "x ≈ 3.66", "y ≈ 0.13")
    assert round(ys(r, 1).min(), 1) == -1.6 and int(np.argmin(ys(r, 1))) == 7
    assert round(xs(r, 1).max(), 2) == 4.77 and int(np.argmax(xs(r, 1))) == 48
    assert xs(r, 1).max() > r.landscape.domain[1]            # out past the right edge
    assert round(ys(r, 2).min(), 2) == -0.99 and round(xs(r, 2).max(), 2) == 3.66
    assert round(ys(r, 3).min(), 2) == 0.13
    # RMSprop hovers near the minimum, Adadelta rattles farther off; neither settles.
    says("update-schemes", 2, "within 0.01 of the minimum at step 800", "0.014 long (α√2)",
         "0.18 away at step 5000", "steps 0.1 long")
    rms, ada = distances(r, 5, (3, 0.5)), distances(r, 4, (3, 0.5))
    assert first(rms < 0.01) == 800 and round(speeds(r, 5)[5000], 3) == 0.014
    assert round(0.01 * np.sqrt(2), 3) == 0.014
    assert round(ada[5000], 2) == 0.18 and round(speeds(r, 4)[5000], 1) == 0.1
    assert not (ada < 0.1).any()
    assert outcome(r, 4) == ("running", 5000) and outcome(r, 5) == ("running", 5000)


def test_lesson_6_in_rosenbrocks_valley_momentum_and_nag_race_along_the_floor():
    r = run("update-schemes", 3, 3000)
    assert r.landscape.name == "rosenbrock" and tuple(r.start[0]) == (-1.2, 1.0)
    says("update-schemes", 4, "step 2907", "step 2954", "12 times in the first 600 steps",
         "(2 changes", "step 3000", "step 30904", "step 15988")
    assert outcome(r, 1) == ("converged", 2907) and outcome(r, 2) == ("converged", 2954)
    assert r.status(0, step=3000) == "running" and r.status(3, step=3000) == "running"
    vy = r.velocity_history(600)[1:, :, 0, 1]
    flips = (np.diff(np.sign(vy), axis=0) != 0).sum(axis=0)
    assert flips[1] == 12 and flips[2] == 2
    for pane, steps in ((0, 30904), (3, 15988)):   # "SGD converges only at step 30904, …"
        alone = _run(with_panes(step("update-schemes", 3).scenario, r.settings[pane]), steps)
        assert outcome(alone, 0) == ("converged", steps)
    says("update-schemes", 4, "within 0.1 of the minimum at step 2140", "within 0.01",
         "in 5000 steps", "within 0.1.")
    long = run("update-schemes", 3, 5000)
    rms, ada = distances(long, 5, (1, 1)), distances(long, 4, (1, 1))
    assert first(rms < 0.1) == 2140 and not (rms < 0.01).any() and not (ada < 0.1).any()


def test_lesson_6_on_the_saddle_adagrad_escapes_first_and_leaves_the_domain_last():
    r = run("update-schemes", 5, 1000)
    assert r.landscape.name == "saddle" and tuple(r.start[0]) == (-1.8, 0.01)
    out = [first(np.abs(ys(r, i)) > 2) for i in range(6)]
    assert out == [56, 21, 19, 5, 47, 54]
    assert answer("update-schemes", 5) == 1 + int(np.argmin(out))
    says("update-schemes", 6, "step 5", "step 19", "step 21", "x ≈ 1.09", "x ≈ 0.64",
         "step 56", "1 + 2α = 1.1", "10 domain-sizes", "step 812", "88", "32", "29",
         "0.71", "0.072 at step 100")
    assert round(xs(r, 1).max(), 2) == 1.09 and round(xs(r, 2).max(), 2) == 0.64
    assert [int(r.left_at[i, 0]) for i in range(4)] == [88, 32, 29, 812]
    assert r.tolerances.far == 10
    assert ys(r, 0)[10] / ys(r, 0)[9] == pytest.approx(1 + 2 * 0.05)
    adagrad = speeds(r, 3)
    assert round(adagrad[1], 2) == 0.71 and round(adagrad[100], 3) == 0.072
    assert np.all(np.diff(adagrad[1:812]) <= 1e-12)           # its steps keep shrinking
    for i in range(3):                                         # the others' keep growing
        left = int(r.left_at[i, 0])
        assert speeds(r, i)[left - 1] > speeds(r, i)[out[i]] > speeds(r, i)[5]
    says("update-schemes", 6, "only 0.0044 long", "step 47", "0.14 long", "ten times α",
         "0.018 by step 100", "step 54")
    adadelta, rmsprop = speeds(r, 4), speeds(r, 5)
    assert round(adadelta[1], 4) == 0.0044 and adadelta[out[4]] > 10 * adadelta[1]
    assert adadelta[100] > 100 * adadelta[1]                   # its steps grow
    assert round(rmsprop[1], 2) == 0.14 and rmsprop[1] == pytest.approx(10 * 0.01 * np.sqrt(2), rel=1e-4)
    assert round(rmsprop[100], 3) == 0.018


# -- lesson 7: the (α, μ) map --------------------------------------------------------------

@lru_cache(maxsize=4)
def parameter_map(scenario: Scenario):
    """The map the window draws for this scenario (its request, the widget's grid)."""
    request = Workspace(scenario).map_request()
    grid = SweepGrid(request.alpha_range, MAP_MU_RANGE, MAP_CELLS, MAP_CELLS)
    result = run_sweep(request.landscape, request.start, grid, MAP_STEPS, "steps-to-tol",
                       nesterov=request.nesterov)
    return request, result


def test_lesson_7_the_maps_best_cell_is_at_middle_mu_just_inside_the_stability_edge():
    scenario = step("parameter-map", 1).scenario
    request, result = parameter_map(scenario)
    assert request.marker == (0.018, 0.9) and not request.nesterov
    says("parameter-map", 1, "658 steps", "α = 0.018", "μ = 0.9", "280 steps")
    assert outcome(run("parameter-map", 1, 2000), 1) == ("converged", 280)
    sgd_row = result.values[0]
    assert result.mus[0] == 0.0
    assert np.nanmin(np.where(np.isfinite(sgd_row), sgd_row, np.nan)) == 658
    alpha, mu, steps = result.best()
    says("parameter-map", 2, "α ≈ 0.0313", "μ ≈ 0.685", "80 steps", "λmax = 100",
         "α = 2/λmax = 0.02", "α = 0.03")
    assert (round(alpha, 4), round(mu, 3), steps) == (0.0313, 0.685, 80)
    assert answer("parameter-map", 1) == 2 and 0.4 < mu < 0.9
    edge = float(iteration.stability_edge("momentum", mu, 100.0))
    assert edge == pytest.approx(2 * (1 + mu) / 100) and 0.85 * edge < alpha < edge
    best_run = _run(with_panes(scenario, OptimizerSettings("momentum", alpha=alpha, mu=mu)), 500)
    assert outcome(best_run, 0) == ("converged", 80)
    assert float(iteration.stability_edge("sgd", 0.0, 100.0)) == pytest.approx(0.02)


def test_lesson_7_past_sgds_edge_only_enough_momentum_converges():
    r = run("parameter-map", 2, 2000)
    assert [(s.name, s.alpha) for s in r.settings] == [("sgd", 0.03), ("momentum", 0.03),
                                                      ("momentum", 0.03)]
    assert [s.mu for s in r.settings[1:]] == [0.4, 0.6]
    says("parameter-map", 3, "step 7", "step 16", "2.8", "145 steps", "3.2")
    assert outcome(r, 0) == ("diverged", 7) and outcome(r, 1) == ("diverged", 16)
    assert outcome(r, 2) == ("converged", 145) and answer("parameter-map", 2) == 2
    assert float(iteration.stability_edge("momentum", 0.4, 100.0)) < 0.03 \
        < float(iteration.stability_edge("momentum", 0.6, 100.0))


def test_lesson_7_critical_damping_of_the_shallow_direction_is_the_fastest_mu():
    says("parameter-map", 3, "at α = 0.018 is μ = 0.75", "μ = 0.7, 0.75 and 0.8")
    assert round(float(iteration.critical_mu("momentum", 0.018, 1.0)), 2) == 0.75
    r = run("parameter-map", 3, 2000)
    assert [s.mu for s in r.settings] == [0.7, 0.75, 0.8]
    steps = [outcome(r, i) for i in range(3)]
    assert steps == [("converged", 174), ("converged", 114), ("converged", 145)]
    assert answer("parameter-map", 3) == 1 + int(np.argmin([n for _, n in steps]))
    says("parameter-map", 4, "114 steps", "174", "0.08", "145", "α ≤ 1/λmax = 0.01")
    assert xs(r, 0).max() < 0 and round(xs(r, 2).max(), 2) == 0.08
    assert iteration.regime("momentum", 0.018, 0.7, 1.0) == "overdamped"
    assert iteration.regime("momentum", 0.018, 0.8, 1.0) == "ripples"
    assert np.isnan(iteration.critical_mu("momentum", 0.0101, 100.0))
    assert not np.isnan(iteration.critical_mu("momentum", 0.01, 100.0))


def test_lesson_7_polyaks_optimum_has_theorys_rate_but_not_the_fewest_steps():
    alpha, mu, rate = iteration.optimum("momentum", 1.0, 100.0)
    assert (alpha, mu, rate) == pytest.approx((4 / 121, 81 / 121, 9 / 11))
    says("parameter-map", 4, "4/121 ≈ 0.0331", "81/121 ≈ 0.669", "9/11 ≈ 0.818")
    assert (round(alpha, 4), round(mu, 3), round(rate, 3)) == (0.0331, 0.669, 0.818)
    scenario = step("parameter-map", 4).scenario
    pane = scenario.panes[0]
    assert (pane.alpha, pane.mu) == pytest.approx((alpha, mu), rel=1e-12)
    r = run("parameter-map", 4, 2000)
    assert outcome(r, 0) == ("converged", 107)
    _, result = parameter_map(step("parameter-map", 1).scenario)
    assert result.best()[2] == 80 < outcome(r, 0)[1] and answer("parameter-map", 4) == 2
    says("parameter-map", 5, "107 steps", "in 80", "0.8205", "0.8182")
    measured = Workspace(scenario).measured_rate()
    overlay = map_theory(result, r.landscape)
    text = map_caption(result, overlay.optimum, measured)
    assert "contracts by 0.8205 a step; theory says 0.8182." in text
    assert "Theory's optimum α*=0.0331, μ*=0.669, rate 0.8182." in text


def test_lesson_7_nesterov_diverges_where_heavy_ball_converges():
    scenario = step("parameter-map", 6).scenario
    request = Workspace(scenario).map_request()
    assert request.nesterov and request.marker == (0.018, 0.9)
    says("parameter-map", 6, "280 steps")
    r = run("parameter-map", 6, 2000)
    assert outcome(r, 0) == ("diverged", 9) and outcome(r, 1) == ("converged", 280)
    assert answer("parameter-map", 6) == 2
    says("parameter-map", 7, "step 9", "α < 0.0136", "1.357", "0.125", "α ≈ 0.0133",
         "μ ≈ 0.793", "0.885", "0.818")
    assert round(float(iteration.stability_edge("nesterov", 0.9, 100.0)), 4) == 0.0136
    assert round(2 * 1.9 / 2.8, 3) == 1.357
    assert float(iteration.edge_mu("nesterov", 0.018, 100.0)) == pytest.approx(0.125)
    alpha, mu, rate = iteration.optimum("nesterov", 1.0, 100.0)
    assert (round(alpha, 4), round(mu, 3), round(rate, 3)) == (0.0133, 0.793, 0.885)
    assert rate > iteration.optimum("momentum", 1.0, 100.0)[2]
