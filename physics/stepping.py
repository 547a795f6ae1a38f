"""Several optimizers advancing in lockstep from shared start points — a run of steps at a time.

This is the loop every optimizer runs through, whatever its rule (SGD, momentum,
Nesterov, Adam, RMSprop, Adagrad): the panes' :class:`~physics.simulation.Comparison`
keeps each step it produces, ``momentum-lab run`` streams them out, swarm mode's
:func:`~physics.basins.destinations` keeps only the last. Each step t, for every
optimizer i (all of its balls at once, shape ``(B, 2)``)::

    q          = optimizer.gradient_point(W_t, state)   # W_t, or W_t + μp for Nesterov
    g          = source.grad(q, t)                       # exact, noisy or minibatch
    ΔW, state  = optimizer.update(g, state, W_t)
    W_t+1      = W_t + ΔW

The gradient source draws its randomness from (seed, t) only, so every optimizer gets
the same noise or minibatch at step t (common random numbers). Each new step is then
measured — the loss L and exact gradient ∇L where each ball now stands — and judged by
the shared rule of :mod:`physics.outcome`; a ball that diverged or left the domain stays
where it last was, with no velocity.

Only the four lines above are sequential. :meth:`Lockstep.walk` runs them for a chunk
of steps, then measures and judges the whole chunk in a few vectorised calls: the
numbers are the same function's on the same points (elementwise, so the shape of the
array they sit in does not change a bit), and the judging replays the per-step rule.
A ball that stops inside a chunk is frozen afterwards; what its optimizer computed past
its stop is never shown, so it does not matter that it kept rolling meanwhile.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import numpy as np

from optimizers import OptimizerSettings, make

from .gradients import GradientSource
from .landscape import Landscape
from .outcome import CONVERGED, DIVERGED, RUNNING, STALLED, OutcomeTracker, Tolerances


class Steps(NamedTuple):
    """Steps ``first .. first + len − 1`` of every ball: ``positions``, ``velocity`` (the
    step p that arrived there), ``grads`` (∇L) of shape ``(len, n_optimizers, n_balls,
    2)``; ``loss`` and ``states`` (the codes of :mod:`physics.outcome`) of shape
    ``(len, n_optimizers, n_balls)``."""

    first: int
    positions: np.ndarray
    velocity: np.ndarray
    grads: np.ndarray
    loss: np.ndarray
    states: np.ndarray

    def __len__(self) -> int:
        return len(self.loss)


def _walk(optimizer, grad, params, state, positions, velocity):
    """Step one optimizer's balls ``len(positions)`` times (``grad(points, j)`` gives
    step j's gradient), writing each W and p; return the last state."""
    point, update = optimizer.gradient_point, optimizer.update
    for j in range(len(positions)):
        step, state = update(grad(point(params, state), j), state, params)
        params = params + step
        positions[j] = params
        velocity[j] = step
    return state


