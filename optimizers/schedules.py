"""Hyperparameter schedules: functions of the step index ``t = 0, 1, 2, ...``.

A schedule is any callable ``t -> float``. The update that produces ``W⁽ᵗ⁺¹⁾`` uses the
value at ``t``. Constants are wrapped so every rule can call ``alpha(t)`` alike.

The seed lecture mentions annealing μ from 0.5 to 0.99 (:func:`mu_ramp`); for α we offer
step decay and cosine decay, the two schedules most courses show.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Union

Schedule = Callable[[int], float]
ScheduleLike = Union[float, Schedule]


@dataclass(frozen=True)
class Constant:
    """``value`` at every step."""

    value: float

    def __call__(self, t: int) -> float:
        return self.value


@dataclass(frozen=True)
class MuRamp:
    """Linear ramp ``μ(t) = μ₀ + (μ₁ − μ₀)·min(t / T, 1)`` (the seed's 0.5 → 0.99)."""

    start: float = 0.5
    end: float = 0.99
    steps: int = 100

    def __call__(self, t: int) -> float:
        frac = min(t / self.steps, 1.0) if self.steps > 0 else 1.0
        return self.start + (self.end - self.start) * frac


@dataclass(frozen=True)
class StepDecay:
    """``α(t) = α₀ · factor^⌊t / every⌋``."""

    initial: float
    factor: float = 0.5
    every: int = 100

    def __call__(self, t: int) -> float:
        return self.initial * self.factor ** (t // self.every)


@dataclass(frozen=True)
class CosineDecay:
    """``α(t) = α_min + ½(α₀ − α_min)(1 + cos(π·min(t, T)/T))``."""

    initial: float
    steps: int = 1000
    minimum: float = 0.0

    def __call__(self, t: int) -> float:
        frac = min(t, self.steps) / self.steps if self.steps > 0 else 1.0
        return self.minimum + 0.5 * (self.initial - self.minimum) * (1 + math.cos(math.pi * frac))


def as_schedule(value: ScheduleLike) -> Schedule:
    """Wrap a number as :class:`Constant`; pass schedules through unchanged."""
    if callable(value):
        return value
    return Constant(float(value))
