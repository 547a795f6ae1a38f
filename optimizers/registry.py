"""Build optimizers by name from plain settings, with one-line validation errors.

:class:`OptimizerSettings` is what a scenario file, the command line and the app's
panes store: plain numbers and names. :func:`make` turns it into an
:class:`~optimizers.base.Optimizer`.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, replace
from typing import Optional

# The one cap on a run's length; a schedule longer than any run could never finish, and
# the window's steps box cannot show it. (limits.py imports nothing: no cycle, no sympy.)
from physics.limits import MAX_STEPS

from .adaptive import adadelta, adagrad, adam, adamw, nadam, rmsprop
from .base import Optimizer
from .schedules import CosineDecay, MuRamp, StepDecay, as_schedule
from .sgd import momentum, nesterov, sgd
from .translation import translate

#: Radford's six (the lecture's "Vários Esquemas de Atualização de Pesos": SGD, Momentum,
#: NAG, Adagrad, Adadelta, RMSprop) and Adam's family.
OPTIMIZER_NAMES = ("sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad", "adadelta",
                   "adamw", "nadam")
RADFORD_SIX = ("sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop")
ADAPTIVE = ("adam", "rmsprop", "adagrad", "adadelta", "adamw", "nadam")
USES_MU = ("momentum", "nesterov")
USES_BETA1 = ("adam", "adamw", "nadam")
#: Whose ``beta2`` setting is a smoothing ρ (torch's ``alpha`` and ``rho``), not a β₂.
USES_RHO = ("rmsprop", "adadelta")
#: Whose ``beta2`` setting means something: Adam's family's β₂, RMSprop's and Adadelta's ρ.
USES_BETA2 = USES_BETA1 + USES_RHO
USES_WEIGHT_DECAY = ("adamw",)

#: Human titles, as the panes and exports show them.
TITLES = {
    "sgd": "SGD",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adam": "Adam",
    "rmsprop": "RMSprop",
    "adagrad": "Adagrad",
    "adadelta": "Adadelta",
    "adamw": "AdamW",
    "nadam": "NAdam",
}


class SettingsError(ValueError):
    """A bad hyperparameter; the message is one line naming the bad value."""


@dataclass(frozen=True)
class OptimizerSettings:
    """Everything that defines one optimizer, as plain data.

    ``mu_schedule`` is ``None`` or ``("ramp", start, end, steps)``; ``alpha_schedule``
    is ``None``, ``("step", factor, every)`` or ``("cosine", steps, minimum)``.
    Defaults for beta1/beta2/eps/weight_decay follow torch.optim (beta2 is RMSprop's
    smoothing and Adadelta's ρ; weight_decay is AdamW's decoupled λ).
    """

    name: str = "momentum"
    alpha: float = 0.01
    mu: float = 0.9
    beta1: float = 0.9
    beta2: Optional[float] = None
    eps: Optional[float] = None
    mu_schedule: Optional[tuple] = None
    alpha_schedule: Optional[tuple] = None
    weight_decay: Optional[float] = None

    def with_(self, **changes) -> "OptimizerSettings":
        return replace(self, **changes)

    @property
    def effective_mu(self) -> float:
        """μ as the ball feels it at step 0 (0 for rules without momentum)."""
        if self.name not in USES_MU:
            return 0.0
        return self.mu_schedule[1] if self.mu_schedule else self.mu

    @property
    def resolved_beta2(self) -> float:
        if self.beta2 is not None:
            return self.beta2
        return {"rmsprop": 0.99, "adadelta": 0.9}.get(self.name, 0.999)

    @property
    def resolved_eps(self) -> float:
        if self.eps is not None:
            return self.eps
        return {"adagrad": 1e-10, "adadelta": 1e-6}.get(self.name, 1e-8)

    @property
    def resolved_weight_decay(self) -> float:
        """AdamW's λ (torch's default 0.01); 0 for every other rule."""
        if self.name not in USES_WEIGHT_DECAY:
            return 0.0
        return 1e-2 if self.weight_decay is None else self.weight_decay

    def title(self) -> str:
        """``"Momentum  α=0.018  μ=0.9"`` — what a pane or a frame shows."""
        parts = [TITLES.get(self.name, self.name), f"α={self.alpha:g}"]
        if self.alpha_schedule:
            parts[-1] += f" ({self.alpha_schedule[0]} decay)"
        if self.name in USES_MU:
            if self.mu_schedule:
                _, start, end, steps = self.mu_schedule
                parts.append(f"μ={start:g}→{end:g}")
            else:
                parts.append(f"μ={self.mu:g}")
        if self.name in USES_BETA1:
            parts.append(f"β=({self.beta1:g}, {self.resolved_beta2:g})")
        elif self.name in USES_RHO:
            parts.append(f"ρ={self.resolved_beta2:g}")
        if self.name in USES_WEIGHT_DECAY:
            parts.append(f"λ={self.resolved_weight_decay:g}")
        return "  ".join(parts)

    def as_dict(self) -> dict:
        out = {"optimizer": self.name, "alpha": self.alpha}
        if self.name in USES_MU:
            out["mu"] = self.mu
        if self.name in USES_BETA1:
            out["beta1"] = self.beta1
        if self.name in USES_BETA2:
            out["beta2"] = self.resolved_beta2
        if self.name in ADAPTIVE:
            out["eps"] = self.resolved_eps
        if self.name in USES_WEIGHT_DECAY:
            out["weight_decay"] = self.resolved_weight_decay
        if self.mu_schedule:
            out["mu_schedule"] = list(self.mu_schedule)
        if self.alpha_schedule:
            out["alpha_schedule"] = list(self.alpha_schedule)
        return out


def show_value(value) -> str:
    """A value as an error message quotes it: its repr (a tuple as the list a file has),
    cut at 80 characters, so a 400-digit number from a file still makes one short line."""
    try:
        text = repr(list(value) if isinstance(value, tuple) else value)
    except ValueError:       # an int past Python's digit limit cannot even be printed
        return translate("errors", "a number too long to show")
    return text if len(text) <= 80 else text[:77] + "..."


def _label(name: str) -> str:
    """The name of a setting as its error message says it, in the window's language
    (beta1, beta2 and eps are symbols, the same in every language)."""
    return {
        "alpha": translate("errors", "alpha"), "mu": translate("errors", "mu"),
        "mu ramp start": translate("errors", "mu ramp start"),
        "mu ramp end": translate("errors", "mu ramp end"),
        "mu ramp length": translate("errors", "mu ramp length"),
        "decay factor": translate("errors", "decay factor"),
        "decay interval": translate("errors", "decay interval"),
        "cosine length": translate("errors", "cosine length"),
        "cosine minimum": translate("errors", "cosine minimum"),
        "weight decay": translate("errors", "weight decay"),
    }.get(name, name)


def _finite(name: str, value) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise SettingsError(translate("errors", "{name} must be a number, got {value}").format(
            name=_label(name), value=show_value(value))) from None
    except OverflowError:    # an int too large for a float (10**400)
        number = math.inf
    if not math.isfinite(number):
        raise SettingsError(translate("errors", "{name} must be finite, got {value}").format(
            name=_label(name), value=show_value(value)))
    return number


def _steps(name: str, value) -> int:
    """A schedule's length or interval: a whole number of steps in 1..MAX_STEPS."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) \
            or not 1 <= value <= MAX_STEPS:
        raise SettingsError(translate(
            "errors", "{name} must be a whole number of steps between 1 and {max_steps}, "
            "got {value}").format(name=_label(name), max_steps=MAX_STEPS,
                                  value=show_value(value)))
    return int(value)


