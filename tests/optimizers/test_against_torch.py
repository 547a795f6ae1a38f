"""Our optimizers against torch.optim, without importing torch.

``tests/optimizers/data/torch_reference.json`` holds float64 trajectories recorded from
``torch.optim`` (Adam, RMSprop, Adagrad, SGD with/without momentum and Nesterov) on the
built-in landscapes, with the exact landscape gradient set into ``.grad`` every step.
Regenerate it with ``tests/optimizers/data/make_torch_reference.py`` in a throwaway venv that has
torch; torch is not a dependency of this project.

What is compared:

* every rule except Nesterov: torch's parameter after step k against our ``W⁽ᵏ⁾``;
* Nesterov: torch's ``SGD(nesterov=True)`` tracks a shifted variable. Its parameter θ is
  our look-ahead point, ``θ_t = W_t + μ p_t`` (θ_0 = W_0 since p_0 = 0), i.e. exactly
  what ``gradient_point`` returns; that is what we compare. (Verified numerically by the
  generator, recorded under ``nesterov_relation``, and by hand below.)

Tolerance: rtol = atol = 1e-12. The paths do not agree bit for bit everywhere, and
cannot: on the CPU that recorded the reference (torch 2.13.0+cpu, AVX512 kernels)

* ``add_(x, alpha=a)``, ``addcmul_`` and ``lerp_`` round ``c + a·x`` once (fused
  multiply-add), where numpy rounds the product and the sum separately. This hits
  SGD's ``param.add_(grad, alpha=-lr)``, momentum's and Nesterov's buffer updates,
  Adam's ``exp_avg.lerp_`` / ``exp_avg_sq.addcmul_``, RMSprop's ``square_avg.addcmul_``
  and Adagrad's ``state_sum.addcmul_``;
* torch's float64 ``Tensor.sqrt`` is occasionally 1 ulp off the correctly rounded
  ``np.sqrt``;
* torch's SGD momentum scales ``v ← μv + g`` by α at the end; the seed form
  ``p ← μp − αg`` rounds differently (same path in exact arithmetic).

The measured differences are at the 1e-15 level. Three cases happen to match bit for
bit (the ulp-level differences in the optimizer state are absorbed when the step is
added to W); those are pinned exactly in :data:`EXACT_CASES`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from optimizers import OptimizerSettings, make
from physics.builtins import builtin

DATA = Path(__file__).parent / "data" / "torch_reference.json"
REFERENCE = json.loads(DATA.read_text(encoding="utf-8"))
CASES = {case["name"]: case for case in REFERENCE["cases"]}

RTOL = ATOL = 1e-12

#: Cases whose whole parameter trajectory equalled torch's bit for bit when the reference
#: was recorded (torch 2.13.0+cpu, AVX512). If the reference is regenerated on other
#: hardware, re-measure and update this set.
EXACT_CASES = {
    "adam_b08_b099_eps1e-6_beale",
    "rmsprop_default_rosenbrock",
    "rmsprop_alpha09_himmelblau",
}


def run_ours(case: dict) -> np.ndarray:
    """Our trajectory in torch's variable: W after each step, or W + μp for Nesterov."""
    opt = make(OptimizerSettings(**case["settings"]))
    landscape = builtin(case["landscape"])
    params = np.array(case["start"], dtype=float)
    state = opt.init(params)
    out = []
    for _ in range(case["steps"]):
        grads = landscape.grad(opt.gradient_point(params, state))
        step, state = opt.update(grads, state, params)
        params = params + step
        if case["compare"] == "lookahead":
            out.append(opt.gradient_point(params, state))
        else:
            out.append(params)
    return np.array(out)


def test_reference_metadata():
    assert REFERENCE["torch_version"].startswith("2.13.0")
    assert REFERENCE["dtype"] == "float64"
    names = {case["torch_optimizer"] for case in REFERENCE["cases"]}
    assert names == {"Adam", "AdamW", "NAdam", "RMSprop", "Adagrad", "Adadelta", "SGD"}
    assert EXACT_CASES <= set(CASES)
    for case in REFERENCE["cases"]:
        trajectory = np.array(case["trajectory"])
        assert trajectory.shape == (case["steps"], 2), case["name"]
        assert trajectory.dtype == np.float64


