"""Scenarios: everything needed to reproduce a comparison, as one validated value.

A :class:`Scenario` names the landscape (a built-in or a typed expression), the start,
one to :data:`MAX_PANES` panes of optimizer settings, and the noise and minibatch
settings. It is immutable: every edit in the app builds a new scenario and validates
it before it replaces the current one, so a bad value never destroys the user's work.
Validation raises :class:`ScenarioError` with one line naming the first bad field.
The file format lives in :mod:`app.model.scenario_file`.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from functools import lru_cache

from optimizers.registry import OptimizerSettings, SettingsError, show_value, validate
from physics.builtins import BUILTIN_NAMES, builtin
from physics.catalog import LandscapeError, resolve_landscape
from physics.gradients import GradientSettingsError, make_gradient_source
from physics.landscape import Landscape
from physics.limits import MAX_EXPRESSION_LENGTH as MAX_LENGTH
from physics.limits import MAX_CLOUD_SEEDS, MAX_SEED, MAX_STEPS
from physics.simulation import Comparison

from .translation import translate

#: Panes side by side (and balls in the overlay): one home for the limit.
MAX_PANES = 6          # Radford's six update schemes side by side
_RAVINE = builtin("ravine")
_DEFAULT_PANES = (OptimizerSettings("sgd", alpha=_RAVINE.alpha),
                  OptimizerSettings("momentum", alpha=_RAVINE.alpha, mu=0.9))


class ScenarioError(ValueError):
    """A scenario is invalid or cannot be read or written; the message is one line."""


def _real(where: str, value, optional: bool = False) -> None:
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ScenarioError(translate("scenario errors", "{where} must be a number, got {value}")
                            .format(where=where, value=show_value(value)))
    try:
        finite = math.isfinite(value)
    except OverflowError:
        finite = False
    if not finite:
        raise ScenarioError(translate("scenario errors", "{where} must be finite, got {value}")
                            .format(where=where, value=show_value(value)))


def check_whole(where: str, value, low: int, high: int | None = None) -> int:
    """``value`` is an int in ``low..high`` (returned); the caps are what the window's spin
    boxes hold, so a scenario that validates always opens (an overflowing box bricked the
    app). Lesson files check their whole numbers with it too."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) \
            or value < low or (high is not None and value > high):
        message = (translate("scenario errors", "{where} must be a whole number >= {low}, "
                             "got {value}") if high is None else
                   translate("scenario errors", "{where} must be a whole number between {low} "
                             "and {high}, got {value}"))
        raise ScenarioError(message.format(where=where, low=low, high=high,
                                           value=show_value(value)))
    return value


def _steps(where: str, value) -> None:
    check_whole(where, value, 1, MAX_STEPS)

_MU_SCHEDULES = {"ramp": (("start", _real), ("end", _real), ("steps", _steps))}
_ALPHA_SCHEDULES = {"step": (("factor", _real), ("every", _steps)),
                    "cosine": (("steps", _steps), ("minimum", _real))}


def _check_schedule(where: str, value, shapes: dict) -> None:
    """``value`` is None or ``(kind, ...)`` with the items ``shapes[kind]`` lists."""
    if value is None:
        return
    kind = value[0] if isinstance(value, tuple) and value else None
    shape = shapes.get(kind) if isinstance(kind, str) else None
    if shape is None or len(value) != len(shape) + 1:
        forms = translate("scenario errors", " or ").join(
            f'["{k}", ' + ", ".join(n for n, _ in items) + "]" for k, items in shapes.items())
        raise ScenarioError(translate("scenario errors", "{where} must be {forms}, got {value}")
                            .format(where=where, forms=forms, value=show_value(value)))
    for (label, check), item in zip(shape, value[1:]):
        check(translate("scenario errors", "{label} in {where}").format(label=label, where=where),
              item)


def in_pane(number: int, problem) -> str:
    """``"pane 2: alpha must be > 0, got -1"``: a pane's problem, said with its number."""
    return translate("scenario errors", "pane {number}: {problem}").format(number=number,
                                                                          problem=problem)


def _check_pane(number: int, pane) -> None:
    if not isinstance(pane, OptimizerSettings):
        raise ScenarioError(in_pane(number, translate(
            "scenario errors", "must be OptimizerSettings, got {value}").format(
                value=show_value(pane))))
    try:
        for name in ("alpha", "mu", "beta1", "beta2", "eps"):
            _real(name, getattr(pane, name), optional=name in ("beta2", "eps"))
        _check_schedule("mu_schedule", pane.mu_schedule, _MU_SCHEDULES)
        _check_schedule("alpha_schedule", pane.alpha_schedule, _ALPHA_SCHEDULES)
        validate(pane)
    except (ScenarioError, SettingsError) as error:
        raise ScenarioError(in_pane(number, error)) from None


@lru_cache(maxsize=16)
def _resolve(text: str, domain) -> Landscape:
    return resolve_landscape(text, domain)


