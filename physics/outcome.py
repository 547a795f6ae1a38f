"""The one rule that says how a ball's run is going: converged, stalled, diverged, left.

Every path that moves balls — the step-by-step run behind the panes
(:class:`physics.simulation.Comparison`), the batched kernel behind the (α, μ) map
(:mod:`physics.batch`) and swarm mode's basins (:mod:`physics.basins`) — records its
balls through an :class:`OutcomeTracker`, so no two pictures can disagree about a ball.

At step t a ball has position W, loss L(W), exact gradient ∇L(W) and last step p. It is

* **diverged** from the first t where W, L or ∇L is not finite, or W lies more than
  ``far`` domain-sizes from the domain's centre *with a loss above its start's*
  (an instability growing without bound). Final: the ball stops where it last was finite.
* **left the domain** from the first t where W lies that far out while its loss is
  *below* its start's: it is still descending, the loss is unbounded below (a saddle's
  escaping ball). Final, like divergence, but not an instability.
* **converged** from the first t where it is *at a minimum*: ``|∇L| ≤ gtol``,
  ``|p| ≤ xtol``, the Hessian positive (semi)definite there, and the minimum within
  ``|∇L|/λ ≤ newton`` (λ the smallest positive curvature: the Newton step's length, so
  a ball creeping over a gently curved plateau is not "at" anything). Lasting.
* **stalled** while ``|∇L| ≤ gtol`` and ``|p| ≤ xtol`` hold where the Hessian has a
  negative eigenvalue (a **saddle**) or no curvature at all (a **plateau**): the gradient
  vanished, but this is no minimum. A stalled ball may move on (a saddle's tiny offset
  grows; the ball leaves) — a stall lasts only while it stays still.
* **running** otherwise.

Tolerances scale with the landscape (:meth:`Tolerances.for_landscape`), not fixed
absolutes: ``gtol`` is a fraction of the loss's span over the domain divided by its
size, ``xtol`` a fraction of the domain's size, and an eigenvalue counts as zero below a
fraction of the curvature seen across the domain. Squared norms are summed x then y on
every path, so the comparisons are bit for bit the same.

A run is **settled** at a step when every ball is converged, diverged, left, or stalled
for good — on a plateau, or balanced exactly (zero gradient and step) on a saddle.
Playback stops there and a whole-run export ends there; a ball stalled near a saddle is
not settled, since it will roll off.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .landscape import Landscape, eigen_range, largest_curvature

NOT_YET = -1
GTOL_REL, XTOL_REL, NEWTON_REL, CURVATURE_REL = 5e-7, 1e-7, 1e-6, 1e-9
_SCALE_GRID = 33

# What a ball is doing at a step, as stored per step by a Comparison's history.
RUNNING, CONVERGED, SADDLE, PLATEAU, BALANCED, DIVERGED, LEFT = range(7)
STALLED = (SADDLE, PLATEAU, BALANCED)
SETTLED = (CONVERGED, PLATEAU, BALANCED, DIVERGED, LEFT)
#: The names ``momentum-lab run --format json`` gives each state's outcome.
OUTCOME_NAMES = {RUNNING: "running", CONVERGED: "converged", SADDLE: "stalled",
                 PLATEAU: "stalled", BALANCED: "stalled", DIVERGED: "diverged",
                 LEFT: "left-domain"}
STALL_REASONS = {SADDLE: "saddle", PLATEAU: "plateau", BALANCED: "balanced on a saddle"}


@lru_cache(maxsize=64)
def landscape_scales(landscape: Landscape) -> tuple[float, float]:
    """``(value span, curvature scale)`` over the domain, from a 33 × 33 grid.

    The span is the spread of the finite values (99th percentile minus the minimum, so
    one towering corner does not set it); the curvature scale is the 99th percentile of
    ``max |λ|`` of the Hessian. Both fall back to 1 on a landscape flat everywhere.
    """
    xmin, xmax, ymin, ymax = landscape.domain
    xs, ys = np.meshgrid(np.linspace(xmin, xmax, _SCALE_GRID), np.linspace(ymin, ymax, _SCALE_GRID))
    with np.errstate(all="ignore"):
        values = np.broadcast_to(np.asarray(landscape.value_xy(xs, ys), dtype=float), xs.shape)
        hxx, hxy, hyy = (np.broadcast_to(np.asarray(h, dtype=float), xs.shape)
                         for h in landscape.hessian_xy(xs, ys))
        biggest = largest_curvature(hxx, hxy, hyy)
    values, biggest = values[np.isfinite(values)], biggest[np.isfinite(biggest)]
    span = float(np.percentile(values, 99) - values.min()) if values.size else 0.0
    curvature = float(np.percentile(biggest, 99)) if biggest.size else 0.0
    return (span if span > 0 else 1.0), (curvature if curvature > 0 else 1.0)


@dataclass(frozen=True)
class Tolerances:
    """At rest: ``|∇L| ≤ gtol`` and ``|p| ≤ xtol``; at a minimum: within ``newton`` of it;
    an eigenvalue ``|λ| ≤ curvature`` is zero; gone beyond ``far`` domain-sizes. Made for
    a landscape by :meth:`for_landscape`."""

    gtol: float = 1e-5
    xtol: float = 1e-6
    far: float = 10.0
    curvature: float = 0.0
    newton: float = float("inf")

    @classmethod
    def for_landscape(cls, landscape: Landscape) -> "Tolerances":
        span, curvature = landscape_scales(landscape)
        extent = landscape.extent
        return cls(gtol=GTOL_REL * span / extent, xtol=XTOL_REL * extent,
                   curvature=CURVATURE_REL * curvature, newton=NEWTON_REL * extent)


def tolerances_for(landscape: Landscape, tolerances: Tolerances | None) -> Tolerances:
    """``tolerances``, or the landscape's own when None."""
    return Tolerances.for_landscape(landscape) if tolerances is None else tolerances


