"""Many seeds: a pane's N runs drawn as a faint cloud around their median path.

A many-seeds run (:class:`physics.simulation.Comparison` with ``seeds=N``) gives each
pane N balls from one start, ball k on seed k's noise or minibatches. The window draws
every ball faintly (the cloud), and one ball that stands for them all: at each step t
the **median point** ``(median_k x_k(t), median_k y_k(t))`` — each coordinate's median
over the seeds (for an even N, the mean of the two middle values, as ``numpy.median``).
Its path over ``0..t`` is the median path; the loss plot draws the seeds' median loss
and its 10–90 % band (:mod:`app.model.loss_curves`), theory's floor beside them where
there is one (:mod:`app.model.noise_floor`).

The median path is computed once per step, as the run grows, and kept: drawing step k
costs a view, not a median over the whole history.
"""

from __future__ import annotations

import weakref

import numpy as np

from physics.simulation import Comparison

_PATHS: "weakref.WeakKeyDictionary[Comparison, MedianPath]" = weakref.WeakKeyDictionary()


class MedianPath:
    """The median point of every pane's seeds at every step, kept as the run grows."""

    def __init__(self, run: Comparison):
        self.run = run
        self._points = np.empty((0, run.shape[0], 2))
        self._length = 0

    def upto(self, pane: int, step: int) -> np.ndarray:
        """Pane ``pane``'s median points for steps ``0..step``, shape ``(step + 1, 2)``."""
        n = min(step, self.run.computed_steps) + 1
        if n > self._length:
            new = np.median(self.run.trail(n - 1, first=self._length), axis=2)
            if len(self._points) < n:
                grown = np.empty((max(n, 2 * len(self._points)),) + self._points.shape[1:])
                grown[:self._length] = self._points[:self._length]
                self._points = grown
            self._points[self._length:n] = new
            self._length = n
        return self._points[:n, pane]


def median_path(run: Comparison) -> MedianPath:
    """The run's :class:`MedianPath` (one per run, made on first use)."""
    path = _PATHS.get(run)
    if path is None:
        path = _PATHS[run] = MedianPath(run)
    return path
