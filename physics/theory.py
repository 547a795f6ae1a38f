"""What theory predicts for a landscape (Goh, "Why Momentum Really Works", 2017).

The per-rule mathematics — iteration matrices, rates, regimes, stability edges and
optima of SGD, heavy ball and Nesterov along one curvature — is :mod:`physics.iteration`.
Here it meets landscapes: whether a landscape is a quadratic, the theory curves drawn over
its (α, μ) map (:func:`theory_overlay`), the stationary spread under gradient noise, and
the rate measured from a run, to set beside theory's. (Distill's text has two typos: the
complex-root rate is √μ, not 2√μ, and the unrolled sum carries −α.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import iteration
from .landscape import Landscape


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
    """One rule's theory curves over an (α, μ) map of a quadratic with ``λ_min ≤ λ_max``."""

    rule: str
    curvature_min: float
    curvature_max: float
    alphas: np.ndarray
    stability_mu: np.ndarray         # μ on the rule's stability edge, for each α
    critical_mu_min: np.ndarray      # μ damping λ_min critically, nan where none can
    critical_mu_max: np.ndarray
    optimum: tuple[float, float, float]   # α*, μ*, the rate theory predicts there

    def predicted_rate(self, alpha: float, mu: float) -> float:
        return float(iteration.rate(self.rule, alpha, mu,
                                    [self.curvature_min, self.curvature_max]))

    @property
    def edge_formula(self) -> str:
        """The stability edge as the map's legend writes it."""
        return ("αλmax = 2(1+μ)/(1+2μ)" if self.rule == "nesterov" else "αλmax = 2(1+μ)")


def is_quadratic(landscape: Landscape) -> bool:
    """True when the Hessian is the same everywhere on the domain (sampled)."""
    xmin, xmax, ymin, ymax = landscape.domain
    points = np.array([[xmin, ymin], [xmax, ymax], [xmin, ymax], [(xmin + xmax) / 2, ymin],
                       [0.3 * xmin + 0.7 * xmax, 0.6 * ymin + 0.4 * ymax]])
    with np.errstate(all="ignore"):
        h = landscape.hessian(points)
    return bool(np.all(np.isfinite(h)) and np.allclose(h, h[0], rtol=1e-9, atol=1e-12))


def quadratic_curvatures(landscape: Landscape) -> tuple[float, float] | None:
    """``(λ_min, λ_max)`` of a positive-definite quadratic landscape, else None."""
    if not is_quadratic(landscape):
        return None
    lam_min, lam_max = (float(v) for v in landscape.curvatures(np.zeros(2)))
    return (lam_min, lam_max) if lam_min > 0 else None


def theory_overlay(landscape: Landscape, alphas, rule: str = "momentum") -> TheoryOverlay | None:
    """``rule``'s theory curves over ``alphas`` if ``landscape`` is a positive-definite
    quadratic (else None: there is no such theory to draw)."""
    curvatures = quadratic_curvatures(landscape)
    if curvatures is None or rule not in iteration.RULES:
        return None
    lam_min, lam_max = curvatures
    alphas = np.asarray(alphas, dtype=float)
    return TheoryOverlay(rule, lam_min, lam_max, alphas,
                         iteration.edge_mu(rule, alphas, lam_max),
                         iteration.critical_mu(rule, alphas, lam_min),
                         iteration.critical_mu(rule, alphas, lam_max),
                         iteration.optimum(rule, lam_min, lam_max))
