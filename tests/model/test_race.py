"""The race's statistics: quartiles with "never", and the paired Wilson interval."""

import math

import numpy as np
import pytest

from app.model.race import paired, quartiles, run_race
from optimizers.registry import OptimizerSettings as S
from physics.builtins import builtin


def test_quartiles_interpolate_and_never_is_later_than_any_step():
    q = quartiles(np.array([4.0, 1.0, 3.0, 2.0]))
    assert (q.q1, q.median, q.q3) == (1.75, 2.5, 3.25)
    q = quartiles(np.array([1.0, 2.0, math.inf, math.inf]))
    assert q.q1 == 1.75 and math.isinf(q.median) and math.isinf(q.q3)


def test_the_paired_interval_is_wilsons():
    every = paired(np.ones(8, bool), np.zeros(8, bool))
    assert (every.wins, every.losses, every.ties, every.fraction) == (8, 0, 0, 1.0)
    assert every.low == pytest.approx(0.6756, abs=1e-4) and every.high == 1.0
    half = paired(np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0], bool),
                  np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0], bool))
    assert (half.wins, half.losses, half.ties) == (5, 5, 1)
    assert half.low == pytest.approx(0.2366, abs=1e-4) and half.high == pytest.approx(0.7634, abs=1e-4)
    tied = paired(np.zeros(3, bool), np.zeros(3, bool))
    assert tied.ties == 3 and math.isnan(tied.fraction)


def test_every_optimizer_of_a_seed_sees_the_same_noise():
    # Momentum with μ = 0 is SGD bit for bit on every seed: the same draws, the same steps.
    ravine = builtin("ravine")
    race = run_race(ravine, [S("sgd", alpha=0.018), S("momentum", alpha=0.018, mu=0.0)],
                    ravine.start, seeds=5, steps=200, sigma=0.5)
    np.testing.assert_array_equal(race.final_loss[:, 0], race.final_loss[:, 1])
    np.testing.assert_array_equal(race.steps_to_tol[:, 0], race.steps_to_tol[:, 1])
    assert race.first_to_tol(0, 1).ties == 5
    assert len(set(race.final_loss[:, 0])) == 5                 # and seeds differ


def test_on_a_quadratic_the_mean_final_loss_sits_at_theorys_noise_floor():
    # E[L − L_min] = Σ ½λ Var w (REFERENCE.md): momentum's floor is higher, its effective
    # step α/(1 − μ) being ten times SGD's. Seeds 0..99, 600 steps (long past the transient).
    ravine = builtin("ravine")
    race = run_race(ravine, [S("sgd", alpha=0.018), S("momentum", alpha=0.018, mu=0.9),
                             S("adam", alpha=0.05)], ravine.start, seeds=100, steps=600, sigma=0.5)
    sgd, heavy, adam = race.noise_floors
    assert adam is None and heavy > 2 * sgd
    assert race.final_mean(0) == pytest.approx(sgd, rel=0.3)
    assert race.final_mean(1) == pytest.approx(heavy, rel=0.3)
