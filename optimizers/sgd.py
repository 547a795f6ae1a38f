"""Plain SGD, heavy-ball momentum and Nesterov momentum, in the seed lecture's notation.

Symbols: ``α`` the learning rate, ``μ`` the momentum, ``g⁽ᵗ⁾ = ∇L(W⁽ᵗ⁾)`` (or a minibatch
estimate of it), ``p`` the momentum buffer ("velocity"), ``p⁽⁰⁾ = 0``.

Convention. We implement the *seed form* (Sutskever et al. 2013; the lecture's
``v = mu * v - learning_rate * dx; x += v``)::

    p⁽ᵗ⁺¹⁾ = μ p⁽ᵗ⁾ − α g⁽ᵗ⁾,    W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + p⁽ᵗ⁺¹⁾.

PyTorch's ``torch.optim.SGD(momentum=μ)`` writes ``v ← μv + g, W ← W − αv``. With a
constant α the two give the same path (``p = −αv``); with a schedule on α they differ,
because the seed form applies the *current* α only to the newest gradient. Both α and μ
may be schedules (callables of the step index t).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .base import Array, Optimizer, at_params
from .schedules import ScheduleLike, as_schedule


class SgdState(NamedTuple):
    """Plain SGD keeps only the step count (for schedules)."""

    count: int


class MomentumState(NamedTuple):
    """Heavy-ball and Nesterov state: the step count and the momentum buffer ``p``."""

    count: int
    velocity: Array


def heavy_ball_velocity(velocity, grads, alpha, mu):
    """The heavy-ball rule's one line, ``p⁽ᵗ⁺¹⁾ = μ p⁽ᵗ⁾ − α g⁽ᵗ⁾``, elementwise.

    Every heavy-ball path calls this: :func:`momentum`, :func:`nesterov`, and the batched
    kernel behind the (α, μ) map (:mod:`physics.batch`), which applies it to x and y
    arrays separately. Elementwise IEEE arithmetic is the same whether the operands are
    ``(N, 2)`` arrays or two ``(N,)`` arrays, so every path agrees bit for bit.
    """
    return mu * velocity - alpha * grads


def nesterov_lookahead(params, velocity, mu):
    """Where Nesterov evaluates the gradient: the look-ahead ``W⁽ᵗ⁾ + μ p⁽ᵗ⁾``."""
    return params + mu * velocity


def sgd(alpha: ScheduleLike) -> Optimizer:
    """Plain (stochastic) gradient descent.

    ``W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − α g⁽ᵗ⁾`` — the seed's ``x += -learning_rate * dx``.
    It is momentum with μ = 0: a ball that loses all its velocity every step.
    """
    alpha_t = as_schedule(alpha)

    def init(params: Array) -> SgdState:
        return SgdState(count=0)

    def update(grads: Array, state: SgdState, params: Array) -> tuple[Array, SgdState]:
        step = -alpha_t(state.count) * grads
        return step, SgdState(count=state.count + 1)

    return Optimizer("sgd", init, update, at_params, {"alpha": alpha})


def momentum(alpha: ScheduleLike, mu: ScheduleLike = 0.9) -> Optimizer:
    """Heavy-ball momentum (Polyak 1964), seed form.

    ``p⁽ᵗ⁺¹⁾ = μ p⁽ᵗ⁾ − α g⁽ᵗ⁾``,  ``W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + p⁽ᵗ⁺¹⁾``,  ``p⁽⁰⁾ = 0``.

    μ is "the decay rate of momentum per minibatch": the fraction of velocity the ball
    keeps from one step to the next (friction 1 − μ). With μ = 0 every step equals
    :func:`sgd`'s, bit for bit (``0·p − αg`` is ``−αg`` exactly).
    """
    alpha_t, mu_t = as_schedule(alpha), as_schedule(mu)

    def init(params: Array) -> MomentumState:
        return MomentumState(count=0, velocity=np.zeros_like(np.asarray(params, dtype=float)))

    def update(grads: Array, state: MomentumState, params: Array) -> tuple[Array, MomentumState]:
        t = state.count
        p = heavy_ball_velocity(state.velocity, grads, alpha_t(t), mu_t(t))
        return p, MomentumState(count=t + 1, velocity=p)

    return Optimizer("momentum", init, update, at_params, {"alpha": alpha, "mu": mu})


def nesterov(alpha: ScheduleLike, mu: ScheduleLike = 0.9) -> Optimizer:
    """Nesterov's accelerated gradient in the same notation (Sutskever et al. 2013).

    ``p⁽ᵗ⁺¹⁾ = μ p⁽ᵗ⁾ − α ∇L(W⁽ᵗ⁾ + μ p⁽ᵗ⁾)``,  ``W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + p⁽ᵗ⁺¹⁾``.

    The ball first coasts by its momentum, then corrects with the gradient found there,
    so it brakes *before* overshooting. ``gradient_point`` returns the look-ahead
    ``W + μp``; the caller evaluates the gradient there and passes it to ``update``.
    (PyTorch's ``nesterov=True`` tracks the look-ahead point instead; same method,
    shifted variable.)
    """
    alpha_t, mu_t = as_schedule(alpha), as_schedule(mu)

    def init(params: Array) -> MomentumState:
        return MomentumState(count=0, velocity=np.zeros_like(np.asarray(params, dtype=float)))

    def gradient_point(params: Array, state: MomentumState) -> Array:
        return nesterov_lookahead(params, state.velocity, mu_t(state.count))

    def update(grads: Array, state: MomentumState, params: Array) -> tuple[Array, MomentumState]:
        t = state.count
        p = heavy_ball_velocity(state.velocity, grads, alpha_t(t), mu_t(t))
        return p, MomentumState(count=t + 1, velocity=p)

    return Optimizer("nesterov", init, update, gradient_point, {"alpha": alpha, "mu": mu})