def _leaving(x, y, loss, gx, gy, centre, reach):
    """``(gone, finite)``: which states are not finite or lie beyond ``reach`` of
    ``centre`` (whether or not their balls still move), and which are finite."""
    cx, cy = centre
    with np.errstate(invalid="ignore"):
        finite = np.isfinite(x) & np.isfinite(y) & np.isfinite(loss)
        finite &= np.isfinite(gx) & np.isfinite(gy)
        out = np.abs(x - cx) > reach
        out |= np.abs(y - cy) > reach
        out |= ~finite
    return out, finite


def _at_rest(gx, gy, px, py, gtol2, xtol2):
    """``(rest, |∇L|², |p|²)``: which states have ``|∇L|² ≤ gtol2`` and ``|p|² ≤ xtol2``,
    squares summed x then y."""
    with np.errstate(all="ignore"):
        g2, p2 = gx * gx + gy * gy, px * px + py * py
    return (g2 <= gtol2) & (p2 <= xtol2), g2, p2


def _rest_codes(rule, xs, ys, g2, p2) -> np.ndarray:
    """What balls at rest at ``(xs, ys)`` rest at (``rule``: a tracker, for its landscape
    and tolerances): CONVERGED at a minimum within ``newton``, PLATEAU, SADDLE or
    BALANCED, else RUNNING (creeping, not there yet)."""
    hxx, hxy, hyy = (np.broadcast_to(np.asarray(h, dtype=float), xs.shape)
                     for h in rule.landscape.hessian_xy(xs, ys))
    low, high = eigen_range(hxx, hxy, hyy)
    zero = rule.tolerances.curvature
    flat = np.maximum(np.abs(low), np.abs(high)) <= zero
    saddle = ~flat & (low < -zero)
    still = (g2 == 0) & (p2 == 0)
    with np.errstate(all="ignore"):
        # A line of minima (λ_min ≈ 0 < λ_max) measures along its curved direction.
        newton = np.sqrt(g2) / np.where(low > zero, low, high)
    near = newton <= rule.tolerances.newton
    return np.where(flat, PLATEAU,
                    np.where(saddle, np.where(still, BALANCED, SADDLE),
                             np.where(near, CONVERGED, RUNNING))).astype(np.int8)


