"""Where the gradients come from: exact, with Gaussian noise, or from minibatches.

A *gradient source* answers ``grad(points, step)`` for points of shape ``(..., 2)`` at
step index ``t``. Randomness is a pure function of ``(seed, t)``: the draw for step t is
made from ``SeedSequence([seed, t])``. That gives two properties the app relies on:

* **Common random numbers.** Every optimizer in one comparison receives the same noise
  draw (or the same minibatch rows) at the same step, so differences between panes
  come from the update rule, not from luck. In particular momentum with μ = 0 equals
  SGD bit for bit, noise included.
* **Random access.** Step t can be recomputed without replaying steps 0..t−1, so
  stepping back, scrubbing and exporting always agree.

Noise model (as in Distill's "Why Momentum Really Works"): ``g̃ = ∇L + σξ``,
``ξ ~ N(0, I)``, the same ξ for every ball of a batch that shares a start.

Many seeds (:class:`SeedStreams`): ball k of every optimizer draws from seed k instead,
so a pane's balls are N independent runs of one start, and ball k of each pane is
exactly the run ``--seed k`` — still common random numbers across the panes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np

from optimizers.registry import show_value
from optimizers.translation import translate

from .landscape import Landscape
from .limits import MAX_SEED


class GradientSource(Protocol):
    landscape: Landscape

    def grad(self, points: np.ndarray, step: int) -> np.ndarray: ...

    def for_steps(self, first: int) -> Callable[[np.ndarray, int], np.ndarray]: ...


def _shared(draw: Callable[[int], object], first: int) -> Callable[[int], object]:
    """``draw(first + j)`` for ``j = 0, 1, …``, each made once: every optimizer of a
    lockstep asks for the same step's draw, which costs a SeedSequence each time."""
    made: list = []

    def at(j: int):
        while len(made) <= j:
            made.append(draw(first + len(made)))
        return made[j]

    return at


def _rng(seed: int, step: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([int(seed), int(step)]))


@dataclass(frozen=True)
class ExactGradient:
    """``∇L`` itself (full-batch gradient descent)."""

    landscape: Landscape

    def grad(self, points: np.ndarray, step: int) -> np.ndarray:
        return self.landscape.grad(points)

    def for_steps(self, first: int) -> Callable[[np.ndarray, int], np.ndarray]:
        """``grad(points, first + j)`` as a function of ``(points, j)``, for a run of steps."""
        grad = self.landscape.grad
        return lambda points, j: grad(points)


@dataclass(frozen=True)
class NoisyGradient:
    """``∇L(W) + σ ξ_t`` with ``ξ_t ~ N(0, I)`` drawn from ``(seed, t)``.

    One 2-vector is drawn per step and shared by every ball (broadcast), so balls and
    optimizers that start together feel the same kicks.
    """

    landscape: Landscape
    sigma: float
    seed: int = 0

    def noise(self, step: int) -> np.ndarray:
        return self.sigma * _rng(self.seed, step).standard_normal(2)

    def grad(self, points: np.ndarray, step: int) -> np.ndarray:
        return self.landscape.grad(points) + self.noise(step)

    def for_steps(self, first: int) -> Callable[[np.ndarray, int], np.ndarray]:
        """``grad(points, first + j)`` as a function of ``(points, j)``, each step's
        draw made once however many optimizers ask for it."""
        grad, noise = self.landscape.grad, _shared(self.noise, first)
        return lambda points, j: grad(points) + noise(j)


@dataclass(frozen=True)
class MinibatchGradient:
    """The gradient of a loss over data on ``batch_size`` rows sampled at each step.

    Rows are drawn without replacement from ``(seed, t)`` — the seed's
    ``dataset.sample_data_batch()`` — so all optimizers see the same batch at step t.
    The landscape computes the gradient on those rows (``landscape.batch``: the
    regression's moments of the rows, the network's forward and backward passes over
    them). An optional ``sigma`` adds Gaussian noise on top.
    """

    landscape: Landscape
    batch_size: int
    seed: int = 0
    sigma: float = 0.0

    def rows(self, step: int) -> np.ndarray:
        """The indices of the minibatch used at step ``step``."""
        return _rng(self.seed, step).choice(self.landscape.data_size, self.batch_size,
                                            replace=False)

    def draw(self, step: int):
        """``(the gradient on step t's rows, its noise kick or None)``, from ``(seed, t)``."""
        rng = _rng(self.seed, step)
        rows = rng.choice(self.landscape.data_size, self.batch_size, replace=False)
        kick = self.sigma * rng.standard_normal(2) if self.sigma > 0 else None
        return self.landscape.batch(rows), kick

    @staticmethod
    def _apply(points: np.ndarray, draw) -> np.ndarray:
        grad_xy, kick = draw
        points = np.asarray(points, dtype=float)
        gw, gb = grad_xy(points[..., 0], points[..., 1])
        out = np.stack([gw, gb], axis=-1)
        return out if kick is None else out + kick

    def grad(self, points: np.ndarray, step: int) -> np.ndarray:
        return self._apply(points, self.draw(step))

    def for_steps(self, first: int) -> Callable[[np.ndarray, int], np.ndarray]:
        """``grad(points, first + j)`` as a function of ``(points, j)``, each step's
        rows (and kick) drawn once however many optimizers ask for them."""
        draw = _shared(self.draw, first)
        return lambda points, j: self._apply(points, draw(j))


