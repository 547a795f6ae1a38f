"""``momentum-lab sweep``: the (α, μ) map as CSV or as the same picture the app's panel shows.

CSV rows are ``alpha,mu,value``. For ``steps-to-tol`` the value is the step at which the
run converged, empty if it did not within ``--steps``, and ``inf`` if it diverged; for
``final-loss`` it is L after the last step (``inf`` if diverged); for ``divergence`` the
step at which it diverged (empty if it did not).
"""

from __future__ import annotations

import io
import math
import os
import sys

from physics.catalog import LandscapeError, resolve_landscape
from physics.gradients import GradientSettingsError, make_gradient_source
from physics.simulation import Tolerances
from physics.sweep import SweepError, SweepGrid, run_sweep

from .cli import UsageError, parse_dimensions, parse_start
from .output import OutputError, atomic_output


def _range(name: str, text: str) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in text.split(":"))
    except ValueError:
        raise UsageError(f"{name} must be LOW:HIGH (e.g. 0.001:0.1), got {text!r}") from None
    return low, high


def _value_text(value: float) -> str:
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return "inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def sweep_command(args) -> int:
    try:
        landscape = resolve_landscape(args.landscape)
    except LandscapeError as error:
        raise UsageError(str(error)) from None
    if args.optimizer not in ("momentum", "nesterov"):
        raise UsageError(f"sweep maps momentum or nesterov (μ = 0 is SGD), got {args.optimizer!r}")
    start = parse_start(args.start) if args.start else landscape.start
    alpha_range = _range("alpha range", args.alpha_range) if args.alpha_range else \
        (landscape.alpha / 100, landscape.alpha * 5)
    mu_range = _range("mu range", args.mu_range)
    n_alpha, n_mu = parse_dimensions(args.grid, "grid", "NxM (alpha columns x mu rows)")
    try:
        steps = int(args.steps)
        tol = float(args.tol) if args.tol else None
        sigma, seed = float(args.noise), int(args.seed)
    except ValueError as error:
        raise UsageError(f"bad number: {error}") from None
    if tol is not None and not (tol > 0 and math.isfinite(tol)):
        raise UsageError(f"tol must be a positive number, got {args.tol!r}")
    suffix = os.path.splitext(args.out)[1].lower()
    if suffix not in (".csv", ".png"):
        raise UsageError(f"sweep writes .csv or .png, got {args.out!r}")
    tolerances = Tolerances() if tol is None else Tolerances(gtol=tol, xtol=tol / 10)
    try:
        make_gradient_source(landscape, sigma, seed)   # validates noise and seed
        grid = SweepGrid(alpha_range, mu_range, n_alpha, n_mu).validate()
        result = run_sweep(landscape, start, grid, steps, args.measure,
                           nesterov=args.optimizer == "nesterov", sigma=sigma, seed=seed,
                           tolerances=tolerances)
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
    from PySide6 import QtCore, QtWidgets  # noqa: PLC0415

    from .parameter_map_widget import ParameterMapPlot, describe  # noqa: PLC0415
    from .qt_images import png_bytes  # noqa: PLC0415
    from physics.theory import theory_overlay  # noqa: PLC0415

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["momentum-lab"])
    panel = QtWidgets.QWidget()
    panel.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
    layout = QtWidgets.QVBoxLayout(panel)
    title = QtWidgets.QLabel(f"{landscape.title}: {result.measure.replace('-', ' ')} after "
                             f"{result.steps} steps, every (α, μ)")
    plot = ParameterMapPlot()
    overlay = theory_overlay(landscape, result.alphas)
    caption = QtWidgets.QLabel(describe(result, overlay.optimum if overlay else None))
    caption.setWordWrap(True)
    layout.addWidget(title)
    layout.addWidget(plot, 1)
    layout.addWidget(caption)
    panel.resize(800, 700)
    panel.show()
    app.processEvents()
    plot.show_result(result, landscape)
    app.processEvents()
    data = png_bytes(panel)
    panel.close()
    with atomic_output(path, "wb") as handle:
        handle.write(data)
