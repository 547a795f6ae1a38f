"""The loss plot's numbers: the curve of every pane, and an axis that tells the truth.

The y axis is logarithmic while it can be: it shows ``L − L_min`` where the landscape's
minimum is known (so the log axis reaches the bottom of the bowl), else ``L``. As soon as
a drawn value is not positive — a saddle's escaping ball, whose loss falls below zero —
the axis is linear instead of clamping the value to a fake floor. A swarm draws its
median ball; many seeds draw the median over the seeds and, as a band, the 10th to
90th percentile (numpy's linear interpolation between order statistics).

The y range is the values' lowest and highest so far, rounded outwards to whole decades
(log; at least two, so the first steps get a few readable ticks instead of a pile of
them) or to round numbers (linear). The values over ``0..k`` only ever spread as ``k``
grows, so the range changes in jumps — a few dozen times over a whole run instead of at
every redraw, each change repainting the axis text — and depends only on the step drawn:
the window and an export of the same step show the same axis.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from physics.simulation import Comparison

from .noise_floor import noise_floor
from .translation import translate

LOG_FLOOR = 1e-16      # an exact zero (at the minimum) on a log axis


@dataclass(frozen=True)
class LossCurves:
    """What the loss plot draws up to a step."""

    steps: np.ndarray
    values: np.ndarray            # (steps, panes), already shifted and floored for the axis
    log: bool
    label: str
    y_range: tuple[float, float] | None    # None: no finite value to draw yet
    y_ticks: list[tuple[float, str]] | None = None   # labelled decades (log); None: linear
    y_minor_ticks: list[float] = ()               # the other decades (log): a tick, no label
    #: Many seeds: the band's lower and upper edge at ``steps``, each ``(steps, panes)``
    #: (thinned: each bin's lowest 10th and highest 90th percentile); None otherwise.
    band: tuple[np.ndarray, np.ndarray] | None = None
    band_label: str = ""          # the legend's words for the band
    #: Many seeds: per pane, theory's long-run mean ``E[L − L_min]`` under the noise
    #: (:func:`app.model.noise_floor.noise_floor`; None where no theory applies).
    floors: tuple = ()


def loss_curves(run: Comparison, step: int, columns: int | None = None) -> LossCurves:
    """Every pane's loss for steps ``0..step`` (the median ball's, in a swarm); with
    ``columns``, at most about two points per column (see :class:`LossHistory`)."""
    return LossHistory(run).curves(step, columns)


#: Block sizes of the extremes kept for a long history: each level's blocks are 16 of the
#: level below, so a drawing over k steps reads at most ~16·columns numbers.
LEVELS = (16, 256, 4096, 65536)
#: The band many seeds draw around their median: these percentiles over the seeds.
BAND = (10, 90)


class LossHistory:
    """A run's plotted loss, kept as the run grows, and drawn at the resolution asked for.

    The plotted value of step t is ``v_t = L_t − L_min`` (or ``L_t``; the median over a
    swarm's balls), computed once per step; many seeds add the :data:`BAND` percentiles
    as more columns (median, then lower edge, then upper, ``panes`` columns each), which
    the extremes, the range and the axis then cover too. For every block of ``b`` steps (``b`` in
    :data:`LEVELS`) it keeps the block's lowest and highest finite ``v``. A curve over
    ``0..k`` drawn ``columns`` wide then needs no more than two numbers a column: the
    steps are cut into bins of ``s ≥ (k + 1) / columns`` steps (a whole number of
    blocks), and each bin is drawn as a vertical stroke from its lowest to its highest
    value — the *peak* (min/max) envelope, so no spike of a noisy run is smoothed away —
    in time ``O(k / b)`` instead of ``O(k)``. Whether the axis is logarithmic, and its
    range, come from the same extremes: exactly what a full-resolution curve would give.
    """

    def __init__(self, run: Comparison):
        self.run = run
        self.minimum = run.landscape.min_value
        panes = run.shape[0]
        self.panes = panes
        self.banded = run.seeds is not None and run.seeds > 1
        columns = 3 * panes if self.banded else panes
        self._values = np.empty((0, columns))
        self._length = 0
        self._low = [np.empty((0, columns)) for _ in LEVELS]    # per level, per block
        self._high = [np.empty((0, columns)) for _ in LEVELS]
        self.floors = tuple(noise_floor(run.landscape, s, run.sigma, run.batch_size)
                            for s in run.settings) if self.banded else ()
        self.band_label = translate("loss", "shaded: {low}–{high} % of the {seeds} seeds").format(
            low=BAND[0], high=BAND[1], seeds=run.seeds) if self.banded else ""

    def _extend(self, k: int) -> None:
        """Compute ``v`` for the steps up to ``k`` not yet seen, and their blocks' extremes."""
        n = k + 1
        if n <= self._length:
            return
        history = self.run.loss_history(k)[self._length:n]
        new = np.median(history, axis=2) if self.run.shape[1] > 1 else history[:, :, 0]
        if self.banded:
            with np.errstate(invalid="ignore"):     # a diverged seed's inf
                edges = np.percentile(history, BAND, axis=2)
            new = np.concatenate([new, edges[0], edges[1]], axis=1)
        new = new - (self.minimum if self.minimum is not None else 0.0)
        if len(self._values) < n:
            grown = np.empty((max(n, 2 * len(self._values)), new.shape[1]))
            grown[:self._length] = self._values[:self._length]
            self._values = grown
        self._values[self._length:n] = new
        self._length = n
        below_low = below_high = None
        for level, size in enumerate(LEVELS):
            done, blocks = len(self._low[level]), n // size
            if blocks > done:
                if level == 0:
                    chunk = self._values[done * size:blocks * size]
                    finite = np.isfinite(chunk)
                    low = np.where(finite, chunk, np.inf).reshape(-1, size, chunk.shape[1])
                    high = np.where(finite, chunk, -np.inf).reshape(low.shape)
                else:
                    factor = size // LEVELS[level - 1]
                    low = below_low[done * factor:blocks * factor].reshape(-1, factor, below_low.shape[1])
                    high = below_high[done * factor:blocks * factor].reshape(low.shape)
                self._low[level] = np.concatenate([self._low[level], low.min(axis=1)])
                self._high[level] = np.concatenate([self._high[level], high.max(axis=1)])
            below_low, below_high = self._low[level], self._high[level]

    def _extremes(self, first: int, last: int, size: int, level: int | None):
        """Per bin of ``size`` steps from ``first`` (a multiple of ``size``) to ``last``
        (exclusive, ``last − first`` a multiple of ``size``): the lowest and highest
        finite value, from blocks of level ``level`` (None: from the values)."""
        if level is None:
            chunk = self._values[first:last]
            finite = np.isfinite(chunk)
            low = np.where(finite, chunk, np.inf)
            high = np.where(finite, chunk, -np.inf)
        else:
            block = LEVELS[level]
            low = self._low[level][first // block:last // block]
            high = self._high[level][first // block:last // block]
            size //= block
        shape = (-1, size, low.shape[1])
        return low.reshape(shape).min(axis=1), high.reshape(shape).max(axis=1)

    def _envelope(self, k: int, columns: int):
        """Steps and values of the min/max envelope of ``0..k``, about ``columns`` bins."""
        n = k + 1
        size = -(-n // columns)
        level = None
        for index, block in enumerate(LEVELS):
            if block <= size:
                level = index
        if level is not None:
            size = -(-size // LEVELS[level]) * LEVELS[level]
        whole = n // size * size
        low, high = self._extremes(0, whole, size, level)
        if whole < n:                         # the last, partial bin, from the values
            tail_low, tail_high = self._extremes(whole, n, n - whole, None)
            low, high = np.concatenate([low, tail_low]), np.concatenate([high, tail_high])
        starts = np.arange(len(low)) * size
        steps = np.repeat(starts, 2).astype(float)
        values = np.empty((2 * len(low), low.shape[1]))
        values[0::2], values[1::2] = low, high
        values[~np.isfinite(values)] = np.nan      # a bin with no finite value: a gap
        # The curve ends where the ball is, at step k's own value.
        return (np.append(steps, float(k)), np.vstack([values, self._values[k]]))

    def _range(self, k: int) -> tuple[float, float] | None:
        """The lowest and highest finite value over ``0..k`` (None: none is finite)."""
        lows, highs = [], []
        start = 0
        for level in reversed(range(len(LEVELS))):
            block = LEVELS[level]
            end = (k + 1) // block * block
            if end > start:
                lows.append(self._low[level][start // block:end // block].min(axis=0))
                highs.append(self._high[level][start // block:end // block].max(axis=0))
                start = end
        if start <= k:
            low, high = self._extremes(start, k + 1, k + 1 - start, None)
            lows.append(low[0])
            highs.append(high[0])
        low, high = float(np.min(lows)), float(np.max(highs))
        return None if not np.isfinite(low) else (low, high)

    def curves(self, step: int, columns: int | None = None) -> LossCurves:
        """What the loss plot draws up to ``step``, at most ~2 points a column if given."""
        k = min(step, self.run.computed_steps)
        self._extend(k)
        extent = self._range(k)
        floors = [f for f in self.floors if f is not None]
        if extent is not None and floors:        # the floor is on the axis from step 0
            extent = (min(extent[0], *floors), max(extent[1], *floors))
        minimum = self.minimum
        # L − L_min may touch 0 at the minimum (floored); a bare L must stay positive.
        log = bool(extent is None or (extent[0] >= 0 if minimum is not None else extent[0] > 0))
        shifted = minimum is not None and minimum != 0      # the curve is L − L_min
        label = "L − L_min" if shifted else translate("loss", "loss L")
        if self.banded:
            # Short ("loss" dropped): the axis is a small plot's height; the legend names
            # the band.
            label = translate("loss", "median {quantity}").format(
                quantity="L − L_min" if shifted else "L")
        elif self.run.shape[1] > 1:
            label = translate("loss", "median {quantity} over the swarm").format(quantity=label)
        if log:
            label = translate("loss", "{quantity} (log)").format(quantity=label)
        thinned = not (columns is None or k + 1 <= 2 * columns)
        if not thinned:
            steps, values = np.arange(k + 1), self._values[:k + 1]
        else:
            steps, values = self._envelope(k, columns)
        if log:
            values = np.maximum(values, LOG_FLOOR)
            extent = extent and (max(extent[0], LOG_FLOOR), max(extent[1], LOG_FLOOR))
        y_range, ticks = _axis(extent, log)
        minor = [] if ticks is None else [float(e) for e in range(round(y_range[0] + 0.1),
                                                                   round(y_range[1] - 0.1) + 1)
                                          if e not in {t for t, _ in ticks}]
        p, band = self.panes, None
        if self.banded:
            low, high = values[:, p:2 * p].copy(), values[:, 2 * p:].copy()
            if thinned:
                # The rows go (a bin's lowest, its highest) in pairs, then step k's own
                # value: the band's edges in a bin are its lowest 10th and highest 90th
                # percentile, held across the bin.
                low[1:-1:2] = low[0:-1:2]
                high[0:-1:2] = high[1:-1:2]
            band = (low, high)
        return LossCurves(steps, values[:, :p], log, label, y_range, ticks, minor, band,
                          self.band_label, self.floors)


def decade_label(exponent: int) -> str:
    """``10ᵏ`` as a person writes it: 0.01, 0.1, 1, 10, 100, then 10³, 10⁻³ …"""
    if -2 <= exponent <= 2:
        return f"{10.0 ** exponent:g}"
    digits = str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"10{digits}"


#: At most this many labelled decades on a log axis (more: every 2nd, 3rd, 5th … decade).
MOST_DECADE_LABELS = 6
DECADE_STRIDES = (1, 2, 3, 5, 10, 20, 50, 100, 1000)


def _axis(extent: tuple[float, float] | None, log: bool):
    """The y range and, on a log axis, its labelled decades, around ``extent``.

    Log (in log10 units): from ``⌊log₁₀ low⌋`` to ``⌈log₁₀ high⌉``, at least two decades,
    a tenth of a decade more each side so labels at the ends are drawn too; the decades
    labelled are the multiples of the smallest stride ``s`` in :data:`DECADE_STRIDES` that
    gives at most :data:`MOST_DECADE_LABELS` of them. Linear:
    ``low`` and ``high`` rounded outwards to a multiple of a round step (1, 2 or 5 × 10ᵏ,
    at least a fifth of the spread), 2 % more each side, the ticks left to the plot.
    """
    if extent is None:
        return None, None
    low, high = extent
    if log:
        first, last = int(np.floor(np.log10(low))), int(np.ceil(np.log10(high)))
        if last - first < 2:
            first, last = first - 1, max(last, first + 1)
        stride = next(s for s in DECADE_STRIDES
                      if last // s + (-first) // s + 1 <= MOST_DECADE_LABELS)   # ⌊last/s⌋ − ⌈first/s⌉ + 1
        ticks = [(float(e), decade_label(e)) for e in range(-stride * ((-first) // stride), last + 1, stride)]
        return (first - 0.1, last + 0.1), ticks
    spread = high - low
    if spread < 1e-12 * max(1.0, abs(high)):
        pad = max(abs(high) * 0.1, 1.0)
        return (low - pad, high + pad), None
    step = next(s for s in _round_steps(10.0 ** np.floor(np.log10(spread / 5))) if s >= spread / 5)
    low, high = step * np.floor(low / step), step * np.ceil(high / step)
    margin = 0.02 * (high - low)
    return (float(low - margin), float(high + margin)), None


def _round_steps(start):
    """``start`` × 1, 2, 5, 10, 20, 50 …"""
    while True:
        for factor in (1, 2, 5):
            yield start * factor
        start *= 10
