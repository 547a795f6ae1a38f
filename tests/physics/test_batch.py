"""The batched kernel: chunks, threads and in-place updates change no number, and the
swarm's basins are the same whichever loop runs them."""

import numpy as np
import pytest

from optimizers import OptimizerSettings
from optimizers.sgd import heavy_ball_velocity, nesterov_lookahead
from physics import basins
from physics import batch as batch_module
from physics.basins import destinations, swarm_starts
from physics.batch import heavy_ball_in_place, lookahead_into, run_batch
from physics.builtins import builtin
from physics.catalog import resolve_landscape
from physics.simulation import Comparison

SPECIAL = np.array([0.0, -0.0, 1e-320, -1e-320, 1e308, -1e308, np.inf, -np.inf, np.nan, 3.5])


def _same(a, b):
    """Equal bit for bit: values, NaNs where NaNs are, and the signs of zeros."""
    return np.array_equal(a, b, equal_nan=True) and np.array_equal(np.signbit(a), np.signbit(b))


@pytest.mark.parametrize("per_ball", [False, True])
def test_the_in_place_heavy_ball_line_is_the_optimizers_line_bit_for_bit(per_ball):
    rng = np.random.default_rng(3)
    p = np.concatenate([SPECIAL, rng.normal(size=500) * 10.0 ** rng.integers(-300, 300, 500)])
    g = rng.permutation(p)
    n = len(p)
    alpha = rng.uniform(1e-6, 1.0, n) if per_ball else 0.0123
    mu = rng.uniform(0.0, 0.999, n) if per_ball else 0.9
    expected = heavy_ball_velocity(p, g, alpha, mu)
    got = p.copy()
    with np.errstate(all="ignore"):
        heavy_ball_in_place(got, g, alpha, mu, np.empty(n))
    assert _same(got, expected)
    with np.errstate(all="ignore"):
        assert _same(lookahead_into(p, g, mu, np.empty(n)), nesterov_lookahead(p, g, mu))


@pytest.mark.parametrize("nesterov, sigma", [(False, 0.0), (True, 0.0), (False, 0.4), (True, 0.4)])
def test_chunks_and_threads_change_no_number(monkeypatch, nesterov, sigma):
    landscape = builtin("himmelblau")
    starts = swarm_starts(landscape, 23)          # 529 balls, some diverge
    rng = np.random.default_rng(0)
    alphas = rng.uniform(0.002, 0.03, len(starts))
    mus = rng.uniform(0.0, 0.95, len(starts))
    whole = run_batch(landscape, starts, alphas, mus, 300, nesterov=nesterov, sigma=sigma, seed=9)
    assert (whole.diverged_at >= 0).any()
    assert sigma > 0 or (whole.converged_at >= 0).any()
    monkeypatch.setattr(batch_module, "CHUNK_BALLS", 37)
    for threads in (1, 3):
        split = run_batch(landscape, starts, alphas, mus, 300, nesterov=nesterov, sigma=sigma,
                          seed=9, threads=threads)
        for field in ("x", "y", "converged_at", "diverged_at", "left_at"):
            assert _same(getattr(split, field), getattr(whole, field)), (threads, field)


def test_a_batch_whose_balls_all_diverge_ends_where_the_run_ends():
    """The kernel stops a chunk once every ball has stopped; the run goes on (frozen)."""
    landscape = builtin("ravine")
    starts = swarm_starts(landscape, 4)          # no ball at the minimum (0, 0)
    settings = OptimizerSettings("momentum", alpha=5.0, mu=0.9)   # past both stability edges
    run = Comparison(landscape, [settings], starts)
    run.ensure(400)
    assert (run.diverged_at[0] >= 0).all()
    result = run_batch(landscape, starts, 5.0, 0.9, 400)
    np.testing.assert_array_equal(result.positions, run.positions(run.computed_steps)[0])
    np.testing.assert_array_equal(result.diverged_at, run.diverged_at[0])


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov"])
@pytest.mark.parametrize("sigma", [0.0, 0.3])
def test_the_swarms_batched_path_ends_where_the_panes_run_ends(name, sigma):
    landscape = builtin("himmelblau")
    starts = swarm_starts(landscape, 9)
    settings = OptimizerSettings(name, alpha=0.02, mu=0.0 if name == "sgd" else 0.9)
    run = Comparison(landscape, [settings], starts, sigma=sigma, seed=5)
    run.ensure(500)
    result = run_batch(landscape, starts, settings.alpha, settings.effective_mu, 500,
                       nesterov=name == "nesterov", sigma=sigma, seed=5)
    np.testing.assert_array_equal(result.positions, run.positions(500)[0])
    for field in ("converged_at", "diverged_at", "left_at"):
        np.testing.assert_array_equal(getattr(result, field), getattr(run, field)[0])


@pytest.mark.parametrize("settings", [
    OptimizerSettings("sgd", alpha=0.02),
    OptimizerSettings("momentum", alpha=0.02, mu=0.9),       # some balls blow up
    OptimizerSettings("nesterov", alpha=0.01, mu=0.8),
])
def test_basins_are_the_same_through_either_loop(monkeypatch, settings):
    landscape = builtin("himmelblau")
    starts = swarm_starts(landscape, 14)
    batched = destinations(landscape, settings, starts, steps=400, sigma=0.2, seed=1)
    monkeypatch.setattr(basins, "_batched", lambda settings, source: False)
    stepped = destinations(landscape, settings, starts, steps=400, sigma=0.2, seed=1)
    np.testing.assert_array_equal(batched, stepped)
    assert len(set(batched.tolist())) > 2      # several basins, not one trivial answer


def test_schedules_and_adaptive_rules_still_run_in_lockstep(monkeypatch):
    calls = []
    monkeypatch.setattr(basins, "run_batch", lambda *a, **k: calls.append(a))
    landscape = resolve_landscape("x**2 + 3*y**2")
    for settings in (OptimizerSettings("adam", alpha=0.05),
                     OptimizerSettings("momentum", alpha=0.05, mu_schedule=("ramp", 0.5, 0.9, 50))):
        labels = destinations(landscape, settings, swarm_starts(landscape, 4), steps=50)
        assert labels.shape == (16,)
    assert calls == []
