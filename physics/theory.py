"""What theory predicts on a quadratic ``L = ½ Σ λᵢ wᵢ²`` (Goh, "Why Momentum Really Works", 2017).

Along each eigen-direction the momentum rule is a linear 2×2 iteration on
``(wᵢ, wᵢ − αλᵢ...)`` with matrix ``[[1 + μ − αλ, −μ], [1, 0]]`` acting on
``(w⁽ᵗ⁾, w⁽ᵗ⁻¹⁾)``. Its eigenvalues are

    σ = ½(1 − αλ + μ ± √((1 − αλ + μ)² − 4μ)),

and the convergence rate is ``max over i of max |σ|``. Plain gradient descent is μ = 0,
rate ``max |1 − αλᵢ|``. (Distill's text has two typos: the complex-root rate is √μ, not
2√μ, and the unrolled sum carries −α.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .landscape import Landscape


def gd_rate(alpha: float, curvatures) -> float:
    """``max |1 − αλ|``: the factor the error shrinks by per step under plain GD."""
    lam = np.asarray(curvatures, dtype=float)
    return float(np.max(np.abs(1 - alpha * lam)))


def momentum_rate(alpha, mu, curvatures) -> np.ndarray:
    """``max |σ|`` over the 2×2 eigenvalues of every direction (vectorised over α, μ)."""
    alpha = np.asarray(alpha, dtype=float)[..., None]
    mu = np.asarray(mu, dtype=float)[..., None]
    lam = np.asarray(curvatures, dtype=float)
    b = 1 - alpha * lam + mu
    root = np.sqrt((b * b - 4 * mu).astype(complex))
    sigma = np.maximum(np.abs(0.5 * (b + root)), np.abs(0.5 * (b - root)))
    return np.max(sigma, axis=-1)


def is_stable(alpha: float, mu: float, curvature: float) -> bool:
    """Momentum converges along λ > 0 iff ``0 < αλ < 2 + 2μ`` (0 ≤ μ < 1)."""
    return 0 < alpha * curvature < 2 + 2 * mu and 0 <= mu < 1


def stability_edge_alpha(mu, curvature_max):
    """The largest stable α for momentum μ: ``2(1 + μ)/λ_max``."""
    return 2 * (1 + np.asarray(mu, dtype=float)) / curvature_max


def nesterov_stability_alpha(mu, curvature_max):
    """The largest stable α for Nesterov: ``αλ_max < 2(1 + μ)/(1 + 2μ)``.

    For ``p ← μp − α∇L(W + μp)`` on ``½λw²`` the iteration matrix on ``(w, p)`` has trace
    ``(1 − αλ)(1 + μ)`` and determinant ``μ(1 − αλ)``; Jury's test gives the bound. It is
    tighter than heavy ball's ``2(1 + μ)``: Nesterov brakes early, and overshoots less,
    but tolerates smaller steps.
    """
    mu = np.asarray(mu, dtype=float)
    return 2 * (1 + mu) / ((1 + 2 * mu) * curvature_max)


def critical_mu(alpha, curvature):
    """Critical damping along λ: ``μ = (1 − √(αλ))²`` (for αλ ≤ 1; rate ``1 − √(αλ)``)."""
    return (1 - np.sqrt(np.asarray(alpha, dtype=float) * curvature)) ** 2


def optimal_gd(curvature_min: float, curvature_max: float) -> tuple[float, float]:
    """Best plain-GD step ``2/(λmin + λmax)`` and its rate ``(κ − 1)/(κ + 1)``."""
    kappa = curvature_max / curvature_min
    return 2 / (curvature_min + curvature_max), (kappa - 1) / (kappa + 1)


def optimal_momentum(curvature_min: float, curvature_max: float) -> tuple[float, float, float]:
    """Polyak's optimum: ``α* = (2/(√λmin + √λmax))²``, ``μ* = ((√κ − 1)/(√κ + 1))²``, rate."""
    root_kappa = math.sqrt(curvature_max / curvature_min)
    alpha = (2 / (math.sqrt(curvature_min) + math.sqrt(curvature_max))) ** 2
    rate = (root_kappa - 1) / (root_kappa + 1)
    return alpha, rate * rate, rate


def stationary_variance(alpha: float, mu: float, curvature: float, sigma: float) -> float:
    """Long-run variance of w on ``½λw²`` with gradient noise σ (REFERENCE.md):

    ``Var w = (1 + μ) α² σ² / [(1 − μ) αλ (2(1 + μ) − αλ)]``.
    """
    a = alpha * curvature
    return (1 + mu) * alpha**2 * sigma**2 / ((1 - mu) * a * (2 * (1 + mu) - a))


def measured_rate(distances, skip: int = 0, window: int = 1) -> float:
    """The per-step contraction seen in a run of distances to the minimum.

    ``(late / early)^(1/span)`` where *early* and *late* are the largest distances in a
    window of ``window`` steps after ``skip`` and at the end: with complex roots the
    distance ripples, and its envelope is what decays at the rate ``max |σ|``.
    """
    d = np.asarray(distances, dtype=float)
    early = np.max(d[skip:skip + window])
    late = np.max(d[len(d) - window:])
    span = len(d) - window - skip
    return float((late / early) ** (1.0 / span))


# -- a landscape's quadratic theory --------------------------------------------------------

@dataclass(frozen=True)
class TheoryOverlay:
    """Theory curves for a quadratic with curvatures ``λ_min ≤ λ_max``."""

    curvature_min: float
    curvature_max: float
    alphas: np.ndarray
    stability_mu: np.ndarray         # μ on the edge α λ_max = 2(1 + μ), for each α
    critical_mu_min: np.ndarray      # μ = (1 − √(αλ_min))², nan where αλ_min > 1
    critical_mu_max: np.ndarray
    optimum: tuple[float, float, float]   # α*, μ*, predicted rate

    def predicted_rate(self, alpha: float, mu: float) -> float:
        return float(momentum_rate(alpha, mu, [self.curvature_min, self.curvature_max]))


def is_quadratic(landscape: Landscape) -> bool:
    """True when the Hessian is the same everywhere on the domain (sampled)."""
    xmin, xmax, ymin, ymax = landscape.domain
    points = np.array([[xmin, ymin], [xmax, ymax], [xmin, ymax], [(xmin + xmax) / 2, ymin],
                       [0.3 * xmin + 0.7 * xmax, 0.6 * ymin + 0.4 * ymax]])
    with np.errstate(all="ignore"):
        h = landscape.hessian(points)
    return bool(np.all(np.isfinite(h)) and np.allclose(h, h[0], rtol=1e-9, atol=1e-12))


def theory_overlay(landscape: Landscape, alphas) -> TheoryOverlay | None:
    """Theory curves over ``alphas`` if ``landscape`` is a positive-definite quadratic."""
    if not is_quadratic(landscape):
        return None
    lam_min, lam_max = (float(v) for v in landscape.curvatures(np.zeros(2)))
    if lam_min <= 0:
        return None
    alphas = np.asarray(alphas, dtype=float)
    with np.errstate(invalid="ignore"):
        edge = alphas * lam_max / 2 - 1          # α λmax = 2(1 + μ)  ⇔  μ = αλmax/2 − 1
        crit_min = np.where(alphas * lam_min <= 1, critical_mu(alphas, lam_min), np.nan)
        crit_max = np.where(alphas * lam_max <= 1, critical_mu(alphas, lam_max), np.nan)
    return TheoryOverlay(lam_min, lam_max, alphas, edge, crit_min, crit_max,
                         optimal_momentum(lam_min, lam_max))
