"""The network landscape is a real network's loss: forward and backward passes over data."""

import math

import numpy as np
import pytest

from optimizers.registry import OptimizerSettings as S
from physics.builtins import builtin
from physics.gradients import MinibatchGradient, make_gradient_source
from physics.network import POINTS, TanhUnit, teacher_data
from physics.simulation import Comparison

NETWORK = builtin("network")
POINTS_TO_CHECK = [(0.7, -1.3), (-2.1, 0.4), (1.6, 2.2), (0.05, 0.02)]


def test_the_loss_is_the_lectures_forward_pass_over_every_data_point():
    u, y = teacher_data()
    assert len(u) == POINTS and np.all(np.abs(u) <= 2)
    for w, v in POINTS_TO_CHECK:
        by_hand = sum((v * math.tanh(w * ui) - yi) ** 2 for ui, yi in zip(u, y)) / (2 * POINTS)
        assert float(NETWORK.value(np.array([w, v]))) == pytest.approx(by_hand, rel=1e-13)


@pytest.mark.parametrize("w, v", POINTS_TO_CHECK)
def test_the_backward_pass_agrees_with_finite_differences(w, v):
    h = 1e-6
    point = np.array([w, v])
    numeric = [(NETWORK.value(point + e) - NETWORK.value(point - e)) / (2 * h)
               for e in (np.array([h, 0.0]), np.array([0.0, h]))]
    np.testing.assert_allclose(NETWORK.grad(point), numeric, rtol=1e-7, atol=1e-9)
    hessian = NETWORK.hessian(point)
    numeric = np.array([(NETWORK.grad(point + e) - NETWORK.grad(point - e)) / (2 * h)
                        for e in (np.array([h, 0.0]), np.array([0.0, h]))])
    np.testing.assert_allclose(hessian, numeric, rtol=1e-6, atol=1e-8)


def test_minibatch_gradients_average_to_the_full_batch_one():
    # Eight disjoint minibatches of eight rows: their mean gradient is the full data's.
    unit = TanhUnit(*teacher_data())
    rows = np.random.default_rng(0).permutation(POINTS).reshape(8, 8)
    for w, v in POINTS_TO_CHECK:
        batches = np.array([unit.batch(r)(w, v) for r in rows])
        np.testing.assert_allclose(batches.mean(axis=0), NETWORK.grad(np.array([w, v])),
                                   rtol=1e-12, atol=1e-15)
        assert not np.allclose(batches[0], batches[1])        # each batch sees other data


def test_a_minibatch_step_is_the_backward_pass_over_the_sampled_rows():
    source = make_gradient_source(NETWORK, seed=4, batch_size=8)
    assert isinstance(source, MinibatchGradient)
    unit = TanhUnit(*teacher_data())
    rows = source.rows(11)
    assert len(set(rows.tolist())) == 8
    np.testing.assert_array_equal(source.grad(np.array([0.3, -1.1]), 11),
                                  np.array(unit.grad(0.3, -1.1, rows)))
    full = make_gradient_source(NETWORK, batch_size=POINTS)
    np.testing.assert_array_equal(full.grad(np.array([0.3, -1.1]), 0),
                                  NETWORK.grad(np.array([0.3, -1.1])))


def test_the_seeds_training_loop_is_a_run_with_minibatches_bit_for_bit():
    """``data_batch = sample(); dx = backward(data_batch); x += -learning_rate * dx``."""
    run = Comparison(NETWORK, [S("sgd", alpha=0.1)], NETWORK.start, batch_size=8, seed=7)
    run.ensure(300)
    unit, source = TanhUnit(*teacher_data()), make_gradient_source(NETWORK, seed=7, batch_size=8)
    x = np.array(NETWORK.start, dtype=float)
    for t in range(300):
        dx = np.array(unit.grad(x[0], x[1], source.rows(t)))
        x += -0.1 * dx
    np.testing.assert_array_equal(run.positions(300)[0, 0], x)


def test_two_mirror_minima_and_a_saddle_between_them():
    (w, v), (w2, v2) = NETWORK.minima
    assert (w2, v2) == (-w, -v) and abs(w - 1.5) < 0.2 and abs(v - 2.0) < 0.2   # the teacher
    for minimum in NETWORK.minima:
        np.testing.assert_allclose(NETWORK.grad(np.array(minimum)), 0, atol=1e-12)
        assert np.all(np.linalg.eigvalsh(NETWORK.hessian(np.array(minimum))) > 0)
    assert NETWORK.value(np.array([w, v])) == pytest.approx(NETWORK.value(np.array([-w, -v])))
    np.testing.assert_allclose(NETWORK.grad(np.zeros(2)), 0, atol=1e-15)   # the dead unit
    low, high = np.linalg.eigvalsh(NETWORK.hessian(np.zeros(2)))
    assert low < 0 < high                                                   # a saddle
    # Mirrored starts end in mirrored minima.
    run = Comparison(NETWORK, [S("momentum", alpha=0.1, mu=0.9)], (0.4, 1.0))
    mirror = Comparison(NETWORK, [S("momentum", alpha=0.1, mu=0.9)], (-0.4, -1.0))
    for r in (run, mirror):
        r.ensure(3000)
    assert run.final_outcome(0)[0] == mirror.final_outcome(0)[0] == "converged"
    np.testing.assert_allclose(run.positions(run.computed_steps)[0, 0], (w, v), atol=1e-4)
    np.testing.assert_allclose(mirror.positions(mirror.computed_steps)[0, 0], (-w, -v), atol=1e-4)
