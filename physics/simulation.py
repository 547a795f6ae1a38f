"""A comparison: several optimizers, one landscape, one start, advancing in lockstep.

The run is an *indexable history*: step k of every optimizer is computed once (by
:class:`physics.stepping.Lockstep`), stored, and read back by index. It has no cursor:
which step is on screen belongs to whoever shows it (the app's playback controller, an
export's frame loop). Playing, pausing, stepping back, scrubbing and exporting only read
steps from it, so what the screen shows, what the command line prints and what an export
contains are the same numbers.

Per ball the history records position W, the last step p (W_t = W_{t−1} + p; the
momentum buffer for heavy ball), the exact gradient ∇L(W_t) and the loss L(W_t).

Status follows the one rule of :mod:`physics.outcome` — converged (at a minimum),
stalled (at a saddle or on a plateau), diverged, left the domain, or running — and the
history keeps each ball's state at every step, so the status shown at any step is the
one it had then. A ball that diverged or left stops; the others go on. Memory is
bounded: the history holds at most ``max_history_bytes`` (256 MB by default, about 2.3
million steps for two balls); past that the run stops growing and
:attr:`Comparison.history_full` is set.
"""

from __future__ import annotations

import threading
from typing import Callable, Iterator, Sequence

import numpy as np

from optimizers import OptimizerSettings

from . import outcome
from .gradients import GradientSource, make_gradient_source, seed_streams
from .landscape import Landscape
from .limits import MAX_CLOUD_SEEDS
from .outcome import NOT_YET, OUTCOME_NAMES, SETTLED, STALLED, Tolerances
from .stepping import Lockstep, Steps

DEFAULT_MAX_HISTORY_BYTES = 256 * 1024 * 1024
_BYTES_PER_BALL_STEP = 7 * 8 + 1  # position 2, velocity 2, gradient 2, loss 1; state 1 byte
PROGRESS_EVERY = 4096   # steps between progress reports of a long ensure()
CHUNK_BALL_STEPS = 16384   # ball-steps computed per chunk: a few hundred kB of arrays

__all__ = ["Comparison", "NOT_YET", "Tolerances", "DEFAULT_MAX_HISTORY_BYTES", "walk"]


