"""The (α, μ) map as a picture: cell colours, the log-α ticks and the caption under it.

Qt-free, so the app's panel and ``momentum-lab sweep --out map.png`` draw the same map
from the same numbers.
"""

from __future__ import annotations

import math

import numpy as np

from physics.landscape import Landscape
from physics.sweep import SweepResult
from physics.theory import TheoryOverlay, theory_overlay

from .theme import MAP_DIVERGED, MAP_NOT_CONVERGED
from .translation import translate


def map_colours(result: SweepResult, lut: np.ndarray) -> np.ndarray:
    """RGBA image (rows μ, columns α): bright = good (few steps, low loss, late divergence).

    ``lut`` is the colour map as 256 RGBA rows (the theme's, looked up by the view).
    """
    values = result.values
    finite = np.isfinite(values)
    rgba = np.empty(values.shape + (4,), dtype=np.ubyte)
    rgba[...] = MAP_NOT_CONVERGED
    rgba[np.isposinf(values)] = MAP_DIVERGED
    if finite.any():
        v = values[finite]
        if result.measure == "final-loss":
            v = np.log10(np.maximum(v - v.min(), 0) + 1e-300 + 1e-12 * max(abs(v.min()), 1))
        else:
            v = np.log10(np.maximum(v, 1))
        low, high = float(v.min()), float(v.max())
        t = (v - low) / (high - low) if high > low else np.zeros_like(v)
        if result.measure == "divergence":
            t = 1 - t                      # diverging late is better than early
        rgba[finite] = lut[np.clip(((1 - t) * 255).astype(int), 0, 255)]
    return rgba


def log_ticks(low: float, high: float):
    """Ticks at 1, 2, 5 × 10ᵏ (labels only on 1 × 10ᵏ when the range spans decades)."""
    major, minor = [], []
    for k in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for m in (1, 2, 5):
            value = m * 10.0 ** k
            if low <= value <= high:
                label = f"{value:g}"
                (major if m == 1 else minor).append((math.log10(value), label))
    if len(major) < 2:          # less than a decade: label the 2s and 5s too
        return [sorted(major + minor)]
    return [major, [(x, "") for x, _ in minor]]


def map_theory(result: SweepResult, landscape: Landscape | None) -> TheoryOverlay | None:
    """The theory drawn over a map: the swept rule's own (Nesterov's edge is not heavy
    ball's), on positive-definite quadratics only."""
    if landscape is None:
        return None
    return theory_overlay(landscape, result.alphas, result.rule)


def map_caption(result: SweepResult, predicted=None, measured=None) -> str:
    """One line under the map: the best cell, theory's optimum, and the pane's measured rate.

    ``measured`` is ``(α, μ, measured rate, predicted rate)`` of the momentum pane's run.
    """
    if result.measure == "steps-to-tol":
        bright = translate("map", "bright = fewer steps to converge")
    elif result.measure == "final-loss":
        bright = translate("map", "bright = lower loss at the end")
    else:
        bright = translate("map", "bright = diverges late or never")
    text = bright + "; " + translate("map", "grey: not converged; dark red: diverged.")
    best = result.best()
    if best:
        if result.measure == "steps-to-tol":
            line = translate("map", "Best: α={alpha}, μ={mu} ({value} steps).")
        else:
            line = translate("map", "Best: α={alpha}, μ={mu} ({value} loss).")
        text += "  " + line.format(alpha=f"{best[0]:.3g}", mu=f"{best[1]:.3g}",
                                   value=f"{best[2]:.4g}")
    if predicted:
        text += "  " + translate("map", "Theory's optimum α*={alpha}, μ*={mu}, rate {rate}.").format(
            alpha=f"{predicted[0]:.3g}", mu=f"{predicted[1]:.3g}", rate=f"{predicted[2]:.4f}")
    if measured:
        alpha, mu, rate, theory_rate = measured
        text += "  " + translate("map", "The pane's run (α={alpha}, μ={mu}) contracts by {rate} "
                                        "a step; theory says {theory}.").format(
            alpha=f"{alpha:.3g}", mu=f"{mu:.3g}", rate=f"{rate:.4f}",
            theory=f"{theory_rate:.4f}")
    return text
