"""The (α, μ) map: cells are real runs, theory's curves sit where the runs change behaviour."""

import numpy as np
import pytest

from optimizers import OptimizerSettings
from physics import theory
from physics.builtins import builtin
from physics.simulation import Comparison, Tolerances
from physics.sweep import SweepError, SweepGrid, run_sweep
from physics.theory import theory_overlay

RAVINE = builtin("ravine")


@pytest.mark.parametrize("name, measure", [("ravine", "steps-to-tol"), ("rosenbrock", "final-loss"),
                                           ("himmelblau", "divergence")])
def test_every_cell_equals_a_single_run(name, measure):
    landscape = builtin(name)
    grid = SweepGrid((landscape.alpha / 20, landscape.alpha * 4), (0.0, 0.99), 7, 6)
    result = run_sweep(landscape, landscape.start, grid, 600, measure)
    for i in (0, 2, 5):
        for j in (0, 3, 6):
            alpha, mu = float(result.alphas[j]), float(result.mus[i])
            single = Comparison(landscape, [OptimizerSettings("momentum", alpha=alpha, mu=mu)],
                                landscape.start)
            single.ensure(600)
            assert result.converged_at[i, j] == single.converged_at[0, 0]
            assert result.diverged_at[i, j] == single.diverged_at[0, 0]
            if measure == "final-loss" and single.diverged_at[0, 0] < 0:
                assert result.values[i, j] == single.loss(600)[0, 0]


def test_divergence_edge_is_where_theory_puts_it():
    grid = SweepGrid((0.005, 0.08), (0.0, 0.99), 60, 40)
    result = run_sweep(RAVINE, RAVINE.start, grid, 3000, "divergence")
    overlay = theory_overlay(RAVINE, result.alphas)
    a, m = np.meshgrid(result.alphas, result.mus)
    edge = 2 * (1 + m) / 100.0                       # α λmax = 2(1 + μ), λmax = 100
    diverged = result.diverged_at >= 0
    assert np.all(diverged[a > edge * 1.03])
    assert not np.any(diverged[a < edge * 0.97])
    np.testing.assert_allclose(overlay.stability_mu, result.alphas * 100 / 2 - 1)


def test_fastest_cell_is_near_theorys_optimum_with_its_rate():
    grid = SweepGrid((0.005, 0.05), (0.3, 0.95), 80, 80)
    result = run_sweep(RAVINE, RAVINE.start, grid, 3000)
    alpha, mu, steps = result.best()
    a_star, mu_star, rate = theory_overlay(RAVINE, result.alphas).optimum
    assert alpha == pytest.approx(a_star, rel=0.1)
    assert mu == pytest.approx(mu_star, abs=0.05)
    # The measured rate at theory's optimum is the predicted (√κ − 1)/(√κ + 1) = 9/11.
    c = Comparison(RAVINE, [OptimizerSettings("momentum", alpha=a_star, mu=mu_star)], (1.0, 1.0))
    c.ensure(800)
    distances = np.linalg.norm(c.trail(800)[:, 0, 0], axis=-1)
    assert theory.measured_rate(distances, skip=200, window=50) == pytest.approx(rate, rel=5e-3)


def test_no_theory_overlay_off_quadratics():
    assert theory_overlay(builtin("rosenbrock"), [0.001]) is None
    assert theory_overlay(builtin("saddle"), [0.001]) is None      # not positive definite
    assert theory_overlay(builtin("rotated"), [0.001]) is not None


@pytest.mark.parametrize("grid, message", [
    (SweepGrid((0.1, 0.01), (0, 0.9), 5, 5), "alpha range"),
    (SweepGrid((0.0, 0.01), (0, 0.9), 5, 5), "alpha range"),
    (SweepGrid((0.001, 0.01), (0.5, 0.2), 5, 5), "mu range"),
    (SweepGrid((0.001, 0.01), (0, 1.2), 5, 5), "mu range"),
    (SweepGrid((0.001, 0.01), (0, 0.9), 0, 5), "at least"),
    (SweepGrid((0.001, 0.01), (0, 0.9), 2000, 2000), "more than"),
])
def test_bad_grids_are_refused(grid, message):
    with pytest.raises(SweepError, match=message):
        run_sweep(RAVINE, RAVINE.start, grid, 10)




def test_a_nesterov_maps_theory_edge_is_where_its_balls_start_to_diverge():
    # Heavy ball's edge drawn over a Nesterov map had 279 of 2,700 cells diverge inside it.
    grid = SweepGrid((0.002, 0.04), (0.0, 0.99), 60, 45)
    result = run_sweep(RAVINE, RAVINE.start, grid, 3000, "divergence", nesterov=True)
    overlay = theory_overlay(RAVINE, result.alphas, result.rule)
    assert result.rule == "nesterov" and overlay.edge_formula == "αλmax = 2(1+μ)/(1+2μ)"
    a, m = np.meshgrid(result.alphas, result.mus)
    edge = 2 * (1 + m) / ((1 + 2 * m) * 100.0)
    diverged = result.diverged_at >= 0
    assert np.all(diverged[a > edge * 1.03])
    assert not np.any(diverged[a < edge * 0.97])
    alpha, mu, rate = overlay.optimum              # Nesterov's own, not Polyak's
    k = 100.0
    assert alpha == pytest.approx(4 / (3 * 100 + 1), rel=1e-4)
    assert rate == pytest.approx(1 - 2 / np.sqrt(3 * k + 1), rel=1e-4)
    run = Comparison(RAVINE, [OptimizerSettings("nesterov", alpha=alpha, mu=mu)], (1.0, 1.0),
                     tolerances=Tolerances(gtol=0.0, xtol=0.0))
    run.ensure(600)
    distances = np.linalg.norm(run.trail(600)[:, 0, 0], axis=-1)
    assert theory.measured_rate(distances, skip=200, window=50) == pytest.approx(rate, rel=5e-3)
