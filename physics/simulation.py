"""A comparison: several optimizers, one landscape, one start, advancing in lockstep.

The run is an *indexable history*: step k of every optimizer is computed once, stored,
and read back by index. Playing, pausing, stepping back, scrubbing and exporting only
move an index into it, so what the screen shows, what the command line prints and what
an export contains are the same numbers.

Each step t, for every optimizer i (all balls of a pane at once, shape ``(B, 2)``)::

    q      = optimizer.gradient_point(W_t, state)      # W_t, or W_t + μp for Nesterov
    g      = source.grad(q, t)                          # exact, noisy or minibatch
    ΔW, state = optimizer.update(g, state, W_t)
    W_t+1  = W_t + ΔW

The gradient source draws its randomness from (seed, t) only, so every optimizer gets
the same noise / minibatch at step t (common random numbers).

Per ball the history records position W, the last step p (W_t = W_{t−1} + p; the
momentum buffer for heavy ball), the exact gradient ∇L(W_t) and the loss L(W_t).

Status: a ball has *converged* at the first step where ``|∇L| ≤ gtol`` and its last
move ``|p| ≤ xtol``; it has *diverged* at the first step whose position, loss or
gradient is not finite or lies far outside the domain (see
:meth:`Landscape.is_far_outside`). A diverged ball stops where it last was finite; the
others go on. Memory is bounded: the history holds at most ``max_history_bytes``
(256 MB by default, about 2.4 million steps for two balls); past that the run stops
growing and :attr:`Comparison.history_full` is set.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from optimizers import OptimizerSettings, make
from optimizers.base import Optimizer

from .gradients import GradientSource, make_gradient_source
from .landscape import Landscape

DEFAULT_MAX_HISTORY_BYTES = 256 * 1024 * 1024
_FLOATS_PER_BALL_STEP = 7  # position 2, velocity 2, gradient 2, loss 1
NOT_YET = -1


@dataclass(frozen=True)
class Tolerances:
    """Convergence: ``|∇L| ≤ gtol`` and ``|p| ≤ xtol``; divergence: beyond ``far`` domains."""

    gtol: float = 1e-5
    xtol: float = 1e-6
    far: float = 10.0


class Comparison:
    """Optimizers racing on one landscape from one start, with a step cursor.

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
        self.optimizers: list[Optimizer] = [make(s) for s in self.settings]
        self.source: GradientSource = make_gradient_source(landscape, sigma, seed, batch_size)
        self.sigma, self.seed, self.batch_size = sigma, seed, batch_size
        self.tolerances = tolerances

        start = np.asarray(start, dtype=float)
        if start.shape[-1] != 2 or not np.all(np.isfinite(start)):
            raise ValueError(f"start must be finite (x, y) pairs, got {start.tolist()!r}")
        self.single_ball = start.ndim == 1
        self.start = start.reshape(-1, 2)
        n_opt, n_balls = len(self.optimizers), len(self.start)
        self.shape = (n_opt, n_balls)

        per_step = n_opt * n_balls * _FLOATS_PER_BALL_STEP * 8
        self.max_steps = max(1, int(max_history_bytes // per_step) - 1)
        self.history_full = False

        capacity = min(1024, self.max_steps + 1)
        self._positions = np.empty((capacity, n_opt, n_balls, 2))
        self._velocity = np.empty_like(self._positions)
        self._grads = np.empty_like(self._positions)
        self._loss = np.empty((capacity, n_opt, n_balls))
        self.converged_at = np.full(self.shape, NOT_YET, dtype=np.int64)
        self.diverged_at = np.full(self.shape, NOT_YET, dtype=np.int64)

        self._states = [opt.init(self.start.copy()) for opt in self.optimizers]
        self._frontier = 0  # the last computed step
        self.current = 0    # the cursor the app and exports move
        self._record(0, np.broadcast_to(self.start, self.shape + (2,)),
                     np.zeros(self.shape + (2,)))

    # -- computing -----------------------------------------------------------------------

    @property
    def computed_steps(self) -> int:
        """The last step whose numbers exist (0 = only the start)."""
        return self._frontier

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

    def _record(self, t: int, positions: np.ndarray, velocity: np.ndarray) -> None:
        """Store step t, checking convergence and divergence of each ball."""
        self._grow(t)
        with np.errstate(all="ignore"):
            loss = self.landscape.value(positions)
            grads = self.landscape.grad(positions)
            finite = (np.all(np.isfinite(positions), axis=-1) & np.isfinite(loss)
                      & np.all(np.isfinite(grads), axis=-1))
            bad = ~finite | self.landscape.is_far_outside(
                np.where(np.isfinite(positions), positions, 0.0), self.tolerances.far)
            newly_diverged = bad & (self.diverged_at == NOT_YET)
            self.diverged_at[newly_diverged] = t
            if t > 0:
                # A diverged ball stays where it last was finite and stops moving.
                stopped = self.diverged_at != NOT_YET
                positions = np.where(stopped[..., None], self._positions[t - 1], positions)
                velocity = np.where(stopped[..., None], 0.0, velocity)
                loss = np.where(stopped, self._loss[t - 1], loss)
                grads = np.where(stopped[..., None], self._grads[t - 1], grads)
            # Squared norms, summed x then y: physics.swarm does exactly the same sums.
            g2 = grads[..., 0] * grads[..., 0] + grads[..., 1] * grads[..., 1]
            p2 = velocity[..., 0] * velocity[..., 0] + velocity[..., 1] * velocity[..., 1]
        done = ((g2 <= self.tolerances.gtol ** 2) & (p2 <= self.tolerances.xtol ** 2)
                & (self.converged_at == NOT_YET) & (self.diverged_at == NOT_YET))
        self.converged_at[done] = t
        self._positions[t] = positions
        self._velocity[t] = velocity
        self._grads[t] = grads
        self._loss[t] = loss

    def _advance_one(self) -> None:
        t = self._frontier
        current = self._positions[t]
        new_positions = np.empty_like(current)
        new_velocity = np.empty_like(current)
        with np.errstate(all="ignore"):
            for i, optimizer in enumerate(self.optimizers):
                params = current[i]
                query = optimizer.gradient_point(params, self._states[i])
                grads = self.source.grad(query, t)
                step, self._states[i] = optimizer.update(grads, self._states[i], params)
                new_positions[i] = params + step
                new_velocity[i] = step
        self._frontier = t + 1
        self._record(t + 1, new_positions, new_velocity)

    def ensure(self, step: int) -> int:
        """Compute forward until ``step`` exists (or the memory cap); return the last step."""
        target = min(int(step), self.max_steps)
        if step > self.max_steps:
            self.history_full = True
        while self._frontier < target:
            if self.all_stopped():
                break
            self._advance_one()
        return self._frontier

    def all_stopped(self) -> bool:
        """True when every ball has diverged (nothing left to compute)."""
        return bool(np.all(self.diverged_at != NOT_YET))

    def all_settled(self, step: int | None = None) -> bool:
        """True when every ball has converged or diverged by ``step`` (default: current)."""
        k = self.current if step is None else step
        conv = (self.converged_at != NOT_YET) & (self.converged_at <= k)
        div = (self.diverged_at != NOT_YET) & (self.diverged_at <= k)
        return bool(np.all(conv | div))

    # -- the cursor -------------------------------------------------------------------------

    def seek(self, step: int) -> int:
        """Move the cursor to ``step`` (computing it if needed); returns where it landed."""
        self.current = max(0, min(int(step), self.ensure(max(0, int(step)))))
        return self.current

    def step_forward(self, count: int = 1) -> int:
        return self.seek(self.current + count)

    def step_back(self, count: int = 1) -> int:
        return self.seek(self.current - count)

    def reset(self) -> int:
        """Back to step 0. The history is kept: replaying it gives the same numbers."""
        self.current = 0
        return 0

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

    def status(self, optimizer: int, ball: int = 0, step: int | None = None) -> str:
        """``"running"``, ``"converged at step K"`` or ``"diverged at step K"`` as of ``step``."""
        k = self.current if step is None else step
        div = int(self.diverged_at[optimizer, ball])
        if div != NOT_YET and div <= k:
            return f"diverged at step {div}"
        conv = int(self.converged_at[optimizer, ball])
        if conv != NOT_YET and conv <= k:
            return f"converged at step {conv}"
        return "running"
