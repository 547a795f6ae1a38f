"""What theory says about one rule at one point of a landscape: ``momentum-lab theory``.

At the point (by default the landscape's minimum) the Hessian's eigen-directions, and
along each its curvature λ, the rate (the spectral radius of the rule's iteration matrix,
:mod:`physics.iteration`) and the regime; the overall rate; the stability edge for this
μ; the rule's optimal (α, μ) for these curvatures; and the ball's physics (friction,
viscosity, effective step, half-life; :mod:`physics.ball`). The window's readouts and
the map's captions use the same functions, so the command and the window agree.
"""

from __future__ import annotations

import math

import numpy as np

from physics import ball, iteration
from physics.landscape import Landscape


class TheoryError(ValueError):
    """No theory can be given here (a rule without one, no minimum, no curvature); one line."""


def theory_report(landscape: Landscape, rule: str, alpha: float, mu: float,
                  at=None) -> dict:
    """The report as plain data (the JSON of ``momentum-lab theory --format json``)."""
    try:
        iteration.check(rule)
    except iteration.NoTheory as error:
        raise TheoryError(str(error)) from None
    if at is None:
        if not landscape.minima:
            raise TheoryError(f"{landscape.name} has no known minimum: give the point with --at X,Y")
        at = landscape.minima[0]
    point = np.array(at, dtype=float)
    with np.errstate(all="ignore"):
        hessian = landscape.hessian(point)
    if not np.all(np.isfinite(hessian)):
        raise TheoryError(f"the curvature of {landscape.name} is not finite at "
                          f"({point[0]:g}, {point[1]:g})")
    curvatures, vectors = np.linalg.eigh(hessian)
    mu = 0.0 if rule == "sgd" else mu
    directions = []
    for lam, vector in zip(curvatures, vectors.T):
        vector = vector * np.sign(vector[np.argmax(np.abs(vector))])   # a stable sign
        directions.append({"direction": [float(v) for v in vector], "curvature": float(lam),
                           "rate": float(iteration.rate(rule, alpha, mu, [lam])),
                           "regime": iteration.regime(rule, alpha, mu, float(lam))})
    lam_min, lam_max = float(curvatures[0]), float(curvatures[-1])
    optimum = None
    if lam_min > 0:
        best = iteration.optimum(rule, lam_min, lam_max)
        optimum = {"alpha": best[0], "mu": best[1], "rate": best[2]}
    constants = ball.from_hyperparams(alpha, mu)
    return {
        "landscape": landscape.name, "optimizer": rule, "alpha": alpha, "mu": mu,
        "at": [float(v) for v in point],
        "directions": directions,
        "rate": max(d["rate"] for d in directions),
        "alpha_max": float(iteration.stability_edge(rule, mu, lam_max)) if lam_max > 0 else None,
        "optimum": optimum,
        "physics": {"friction": constants.friction, "viscosity": constants.viscosity,
                    "effective_step": ball.effective_step(alpha, mu),
                    "half_life": ball.half_life(mu)},
    }


def report_text(report: dict) -> str:
    """The report as a few lines a person reads."""
    f = _short
    x, y = report["at"]
    title = report["optimizer"].capitalize() if report["optimizer"] != "sgd" else "SGD"
    lines = [f"{title} on {report['landscape']} at ({f(x)}, {f(y)}), α = {f(report['alpha'])}"
             + ("" if report["optimizer"] == "sgd" else f", μ = {f(report['mu'])}")]
    for d in report["directions"]:
        dx, dy = d["direction"]
        lines.append(f"  direction ({f(dx)}, {f(dy)})  curvature {f(d['curvature'])}  "
                     f"rate {f(d['rate'])}  {d['regime']}")
    verdict = "converges" if report["rate"] < 1 else "diverges"
    lines.append(f"overall rate {f(report['rate'])} a step ({verdict})")
    if report["alpha_max"] is not None:
        lines.append(f"stable for α < {f(report['alpha_max'])} at this μ")
    best = report["optimum"]
    if best is not None:
        lines.append(f"optimum here: α = {f(best['alpha'])}, μ = {f(best['mu'])}, "
                     f"rate {f(best['rate'])}")
    else:
        lines.append("no optimum: the point is not a minimum (a curvature is not positive)")
    p = report["physics"]
    lines.append(f"ball: friction {f(p['friction'])}, viscosity {f(p['viscosity'])}, "
                 f"effective step {f(p['effective_step'])}, half-life {f(p['half_life'])} steps")
    return "\n".join(lines) + "\n"


def _short(value: float) -> str:
    if math.isinf(value):
        return "∞"
    return f"{value:.4g}" if value != 0 else "0"
