"""The one rule that says when a ball has converged or diverged.

Every path that moves balls — the step-by-step run behind the panes
(:class:`physics.simulation.Comparison`), the batched kernel behind the (α, μ) map
(:mod:`physics.batch`) and swarm mode's basins (:mod:`physics.basins`) — records its
balls through an :class:`OutcomeTracker`, so the three can never disagree about when a
ball arrived or blew up.

At step t, for each ball with position W, loss L(W), exact gradient ∇L(W) and last step p:

* it has **diverged** at the first t where any of W, L or ∇L is not finite, or W lies
  more than ``far`` domain-sizes from the domain's centre (no picture will ever show it
  again). A diverged ball stops where it last was finite; the caller freezes it.
* it has **converged** at the first t (before any divergence) where
  ``|∇L|² ≤ gtol²`` and ``|p|² ≤ xtol²`` — squared norms summed x then y, in that order
  on every path, so the comparisons are bit for bit the same.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .landscape import Landscape

NOT_YET = -1


@dataclass(frozen=True)
class Tolerances:
    """Convergence: ``|∇L| ≤ gtol`` and ``|p| ≤ xtol``; divergence: beyond ``far`` domains."""

    gtol: float = 1e-5
    xtol: float = 1e-6
    far: float = 10.0


class OutcomeTracker:
    """When each of a set of balls converged and diverged (:data:`NOT_YET`: not so far).

    ``shape`` is the shape of the set: ``(n_optimizers, n_balls)`` for a comparison,
    ``(n,)`` for a batch. :meth:`record` takes the state of every ball at step t as
    separate x and y arrays of that shape.
    """

    def __init__(self, landscape: Landscape, shape, tolerances: Tolerances = Tolerances()):
        self.tolerances = tolerances
        self.converged_at = np.full(shape, NOT_YET, dtype=np.int64)
        self.diverged_at = np.full(shape, NOT_YET, dtype=np.int64)
        xmin, xmax, ymin, ymax = landscape.domain
        self._centre = ((xmin + xmax) / 2, (ymin + ymax) / 2)
        self._reach = tolerances.far * landscape.extent
        self._gtol2, self._xtol2 = tolerances.gtol ** 2, tolerances.xtol ** 2
        # Kept up to date as balls settle, so a step never rescans the int arrays.
        self._alive = np.ones(shape, dtype=bool)
        self._pending = np.ones(shape, dtype=bool)   # alive and not yet converged

    def out_of_bounds(self, x, y, loss, gx, gy) -> np.ndarray:
        """True where a ball is not finite or has left the picture for good."""
        cx, cy = self._centre
        with np.errstate(invalid="ignore"):
            # NaN compares False, so "within reach" also demands finite positions.
            # In place: this runs every step of the map's kernel, for every ball.
            inside = np.abs(x - cx) <= self._reach
            inside &= np.abs(y - cy) <= self._reach
        inside &= np.isfinite(loss)
        inside &= np.isfinite(gx)
        inside &= np.isfinite(gy)
        return np.logical_not(inside, out=inside)

    def record_divergence(self, t: int, x, y, loss, gx, gy) -> np.ndarray:
        """Mark the balls that diverge at step t; return that mask (newly diverged only)."""
        new = self.out_of_bounds(x, y, loss, gx, gy)
        new &= self._alive
        if new.any():
            self.diverged_at[new] = t
            self._alive &= ~new
            self._pending &= ~new
        return new

    def record_convergence(self, t: int, gx, gy, px, py) -> None:
        """Mark the live balls whose gradient and last step are both within tolerance."""
        with np.errstate(all="ignore"):
            g2 = gx * gx
            g2 += gy * gy
            p2 = px * px
            p2 += py * py
        done = g2 <= self._gtol2
        done &= p2 <= self._xtol2
        done &= self._pending
        if done.any():
            self.converged_at[done] = t
            self._pending &= ~done

    @property
    def alive(self) -> np.ndarray:
        """The balls that have not diverged (a view: do not modify)."""
        return self._alive

    def all_diverged(self) -> bool:
        return not self._alive.any()

    def settled(self, step: int) -> np.ndarray:
        """True where a ball had converged or diverged by ``step``."""
        conv = (self.converged_at != NOT_YET) & (self.converged_at <= step)
        div = (self.diverged_at != NOT_YET) & (self.diverged_at <= step)
        return conv | div

    def status(self, index, step: int) -> str:
        """``"running"``, ``"converged at step K"`` or ``"diverged at step K"`` as of ``step``."""
        div = int(self.diverged_at[index])
        if div != NOT_YET and div <= step:
            return f"diverged at step {div}"
        conv = int(self.converged_at[index])
        if conv != NOT_YET and conv <= step:
            return f"converged at step {conv}"
        return "running"
