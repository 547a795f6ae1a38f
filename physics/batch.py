"""The batched heavy-ball kernel: a whole (α, μ) grid, or any crowd of balls, in one loop.

For every ball, with ``p⁽⁰⁾ = 0`` (seed form; plain SGD is μ = 0)::

    q     = W⁽ᵗ⁾                  (heavy ball)   or   W⁽ᵗ⁾ + μ p⁽ᵗ⁾   (Nesterov)
    g     = ∇L(q) + σ ξ_t          ξ_t ~ N(0, I) drawn from (seed, t), shared by all balls
    p⁽ᵗ⁺¹⁾ = μ p⁽ᵗ⁾ − α g,          W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + p⁽ᵗ⁺¹⁾

The app's panes run a handful of balls through :class:`physics.simulation.Comparison`,
which keeps every step. The (α, μ) map runs tens of thousands of balls and keeps only
what it measures, so it gets a leaner loop:

* the balls go in **chunks** of :data:`CHUNK_BALLS`, and each chunk runs all its steps
  before the next starts, so its working arrays (x, y, p, ∇L) stay in the core's cache
  for the whole run instead of streaming the full batch through memory every step;
* positions and steps are ``(2, n)`` blocks updated **in place**
  (:func:`heavy_ball_in_place`, the next positions into a second buffer): one numpy call
  does both coordinates and the kernel's own arithmetic makes no temporaries;
* the outcome rule is :class:`physics.outcome.BatchOutcome`: a ball that diverges or
  leaves is dropped from the chunk's arrays (it costs nothing more), and a step pays
  for the full test only when a cheap screen says a ball may have stopped or come to
  rest; a chunk whose balls have all stopped ends early;
* the noise ξ_t is drawn once per run (:func:`kicks`), not once per chunk;
* α and μ may be per-ball arrays: one call runs a whole (α, μ) grid;
* the chunks may be shared among threads (``threads``; one by default, see there).

It is not a second implementation of momentum: :func:`heavy_ball_in_place` is
:func:`optimizers.sgd.heavy_ball_velocity` (``μ·p − α·g``) computed into ``p``, the
look-ahead is :func:`optimizers.sgd.nesterov_lookahead`'s ``W + μ·p``, each the same
IEEE operations (tests hold them equal bit for bit); the noise is
:class:`physics.gradients.NoisyGradient`'s draw; convergence and divergence are judged
by the rule of :mod:`physics.outcome` that every path shares. So a cell of a sweep
equals a single ``momentum-lab run`` with the same settings bit for bit (a stopped
ball's place is stepped by +0.0 once more while others move, so a −0.0 there ends
+0.0), and so does any split of the balls into chunks (each ball's arithmetic is its own).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .gradients import NoisyGradient
from .landscape import Landscape
from .outcome import BatchOutcome, Tolerances, tolerances_for

#: Balls stepped together. Big enough that numpy's per-call cost (~1 µs) is small next
#: to the arithmetic, small enough that a chunk's ~20 arrays of 8 bytes a ball fit in
#: one core's 1–2 MB L2 cache (``make bench`` measured 8192–16384 as the plateau, 4096
#: 15% and 2048 35% slower).
CHUNK_BALLS = 8192
_CANCEL_EVERY = 64   # steps between a worker's looks at the cancel flag


@dataclass
class BatchResult:
    """Where every ball ended and when it converged, diverged or left (``-1``: never)."""

    x: np.ndarray
    y: np.ndarray
    converged_at: np.ndarray
    diverged_at: np.ndarray
    left_at: np.ndarray
    steps: int

    @property
    def positions(self) -> np.ndarray:
        return np.stack([self.x, self.y], axis=-1)


def heavy_ball_in_place(p, g, alpha, mu, scratch) -> None:
    """``p ← μ p − α g`` into ``p``: :func:`optimizers.sgd.heavy_ball_velocity` without
    temporaries. ``p *= μ`` is ``μ·p`` and ``scratch = g·α`` is ``α·g`` (IEEE products
    commute), then one subtraction: the same three roundings in the same order. A
    ``(2, n)`` block ``p`` may take ``g`` as a pair of rows (what ``grad_xy`` returns)."""
    np.multiply(p, mu, out=p)
    if isinstance(g, tuple):
        for row, g_row in enumerate(g):
            np.multiply(g_row, alpha, out=scratch[row])
    else:
        np.multiply(g, alpha, out=scratch)
    np.subtract(p, scratch, out=p)


def lookahead_into(w, p, mu, out) -> np.ndarray:
    """Nesterov's ``W + μ p`` (:func:`optimizers.sgd.nesterov_lookahead`) into ``out``."""
    np.multiply(p, mu, out=out)
    return np.add(w, out, out=out)


