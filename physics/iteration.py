"""Each rule's own theory on a quadratic: its iteration matrix, rate, regimes, edge, optimum.

Along an eigen-direction of curvature λ (write a = αλ) the rules are linear maps of the
state (w, p) — w the offset from the minimum, p the last step:

* SGD:       ``w ← (1 − a) w``  (heavy ball with μ = 0)
* momentum:  ``p ← μp − a w,   w ← w + p``          M = [[1 − a, μ], [−a, μ]]
* Nesterov:  ``p ← μp − a(w + μp),   w ← w + p``    M = [[1 − a, μ(1 − a)], [−a, μ(1 − a)]]

so trace and determinant are ``(1 − a + μ, μ)`` for heavy ball and
``((1 − a)(1 + μ), μ(1 − a))`` for Nesterov, and the eigenvalues
``σ = ½(tr ± √(tr² − 4 det))`` tell everything:

* the **rate** is the spectral radius ``max |σ|`` (the worst direction's, for a landscape);
* the **regime**: ``divergent`` when the rate reaches 1; ``ripples`` when σ are complex (the
  ball spirals in); ``critical`` at the double root; ``flipping`` when the larger real σ is
  negative (the sign flips every step: SGD's zig-zag); ``overdamped`` otherwise;
  ``repelling`` for λ < 0 and ``flat`` for λ = 0;
* the **stability edge**: heavy ball ``a < 2(1 + μ)``, Nesterov ``a < 2(1 + μ)/(1 + 2μ)``
  (Jury's test on the trace and determinant above);
* the **critical** curvature: heavy ball ``a = (1 − √μ)²``, Nesterov ``a = ((1 − μ)/(1 + μ))²``;
* the **optimum** (α, μ) for curvatures in [λmin, λmax]: Polyak's closed form for heavy
  ball; for Nesterov it is *computed* — the (α, μ) that minimise the worst rate — and the
  tests check it against Lessard et al. (2016): ``α = 4/(3λmax + λmin)``,
  ``rate = 1 − 2/√(3κ + 1)``.

Adam, RMSprop and Adagrad rescale each coordinate by its gradient history: they are not
linear on a quadratic and have no such theory (:data:`RULES` says which rules have one).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

RULES = ("sgd", "momentum", "nesterov")
REGIMES = ("flat", "overdamped", "critical", "ripples", "flipping", "repelling", "divergent")
"""Ordered from calmest to wildest: a landscape reports its wildest direction."""


class NoTheory(ValueError):
    """The rule has no quadratic theory (the adaptive rules); one line saying so."""


def check(rule: str) -> None:
    """Raise :class:`NoTheory` unless ``rule`` has a quadratic theory."""
    if rule not in RULES:
        raise NoTheory(f"{rule} has no quadratic theory: it rescales each coordinate by its "
                       "gradient history, so it is not a linear map on a quadratic")


def _trace_det(rule: str, a, mu):
    check(rule)
    if rule == "sgd":
        mu = np.zeros_like(np.asarray(mu, dtype=float))
    if rule == "nesterov":
        return (1 - a) * (1 + mu), mu * (1 - a)
    return 1 - a + mu, mu + 0 * a


def iteration_matrix(rule: str, alpha: float, mu: float, curvature: float) -> np.ndarray:
    """The 2 × 2 matrix acting on (w, p) along a direction of curvature λ."""
    check(rule)
    a, m = alpha * curvature, (0.0 if rule == "sgd" else mu)
    if rule == "nesterov":
        return np.array([[1 - a, m * (1 - a)], [-a, m * (1 - a)]])
    return np.array([[1 - a, m], [-a, m]])


def eigenvalues(rule: str, alpha, mu, curvature) -> tuple[np.ndarray, np.ndarray]:
    """Both eigenvalues σ of the iteration matrix (complex arrays; vectorised)."""
    a = np.asarray(alpha, dtype=float) * np.asarray(curvature, dtype=float)
    tr, det = _trace_det(rule, a, np.asarray(mu, dtype=float))
    root = np.sqrt((tr * tr - 4 * det).astype(complex))
    return 0.5 * (tr + root), 0.5 * (tr - root)


def rate(rule: str, alpha, mu, curvatures) -> np.ndarray:
    """The worst spectral radius over ``curvatures`` (vectorised over α and μ)."""
    alpha = np.asarray(alpha, dtype=float)[..., None]
    mu = np.asarray(mu, dtype=float)[..., None]
    first, second = eigenvalues(rule, alpha, mu, np.asarray(curvatures, dtype=float))
    return np.max(np.maximum(np.abs(first), np.abs(second)), axis=-1)


def stability_edge(rule: str, mu, curvature_max):
    """The largest stable α for this μ: ``a < 2(1+μ)`` or, Nesterov, ``2(1+μ)/(1+2μ)``."""
    check(rule)
    mu = np.asarray(0.0 if rule == "sgd" else mu, dtype=float)
    if rule == "nesterov":
        return 2 * (1 + mu) / ((1 + 2 * mu) * curvature_max)
    return 2 * (1 + mu) / curvature_max


def edge_mu(rule: str, alpha, curvature_max) -> np.ndarray:
    """The μ on the stability edge for each α (a view keeps the part within [0, 1])."""
    check(rule)
    a = np.asarray(alpha, dtype=float) * curvature_max
    with np.errstate(all="ignore"):
        return (2 - a) / (2 * a - 2) if rule == "nesterov" else a / 2 - 1


def critical_curvature(rule: str, alpha: float, mu: float) -> float:
    """The curvature λ at which the direction is critically damped (a double root)."""
    check(rule)
    m = 0.0 if rule == "sgd" else mu
    if rule == "nesterov":
        return ((1 - m) / (1 + m)) ** 2 / alpha
    return (1 - math.sqrt(m)) ** 2 / alpha


def critical_mu(rule: str, alpha, curvature):
    """The μ that damps curvature λ critically (NaN where αλ > 1: none can)."""
    check(rule)
    root = np.sqrt(np.asarray(alpha, dtype=float) * curvature)
    with np.errstate(invalid="ignore"):
        mu = (1 - root) / (1 + root) if rule == "nesterov" else (1 - root) ** 2
    return np.where(root <= 1, mu, np.nan)


def regime(rule: str, alpha: float, mu: float, curvature: float, rtol: float = 0.02) -> str:
    """The rule's regime along one curvature (see the module docstring)."""
    if curvature < 0:
        return "repelling"
    if curvature == 0:
        return "flat"
    first, second = eigenvalues(rule, alpha, mu, curvature)
    if max(abs(first), abs(second)) >= 1 - 1e-12:
        return "divergent"
    critical = critical_curvature(rule, alpha, mu)
    if abs(curvature - critical) <= rtol * critical:
        return "critical"
    if abs(first.imag) > 0:
        return "ripples"
    dominant = first.real if abs(first) >= abs(second) else second.real
    return "flipping" if dominant < 0 else "overdamped"


