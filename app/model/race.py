"""A fair stochastic race: every optimizer over many seeds, compared seed by seed.

One noisy run proves nothing: a lucky draw can make either rule look better. A race runs
seeds ``0..N−1``; for seed k every optimizer sees the *same* noise draws or minibatches
(common random numbers: the draw of step t depends on ``(k, t)`` only — see
:mod:`physics.gradients`), so seed k of a race is exactly ``momentum-lab run --seed k``
with the same settings, and the panes' difference on it comes from the update rule
alone. For each optimizer and seed it records

* the **final loss** ``L(W_T)`` after ``T`` steps (the exact loss at the ball, as ``run``
  reports it), and
* the **steps to tolerance**: the first step t with ``L(W_t) − L_min ≤ tol`` (``L`` when
  the landscape's minimum is unknown), or never.

It summarises each optimizer by the median and quartiles over seeds (never = +∞), and
each pair (A, B) by a paired comparison: on how many seeds A reached the tolerance first
(and had the lower final loss), ties apart, with a 95 % Wilson score interval for the
fraction of the untied seeds that A won:

    p̂ = wins / n,   centre = (p̂ + z²/2n) / (1 + z²/n),
    half-width = z √(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n),   z = 1.96.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from physics.landscape import Landscape
from physics.simulation import Comparison

from .noise_floor import noise_floor

#: The default tolerance, as a fraction of the start's loss gap ``L(W₀) − L_min``.
DEFAULT_TOL_FRACTION = 1e-3
Z95 = 1.959963984540054
NEVER = -1


@dataclass(frozen=True)
class Quartiles:
    """Median and quartiles over the seeds (``inf``: more than that many never got there)."""

    q1: float
    median: float
    q3: float


@dataclass(frozen=True)
class Paired:
    """A against B over the seeds: ``wins`` for A, ``losses``, ``ties``; the fraction of
    the untied seeds A won and its 95 % interval (NaN when every seed tied)."""

    wins: int
    losses: int
    ties: int
    fraction: float
    low: float
    high: float


@dataclass(frozen=True)
class Race:
    """Per-seed results (``final_loss[k, i]``, ``steps_to_tol[k, i]``; NEVER: not reached)."""

    landscape: Landscape
    settings: tuple
    seeds: int
    steps: int
    tol: float
    final_loss: np.ndarray
    steps_to_tol: np.ndarray
    noise_floors: tuple = ()      # per optimizer: theory's long-run E[L − L_min], or None

    def final_mean(self, pane: int) -> float:
        return float(np.mean(self.final_loss[:, pane]))

    def final_quartiles(self, pane: int) -> Quartiles:
        return quartiles(self.final_loss[:, pane])

    def steps_quartiles(self, pane: int) -> Quartiles:
        steps = self.steps_to_tol[:, pane].astype(float)
        return quartiles(np.where(steps == NEVER, np.inf, steps))

    def reached(self, pane: int) -> int:
        return int((self.steps_to_tol[:, pane] != NEVER).sum())

    def first_to_tol(self, a: int, b: int) -> Paired:
        """A reaches the tolerance first (never counts as later than any step)."""
        steps = np.where(self.steps_to_tol == NEVER, np.iinfo(np.int64).max, self.steps_to_tol)
        return paired(steps[:, a] < steps[:, b], steps[:, a] > steps[:, b])

    def lower_final_loss(self, a: int, b: int) -> Paired:
        loss = self.final_loss
        return paired(loss[:, a] < loss[:, b], loss[:, a] > loss[:, b])


def quartiles(values: np.ndarray) -> Quartiles:
    """Linear-interpolated quartiles; a quartile that touches ``inf`` is ``inf``."""
    ordered = np.sort(np.asarray(values, dtype=float))
    out = []
    for q in (0.25, 0.5, 0.75):
        position = q * (len(ordered) - 1)
        low, high = ordered[math.floor(position)], ordered[math.ceil(position)]
        out.append(math.inf if math.isinf(high) else float(low + (high - low) * (position % 1)))
    return Quartiles(*out)


def paired(wins: np.ndarray, losses: np.ndarray) -> Paired:
    """Counts and the Wilson score interval of the untied seeds' win fraction."""
    w, l = int(np.sum(wins)), int(np.sum(losses))
    n = w + l
    if n == 0:
        return Paired(0, 0, len(wins), math.nan, math.nan, math.nan)
    p, z2 = w / n, Z95 * Z95
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return Paired(w, l, len(wins) - n, p, max(0.0, centre - half), min(1.0, centre + half))


def default_tolerance(landscape: Landscape, start) -> float:
    """:data:`DEFAULT_TOL_FRACTION` of the start's loss gap to the minimum."""
    gap = float(landscape.value(np.asarray(start, dtype=float))) - minimum_loss(landscape)
    return DEFAULT_TOL_FRACTION * abs(gap) if gap else DEFAULT_TOL_FRACTION


def minimum_loss(landscape: Landscape) -> float:
    """``L_min``, the lowest known minimum's loss (0 when none is known: the gap is then L
    itself)."""
    return 0.0 if landscape.min_value is None else landscape.min_value


def run_race(landscape: Landscape, settings, start, *, seeds: int, steps: int,
             sigma: float = 0.0, batch_size: int | None = None, tol: float | None = None,
             progress=None) -> Race:
    """Every optimizer of ``settings`` from ``start`` over seeds ``0..seeds−1``.

    ``progress(done, total)`` is called after each seed (a race has no partial answer:
    it is not asked whether to stop). A run that settles before ``steps`` (every ball
    converged or diverged) keeps its last step's loss as its final one.
    """
    tol = default_tolerance(landscape, start) if tol is None else float(tol)
    low = minimum_loss(landscape)
    final = np.empty((seeds, len(settings)))
    reached = np.full((seeds, len(settings)), NEVER, dtype=np.int64)
    for k in range(seeds):
        run = Comparison(landscape, list(settings), start, sigma=sigma, seed=k,
                         batch_size=batch_size)
        last = run.ensure(steps)
        loss = run.loss_history(last)[:, :, 0]        # a settled run stops: its last step holds
        final[k] = loss[-1]
        close = (loss - low) <= tol
        hit = close.any(axis=0)
        reached[k, hit] = np.argmax(close, axis=0)[hit]
        if progress is not None:
            progress(k + 1, seeds)
    floors = tuple(noise_floor(landscape, s, sigma, batch_size) for s in settings)
    return Race(landscape, tuple(settings), seeds, steps, tol, final, reached, floors)