@pytest.mark.parametrize("name", sorted(CASES))
def test_trajectory_matches_torch(name):
    case = CASES[name]
    ours = run_ours(case)
    ref = np.array(case["trajectory"])
    np.testing.assert_allclose(ours, ref, rtol=RTOL, atol=ATOL, err_msg=name)
    if name in EXACT_CASES:
        np.testing.assert_array_equal(ours, ref, err_msg=f"{name}: no longer bit for bit")


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items()
                                        if c["compare"] == "lookahead"))
def test_nesterov_torch_parameter_is_our_lookahead_not_W(name):
    """θ_t = W_t + μp_t holds (above); θ_t = W_t does not — the shift is real."""
    case = CASES[name]
    opt = make(OptimizerSettings(**case["settings"]))
    landscape = builtin(case["landscape"])
    params = np.array(case["start"], dtype=float)
    state = opt.init(params)
    ws = []
    for _ in range(case["steps"]):
        step, state = opt.update(landscape.grad(opt.gradient_point(params, state)), state,
                                 params)
        params = params + step
        ws.append(params)
    ref = np.array(case["trajectory"])
    assert np.max(np.abs(np.array(ws) - ref)) > 1e-3


def test_generator_recorded_nesterov_relation():
    relations = REFERENCE["nesterov_relation"]
    assert relations
    for rel in relations:
        assert rel["holds"] == "theta_t = W_t + mu * p_t"
        assert rel["max_rel_diff_theta_vs_W_plus_mu_p"] < 1e-11, rel["case"]


# -- hand-computed steps on L = ½(x² + 100y²), ∇L = (x, 100y), from (1, 1) -------------
#
# α = 0.01, μ = 0.9. This is the built-in "ravine" (κ = 100).

ALPHA, MU = 0.01, 0.9
START = (1.0, 1.0)


def _two_steps(name: str, **settings) -> tuple[np.ndarray, np.ndarray, object, object]:
    opt = make(OptimizerSettings(name=name, alpha=ALPHA, mu=MU, **settings))
    landscape = builtin("ravine")
    params = np.array(START)
    state = opt.init(params)
    out = []
    for _ in range(2):
        grads = landscape.grad(opt.gradient_point(params, state))
        step, state = opt.update(grads, state, params)
        params = params + step
        out.append((params, state))
    (w1, s1), (w2, s2) = out
    return w1, w2, s1, s2


def test_ravine_is_the_hand_quadratic():
    landscape = builtin("ravine")
    np.testing.assert_array_equal(landscape.grad(np.array([1.0, 1.0])), [1.0, 100.0])
    np.testing.assert_array_equal(landscape.grad(np.array([0.981, -0.9])), [0.981, -90.0])


def test_sgd_two_steps_by_hand():
    # g0 = ∇L(1, 1) = (1, 100)
    # W1 = W0 − α g0 = (1 − 0.01, 1 − 1) = (0.99, 0)
    # g1 = ∇L(0.99, 0) = (0.99, 0)
    # W2 = W1 − α g1 = (0.99 − 0.0099, 0) = (0.9801, 0)
    w1, w2, _, _ = _two_steps("sgd")
    np.testing.assert_allclose(w1, [0.99, 0.0], rtol=1e-15, atol=0)
    np.testing.assert_allclose(w2, [0.9801, 0.0], rtol=1e-15, atol=0)


def test_momentum_two_steps_by_hand():
    # Seed form p ← μp − αg, W ← W + p, p0 = 0.
    # g0 = (1, 100);  p1 = −0.01·(1, 100) = (−0.01, −1);  W1 = (0.99, 0)
    # g1 = ∇L(0.99, 0) = (0.99, 0)
    # p2 = 0.9·(−0.01, −1) − 0.01·(0.99, 0) = (−0.009 − 0.0099, −0.9) = (−0.0189, −0.9)
    # W2 = (0.99 − 0.0189, 0 − 0.9) = (0.9711, −0.9)
    w1, w2, s1, s2 = _two_steps("momentum")
    np.testing.assert_allclose(w1, [0.99, 0.0], rtol=1e-15, atol=0)
    np.testing.assert_allclose(s1.velocity, [-0.01, -1.0], rtol=1e-15, atol=0)
    np.testing.assert_allclose(s2.velocity, [-0.0189, -0.9], rtol=1e-15, atol=0)
    np.testing.assert_allclose(w2, [0.9711, -0.9], rtol=1e-15, atol=0)


