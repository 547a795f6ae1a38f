"""The loss-landscape record every part of Momentum Lab works with.

A landscape is a scalar function ``L(x, y)`` with its exact gradient and Hessian,
vectorised over any number of points: positions are arrays of shape ``(..., 2)``
(``P[..., 0]`` is x, ``P[..., 1]`` is y), so one call serves one ball, a swarm, or a
whole (alpha, mu) grid.

Each landscape is written once as three functions of *separate* coordinate arrays,
``value_xy(x, y)``, ``grad_xy(x, y) -> (gx, gy)`` and ``hessian_xy(x, y) -> (hxx, hxy,
hyy)``. The ``(..., 2)`` methods are thin wrappers; hot loops (benchmarks, sweeps) call
the ``*_xy`` functions on contiguous x and y arrays directly, which is about twice as
fast as strided views into an ``(N, 2)`` array. Both paths run the same arithmetic in
the same order, so they agree bit for bit.

The stochastic side (gradient noise, minibatches) lives in :mod:`physics.gradients`;
here everything is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

Array = np.ndarray
ValueFn = Callable[[Array, Array], Array]
GradFn = Callable[[Array, Array], tuple[Array, Array]]
HessFn = Callable[[Array, Array], tuple[Array, Array, Array]]


@dataclass(frozen=True)
class Landscape:
    """A 2-D loss surface with its derivatives and the hints needed to show it.

    Parameters
    ----------
    name
        Short key used on the command line and in scenario files (``"ravine"``).
        For typed expressions it is the expression itself.
    title
        Human title (``"Ravine (steep across, shallow along)"``).
    formula
        The formula as a person would write it.
    value_xy, grad_xy, hessian_xy
        ``L``, ``(dL/dx, dL/dy)`` and ``(d2L/dx2, d2L/dxdy, d2L/dy2)`` of separate
        coordinate arrays (broadcasting like numpy).
    domain
        Plotting window ``(xmin, xmax, ymin, ymax)``.
    minima
        Known minimisers, ``((x, y), ...)``; empty when unknown or none exist.
    start
        Default start point, chosen to tell the seed lecture's story.
    alpha, mu
        Suggested step size and momentum for SGD / momentum on this landscape.
    adaptive_alpha
        Suggested step size for Adam, RMSprop and Adagrad, whose steps are roughly
        ``alpha`` in length whatever the gradient's size.
    log_levels
        Whether contour levels should be log-spaced (wide value range).
    notes
        One sentence on what the landscape shows.
    batch, data_size
        For a loss over data (the regression, the network): ``batch(rows)`` is the
        gradient on those rows of its ``data_size`` samples, as a function like
        ``grad_xy`` — what a minibatch step uses (:class:`physics.gradients.MinibatchGradient`).
        ``None`` and 0 for a formula.
    """

    name: str
    title: str
    formula: str
    value_xy: ValueFn = field(repr=False)
    grad_xy: GradFn = field(repr=False)
    hessian_xy: HessFn = field(repr=False)
    domain: tuple[float, float, float, float] = (-5.0, 5.0, -5.0, 5.0)
    minima: tuple[tuple[float, float], ...] = ()
    start: tuple[float, float] = (-4.0, 4.0)
    alpha: float = 0.01
    mu: float = 0.9
    adaptive_alpha: float = 0.05
    log_levels: bool = False
    notes: str = ""
    batch: Callable[[Array], GradFn] | None = field(default=None, repr=False, compare=False)
    data_size: int = 0

    # -- (..., 2) interface ---------------------------------------------------------

    def value(self, points: Array) -> Array:
        """``L(P)`` for points of shape ``(..., 2)``; returns shape ``(...)``."""
        points = np.asarray(points, dtype=float)
        return np.asarray(self.value_xy(points[..., 0], points[..., 1]), dtype=float)

    def grad(self, points: Array) -> Array:
        """``∇L(P)`` for points of shape ``(..., 2)``; returns shape ``(..., 2)``."""
        points = np.asarray(points, dtype=float)
        gx, gy = self.grad_xy(points[..., 0], points[..., 1])
        shape = np.shape(gx)
        if np.shape(gy) != shape:   # (broadcast_shapes costs more than the gradient)
            shape = np.broadcast_shapes(shape, np.shape(gy))
        out = np.empty(shape + (2,))
        out[..., 0] = gx
        out[..., 1] = gy
        return out

    def hessian(self, points: Array) -> Array:
        """The Hessian ``∇²L(P)``; returns shape ``(..., 2, 2)`` (symmetric)."""
        points = np.asarray(points, dtype=float)
        hxx, hxy, hyy = self.hessian_xy(points[..., 0], points[..., 1])
        shape = np.broadcast_shapes(np.shape(hxx), np.shape(hxy), np.shape(hyy))
        out = np.empty(shape + (2, 2))
        out[..., 0, 0] = hxx
        out[..., 0, 1] = hxy
        out[..., 1, 0] = hxy
        out[..., 1, 1] = hyy
        return out

    def curvatures(self, points: Array) -> Array:
        """Hessian eigenvalues ``λ_min ≤ λ_max`` at each point, shape ``(..., 2)``."""
        return np.linalg.eigvalsh(self.hessian(points))

    # -- hints ------------------------------------------------------------------------

    @property
    def extent(self) -> float:
        """The larger side of the plotting domain (a length scale for tolerances)."""
        xmin, xmax, ymin, ymax = self.domain
        return max(xmax - xmin, ymax - ymin)

    @property
    def min_value(self) -> float | None:
        """The lowest known minimum value, or None when no minimum is known."""
        if not self.minima:
            return None
        return float(np.min(self.value(np.array(self.minima, dtype=float))))


def newton_polish(grad_xy, hessian_xy, guesses, iterations=30):
    """Refine approximate minimisers (literature digits, a teacher's weights) with Newton's
    method on ``grad_xy`` and ``hessian_xy``."""
    polished = []
    for x, y in guesses:
        for _ in range(iterations):
            gx, gy = grad_xy(np.float64(x), np.float64(y))
            hxx, hxy, hyy = hessian_xy(np.float64(x), np.float64(y))
            det = hxx * hyy - hxy * hxy
            dx = (hyy * gx - hxy * gy) / det
            dy = (hxx * gy - hxy * gx) / det
            x, y = x - dx, y - dy
        polished.append((float(x), float(y)))
    return tuple(polished)


def eigen_range(hxx, hxy, hyy):
    """``(λ_min, λ_max)`` of symmetric 2 × 2 Hessians ``[[hxx, hxy], [hxy, hyy]]``,
    in closed form (vectorised; cheaper than :func:`numpy.linalg.eigvalsh` per point)."""
    mean = (hxx + hyy) / 2
    radius = np.sqrt(((hxx - hyy) / 2) ** 2 + hxy ** 2)
    return mean - radius, mean + radius


def largest_curvature(hxx, hxy, hyy):
    """``max |λ|`` of the same Hessians: ``|λ_min + λ_max|/2 + radius``."""
    return np.abs(hxx + hyy) / 2 + np.sqrt(((hxx - hyy) / 2) ** 2 + hxy ** 2)
