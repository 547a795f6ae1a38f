"""A comparison: several optimizers, one landscape, one start, advancing in lockstep.

The run is an *indexable history*: step k of every optimizer is computed once (by
:class:`physics.stepping.Lockstep`), stored, and read back by index. It has no cursor:
which step is on screen belongs to whoever shows it (the app's playback controller, an
export's frame loop). Playing, pausing, stepping back, scrubbing and exporting only read
steps from it, so what the screen shows, what the command line prints and what an export
contains are the same numbers.

Per ball the history records position W, the last step p (W_t = W_{t−1} + p; the
momentum buffer for heavy ball), the exact gradient ∇L(W_t) and the loss L(W_t).

Status follows the one rule of :mod:`physics.outcome` (converged: small gradient and
step; diverged: not finite, or far outside the domain). A diverged ball stops where it
last was finite; the others go on. Memory is bounded: the history holds at most
``max_history_bytes`` (256 MB by default, about 2.4 million steps for two balls); past
that the run stops growing and :attr:`Comparison.history_full` is set.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from optimizers import OptimizerSettings

from .gradients import GradientSource, make_gradient_source
from .landscape import Landscape
from .outcome import NOT_YET, Tolerances
from .stepping import Lockstep

DEFAULT_MAX_HISTORY_BYTES = 256 * 1024 * 1024
_FLOATS_PER_BALL_STEP = 7  # position 2, velocity 2, gradient 2, loss 1

__all__ = ["Comparison", "NOT_YET", "Tolerances", "DEFAULT_MAX_HISTORY_BYTES"]


class Comparison:
    """Optimizers racing on one landscape from one start: every step, kept.

    Parameters
    ----------
    landscape
        The surface.
    optimizers
        One :class:`OptimizerSettings` per pane.
    start
        Start point ``(x, y)``, or an array ``(B, 2)`` of start points (a swarm);
        every optimizer starts from the same points with zero velocity.
    sigma, seed, batch_size
        Gradient noise and minibatch settings (see :func:`make_gradient_source`).
    """

    def __init__(self, landscape: Landscape, optimizers: Sequence[OptimizerSettings],
                 start, *, sigma: float = 0.0, seed: int = 0, batch_size: int | None = None,
                 tolerances: Tolerances = Tolerances(),
                 max_history_bytes: int = DEFAULT_MAX_HISTORY_BYTES):
        if not optimizers:
            raise ValueError("a comparison needs at least one optimizer")
        self.landscape = landscape
        self.settings = tuple(optimizers)
        self.source: GradientSource = make_gradient_source(landscape, sigma, seed, batch_size)
        self.sigma, self.seed, self.batch_size = sigma, seed, batch_size
        self.tolerances = tolerances

        start = np.asarray(start, dtype=float)
        if start.shape[-1] != 2 or not np.all(np.isfinite(start)):
            raise ValueError(f"start must be finite (x, y) pairs, got {start.tolist()!r}")
        self.single_ball = start.ndim == 1
        self.start = start.reshape(-1, 2)
        self._balls = Lockstep(landscape, self.settings, self.start, self.source, tolerances)
        self.optimizers = self._balls.optimizers
        n_opt, n_balls = self._balls.shape
        self.shape = (n_opt, n_balls)

        per_step = n_opt * n_balls * _FLOATS_PER_BALL_STEP * 8
        self.max_steps = max(1, int(max_history_bytes // per_step) - 1)
        self.history_full = False

        capacity = min(1024, self.max_steps + 1)
        self._positions = np.empty((capacity, n_opt, n_balls, 2))
        self._velocity = np.empty_like(self._positions)
        self._grads = np.empty_like(self._positions)
        self._loss = np.empty((capacity, n_opt, n_balls))
        self._frontier = 0  # the last computed step
        self._keep(0)

    # -- computing -----------------------------------------------------------------------

    @property
    def computed_steps(self) -> int:
        """The last step whose numbers exist (0 = only the start)."""
        return self._frontier

    @property
    def converged_at(self) -> np.ndarray:
        """Step each ball converged at, shape ``(n_optimizers, n_balls)`` (NOT_YET: never)."""
        return self._balls.outcome.converged_at

    @property
    def diverged_at(self) -> np.ndarray:
        """Step each ball diverged at, shape ``(n_optimizers, n_balls)`` (NOT_YET: never)."""
        return self._balls.outcome.diverged_at

    def _grow(self, needed: int) -> None:
        capacity = len(self._loss)
        if needed < capacity:
            return
        new_capacity = min(max(needed + 1, 2 * capacity), self.max_steps + 1)
        for name in ("_positions", "_velocity", "_grads", "_loss"):
            old = getattr(self, name)
            new = np.empty((new_capacity,) + old.shape[1:])
            new[:capacity] = old
            setattr(self, name, new)

    def _keep(self, t: int) -> None:
        """Store the lockstep's current step as step t."""
        self._grow(t)
        balls = self._balls
        self._positions[t] = balls.positions
        self._velocity[t] = balls.velocity
        self._grads[t] = balls.grads
        self._loss[t] = balls.loss

    def ensure(self, step: int) -> int:
        """Compute forward until ``step`` exists (or the memory cap); return the last step."""
        target = min(int(step), self.max_steps)
        if step > self.max_steps:
            self.history_full = True
        while self._frontier < target:
            if self.all_stopped():
                break
            self._balls.advance()
            self._frontier += 1
            self._keep(self._frontier)
        return self._frontier

    def all_stopped(self) -> bool:
        """True when every ball has diverged (nothing left to compute)."""
        return self._balls.outcome.all_diverged()

    def all_settled(self, step: int) -> bool:
        """True when every ball has converged or diverged by ``step``."""
        return bool(np.all(self._balls.outcome.settled(step)))

    # -- reading the history -----------------------------------------------------------------

    def _check(self, step: int) -> int:
        if not 0 <= step <= self._frontier:
            raise IndexError(f"step {step} has not been computed (0..{self._frontier})")
        return step

    def positions(self, step: int) -> np.ndarray:
        """Positions at ``step``, shape ``(n_optimizers, n_balls, 2)``."""
        return self._positions[self._check(step)]

    def velocity(self, step: int) -> np.ndarray:
        """Displacement of the step that arrived at ``step`` (momentum's p)."""
        return self._velocity[self._check(step)]

    def grads(self, step: int) -> np.ndarray:
        """Exact gradient ∇L at each ball's position at ``step``."""
        return self._grads[self._check(step)]

    def loss(self, step: int) -> np.ndarray:
        """L at each ball's position, shape ``(n_optimizers, n_balls)``."""
        return self._loss[self._check(step)]

    def trail(self, step: int, first: int = 0) -> np.ndarray:
        """Positions for steps ``first..step``, shape ``(steps, n_optimizers, n_balls, 2)``."""
        return self._positions[first:self._check(step) + 1]

    def loss_history(self, step: int) -> np.ndarray:
        """Losses for steps ``0..step``, shape ``(step + 1, n_optimizers, n_balls)``."""
        return self._loss[:self._check(step) + 1]

    def velocity_history(self, step: int) -> np.ndarray:
        return self._velocity[:self._check(step) + 1]

    def grad_history(self, step: int) -> np.ndarray:
        return self._grads[:self._check(step) + 1]

    def status(self, optimizer: int, ball: int = 0, *, step: int) -> str:
        """``"running"``, ``"converged at step K"`` or ``"diverged at step K"`` as of ``step``."""
        return self._balls.outcome.status((optimizer, ball), step)
