"""Many seeds as the window draws them: the median path, the loss's 10–90 % band, the
noise floor's ellipse and line, the readouts — each against its definition or theory."""

import math

import numpy as np
import pytest

from app.model.loss_curves import LOG_FLOOR, LossHistory
from app.model.noise_floor import COVERAGE, floor_ellipse, noise_floor, stationary_variances
from app.model.race import run_race
from app.model.readouts import frame_header, pane_readout, plain
from app.model.scenario import Scenario
from app.model.seed_cloud import median_path
from app.model.workspace import Workspace
from optimizers.registry import OptimizerSettings as S
from physics.builtins import builtin

RAVINE = builtin("ravine")
PANES = (S("sgd", alpha=0.018), S("momentum", alpha=0.018, mu=0.9))


@pytest.fixture(scope="module")
def cloud():
    run = Scenario(sigma=0.5, seeds=32, panes=PANES).build_comparison()
    run.ensure(400)
    return run


def test_the_median_path_is_each_steps_median_over_the_seeds_however_it_grows(cloud):
    path = median_path(cloud)
    early = path.upto(1, 7).copy()
    whole = path.upto(1, 400)
    assert median_path(cloud) is path                      # kept: one per run
    np.testing.assert_array_equal(whole, np.median(cloud.trail(400)[:, 1], axis=1))
    np.testing.assert_array_equal(whole[:8], early)


def test_the_loss_plot_draws_the_median_and_the_10_to_90_percent_band(cloud):
    history = LossHistory(cloud)
    shown = history.curves(400)
    losses = cloud.loss_history(400)                       # L_min = 0 on the ravine
    np.testing.assert_array_equal(shown.values, np.maximum(np.median(losses, axis=2), LOG_FLOOR))
    low, high = shown.band
    np.testing.assert_allclose(low, np.maximum(np.percentile(losses, 10, axis=2), LOG_FLOOR))
    np.testing.assert_allclose(high, np.percentile(losses, 90, axis=2))
    assert shown.label == "median L (log)" and "10–90 % of the 32 seeds" in shown.band_label
    # Thinned to 50 columns: in each bin the band runs from the lowest 10th to the highest
    # 90th percentile of its steps (held across the bin), and ends at step 400's own.
    thin = LossHistory(cloud).curves(400, 50)
    t_low, t_high = thin.band
    assert len(thin.steps) < 150 and thin.steps[-1] == 400
    for row in range(0, len(thin.steps) - 1, 2):
        first = int(thin.steps[row])
        last = int(thin.steps[row + 2]) if row + 2 < len(thin.steps) - 1 else 401
        np.testing.assert_allclose(t_low[row], low[first:last].min(axis=0))
        np.testing.assert_allclose(t_high[row + 1], high[first:last].max(axis=0))
    np.testing.assert_allclose(t_low[-1], low[400])


def test_theorys_floor_is_drawn_on_the_loss_axis_from_step_0(cloud):
    shown = LossHistory(cloud).curves(0)
    floors = shown.floors
    assert floors == tuple(noise_floor(RAVINE, s, 0.5, None) for s in PANES)
    assert floors[0] == pytest.approx(0.0124, abs=5e-5) and floors[1] == pytest.approx(0.0327, abs=5e-5)
    low, high = shown.y_range                             # decades (log axis)
    assert low <= math.log10(min(floors)) and max(floors) < 10 ** high


def test_one_run_or_a_swarm_draws_no_band():
    shown = LossHistory(Scenario(sigma=0.5, panes=PANES).build_comparison()).curves(0)
    assert shown.band is None and shown.floors == ()


