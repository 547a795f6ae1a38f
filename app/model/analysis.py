"""Analysis behind the window's warnings and captions: rates, stability, energies.

* :func:`measured_rate` — on a quadratic, the momentum pane's contraction per step,
  measured from a real run beside theory's ``max |σ|`` (the parameter map's caption);
* :func:`nesterov_warning` — Nesterov tolerates smaller steps than heavy ball
  (``αλ_max < 2(1+μ)/(1+2μ)``): the status-bar warning when a new pane is past it;
* :func:`pane_energies` — the energy view's curves, in loss units, with the shadow
  energy only where it is a Lyapunov function.
"""

from __future__ import annotations

import numpy as np

from optimizers.registry import USES_MU, OptimizerSettings
from physics import ball, iteration, theory
from physics.gradients import ExactGradient
from physics.landscape import Landscape
from physics.simulation import Comparison, Tolerances

from .translation import translate

RATE_STEPS, RATE_SKIP, RATE_WINDOW = 600, 200, 50


def measured_rate(landscape: Landscape, settings: OptimizerSettings | None, start,
                  sigma: float = 0.0):
    """``(α, μ, measured rate, theory's rate)`` of a momentum or Nesterov pane on a
    quadratic (theory's: that rule's own), or None.

    The run is the pane's own from ``start`` with convergence switched off, 600 steps; the
    rate is the envelope's decay over the steps after 200 (:func:`theory.measured_rate`).
    None when the pane has no momentum, the gradients are noisy, the landscape is not a
    positive-definite quadratic, or the ball lands exactly on the minimum.
    """
    if settings is None or settings.name not in USES_MU or sigma > 0:
        return None
    overlay = theory.theory_overlay(landscape, [settings.alpha], settings.name)
    if overlay is None:
        return None
    run = Comparison(landscape, [settings], start, tolerances=Tolerances(gtol=0.0, xtol=0.0))
    last = run.ensure(RATE_STEPS)
    centre = np.array(landscape.minima[0])
    distances = np.linalg.norm(run.trail(last)[:, 0, 0] - centre, axis=-1)
    if last < 300 or not np.all(distances[RATE_SKIP:] > 0):
        return None
    rate = theory.measured_rate(distances, skip=RATE_SKIP, window=RATE_WINDOW)
    return settings.alpha, settings.mu, rate, overlay.predicted_rate(settings.alpha, settings.mu)


def nesterov_warning(landscape: Landscape, settings: OptimizerSettings) -> str | None:
    """One line when a Nesterov pane's α is past Nesterov's stability edge; else None."""
    if settings.name != "nesterov":
        return None
    overlay = theory.theory_overlay(landscape, [settings.alpha])
    if overlay is None:
        return None
    limit = float(iteration.stability_edge("nesterov", settings.mu, overlay.curvature_max))
    if settings.alpha < limit:
        return None
    return translate("analysis", "Nesterov is stable here only for α < {limit} "
                                 "(αλmax < 2(1+μ)/(1+2μ)); at α = {alpha} it will diverge. "
                                 "Lower α to race every pane.").format(
        limit=f"{limit:.3g}", alpha=f"{settings.alpha:g}")


def shadow_energy_applies(run: Comparison, index: int) -> bool:
    """Whether the shadow energy is a Lyapunov function for pane ``index``'s run.

    ``S = L + (1+μ)|p|²/(4α) − ½ p·∇L`` never rises for SGD and heavy ball with constant
    α and μ and exact gradients on a quadratic (REFERENCE.md, "Energy"). Anywhere else —
    Nesterov (α = 0.0139, μ = 0.74 on the ravine: it rises 27.0 → 30.1), a schedule,
    noise, minibatches — it can rise, and drawing it would claim what is not true.
    """
    settings = run.settings[index]
    return (settings.name in ("sgd", "momentum") and not settings.mu_schedule
            and not settings.alpha_schedule and isinstance(run.source, ExactGradient)
            and theory.is_quadratic(run.landscape))


def pane_energies(run: Comparison, index: int, step: int) -> dict[str, np.ndarray]:
    """Energies (divided by α, so in loss units) of pane ``index`` for steps ``0..step``.

    Potential ``L``, kinetic ``|p|²/(2α)`` and their sum — the physical energy, which is
    *not* monotone: the discrete ball can gain energy from one step to the next — and,
    where it is a Lyapunov function (:func:`shadow_energy_applies`), the "shadow" energy
    that never rises. Adaptive rules have no fixed mass or friction: only their loss.
    """
    settings = run.settings[index]
    loss = run.loss_history(step)[:, index, 0]
    if settings.name not in USES_MU + ("sgd",):
        return {"loss": loss}
    p = run.velocity_history(step)[:, index, 0]
    g = run.grad_history(step)[:, index, 0]
    alpha, mu = settings.alpha, settings.effective_mu
    kinetic = ball.kinetic_energy(ball.from_hyperparams(alpha, mu), p) / alpha
    out = {"potential": loss, "kinetic": kinetic, "total": loss + kinetic}
    if shadow_energy_applies(run, index):
        out["shadow"] = ball.shadow_energy(loss, g, p, alpha, mu)
    return out
