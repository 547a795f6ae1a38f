"""A pane's update rule with the numbers of one step put in: the rule the run really applied.

For pane ``index`` at step ``t`` (symbols of the seed lecture; α_t and μ_t from
:func:`optimizers.registry.hyperparameters_at` at ``t``, the value the update *from* t
uses; squares, roots and quotients are per coordinate)::

    SGD        W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − α g⁽ᵗ⁾,                        g⁽ᵗ⁾ = ∇L(W⁽ᵗ⁾)
    momentum   p⁽ᵗ⁺¹⁾ = μ p⁽ᵗ⁾ − α g⁽ᵗ⁾,  W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + p⁽ᵗ⁺¹⁾,  g⁽ᵗ⁾ = ∇L(W⁽ᵗ⁾)
    Nesterov   the same two lines with g⁽ᵗ⁾ = ∇L(W⁽ᵗ⁾ + μ p⁽ᵗ⁾)   (Sutskever's form, the
               one optimizers/sgd.py implements: the look-ahead uses the same μ_t)
    Adam       m⁽ᵗ⁺¹⁾ = β₁ m⁽ᵗ⁾ + (1 − β₁) g⁽ᵗ⁾,   v⁽ᵗ⁺¹⁾ = β₂ v⁽ᵗ⁾ + (1 − β₂) (g⁽ᵗ⁾)²,
               m̂ = m⁽ᵗ⁺¹⁾/(1 − β₁ᵗ⁺¹),  v̂ = v⁽ᵗ⁺¹⁾/(1 − β₂ᵗ⁺¹),  ΔW = −α m̂/(√v̂ + ε)
               (torch's step count is t + 1: the first update is torch's step 1)
    RMSprop    s⁽ᵗ⁺¹⁾ = ρ s⁽ᵗ⁾ + (1 − ρ) (g⁽ᵗ⁾)²,  ΔW = −α g⁽ᵗ⁾/(√s⁽ᵗ⁺¹⁾ + ε)
    Adagrad    s⁽ᵗ⁺¹⁾ = s⁽ᵗ⁾ + (g⁽ᵗ⁾)²,            ΔW = −α g⁽ᵗ⁾/(√s⁽ᵗ⁺¹⁾ + ε)
    adaptive   W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + ΔW

with ``g⁽ᵗ⁾`` the gradient the run used: a minibatch's, plus the noise σξ⁽ᵗ⁾ when σ > 0.

Where the numbers come from. W⁽ᵗ⁾, W⁽ᵗ⁺¹⁾, p⁽ᵗ⁾, p⁽ᵗ⁺¹⁾ and ΔW are read from the run's
history (:class:`~physics.simulation.Comparison`: ``positions``, ``velocity``, which is
the last step — heavy ball's p). ``Comparison.grads`` is the *exact* ∇L at W, so g⁽ᵗ⁾ is
asked again of the run's own gradient source at the run's own point and step, which
draws the same noise and minibatch (they depend on (seed, t) only). Adam's, RMSprop's and
Adagrad's moments are not in the history: they are replayed with the run's own optimizer
from the history's positions, with a checkpoint every :data:`CHECKPOINT_EVERY` steps, so
scrubbing costs at most that many updates. Torch's Adam writes ``m`` as a lerp, so the
``β₁m + (1 − β₁)g`` shown equals it to the last bit or two, not bit for bit.
"""

from __future__ import annotations

import textwrap
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from optimizers.adaptive import nadam_mu
from optimizers.registry import ADAPTIVE, USES_BETA1, USES_MU, USES_RHO, hyperparameters_at
from optimizers.sgd import MomentumState, SgdState
from physics.outcome import DIVERGED, LEFT
from physics.simulation import Comparison

from . import readouts, rule_text
from .rule_text import Line
from .translation import translate

CHECKPOINT_EVERY = 256
NOTE_WIDTH = 30   # characters per line of a note: it fits the narrowest numbers column


