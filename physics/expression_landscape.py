"""Typed landscapes: a parsed expression becomes a :class:`Landscape` with exact derivatives.

:mod:`physics.expression` turns hostile text into a whitelisted sympy tree; here that
tree is differentiated (size-capped, under the parser's time limit), compiled to numpy
with ``sympy.lambdify`` (code generated from our own tree only), and sampled on a
41 × 41 grid for the hints a landscape carries: its minima (refined by Newton's
method), a suggested α (``1 / max |curvature|``, so plain SGD is stable) and whether its
contour levels should be log-spaced.
"""

from __future__ import annotations

import math

import numpy as np
import sympy

from optimizers.translation import translate

from . import expression as parser
from .landscape import Landscape, eigen_range, largest_curvature

# Classic test functions (Goldstein-Price, Ackley, Eggholder) stay below ~350 and
# ~900 nodes; these caps leave room yet keep differentiation well under a second.
_MAX_GRAD_SIZE, _MAX_HESS_SIZE = 600, 6_000
_GRID = 41


def _too_big(exprs, limit: int) -> bool:
    """Whether the trees hold more than ``limit`` nodes; stops counting there."""
    count = 0
    for expr in exprs:
        for _ in sympy.preorder_traversal(expr):
            count += 1
            if count > limit:
                return True
    return False


def _vectorise(exprs: list[sympy.Expr]):
    """A numpy function of ``(x, y)`` returning a tuple of float arrays of the
    broadcast shape, also for constant parts (where lambdify returns a scalar)."""
    # Exact integers that sympy merged past 2**53 -> floats, which numpy can take.
    ready = [e.xreplace({r: sympy.Float(parser.as_float(r)) for r in e.atoms(sympy.Rational)
                         if abs(r.p) > 2**53 or r.q > 2**53}) for e in exprs]
    fn = sympy.lambdify((parser.X, parser.Y), ready, modules="numpy", cse=True)

    def call(x, y):
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        shape = np.broadcast_shapes(x.shape, y.shape)
        with np.errstate(all="ignore"):  # log(-1) -> nan, quietly
            results = [np.asarray(r) for r in fn(x, y)]
        out = []
        for r in results:
            if np.iscomplexobj(r):
                r = np.where(r.imag == 0, r.real, np.nan)
            # Copy when broadcasting, or when lambdify handed back x or y itself.
            if r.shape != shape or np.may_share_memory(r, x) or np.may_share_memory(r, y):
                r = np.array(np.broadcast_to(r, shape), dtype=float)
            out.append(r.astype(float, copy=False))
        return tuple(out)

    return call


def _compile(expr: sympy.Expr):
    """``value_xy, grad_xy, hessian_xy`` of an expression, derivatives exact."""
    own, x, y = parser.own_functions, parser.X, parser.Y
    grad = [own(sympy.diff(expr, x)), own(sympy.diff(expr, y))]
    if _too_big(grad, _MAX_GRAD_SIZE):
        raise parser.ExpressionError(translate("errors",
                                               "expression is too complex to differentiate"))
    hess = []
    for g, v in ((grad[0], x), (grad[0], y), (grad[1], y)):  # stop at the first too big
        hess.append(own(sympy.diff(g, v)))
        if _too_big(hess, _MAX_HESS_SIZE):
            raise parser.ExpressionError(translate(
                "errors", "expression is too complex to differentiate twice"))
    value_fn = _vectorise([expr])
    return (lambda x, y: value_fn(x, y)[0]), _vectorise(grad), _vectorise(hess)


def _find_minima(value_xy, grad_xy, hessian_xy, gx, gy, V, domain, steps=40):
    """Strict interior minima of the grid values, refined by Newton, best first, <= 8."""
    xmin, xmax, ymin, ymax = domain
    n, inner = V.shape[0], V[1:-1, 1:-1]
    is_min = np.isfinite(inner)
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            if di or dj:  # NaN neighbours compare False: no minima next to holes
                is_min &= inner < V[1 + di:n - 1 + di, 1 + dj:n - 1 + dj]
    px, py, v = gx[1:-1, 1:-1][is_min], gy[1:-1, 1:-1][is_min], inner[is_min]
    cell = min(xmax - xmin, ymax - ymin) / (n - 1)
    halvings, done = 0.5 ** np.arange(40), np.ones(px.shape, bool)
    for _ in range(steps if px.size else 0):
        g1, g2 = grad_xy(px, py)
        hxx, hxy, hyy = hessian_xy(px, py)
        # Where the Hessian is not positive definite (Rosenbrock's valley floor, |x|
        # at 0) shift it until it is (Levenberg), so every step points downhill.
        low, high = eigen_range(hxx, hxy, hyy)[0], largest_curvature(hxx, hxy, hyy)
        shift = np.where(low > 1e-9 * high, 0.0, 1e-3 * (1 + high) - low)
        a, c = hxx + shift, hyy + shift
        det = a * c - hxy**2
        dx = np.nan_to_num((c * g1 - hxy * g2) / det)
        dy = np.nan_to_num((a * g2 - hxy * g1) / det)
        # Backtrack to the longest step t = 1, 1/2, 1/4, ... that goes downhill,
        # trying all of them in one vectorised call.
        trial = value_xy(px[:, None] - halvings * dx[:, None],
                         py[:, None] - halvings * dy[:, None])
        better = trial < v[:, None]
        first, moved = np.argmax(better, axis=1), better.any(axis=1)
        t = np.where(moved, halvings[first], 0.0)
        px, py = px - t * dx, py - t * dy
        v = np.where(moved, trial[np.arange(px.size), first], v)
        done = t * np.hypot(dx, dy) <= 1e-10 * cell
        if done.all():
            break
    # Drop points still sliding (grid dips along a curved valley) or gone outside.
    keep = done & (px >= xmin) & (px <= xmax) & (py >= ymin) & (py <= ymax)
    px, py, v = px[keep], py[keep], v[keep]
    found: list[tuple[float, float]] = []
    for k in np.argsort(v, kind="stable"):  # best first; each minimum once
        if len(found) < 8 and all(math.hypot(px[k] - a, py[k] - b) > cell / 4
                                  for a, b in found):
            found.append((float(px[k]), float(py[k])))
    return tuple(found)


