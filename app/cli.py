"""The ``momentum-lab`` command line.

``momentum-lab``               open the desktop app
``momentum-lab run ...``       one optimizer's trajectory as CSV or JSON
``momentum-lab export ...``    an animation (GIF, MP4, WebM, PNG frames) of a scenario
``momentum-lab sweep ...``     the (α, μ) map as CSV or PNG
``momentum-lab snapshot ...``  the window at a step, rendered offscreen to a PNG
``momentum-lab landscapes``    the built-in landscapes with formula, domain and minima

Bad input exits with status 2 and one line on stderr naming the bad value — never a
traceback. This module imports no Qt, so scripted runs start fast and work without a
display.
"""

from __future__ import annotations

import argparse
import re
import sys

from . import __version__

_NEGATIVE_PAIR = re.compile(r"^-[\d.]")


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line and raise instead of printing usage."""

    def error(self, message: str):  # noqa: D401 - argparse API
        raise UsageError(message)


def _comma_floats(text: str, count: int, what: str) -> tuple[float, ...]:
    parts = text.split(",")
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != count or not all(v == v and abs(v) != float("inf") for v in values):
        example = {2: "X,Y (e.g. -1.5,2)", 4: "XMIN,XMAX,YMIN,YMAX"}[count]
        raise UsageError(f"{what} must be {example}, got {text!r}")
    return values


def parse_dimensions(text: str, what: str, form: str) -> tuple[int, int]:
    """``"1280x720"`` → ``(1280, 720)``; ``what`` and ``form`` word the error
    (e.g. ``"size"``, ``"WIDTHxHEIGHT (e.g. 1280x720)"``)."""
    try:
        first, second = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"{what} must be {form}, got {text!r}") from None
    return first, second


def parse_start(text: str) -> tuple[float, float]:
    """``"-1.5,2"`` → ``(-1.5, 2.0)``; a clear error otherwise."""
    return _comma_floats(text, 2, "start")


def parse_domain(text: str) -> tuple[float, float, float, float]:
    xmin, xmax, ymin, ymax = _comma_floats(text, 4, "domain")
    if not (xmin < xmax and ymin < ymax):
        raise UsageError(f"domain must have XMIN < XMAX and YMIN < YMAX, got {text!r}")
    return xmin, xmax, ymin, ymax


def parse_mu_schedule(text: str):
    """``ramp:START:END:STEPS`` (e.g. ``ramp:0.5:0.99:200``)."""
    parts = text.split(":")
    try:
        if parts[0] == "ramp" and len(parts) == 4:
            return ("ramp", float(parts[1]), float(parts[2]), int(parts[3]))
    except ValueError:
        pass
    raise UsageError(f"mu schedule must be ramp:START:END:STEPS (e.g. ramp:0.5:0.99:200), got {text!r}")


def parse_alpha_schedule(text: str):
    """``step:FACTOR:EVERY`` or ``cosine:STEPS[:MIN]``."""
    parts = text.split(":")
    try:
        if parts[0] == "step" and len(parts) == 3:
            return ("step", float(parts[1]), int(parts[2]))
        if parts[0] == "cosine" and len(parts) in (2, 3):
            return ("cosine", int(parts[1]), float(parts[2]) if len(parts) == 3 else 0.0)
    except ValueError:
        pass
    raise UsageError(
        f"alpha schedule must be step:FACTOR:EVERY or cosine:STEPS[:MIN], got {text!r}")


def _join_negative_values(argv: list[str]) -> list[str]:
    """Let ``--start -1.5,2`` work like ``--start=-1.5,2`` (argparse would see an option)."""
    takes_value = {"--start", "--domain"}
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in takes_value and i + 1 < len(argv) and _NEGATIVE_PAIR.match(argv[i + 1]):
            out.append(f"{arg}={argv[i + 1]}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="momentum-lab",
                     description="Watch SGD and momentum roll over a loss landscape.")
    parser.add_argument("--version", action="version", version=f"momentum-lab {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    run = sub.add_parser("run", help="print one optimizer's trajectory as CSV or JSON",
                         description="Run one optimizer from one start and print every step.")
    run.add_argument("--landscape", default="ravine",
                     help="a built-in name (see `momentum-lab landscapes`) or an expression "
                          "in x and y, e.g. '0.5*(x**2 + 100*y**2)' (default: ravine)")
    run.add_argument("--domain", help="XMIN,XMAX,YMIN,YMAX for a typed expression")
    run.add_argument("--optimizer", default="momentum",
                     help="sgd, momentum, nesterov, adam, rmsprop or adagrad (default: momentum)")
    run.add_argument("--alpha", "--lr", dest="alpha",
                     help="learning rate α (default: the landscape's suggestion)")
    run.add_argument("--mu", "--momentum", dest="mu",
                     help="momentum μ in [0, 1] (default: the landscape's suggestion)")
    run.add_argument("--beta1", help="Adam's β₁ (default 0.9)")
    run.add_argument("--beta2", help="Adam's β₂ (default 0.999) or RMSprop's smoothing (0.99)")
    run.add_argument("--eps", help="ε of Adam/RMSprop (1e-8) or Adagrad (1e-10)")
    run.add_argument("--mu-schedule", help="ramp:START:END:STEPS, e.g. ramp:0.5:0.99:200")
    run.add_argument("--alpha-schedule", help="step:FACTOR:EVERY or cosine:STEPS[:MIN]")
    run.add_argument("--start", help="X,Y (default: the landscape's suggestion); "
                                     "negative values work: --start=-1.5,2")
    run.add_argument("--steps", default="100", help="number of steps (default 100)")
    run.add_argument("--noise", default="0", help="gradient noise σ (default 0)")
    run.add_argument("--seed", default="0", help="random seed for noise and minibatches")
    run.add_argument("--batch-size", help="minibatch size (regression landscape)")
    run.add_argument("--mapping", default="unit-mass", choices=("unit-mass", "qian"),
                     help="how μ and α map to the ball's physics (default unit-mass)")
    run.add_argument("--format", help="csv or json (default: from --out, else csv)")
    run.add_argument("--out", help="write to this file instead of standard output")

    exp = sub.add_parser("export", help="export an animation (GIF, MP4, WebM or PNG frames)",
                         description="Export an animation of a scenario; the format comes from "
                                     "the extension: .gif, .mp4, .webm, .png (numbered frames in "
                                     "a folder). Works without a display.")
    exp.add_argument("--out", required=True, help="output file: .gif, .mp4, .webm or .png")
    exp.add_argument("--scenario", help="a scenario file (default: SGD vs momentum on the ravine)")
    exp.add_argument("--landscape", help="a built-in name or an expression in x and y")
    exp.add_argument("--start", help="X,Y start point")
    exp.add_argument("--alpha", "--lr", dest="alpha", help="α for every pane")
    exp.add_argument("--mu", "--momentum", dest="mu", help="μ for the panes with momentum")
    exp.add_argument("--frames", help="number of frames (default: the whole run, up to convergence)")
    exp.add_argument("--steps-per-frame", help="steps between frames (default 1): frame k shows step k·K")
    exp.add_argument("--fps", help="frames per second (default 30)")
    exp.add_argument("--size", default="1200x500", help="WIDTHxHEIGHT (default 1200x500)")
    exp.add_argument("--include-loss", action="store_true", help="add the loss plot under the panes")

    sweep = sub.add_parser("sweep", help="the (alpha, mu) map as CSV or PNG",
                           description="Run every (alpha, mu) of a grid from one start and map "
                                       "a measure (steps to converge, final loss, divergence).")
    sweep.add_argument("--landscape", default="ravine", help="a built-in or an expression")
    sweep.add_argument("--optimizer", default="momentum", help="momentum or nesterov")
    sweep.add_argument("--start", help="X,Y (default: the landscape's)")
    sweep.add_argument("--alpha-range", help="A0:A1, log-spaced (default: the landscape's α/100 to 5α)")
    sweep.add_argument("--mu-range", default="0:0.99", help="M0:M1 (default 0:0.99; μ = 0 is SGD)")
    sweep.add_argument("--grid", default="100x100", help="alpha columns x mu rows (default 100x100)")
    sweep.add_argument("--steps", default="1000", help="steps per run (default 1000)")
    sweep.add_argument("--measure", default="steps-to-tol",
                       choices=("steps-to-tol", "final-loss", "divergence"))
    sweep.add_argument("--tol", help="converged when |grad| <= TOL and |p| <= TOL/10 "
                                     "(default 1e-5, as `run` reports)")
    sweep.add_argument("--noise", default="0", help="gradient noise sigma")
    sweep.add_argument("--seed", default="0", help="random seed")
    sweep.add_argument("--out", required=True, help="map.csv or map.png")

    snap = sub.add_parser("snapshot", help="render the app's window at a step to a PNG",
                          description="Render the window (offscreen) at a given step to a PNG.")
    snap.add_argument("--out", required=True, help="the PNG file to write")
    snap.add_argument("--step", default="0", help="the step to show (default 0)")
    snap.add_argument("--scenario", help="a scenario file (default: SGD vs momentum on the ravine)")
    snap.add_argument("--size", default="1400x800", help="window size WxH (default 1400x800)")
    snap.add_argument("--landscape", help="show this landscape (a built-in or an expression)")
    snap.add_argument("--swarm", action="store_true", help="swarm mode: a grid of balls per pane")
    snap.add_argument("--views", action="store_true",
                      help="open the parameter map and the energy / phase-portrait docks")

    sub.add_parser("landscapes", help="list the built-in landscapes",
                   description="List the built-in landscapes with formula, domain and minima.")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``momentum-lab`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from .launcher import launch_app  # Qt is imported only for the window
        return launch_app()
    try:
        args = build_parser().parse_args(_join_negative_values(argv))
        if args.command == "run":
            from .run_command import run_command
            return run_command(args)
        if args.command == "export":
            from .export_command import export_command
            return export_command(args)
        if args.command == "sweep":
            from .sweep_command import sweep_command
            return sweep_command(args)
        if args.command == "snapshot":
            from .snapshot_command import snapshot_command
            return snapshot_command(args)
        if args.command == "landscapes":
            from .run_command import landscapes_command
            return landscapes_command()
        raise UsageError("missing command (try `momentum-lab --help`)")
    except UsageError as error:
        print(f"momentum-lab: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("momentum-lab: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
