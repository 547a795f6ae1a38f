"""Steps in chunks are the steps one at a time, bit for bit, and judged by the same rule.

The lockstep runs the sequential update for a chunk of steps, then measures (L, ∇L) and
judges (converged, stalled, diverged, left) the whole chunk at once. These tests hold
it to the per-step path on this machine's numpy — including the transcendental
landscapes, whose vectorised exp/sin/cos must not depend on the array's length — and
through divergence, leaving the domain, convergence and stalls.
"""

import numpy as np
import pytest

from optimizers import OptimizerSettings
from physics.builtins import builtin
from physics.catalog import resolve_landscape
from physics.gradients import make_gradient_source
from physics.outcome import OutcomeTracker
from physics.simulation import Comparison, walk
from physics.stepping import Lockstep

ALL = ("sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad")


def _settings(landscape, alpha_scale=1.0):
    return [OptimizerSettings(name, alpha=alpha_scale * (landscape.adaptive_alpha if name in
                                                         ("adam", "rmsprop", "adagrad")
                                                         else landscape.alpha), mu=0.9)
            for name in ALL]


def _one_at_a_time(landscape, settings, starts, steps, **noise):
    """Every step's record from walk(1): the per-step path."""
    balls = Lockstep(landscape, settings, starts, make_gradient_source(landscape, **noise))
    records = [balls.current()]
    for _ in range(steps):
        if balls.outcome.all_stopped():
            break
        records.append(balls.walk(1))
    return balls, [np.concatenate([getattr(r, name) for r in records])
                   for name in ("positions", "velocity", "grads", "loss", "states")]


@pytest.mark.parametrize("name, noise", [
    ("ravine", {}), ("rosenbrock", {"sigma": 0.3, "seed": 2}), ("rastrigin", {"sigma": 1.0}),
    ("two-gaussian", {}), ("himmelblau", {}), ("saddle", {}),
    ("sin(x)*cos(y) + 0.1*x**2 + exp(-y**2)", {}),
    ("regression", {"batch_size": 8, "seed": 3, "sigma": 0.1}),
])
def test_a_chunked_history_is_the_step_by_step_one_bit_for_bit(name, noise):
    landscape = resolve_landscape(name)
    xmin, xmax, ymin, ymax = landscape.domain
    starts = np.array([landscape.start, (0.3 * xmin, 0.6 * ymax), (0.9 * xmax, 0.2 * ymin)])
    settings = _settings(landscape, 3.0)        # a few of these diverge or leave
    run = Comparison(landscape, settings, starts, **noise)
    run.ensure(700)
    balls, (pos, vel, grads, loss, states) = _one_at_a_time(landscape, settings, starts, 700,
                                                            **noise)
    last = run.computed_steps
    assert last == balls.t
    np.testing.assert_array_equal(run.trail(last), pos)
    np.testing.assert_array_equal(run.velocity_history(last), vel)
    np.testing.assert_array_equal(run.grad_history(last), grads)
    np.testing.assert_array_equal(run.loss_history(last), loss)
    np.testing.assert_array_equal(run._states[:last + 1], states)
    for event in ("converged_at", "diverged_at", "left_at"):
        np.testing.assert_array_equal(getattr(run, event), getattr(balls.outcome, event))


def test_the_chunked_run_stops_at_the_step_every_ball_stopped():
    ravine = builtin("ravine")
    run = Comparison(ravine, [OptimizerSettings("momentum", alpha=1.0)], ravine.start)
    last = run.ensure(5000)
    assert last == run.diverged_at[0, 0] == run._balls.t
    assert run.all_stopped()


def _judged_one_at_a_time(tracker, x, y, loss, gx, gy, px, py):
    states = []
    for t in range(len(x)):
        gone = tracker.record(t, x[t], y[t], loss[t], gx[t], gy[t])
        if t > 0:
            for a in (x, y, loss, gx, gy):
                a[t][gone] = a[t - 1][gone]
            px[t][gone] = py[t][gone] = 0.0
        tracker.record_rest(t, x[t], y[t], gx[t], gy[t], px[t], py[t])
        states.append(tracker.state.copy())
    return np.array(states)


def test_judging_a_chunk_replays_the_per_step_rule():
    # Balls that converge, stall on a saddle and roll off, diverge (NaN, or far away with
    # a higher loss) and leave (far away, lower loss), in chunks of every size.
    saddle = builtin("saddle")
    rng = np.random.default_rng(1)
    n, balls = 60, 12
    x, y = rng.normal(0, 0.5, (n, balls)), rng.normal(0, 0.5, (n, balls))
    x[20:, 0] = y[20:, 0] = 0.0                            # balanced on the saddle
    x[5:15, 1], y[5:15, 1] = 1e-9, 0.0                      # stalls, then moves on
    x[30:, 2] = np.nan                                       # diverges
    y[40:, 3] = 1e3                                          # leaves: x² − y² falls
    x[41:, 4] = 1e3                                          # runs away uphill: diverges
    y[10:, 5] = 1e3
    x[10:, 5] = np.nan                                       # both at once: diverges
    x[0, 6] = np.inf                                         # stops at step 0
    with np.errstate(all="ignore"):
        loss = saddle.value_xy(x, y)
        gx, gy = saddle.grad_xy(x, y)
        px, py = np.diff(x, axis=0, prepend=x[:1]), np.diff(y, axis=0, prepend=y[:1])
    px[:, :2] = py[:, :2] = 0.0
    arrays = (x, y, loss, gx, gy, px, py)
    expected = OutcomeTracker(saddle, (balls,))
    want = _judged_one_at_a_time(expected, *[a.copy() for a in arrays])
    for size in (1, 2, 7, 13, n):
        tracker = OutcomeTracker(saddle, (balls,))
        got = [tracker.record_steps(t, *[a[t:t + size] for a in arrays])[0]
               for t in range(0, n, size)]
        np.testing.assert_array_equal(np.concatenate(got), want, err_msg=f"chunks of {size}")
        for event in ("converged_at", "diverged_at", "left_at"):
            np.testing.assert_array_equal(getattr(tracker, event), getattr(expected, event))
    assert set(np.unique(want)) >= {0, 2, 4, 5, 6}


def test_the_stall_start_the_lockstep_keeps_is_the_historys():
    saddle = builtin("saddle")
    settings = [OptimizerSettings("momentum", alpha=0.05, mu=0.5),
                OptimizerSettings("sgd", alpha=0.05)]
    starts = [(-1e-7, 1e-14), (0.0, 0.0), (0.5, 0.0)]
    run = Comparison(saddle, settings, starts)
    balls = Lockstep(saddle, settings, starts, make_gradient_source(saddle))
    for target in (1, 5, 40, 41, 300, 2000):
        run.ensure(target)
        for _ in walk(balls, target):
            pass
        state, since = balls.state_since()
        for i in range(2):
            for b in range(3):
                assert run.state_since(i, b, target) == (state[i, b], since[i, b])
