"""Many seeds: a pane's balls are the runs of seeds 0..N−1, exactly, with common random
numbers across the panes."""

import numpy as np
import pytest

from optimizers.registry import OptimizerSettings
from physics.builtins import builtin
from physics.simulation import Comparison

STEPS = 120


def _settings(landscape):
    return [OptimizerSettings("sgd", alpha=landscape.alpha),
            OptimizerSettings("momentum", alpha=landscape.alpha, mu=0.9),
            OptimizerSettings("nesterov", alpha=landscape.alpha, mu=0.9),
            OptimizerSettings("adam", alpha=landscape.adaptive_alpha)]


@pytest.mark.parametrize("name, noise", [("ravine", {"sigma": 0.5}),
                                         ("rosenbrock", {"sigma": 0.3}),
                                         ("network", {"batch_size": 8}),
                                         ("regression", {"batch_size": 4, "sigma": 0.1})])
def test_ball_k_of_every_pane_is_the_run_on_seed_k_bit_for_bit(name, noise):
    landscape = builtin(name)
    settings = _settings(landscape)
    cloud = Comparison(landscape, settings, landscape.start, seeds=5, **noise)
    cloud.ensure(STEPS)
    assert cloud.shape == (4, 5) and cloud.seeds == 5
    for k in (0, 3, 4):
        alone = Comparison(landscape, settings, landscape.start, seed=k, **noise)
        alone.ensure(STEPS)
        np.testing.assert_array_equal(cloud.trail(STEPS)[:, :, k], alone.trail(STEPS)[:, :, 0])
        np.testing.assert_array_equal(cloud.loss_history(STEPS)[:, :, k],
                                      alone.loss_history(STEPS)[:, :, 0])
        np.testing.assert_array_equal(cloud.states(STEPS)[:, k], alone.states(STEPS)[:, 0])


def test_the_seeds_differ_and_momentum_at_mu_0_ties_sgd_on_each():
    landscape = builtin("ravine")
    settings = [OptimizerSettings("sgd", alpha=0.018),
                OptimizerSettings("momentum", alpha=0.018, mu=0.0)]
    cloud = Comparison(landscape, settings, landscape.start, sigma=0.5, seeds=8)
    cloud.ensure(50)
    end = cloud.positions(50)
    np.testing.assert_array_equal(end[0], end[1])          # the same draws in both panes
    assert len({tuple(p) for p in end[0]}) == 8            # and a different one per seed


def test_without_noise_every_seed_is_the_exact_run():
    landscape = builtin("ravine")
    settings = _settings(landscape)[:2]
    cloud = Comparison(landscape, settings, landscape.start, seeds=3)
    exact = Comparison(landscape, settings, landscape.start)
    cloud.ensure(40), exact.ensure(40)
    for k in range(3):
        np.testing.assert_array_equal(cloud.trail(40)[:, :, k], exact.trail(40)[:, :, 0])


@pytest.mark.parametrize("seeds, start", [(0, (1.0, 1.0)), (257, (1.0, 1.0)),
                                          (4, [[1.0, 1.0], [2.0, 2.0]])])
def test_many_seeds_take_one_start_and_1_to_256_seeds(seeds, start):
    with pytest.raises(ValueError, match="many seeds take one start and 1..256 seeds"):
        Comparison(builtin("ravine"), _settings(builtin("ravine"))[:1], start, sigma=0.5,
                   seeds=seeds)