@pytest.mark.parametrize("landscape", ["ravine", "rotated"])
def test_the_floor_ellipse_holds_ninety_percent_of_the_stationary_seeds(landscape):
    """256 seeds run long past their transient; at each of 20 late steps, the share of the
    seeds inside the ellipse is 0.9 give or take sampling noise (and the ellipse turns
    with the quadratic: the rotated ravine's lies along its valley at 45°)."""
    scene = builtin(landscape)
    pane = S("momentum", alpha=scene.alpha, mu=0.9)
    ellipse = floor_ellipse(scene, pane, 1.0)
    run = Scenario(landscape=landscape, sigma=1.0, seeds=256, panes=(pane,)).build_comparison()
    run.ensure(1000)
    _, variances, vectors = stationary_variances(scene, pane, 1.0)
    centre = np.asarray(scene.minima[0])
    radius2 = -2 * math.log(1 - COVERAGE)
    # The outline is the level set of the stationary covariance's quadratic form.
    offsets = (ellipse - centre) @ vectors
    np.testing.assert_allclose((offsets ** 2 / variances).sum(axis=1), radius2)
    shares = []
    for step in range(600, 1001, 20):
        inside = ((run.positions(step)[0] - centre) @ vectors) ** 2 / variances
        shares.append(np.mean(inside.sum(axis=1) <= radius2))
    assert 0.85 < np.mean(shares) < 0.95, shares


def test_no_ellipse_where_no_theory_applies():
    pane = PANES[1]
    assert floor_ellipse(builtin("rosenbrock"), pane, 0.5) is None        # no quadratic
    assert floor_ellipse(RAVINE, pane, 0.0) is None                       # no noise
    assert floor_ellipse(RAVINE, S("adam", alpha=0.1), 0.5) is None       # another rule
    assert floor_ellipse(RAVINE, pane.with_(mu_schedule=("ramp", 0.5, 0.9, 10)), 0.5) is None
    assert floor_ellipse(RAVINE, S("sgd", alpha=0.03), 0.5) is None       # diverges there


def test_readouts_give_the_seeds_median_counts_and_the_floor_beside_their_mean(cloud):
    readout = pane_readout(cloud, 1, 400)
    state, physics = plain(readout.state), plain(readout.physics)
    median = float(np.median(cloud.loss(400)[1]))
    assert f"median loss {median:.3g}" in state and "converged 0 / 32" in state
    assert "seeds 0–31, the same draws in every pane" in physics
    mean = float(np.mean(cloud.loss(400)[1]))
    assert f"noise floor E[L − L_min] 0.0327 (theory), seeds' mean {mean:.3g}" in physics
    assert f"Momentum: median loss {median:.3g}" in frame_header(cloud, 400)


def test_a_32_seed_race_gives_the_numbers_of_the_windows_32_seeds(cloud):
    race = run_race(RAVINE, PANES, RAVINE.start, seeds=32, steps=400, sigma=0.5)
    np.testing.assert_array_equal(race.final_loss, cloud.loss(400).T)


def test_the_workspace_switches_many_seeds_and_swarm_mode_exclusively():
    ws = Workspace(Scenario(sigma=0.5, panes=PANES))
    update = ws.set_seeds(32)
    assert ws.scenario.seeds == 32 and ws.run.shape == (2, 32) and update.notice is None
    ws.set_swarm(True)
    assert ws.scenario.seeds is None and ws.run.shape == (2, 1024)
    ws.set_seeds(8)
    assert not ws.swarm and ws.run.shape == (2, 8)
    ws.set_seeds(None)
    assert ws.run.shape == (2, 1) and ws.scenario.seeds is None


def test_many_seeds_without_noise_say_that_every_seed_is_the_same_run():
    update = Workspace().set_seeds(32)
    assert "every seed runs the same path" in update.notice
    update = Workspace(Scenario(landscape="network", batch_size=8, panes=PANES)).set_seeds(4)
    assert update.notice is None


def test_the_update_rule_says_whose_numbers_it_shows_with_many_seeds(cloud):
    """The ball drawn is the seeds' median point; the rule's numbers are seed 0's run,
    and say so (they are exactly the single run on seed 0's)."""
    from app.model.update_rule import update_rule

    rule = update_rule(cloud, 1, 40)
    first = "".join(text for text, _ in rule.numbers[0])
    assert first.startswith("seed 0: t = 40")
    alone = Scenario(sigma=0.5, seed=0, panes=PANES).build_comparison()
    alone.ensure(41)
    single = update_rule(alone, 1, 40)
    assert rule.numbers[1:] == single.numbers[1:]
    np.testing.assert_array_equal(rule.w_next, single.w_next)
