"""The text of each optimizer's update rule: the formula, and the same lines with numbers.

Lines are tuples of ``(text, role)`` segments. The role is ``""`` for plain text,
:data:`FORCE` for the gradient term (drawn like the force arrow) or :data:`VELOCITY` for
the momentum / step term (drawn like the velocity arrow); :func:`plain` gives the text.
Superscripts are Unicode (``p⁽ᵗ⁺¹⁾``), so any label or terminal shows them.

Every rule's number block has a fixed number of lines (:data:`LINE_COUNTS`), whatever
the numbers: a view can give it a fixed height, so stepping never re-lays out a pane.
Long sums are broken before each operator, one ``coefficient·(x, y)`` per line, which
keeps every line short enough for four panes side by side.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .readouts import format_number
from .translation import translate

FORCE, VELOCITY = "force", "velocity"

Segment = tuple[str, str]
Line = tuple[Segment, ...]

#: ``(formula lines, number lines)`` of each rule when its numbers are shown.
LINE_COUNTS = {"sgd": (2, 4), "momentum": (3, 7), "nesterov": (3, 8), "adam": (6, 13),
               "rmsprop": (3, 8), "adagrad": (3, 8), "adadelta": (5, 14), "adamw": (6, 14),
               "nadam": (6, 13)}


def convention(name: str) -> str:
    """Which form of rule ``name`` the run implements (optimizers/sgd.py,
    optimizers/adaptive.py), in the window's language."""
    if name == "sgd":
        return translate("rule", "Plain gradient descent, the seed's x += −learning_rate·dx.")
    if name == "momentum":
        return translate("rule", "Heavy ball in the seed's form (p is the velocity, p⁽⁰⁾ = 0); "
                                 "torch's v ← μv + g, W ← W − αv is the same path only for a "
                                 "constant α.")
    if name == "nesterov":
        return translate("rule", "Nesterov in the seed's notation (Sutskever et al. 2013): the "
                                 "gradient is taken at the look-ahead W + μp; torch's "
                                 "nesterov=True tracks W + μp itself.")
    if name == "adam":
        return translate("rule", "torch.optim.Adam: bias-corrected moments, ε added after the "
                                 "square root.")
    if name == "rmsprop":
        return translate("rule", "torch.optim.RMSprop (not centered, no momentum); ρ is "
                                 "torch's alpha.")
    if name == "adagrad":
        return translate("rule", "torch.optim.Adagrad (no lr decay, accumulator starting at 0).")
    if name == "adadelta":
        return translate("rule", "torch.optim.Adadelta: u is the running average of the steps' "
                                 "Δ², which gives the step its units; ρ is torch's rho.")
    if name == "adamw":
        return translate("rule", "torch.optim.AdamW: Adam, and the weights shrunk by αλ of "
                                 "themselves each step, outside the moments.")
    if name == "nadam":
        return translate("rule", "torch.optim.NAdam: Nesterov's look-ahead in Adam's first "
                                 "moment, μₖ = β₁(1 − ½·0.96^(0.004·k)), Πₖ = μ₁⋯μₖ.")
    raise KeyError(name)


class _Conventions(Mapping):
    """:func:`convention` of every rule as a mapping, translated when it is read (not at
    import, before the window has chosen its language)."""

    _NAMES = tuple(LINE_COUNTS)

    def __getitem__(self, name: str) -> str:
        if name not in self._NAMES:
            raise KeyError(name)
        return convention(name)

    def __iter__(self):
        return iter(self._NAMES)

    def __len__(self) -> int:
        return len(self._NAMES)


#: Which form of the rule the run implements, by name (read it at call time).
CONVENTIONS = _Conventions()

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def plain(line: Line) -> str:
    """What a line says, without its roles."""
    return "".join(text for text, _ in line)


def at(step: int) -> str:
    """``5`` → ``"⁽⁵⁾"``: the lecture's step superscript with the number put in."""
    return f"⁽{str(int(step)).translate(_SUPERSCRIPT)}⁾"


def power(base: str, exponent: int) -> str:
    """``("0.9", 6)`` → ``"0.9⁶"``."""
    return base + str(int(exponent)).translate(_SUPERSCRIPT)


def number(value: float) -> str:
    """:func:`~app.model.readouts.format_number`, with a true minus sign (as the formulas)."""
    # + 0.0 turns −0.0 into 0.0: a coordinate that is exactly zero reads "0", not "−0".
    return format_number(float(value) + 0.0).replace("-", "−")


def vector(value) -> str:
    """``(x, y)`` with each coordinate as :func:`number` writes it."""
    x, y = np.asarray(value, dtype=float)
    return f"({number(x)}, {number(y)})"


def _line(*parts) -> Line:
    """A line from plain strings and ``(text, role)`` pairs."""
    return tuple((part, "") if isinstance(part, str) else part for part in parts)


def _f(text: str) -> Segment:
    return (text, FORCE)