@lru_cache(maxsize=8)
def kicks(noise: NoisyGradient, steps: int) -> np.ndarray:
    """``σ ξ_t`` for t < steps, shape ``(steps, 2)``: the draws of ``noise.noise(t)``."""
    out = np.empty((steps, 2))
    for t in range(steps):
        out[t] = noise.noise(t)
    out.setflags(write=False)
    return out


@dataclass
class _Job:
    """One call's inputs and outputs; a chunk reads and writes its slice ``lo:hi``."""

    landscape: Landscape
    x: np.ndarray            # starts in, final positions out
    y: np.ndarray
    alpha: np.ndarray | float
    mu: np.ndarray | float
    steps: int
    nesterov: bool
    kicks: np.ndarray | None
    tolerances: Tolerances | None   # None: no outcome rule (track=False)
    converged_at: np.ndarray
    diverged_at: np.ndarray
    left_at: np.ndarray
    cancel: threading.Event


def _slice_of(value, lo, hi):
    return value if np.ndim(value) == 0 else value[lo:hi]


class _Chunk:
    """The working arrays of balls ``lo:hi``: positions ``w`` and steps ``p`` as
    ``(2, n)`` blocks (row 0 x, row 1 y), so one numpy call updates both coordinates."""

    def __init__(self, job: _Job, lo: int, hi: int):
        self.alpha, self.mu = _slice_of(job.alpha, lo, hi), _slice_of(job.mu, lo, hi)
        self.w = np.array([job.x[lo:hi], job.y[lo:hi]])
        self.p = np.zeros_like(self.w)
        self.spare = np.empty_like(self.w)    # the next positions (then swapped), or W + μp
        self.scratch = np.empty_like(self.w)
        self.g = None                         # (∇ₓL, ∇ᵧL) where each ball stands

    def step(self, kick, grad_xy, nesterov) -> None:
        """``p ← μp − α(g + kick)``, the next positions into ``spare``."""
        if nesterov:
            q = lookahead_into(self.w, self.p, self.mu, self.spare)
            self.g = grad_xy(q[0], q[1])
        g = self.g
        if kick is not None:
            # Into our own buffer: grad_xy's arrays are the landscape's to reuse.
            g = self.scratch
            for row in (0, 1):
                np.add(self.g[row], kick[row], out=g[row])
        heavy_ball_in_place(self.p, g, self.alpha, self.mu, self.scratch)
        np.add(self.w, self.p, out=self.spare)

    def keep(self, kept) -> None:
        """Drop the balls not ``kept`` (a mask): stopped balls cost nothing more."""
        # compress, not w[:, kept]: fancy indexing would hand back a Fortran-ordered block.
        self.w, self.p = np.compress(kept, self.w, axis=1), np.compress(kept, self.p, axis=1)
        self.spare, self.scratch = np.empty_like(self.w), np.empty_like(self.w)
        self.g = tuple(g[kept] for g in self.g)
        self.alpha, self.mu = (v if np.ndim(v) == 0 else v[kept] for v in (self.alpha, self.mu))


def _run_chunk(job: _Job, lo: int, hi: int) -> None:
    """Step balls ``lo:hi`` from start to end, writing their results into ``job``."""
    steps, nesterov, noise, cancel = job.steps, job.nesterov, job.kicks, job.cancel
    grad_xy, value_xy = job.landscape.grad_xy, job.landscape.value_xy
    c = _Chunk(job, lo, hi)
    xs, ys = job.x[lo:hi], job.y[lo:hi]      # views: the final places
    if job.tolerances is None:
        with np.errstate(all="ignore"):
            for t in range(steps):
                if t % _CANCEL_EVERY == 0 and cancel.is_set():
                    return   # the caller is unwinding (Ctrl+C): its result is thrown away
                if t == 0 and not nesterov:
                    c.g = grad_xy(c.w[0], c.w[1])
                c.step(None if noise is None else noise[t], grad_xy, nesterov)
                c.w, c.spare = c.spare, c.w
                if not nesterov:
                    c.g = grad_xy(c.w[0], c.w[1])
        xs[:], ys[:] = c.w
        return
    outcome = BatchOutcome(job.landscape, hi - lo, job.tolerances)
    with np.errstate(all="ignore"):
        c.g = grad_xy(c.w[0], c.w[1])
        gone = outcome.judge(0, c.w, value_xy(c.w[0], c.w[1]), *c.g, c.p)
        stopped = _stop(c, outcome, gone, xs, ys, c.w)
        for t in range(steps):
            if t % _CANCEL_EVERY == 0 and cancel.is_set():
                return
            if stopped is not None and (t == 0 or len(outcome.ids)):
                # Lockstep steps a stopped ball by zero once more, turning -0.0 into +0.0.
                xs[stopped] += 0.0
                ys[stopped] += 0.0
                stopped = None
            if not len(outcome.ids):
                break   # every ball is frozen: the remaining steps change nothing
            c.step(None if noise is None else noise[t], grad_xy, nesterov)
            nx, ny = c.spare
            c.g = grad_xy(nx, ny)
            gone = outcome.judge(t + 1, c.spare, value_xy(nx, ny), *c.g, c.p)
            c.w, c.spare = c.spare, c.w
            # The order of Lockstep: where each ball went first; a stopped ball stays
            # where it last was (now ``spare``).
            stopped = _stop(c, outcome, gone, xs, ys, c.spare)
    xs[outcome.ids], ys[outcome.ids] = c.w
    outcome.flush()
    job.converged_at[lo:hi] = outcome.converged_at
    job.diverged_at[lo:hi] = outcome.diverged_at
    job.left_at[lo:hi] = outcome.left_at


