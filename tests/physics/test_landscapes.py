"""Built-in landscapes: formulas, derivatives, minima, and the stories they are set up to tell."""

import numpy as np
import pytest

from optimizers import OptimizerSettings
from physics.builtins import BUILTIN_NAMES, all_builtins, builtin
from physics.regression import Dataset, regression_landscape
from physics.simulation import Comparison

LANDSCAPES = all_builtins()
IDS = [landscape.name for landscape in LANDSCAPES]


def _points(landscape, n=7, seed=0):
    rng = np.random.default_rng(seed)
    xmin, xmax, ymin, ymax = landscape.domain
    return np.c_[rng.uniform(xmin, xmax, n), rng.uniform(ymin, ymax, n)]


@pytest.mark.parametrize("landscape", LANDSCAPES, ids=IDS)
def test_gradient_matches_finite_differences(landscape):
    points = _points(landscape)
    h = 1e-6
    fd = np.stack([(landscape.value(points + [h, 0]) - landscape.value(points - [h, 0])) / (2 * h),
                   (landscape.value(points + [0, h]) - landscape.value(points - [0, h])) / (2 * h)], -1)
    grad = landscape.grad(points)
    assert grad.shape == (7, 2)
    np.testing.assert_allclose(grad, fd, rtol=1e-6, atol=1e-5 * (1 + np.abs(grad).max()))


@pytest.mark.parametrize("landscape", LANDSCAPES, ids=IDS)
def test_hessian_matches_finite_differences_and_is_symmetric(landscape):
    points = _points(landscape)
    h = 1e-6
    fd = np.stack([(landscape.grad(points + [h, 0]) - landscape.grad(points - [h, 0])) / (2 * h),
                   (landscape.grad(points + [0, h]) - landscape.grad(points - [0, h])) / (2 * h)], -2)
    hess = landscape.hessian(points)
    assert hess.shape == (7, 2, 2)
    np.testing.assert_allclose(hess, np.swapaxes(hess, -1, -2))
    np.testing.assert_allclose(hess, fd, rtol=1e-5, atol=1e-5 * (1 + np.abs(hess).max()))


@pytest.mark.parametrize("landscape", LANDSCAPES, ids=IDS)
def test_minima_are_stationary_minima_inside_the_domain(landscape):
    xmin, xmax, ymin, ymax = landscape.domain
    for x, y in landscape.minima:
        assert xmin <= x <= xmax and ymin <= y <= ymax
        g = landscape.grad(np.array([x, y]))
        assert np.linalg.norm(g) < 1e-8
        assert np.all(landscape.curvatures(np.array([x, y])) > 0)


@pytest.mark.parametrize("landscape", LANDSCAPES, ids=IDS)
def test_vectorised_over_any_leading_shape(landscape):
    grid = _points(landscape, 12).reshape(3, 4, 2)
    assert landscape.value(grid).shape == (3, 4)
    assert landscape.grad(grid).shape == (3, 4, 2)
    assert landscape.hessian(grid).shape == (3, 4, 2, 2)
    np.testing.assert_array_equal(landscape.grad(grid)[1, 2], landscape.grad(grid[1, 2]))


def test_reference_minima_and_values():
    assert builtin("rosenbrock").minima == ((1.0, 1.0),)
    assert builtin("beale").minima == ((3.0, 0.5),)
    assert builtin("booth").minima == ((1.0, 3.0),)
    himmelblau = np.array(builtin("himmelblau").minima)
    np.testing.assert_allclose(himmelblau, [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186],
                                            [3.584428, -1.848126]], atol=1e-6)
    camel = builtin("camel")
    np.testing.assert_allclose(camel.value(np.array(camel.minima)), -1.0316, atol=1e-4)
    np.testing.assert_allclose(np.abs(camel.minima), [[0.0898, 0.7126]] * 2, atol=1e-4)
    bowl = builtin("two-gaussian")
    global_min, local_min = np.array(bowl.minima)
    assert global_min[0] < 0 < local_min[0]
    assert bowl.value(global_min) < bowl.value(local_min)
    assert builtin("saddle").minima == ()
    assert builtin("rastrigin").value(np.zeros(2)) == 0


def test_regression_matches_reference_check():
    """REFERENCE.md: x = (−1..3), y = 2x + 1 → H = [[3,1],[1,1]], L(0,0) = 8.5, ∇L = (−7, −3)."""
    x = np.array([-1.0, 0, 1, 2, 3])
    landscape = regression_landscape(Dataset(x, 2 * x + 1))
    origin = np.zeros(2)
    assert landscape.value(origin) == pytest.approx(8.5)
    np.testing.assert_allclose(landscape.grad(origin), [-7, -3])
    np.testing.assert_allclose(landscape.hessian(origin), [[3, 1], [1, 1]])
    np.testing.assert_allclose(np.sort(landscape.curvatures(origin)), [2 - np.sqrt(2), 2 + np.sqrt(2)])
    np.testing.assert_allclose(landscape.minima, [(2.0, 1.0)])


def test_shipped_dataset_is_a_ravine_with_its_least_squares_minimum():
    landscape = builtin("regression")
    (w, b), = landscape.minima
    assert abs(w - 2) < 0.2 and abs(b - 1) < 0.3
    lam = np.sort(landscape.curvatures(np.array([w, b])))
    assert lam[1] / lam[0] > 20


def test_every_builtin_has_a_sensible_default_start():
    for landscape in LANDSCAPES:
        xmin, xmax, ymin, ymax = landscape.domain
        sx, sy = landscape.start
        assert xmin <= sx <= xmax and ymin <= sy <= ymax, landscape.name
    assert set(BUILTIN_NAMES) >= {"ravine", "rotated", "rosenbrock", "beale", "himmelblau",
                                  "saddle", "rastrigin", "booth", "camel", "two-gaussian",
                                  "regression"}


def _race(name, steps=3000):
    landscape = builtin(name)
    comparison = Comparison(landscape, [OptimizerSettings("sgd", alpha=landscape.alpha),
                                        OptimizerSettings("momentum", alpha=landscape.alpha,
                                                          mu=landscape.mu)], landscape.start)
    comparison.ensure(steps)
    return comparison


def test_ravine_tells_the_seed_story():
    """SGD zig-zags across the valley and creeps along it; momentum arrives far sooner."""
    comparison = _race("ravine")
    sgd_steps, momentum_steps = comparison.converged_at[:, 0]
    assert momentum_steps > 0 and sgd_steps > 2 * momentum_steps
    y = comparison.trail(20)[:, 0, 0, 1]
    assert np.all(np.sign(y[1:]) == -np.sign(y[:-1]))     # SGD flips across every step
    x = comparison.trail(300)[:, :, 0, 0]
    assert np.any(x[:, 1] > 0)                            # momentum overshoots the minimum
    assert np.all(x[:, 0] <= 0)                           # SGD only creeps towards it


def test_two_gaussian_bowl_momentum_escapes_the_local_minimum():
    comparison = _race("two-gaussian")
    final = comparison.positions(comparison.computed_steps)[:, 0]
    assert final[0, 0] > 0   # SGD settles in the nearer, local well
    assert final[1, 0] < 0   # momentum rolls on to the global one