def _in_unit_interval(name: str, value, *, open_top: bool = False) -> None:
    """Refuse ``value`` outside [0, 1] (or [0, 1) with ``open_top``)."""
    number = _finite(name, value)
    if open_top and not 0.0 <= number < 1.0:
        raise SettingsError(translate("errors", "{name} must be in [0, 1), got {value}").format(
            name=_label(name), value=show_value(value)))
    if not open_top and not 0.0 <= number <= 1.0:
        raise SettingsError(translate("errors", "{name} must be in [0, 1], got {value}").format(
            name=_label(name), value=show_value(value)))


def validate(settings: OptimizerSettings) -> OptimizerSettings:
    """Check every value; raise :class:`SettingsError` naming the first bad one."""
    if settings.name not in OPTIMIZER_NAMES:
        raise SettingsError(translate("errors", "unknown optimizer {name} (choose from {names})")
                            .format(name=repr(settings.name), names=", ".join(OPTIMIZER_NAMES)))
    alpha = _finite("alpha", settings.alpha)
    if alpha <= 0:
        raise SettingsError(translate("errors", "alpha must be > 0, got {value}").format(
            value=show_value(settings.alpha)))
    _in_unit_interval("mu", settings.mu)
    for name in ("beta1", "beta2"):
        value = getattr(settings, name)
        if value is not None:
            _in_unit_interval(name, value, open_top=True)
    if settings.eps is not None and _finite("eps", settings.eps) <= 0:
        raise SettingsError(translate("errors", "eps must be > 0, got {value}").format(
            value=show_value(settings.eps)))
    if settings.weight_decay is not None:
        # αλ ≥ 1 would flip the weights' sign every step: no decay any more.
        decay = _finite("weight decay", settings.weight_decay)
        if not 0 <= decay or decay * alpha >= 1:
            raise SettingsError(translate(
                "errors", "weight decay must be ≥ 0 with alpha × weight decay < 1, got {value}")
                .format(value=show_value(settings.weight_decay)))
    if settings.mu_schedule:
        kind, start, end, steps = settings.mu_schedule
        _in_unit_interval("mu ramp start", start)
        _in_unit_interval("mu ramp end", end)
        _steps("mu ramp length", steps)
    if settings.alpha_schedule:
        kind = settings.alpha_schedule[0]
        if kind == "step":
            _, factor, every = settings.alpha_schedule
            if not 0 < _finite("decay factor", factor) <= 1:
                raise SettingsError(translate(
                    "errors", "decay factor must be in (0, 1], got {value}").format(
                        value=show_value(factor)))
            _steps("decay interval", every)
        elif kind == "cosine":
            _, steps, minimum = settings.alpha_schedule
            _steps("cosine length", steps)
            if not 0 <= _finite("cosine minimum", minimum) <= alpha:
                raise SettingsError(translate(
                    "errors", "cosine minimum must be in [0, alpha], got {value}").format(
                        value=show_value(minimum)))
        else:
            raise SettingsError(translate(
                "errors", "unknown alpha schedule {kind} (choose step or cosine)").format(
                    kind=repr(kind)))
    return settings


