"""The ball: μ ↦ friction/viscosity, α ↦ force, and the physics reproduces the optimizer."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optimizers import OptimizerSettings, make
from physics import ball
from physics.builtins import builtin


def _momentum_path(landscape, alpha, mu, start, steps):
    opt = make(OptimizerSettings("momentum", alpha=alpha, mu=mu))
    w = np.array(start, dtype=float)
    state = opt.init(w)
    path = [w]
    for _ in range(steps):
        step, state = opt.update(landscape.grad(w), state, w)
        w = w + step
        path.append(w)
    return np.array(path)


def test_qian_reference_example_maps_both_ways_exactly():
    constants = ball.from_hyperparams(0.01, 0.9, ball.QIAN)
    assert constants.mass == 90 and constants.drag == 10 and constants.force_scale == 1
    assert ball.to_hyperparams(constants) == (0.01, 0.9)


def test_unit_mass_mapping_is_friction_one_minus_mu_and_force_alpha():
    constants = ball.from_hyperparams(0.018, 0.9)
    assert constants.mass == 1 and constants.dt == 1
    assert constants.drag == pytest.approx(0.1)          # 10% of velocity lost per step
    assert constants.force_scale == 0.018                 # F = −α∇L
    assert constants.friction == pytest.approx(0.1)
    # Stokes: drag c = 6πηr.
    assert constants.viscosity == pytest.approx(0.1 / (6 * math.pi * constants.radius))
    assert ball.to_hyperparams(constants) == (0.018, 0.9)


@settings(max_examples=200, deadline=None)
@given(alpha=st.floats(1e-6, 10), mu=st.floats(0, 1),
       mapping=st.sampled_from(ball.MAPPINGS), dt=st.floats(0.01, 10))
def test_mappings_round_trip(alpha, mu, mapping, dt):
    back_alpha, back_mu = ball.to_hyperparams(ball.from_hyperparams(alpha, mu, mapping, dt=dt))
    assert back_alpha == pytest.approx(alpha, rel=1e-12)
    assert back_mu == pytest.approx(mu, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("mapping", ball.MAPPINGS)
@pytest.mark.parametrize("name, alpha, mu, start", [
    ("ravine", 0.018, 0.9, (-4.5, 1.0)),
    ("rosenbrock", 0.001, 0.9, (-1.2, 1.0)),
    ("himmelblau", 0.005, 0.5, (-0.5, -0.5)),
    ("two-gaussian", 0.02, 0.9, (1.9, 1.9)),
])
def test_integrating_the_ball_reproduces_momentum_iterates(mapping, name, alpha, mu, start):
    landscape = builtin(name)
    constants = ball.from_hyperparams(alpha, mu, mapping, dt=0.5 if mapping == ball.QIAN else 1.0)
    physical = ball.integrate(constants, landscape.grad, start, 200)
    optimizer = _momentum_path(landscape, alpha, mu, start, 200)
    np.testing.assert_allclose(physical, optimizer, rtol=0, atol=1e-12 * max(1, np.abs(optimizer).max()))


@pytest.mark.parametrize("mapping", ball.MAPPINGS)
def test_sgd_is_the_fully_damped_limit(mapping):
    landscape = builtin("ravine")
    constants = ball.from_hyperparams(0.018, 0.0, mapping)
    if mapping == ball.QIAN:
        assert constants.mass == 0          # massless: velocity is force / drag
    else:
        assert constants.friction == 1      # all velocity lost every step
    physical = ball.integrate(constants, landscape.grad, (-4.5, 1.0), 50)
    sgd = [np.array([-4.5, 1.0])]
    for _ in range(50):
        sgd.append(sgd[-1] - 0.018 * landscape.grad(sgd[-1]))
    np.testing.assert_allclose(physical, np.array(sgd), atol=1e-12)


def test_effective_step_and_terminal_velocity_on_a_constant_slope():
    """REFERENCE.md: α = 0.01, μ = 0.9 → p₁₀ = −0.0651322 g, p∞ = −0.1 g."""
    assert ball.effective_step(0.01, 0.9) == pytest.approx(0.1)
    opt = make(OptimizerSettings("momentum", alpha=0.01, mu=0.9))
    g = np.array([1.0, 0.0])
    state = opt.init(np.zeros(2))
    for _ in range(10):
        step, state = opt.update(g, state, np.zeros(2))
    assert step[0] == pytest.approx(-0.0651322, abs=1e-7)
    for _ in range(500):
        step, state = opt.update(g, state, np.zeros(2))
    assert step[0] == pytest.approx(-0.1, rel=1e-12)
    assert ball.effective_step(0.01, 1.0) == math.inf


def test_half_life():
    assert ball.half_life(0.9) == pytest.approx(6.5788, abs=1e-4)
    assert ball.half_life(0.5) == pytest.approx(1.0)
    assert ball.half_life(0.0) == 0 and ball.half_life(1.0) == math.inf


def test_physical_energy_can_rise_but_shadow_energy_never_does():
    """REFERENCE.md: on ½(x² + 100y²) with α = 0.01, μ = 0.9 the energy rises at step 2."""
    landscape = builtin("ravine")
    alpha, mu = 0.01, 0.9
    path = _momentum_path(landscape, alpha, mu, (1.0, 1.0), 300)
    p = np.diff(path, axis=0, prepend=path[:1])
    loss, grad = landscape.value(path), landscape.grad(path)
    constants = ball.from_hyperparams(alpha, mu)
    energy = ball.kinetic_energy(constants, p) + ball.potential_energy(constants, loss)
    assert energy[2] > energy[1]
    shadow = ball.shadow_energy(loss, grad, p, alpha, mu)
    drops = np.diff(shadow)
    expected = -((1 - mu) / (4 * alpha)) * np.sum((p[:-1] + p[1:]) ** 2, axis=-1)
    np.testing.assert_allclose(drops[1:], expected[1:], rtol=1e-9, atol=1e-12)
    assert np.all(drops <= 1e-12)


@pytest.mark.parametrize("alpha_lambda, mu, regime", [
    (0.0025, 0.9, "overdamped"),
    ((1 - math.sqrt(0.9)) ** 2, 0.9, "critical"),
    (1.0, 0.9, "ripples"),
    (3.798, 0.9, "flipping"),      # between (1 + √μ)² = 3.7974 and 2(1 + μ) = 3.8
    (3.8, 0.9, "divergent"),
    (0.5, 0.0, "overdamped"),
    (1.0, 0.0, "critical"),
    (1.8, 0.0, "flipping"),        # SGD's zig-zag across the ravine
    (2.0, 0.0, "divergent"),
])
def test_damping_regimes(alpha_lambda, mu, regime):
    assert ball.damping_regime(1.0, mu, alpha_lambda) == regime


def test_regime_at_a_position_reports_the_wildest_direction():
    landscape = builtin("ravine")
    wildest, each = ball.ball_regime(0.018, 0.0, landscape.curvatures(np.zeros(2)))
    assert each == ["overdamped", "flipping"] and wildest == "flipping"
    wildest, each = ball.ball_regime(0.05, 0.9, builtin("saddle").curvatures(np.zeros(2)))
    assert wildest == "repelling"


def test_damping_ratio_of_both_mappings():
    assert ball.damping_ratio(0.01, 0.9, 1.0) == pytest.approx(0.1 / (2 * 0.1))
    assert ball.damping_ratio(0.01, 0.9, 1.0, ball.QIAN) == pytest.approx(0.1 / (2 * math.sqrt(0.009)))


def test_bad_physics_inputs_are_refused():
    with pytest.raises(ValueError, match="mu"):
        ball.from_hyperparams(0.1, 1.5)
    with pytest.raises(ValueError, match="alpha"):
        ball.from_hyperparams(0.0, 0.5)