def wildest_regime(rule: str, alpha: float, mu: float, curvatures) -> tuple[str, list[str]]:
    """The wildest regime over the eigen-directions, and the regime of each direction."""
    each = [regime(rule, alpha, mu, float(lam)) for lam in np.ravel(curvatures)]
    return max(each, key=REGIMES.index), each


@lru_cache(maxsize=64)   # Nesterov's is a 20 ms search; the map asks for it again and again
def optimum(rule: str, curvature_min: float, curvature_max: float) -> tuple[float, float, float]:
    """``(α*, μ*, rate)``: the (α, μ) with the smallest worst rate over [λmin, λmax].

    SGD and heavy ball have closed forms (``2/(λmin + λmax)``; Polyak's). Nesterov's is
    found by search: a grid over (log α, μ), then three finer grids around the best cell.
    The worst rate over the interval is taken at both ends and 30 curvatures between.
    """
    check(rule)
    lo, hi = curvature_min, curvature_max
    kappa = hi / lo
    if rule == "sgd":
        return 2 / (lo + hi), 0.0, (kappa - 1) / (kappa + 1)
    if rule == "momentum":
        root_kappa = math.sqrt(kappa)
        r = (root_kappa - 1) / (root_kappa + 1)
        return (2 / (math.sqrt(lo) + math.sqrt(hi))) ** 2, r * r, r
    curvatures = np.concatenate([[lo, hi], np.geomspace(lo, hi, 32)[1:-1]])
    log_a, mus = (math.log(0.01 / hi), math.log(2.0 / hi)), (0.0, 0.9999)
    for _ in range(4):
        grid_a = np.exp(np.linspace(*log_a, 61))
        grid_mu = np.linspace(*mus, 61)
        a, m = np.meshgrid(grid_a, grid_mu)
        rates = rate(rule, a, m, curvatures)
        i, j = np.unravel_index(np.argmin(rates), rates.shape)
        da, dm = (log_a[1] - log_a[0]) / 60, (mus[1] - mus[0]) / 60
        best_a, best_mu = math.log(grid_a[j]), grid_mu[i]
        log_a = (best_a - 2 * da, best_a + 2 * da)
        mus = (max(0.0, best_mu - 2 * dm), min(0.9999, best_mu + 2 * dm))
    alpha, mu = float(grid_a[j]), float(grid_mu[i])
    return alpha, mu, float(rate(rule, alpha, mu, curvatures))
