"""Each rule's iteration matrix is its real step, and its theory follows from the matrix."""

import math

import numpy as np
import pytest

from optimizers import OptimizerSettings
from physics import iteration
from physics.catalog import resolve_landscape
from physics.simulation import Comparison, Tolerances

BOWL = resolve_landscape("0.5*(4*x**2 + 0.25*y**2)")     # curvatures 4 and 0.25 on the axes


@pytest.mark.parametrize("rule, alpha, mu", [("sgd", 0.1, 0.0), ("momentum", 0.1, 0.8),
                                            ("nesterov", 0.1, 0.8), ("nesterov", 0.3, 0.5)])
def test_the_matrix_on_w_and_p_is_what_the_optimizer_does(rule, alpha, mu):
    run = Comparison(BOWL, [OptimizerSettings(rule, alpha=alpha, mu=mu)], (1.0, 1.0),
                     tolerances=Tolerances(gtol=0, xtol=0))
    run.ensure(30)
    for axis, lam in ((0, 4.0), (1, 0.25)):
        m = iteration.iteration_matrix(rule, alpha, mu, lam)
        state = np.array([1.0, 0.0])
        for t in range(30):
            state = m @ state
            w, p = run.positions(t + 1)[0, 0, axis], run.velocity(t + 1)[0, 0, axis]
            np.testing.assert_allclose(state, [w, p], rtol=1e-12, atol=1e-15)
        sigma = iteration.eigenvalues(rule, alpha, mu, lam)
        np.testing.assert_allclose(sorted(np.abs(sigma)), sorted(np.abs(np.linalg.eigvals(m))),
                                   rtol=1e-12)


def test_nesterovs_edge_and_critical_point_are_its_own():
    mu, lam = 0.9, 100.0
    edge = float(iteration.stability_edge("nesterov", mu, lam))
    assert edge == pytest.approx(2 * 1.9 / (2.8 * 100))
    assert iteration.rate("nesterov", edge * 0.999, mu, [lam]) < 1 < \
        iteration.rate("nesterov", edge * 1.001, mu, [lam])
    critical = iteration.critical_curvature("nesterov", 0.01, mu)
    first, second = iteration.eigenvalues("nesterov", 0.01, mu, critical)
    assert first == pytest.approx(second)                        # the double root
    # At α = 0.013, μ = 0.9 the steep direction flips for Nesterov, ripples for heavy ball.
    assert iteration.regime("nesterov", 0.013, mu, lam) == "flipping"
    assert iteration.regime("momentum", 0.013, mu, lam) == "ripples"


def test_nesterovs_optimum_is_computed_and_matches_lessard_et_al():
    for kappa in (10.0, 100.0, 1000.0):
        alpha, mu, rate = iteration.optimum("nesterov", 1.0, kappa)
        assert alpha == pytest.approx(4 / (3 * kappa + 1), rel=1e-4)
        assert rate == pytest.approx(1 - 2 / math.sqrt(3 * kappa + 1), rel=1e-4)
        # and it is heavy ball's Polyak optimum that wins on a quadratic
        assert iteration.optimum("momentum", 1.0, kappa)[2] < rate


def test_the_adaptive_rules_have_no_such_theory():
    with pytest.raises(iteration.NoTheory, match="adam has no quadratic theory"):
        iteration.rate("adam", 0.1, 0.9, [1.0])
