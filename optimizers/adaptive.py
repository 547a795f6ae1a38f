"""Adam, RMSprop and Adagrad with exactly ``torch.optim``'s update rules and defaults.

People compare these against PyTorch, so each rule below follows the torch source
(``torch/optim/adam.py``, ``rmsprop.py``, ``adagrad.py``, single-tensor path, no weight
decay, no amsgrad, not centered, no momentum), in torch's order of operations (Adam's
first moment is a ``lerp``). Trajectories agree with torch 2.13 in float64 to ~1e-15
(tests/test_optimizers_torch.py); the last bits can differ because torch's CPU kernels
use fused multiply-adds. α is torch's ``lr``.
Defaults: Adam β=(0.9, 0.999), ε=1e-8; RMSprop smoothing 0.99 (torch calls it
``alpha``; here it is ``beta2``), ε=1e-8; Adagrad ε=1e-10, accumulator starting at 0.

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


def adam(alpha: ScheduleLike = 1e-3, beta1: float = 0.9, beta2: float = 0.999,
         eps: float = 1e-8) -> Optimizer:
    """Adam (Kingma & Ba 2015), as ``torch.optim.Adam``.

    With ``t`` counted from 1::

        m ← m + (1 − β₁)(g − m)            (torch: exp_avg.lerp_(g, 1 − β₁))
        v ← β₂ v + (1 − β₂) g²
        W ← W − (α / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
    """
    alpha_t = as_schedule(alpha)

    def init(params: Array) -> AdamState:
        zeros = np.zeros_like(np.asarray(params, dtype=float))
        return AdamState(0, zeros, zeros.copy())

    def update(grads: Array, state: AdamState, params: Array) -> tuple[Array, AdamState]:
        t = state.count + 1
        m = state.first_moment + (1 - beta1) * (grads - state.first_moment)
        # torch's addcmul/addcdiv multiply left to right: (value·t1)·t2, (value·t1)/t2.
        v = state.second_moment * beta2 + ((1 - beta2) * grads) * grads
        bias_correction1 = 1 - beta1**t
        bias_correction2 = 1 - beta2**t
        step_size = alpha_t(state.count) / bias_correction1
        denom = np.sqrt(v) / math.sqrt(bias_correction2) + eps
        step = (-step_size * m) / denom
        return step, AdamState(t, m, v)

    return Optimizer("adam", init, update, at_params,
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
