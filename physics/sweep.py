"""The (α, μ) map: one real run of the core per cell, the whole grid as one batch of balls.

Every cell of an ``n_mu × n_alpha`` grid is a ball started at the same point, with its
own α (log-spaced) and μ (linear), advanced together by :func:`physics.batch.run_batch`.
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

On quadratic landscapes (constant Hessian) :func:`physics.theory.theory_overlay` says
what theory predicts for the same grid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from optimizers.translation import translate

from .batch import run_batch
from .landscape import Landscape
from .outcome import NOT_YET, Tolerances

MEASURES = ("steps-to-tol", "final-loss", "divergence")
MAX_CELLS = 1_000_000
MAX_SWEEP_STEPS = 100_000   # steps per cell (a run alone may go to limits.MAX_STEPS)
#: cells × steps: what finishes in a few minutes on a laptop (~95 M ball-steps/s on one
#: core with the outcome rule). A 1,000 × 1,000 grid of 100,000 steps would take 20 minutes.
MAX_BALL_STEPS = 10_000_000_000
#: Cells per call of the kernel, between progress reports. Every cell's noise is drawn per
#: step and shared, so splitting the grid changes no number. (The kernel splits each call
#: again into cache-sized chunks, :data:`physics.batch.CHUNK_BALLS`; it draws the noise
#: once for all the calls.)
CHUNK_CELLS = 20_000


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
            raise SweepError(translate(
                "errors", "alpha range must satisfy 0 < A0 < A1, got {low}:{high}").format(
                    low=f"{a0:g}", high=f"{a1:g}"))
        if not (0 <= m0 < m1 <= 1):
            raise SweepError(translate(
                "errors", "mu range must satisfy 0 <= M0 < M1 <= 1, got {low}:{high}").format(
                    low=f"{m0:g}", high=f"{m1:g}"))
        if self.n_alpha < 2 or self.n_mu < 2:
            raise SweepError(translate(
                "errors", "grid must be at least 2x2, got {n_alpha}x{n_mu}").format(
                    n_alpha=self.n_alpha, n_mu=self.n_mu))
        if self.n_alpha * self.n_mu > MAX_CELLS:
            raise SweepError(translate(
                "errors", "grid {n_alpha}x{n_mu} has more than {max_cells} cells").format(
                    n_alpha=self.n_alpha, n_mu=self.n_mu, max_cells=f"{MAX_CELLS:,}"))
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
    rule: str                   # "momentum" or "nesterov": whose theory the map is beside
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


def check_work(grid: SweepGrid, steps: int) -> None:
    """Refuse, before any work, a sweep too long to finish (:data:`MAX_BALL_STEPS`)."""
    if not 1 <= steps <= MAX_SWEEP_STEPS:
        raise SweepError(translate(
            "errors", "steps must be between 1 and {max_steps}, got {steps}").format(
                max_steps=MAX_SWEEP_STEPS, steps=steps))
    work = grid.n_alpha * grid.n_mu * steps
    if work > MAX_BALL_STEPS:
        raise SweepError(translate(
            "errors", "grid {n_alpha}x{n_mu} x {steps} steps is {work} ball-steps, over the cap "
            "of {cap} (minutes of work): use a smaller grid or fewer steps").format(
                n_alpha=grid.n_alpha, n_mu=grid.n_mu, steps=f"{steps:,}", work=f"{work:,}",
                cap=f"{MAX_BALL_STEPS:,}"))


def run_sweep(landscape: Landscape, start, grid: SweepGrid, steps: int, measure: str = "steps-to-tol",
              *, nesterov: bool = False, sigma: float = 0.0, seed: int = 0,
              tolerances: Tolerances | None = None, threads: int | None = None,
              progress: Callable[[int, int], object] | None = None) -> SweepResult:
    """Run every cell of ``grid`` for ``steps`` steps and measure it.

    ``progress(cells_done, cells)`` is called after each chunk of cells.
    """
    grid.validate()
    if measure not in MEASURES:
        raise SweepError(translate("errors", "unknown measure {measure} (choose {measures})")
                         .format(measure=repr(measure), measures=", ".join(MEASURES)))
    check_work(grid, steps)
    a, m = np.meshgrid(grid.alphas, grid.mus)
    alphas, mus = a.ravel(), m.ravel()
    start = np.asarray(start, dtype=float)
    parts = []
    for first in range(0, alphas.size, CHUNK_CELLS):
        chunk = slice(first, first + CHUNK_CELLS)
        parts.append(run_batch(landscape, start, alphas[chunk], mus[chunk], steps,
                               nesterov=nesterov, sigma=sigma, seed=seed,
                               tolerances=tolerances, threads=threads))
        if progress is not None:
            progress(min(first + CHUNK_CELLS, alphas.size), alphas.size)
    shape = a.shape
    converged = np.concatenate([p.converged_at for p in parts]).reshape(shape)
    diverged = np.concatenate([p.diverged_at for p in parts]).reshape(shape)
    if measure == "steps-to-tol":
        values = np.where(converged != NOT_YET, converged, np.nan).astype(float)
    elif measure == "final-loss":
        positions = np.concatenate([p.positions for p in parts])
        with np.errstate(all="ignore"):
            values = landscape.value(positions).reshape(shape)
    else:
        values = np.where(diverged != NOT_YET, diverged, np.nan).astype(float)
    if measure != "divergence":
        values = np.where(diverged != NOT_YET, np.inf, values)
    return SweepResult(grid, measure, "nesterov" if nesterov else "momentum", values,
                       converged, diverged, steps)
