"""Where noise leaves a ball for good: theory's stationary spread on a quadratic.

On ``L = ½ (w − m)ᵀ H (w − m)`` with gradient noise ``g̃ = ∇L + σξ`` (``ξ ~ N(0, I)``),
SGD and heavy-ball momentum with constant α and μ never settle at the minimum m: the
iterates keep a stationary Gaussian spread around it. In each eigen-direction of H
(curvature λᵢ, unit vector vᵢ) the coordinate ``vᵢᵀ(w − m)`` is an independent AR
process (the rotated noise is still isotropic) with (REFERENCE.md)

    Var wᵢ = (1 + μ) α² σ² / [(1 − μ) αλᵢ (2(1 + μ) − αλᵢ)],

so the positions' covariance is ``Σ = V diag(Var wᵢ) Vᵀ`` and the loss's long-run mean
is ``E[L − L_min] = Σᵢ ½ λᵢ Var wᵢ``. The window draws Σ's ellipse holding
:data:`COVERAGE` of the stationary positions beside the seeds' cloud, and the mean as a
line on the loss plot; ``momentum-lab race`` prints the mean beside the seeds' one.
"""

from __future__ import annotations

import math

import numpy as np

from physics import theory
from physics.landscape import Landscape

#: The share of the stationary positions inside the drawn ellipse.
COVERAGE = 0.9
ELLIPSE_POINTS = 97       # the outline's corners (the first repeated at the end)


def stationary_variances(landscape: Landscape, settings, sigma: float, batch_size=None):
    """``(λ, Var w, V)``: the quadratic's curvatures, the stationary variance along each
    eigenvector of its Hessian (the columns of V), as arrays. None where that theory does not apply
    (another rule, a schedule, minibatches, no noise, a landscape that is no positive
    quadratic, or a rule that diverges there)."""
    if (not sigma or batch_size is not None or settings.name not in ("sgd", "momentum")
            or settings.alpha_schedule or settings.mu_schedule
            or not theory.is_quadratic(landscape)):
        return None
    # One eigendecomposition of the (constant) Hessian: its curvatures and directions.
    lams, vectors = np.linalg.eigh(landscape.hessian(np.zeros(2)))
    mu = settings.mu if settings.name == "momentum" else 0.0
    # A positive-definite bowl, and a rule stable along both directions (else no floor).
    if any(not 0 < settings.alpha * lam < 2 * (1 + mu) for lam in lams):
        return None
    variances = np.array([theory.stationary_variance(settings.alpha, mu, float(lam), sigma)
                          for lam in lams])
    return lams, variances, vectors


def noise_floor(landscape: Landscape, settings, sigma: float, batch_size) -> float | None:
    """Theory's long-run ``E[L − L_min] = Σᵢ ½ λᵢ Var wᵢ`` (None where it does not apply)."""
    spread = stationary_variances(landscape, settings, sigma, batch_size)
    if spread is None:
        return None
    lams, variances, _ = spread
    return float(np.sum(0.5 * lams * variances))


def floor_ellipse(landscape: Landscape, settings, sigma: float, batch_size=None,
                  coverage: float = COVERAGE) -> np.ndarray | None:
    """The outline, ``(ELLIPSE_POINTS, 2)``, of the region around the minimum m that holds
    ``coverage`` of the stationary positions: ``(w − m)ᵀ Σ⁻¹ (w − m) = r²`` with
    ``r² = −2 ln(1 − coverage)`` (the χ² quantile of two degrees of freedom). None where
    the theory does not apply or the minimum is unknown."""
    spread = stationary_variances(landscape, settings, sigma, batch_size)
    if spread is None or not len(landscape.minima):
        return None
    _, (var1, var2), vectors = spread
    radius = math.sqrt(-2.0 * math.log(1.0 - coverage))
    angle = np.linspace(0.0, 2.0 * np.pi, ELLIPSE_POINTS)
    circle = np.stack([np.cos(angle) * math.sqrt(var1), np.sin(angle) * math.sqrt(var2)])
    return np.asarray(landscape.minima[0], dtype=float) + radius * (vectors @ circle).T
