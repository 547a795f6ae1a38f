"""Adam, AdamW, NAdam, RMSprop, Adagrad and Adadelta with ``torch.optim``'s rules and defaults.

People compare these against PyTorch, so each rule below follows the torch source
(``torch/optim/adam.py``, ``nadam.py``, ``rmsprop.py``, ``adagrad.py``, ``adadelta.py``;
single-tensor path, no amsgrad, not centered, no momentum, no L2 weight decay — AdamW's
decoupled decay is its own rule), in torch's order of operations (Adam's first moment is
a ``lerp``). Trajectories agree with torch 2.13 in float64 to ~1e-15
(tests/optimizers/test_against_torch.py); the last bits can differ because torch's CPU
kernels use fused multiply-adds. α is torch's ``lr``.
Defaults: Adam β=(0.9, 0.999), ε=1e-8; AdamW the same and weight decay λ=0.01; NAdam
β=(0.9, 0.999), ε=1e-8, momentum decay ψ=0.004; RMSprop smoothing 0.99 (torch calls it
``alpha``; here it is ``beta2``), ε=1e-8; Adagrad ε=1e-10, accumulator starting at 0;
Adadelta ρ=0.9 (``beta2`` here), ε=1e-6, α=1.

The "velocity" these rules report is the displacement of the last step.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from .base import Array, Optimizer, at_params
from .schedules import ScheduleLike, as_schedule


class AdamState(NamedTuple):
    count: int
    first_moment: Array
    second_moment: Array


class SquareAverageState(NamedTuple):
    """RMSprop's running average of g², or Adagrad's running sum of g²."""

    count: int
    square: Array


class NadamState(NamedTuple):
    count: int
    mu_product: np.float32    # ∏ μ_k: torch keeps it in a float32 scalar tensor
    first_moment: Array
    second_moment: Array


class AdadeltaState(NamedTuple):
    count: int
    square: Array             # running average of g²
    delta_square: Array       # running average of the steps' Δ²


def _moments(grads: Array, m: Array, v: Array, beta1: float, beta2: float):
    """Adam's and NAdam's moments: ``m ← m + (1 − β₁)(g − m)`` (torch's lerp),
    ``v ← β₂ v + (1 − β₂) g²``."""
    m = m + (1 - beta1) * (grads - m)
    # torch's addcmul/addcdiv multiply left to right: (value·t1)·t2, (value·t1)/t2.
    v = v * beta2 + ((1 - beta2) * grads) * grads
    return m, v


def _two_zeros(params: Array) -> tuple[Array, Array]:
    zeros = np.zeros_like(np.asarray(params, dtype=float))
    return zeros, zeros.copy()


def adam(alpha: ScheduleLike = 1e-3, beta1: float = 0.9, beta2: float = 0.999,
         eps: float = 1e-8) -> Optimizer:
    """Adam (Kingma & Ba 2015), as ``torch.optim.Adam``.

    With ``t`` counted from 1::

        m ← m + (1 − β₁)(g − m)            (torch: exp_avg.lerp_(g, 1 − β₁))
        v ← β₂ v + (1 − β₂) g²
        W ← W − (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
    """
    return _adam("adam", alpha, beta1, beta2, eps, 0.0)


def adamw(alpha: ScheduleLike = 1e-3, beta1: float = 0.9, beta2: float = 0.999,
          eps: float = 1e-8, weight_decay: float = 1e-2) -> Optimizer:
    """AdamW (Loshchilov & Hutter 2019), as ``torch.optim.AdamW``: Adam, and the weights
    shrunk by ``αλ`` of themselves each step, outside the moments (decoupled decay)::

        W ← W (1 − αλ) − (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)

    λ pulls the ball towards the origin, so it settles a little short of a minimum away
    from 0 — where the Adam step balances the decay.
    """
    return _adam("adamw", alpha, beta1, beta2, eps, weight_decay)


def _adam(name, alpha, beta1, beta2, eps, weight_decay) -> Optimizer:
    alpha_t = as_schedule(alpha)

    def init(params: Array) -> AdamState:
        return AdamState(0, *_two_zeros(params))

    def update(grads: Array, state: AdamState, params: Array) -> tuple[Array, AdamState]:
        t = state.count + 1
        lr = alpha_t(state.count)
        m, v = _moments(grads, state.first_moment, state.second_moment, beta1, beta2)
        bias_correction1 = 1 - beta1**t
        bias_correction2 = 1 - beta2**t
        step_size = lr / bias_correction1
        denom = np.sqrt(v) / math.sqrt(bias_correction2) + eps
        step = (-step_size * m) / denom
        if weight_decay:
            step = step - (lr * weight_decay) * params   # torch: param.mul_(1 − lr·λ) first
        return step, AdamState(t, m, v)

    hyperparams = {"alpha": alpha, "beta1": beta1, "beta2": beta2, "eps": eps}
    if name == "adamw":
        hyperparams["weight_decay"] = weight_decay
    return Optimizer(name, init, update, at_params, hyperparams)


def nadam_mu(beta1: float, t: int, momentum_decay: float = 4e-3) -> float:
    """NAdam's momentum at torch step ``t`` (from 1): ``μ_t = β₁ (1 − ½·0.96^(tψ))``."""
    return beta1 * (1.0 - 0.5 * (0.96 ** (t * momentum_decay)))


def nadam(alpha: ScheduleLike = 2e-3, beta1: float = 0.9, beta2: float = 0.999,
          eps: float = 1e-8, momentum_decay: float = 4e-3) -> Optimizer:
    """NAdam (Dozat 2016), as ``torch.optim.NAdam``: Adam with Nesterov's look-ahead put
    into the first moment. With ``t`` from 1, ``μ_t`` from :func:`nadam_mu` and
    ``Π_t = μ_1 ⋯ μ_t``::

        m ← m + (1 − β₁)(g − m),   v ← β₂ v + (1 − β₂) g²,   d = √(v / (1 − β₂ᵗ)) + ε
        W ← W − α (1 − μ_t)/(1 − Π_t) · g/d − α μ_{t+1}/(1 − Π_t μ_{t+1}) · m/d

    torch keeps Π in a float32 scalar, so it is rounded to float32 here too.
    """
    alpha_t = as_schedule(alpha)

    def init(params: Array) -> NadamState:
        return NadamState(0, np.float32(1.0), *_two_zeros(params))

    def update(grads: Array, state: NadamState, params: Array) -> tuple[Array, NadamState]:
        t = state.count + 1
        lr = alpha_t(state.count)
        bias_correction2 = 1 - beta2**t
        mu, mu_next = nadam_mu(beta1, t, momentum_decay), nadam_mu(beta1, t + 1, momentum_decay)
        mu_product = np.float32(state.mu_product * np.float32(mu))
        m, v = _moments(grads, state.first_moment, state.second_moment, beta1, beta2)
        denom = np.sqrt(v / bias_correction2) + eps
        product = float(mu_product)
        step = ((-lr * (1.0 - mu) / (1.0 - product)) * grads) / denom
        step = step + ((-lr * mu_next) / (1.0 - product * mu_next) * m) / denom
        return step, NadamState(t, mu_product, m, v)

    return Optimizer("nadam", init, update, at_params,
                     {"alpha": alpha, "beta1": beta1, "beta2": beta2, "eps": eps})


def rmsprop(alpha: ScheduleLike = 1e-2, beta2: float = 0.99, eps: float = 1e-8) -> Optimizer:
    """RMSprop (Hinton 2012), as ``torch.optim.RMSprop`` (not centered, no momentum).

    ``s ← β₂ s + (1 − β₂) g²``,  ``W ← W − α g / (√s + ε)``  (torch's smoothing ``alpha`` is β₂).
    """
    alpha_t = as_schedule(alpha)

    def init(params: Array) -> SquareAverageState:
        return SquareAverageState(0, np.zeros_like(np.asarray(params, dtype=float)))

    def update(grads: Array, state: SquareAverageState, params: Array):
        square = state.square * beta2 + ((1 - beta2) * grads) * grads
        step = (-alpha_t(state.count) * grads) / (np.sqrt(square) + eps)
        return step, SquareAverageState(state.count + 1, square)

    return Optimizer("rmsprop", init, update, at_params,
                     {"alpha": alpha, "beta2": beta2, "eps": eps})


def adagrad(alpha: ScheduleLike = 1e-2, eps: float = 1e-10) -> Optimizer:
    """Adagrad (Duchi et al. 2011), as ``torch.optim.Adagrad`` (lr_decay 0, accumulator 0).

    ``s ← s + g²``,  ``W ← W − α g / (√s + ε)``.
    """
    alpha_t = as_schedule(alpha)

    def init(params: Array) -> SquareAverageState:
        return SquareAverageState(0, np.zeros_like(np.asarray(params, dtype=float)))

    def update(grads: Array, state: SquareAverageState, params: Array):
        square = state.square + grads * grads
        step = (-alpha_t(state.count) * grads) / (np.sqrt(square) + eps)
        return step, SquareAverageState(state.count + 1, square)

    return Optimizer("adagrad", init, update, at_params, {"alpha": alpha, "eps": eps})


def adadelta(alpha: ScheduleLike = 1.0, rho: float = 0.9, eps: float = 1e-6) -> Optimizer:
    """Adadelta (Zeiler 2012), as ``torch.optim.Adadelta``: the step's own running size
    sets its units, so α = 1 is the paper's rule::

        s ← ρ s + (1 − ρ) g²,   Δ = √(u + ε)/√(s + ε) · g,   u ← ρ u + (1 − ρ) Δ²,
        W ← W − α Δ

    (``s`` torch's square_avg, ``u`` its acc_delta; ρ is ``beta2`` in the settings.)
    """
    alpha_t = as_schedule(alpha)

    def init(params: Array) -> AdadeltaState:
        return AdadeltaState(0, *_two_zeros(params))

    def update(grads: Array, state: AdadeltaState, params: Array):
        square = state.square * rho + ((1 - rho) * grads) * grads
        delta = np.sqrt(state.delta_square + eps) / np.sqrt(square + eps) * grads
        delta_square = state.delta_square * rho + ((1 - rho) * delta) * delta
        step = -alpha_t(state.count) * delta
        return step, AdadeltaState(state.count + 1, square, delta_square)

    return Optimizer("adadelta", init, update, at_params, {"alpha": alpha, "rho": rho, "eps": eps})