@dataclass(frozen=True, eq=False)   # arrays inside: compare fields, not records
class UpdateRule:
    """Pane ``index``'s rule at ``step``: its formula and, when the update from ``step``
    exists, the same lines with the numbers it used; else a ``note`` saying why not.

    Arrays are read-only copies of ball ``ball``'s numbers; ``None`` when the rule has no
    such quantity or there is no update to show. ``extra`` holds the adaptive rules'
    moments (``m``, ``v``, ``m_next``, ``v_next``, ``m_hat``, ``v_hat`` or ``s``,
    ``s_next``), their constants (``beta1``, ``beta2``, ``rho``, ``eps``) and Nesterov's
    look-ahead ``point``.
    """

    optimizer: str
    step: int
    formula: tuple[Line, ...]
    numbers: tuple[Line, ...]
    note: str = ""
    alpha: float = 0.0
    mu: float = 0.0
    w: np.ndarray | None = None
    w_next: np.ndarray | None = None
    g: np.ndarray | None = None
    p: np.ndarray | None = None
    p_next: np.ndarray | None = None
    delta: np.ndarray | None = None
    extra: Mapping = field(default_factory=lambda: MappingProxyType({}))

    @property
    def has_numbers(self) -> bool:
        return self.g is not None

    @property
    def formula_text(self) -> tuple[str, ...]:
        return tuple(rule_text.plain(line) for line in self.formula)

    @property
    def numbers_text(self) -> tuple[str, ...]:
        return tuple(rule_text.plain(line) for line in self.numbers)


def update_rule(run: Comparison, index: int, step: int, ball: int = 0) -> UpdateRule:
    """Pane ``index``'s rule for the update from ``step`` to ``step + 1``, as the run made it.

    ``step`` must be computed. When ``step + 1`` is not (yet), or the ball diverged or
    left the domain by then (it is frozen: no rule moved it), the record says so in
    ``note`` and carries no numbers. A converged or stalled ball still steps, by tiny
    amounts, so its numbers are shown like any other.
    """
    settings = run.settings[index]
    name = settings.name
    formula = formula_for(run, index)
    w = _frozen(run.positions(step)[index, ball])
    alpha, mu = hyperparameters_at(settings, step)
    why = _no_update(run, index, ball, step)
    if why:
        lines = tuple(((text, ""),) for text in textwrap.wrap(why, NOTE_WIDTH))
        return UpdateRule(name, step, formula, lines, why, alpha, mu, w=w)
    state = _state_at(run, index, step)
    point, grads, new_state = _advance(run, index, step, state)
    values = {"alpha": alpha, "mu": mu, "w": w, "g": _frozen(grads[ball]),
              "w_next": _frozen(run.positions(step + 1)[index, ball]),
              "delta": _frozen(run.velocity(step + 1)[index, ball])}
    extra = _extra(run, index, ball, step, state, new_state, point, grads)
    if name in USES_MU:
        values["p"] = _frozen(run.velocity(step)[index, ball])
        values["p_next"] = values["delta"]
    values.update(extra)
    lines = rule_text.numbers(name, step, values)
    if run.seeds is not None:
        # Many seeds: the numbers are one seed's run (the ball drawn is the seeds' median
        # point, which no rule moved): say which.
        lines = (((translate("rule", "seed {seed}: ").format(seed=ball), ""),) + lines[0],
                 *lines[1:])
    return UpdateRule(name, step, formula, lines, "", alpha, mu,
                      w=values["w"], w_next=values["w_next"], g=values["g"],
                      p=values.get("p"), p_next=values.get("p_next"), delta=values["delta"],
                      extra=MappingProxyType(extra))


def applied_gradient(run: Comparison, index: int, step: int) -> np.ndarray:
    """g⁽ᵗ⁾ as pane ``index``'s update from ``step`` used it, for each of its balls.

    That is the run's gradient source (exact, noisy or minibatch: the same draw for the
    same step) at the rule's gradient point — W⁽ᵗ⁾, or Nesterov's look-ahead
    W⁽ᵗ⁾ + μ_t p⁽ᵗ⁾ — not the exact ∇L(W⁽ᵗ⁾) the history keeps. The force arrow −α_t g⁽ᵗ⁾
    is drawn from it, so arrow, panel and the ball's next step agree. Cheap (one
    gradient call, no replay): only the heavy-ball family's state enters the point.
    """
    params = run.positions(step)[index]
    point = params
    if run.settings[index].name in USES_MU:
        state = MomentumState(step, run.velocity(step)[index])
        point = run.optimizers[index].gradient_point(params, state)
    with np.errstate(all="ignore"):
        return run.source.grad(point, step)


