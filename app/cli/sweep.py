"""``momentum-lab sweep``: the (α, μ) map as CSV or as the same picture the app's panel shows.

CSV rows are ``alpha,mu,value``. For ``steps-to-tol`` the value is the step at which the
run converged, empty if it did not within ``--steps``, and ``inf`` if it diverged; for
``final-loss`` it is L after the last step (``inf`` if diverged); for ``divergence`` the
step at which it diverged (empty if it did not).
"""

from __future__ import annotations

import dataclasses
import io
import math
import os
import sys

from app.atomic_file import OutputError, atomic_output
from physics.catalog import LandscapeError, resolve_landscape
from physics.gradients import GradientSettingsError, make_gradient_source
from physics.simulation import Tolerances
from physics.sweep import SweepError, SweepGrid, run_sweep

from . import interrupts
from .arguments import (
    UsageError,
    check_output,
    parse_dimensions,
    parse_number,
    parse_range,
    parse_start,
)
from .progress import ProgressBar


def _value_text(value: float) -> str:
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return "inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def command(args) -> int:
    try:
        landscape = resolve_landscape(args.landscape)
    except LandscapeError as error:
        raise UsageError(str(error)) from None
    if args.optimizer not in ("momentum", "nesterov"):
        raise UsageError(f"sweep maps momentum or nesterov (μ = 0 is SGD), got {args.optimizer!r}")
    start = parse_start(args.start) if args.start else landscape.start
    alpha_range = parse_range("alpha range", args.alpha_range) if args.alpha_range else \
        (landscape.alpha / 100, landscape.alpha * 5)
    mu_range = parse_range("mu range", args.mu_range)
    n_alpha, n_mu = parse_dimensions(args.grid, "grid", "NxM (alpha columns x mu rows)")
    steps = parse_number("steps", args.steps, integer=True)
    tol = parse_number("tol", args.tol)
    sigma = parse_number("noise", args.noise)
    seed = parse_number("seed", args.seed, integer=True)
    if tol is not None and not tol > 0:
        raise UsageError(f"tol must be a positive number, got {args.tol!r}")
    suffix = os.path.splitext(args.out)[1].lower()
    if suffix not in (".csv", ".png"):
        raise UsageError(f"sweep writes .csv or .png, got {args.out!r}")
    check_output(args.out)   # before minutes of work
    tolerances = Tolerances.for_landscape(landscape)
    if tol is not None:
        tolerances = dataclasses.replace(tolerances, gtol=tol, xtol=tol / 10)
    try:
        make_gradient_source(landscape, sigma, seed)   # validates noise and seed
        grid = SweepGrid(alpha_range, mu_range, n_alpha, n_mu).validate()
        result = run_sweep(landscape, start, grid, steps, args.measure,
                           nesterov=args.optimizer == "nesterov", sigma=sigma, seed=seed,
                           tolerances=tolerances, progress=ProgressBar("sweeping", "cells"))
    except (SweepError, GradientSettingsError) as error:
        raise UsageError(str(error)) from None
    try:
        if suffix == ".csv":
            out = io.StringIO()
            out.write("alpha,mu,value\n")
            for i, mu in enumerate(result.mus):
                for j, alpha in enumerate(result.alphas):
                    out.write(f"{float(alpha)!r},{float(mu)!r},{_value_text(result.values[i, j])}\n")
            with atomic_output(args.out) as handle:
                handle.write(out.getvalue())
        else:
            _write_png(result, landscape, args.out)
    except OutputError as error:
        raise UsageError(str(error)) from None
    best = result.best()
    if best:
        print(f"best cell: alpha={best[0]:.4g} mu={best[1]:.4g} value={best[2]:.4g}",
              file=sys.stderr)
    return 0


def _write_png(result, landscape, path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.qt.map_picture import map_png  # noqa: PLC0415 - Qt only for pictures

    with interrupts.deferred():   # Qt paints the picture: a signal waits until it is done
        data = map_png(result, landscape)
    interrupts.checkpoint()
    with atomic_output(path, "wb") as handle:
        handle.write(data)