def walk(balls: Lockstep, target: int,
         progress: Callable[[int, int], object] | None = None) -> Iterator[Steps]:
    """Advance ``balls`` to step ``target`` (or until every ball stops), yielding each chunk
    of new steps; nothing is kept, so a caller that streams them needs no history.

    A chunk holds at most :data:`CHUNK_BALL_STEPS` ball-steps and ends at each multiple of
    :data:`PROGRESS_EVERY`, where ``progress(done, target)`` is called once the caller has
    taken the chunk; it is called with ``(target, target)`` at the end.
    """
    chunk = max(1, CHUNK_BALL_STEPS // (balls.shape[0] * balls.shape[1]))
    while balls.t < target and not balls.outcome.all_stopped():
        report = (balls.t // PROGRESS_EVERY + 1) * PROGRESS_EVERY
        yield balls.walk(min(target, report, balls.t + chunk) - balls.t)
        if progress is not None and balls.t % PROGRESS_EVERY == 0:
            progress(balls.t, target)
    if progress is not None:
        progress(target, target)


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
    seeds
        Many seeds: each pane runs ``seeds`` balls from the one ``start``, ball k on
        seed k's noise or minibatches (``seed`` is then unused; see
        :func:`physics.gradients.seed_streams`), so ball k is the run ``--seed k``.
    """

    def __init__(self, landscape: Landscape, optimizers: Sequence[OptimizerSettings],
                 start, *, sigma: float = 0.0, seed: int = 0, batch_size: int | None = None,
                 tolerances: Tolerances | None = None, seeds: int | None = None,
                 max_history_bytes: int = DEFAULT_MAX_HISTORY_BYTES):
        if not optimizers:
            raise ValueError("a comparison needs at least one optimizer")
        self.landscape = landscape
        self.settings = tuple(optimizers)
        self.source: GradientSource = make_gradient_source(landscape, sigma, seed, batch_size)
        self.sigma, self.seed, self.batch_size = sigma, seed, batch_size

        start = np.asarray(start, dtype=float)
        if start.shape[-1] != 2 or not np.all(np.isfinite(start)):
            raise ValueError(f"start must be finite (x, y) pairs, got {start.tolist()!r}")
        self.seeds = None
        if seeds is not None:
            if start.ndim != 1 or not 1 <= seeds <= MAX_CLOUD_SEEDS:
                raise ValueError(f"many seeds take one start and 1..{MAX_CLOUD_SEEDS} seeds")
            self.seeds = int(seeds)
            self.source = seed_streams(landscape, sigma, self.seeds, batch_size)
            start = np.broadcast_to(start, (self.seeds, 2))
        self.single_ball = start.ndim == 1
        self.start = start.reshape(-1, 2)
        self._balls = Lockstep(landscape, self.settings, self.start, self.source, tolerances)
        self.tolerances = self._balls.outcome.tolerances
        self.optimizers = self._balls.optimizers
        n_opt, n_balls = self._balls.shape
        self.shape = (n_opt, n_balls)

        per_step = n_opt * n_balls * _BYTES_PER_BALL_STEP
        self.max_steps = max(1, int(max_history_bytes // per_step) - 1)
        self.history_full = False

        capacity = min(1024, self.max_steps + 1)
        self._positions = np.empty((capacity, n_opt, n_balls, 2))
        self._velocity = np.empty_like(self._positions)
        self._grads = np.empty_like(self._positions)
        self._loss = np.empty((capacity, n_opt, n_balls))
        self._states = np.empty((capacity, n_opt, n_balls), dtype=np.int8)
        self._frontier = 0  # the last computed step
        self._computing = threading.Lock()   # held by the one thread computing (ensure)
        self._keep_steps(self._balls.current())   # step 0, the start

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

    @property
    def left_at(self) -> np.ndarray:
        """Step each ball left the domain at, still descending (NOT_YET: never)."""
        return self._balls.outcome.left_at

    def _grow(self, needed: int) -> None:
        capacity = len(self._loss)
        if needed < capacity:
            return
        new_capacity = min(max(needed + 1, 2 * capacity), self.max_steps + 1)
        for name in ("_positions", "_velocity", "_grads", "_loss", "_states"):
            old = getattr(self, name)
            new = np.empty((new_capacity,) + old.shape[1:], dtype=old.dtype)
            new[:capacity] = old
            setattr(self, name, new)

    def _keep_steps(self, steps) -> None:
        """Store a chunk of steps from the lockstep where they belong."""
        rows = slice(steps.first, steps.first + len(steps))
        self._grow(rows.stop - 1)
        self._positions[rows] = steps.positions
        self._velocity[rows] = steps.velocity
        self._grads[rows] = steps.grads
        self._loss[rows] = steps.loss
        self._states[rows] = steps.states

    def ensure(self, step: int, progress: Callable[[int, int], object] | None = None, *,
               wait: bool = True) -> int:
        """Compute forward until ``step`` exists (or the memory cap); return the last step.

        ``progress(done, target)`` is called every :data:`PROGRESS_EVERY` steps and at the
        end, so a caller can draw a bar or stop (by raising) during a long computation.
        Steps are computed in chunks, by :func:`walk`.

        One thread computes at a time, a chunk at a time: the app computes ahead on a
        worker while the window reads the steps that exist (a step is published, by
        moving the frontier, only once it is stored) or computes a step itself between
        two of the worker's chunks, waiting at most one chunk. With ``wait=False`` a call
        that finds another thread computing returns at once with the steps there are
        (the playback timer never waits).
        """
        target = min(int(step), self.max_steps)
        if step > self.max_steps:
            self.history_full = True
        chunks = walk(self._balls, target, progress)
        while target > self._frontier or progress is not None:
            if not self._computing.acquire(blocking=wait):
                break
            try:
                steps = next(chunks, None)     # computes the chunk, or reports and ends
                if steps is None:
                    break
                self._keep_steps(steps)
                self._frontier = self._balls.t
            finally:
                self._computing.release()
        return self._frontier

    def all_stopped(self) -> bool:
        """True when every ball has diverged or left (nothing left to compute)."""
        return self._balls.outcome.all_stopped()

    def all_settled(self, step: int) -> bool:
        """True when at ``step`` every ball is done: at a minimum, diverged, left, or
        stalled for good (see :mod:`physics.outcome`)."""
        return bool(np.all(np.isin(self.states(min(step, self._frontier)), SETTLED)))

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

    def states(self, step: int) -> np.ndarray:
        """Each ball's state at ``step`` (the codes of :mod:`physics.outcome`)."""
        return self._states[self._check(step)]

    def state_since(self, optimizer: int, ball: int, step: int) -> tuple[int, int]:
        """``(state, the step it began)`` of one ball as of ``step``."""
        history = self._states[:self._check(step) + 1, optimizer, ball]
        state = int(history[-1])
        if state in STALLED:      # a stall lasts while the ball stays still: find its start
            others = np.flatnonzero(history != state)
            return state, int(others[-1]) + 1 if others.size else 0
        if state == outcome.RUNNING:
            return state, step
        events = {outcome.CONVERGED: self.converged_at, outcome.DIVERGED: self.diverged_at,
                  outcome.LEFT: self.left_at}
        return state, int(events[state][optimizer, ball])

    def status(self, optimizer: int, ball: int = 0, *, step: int) -> str:
        """What one ball is doing as of ``step``: ``"running"``, ``"converged at step K"``,
        ``"stalled at step K (saddle)"``, ``"diverged at step K"``, ``"left the domain at
        step K"``."""
        return outcome.describe(*self.state_since(optimizer, ball, step))

    def final_outcome(self, optimizer: int = 0, ball: int = 0) -> tuple[str, int]:
        """The run's outcome for one ball at its last computed step, and when it began."""
        state, since = self.state_since(optimizer, ball, self._frontier)
        return OUTCOME_NAMES[state], since