@dataclass(frozen=True)
class SeedStreams:
    """Many seeds: ball k's gradient comes from its own stream, the source of seed k.

    ``streams[k]`` is the :class:`NoisyGradient` or :class:`MinibatchGradient` of seed
    k, so ball k of a pane receives exactly what the single run ``--seed k`` does (the
    landscape's arithmetic is elementwise: a ball's numbers do not depend on the array
    it sits in), and ball k of every pane receives the same draws.
    """

    landscape: Landscape
    streams: tuple
    sigma: float = 0.0
    batch_size: int | None = None

    def _draws(self, step: int):
        return [stream.draw(step) if self.batch_size is not None else stream.noise(step)
                for stream in self.streams]

    def _apply(self, points: np.ndarray, draws) -> np.ndarray:
        points = np.asarray(points, dtype=float)
        if self.batch_size is None:          # the seeds' kicks, one row per ball
            return self.landscape.grad(points) + np.stack(draws)
        return np.concatenate([MinibatchGradient._apply(points[k:k + 1], draw)
                               for k, draw in enumerate(draws)])

    def grad(self, points: np.ndarray, step: int) -> np.ndarray:
        return self._apply(points, self._draws(step))

    def for_steps(self, first: int) -> Callable[[np.ndarray, int], np.ndarray]:
        """``grad(points, first + j)`` as a function of ``(points, j)``, each step's
        draws made once however many optimizers ask for them."""
        draws = _shared(self._draws, first)
        return lambda points, j: self._apply(points, draws(j))


def seed_streams(landscape: Landscape, sigma: float, seeds: int,
                 batch_size: int | None = None) -> GradientSource:
    """Ball k's source is seed k's, for k < ``seeds`` (:class:`SeedStreams`); without
    noise or minibatches every seed is the same exact gradient."""
    sources = [make_gradient_source(landscape, sigma, k, batch_size) for k in range(seeds)]
    if isinstance(sources[0], ExactGradient):
        return sources[0]
    batch = batch_size if isinstance(sources[0], MinibatchGradient) else None
    return SeedStreams(landscape, tuple(sources), float(sigma), batch)


class GradientSettingsError(ValueError):
    """A bad noise or batch setting; one line naming the bad value."""


def make_gradient_source(landscape: Landscape, sigma: float = 0.0, seed: int = 0,
                         batch_size: int | None = None) -> GradientSource:
    """The gradient source for these settings.

    ``batch_size`` applies to the landscapes with data (``regression``, ``network``);
    ``None`` or the full data size means full-batch gradients.
    """
    if not np.isfinite(sigma) or sigma < 0:
        raise GradientSettingsError(translate(
            "errors", "noise sigma must be a finite number >= 0, got {value}").format(
                value=repr(sigma)))
    # Capped so that every seed the CLI or a file accepts fits the window's seed box.
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) \
            or not 0 <= seed <= MAX_SEED:
        raise GradientSettingsError(translate(
            "errors", "seed must be a whole number between 0 and {max_seed}, got {value}").format(
                max_seed=MAX_SEED, value=show_value(seed)))
    if batch_size is not None:
        if landscape.batch is None:
            raise GradientSettingsError(translate(
                "errors", "batch size applies only to the landscapes with data ('regression', "
                "'network')"))
        size = landscape.data_size
        if not 1 <= batch_size <= size:
            raise GradientSettingsError(translate(
                "errors", "batch size must be between 1 and {size}, got {value}").format(
                    size=size, value=repr(batch_size)))
        if batch_size < size:
            return MinibatchGradient(landscape, int(batch_size), int(seed), float(sigma))
    if sigma > 0:
        return NoisyGradient(landscape, float(sigma), int(seed))
    return ExactGradient(landscape)
