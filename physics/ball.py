r"""The ball: how μ becomes friction (and viscosity) and α becomes force.

The continuous picture is a ball of mass m in a viscous medium,

.. math::  m\,\ddot w + c\,\dot w = -k\,\nabla L(w),

with drag coefficient c (force per unit velocity) and force scale k. Stepping it with a
time step Δt and calling the displacement per step ``p = w⁽ᵗ⁺¹⁾ − w⁽ᵗ⁾ = Δt·v``, two
discretisations give exactly the momentum rule ``p ← μp − α∇L``, ``w ← w + p``.

**Explicit drag** (:data:`UNIT_MASS`, the default; REFERENCE.md's "unit-mass mapping").
``v⁽ᵗ⁺¹⁾ = v⁽ᵗ⁾ + (Δt/m)(−k∇L − c v⁽ᵗ⁾)``, ``w⁽ᵗ⁺¹⁾ = w⁽ᵗ⁾ + Δt v⁽ᵗ⁺¹⁾``. Multiply the first
line by Δt: ``p⁽ᵗ⁺¹⁾ = (1 − cΔt/m) p⁽ᵗ⁾ − (kΔt²/m)∇L``. Hence

    μ = 1 − cΔt/m,   α = kΔt²/m;   inversely  c = (1 − μ)m/Δt,   k = αm/Δt².

With m = Δt = 1: the friction ``γ = 1 − μ`` is the fraction of velocity lost per step
and the force is ``F = −α∇L`` (potential energy αL). μ = 0, plain SGD, loses all its
velocity every step: a ball in honey. μ → 1 is an ice rink.

**Implicit drag** (:data:`QIAN`; N. Qian, Neural Networks 12, 1999). With k = 1,
``m(w⁽ᵗ⁺¹⁾ − 2w⁽ᵗ⁾ + w⁽ᵗ⁻¹⁾)/Δt² + c(w⁽ᵗ⁺¹⁾ − w⁽ᵗ⁾)/Δt = −∇L(w⁽ᵗ⁾)`` solves to
``p⁽ᵗ⁺¹⁾ = [m p⁽ᵗ⁾ − Δt²∇L]/(m + cΔt)``, so

    μ = m/(m + cΔt),   α = Δt²/(m + cΔt);   inversely  m = μΔt²/α,  c = Δt/α − m/Δt.

(``c = (1 − μ)Δt/α`` written so the reference example α = 0.01, μ = 0.9 maps to m = 90,
c = 10 and back exactly.) Here m and Δt cannot both be fixed while α and μ vary: the
mass follows μ/α. SGD (μ = 0) is the massless, fully damped limit.

**Viscosity.** Stokes' law gives the drag on a sphere of radius r as 6πηr·v, so
``η = c/(6πr)`` with r the ball's radius in landscape units.

Derived quantities (see REFERENCE.md): terminal velocity on a constant slope g is
``p∞ = −αg/(1 − μ)`` (the *effective step* α/(1 − μ)); the velocity half-life is
``ln ½ / ln μ`` steps; along a curvature λ the discrete rule is overdamped for
``αλ ≤ (1 − √μ)²``, rippling (rate √μ) up to ``(1 + √μ)²``, flipping sign each step up to
``2(1 + μ)`` and divergent beyond.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import iteration

UNIT_MASS = "unit-mass"
QIAN = "qian"
MAPPINGS = (UNIT_MASS, QIAN)
DEFAULT_RADIUS = 0.1


@dataclass(frozen=True)
class BallConstants:
    """Physical constants of the ball that reproduces a given (α, μ).

    Attributes
    ----------
    mapping
        :data:`UNIT_MASS` (explicit drag) or :data:`QIAN` (implicit drag).
    mass, drag, force_scale, dt, radius
        m, c (force per unit velocity), k (force = −k∇L), Δt, and the ball's radius r.
    """

    mapping: str
    mass: float
    drag: float
    force_scale: float
    dt: float = 1.0
    radius: float = DEFAULT_RADIUS

    @property
    def viscosity(self) -> float:
        """Stokes viscosity η = c / (6πr)."""
        return self.drag / (6 * math.pi * self.radius)

    @property
    def friction(self) -> float:
        """Fraction of velocity lost per step, 1 − μ (γ in the unit-mass picture)."""
        return 1.0 - to_hyperparams(self)[1]

    def as_dict(self) -> dict:
        return {"mapping": self.mapping, "mass": self.mass, "drag": self.drag,
                "force_scale": self.force_scale, "dt": self.dt, "radius": self.radius,
                "viscosity": self.viscosity, "friction": self.friction}


def from_hyperparams(alpha: float, mu: float, mapping: str = UNIT_MASS, *, mass: float = 1.0,
                     dt: float = 1.0, radius: float = DEFAULT_RADIUS) -> BallConstants:
    """The ball constants whose motion is momentum with step α and momentum μ.

    For :data:`UNIT_MASS` the mass and Δt are chosen (default 1) and drag and force
    follow; for :data:`QIAN` the force scale is 1 and mass and drag follow (``mass`` is
    ignored).
    """
    if not alpha > 0:
        raise ValueError(f"alpha must be > 0, got {alpha!r}")
    if not 0.0 <= mu <= 1.0:
        raise ValueError(f"mu must be in [0, 1], got {mu!r}")
    if mapping == UNIT_MASS:
        return BallConstants(UNIT_MASS, mass, (1.0 - mu) * mass / dt, alpha * mass / dt**2,
                             dt, radius)
    if mapping == QIAN:
        m = mu * dt**2 / alpha
        return BallConstants(QIAN, m, dt / alpha - m / dt, 1.0, dt, radius)
    raise ValueError(f"unknown mapping {mapping!r} (choose {' or '.join(MAPPINGS)})")


def to_hyperparams(ball: BallConstants) -> tuple[float, float]:
    """``(α, μ)`` of a ball: the inverse of :func:`from_hyperparams`."""
    m, c, k, dt = ball.mass, ball.drag, ball.force_scale, ball.dt
    if ball.mapping == UNIT_MASS:
        return k * dt**2 / m, 1.0 - c * dt / m
    denominator = m + c * dt
    return dt**2 / denominator, m / denominator


def integrate(ball: BallConstants, grad_fn, start, steps: int, velocity=None) -> np.ndarray:
    """Integrate the ball's equation of motion for ``steps`` time steps.

    ``grad_fn(points) -> ∇L`` on ``(..., 2)`` arrays. Returns positions of shape
    ``(steps + 1, ..., 2)``, start included. This is physics, not the optimizer code:
    the tests check it reproduces the momentum iterates to ~1e-12.
    """
    w = np.array(start, dtype=float)
    v = np.zeros_like(w) if velocity is None else np.array(velocity, dtype=float)
    m, c, k, dt = ball.mass, ball.drag, ball.force_scale, ball.dt
    out = [w.copy()]
    for _ in range(steps):
        force = -k * grad_fn(w)
        if ball.mapping == UNIT_MASS:
            v = v + (dt / m) * (force - c * v)   # explicit drag
        else:
            v = (m * v + dt * force) / (m + c * dt)  # implicit drag
        w = w + dt * v
        out.append(w.copy())
    return np.array(out)


# -- what the physics panel shows --------------------------------------------------------

def effective_step(alpha: float, mu: float) -> float:
    """α/(1 − μ): the step a ball reaches rolling down a constant slope (∞ at μ = 1)."""
    return math.inf if mu >= 1 else alpha / (1.0 - mu)


def half_life(mu: float) -> float:
    """Steps for the velocity to halve with no force: ln ½ / ln μ (0 at μ = 0)."""
    if mu <= 0:
        return 0.0
    if mu >= 1:
        return math.inf
    return math.log(0.5) / math.log(mu)


def kinetic_energy(ball: BallConstants, velocity_per_step) -> np.ndarray:
    """½ m |v|² with v = p/Δt (p the displacement per step)."""
    p = np.asarray(velocity_per_step, dtype=float)
    return 0.5 * ball.mass * np.sum(p * p, axis=-1) / ball.dt**2


def potential_energy(ball: BallConstants, loss) -> np.ndarray:
    """k·L: the potential whose force is −k∇L."""
    return ball.force_scale * np.asarray(loss, dtype=float)


def shadow_energy(loss, grad, velocity, alpha: float, mu: float) -> np.ndarray:
    """``S = L + (1+μ)|p|²/(4α) − ½ p·∇L`` (REFERENCE.md, "Energy").

    For SGD and heavy ball with constant α and μ and exact gradients on a quadratic,
    ``S⁽ᵗ⁺¹⁾ − S⁽ᵗ⁾ = −((1−μ)/(4α))|p⁽ᵗ⁾ + p⁽ᵗ⁺¹⁾|² ≤ 0``: it never rises, although the
    physical energy ``L + |p|²/(2α)`` may. Outside those conditions (Nesterov, schedules,
    noise) it is not a Lyapunov function and can rise.
    """
    p = np.asarray(velocity, dtype=float)
    g = np.asarray(grad, dtype=float)
    return (np.asarray(loss, dtype=float) + (1 + mu) * np.sum(p * p, axis=-1) / (4 * alpha)
            - 0.5 * np.sum(p * g, axis=-1))


# -- damping regimes -----------------------------------------------------------------------

def damping_regime(alpha: float, mu: float, curvature: float, rtol: float = 0.02) -> str:
    """Heavy ball's regime along one curvature λ (see :func:`physics.iteration.regime`).

    ``αλ ≤ (1−√μ)²`` overdamped (monotone), ≈ equal critical (within ``rtol``), up to
    ``(1+√μ)²`` ripples (rate √μ), up to ``2(1+μ)`` flipping (sign flips every step;
    plain SGD's zig-zag), beyond that divergent; λ < 0 repels (a saddle), λ = 0 is flat.
    """
    return iteration.regime("momentum", alpha, mu, curvature, rtol)


def ball_regime(alpha: float, mu: float, curvatures) -> tuple[str, list[str]]:
    """Heavy ball's wildest regime over the eigen-directions, and each direction's."""
    return iteration.wildest_regime("momentum", alpha, mu, curvatures)


def damping_ratio(alpha: float, mu: float, curvature: float, mapping: str = UNIT_MASS) -> float:
    """Continuous damping ratio ζ = c/(2√(m·kλ)) for the chosen mapping.

    Unit mass: ``(1 − μ)/(2√(αλ))``; Qian: ``(1 − μ)/(2√(μαλ))``. ζ > 1 overdamped,
    ζ < 1 underdamped. (The discrete rule's exact boundary is :func:`damping_regime`.)
    """
    if curvature <= 0:
        return math.inf
    if mapping == QIAN:
        if mu <= 0:
            return math.inf
        return (1 - mu) / (2 * math.sqrt(mu * alpha * curvature))
    return (1 - mu) / (2 * math.sqrt(alpha * curvature))
