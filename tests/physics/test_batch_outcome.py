"""The map's kernel drops stopped balls and screens each step before judging it: neither
changes a recorded step or a final place, bit for bit, against the panes' run."""

import numpy as np
import pytest

from optimizers import OptimizerSettings
from physics import batch as batch_module
from physics.batch import run_batch
from physics.builtins import builtin
from physics.catalog import resolve_landscape
from physics.gradients import make_gradient_source
from physics.outcome import BatchOutcome, Tolerances
from physics.stepping import Lockstep

FIELDS = ("converged_at", "diverged_at", "left_at")


def _same(a, b):
    """Equal bit for bit: values, NaNs where NaNs are, and the signs of zeros."""
    return np.array_equal(a, b, equal_nan=True) and np.array_equal(np.signbit(a), np.signbit(b))


def _assert_like_the_panes(landscape, starts, alpha, mu, steps, *, nesterov=False, sigma=0.0,
                           tolerances=None, signs=True):
    """The batch against the panes' loop, stepped as swarm mode steps it (to the end,
    or until every ball has stopped)."""
    name = "nesterov" if nesterov else "momentum"
    balls = Lockstep(landscape, [OptimizerSettings(name, alpha=alpha, mu=mu)], starts,
                     make_gradient_source(landscape, sigma, 4, None), tolerances)
    for _ in range(steps):
        if balls.outcome.all_stopped():
            break
        balls.advance()
    got = run_batch(landscape, starts, alpha, mu, steps, nesterov=nesterov, sigma=sigma, seed=4,
                    tolerances=tolerances)
    if signs:
        assert _same(got.positions, balls.positions[0])
    np.testing.assert_array_equal(got.positions, balls.positions[0])
    for field in FIELDS:
        np.testing.assert_array_equal(getattr(got, field), getattr(balls.outcome, field)[0], field)
    return got


def _grid(landscape, per_side):
    xmin, xmax, ymin, ymax = landscape.domain
    xs, ys = np.meshgrid(np.linspace(xmin, xmax, per_side), np.linspace(ymin, ymax, per_side))
    return np.column_stack([xs.ravel(), ys.ravel()])


@pytest.mark.parametrize("nesterov, sigma", [(False, 0.0), (True, 0.0), (False, 0.3)])
def test_balls_that_wander_into_nan_stop_on_the_same_step(nesterov, sigma):
    """log(x) is NaN for x < 0: balls start there, overshoot into it, or settle at the
    minimum near x = 1.7."""
    landscape = resolve_landscape("(x - 2)**2 + y**2 + log(x)")
    got = _assert_like_the_panes(landscape, _grid(landscape, 15), 0.3, 0.8, 300,
                                 nesterov=nesterov, sigma=sigma)
    assert (got.diverged_at == 0).any() and (got.diverged_at > 0).any()
    assert (got.converged_at > 0).any() or sigma > 0


def test_balls_that_leave_a_saddle_are_told_from_those_that_diverge():
    landscape = builtin("saddle")
    got = _assert_like_the_panes(landscape, _grid(landscape, 12), 0.3, 0.9, 400)
    assert (got.left_at >= 0).any()


def test_a_ball_frozen_at_minus_zero_keeps_the_kernels_sign_of_zero():
    """The kernel has always stepped a stopped ball by +0.0 once more while other balls
    move (−0.0 → +0.0; the panes' loop keeps −0.0, the same value): dropping stopped
    balls from the arrays keeps that, and every recorded step."""
    landscape = resolve_landscape("log(y) + x**2")
    starts = np.array([[-0.0, -1.0],      # NaN at step 0
                       [-0.0, 0.05],      # thrown below y = 0 at step 1, frozen at its start
                       [1.0, 2.0]])       # rolls on
    for balls, signs in ((3, [False, False, True]), (2, [False, True]), (1, [False])):
        got = _assert_like_the_panes(landscape, starts[:balls], 0.5, 0.5, 30, signs=False)
        np.testing.assert_array_equal(np.signbit(got.x), signs)


def test_huge_values_only_send_steps_down_the_full_test():
    """Finite states whose products overflow fail the cheap screen, and change nothing."""
    landscape = resolve_landscape("1e150*(x**2 + y**2)", domain=(-5, 5, -5, 5))
    _assert_like_the_panes(landscape, _grid(landscape, 6), 1e-151, 0.5, 60)


@pytest.mark.parametrize("tolerances", [
    Tolerances(gtol=np.inf, xtol=np.inf),          # every ball at rest from step 0
    Tolerances(far=np.inf),                        # nothing is ever out of reach
    Tolerances(gtol=1e-3, xtol=1e-4, newton=1e-2),
])
def test_extreme_tolerances_record_the_same_steps(tolerances):
    landscape = builtin("rosenbrock")
    _assert_like_the_panes(landscape, _grid(landscape, 9), 0.002, 0.9, 300,
                           tolerances=tolerances)


def test_converged_balls_are_judged_in_batches_with_the_same_first_step(monkeypatch):
    """Balls may be judged at rest long after the step; the first step at a minimum is
    still the one recorded, also across many small chunks."""
    landscape = builtin("himmelblau")
    starts = _grid(landscape, 11)
    whole = _assert_like_the_panes(landscape, starts, 0.01, 0.8, 700)
    assert (whole.converged_at > 0).sum() > 50
    monkeypatch.setattr(batch_module, "CHUNK_BALLS", 7)
    split = run_batch(landscape, starts, 0.01, 0.8, 700)
    for field in ("x", "y", *FIELDS):
        assert _same(getattr(split, field), getattr(whole, field)), field


def test_the_batch_rule_says_which_balls_stop_and_forgets_them():
    landscape = builtin("ravine")
    rule = BatchOutcome(landscape, 4)
    w = np.array([[0.5, np.nan, 1e9, 0.25], [0.5, 0.0, 0.0, 0.25]])
    loss = landscape.value_xy(*w)
    gone = rule.judge(0, w, loss, *landscape.grad_xy(*w), np.zeros((2, 4)))
    np.testing.assert_array_equal(gone, [False, True, True, False])
    rule.keep(~gone)
    np.testing.assert_array_equal(rule.ids, [0, 3])
    np.testing.assert_array_equal(rule.diverged_at, [-1, 0, 0, -1])