def _v(text: str) -> Segment:
    return (text, VELOCITY)


def _sum(lhs, first, rest, result) -> list[Line]:
    """``lhs = first`` / ``   ± term`` … / ``   = result``, the ``=`` signs in one column.

    ``first``, each of ``rest`` and ``result`` are tuples of parts for :func:`_line`.
    """
    pad = " " * len(plain(_line(lhs)))
    lines = [_line(lhs, " = ", *first)]
    lines += [_line(pad, " ", *term) for term in rest]
    return lines + [_line(pad, " = ", *result)]


# -- the formulas ---------------------------------------------------------------------------


def formula(name: str, noisy: bool = False, minibatch: bool = False) -> tuple[Line, ...]:
    """The rule of optimizer ``name`` in the lecture's notation; the first line says what g
    is (a minibatch's gradient, noise, Nesterov's look-ahead point)."""
    point = "W⁽ᵗ⁾ + μ·p⁽ᵗ⁾" if name == "nesterov" else "W⁽ᵗ⁾"
    grad = "∇L_batch" if minibatch else "∇L"
    lines = [_line(_f("g⁽ᵗ⁾"), f" = {grad}({point})" + (" + σξ⁽ᵗ⁾" if noisy else ""))]
    if name == "sgd":
        lines.append(_line("W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − α·", _f("g⁽ᵗ⁾")))
    elif name in ("momentum", "nesterov"):
        lines += [_line(_v("p⁽ᵗ⁺¹⁾"), " = μ·", _v("p⁽ᵗ⁾"), " − α·", _f("g⁽ᵗ⁾")),
                  _line("W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + ", _v("p⁽ᵗ⁺¹⁾"))]
    elif name in ("adam", "adamw", "nadam"):
        lines += [_line("m⁽ᵗ⁺¹⁾ = β₁·m⁽ᵗ⁾ + (1−β₁)·", _f("g⁽ᵗ⁾")),
                  _line("v⁽ᵗ⁺¹⁾ = β₂·v⁽ᵗ⁾ + (1−β₂)·(", _f("g⁽ᵗ⁾"), ")²")]
        if name == "nadam":
            lines += [_line("d = √(v⁽ᵗ⁺¹⁾/(1−β₂ᵗ⁺¹)) + ε"),
                      _line("W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − α(1−μₜ₊₁)/(1−Πₜ₊₁)·", _f("g⁽ᵗ⁾"), "/d"),
                      _line("    − α·μₜ₊₂/(1−Πₜ₊₁μₜ₊₂)·m⁽ᵗ⁺¹⁾/d")]
        else:
            decay = " − αλ·W⁽ᵗ⁾" if name == "adamw" else ""
            lines += [_line("m̂ = m⁽ᵗ⁺¹⁾/(1−β₁ᵗ⁺¹)"), _line("v̂ = v⁽ᵗ⁺¹⁾/(1−β₂ᵗ⁺¹)"),
                      _line(f"W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾{decay} − α·m̂/(√v̂ + ε)")]
    elif name == "adadelta":
        lines += [_line("s⁽ᵗ⁺¹⁾ = ρ·s⁽ᵗ⁾ + (1−ρ)·(", _f("g⁽ᵗ⁾"), ")²"),
                  _line("Δ = √(u⁽ᵗ⁾ + ε)/√(s⁽ᵗ⁺¹⁾ + ε)·", _f("g⁽ᵗ⁾")),
                  _line("u⁽ᵗ⁺¹⁾ = ρ·u⁽ᵗ⁾ + (1−ρ)·Δ²"),
                  _line("W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − α·Δ")]
    else:
        accumulate = ("s⁽ᵗ⁺¹⁾ = ρ·s⁽ᵗ⁾ + (1−ρ)·(" if name == "rmsprop" else "s⁽ᵗ⁺¹⁾ = s⁽ᵗ⁾ + (")
        lines += [_line(accumulate, _f("g⁽ᵗ⁾"), ")²"),
                  _line("W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − α·", _f("g⁽ᵗ⁾"), "/(√s⁽ᵗ⁺¹⁾ + ε)")]
    return tuple(lines)


# -- the numbers ----------------------------------------------------------------------------


