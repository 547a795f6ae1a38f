"""``momentum-lab run`` and ``momentum-lab landscapes`` (no Qt)."""

from __future__ import annotations

import io
import json
import math
import sys
from pathlib import Path

import numpy as np

from optimizers.registry import ADAPTIVE, USES_MU, OptimizerSettings, SettingsError, validate
from physics import ball
from physics.builtins import all_builtins
from physics.catalog import LandscapeError, resolve_landscape
from physics.gradients import GradientSettingsError
from physics.simulation import NOT_YET, Comparison

from .cli import UsageError, parse_alpha_schedule, parse_domain, parse_mu_schedule, parse_start
from .output import OutputError, atomic_output

MAX_STEPS = 1_000_000
CSV_COLUMNS = ("step", "x", "y", "loss", "grad_x", "grad_y", "p_x", "p_y",
               "kinetic", "potential")


def parse_number(name: str, text, *, integer: bool = False):
    if text is None:
        return None
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        kind = "a whole number" if integer else "a number"
        raise UsageError(f"{name} must be {kind}, got {text!r}") from None
    if not integer and not math.isfinite(value):
        raise UsageError(f"{name} must be finite, got {text!r}")
    return value


def settings_from_args(args, landscape) -> OptimizerSettings:
    """The optimizer settings the flags describe, defaults from the landscape."""
    name = args.optimizer.strip().lower()
    alpha = parse_number("alpha", args.alpha)
    if alpha is None:
        alpha = landscape.adaptive_alpha if name in ADAPTIVE else landscape.alpha
    mu = parse_number("mu", args.mu)
    settings = OptimizerSettings(
        name=name, alpha=alpha, mu=landscape.mu if mu is None else mu,
        beta1=0.9 if args.beta1 is None else parse_number("beta1", args.beta1),
        beta2=parse_number("beta2", args.beta2), eps=parse_number("eps", args.eps),
        mu_schedule=parse_mu_schedule(args.mu_schedule) if args.mu_schedule else None,
        alpha_schedule=parse_alpha_schedule(args.alpha_schedule) if args.alpha_schedule else None,
    )
    try:
        return validate(settings)
    except SettingsError as error:
        raise UsageError(str(error)) from None


def _output_format(args) -> str:
    fmt = args.format
    if fmt is None:
        suffix = Path(args.out).suffix.lower() if args.out else ""
        fmt = "json" if suffix == ".json" else "csv"
    fmt = fmt.lower()
    if fmt not in ("csv", "json"):
        raise UsageError(f"unknown format {args.format!r} (choose csv or json)")
    return fmt


def _fmt(value: float) -> str:
    """Shortest text that reads back as the same float (so CSV agrees bit for bit)."""
    return repr(float(value))


def run_command(args) -> int:
    try:
        domain = parse_domain(args.domain) if args.domain else None
        landscape = resolve_landscape(args.landscape, domain)
    except LandscapeError as error:
        raise UsageError(str(error)) from None
    settings = settings_from_args(args, landscape)
    steps = parse_number("steps", args.steps, integer=True)
    if not 1 <= steps <= MAX_STEPS:
        raise UsageError(f"steps must be between 1 and {MAX_STEPS}, got {args.steps!r}")
    start = parse_start(args.start) if args.start else landscape.start
    sigma = parse_number("noise", args.noise)
    seed = parse_number("seed", args.seed, integer=True)
    batch = parse_number("batch size", args.batch_size, integer=True)
    fmt = _output_format(args)
    try:
        comparison = Comparison(landscape, [settings], start, sigma=sigma, seed=seed,
                                batch_size=batch)
    except GradientSettingsError as error:
        raise UsageError(str(error)) from None

    comparison.ensure(steps)
    diverged = int(comparison.diverged_at[0, 0])
    converged = int(comparison.converged_at[0, 0])
    last = comparison.computed_steps if diverged == NOT_YET else diverged - 1
    constants = ball.from_hyperparams(settings.alpha, settings.effective_mu, args.mapping)
    rows = _rows(comparison, constants, last)
    if fmt == "csv":
        text = _csv(rows)
    else:
        text = _json(rows, comparison, settings, constants, start, sigma, seed, batch, steps,
                     diverged, converged)
    if args.out:
        try:
            with atomic_output(args.out) as handle:
                handle.write(text)
        except OutputError as error:
            raise UsageError(str(error)) from None
    else:
        sys.stdout.write(text)
    if diverged != NOT_YET:
        print(f"diverged at step {diverged}", file=sys.stderr)
    elif converged != NOT_YET:
        print(f"converged at step {converged}", file=sys.stderr)
    return 0


def _rows(comparison: Comparison, constants, last: int) -> list[dict]:
    pos = comparison.trail(last)[:, 0, 0]
    grads = comparison.grad_history(last)[:, 0, 0]
    vel = comparison.velocity_history(last)[:, 0, 0]
    loss = comparison.loss_history(last)[:, 0, 0]
    kinetic = ball.kinetic_energy(constants, vel)
    potential = ball.potential_energy(constants, loss)
    return [
        {"step": k, "x": pos[k, 0], "y": pos[k, 1], "loss": loss[k],
         "grad_x": grads[k, 0], "grad_y": grads[k, 1], "p_x": vel[k, 0], "p_y": vel[k, 1],
         "kinetic": kinetic[k], "potential": potential[k]}
        for k in range(last + 1)
    ]


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    out.write(",".join(CSV_COLUMNS) + "\n")
    for row in rows:
        out.write(",".join([str(row["step"])] + [_fmt(row[c]) for c in CSV_COLUMNS[1:]]) + "\n")
    return out.getvalue()


def _json(rows, comparison, settings, constants, start, sigma, seed, batch, steps,
          diverged, converged) -> str:
    landscape = comparison.landscape
    mu = settings.effective_mu
    document = {
        "settings": {
            "landscape": landscape.name, "formula": landscape.formula,
            "domain": list(landscape.domain), **settings.as_dict(),
            "start": [float(v) for v in start], "steps": steps, "noise": sigma,
            "seed": seed, "batch_size": batch,
        },
        "physics": {
            **constants.as_dict(),
            "effective_step": ball.effective_step(settings.alpha, mu)
            if settings.name in USES_MU + ("sgd",) else None,
            "half_life_steps": ball.half_life(mu),
        },
        "diverged_at": None if diverged == NOT_YET else diverged,
        "converged_at": None if converged == NOT_YET else converged,
        "rows": [{k: (v if k == "step" else float(v)) for k, v in row.items()} for row in rows],
    }
    return json.dumps(_finite_or_none(document), indent=1, allow_nan=False) + "\n"


def _finite_or_none(value):
    """JSON has no infinity: an infinite half-life or effective step becomes null."""
    if isinstance(value, dict):
        return {k: _finite_or_none(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite_or_none(v) for v in value]
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


def landscapes_command() -> int:
    for landscape in all_builtins():
        xmin, xmax, ymin, ymax = landscape.domain
        minima = ", ".join(f"({x:.4g}, {y:.4g})" for x, y in landscape.minima) or "none"
        print(f"{landscape.name:<13} {landscape.title}")
        print(f"{'':<13} L = {landscape.formula}")
        print(f"{'':<13} domain x∈[{xmin:g}, {xmax:g}], y∈[{ymin:g}, {ymax:g}]; "
              f"minima {minima}; start ({landscape.start[0]:g}, {landscape.start[1]:g}); "
              f"suggested α={landscape.alpha:g}, μ={landscape.mu:g}")
    return 0