def gradient_push(run: Comparison, index: int, step: int) -> np.ndarray:
    """The part of the update from ``step`` that its own gradient g⁽ᵗ⁾ makes, for each of
    pane ``index``'s balls — what the force arrow draws, in landscape units:

    * SGD, momentum, Nesterov: ``−α_t g⁽ᵗ⁾`` (the force; SGD's whole step);
    * Adagrad, RMSprop: ``−α g⁽ᵗ⁾/(√s⁽ᵗ⁺¹⁾ + ε)``; Adadelta: ``−α √(u⁽ᵗ⁾ + ε)/√(s⁽ᵗ⁺¹⁾ + ε) g⁽ᵗ⁾``
      (their whole step: they keep no velocity);
    * Adam, AdamW: ``−α (1 − β₁)/(1 − β₁ᵗ⁺¹) · g⁽ᵗ⁾/(√v̂ + ε)`` (the new gradient's share of
      m̂); NAdam: ``−α (1 − μₜ₊₁)/(1 − Πₜ₊₁) · g⁽ᵗ⁾/d``.

    For an adaptive rule ``−α g`` is no displacement at all (Adadelta's α is a pure
    number: at α = 1 it drew an arrow as long as the gradient, across the picture).
    """
    settings = run.settings[index]
    name = settings.name
    alpha = hyperparameters_at(settings, step)[0]
    if name not in ADAPTIVE:
        return -alpha * applied_gradient(run, index, step)
    state = _state_at(run, index, step)
    _, g, new = _advance(run, index, step, state)
    terms = _adaptive_terms(settings, step, state, new, g)
    eps, b1, t = settings.resolved_eps, settings.beta1, step + 1
    with np.errstate(all="ignore"):
        if name in ("adagrad", "rmsprop"):
            return -alpha * g / terms["denominator"]
        if name == "adadelta":
            return -alpha * terms["step_delta"]
        if name == "nadam":
            return -alpha * (1 - nadam_mu(b1, t)) / (1 - float(new.mu_product)) * g / terms["d"]
        return -alpha * (1 - b1) / (1 - b1 ** t) * g / (np.sqrt(terms["v_hat"]) + eps)


def _adaptive_terms(settings, step: int, state, new, g) -> dict[str, np.ndarray]:
    """What an adaptive rule divides by (or, for Adadelta, its whole step), for every ball:
    the one computation behind the force arrow (:func:`gradient_push`) and the update
    rule's numbers (:func:`_extra`), in the optimizer's own arithmetic —

    * Adagrad, RMSprop: ``√s⁽ᵗ⁺¹⁾ + ε``; Adadelta: ``Δ = √(u⁽ᵗ⁾ + ε)/√(s⁽ᵗ⁺¹⁾ + ε)·g``;
    * Adam, AdamW: ``v̂ = v⁽ᵗ⁺¹⁾/(1 − β₂ᵗ⁺¹)``; NAdam: ``d = √(v⁽ᵗ⁺¹⁾/(1 − β₂ᵗ⁺¹)) + ε``.
    """
    name, eps, b2, t = settings.name, settings.resolved_eps, settings.resolved_beta2, step + 1
    with np.errstate(all="ignore"):
        if name in ("adagrad", "rmsprop"):
            return {"denominator": np.sqrt(new.square) + eps}
        if name == "adadelta":
            return {"step_delta": np.sqrt(state.delta_square + eps) / np.sqrt(new.square + eps) * g}
        if name == "nadam":
            return {"d": np.sqrt(new.second_moment / (1 - b2 ** t)) + eps}
        return {"v_hat": new.second_moment / (1 - b2 ** t)}


def formula_for(run: Comparison, index: int) -> tuple[Line, ...]:
    """Pane ``index``'s rule in the lecture's notation, g as this run makes it (noise,
    minibatches, Nesterov's look-ahead). The same at every step of the run."""
    source = run.source
    return rule_text.formula(run.settings[index].name, noisy=getattr(source, "sigma", 0.0) > 0,
                             minibatch=getattr(source, "batch_size", None) is not None)


def _frozen(value) -> np.ndarray:
    out = np.array(value, dtype=float)
    out.flags.writeable = False
    return out


def _no_update(run: Comparison, index: int, ball: int, step: int) -> str:
    """Why there is no update from ``step`` to show ("" when there is one)."""
    for k in (step, step + 1):
        if k <= run.computed_steps and run.states(k)[index, ball] in (DIVERGED, LEFT):
            status = readouts.status(run, index, ball, step=k)
            stays = rule_text.vector(run.positions(k)[index, ball])
            if k < step + 1:
                note = translate("rule", "t = {step}: {status}. The ball stays at {position}; "
                                         "no rule moves it now.")
            elif run.states(k)[index, ball] == DIVERGED:
                note = translate("rule", "t = {step}: {status}. This update's W was not finite "
                                         "or ran away; the ball stays at {position}.")
            else:
                note = translate("rule", "t = {step}: {status}. This update took the ball out, "
                                         "still descending; it stays at {position}.")
            return note.format(step=step, status=status, position=stays)
    if step + 1 <= run.computed_steps:
        return ""
    # (When every ball has stopped, this one has too: said above.)
    if run.history_full:
        return translate("rule", "t = {step}: the run ends here; its history is full "
                                 "(the memory cap).").format(step=step)
    return translate("rule", "t = {step}: step {next} is not computed yet.").format(
        step=step, next=step + 1)