def numbers(name: str, t: int, values: Mapping) -> tuple[Line, ...]:
    """Optimizer ``name``'s rule for the update from ``t`` to ``t + 1``, numbers put in.

    ``values`` holds what the run used: ``alpha``, ``w``, ``w_next``, ``g``, ``delta``;
    ``mu``, ``p``, ``p_next`` (and ``point``, Nesterov's look-ahead) for the momentum
    rules; ``m``, ``v``, ``m_next``, ``v_next``, ``m_hat``, ``v_hat`` and the constants
    for Adam (``beta1``, ``beta2``, ``eps``); ``s``, ``s_next``, ``eps`` (and ``rho``) for
    RMSprop and Adagrad.
    """
    now, nxt = at(t), at(t + 1)
    a, g = number(values["alpha"]), _f(vector(values["g"]))
    w, w_next = vector(values["w"]), vector(values["w_next"])
    if name == "sgd":
        return (_line(f"t = {t}  α = {a}"), *_sum(f"W{nxt}", (w,), [(f"− {a}·", g)], (w_next,)))
    if name in ("momentum", "nesterov"):
        mu = number(values["mu"])
        lines = [_line(f"t = {t}  α = {a}  μ = {mu}")]
        if name == "nesterov":
            lines.append(_line(f"W{now} + μ·p{now} = {vector(values['point'])}"))
        p_next = _v(vector(values["p_next"]))
        lines += _sum(_v(f"p{nxt}"), (f"{mu}·", _v(vector(values["p"]))), [(f"− {a}·", g)],
                      (p_next,))
        return (*lines, *_sum(f"W{nxt}", (w,), [("+ ", p_next)], (w_next,)))
    eps = number(values["eps"])
    delta = _v(vector(values["delta"]))
    # Each rule: its own lines, then ΔW as it makes it; every one ends W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + ΔW.
    if name in ("adam", "adamw", "nadam"):
        b1, b2 = values["beta1"], values["beta2"]
        header = f"t = {t}  α = {a}"            # β₁, β₂ are the m and v lines' factors
        if name == "adamw":
            header += f"  λ = {number(values['weight_decay'])}"
        if name == "nadam":
            header += f"  μₜ₊₁ = {number(values['mu'])}  μₜ₊₂ = {number(values['mu_next'])}"
        lines = [_line(header),
                 *_sum(f"m{nxt}", (f"{number(b1)}·", vector(values["m"])),
                       [(f"+ {number(1 - b1)}·", g)], (vector(values["m_next"]),)),
                 *_sum(f"v{nxt}", (f"{number(b2)}·", vector(values["v"])),
                       [(f"+ {number(1 - b2)}·", g, "²")], (vector(values["v_next"]),))]
        if name == "nadam":
            alpha, mu, mu_next = values["alpha"], values["mu"], values["mu_next"]
            now_factor = number(alpha * (1 - mu) / (1 - values["product"]))
            next_factor = number(alpha * mu_next / (1 - values["product_next"]))
            lines.append(_line(f"d = √(v{nxt}/{number(1 - b2 ** (t + 1))}) + {eps} = "
                               f"{vector(values['d'])}"))
            step = _sum(_v("ΔW"), (f"−{now_factor}·", _f(f"g{now}"), "/d"),
                        [(f"− {next_factor}·m{nxt}/d",)], (delta,))
        else:
            lines += [
                _line(f"m̂ = m{nxt}/{number(1 - b1 ** (t + 1))} = {vector(values['m_hat'])}"),
                _line(f"v̂ = v{nxt}/{number(1 - b2 ** (t + 1))} = {vector(values['v_hat'])}")]
            decay = ([(f"− {number(values['alpha'] * values['weight_decay'])}·", w)]
                     if name == "adamw" else [])
            step = _sum(_v("ΔW"), (f"−{a}·", f"m̂/(√v̂ + {eps})"), decay, (delta,))
    elif name == "adadelta":
        rho = values["rho"]
        lines = [_line(f"t = {t}  α = {a}  ρ = {number(rho)}"),
                 *_sum(f"s{nxt}", (f"{number(rho)}·", vector(values["s"])),
                       [(f"+ {number(1 - rho)}·", g, "²")], (vector(values["s_next"]),)),
                 _line(f"u{now} = {vector(values['u'])}"),
                 *_sum("Δ", (f"√(u{now} + {eps})/√(s{nxt} + {eps})·", _f(f"g{now}")), [],
                       (vector(values["step_delta"]),)),
                 *_sum(f"u{nxt}", (f"{number(rho)}·u{now}",), [(f"+ {number(1 - rho)}·Δ²",)],
                       (vector(values["u_next"]),))]
        step = _sum(_v("ΔW"), (f"−{a}·Δ",), [], (delta,))
    else:
        if name == "rmsprop":
            rho = values["rho"]
            lines = [_line(f"t = {t}  α = {a}  ρ = {number(rho)}"),
                     *_sum(f"s{nxt}", (f"{number(rho)}·", vector(values["s"])),
                           [(f"+ {number(1 - rho)}·", g, "²")], (vector(values["s_next"]),))]
        else:
            lines = [_line(f"t = {t}  α = {a}"),
                     *_sum(f"s{nxt}", (vector(values["s"]),), [("+ ", g, "²")],
                           (vector(values["s_next"]),))]
        step = _sum(_v("ΔW"), (f"−{a}·", _f(f"g{now}"), f"/(√s{nxt} + {eps})"), [], (delta,))
    return (*lines, *step, *_sum(f"W{nxt}", (w, " + ", _v("ΔW")), [], (w_next,)))
