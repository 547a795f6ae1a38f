"""One outcome rule: the step-by-step run, the batched map and the swarm's basins agree."""

import numpy as np

from optimizers import OptimizerSettings
from physics.basins import DIVERGED, destinations, swarm_starts
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