def _stop(c: _Chunk, outcome: BatchOutcome, gone, xs, ys, places) -> np.ndarray | None:
    """Freeze the balls ``gone`` (a mask of the live ones) at ``places`` and drop them;
    return their indices in the chunk."""
    if gone is None:
        return None
    stopped = outcome.ids[gone]
    xs[stopped], ys[stopped] = places[:, gone]
    c.keep(~gone)
    outcome.keep(~gone)
    return stopped


def _per_ball(value, n: int) -> np.ndarray | float:
    """Scalars stay scalars (cheaper); arrays are flattened to one value per ball."""
    if np.ndim(value) == 0:
        return float(value)
    return np.ascontiguousarray(np.broadcast_to(np.asarray(value, dtype=float), (n,)))


def chunk_bounds(n: int, chunk: int | None = None) -> np.ndarray:
    """Edges of ⌈n / chunk⌉ near-equal chunks of ``n`` balls (equal work per chunk)."""
    pieces = max(1, -(-n // (chunk or CHUNK_BALLS)))
    return np.linspace(0, n, pieces + 1).astype(int)


def run_batch(landscape: Landscape, starts, alpha, mu, steps: int, *, nesterov: bool = False,
              sigma: float = 0.0, seed: int = 0, track: bool = True,
              tolerances: Tolerances | None = None, threads: int | None = None) -> BatchResult:
    """Run heavy-ball momentum (SGD when μ = 0) for every ball.

    Parameters
    ----------
    starts
        ``(N, 2)`` start points (or one ``(2,)`` point shared by all balls when α or μ
        are arrays).
    alpha, mu
        Scalars or arrays broadcastable to ``(N,)``.
    steps
        Number of steps.
    nesterov
        Evaluate the gradient at the look-ahead ``W + μp``.
    sigma, seed
        Gradient noise, drawn per step from ``(seed, t)`` and shared by all balls.
    track
        Record convergence/divergence steps with the shared outcome rule (the map
        needs it; with it a step costs about 2.5 times the stepping alone).
    threads
        Worker threads sharing the chunks (default 1). numpy releases the GIL inside
        each operation, but a cache-sized operation is so short that two threads mostly
        wait for each other: ``make bench`` measures a second thread at no gain (its
        "2 threads" row), so the default is one, and Ctrl+C then needs no hand-off.
    """
    alpha_arr = np.asarray(alpha, dtype=float)
    mu_arr = np.asarray(mu, dtype=float)
    starts = np.asarray(starts, dtype=float)
    n = int(np.broadcast_shapes(starts.shape[:-1], alpha_arr.shape, mu_arr.shape)[0]
            if np.ndim(alpha_arr) or np.ndim(mu_arr) or starts.ndim > 1 else 1)
    starts = np.broadcast_to(starts.reshape(-1, 2), (n, 2))
    job = _Job(landscape, np.array(starts[:, 0]), np.array(starts[:, 1]),
               _per_ball(alpha, n), _per_ball(mu, n), int(steps), bool(nesterov),
               kicks(NoisyGradient(landscape, float(sigma), int(seed)), int(steps))
               if sigma > 0 else None,
               tolerances_for(landscape, tolerances) if track else None,   # once, not per chunk
               *(np.full(n, -1, dtype=np.int64) for _ in range(3)), threading.Event())
    bounds = chunk_bounds(n)
    chunks = list(zip(bounds[:-1], bounds[1:]))
    workers = max(1, min(threads or 1, len(chunks)))
    if workers == 1:
        for lo, hi in chunks:
            _run_chunk(job, lo, hi)
    else:
        # Not ``with ThreadPoolExecutor``: if this thread is interrupted (Ctrl+C raises
        # here, while it waits), the workers must be told to stop *before* the pool is
        # joined, or the interrupt waits for minutes of work nobody will read.
        pool = ThreadPoolExecutor(max_workers=workers)
        try:
            for future in [pool.submit(_run_chunk, job, lo, hi) for lo, hi in chunks]:
                future.result()
        except BaseException:
            job.cancel.set()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return BatchResult(job.x, job.y, job.converged_at, job.diverged_at, job.left_at, steps)