def test_nesterov_two_steps_by_hand():
    # p ← μp − α∇L(W + μp), W ← W + p, p0 = 0.
    # Step 1: look-ahead W0 + 0 = (1, 1), g = (1, 100)
    #         p1 = (−0.01, −1),  W1 = (0.99, 0)
    # Step 2: look-ahead W1 + 0.9·p1 = (0.99 − 0.009, 0 − 0.9) = (0.981, −0.9)
    #         g = ∇L(0.981, −0.9) = (0.981, −90)
    #         p2 = 0.9·(−0.01, −1) − 0.01·(0.981, −90) = (−0.009 − 0.00981, −0.9 + 0.9)
    #            = (−0.01881, 0)
    #         W2 = (0.99 − 0.01881, 0) = (0.97119, 0)
    # torch's form (θ ← θ − α(g(θ) + μb), b ← μb + g(θ), b1 = g(θ0)) from θ0 = (1, 1):
    #   θ1 = (1, 1) − 0.01·1.9·(1, 100) = (0.981, −0.9)            = W1 + μp1
    #   b2 = 0.9·(1, 100) + (0.981, −90) = (1.881, 0)
    #   θ2 = (0.981, −0.9) − 0.01·((0.981, −90) + 0.9·(1.881, 0))
    #      = (0.981 − 0.026739, −0.9 + 0.9) = (0.954261, 0)
    #   and W2 + μp2 = (0.97119 − 0.016929, 0) = (0.954261, 0): θ_t = W_t + μp_t.
    w1, w2, s1, s2 = _two_steps("nesterov")
    np.testing.assert_allclose(w1, [0.99, 0.0], rtol=1e-15, atol=0)
    np.testing.assert_allclose(s2.velocity, [-0.01881, 0.0], rtol=1e-15, atol=1e-16)
    np.testing.assert_allclose(w2, [0.97119, 0.0], rtol=1e-15, atol=1e-16)
    opt = make(OptimizerSettings(name="nesterov", alpha=ALPHA, mu=MU))
    np.testing.assert_allclose(opt.gradient_point(w1, s1), [0.981, -0.9], rtol=1e-15, atol=0)
    np.testing.assert_allclose(opt.gradient_point(w2, s2), [0.954261, 0.0],
                               rtol=1e-15, atol=1e-16)


def test_adam_first_step_by_hand():
    # t = 1: m = (1 − β1)g, v = (1 − β2)g², bias corrections 1 − β1 and 1 − β2 give
    # m̂ = g, v̂ = g², so ΔW = −α g / (|g| + ε) = −α sign(g) · |g| / (|g| + ε).
    # g0 = (1, 100), α = 0.01, ε = 1e-8:
    #   ΔW_x = −0.01 / (1 + 1e-8)          = −0.0099999999000000001 ≈ −α
    #   ΔW_y = −0.01 · 100 / (100 + 1e-8)  = −0.0099999999990000000 ≈ −α
    #   W1 = (0.9900000001, 0.990000000001)  (to 1e-18)
    opt = make(OptimizerSettings(name="adam", alpha=ALPHA))
    params = np.array(START)
    state = opt.init(params)
    grads = builtin("ravine").grad(params)
    step, state = opt.update(grads, state, params)
    eps = 1e-8
    exact = [-ALPHA * g / (abs(g) + eps) for g in (1.0, 100.0)]
    np.testing.assert_allclose(step, exact, rtol=1e-14, atol=0)
    np.testing.assert_allclose(step, [-0.0099999999000000001, -0.0099999999990000000],
                               rtol=1e-14, atol=0)
    np.testing.assert_allclose(params + step, [0.9900000001, 0.990000000001],
                               rtol=1e-15, atol=0)
    # ≈ α·sign(g): off by α·ε/(|g| + ε) < α·ε/|g| (slack for the cancellation in step + α).
    deviation = np.abs(step + ALPHA * np.sign(grads))
    assert np.all(deviation <= ALPHA * eps / np.abs(grads) * (1 + 1e-6))
    assert state.count == 1
    assert math.isclose(state.first_moment[1], 0.1 * 100.0, rel_tol=1e-15)