class OutcomeTracker:
    """The state of each of a set of balls, and when each converged, diverged or left.

    ``shape`` is the set's shape: ``(n_optimizers, n_balls)`` for a comparison, ``(n,)``
    for a batch. :meth:`record` takes every ball's state at step t as separate x and y
    arrays of that shape, and returns the balls that stop moving at t (diverged or left).
    """

    def __init__(self, landscape: Landscape, shape, tolerances: Tolerances | None = None):
        self.landscape = landscape
        self.tolerances = tol = tolerances_for(landscape, tolerances)
        self.converged_at = np.full(shape, NOT_YET, dtype=np.int64)
        self.diverged_at = np.full(shape, NOT_YET, dtype=np.int64)
        self.left_at = np.full(shape, NOT_YET, dtype=np.int64)
        self.state = np.full(shape, RUNNING, dtype=np.int8)     # at the last recorded step
        xmin, xmax, ymin, ymax = landscape.domain
        self._centre = ((xmin + xmax) / 2, (ymin + ymax) / 2)
        self._reach = tol.far * landscape.extent
        # Products, not **: a huge tolerance squares to inf (always at rest), not OverflowError.
        self._gtol2, self._xtol2 = tol.gtol * tol.gtol, tol.xtol * tol.xtol
        # Kept up to date as balls settle, so a step never rescans the int arrays.
        self._alive = np.ones(shape, dtype=bool)
        self._searching = np.ones(shape, dtype=bool)    # alive and not yet converged
        self._start_loss = None

    @property
    def alive(self) -> np.ndarray:
        """The balls still moving: not diverged, not left (a view: do not modify)."""
        return self._alive

    def all_stopped(self) -> bool:
        return not self._alive.any()

    def record(self, t: int, x, y, loss, gx, gy) -> np.ndarray:
        """Judge where each ball got to at step t; return the balls that stop here.

        The caller freezes those (back to their last finite place, no velocity) and then
        calls :meth:`record_rest` with the frozen state.
        """
        if self._start_loss is None:
            self._start_loss = np.array(loss, dtype=float)
        gone, finite = _leaving(x, y, loss, gx, gy, self._centre, self._reach)
        gone &= self._alive
        if not gone.any():
            return gone
        with np.errstate(invalid="ignore"):
            left = gone & finite & (loss < self._start_loss)     # still descending out
        diverged = gone & ~left
        self.diverged_at[diverged] = t
        self.left_at[left] = t
        self.state[diverged] = DIVERGED
        self.state[left] = LEFT
        self._alive &= ~gone
        self._searching &= ~gone
        return gone

    def record_rest(self, t: int, x, y, gx, gy, px, py) -> None:
        """Which live balls are at rest at step t, and at what: a minimum or not."""
        rest, g2, p2 = _at_rest(gx, gy, px, py, self._gtol2, self._xtol2)
        rest &= self._alive
        # A converged ball stays converged; any other live ball that moves is running.
        self.state[self._searching & ~rest] = RUNNING
        ask = rest & self._searching
        if not ask.any():
            return
        # Only balls at rest and not yet converged pay for a Hessian.
        codes = _rest_codes(self, x[ask], y[ask], g2[ask], p2[ask])
        self.state[ask] = codes
        newly = np.zeros(self.state.shape, dtype=bool)
        newly[ask] = codes == CONVERGED
        self.converged_at[newly] = t
        self._searching &= ~newly

    def record_steps(self, t: int, x, y, loss, gx, gy, px, py):
        """Judge ``n`` consecutive steps ``t .. t+n−1`` at once, exactly as ``n`` calls of
        :meth:`record` then :meth:`record_rest` would (arrays of shape ``(n,) + shape``).

        Returns ``(states, stop)``: each ball's state at each step, and the index in the
        chunk of the step where each ball stops (``n`` if it does not). A ball's states
        from its stop on are unaffected by its frozen place, so the caller freezes after.
        """
        n = len(x)
        if self._start_loss is None:
            self._start_loss = np.array(loss[0], dtype=float)
        index = np.arange(n).reshape((n,) + (1,) * self._alive.ndim)
        gone, finite = _leaving(x, y, loss, gx, gy, self._centre, self._reach)
        gone &= self._alive
        stops = gone.any(axis=0)
        stop = np.where(stops, gone.argmax(axis=0), n)
        alive = index < stop                       # alive at each step of the chunk
        states = np.empty(gone.shape, dtype=np.int8)
        states[...] = self.state                   # the stopped and the converged keep theirs
        searching = self._searching.copy()
        rest, g2, p2 = _at_rest(gx, gy, px, py, self._gtol2, self._xtol2)
        rest &= alive
        if searching.any():
            codes = np.full(gone.shape, RUNNING, dtype=np.int8)
            ask = rest & searching
            if ask.any():
                codes[ask] = _rest_codes(self, x[ask], y[ask], g2[ask], p2[ask])
            converges = (codes == CONVERGED).any(axis=0) & searching
            first = np.where(converges, (codes == CONVERGED).argmax(axis=0), n)
            codes[index >= first] = CONVERGED      # lasting, until it stops
            states[:, searching] = codes[:, searching]
            self.converged_at[converges] = t + first[converges]
            self._searching &= ~converges
        if stops.any():
            where = (stop[stops],) + np.nonzero(stops)
            with np.errstate(invalid="ignore"):
                left = finite[where] & (loss[where] < self._start_loss[stops])
            code = np.where(left, LEFT, DIVERGED).astype(np.int8)
            final = np.zeros(stop.shape, dtype=np.int8)
            final[stops] = code
            after = index >= stop
            states[after] = np.broadcast_to(final, states.shape)[after]
            self.diverged_at[stops] = np.where(left, NOT_YET, t + stop[stops])
            self.left_at[stops] = np.where(left, t + stop[stops], NOT_YET)
            self._alive &= ~stops
            self._searching &= ~stops
        self.state[...] = states[-1]
        return states, stop