@dataclass(frozen=True)
class Scenario:
    """Everything needed to reproduce a comparison.

    Parameters
    ----------
    landscape
        A built-in name (``"ravine"``) or an expression in x and y.
    domain
        ``(xmin, xmax, ymin, ymax)`` for expressions; ``None`` = the default window.
    start
        Start point ``(x, y)``; ``None`` = the landscape's default start.
    panes
        One to four :class:`OptimizerSettings`, one per pane.
    sigma, seed, batch_size
        Gradient noise and minibatch settings (see :func:`make_gradient_source`).
    seeds
        Many seeds: every pane runs seeds ``0..seeds−1`` of that noise or those
        minibatches (``seed`` is then unused); ``None``: one run, on ``seed``.
    title
        Free text describing the scenario.
    """

    landscape: str = "ravine"
    domain: tuple[float, float, float, float] | None = None
    start: tuple[float, float] | None = None
    panes: tuple[OptimizerSettings, ...] = _DEFAULT_PANES
    sigma: float = 0.0
    seed: int = 0
    batch_size: int | None = None
    seeds: int | None = None
    title: str = ""

    def resolved_landscape(self) -> Landscape:
        """The :class:`Landscape` this scenario names (ScenarioError if it is bad)."""
        text, domain = self.landscape, self.domain
        if not isinstance(text, str) or not text.strip():
            raise ScenarioError(translate("scenario errors", "landscape must be a built-in name "
                                          "or an expression, got {value}")
                                .format(value=show_value(text)))
        if len(text) > MAX_LENGTH:
            raise ScenarioError(translate("scenario errors", "landscape expression is too long "
                                          "(max {limit} chars)").format(limit=MAX_LENGTH))
        if domain is not None:
            if text.strip().lower() in BUILTIN_NAMES:
                raise ScenarioError(translate("scenario errors", "domain applies only to typed "
                                              "expressions, not the built-in {name}")
                                    .format(name=repr(text)))
            ok = isinstance(domain, (tuple, list)) and len(domain) == 4
            for item in domain if ok else ():
                _real("domain", item)
            if not (ok and domain[0] < domain[1] and domain[2] < domain[3]):
                raise ScenarioError(translate("scenario errors", "domain must be [xmin, xmax, "
                                              "ymin, ymax] with xmin < xmax and ymin < ymax, "
                                              "got {value}").format(value=show_value(domain)))
            domain = tuple(float(d) for d in domain)
        try:
            return _resolve(text, domain)
        except LandscapeError as error:
            raise ScenarioError(str(error)) from None

    def resolved_start(self) -> tuple[float, float]:
        """The start point: :attr:`start`, or the landscape's default."""
        if self.start is None:
            return tuple(float(v) for v in self.resolved_landscape().start)
        if not isinstance(self.start, (tuple, list)) or len(self.start) != 2:
            raise ScenarioError(translate("scenario errors", "start must be [x, y], got {value}")
                                .format(value=show_value(self.start)))
        for value in self.start:
            _real("start", value)
        return float(self.start[0]), float(self.start[1])

    def validate(self) -> "Scenario":
        """Check every field; raise :class:`ScenarioError` naming the first bad one."""
        landscape = self.resolved_landscape()
        self.resolved_start()
        is_seq = isinstance(self.panes, (tuple, list))
        if not is_seq or not 1 <= len(self.panes) <= MAX_PANES:
            count = len(self.panes) if is_seq else self.panes
            raise ScenarioError(translate("scenario errors", "a scenario needs 1 to {limit} panes, "
                                          "got {count}").format(limit=MAX_PANES,
                                                                count=show_value(count)))
        for number, pane in enumerate(self.panes, 1):
            _check_pane(number, pane)
        _real(translate("scenario errors", "noise sigma"), self.sigma)
        check_whole(translate("scenario errors", "seed"), self.seed, 0, MAX_SEED)
        if self.batch_size is not None:
            check_whole(translate("scenario errors", "batch size"), self.batch_size, 1)
        if self.seeds is not None:
            check_whole(translate("scenario errors", "seeds"), self.seeds, 1, MAX_CLOUD_SEEDS)
        try:
            make_gradient_source(landscape, self.sigma, self.seed, self.batch_size)
        except GradientSettingsError as error:
            raise ScenarioError(str(error)) from None
        if not isinstance(self.title, str):
            raise ScenarioError(translate("scenario errors", "title must be text, got {value}")
                                .format(value=show_value(self.title)))
        return self

    def build_comparison(self, **kwargs) -> Comparison:
        """A :class:`Comparison` of this scenario (``kwargs`` go to its constructor)."""
        self.validate()
        return Comparison(self.resolved_landscape(), self.panes, self.resolved_start(),
                          sigma=self.sigma, seed=self.seed, batch_size=self.batch_size,
                          seeds=self.seeds, **kwargs)


def default_scenario() -> Scenario:
    """The seed lecture's story: SGD against momentum (μ = 0.9) on the ravine."""
    return Scenario(landscape="ravine", start=tuple(map(float, _RAVINE.start)),
                    panes=_DEFAULT_PANES)