def _advance(run: Comparison, index: int, step: int, state):
    """The run's update from ``step``, redone: ``(gradient point, g, new state)`` for every
    ball of pane ``index`` — the same call :class:`physics.stepping.Lockstep` makes."""
    optimizer = run.optimizers[index]
    params = run.positions(step)[index]
    with np.errstate(all="ignore"):
        point = optimizer.gradient_point(params, state)
        grads = run.source.grad(point, step)
        _, new_state = optimizer.update(grads, state, params)
    return point, grads, new_state


def _state_at(run: Comparison, index: int, step: int):
    """The optimizer's state before the update from ``step``.

    SGD's is its step count; heavy ball's and Nesterov's buffer p⁽ᵗ⁾ is the history's
    velocity (the array the update returned is the one it kept); the adaptive rules'
    moments are replayed (:class:`_Replay`).
    """
    name = run.settings[index].name
    if name == "sgd":
        return SgdState(step)
    if name in USES_MU:
        return MomentumState(step, run.velocity(step)[index])
    replays = _REPLAYS.setdefault(run, {})
    if index not in replays:
        replays[index] = _Replay(run.optimizers[index].init(run.start.copy()))
    return replays[index].state_at(run, index, step)


def _extra(run: Comparison, index: int, ball: int, step: int, state, new_state, point,
           grads) -> dict:
    """The moments and constants a rule shows besides W, g, p and ΔW."""
    settings = run.settings[index]
    name = settings.name
    if name == "nesterov":
        return {"point": _frozen(point[ball])}
    if name not in ADAPTIVE:
        return {}
    eps, b1, b2 = settings.resolved_eps, settings.beta1, settings.resolved_beta2
    terms = {key: value[ball] for key, value in
             _adaptive_terms(settings, step, state, new_state, grads).items()}
    if name in USES_BETA1:
        m_next, v_next = new_state.first_moment[ball], new_state.second_moment[ball]
        extra = {"m": _frozen(state.first_moment[ball]), "v": _frozen(state.second_moment[ball]),
                 "m_next": _frozen(m_next), "v_next": _frozen(v_next),
                 "beta1": b1, "beta2": b2, "eps": eps}
        if name == "nadam":
            product, mu_next = float(new_state.mu_product), nadam_mu(b1, step + 2)
            return {**extra, "mu": nadam_mu(b1, step + 1), "mu_next": mu_next,
                    "product": product, "product_next": product * mu_next,
                    "d": _frozen(terms["d"])}
        extra.update(m_hat=_frozen(m_next / (1 - b1 ** (step + 1))),
                     v_hat=_frozen(terms["v_hat"]))
        if name == "adamw":
            extra["weight_decay"] = settings.resolved_weight_decay
        return extra
    extra = {"s": _frozen(state.square[ball]), "s_next": _frozen(new_state.square[ball]),
             "eps": eps}
    if name in USES_RHO:
        extra["rho"] = b2
    if name == "adadelta":
        u, u_next = state.delta_square[ball], new_state.delta_square[ball]
        extra.update(u=_frozen(u), u_next=_frozen(u_next),
                     step_delta=_frozen(terms["step_delta"]))
    return extra


class _Replay:
    """An adaptive optimizer's state at any step of one run, recomputed from its history.

    Replaying ``update`` from the history's positions with the run's gradient source
    gives the run's states bit for bit (same inputs, same arithmetic). States at every
    multiple of :data:`CHECKPOINT_EVERY` are kept, and the last one asked for: stepping
    forward costs one update, stepping back at most a checkpoint interval.
    """

    def __init__(self, initial):
        self.checkpoints = {0: initial}
        self.last = (0, initial)

    def state_at(self, run: Comparison, index: int, step: int):
        at, state = self.last
        if at > step:
            # Reaching `at` passed every multiple of the interval below it: it is kept.
            at = step // CHECKPOINT_EVERY * CHECKPOINT_EVERY
            state = self.checkpoints[at]
        for t in range(at, step):
            state = _advance(run, index, t, state)[2]
            if (t + 1) % CHECKPOINT_EVERY == 0:
                self.checkpoints[t + 1] = state
        self.last = (step, state)
        return state


# Replays live as long as their run: a new comparison (new settings) starts afresh.
_REPLAYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
