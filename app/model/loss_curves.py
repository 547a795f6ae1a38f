"""The loss plot's numbers: the curve of every pane, and an axis that tells the truth.

The y axis is logarithmic while it can be: it shows ``L − L_min`` where the landscape's
minimum is known (so the log axis reaches the bottom of the bowl), else ``L``. As soon as
a drawn value is not positive — a saddle's escaping ball, whose loss falls below zero —
the axis is linear instead of clamping the value to a fake floor. A swarm draws its
median ball. Within two decades (the first steps) the range is padded to whole decades
so the axis keeps a few readable ticks instead of piling them up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from physics.simulation import Comparison

from .translation import translate

LOG_FLOOR = 1e-16      # an exact zero (at the minimum) on a log axis


@dataclass(frozen=True)
class LossCurves:
    """What the loss plot draws up to a step."""

    steps: np.ndarray
    values: np.ndarray            # (steps, panes), already shifted and floored for the axis
    log: bool
    label: str
    y_range: tuple[float, float] | None    # None: let the plot fit the data
    y_ticks: list[tuple[float, str]] | None = None   # decades, when y_range is padded (log)


def loss_curves(run: Comparison, step: int) -> LossCurves:
    """Every pane's loss for steps ``0..step`` (the median ball's, in a swarm)."""
    k = min(step, run.computed_steps)
    history = run.loss_history(k)
    losses = np.median(history, axis=2) if run.shape[1] > 1 else history[:, :, 0]
    minimum = run.landscape.min_value
    shifted = losses - (minimum if minimum is not None else 0.0)
    finite = shifted[np.isfinite(shifted)]
    # L − L_min may touch 0 at the minimum (floored); a bare L must stay positive.
    log = bool(finite.size == 0 or (finite.min() >= 0 if minimum is not None
                                    else finite.min() > 0))
    label = "L − L_min" if minimum is not None and minimum != 0 else translate("loss", "loss L")
    if run.shape[1] > 1:
        label = translate("loss", "median {quantity} over the swarm").format(quantity=label)
    if log:
        label = translate("loss", "{quantity} (log)").format(quantity=label)
    values = np.maximum(shifted, LOG_FLOOR) if log else shifted
    y_range = _padded_range(values, log)
    ticks = None
    if log and y_range is not None:
        first, last = int(np.ceil(y_range[0])), int(np.floor(y_range[1]))
        ticks = [(float(e), decade_label(e)) for e in range(first, last + 1)]
    return LossCurves(np.arange(k + 1), values, log, label, y_range, ticks)


def decade_label(exponent: int) -> str:
    """``10ᵏ`` as a person writes it: 0.01, 0.1, 1, 10, 100, then 10³, 10⁻³ …"""
    if -2 <= exponent <= 2:
        return f"{10.0 ** exponent:g}"
    digits = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"10{digits}"


def _padded_range(values: np.ndarray, log: bool) -> tuple[float, float] | None:
    """A range of at least two decades (log, in log10 units) or of some width (linear)."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return None
    low, high = float(finite.min()), float(finite.max())
    if log:
        low, high = np.log10(low), np.log10(high)
        # Whole decades, at least two: the axis then labels 10ᵏ only, not every 2·10ᵏ…9·10ᵏ.
        # A tenth of a decade more each side, so the end decades' labels are drawn too.
        if high - low < 2:
            return float(np.floor(low) - 1.1), float(np.ceil(high) + 0.1)
        return None
    if high - low < 1e-12 * max(1.0, abs(high)):
        pad = max(abs(high) * 0.1, 1.0)
        return low - pad, high + pad
    return None
