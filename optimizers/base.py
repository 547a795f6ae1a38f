"""The shape every optimizer shares: pure functions over a state you can keep.

Following optax's ``GradientTransformation``, an optimizer is a record of functions:

``init(params) -> state``
    The state before the first step (velocity zero, accumulators zero, step count 0).
``update(grads, state, params) -> (step, state)``
    One step: the displacement ``ΔW`` to add to the parameters, and the new state.
    ``W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + ΔW``. Nothing is mutated, so a state is a value: keep it to pause,
    step back, or run many optimizers side by side.
``gradient_point(params, state) -> points``
    Where the gradient for the next update must be evaluated. ``params`` for every rule
    except Nesterov, which looks ahead to ``W + μp``. Optimizers receive gradients,
    never the loss: the caller evaluates the landscape at this point and passes the
    gradient to ``update``.

Parameters and gradients are arrays of shape ``(..., 2)``: one ball, a swarm, or a
whole grid of balls, in one call.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

import numpy as np

Array = np.ndarray


class Optimizer(NamedTuple):
    """An update rule as pure functions plus what is needed to show it."""

    name: str
    """Registry key: ``sgd``, ``momentum``, ``nesterov``, ``adam``, ``rmsprop``, ``adagrad``."""
    init: Callable[[Array], Any]
    update: Callable[[Array, Any, Array], tuple[Array, Any]]
    gradient_point: Callable[[Array, Any], Array]
    hyperparams: dict
    """The hyperparameters as given (numbers or schedules), for titles and exports."""


def at_params(params: Array, state: Any) -> Array:
    """``gradient_point`` of every rule that evaluates the gradient where it stands."""
    return params