class Lockstep:
    """The current step of every ball of every optimizer, and how to take the next ones.

    Attributes ``positions``, ``velocity`` (the last step p), ``grads`` (∇L) have shape
    ``(n_optimizers, n_balls, 2)``; ``loss`` has shape ``(n_optimizers, n_balls)``;
    ``t`` is the step they belong to; ``outcome`` holds when each ball converged or
    diverged; ``began`` the step each ball's current state began (a stall's start).
    """

    def __init__(self, landscape: Landscape, settings: Sequence[OptimizerSettings], starts,
                 source: GradientSource, tolerances: Tolerances | None = None):
        starts = np.asarray(starts, dtype=float).reshape(-1, 2)
        self.landscape, self.source = landscape, source
        self.optimizers = [make(s) for s in settings]
        self.states = [opt.init(starts.copy()) for opt in self.optimizers]
        self.shape = (len(self.optimizers), len(starts))
        self.outcome = OutcomeTracker(landscape, self.shape, tolerances)
        self.t = 0
        positions = np.array(np.broadcast_to(starts, (1,) + self.shape + (2,)))
        first = self._judge(0, positions, np.zeros_like(positions))
        self.began = np.zeros(self.shape, dtype=np.int64)
        self._state = first.states[0].copy()
        self._take(first)

    def _judge(self, t: int, positions, velocity) -> Steps:
        """Measure and judge steps ``t ..`` at these positions; freeze the stopped balls."""
        alive = self.outcome.alive.copy()
        with np.errstate(all="ignore"):
            loss, grads = self.landscape.value(positions), self.landscape.grad(positions)
        states, stop = self.outcome.record_steps(
            t, positions[..., 0], positions[..., 1], loss, grads[..., 0], grads[..., 1],
            velocity[..., 0], velocity[..., 1])
        n = len(loss)
        stop = np.where(alive, stop, 0)         # stopped before this chunk: from its start
        if t > 0 and (stop < n).any():
            # A diverged ball (or one that left) stays where it last was, and stops.
            after = np.arange(n).reshape(n, 1, 1) >= stop
            for current, chunk in ((self.positions, positions), (self.grads, grads),
                                   (self.loss, loss)):
                before = np.concatenate([current[None], chunk[:-1]])   # row k: step k − 1
                index = np.minimum(stop, n - 1).reshape((1,) + stop.shape
                                                         + (1,) * (chunk.ndim - 3))
                held = np.take_along_axis(before, index, axis=0)
                chunk[...] = np.where(after.reshape(after.shape + (1,) * (chunk.ndim - 3)),
                                      held, chunk)
            velocity[after] = 0.0
            if not self.outcome.alive.any():   # all stopped: the chunk ends there
                n = int(stop[alive].max()) + 1
        return Steps(t, positions[:n], velocity[:n], grads[:n], loss[:n], states[:n])

    def _take(self, steps: Steps) -> None:
        """Make the chunk's last step the current one."""
        states = steps.states
        changed = states != states[-1]
        after_change = steps.first + len(states) - changed[::-1].argmax(axis=0)
        kept = states[-1] == self._state
        self.began = np.where(changed.any(axis=0), after_change,
                              np.where(kept, self.began, steps.first))
        self._state = states[-1].copy()
        self.positions = steps.positions[-1].copy()
        self.velocity = steps.velocity[-1].copy()
        self.grads = steps.grads[-1].copy()
        self.loss = steps.loss[-1].copy()
        self.t = steps.first + len(states) - 1

    def walk(self, n: int) -> Steps:
        """Take steps t → t + n for every ball (fewer if every ball stops first); return
        steps ``t + 1 ..``."""
        t = self.t
        positions = np.empty((n,) + self.shape + (2,))
        velocity = np.empty_like(positions)
        with np.errstate(all="ignore"):
            grad = self.source.for_steps(t)
            for i, optimizer in enumerate(self.optimizers):
                self.states[i] = _walk(optimizer, grad, self.positions[i], self.states[i],
                                       positions[:, i], velocity[:, i])
        steps = self._judge(t + 1, positions, velocity)
        self._take(steps)
        return steps

    def current(self) -> Steps:
        """The current step alone, as a chunk of one."""
        return Steps(self.t, self.positions[None], self.velocity[None], self.grads[None],
                     self.loss[None], self._state[None])

    def advance(self) -> None:
        """Take step t → t + 1 for every ball."""
        self.walk(1)

    def state_since(self) -> tuple[np.ndarray, np.ndarray]:
        """``(state, the step it began)`` of every ball at the current step, as
        :meth:`physics.simulation.Comparison.state_since` says it."""
        outcome, state = self.outcome, self.outcome.state
        since = np.select(
            [np.isin(state, STALLED), state == RUNNING, state == CONVERGED, state == DIVERGED],
            [self.began, self.t, outcome.converged_at, outcome.diverged_at], outcome.left_at)
        return state.copy(), since
