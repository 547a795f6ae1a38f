"""Which iterates a trail draws: every one that moves the pen, the most recent first.

A trail over steps ``0..k`` is the polyline through ``W_0, W_1, …, W_k``. On screen, two
iterates less than half a pixel apart are one point, so an iterate is *drawn* when it
lies in another half-pixel cell than the iterate before it::

    cell(W) = ⌊(W − origin) / h⌋   per axis, h = half a pixel in landscape units

Every skipped iterate shares its cell with the one before it, so a run of skipped
iterates sits in the cell of the last drawn one: the polyline through the drawn iterates
never strays from the true one by more than a cell's diagonal (0.71 px). The drawn
points are real iterates, in order; the first (the start) and the last asked for are
always among them.

What this buys: a ball that converged at step 700 and sat still for a million steps is
one point from then on, so a long run's trail is drawn whole from the start at the cost
of its path, not of its step count. A noisy ball moves the pen almost every step; its
trail is held to its most recent ``budget`` drawn points, so a frame (and a scrub across
the timeline) costs the same at step 100,000 as at step 5,000.

The cells are kept as the run grows (:meth:`TrailPoints.extend`), so a frame costs only
its new steps; a different view (zoom, resize) needs a new :class:`TrailPoints`.
"""

from __future__ import annotations

import math

import numpy as np


class TrailPoints:
    """The drawn iterates of one ball's history, for one view's half-pixel ``cell``.

    ``cell`` is ``(h_x, h_y)`` in landscape units and ``origin`` the view's lower-left
    corner; a cell that is not finite and positive (a view not laid out yet) draws every
    iterate.
    """

    def __init__(self, cell, origin=(0.0, 0.0)):
        h = np.asarray(cell, dtype=float)
        self.cell = tuple(float(v) for v in h)
        self.origin = np.asarray(origin, dtype=float)
        self._every = not all(math.isfinite(v) and v > 0 for v in self.cell)
        self._h = h
        self._seen = 0                            # iterates looked at so far
        self._last_cell: np.ndarray | None = None
        self._drawn = np.empty(0, dtype=np.int64)  # indices of drawn iterates, ascending
        self._count = 0

    def _cells(self, positions: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            cells = np.floor((positions - self.origin) / self._h)
        # A non-finite position (a ball that left) is a cell of its own: always drawn.
        return np.where(np.isfinite(cells), cells, np.nan)

    def extend(self, positions: np.ndarray) -> None:
        """Look at the iterates of ``positions`` (steps ``0..n − 1`` of the same run as
        before: a prefix never changes) that have not been seen yet."""
        n = len(positions)
        if n <= self._seen:
            return
        new = np.asarray(positions[self._seen:n], dtype=float)
        if self._every:
            moved = np.ones(len(new), dtype=bool)
        else:
            cells = self._cells(new)
            before = np.vstack([self._last_cell[None] if self._last_cell is not None
                                else np.full((1, 2), np.nan), cells[:-1]])
            # NaN never equals NaN: the start, and any non-finite point, are drawn.
            moved = np.any(cells != before, axis=1)
            self._last_cell = cells[-1]
        indices = self._seen + np.flatnonzero(moved)
        if self._count + len(indices) > len(self._drawn):
            grown = np.empty(max(2 * len(self._drawn), self._count + len(indices), 1024),
                             dtype=np.int64)
            grown[:self._count] = self._drawn[:self._count]
            self._drawn = grown
        self._drawn[self._count:self._count + len(indices)] = indices
        self._count += len(indices)
        self._seen = n

    def drawn(self, last: int, budget: int) -> np.ndarray:
        """Indices of the drawn iterates up to step ``last`` (looked at already), the most
        recent ``budget`` of them; ``last`` itself is always the final one."""
        drawn = self._drawn[:self._count]
        end = int(np.searchsorted(drawn, last, side="right"))
        chosen = drawn[max(0, end - budget):end]
        if not len(chosen) or chosen[-1] != last:
            chosen = np.append(chosen[-(budget - 1):] if budget > 1 else chosen[:0], last)
        return chosen
