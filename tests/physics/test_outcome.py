"""One outcome rule: the step-by-step run, the batched map and the swarm's basins agree."""

import numpy as np

from optimizers import OptimizerSettings
from physics.basins import DIVERGED, LEFT, destinations, swarm_starts
from physics.batch import run_batch
from physics.builtins import builtin
from physics.catalog import resolve_landscape
from physics.simulation import Comparison
from physics.sweep import SweepGrid, run_sweep


def test_a_nan_loss_with_a_finite_gradient_diverges_on_every_path():
    # log(x) + y²: the ball jumps to x < 0, where the loss is NaN but the gradient 1/x is not.
    landscape = resolve_landscape("log(x)+y**2")
    settings = OptimizerSettings("momentum", alpha=0.1, mu=0.5)
    single = Comparison(landscape, [settings], (2.0, 1.0))
    single.ensure(100)
    step = int(single.diverged_at[0, 0])
    assert step == 14
    batch = run_batch(landscape, np.array([2.0, 1.0]), np.array([0.1]), np.array([0.5]), 100)
    assert int(batch.diverged_at[0]) == step
    grid = SweepGrid((0.05, 0.1), (0.0, 0.5), 2, 2)
    sweep = run_sweep(landscape, (2.0, 1.0), grid, 100, "divergence")
    assert sweep.values[1, 1] == step


def test_basins_call_diverged_exactly_the_balls_the_run_calls_diverged():
    landscape = builtin("himmelblau")
    starts = swarm_starts(landscape, 12)
    settings = OptimizerSettings("momentum", alpha=0.02, mu=0.9)   # some balls blow up
    labels = destinations(landscape, settings, starts, steps=300)
    run = Comparison(landscape, [settings], starts)
    run.ensure(300)
    gone = run.diverged_at[0] >= 0
    assert gone.any() and not gone.all()
    np.testing.assert_array_equal(labels == DIVERGED, gone)


def test_batch_convergence_steps_equal_the_runs_for_sgd_momentum_and_nesterov():
    landscape = builtin("ravine")
    for name in ("sgd", "momentum", "nesterov"):
        mu = 0.0 if name == "sgd" else 0.8
        settings = OptimizerSettings(name, alpha=0.012, mu=mu)
        run = Comparison(landscape, [settings], landscape.start)
        run.ensure(1500)
        batch = run_batch(landscape, np.array(landscape.start), np.array([0.012]),
                          np.array([mu]), 1500, nesterov=name == "nesterov")
        assert int(batch.converged_at[0]) == int(run.converged_at[0, 0]) > 0, name
        np.testing.assert_array_equal(batch.positions[0], run.positions(1500)[0, 0])


# -- the outcomes: converged only at a minimum --------------------------------------------

SADDLE = builtin("saddle")
RAVINE = builtin("ravine")


def test_a_ball_escaping_a_saddle_is_never_converged_and_leaves_still_descending():
    # Was "converged at 122, then diverged at 377".
    run = Comparison(SADDLE, [OptimizerSettings("sgd", alpha=0.05)], (-1.8, 1e-14))
    run.ensure(600)
    assert run.converged_at[0, 0] == run.diverged_at[0, 0] == -1
    assert run.left_at[0, 0] == 377 and run.final_outcome() == ("left-domain", 377)
    assert run.status(0, step=200) == "running"
    assert run.loss(377)[0, 0] < run.loss(0)[0, 0]
    assert not run.all_settled(200) and run.all_settled(377)


def test_a_plateau_is_a_stall_not_a_minimum_and_playback_has_nothing_to_show():
    # Was "converged at step 0" at loss 1.0 (the minimum is 0).
    plateau = resolve_landscape("1 - exp(-(x**2 + y**2))")
    run = Comparison(plateau, [OptimizerSettings("momentum", alpha=0.1, mu=0.9)], (4.5, 4.5))
    run.ensure(100)
    assert run.status(0, step=0) == "stalled at step 0 (plateau)"
    assert run.converged_at[0, 0] == -1 and run.final_outcome() == ("stalled", 0)
    assert run.all_settled(0)


def test_a_ball_stalled_near_a_saddle_is_not_settled_and_rolls_off():
    run = Comparison(SADDLE, [OptimizerSettings("momentum", alpha=0.05, mu=0.5)], (-1e-7, 1e-14))
    run.ensure(2000)
    assert run.status(0, step=0) == "stalled at step 0 (saddle)"
    assert not run.all_settled(0)
    assert run.final_outcome()[0] == "left-domain"
    balanced = Comparison(SADDLE, [OptimizerSettings("sgd", alpha=0.05)], (0.0, 0.0))
    balanced.ensure(10)
    assert balanced.status(0, step=10) == "stalled at step 0 (balanced on a saddle)"
    assert balanced.all_settled(0)


def test_an_oscillation_growing_without_bound_diverges_it_does_not_leave():
    run = Comparison(RAVINE, [OptimizerSettings("sgd", alpha=0.05)], RAVINE.start)
    run.ensure(500)
    assert run.diverged_at[0, 0] > 0 and run.left_at[0, 0] == -1


def test_a_slow_ball_on_a_gentle_slope_is_not_at_a_minimum():
    # |∇L| and |p| are tiny and the Hessian is positive, but the minimum is 4 away.
    gentle = resolve_landscape("0.5*1e-8*x**2 + 0.5*y**2")
    run = Comparison(gentle, [OptimizerSettings("sgd", alpha=0.1)], (4.0, 0.0))
    run.ensure(50)
    assert run.converged_at[0, 0] == -1 and run.status(0, step=50) == "running"


def test_tolerances_scale_with_the_landscape_not_fixed_absolutes():
    # The same ravine in other units (L × 1000, α / 1000) converges at the same step.
    scaled = resolve_landscape("500*(x**2 + 100*y**2)", domain=RAVINE.domain)
    steps = []
    for landscape, alpha in ((RAVINE, 0.018), (scaled, 0.018 / 1000)):
        run = Comparison(landscape, [OptimizerSettings("momentum", alpha=alpha, mu=0.9)],
                         RAVINE.start)
        run.ensure(1000)
        steps.append(int(run.converged_at[0, 0]))
    assert steps[0] == 280 and abs(steps[1] - steps[0]) <= 1


def test_the_map_and_the_swarm_use_the_same_outcomes():
    batch = run_batch(SADDLE, np.array([-1.8, 1e-14]), np.array([0.05]), np.array([0.0]), 600)
    assert int(batch.left_at[0]) == 377 and int(batch.converged_at[0]) == -1
    sweep = run_sweep(SADDLE, (-1.8, 1e-14), SweepGrid((0.04, 0.05), (0.0, 0.5), 2, 2), 600)
    assert np.all(np.isnan(sweep.values))      # not converged, and not an instability
    labels = destinations(SADDLE, OptimizerSettings("sgd", alpha=0.05), swarm_starts(SADDLE, 6),
                          steps=600)
    assert np.all(labels == LEFT)
