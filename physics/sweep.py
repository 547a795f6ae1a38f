"""The (α, μ) map: one real run of the core per cell, the whole grid as one batch of balls.

Every cell of an ``n_mu × n_alpha`` grid is a ball started at the same point, with its
own α (log-spaced) and μ (linear), advanced together by :func:`physics.swarm.run_swarm`.
The measures:

``steps-to-tol``
    the step at which the ball converged (``|∇L| ≤ gtol`` and ``|p| ≤ xtol``, exactly as
    ``momentum-lab run`` reports "converged at step K"); ``nan`` if it never did within
    the steps, ``inf`` if it diverged.
``final-loss``
    ``L`` after the last step; ``inf`` if the ball diverged.
``divergence``
    the step at which the ball diverged; ``nan`` if it did not.

Row ``μ = 0`` is plain SGD, so the map shows SGD against momentum at a glance.

On quadratic landscapes (constant Hessian) :func:`theory_overlay` adds what theory
predicts (REFERENCE.md): the stability edge ``α λ_max = 2(1 + μ)``, the critical-damping
curves ``μ = (1 − √(αλ))²`` for the smallest and largest curvature, and Polyak's optimum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import theory
from .landscape import Landscape
from .simulation import NOT_YET, Tolerances
from .swarm import run_swarm

MEASURES = ("steps-to-tol", "final-loss", "divergence")
MAX_CELLS = 1_000_000


class SweepError(ValueError):
    """A bad sweep setting; one line naming it."""


@dataclass(frozen=True)
class SweepGrid:
    """α from ``alpha_range`` (log-spaced, ``n_alpha`` columns), μ from ``mu_range`` (rows)."""

    alpha_range: tuple[float, float]
    mu_range: tuple[float, float]
    n_alpha: int
    n_mu: int

    def validate(self) -> "SweepGrid":
        a0, a1 = self.alpha_range
        m0, m1 = self.mu_range
        if not (np.isfinite(a0) and np.isfinite(a1) and 0 < a0 < a1):
            raise SweepError(f"alpha range must satisfy 0 < A0 < A1, got {a0:g}:{a1:g}")
        if not (0 <= m0 < m1 <= 1):
            raise SweepError(f"mu range must satisfy 0 <= M0 < M1 <= 1, got {m0:g}:{m1:g}")
        if self.n_alpha < 2 or self.n_mu < 2:
            raise SweepError(f"grid must be at least 2x2, got {self.n_alpha}x{self.n_mu}")
        if self.n_alpha * self.n_mu > MAX_CELLS:
            raise SweepError(f"grid {self.n_alpha}x{self.n_mu} has more than {MAX_CELLS:,} cells")
        return self

    @property
    def alphas(self) -> np.ndarray:
        return np.geomspace(*self.alpha_range, self.n_alpha)

    @property
    def mus(self) -> np.ndarray:
        return np.linspace(*self.mu_range, self.n_mu)

    def coarse(self, cells: int = 40) -> "SweepGrid":
        """The same ranges with at most ``cells`` per side (the first, fast picture)."""
        return SweepGrid(self.alpha_range, self.mu_range, min(self.n_alpha, cells),
                         min(self.n_mu, cells))


@dataclass
class SweepResult:
    """``values[i, j]`` is the measure at ``mus[i]``, ``alphas[j]``."""

    grid: SweepGrid
    measure: str
    values: np.ndarray
    converged_at: np.ndarray
    diverged_at: np.ndarray
    steps: int

    @property
    def alphas(self) -> np.ndarray:
        return self.grid.alphas

    @property
    def mus(self) -> np.ndarray:
        return self.grid.mus

    def best(self) -> tuple[float, float, float] | None:
        """(α, μ, value) of the best finite cell (fewest steps / lowest loss)."""
        finite = np.isfinite(self.values)
        if self.measure == "divergence" or not finite.any():
            return None
        flat = np.where(finite, self.values, np.inf).argmin()
        i, j = np.unravel_index(flat, self.values.shape)
        return float(self.alphas[j]), float(self.mus[i]), float(self.values[i, j])


def run_sweep(landscape: Landscape, start, grid: SweepGrid, steps: int, measure: str = "steps-to-tol",
              *, nesterov: bool = False, sigma: float = 0.0, seed: int = 0,
              tolerances: Tolerances = Tolerances(), threads: int | None = None) -> SweepResult:
    """Run every cell of ``grid`` for ``steps`` steps and measure it."""
    grid.validate()
    if measure not in MEASURES:
        raise SweepError(f"unknown measure {measure!r} (choose {', '.join(MEASURES)})")
    if not 1 <= steps <= 100_000:
        raise SweepError(f"steps must be between 1 and 100000, got {steps}")
    a, m = np.meshgrid(grid.alphas, grid.mus)
    result = run_swarm(landscape, np.asarray(start, dtype=float), a.ravel(), m.ravel(), steps,
                       nesterov=nesterov, sigma=sigma, seed=seed, tolerances=tolerances,
                       threads=threads)
    shape = a.shape
    converged = result.converged_at.reshape(shape)
    diverged = result.diverged_at.reshape(shape)
    if measure == "steps-to-tol":
        values = np.where(converged != NOT_YET, converged, np.nan).astype(float)
    elif measure == "final-loss":
        with np.errstate(all="ignore"):
            values = landscape.value(result.positions).reshape(shape)
    else:
        values = np.where(diverged != NOT_YET, diverged, np.nan).astype(float)
    if measure != "divergence":
        values = np.where(diverged != NOT_YET, np.inf, values)
    return SweepResult(grid, measure, values, converged, diverged, steps)


@dataclass(frozen=True)
class TheoryOverlay:
    """Theory curves for a quadratic with curvatures ``λ_min ≤ λ_max``."""

    curvature_min: float
    curvature_max: float
    alphas: np.ndarray
    stability_mu: np.ndarray         # μ on the edge α λ_max = 2(1 + μ), for each α
    critical_mu_min: np.ndarray      # μ = (1 − √(αλ_min))², nan where αλ_min > 1
    critical_mu_max: np.ndarray
    optimum: tuple[float, float, float]   # α*, μ*, predicted rate

    def predicted_rate(self, alpha: float, mu: float) -> float:
        return float(theory.momentum_rate(alpha, mu, [self.curvature_min, self.curvature_max]))


def is_quadratic(landscape: Landscape) -> bool:
    """True when the Hessian is the same everywhere on the domain (sampled)."""
    xmin, xmax, ymin, ymax = landscape.domain
    points = np.array([[xmin, ymin], [xmax, ymax], [xmin, ymax], [(xmin + xmax) / 2, ymin],
                       [0.3 * xmin + 0.7 * xmax, 0.6 * ymin + 0.4 * ymax]])
    with np.errstate(all="ignore"):
        h = landscape.hessian(points)
    return bool(np.all(np.isfinite(h)) and np.allclose(h, h[0], rtol=1e-9, atol=1e-12))


def theory_overlay(landscape: Landscape, alphas) -> TheoryOverlay | None:
    """Theory curves over ``alphas`` if ``landscape`` is a positive-definite quadratic."""
    if not is_quadratic(landscape):
        return None
    lam_min, lam_max = (float(v) for v in landscape.curvatures(np.zeros(2)))
    if lam_min <= 0:
        return None
    alphas = np.asarray(alphas, dtype=float)
    with np.errstate(invalid="ignore"):
        edge = alphas * lam_max / 2 - 1          # α λmax = 2(1 + μ)  ⇔  μ = αλmax/2 − 1
        crit_min = np.where(alphas * lam_min <= 1, theory.critical_mu(alphas, lam_min), np.nan)
        crit_max = np.where(alphas * lam_max <= 1, theory.critical_mu(alphas, lam_max), np.nan)
    return TheoryOverlay(lam_min, lam_max, alphas, edge, crit_min, crit_max,
                         theory.optimal_momentum(lam_min, lam_max))
