"""The comparison: lockstep, indexable history, stepping, fairness, divergence, bounded memory."""

import numpy as np
import pytest

from optimizers import OptimizerSettings
from physics.batch import run_batch
from physics.builtins import builtin
from physics.gradients import (
    GradientSettingsError,
    MinibatchGradient,
    NoisyGradient,
    make_gradient_source,
)
from physics.regression import load_dataset
from physics.simulation import Comparison

RAVINE = builtin("ravine")
SGD = OptimizerSettings("sgd", alpha=0.018)
MOMENTUM = OptimizerSettings("momentum", alpha=0.018, mu=0.9)


def test_two_runs_with_the_same_settings_agree_bit_for_bit():
    runs = []
    for _ in range(2):
        c = Comparison(builtin("regression"), [SGD.with_(alpha=0.1), MOMENTUM.with_(alpha=0.1)],
                       (0.0, 4.0), sigma=0.3, seed=7, batch_size=8)
        c.ensure(300)
        runs.append(c.trail(300))
    np.testing.assert_array_equal(runs[0], runs[1])


@pytest.mark.parametrize("kwargs", [{}, {"sigma": 0.5, "seed": 3}])
def test_momentum_with_mu_zero_equals_sgd_bit_for_bit(kwargs):
    c = Comparison(RAVINE, [SGD, MOMENTUM.with_(mu=0.0)], RAVINE.start, **kwargs)
    c.ensure(500)
    trail = c.trail(500)
    np.testing.assert_array_equal(trail[:, 0], trail[:, 1])


def test_minibatch_mu_zero_equals_sgd_bit_for_bit():
    landscape = builtin("regression")
    c = Comparison(landscape, [SGD.with_(alpha=0.1), MOMENTUM.with_(alpha=0.1, mu=0.0)],
                   landscape.start, batch_size=4, seed=11)
    c.ensure(300)
    np.testing.assert_array_equal(c.trail(300)[:, 0], c.trail(300)[:, 1])


def test_common_random_numbers_every_optimizer_gets_the_same_draw():
    source = make_gradient_source(RAVINE, sigma=1.0, seed=5)
    assert isinstance(source, NoisyGradient)
    a = source.grad(np.array([[1.0, 2.0]]), 17) - RAVINE.grad(np.array([[1.0, 2.0]]))
    b = source.grad(np.array([[-3.0, 0.5]]), 17) - RAVINE.grad(np.array([[-3.0, 0.5]]))
    np.testing.assert_allclose(a, b)
    assert not np.allclose(source.noise(17), source.noise(18))


def test_minibatch_gradient_is_the_mean_over_the_sampled_rows():
    landscape = builtin("regression")
    source = make_gradient_source(landscape, seed=2, batch_size=5)
    assert isinstance(source, MinibatchGradient)
    data = load_dataset()
    rows = source.rows(9)
    assert len(set(rows.tolist())) == 5
    w, b = 0.5, -1.0
    residual = w * data.x[rows] + b - data.y[rows]
    expected = [np.mean(residual * data.x[rows]), np.mean(residual)]
    np.testing.assert_allclose(source.grad(np.array([w, b]), 9), expected, rtol=1e-12)
    # The full batch is the exact gradient.
    full = make_gradient_source(landscape, batch_size=len(data))
    np.testing.assert_allclose(full.grad(np.array([w, b]), 0), landscape.grad(np.array([w, b])))


@pytest.mark.parametrize("kwargs, message", [
    ({"sigma": -1.0}, "sigma"),
    ({"sigma": float("nan")}, "sigma"),
    ({"seed": -3}, "seed"),
    ({"batch_size": 0}, "batch size"),
    ({"batch_size": 10_000}, "batch size"),
])
def test_bad_noise_and_batch_settings_are_named(kwargs, message):
    landscape = builtin("regression")
    with pytest.raises(GradientSettingsError, match=message):
        make_gradient_source(landscape, **kwargs)


def test_batch_size_needs_the_data_landscape():
    with pytest.raises(GradientSettingsError, match="regression"):
        make_gradient_source(RAVINE, batch_size=4)


def test_a_diverged_ball_stops_and_the_others_go_on():
    c = Comparison(RAVINE, [MOMENTUM.with_(alpha=0.05), MOMENTUM], RAVINE.start)
    c.ensure(400)
    k = int(c.diverged_at[0, 0])
    assert 0 < k < 200
    assert c.status(0, step=k - 1) == "running"
    assert c.status(0, step=400) == f"diverged at step {k}"
    np.testing.assert_array_equal(c.positions(k)[0], c.positions(k - 1)[0])
    np.testing.assert_array_equal(c.positions(400)[0], c.positions(k - 1)[0])
    assert np.all(np.isfinite(c.trail(400)))
    assert c.status(1, step=400).startswith("converged at step")


def test_everything_diverging_stops_computing():
    c = Comparison(RAVINE, [MOMENTUM.with_(alpha=1.0)], RAVINE.start)
    last = c.ensure(10_000)
    assert last == int(c.diverged_at[0, 0]) < 100


