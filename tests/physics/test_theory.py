"""The numbers REFERENCE.md quotes, from the formulas and from real runs of the core."""

import math

import numpy as np
import pytest

from optimizers import OptimizerSettings
from physics import iteration, theory
from physics.batch import run_batch
from physics.builtins import builtin
from physics.landscape import Landscape
from physics.simulation import Comparison

CURVATURES = (1.0, 100.0)   # L = ½(x² + 100y²), the ravine


def _distances(name, alpha, mu, steps=3000):
    ravine = builtin("ravine")
    comparison = Comparison(ravine, [OptimizerSettings(name, alpha=alpha, mu=mu)], (1.0, 1.0),
                            tolerances=theory_tolerances())
    comparison.ensure(steps)
    return np.linalg.norm(comparison.trail(steps)[:, 0, 0], axis=-1)


def theory_tolerances():
    from physics.simulation import Tolerances
    return Tolerances(gtol=0.0, xtol=0.0)  # never stop: we measure the whole run


def test_reference_rates_from_formulas():
    assert iteration.rate("sgd", 0.01, 0.0, CURVATURES) == pytest.approx(0.99)
    alpha, rate = iteration.optimum("sgd", *CURVATURES)[::2]
    assert alpha == pytest.approx(2 / 101) and rate == pytest.approx(0.980198, abs=1e-6)
    assert iteration.rate("momentum", 0.01, 0.9, CURVATURES) == pytest.approx(math.sqrt(0.9))
    assert math.sqrt(0.9) == pytest.approx(0.948683, abs=1e-6)
    alpha, mu, rate = iteration.optimum("momentum", *CURVATURES)
    assert (alpha, mu, rate) == pytest.approx((4 / 121, 81 / 121, 9 / 11))
    assert iteration.rate("momentum", alpha, mu, CURVATURES) == pytest.approx(9 / 11)


@pytest.mark.parametrize("name, alpha, mu, expected, steps", [
    ("sgd", 0.01, 0.0, 0.99, 3000),
    ("sgd", 2 / 101, 0.0, 0.980198, 3000),
    ("momentum", 0.01, 0.9, math.sqrt(0.9), 3000),
    ("momentum", 4 / 121, 81 / 121, 9 / 11, 1200),   # shorter: 9/11 per step underflows
])
def test_measured_rates_agree_with_theory(name, alpha, mu, expected, steps):
    distances = _distances(name, alpha, mu, steps)
    # Envelope over 100-step windows (ripples); a long run hides the Jordan block's t·rᵗ.
    assert theory.measured_rate(distances, skip=300, window=100) == pytest.approx(expected, rel=3e-3)


def test_stability_edge_is_where_runs_start_to_diverge():
    mu = 0.9
    edge = float(iteration.stability_edge("momentum", mu, 100.0))
    assert edge == pytest.approx(0.038)
    ravine = builtin("ravine")
    alphas = np.array([edge * 0.98, edge * 1.02])
    result = run_batch(ravine, np.array([1.0, 1.0]), alphas, mu, 2000)
    assert result.diverged_at[0] == -1 and result.converged_at[0] > 0
    assert result.diverged_at[1] > 0


def test_critical_damping_is_the_fastest_monotone_approach():
    """At μ = (1 − √(αλ))² the ball neither overshoots nor lingers: rate 1 − √(αλ)."""
    alpha, lam = 0.01, 1.0
    mu = float(iteration.critical_mu("momentum", alpha, lam))
    assert iteration.rate("momentum", alpha, mu, [lam]) == pytest.approx(1 - math.sqrt(alpha * lam), rel=1e-6)
    assert iteration.rate("momentum", alpha, mu * 1.2, [lam]) > iteration.rate("momentum", alpha, mu, [lam])
    assert iteration.rate("momentum", alpha, mu * 0.8, [lam]) > iteration.rate("momentum", alpha, mu, [lam])


def _bowl():
    """½(x² + y²): λ = 1 in every direction."""
    return Landscape("bowl", "bowl", "½(x² + y²)", lambda x, y: 0.5 * (x * x + y * y),
                     lambda x, y: (1.0 * x, 1.0 * y),
                     lambda x, y: (np.ones_like(x), np.zeros_like(x), np.ones_like(x)),
                     domain=(-5, 5, -5, 5))


@pytest.mark.parametrize("mu, expected", [(0.9, 19 / 37), (0.0, 1 / 19)])
def test_stationary_variance_under_gradient_noise(mu, expected):
    assert theory.stationary_variance(0.1, mu, 1.0, 1.0) == pytest.approx(expected)
    # A long noisy run: the time-averaged variance of x matches (both axes, 4 seeds).
    samples = []
    for seed in range(4):
        comparison = Comparison(_bowl(), [OptimizerSettings("momentum", alpha=0.1, mu=mu)],
                                (0.0, 0.0), sigma=1.0, seed=seed, tolerances=theory_tolerances())
        comparison.ensure(6000)
        samples.append(comparison.trail(6000)[500:, 0, 0].ravel())
    assert np.var(np.concatenate(samples)) == pytest.approx(expected, rel=0.12)


def test_nesterov_stability_edge():
    """αλmax < 2(1+μ)/(1+2μ): on the ravine with μ = 0.9, α < 0.01357."""
    limit = float(iteration.stability_edge("nesterov", 0.9, 100.0))
    assert limit == pytest.approx(3.8 / 280)
    ravine = builtin("ravine")
    runs = Comparison(ravine, [OptimizerSettings("nesterov", alpha=limit * 0.97, mu=0.9),
                               OptimizerSettings("nesterov", alpha=limit * 1.03, mu=0.9)], (1.0, 1.0))
    runs.ensure(3000)
    assert runs.diverged_at[0, 0] == -1 and runs.converged_at[0, 0] > 0
    assert runs.diverged_at[1, 0] > 0