def _alpha_schedule(settings: OptimizerSettings):
    if not settings.alpha_schedule:
        return settings.alpha
    kind = settings.alpha_schedule[0]
    if kind == "step":
        _, factor, every = settings.alpha_schedule
        return StepDecay(settings.alpha, float(factor), int(every))
    _, steps, minimum = settings.alpha_schedule
    return CosineDecay(settings.alpha, int(steps), float(minimum))


def _mu_schedule(settings: OptimizerSettings):
    if not settings.mu_schedule:
        return settings.mu
    _, start, end, steps = settings.mu_schedule
    return MuRamp(float(start), float(end), int(steps))


def hyperparameters_at(settings: OptimizerSettings, t: int) -> tuple[float, float]:
    """``(α_t, μ_t)``: what the update from step t to t + 1 uses, schedules included.

    μ is 0 for rules without momentum (SGD's ball loses all its velocity every step;
    the adaptive rules have no fixed friction).
    """
    alpha = as_schedule(_alpha_schedule(settings))(t)
    mu = as_schedule(_mu_schedule(settings))(t) if settings.name in USES_MU else 0.0
    return float(alpha), float(mu)


def make(settings: OptimizerSettings) -> Optimizer:
    """The optimizer these settings describe (validated first)."""
    validate(settings)
    alpha = _alpha_schedule(settings)
    if settings.name == "sgd":
        return sgd(alpha)
    if settings.name == "momentum":
        return momentum(alpha, _mu_schedule(settings))
    if settings.name == "nesterov":
        return nesterov(alpha, _mu_schedule(settings))
    beta1, beta2, eps = settings.beta1, settings.resolved_beta2, settings.resolved_eps
    if settings.name == "adam":
        return adam(alpha, beta1, beta2, eps)
    if settings.name == "adamw":
        return adamw(alpha, beta1, beta2, eps, settings.resolved_weight_decay)
    if settings.name == "nadam":
        return nadam(alpha, beta1, beta2, eps)
    if settings.name == "rmsprop":
        return rmsprop(alpha, beta2, eps)
    if settings.name == "adadelta":
        return adadelta(alpha, beta2, eps)
    return adagrad(alpha, eps)


__all__ = ["ADAPTIVE", "OPTIMIZER_NAMES", "TITLES", "USES_BETA1", "USES_BETA2", "USES_MU",
           "USES_RHO", "USES_WEIGHT_DECAY", "OptimizerSettings", "SettingsError",
           "hyperparameters_at", "make", "show_value", "validate"]