def test_convergence_is_reported_once_at_the_first_step():
    c = Comparison(RAVINE, [SGD, MOMENTUM], RAVINE.start)
    c.ensure(1000)
    k = int(c.converged_at[1, 0])
    assert np.linalg.norm(c.grads(k)[1, 0]) <= 1e-5
    assert np.linalg.norm(c.grads(k - 1)[1, 0]) > 1e-5 or np.linalg.norm(c.velocity(k - 1)[1, 0]) > 1e-6
    assert c.status(1, step=k - 1) == "running"


def test_history_memory_is_bounded():
    c = Comparison(builtin("saddle"), [SGD.with_(alpha=1e-6)], (0.0, 0.0), max_history_bytes=64 * 1024)
    last = c.ensure(1_000_000)
    assert last == c.max_steps < 2000
    assert c.history_full
    assert c._positions.nbytes + c._velocity.nbytes + c._grads.nbytes + c._loss.nbytes <= 64 * 1024


def test_nesterov_looks_ahead():
    """p ← μp − α∇L(W + μp): on the ravine it damps the zig-zag momentum shows."""
    c = Comparison(RAVINE, [MOMENTUM, MOMENTUM.with_(name="nesterov")], RAVINE.start)
    c.ensure(2)
    w1, p1 = c.positions(1)[1, 0], c.velocity(1)[1, 0]
    expected_p2 = 0.9 * p1 - 0.018 * RAVINE.grad(w1 + 0.9 * p1)
    np.testing.assert_allclose(c.velocity(2)[1, 0], expected_p2, rtol=1e-15)
    # Nesterov is stable only for αλ < 2(1+μ)/(1+2μ) ≈ 1.36: at α = 0.018 it diverges.
    c.ensure(500)
    assert c.status(1, step=500).startswith("diverged") and c.status(0, step=500).startswith("converged")
    slower = Comparison(RAVINE, [MOMENTUM.with_(alpha=0.01), MOMENTUM.with_(name="nesterov", alpha=0.01)],
                        RAVINE.start)
    slower.ensure(3000)
    assert 0 < slower.converged_at[1, 0] < slower.converged_at[0, 0]


def test_swarm_agrees_with_the_comparison_bit_for_bit():
    landscape = builtin("rosenbrock")
    starts = np.array([[-1.2, 1.0], [0.5, 2.0], [-1.9, -0.5]])
    alphas, mus = 0.001, 0.9
    c = Comparison(landscape, [MOMENTUM.with_(alpha=alphas, mu=mus)], starts, sigma=0.2, seed=4)
    c.ensure(3000)
    result = run_batch(landscape, starts, alphas, mus, c.computed_steps, sigma=0.2, seed=4)
    np.testing.assert_array_equal(result.positions, c.positions(c.computed_steps)[0])
    np.testing.assert_array_equal(result.converged_at, c.converged_at[0])
    np.testing.assert_array_equal(result.diverged_at, c.diverged_at[0])


def test_swarm_runs_a_grid_of_hyperparameters_in_one_call():
    alphas = np.geomspace(1e-3, 0.05, 6)
    mus = np.array([0.0, 0.5, 0.9])
    a, m = np.meshgrid(alphas, mus)
    result = run_batch(RAVINE, np.array(RAVINE.start), a.ravel(), m.ravel(), 1500, threads=2)
    for k, (alpha, mu) in enumerate(zip(a.ravel(), m.ravel())):
        single = Comparison(RAVINE, [MOMENTUM.with_(alpha=float(alpha), mu=float(mu))], RAVINE.start)
        single.ensure(1500)
        assert result.converged_at[k] == single.converged_at[0, 0]
        assert result.diverged_at[k] == single.diverged_at[0, 0]


def test_two_threads_computing_one_run_give_the_steps_one_thread_gives():
    # The app computes ahead on a worker while the window steps and reads: one thread
    # computes at a time, a chunk at a time, and a step is readable once it is stored.
    import threading

    def make():
        ravine = builtin("ravine")
        return Comparison(ravine, [OptimizerSettings("sgd", alpha=0.018),
                                   OptimizerSettings("momentum", alpha=0.018, mu=0.9)],
                          ravine.start, sigma=0.5, seed=2)

    shared = make()
    worker = threading.Thread(target=shared.ensure, args=(60_000,))
    worker.start()
    seen = []
    while worker.is_alive():
        k = shared.ensure(shared.computed_steps + 3)       # the window stepping forward
        seen.append((k, shared.positions(k).copy()))
    worker.join()
    alone = make()
    alone.ensure(60_000)
    assert shared.computed_steps == 60_000
    np.testing.assert_array_equal(shared.trail(60_000), alone.trail(60_000))
    np.testing.assert_array_equal(shared.loss_history(60_000), alone.loss_history(60_000))
    for k, positions in seen:                               # what was read was final
        np.testing.assert_array_equal(positions, alone.positions(k))


def test_a_call_that_must_not_wait_returns_the_steps_there_are():
    ravine = builtin("ravine")
    run = Comparison(ravine, [OptimizerSettings("sgd", alpha=0.018)], ravine.start)
    run.ensure(10)
    run._computing.acquire()                                # another thread computing
    try:
        assert run.ensure(500, wait=False) == 10
    finally:
        run._computing.release()
    assert run.ensure(500) == 500