class BatchOutcome:
    """:class:`OutcomeTracker`'s rule for a flat batch of ``n`` balls that only steps
    forward and keeps no state per step (the map's and the swarm's kernel), for less.

    The same steps are recorded (:func:`_leaving`, :func:`_at_rest` and :func:`_rest_codes`
    on the same numbers as :meth:`~OutcomeTracker.record` and ``record_rest``), but balls
    that stop leave the arrays the caller steps (:meth:`judge` says which, :meth:`keep`
    follows, ``ids`` maps back to the batch), and each step is screened: all five states
    are finite if ``loss·∇ₓL + ∇ᵧL·∇ᵧL`` and the extreme x and y are, and within reach
    iff those extremes are; only a ball with ``px² + pen + py² ≤ xtol²`` (``pen`` 0 while
    it searches, ∞ once converged) may be at rest, and those are judged in batches by
    :meth:`flush` (convergence changes no motion), after which ``converged_at`` is whole.
    """

    def __init__(self, landscape: Landscape, n: int, tolerances: Tolerances | None = None):
        rule = OutcomeTracker(landscape, (0,), tolerances)
        self.landscape, self.tolerances = landscape, rule.tolerances
        self._centre, self._reach = rule._centre, rule._reach
        self._gtol2, self._xtol2 = rule._gtol2, rule._xtol2
        self.converged_at, self.diverged_at, self.left_at = (
            np.full(n, NOT_YET, dtype=np.int64) for _ in range(3))
        self.ids, self._pen = np.arange(n), np.zeros(n)   # the live balls, in the caller's order
        self._searching, self._seeking = np.ones(n, dtype=bool), n > 0   # by ball of the batch
        self._start_loss, self._scratch, self._waiting = None, np.empty((2, n)), []

    def _quiet(self, w, loss, gx, gy) -> bool:
        """Whether no ball can have diverged or left here (False: test them all)."""
        # A non-finite factor makes a dot product non-finite (∞·0 is NaN); an overflow
        # of finite ones only sends the step down the full test.
        total = float(np.dot(loss, gx)) + float(np.dot(gy, gy))
        (x0, y0), (x1, y1) = (np.minimum.reduce(w, axis=1).tolist(),
                              np.maximum.reduce(w, axis=1).tolist())
        (cx, cy), reach = self._centre, self._reach
        # Written so that a NaN fails; fl(x − c) is monotone in x, so the extremes decide.
        return (math.isfinite(total + x0 + x1 + y0 + y1) and -reach <= x0 - cx
                and x1 - cx <= reach and -reach <= y0 - cy and y1 - cy <= reach)

    def judge(self, t: int, w, loss, gx, gy, p) -> np.ndarray | None:
        """Judge the live balls at step t (positions ``w`` and last steps ``p`` of shape
        ``(2, live)``); return which stop here, or None. The caller freezes those where
        they last were and calls :meth:`keep`."""
        if self._start_loss is None:
            self._start_loss = np.array(loss, dtype=float)
        elif self._quiet(w, loss, gx, gy):
            return self._wait(t, None, w, gx, gy, p)
        out, finite = _leaving(w[0], w[1], loss, gx, gy, self._centre, self._reach)
        if not out.any():
            return self._wait(t, None, w, gx, gy, p)
        with np.errstate(invalid="ignore"):
            left = out & finite & (loss < self._start_loss)
        self.diverged_at[self.ids[out & ~left]] = t
        self.left_at[self.ids[left]] = t
        return self._wait(t, out, w, gx, gy, p)

    def _wait(self, t, gone, w, gx, gy, p):
        """Keep the searching balls that may be at rest at step t for :meth:`flush`."""
        if self._seeking:
            u = np.multiply(p, p, out=self._scratch)
            np.add(u[0], self._pen, out=u[0])     # + 0 is exact: |p|² (x then y), or ∞
            np.add(u[0], u[1], out=u[0])
            if np.minimum.reduce(u[0]) <= self._xtol2:
                ask = (u[0] <= self._xtol2).nonzero()[0]
                ask = ask if gone is None else ask[~gone[ask]]
                self._waiting.append((np.full(len(ask), t), self.ids[ask], w[:, ask],
                                      gx[ask], gy[ask], p[:, ask]))
                if len(self._waiting) >= 64:
                    self.flush()
        return gone

    def flush(self) -> None:
        """Judge the kept balls: the first step each is at rest at a minimum is when it
        converged (elementwise: the same bits as record_rest's whole arrays)."""
        if not self._waiting:
            return
        t, ids, (x, y), gx, gy, (px, py) = (np.concatenate(a, axis=-1)
                                            for a in zip(*self._waiting))
        self._waiting = []
        rest, g2, p2 = _at_rest(gx, gy, px, py, self._gtol2, self._xtol2)
        rest &= self._searching[ids]     # (an infinite xtol lets converged balls through)
        if not rest.any():
            return
        codes = _rest_codes(self, x[rest], y[rest], g2[rest], p2[rest])
        done = codes == CONVERGED
        balls, first = np.unique(ids[rest][done], return_index=True)   # kept in step order
        if not len(balls):
            return
        self.converged_at[balls] = t[rest][done][first]
        self._searching[balls] = False
        live = np.isin(self.ids, balls, assume_unique=True)
        self._pen[live] = np.inf
        self._seeking = bool(self._searching[self.ids].any())

    def keep(self, kept: np.ndarray) -> None:
        """Keep only the live balls ``kept`` (a mask)."""
        self.ids, self._pen = self.ids[kept], self._pen[kept]
        self._start_loss = self._start_loss[kept]
        self._scratch = np.empty((2, len(self.ids)))
        self._seeking = bool(self._searching[self.ids].any())


def describe(state: int, since: int) -> str:
    """A ball's state as the window says it (``since``: the step it began)."""
    if state == RUNNING:
        return "running"
    if state in STALLED:
        return f"stalled at step {since} ({STALL_REASONS[state]})"
    if state == LEFT:
        return f"left the domain at step {since}"
    return f"{OUTCOME_NAMES[state]} at step {since}"


def explain(state: int, since: int, steps: int) -> str:
    """One line for a terminal, after a run of ``steps`` steps."""
    if state == RUNNING:
        return f"still running after {steps} steps: neither at a minimum nor diverged"
    if state == SADDLE:
        return (f"stalled at step {since}: the gradient vanished at a saddle (the Hessian "
                "has a negative eigenvalue), not at a minimum")
    if state == PLATEAU:
        return (f"stalled at step {since}: the gradient vanished on a plateau (no "
                "curvature), not at a minimum")
    if state == BALANCED:
        return f"stalled at step {since}: balanced exactly on a saddle, not at a minimum"
    if state == LEFT:
        return (f"left the domain at step {since}, still descending "
                "(the loss is unbounded below)")
    return describe(state, since)
