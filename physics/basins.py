"""Swarms: many start points at once, and which minimum each ball ends in.

Colouring every start point by the minimum its ball reaches draws the *basins* of an
optimizer on a landscape — and shows where momentum's overshoot carries a ball into a
different basin than plain SGD (Himmelblau's four minima; the two-Gaussian bowl, where
momentum escapes the shallow well).

SGD, heavy-ball momentum and Nesterov with constant α and μ and exact or noisy gradients
(every swarm the window starts by default) run through the batched kernel
:func:`physics.batch.run_batch`, which keeps only the last step; any other rule,
schedule or minibatch runs through :class:`~physics.stepping.Lockstep`, the panes' loop.
Both record the same outcome rule and give the same positions bit for bit
(``tests/physics/test_batch.py``), so the labels do not depend on the path.
"""

from __future__ import annotations

import numpy as np

from optimizers import OptimizerSettings, make
from optimizers.registry import USES_MU

from .batch import run_batch
from .gradients import ExactGradient, NoisyGradient, make_gradient_source
from .landscape import Landscape
from .outcome import NOT_YET
from .stepping import Lockstep

ELSEWHERE = -1   # ended somewhere that is not a known minimum (still rolling, a saddle…)
DIVERGED = -2
LEFT = -3        # left the domain still descending (the loss is unbounded below)


def swarm_starts(landscape: Landscape, per_side: int, inset: float = 0.06) -> np.ndarray:
    """A ``per_side × per_side`` grid of start points covering the domain, shape ``(n, 2)``."""
    xmin, xmax, ymin, ymax = landscape.domain
    dx, dy = (xmax - xmin) * inset, (ymax - ymin) * inset
    xs = np.linspace(xmin + dx, xmax - dx, per_side)
    ys = np.linspace(ymin + dy, ymax - dy, per_side)
    grid_x, grid_y = np.meshgrid(xs, ys)
    return np.column_stack([grid_x.ravel(), grid_y.ravel()])


def destinations(landscape: Landscape, settings: OptimizerSettings, starts, steps: int = 2000,
                 sigma: float = 0.0, seed: int = 0, batch_size: int | None = None) -> np.ndarray:
    """For each start, the index of the minimum its ball ends nearest to.

    A ball counts as arriving when it ends within 3% of the domain's size of a known
    minimum; otherwise :data:`ELSEWHERE`. A ball that diverges is :data:`DIVERGED`, one
    that leaves the domain still descending :data:`LEFT` (the shared rule of
    :mod:`physics.outcome`). The balls take the same steps as the panes' run, with the
    same gradient draws, but no history is kept, so thousands of balls cost little.
    """
    source = make_gradient_source(landscape, sigma, seed, batch_size)
    starts = np.asarray(starts, dtype=float).reshape(-1, 2)
    if _batched(settings, source):
        make(settings)   # the same validation as Lockstep's
        mu = settings.mu if settings.name in USES_MU else 0.0
        result = run_batch(landscape, starts, settings.alpha, mu, steps,
                           nesterov=settings.name == "nesterov",
                           sigma=sigma if isinstance(source, NoisyGradient) else 0.0,
                           seed=seed, threads=1)
        params, diverged_at, left_at = result.positions, result.diverged_at, result.left_at
    else:
        balls = Lockstep(landscape, [settings], starts, source)
        for _ in range(steps):
            if balls.outcome.all_stopped():
                break
            balls.advance()
        params = balls.positions[0]
        diverged_at, left_at = balls.outcome.diverged_at[0], balls.outcome.left_at[0]
    labels = np.full(len(params), ELSEWHERE, dtype=int)
    if landscape.minima:
        minima = np.array(landscape.minima, dtype=float)
        distance = np.linalg.norm(params[:, None, :] - minima[None, :, :], axis=-1)
        nearest = distance.argmin(axis=1)
        close = distance[np.arange(len(params)), nearest] <= 0.03 * landscape.extent
        labels[close] = nearest[close]
    labels[diverged_at != NOT_YET] = DIVERGED
    labels[left_at != NOT_YET] = LEFT
    return labels


def _batched(settings: OptimizerSettings, source) -> bool:
    """Whether the batched kernel runs this rule: SGD or (Nesterov) momentum, constant
    α and μ, exact or noisy gradients (not minibatches)."""
    return (settings.name in ("sgd", *USES_MU) and settings.mu_schedule is None
            and settings.alpha_schedule is None
            and isinstance(source, (ExactGradient, NoisyGradient)))
