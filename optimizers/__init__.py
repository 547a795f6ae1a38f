"""Optimizers as pure functions: ``init(params) -> state``, ``update(grads, state, params)``.

No Qt here, and no loss functions either: optimizers receive gradients (see
:mod:`optimizers.base`). :func:`make` builds one by name from keyword settings.
"""

from .adaptive import adadelta, adagrad, adam, adamw, nadam, rmsprop
from .base import Optimizer
from .registry import OPTIMIZER_NAMES, OptimizerSettings, make
from .sgd import momentum, nesterov, sgd

__all__ = [
    "Optimizer", "OptimizerSettings", "OPTIMIZER_NAMES", "make",
    "sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad", "adadelta", "adamw", "nadam",
]
