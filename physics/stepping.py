"""Several optimizers advancing in lockstep from shared start points — one step at a time.

This is the loop every optimizer runs through, whatever its rule (SGD, momentum,
Nesterov, Adam, RMSprop, Adagrad): the panes' :class:`~physics.simulation.Comparison`
keeps each step it produces, swarm mode's :func:`~physics.basins.destinations` keeps only
the last. Each step t, for every optimizer i (all of its balls at once, shape ``(B, 2)``)::

    q          = optimizer.gradient_point(W_t, state)   # W_t, or W_t + μp for Nesterov
    g          = source.grad(q, t)                       # exact, noisy or minibatch
    ΔW, state  = optimizer.update(g, state, W_t)
    W_t+1      = W_t + ΔW

The gradient source draws its randomness from (seed, t) only, so every optimizer gets
the same noise or minibatch at step t (common random numbers). Each new step is then
measured — the loss L and exact gradient ∇L where each ball now stands — and judged by
the shared rule of :mod:`physics.outcome`; a ball that diverged or left the domain stays
where it last was, with no velocity.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from optimizers import OptimizerSettings, make

from .gradients import GradientSource
from .landscape import Landscape
from .outcome import OutcomeTracker, Tolerances


class Lockstep:
    """The current step of every ball of every optimizer, and how to take the next one.

    Attributes ``positions``, ``velocity`` (the last step p), ``grads`` (∇L) have shape
    ``(n_optimizers, n_balls, 2)``; ``loss`` has shape ``(n_optimizers, n_balls)``;
    ``t`` is the step they belong to; ``outcome`` holds when each ball converged or
    diverged.
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
        self.positions = np.array(np.broadcast_to(starts, self.shape + (2,)))
        self.velocity = np.zeros(self.shape + (2,))
        self.loss, self.grads = self._measure(self.positions)
        self._judge(0, self.positions, self.velocity, self.loss, self.grads)

    def _measure(self, positions):
        with np.errstate(all="ignore"):
            return self.landscape.value(positions), self.landscape.grad(positions)

    def _judge(self, t, positions, velocity, loss, grads) -> None:
        self.outcome.record(t, positions[..., 0], positions[..., 1], loss, grads[..., 0],
                            grads[..., 1])
        if t > 0:
            # A diverged ball (or one that left) stays where it last was, and stops.
            stopped = ~self.outcome.alive
            positions[stopped] = self.positions[stopped]
            velocity[stopped] = 0.0
            loss[stopped] = self.loss[stopped]
            grads[stopped] = self.grads[stopped]
        self.outcome.record_rest(t, positions[..., 0], positions[..., 1], grads[..., 0],
                                 grads[..., 1], velocity[..., 0], velocity[..., 1])

    def advance(self) -> None:
        """Take step t → t + 1 for every ball."""
        t = self.t
        positions = np.empty_like(self.positions)
        velocity = np.empty_like(self.positions)
        with np.errstate(all="ignore"):
            for i, optimizer in enumerate(self.optimizers):
                params = self.positions[i]
                query = optimizer.gradient_point(params, self.states[i])
                grads = self.source.grad(query, t)
                step, self.states[i] = optimizer.update(grads, self.states[i], params)
                positions[i] = params + step
                velocity[i] = step
        loss, grads = self._measure(positions)
        self._judge(t + 1, positions, velocity, loss, grads)
        self.positions, self.velocity, self.loss, self.grads = positions, velocity, loss, grads
        self.t = t + 1
