"""The analysis behind captions and warnings: measured rates, Nesterov's edge, energies."""

import numpy as np
import pytest

from app.model.analysis import measured_rate, nesterov_warning, pane_energies
from optimizers.registry import OptimizerSettings as S
from physics import iteration
from physics.builtins import builtin
from physics.simulation import Comparison

RAVINE = builtin("ravine")


def test_the_momentum_panes_measured_rate_agrees_with_theory():
    alpha, mu, measured, predicted = measured_rate(RAVINE, S("momentum", alpha=0.018, mu=0.9),
                                                   RAVINE.start)
    assert (alpha, mu) == (0.018, 0.9) and predicted == pytest.approx(0.9486833, rel=1e-6)
    assert measured == pytest.approx(predicted, rel=3e-3)


def test_a_nesterov_panes_rate_is_set_beside_nesterovs_theory():
    alpha, mu, measured, predicted = measured_rate(RAVINE, S("nesterov", alpha=0.01, mu=0.8),
                                                   RAVINE.start)
    assert predicted == pytest.approx(float(iteration.rate("nesterov", 0.01, 0.8, [1, 100])))
    assert predicted != pytest.approx(float(iteration.rate("momentum", 0.01, 0.8, [1, 100])))
    assert measured == pytest.approx(predicted, rel=3e-3)


@pytest.mark.parametrize("landscape, settings, sigma", [
    ("ravine", S("sgd", alpha=0.018), 0.0),                       # not momentum
    ("ravine", S("momentum", alpha=0.018, mu=0.9), 0.5),          # noisy
    ("rosenbrock", S("momentum", alpha=0.001, mu=0.9), 0.0),      # not a quadratic
])
def test_no_rate_where_theory_does_not_apply(landscape, settings, sigma):
    land = builtin(landscape)
    assert measured_rate(land, settings, land.start, sigma) is None


def test_nesterov_is_warned_about_past_its_own_stability_edge():
    # αλmax < 2(1+μ)/(1+2μ): λmax = 100, μ = 0.9 → α < 0.01357.
    assert "α < 0.0136" in nesterov_warning(RAVINE, S("nesterov", alpha=0.018, mu=0.9))
    assert nesterov_warning(RAVINE, S("nesterov", alpha=0.013, mu=0.9)) is None
    assert nesterov_warning(RAVINE, S("momentum", alpha=0.018, mu=0.9)) is None
    assert nesterov_warning(builtin("rosenbrock"), S("nesterov", alpha=0.1)) is None


def test_shadow_energy_never_rises_though_the_physical_energy_does():
    run = Comparison(RAVINE, [S("momentum", alpha=0.018, mu=0.9)], RAVINE.start)
    run.ensure(150)
    energies = pane_energies(run, 0, 150)
    assert set(energies) == {"potential", "kinetic", "total", "shadow"}
    assert np.all(np.diff(energies["shadow"]) <= 1e-12)
    assert np.any(np.diff(energies["total"]) > 0)
    adam = Comparison(RAVINE, [S("adam", alpha=0.1)], RAVINE.start)
    adam.ensure(5)
    assert set(pane_energies(adam, 0, 5)) == {"loss"}


@pytest.mark.parametrize("settings, run_options", [
    (S("nesterov", alpha=0.0139, mu=0.74), {}),
    (S("momentum", alpha=0.018, mu=0.9, mu_schedule=("ramp", 0.5, 0.9, 50)), {}),
    (S("momentum", alpha=0.018, mu=0.9), {"sigma": 0.5}),
])
def test_no_shadow_energy_where_it_is_not_a_lyapunov_function(settings, run_options):
    run = Comparison(RAVINE, [settings], RAVINE.start, **run_options)
    run.ensure(200)
    assert "shadow" not in pane_energies(run, 0, 200)


def test_with_nesterov_the_shadow_energy_would_rise():
    # Why it is not drawn there: computed anyway, it goes up (27.0 → 30.1 early on).
    from physics import ball
    run = Comparison(RAVINE, [S("nesterov", alpha=0.0139, mu=0.74)], RAVINE.start)
    run.ensure(200)
    shadow = ball.shadow_energy(run.loss_history(200)[:, 0, 0], run.grad_history(200)[:, 0, 0],
                                run.velocity_history(200)[:, 0, 0], 0.0139, 0.74)
    assert np.any(np.diff(shadow) > 1.0)