def _suggest_alpha(hxx, hxy, hyy) -> float:
    """``1 / max |curvature|`` on the grid: plain SGD is stable below ``2 / max``."""
    lam = largest_curvature(hxx, hxy, hyy)
    lam = lam[np.isfinite(lam)]
    if lam.size == 0 or lam.max() < 1e-9:
        return 0.1  # flat or linear: no curvature limits the step
    return float(np.clip(1.0 / lam.max(), 1e-4, 1.0))


def _wants_log_levels(V) -> bool:
    """Whether the values above the minimum span about 3 orders of magnitude.

    Measured against the 1st percentile of the rise rather than its smallest value,
    so a bowl reads the same whether or not a grid point sits exactly on its bottom:
    x**2 + y**2 -> no; 0.5*(x**2 + 100*y**2) and Rosenbrock -> yes.
    """
    rise = V[np.isfinite(V)] - np.nanmin(V)
    floor = rise[rise > 1e-9 * rise.max()]  # smaller rises are ties, not a scale
    return bool(floor.size and rise.max() / np.percentile(floor, 1) > 10**2.5)


def landscape_from_expression(text: str, domain=(-5.0, 5.0, -5.0, 5.0),
                              start=None) -> Landscape:
    """Parse ``text`` and build a :class:`Landscape` with exact derivatives and hints.

    Parameters
    ----------
    text
        Expression in ``x`` and ``y`` (see :func:`parse_expression`).
    domain
        ``(xmin, xmax, ymin, ymax)`` of the plotting window.
    start
        Start point; by default 10 % in from the top-left corner of the domain.

    Returns
    -------
    Landscape
        ``minima`` are found numerically from a 41 x 41 grid; ``alpha`` is
        ``1 / max |Hessian eigenvalue|`` over that grid, so plain SGD is stable.

    Raises
    ------
    :class:`physics.expression.ExpressionError`
        If the text is rejected, or the value is not finite anywhere on the domain.
    ValueError
        If the domain is empty or not finite.
    """
    domain = tuple(float(d) for d in domain)
    xmin, xmax, ymin, ymax = domain
    if not (all(map(math.isfinite, domain)) and xmin < xmax and ymin < ymax):
        raise ValueError(translate("errors", "bad domain {domain}: need xmin < xmax and "
                                   "ymin < ymax").format(domain=domain))
    value_xy, grad_xy, hessian_xy = parser.time_limited(parser.TIME_LIMIT, lambda: _compile(parser.parse_untimed(text)))
    gx, gy = np.meshgrid(np.linspace(xmin, xmax, _GRID), np.linspace(ymin, ymax, _GRID))
    with np.errstate(all="ignore"):  # inf - inf in the hints is fine, and quiet
        try:
            V, _, H = value_xy(gx, gy), grad_xy(gx, gy), hessian_xy(gx, gy)
        except (ArithmeticError, TypeError, ValueError, NameError) as err:
            # Not expected from a whitelisted tree, but never let it escape raw.
            raise parser.ExpressionError(translate(
                "errors", "expression cannot be evaluated ({error})").format(error=err)) from err
        if not np.isfinite(V).any():
            raise parser.ExpressionError(translate(
                "errors", "expression is not finite anywhere on the domain"))
        minima = _find_minima(value_xy, grad_xy, hessian_xy, gx, gy, V, domain)
        alpha, log_levels = _suggest_alpha(*H), _wants_log_levels(V)
    w, h = xmax - xmin, ymax - ymin
    formula = text.strip()
    name = " ".join(formula.split())
    return Landscape(
        name=name, title=f"Custom: {name}", formula=formula, value_xy=value_xy,
        grad_xy=grad_xy, hessian_xy=hessian_xy, domain=domain, minima=minima,
        start=(xmin + 0.1 * w, ymax - 0.1 * h) if start is None
        else (float(start[0]), float(start[1])),
        alpha=alpha, mu=0.9, adaptive_alpha=0.02 * max(w, h), log_levels=log_levels,
        notes="Typed expression; its gradient and Hessian are exact (symbolic).",
    )
