"""What a pane's readouts say: the state of the ball, and physics at the step on screen."""

import re

import numpy as np

from app.model.readouts import frame_header, pane_readout, plain, step_counter
from optimizers.registry import OptimizerSettings as S
from physics.builtins import builtin
from physics.simulation import Comparison

RAVINE = builtin("ravine")


def _run(*settings, steps=300):
    run = Comparison(RAVINE, settings, RAVINE.start)
    run.ensure(steps)
    return run


def _number_after(text: str, label: str) -> float:
    return float(re.search(re.escape(label) + r" ([-\d.e+]+)", text).group(1))


def test_the_state_line_names_step_loss_and_outcome():
    run = _run(S("sgd", alpha=0.05), S("momentum", alpha=0.018, mu=0.9))
    zero = plain(pane_readout(run, 1, 0).state)
    assert zero.startswith("step 0 ") and "loss 60.1" in zero and zero.endswith("running")
    assert "diverged at step" in plain(pane_readout(run, 0, 300).state)
    converged = int(run.converged_at[1, 0])
    assert f"converged at step {converged}" in plain(pane_readout(run, 1, 300).state)
    assert "#1b7f3b" in pane_readout(run, 1, 300).state              # in green


def test_a_ball_leaving_a_saddle_is_not_called_diverged():
    saddle = builtin("saddle")
    run = Comparison(saddle, [S("sgd", alpha=0.05)], (-1.8, 1e-14))
    run.ensure(400)
    readout = pane_readout(run, 0, 400).state
    assert plain(readout).endswith("left the domain at step 377")
    assert "#1d5fa8" in readout and "#b00020" not in readout     # blue, not diverged red


def test_a_scheduled_panes_physics_follows_its_mu_as_it_ramps():
    ramp = S("momentum", alpha=0.018, mu=0.99, mu_schedule=("ramp", 0.5, 0.99, 200))
    run = _run(ramp, steps=250)
    early = plain(pane_readout(run, 0, 0).physics)
    late = plain(pane_readout(run, 0, 200).physics)
    assert _number_after(early, "friction 1−μ") == 0.5 and _number_after(early, "half-life") == 1
    assert _number_after(late, "friction 1−μ") == 0.01                 # μ = 0.99 at step 200
    assert _number_after(late, "half-life") == 69.0
    assert _number_after(late, "effective step α/(1−μ)") == 1.8


def test_a_decaying_alpha_shows_its_current_force():
    decay = S("sgd", alpha=0.016, alpha_schedule=("step", 0.5, 100))
    run = _run(decay, steps=150)
    assert "force −0.016∇L" in plain(pane_readout(run, 0, 99).physics)
    assert "force −0.008∇L" in plain(pane_readout(run, 0, 100).physics)


def test_adaptive_rules_have_no_fixed_friction():
    run = _run(S("adam", alpha=0.1), steps=5)
    assert "no fixed friction" in pane_readout(run, 0, 5).physics


def test_swarm_readouts_count_balls_and_basins():
    run = Comparison(RAVINE, [S("sgd", alpha=0.018)], np.array([[-4.5, 1.0], [1.0, 1.0]]))
    run.ensure(5)
    readout = pane_readout(run, 0, 5, basin_labels=np.array([0, -2]))
    assert plain(readout.state) == "step 5   converged 0 / 2   diverged 0"
    assert plain(readout.physics) == "2 balls end in — diverged: 1 · ★ minimum 1: 1"


def test_the_export_header_and_the_step_counter():
    run = _run(S("sgd", alpha=0.018), S("momentum", alpha=0.018, mu=0.9), steps=10)
    assert frame_header(run, 10) == "step 10    —    SGD: running · Momentum: running"
    assert frame_header(run, 10, "Aula", lines=2) == (
        "Aula    —    step 10\nSGD: running · Momentum: running")
    assert frame_header(run, 10, lines=3) == "step 10\nSGD: running\nMomentum: running"
    assert step_counter(3, 10).strip() == "step 3 / 10"


def test_the_export_header_tells_panes_of_one_rule_apart():
    # Four "Momentum" panes said "Momentum: running" four times: which was which?
    run = _run(*(S("momentum", alpha=0.018, mu=mu) for mu in (0.5, 0.9)), S("sgd", alpha=0.018),
               steps=3)
    assert frame_header(run, 3) == (
        "step 3    —    Momentum 1: running · Momentum 2: running · SGD: running")


def test_a_nesterov_pane_is_labelled_with_nesterovs_regimes_not_heavy_balls():
    nesterov = _run(S("nesterov", alpha=0.013, mu=0.9), steps=5)
    heavy = _run(S("momentum", alpha=0.013, mu=0.9), steps=5)
    assert "flipping here" in plain(pane_readout(nesterov, 0, 5).physics)
    assert "ripples here" in plain(pane_readout(heavy, 0, 5).physics)


def test_the_window_title_names_the_scenario_in_one_short_line():
    from app.model.readouts import MAX_TITLE_CHARS, window_title

    assert window_title("") == "Momentum Lab"
    assert window_title("  ") == "Momentum Lab"
    assert window_title("Aula 3:\n  momentum") == "Momentum Lab — Aula 3: momentum"
    long = window_title("μ " * 200)
    assert long.endswith("…") and len(long) == len("Momentum Lab — ") + MAX_TITLE_CHARS


def test_the_frame_header_leads_with_the_scenarios_title():
    from optimizers import OptimizerSettings
    from physics.builtins import builtin
    from physics.simulation import Comparison

    ravine = builtin("ravine")
    run = Comparison(ravine, [OptimizerSettings("sgd", 0.018)], ravine.start)
    run.ensure(3)
    assert frame_header(run, 3, "Aula\n3") == "Aula 3    —    step 3    —    SGD: running"
    assert frame_header(run, 3) == "step 3    —    SGD: running"
