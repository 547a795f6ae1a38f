"""The ``momentum-lab`` command line's options, one subcommand each."""

from __future__ import annotations

import argparse

from app import __version__

from .arguments import Parser


def add_pane_flags(command: argparse.ArgumentParser, what: str) -> None:
    """``--optimizer`` (repeated: one pane each), and ``--alpha`` / ``--mu`` once for every
    pane or once per ``--optimizer`` (app/cli/arguments.py: parse_panes, parse_per_pane)."""
    command.add_argument("--optimizer", action="append",
                         help=f"{what}: sgd, momentum, nesterov, adam, rmsprop, adagrad, "
                              "adadelta, adamw or nadam")
    command.add_argument("--alpha", "--lr", dest="alpha", action="append",
                         help="α: once for every pane, or once per --optimizer, in the same "
                              "order (default: the landscape's suggestion)")
    command.add_argument("--mu", "--momentum", dest="mu", action="append",
                         help="μ of the rules with momentum: once for all, or once per --optimizer")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="momentum-lab",
                     description="Watch SGD and momentum roll over a loss landscape.")
    parser.add_argument("--version", action="version", version=f"momentum-lab {__version__}")
    parser.add_argument("--lesson", metavar="NAME",
                        help="open the app on a lesson: a name from `momentum-lab lessons` "
                             "or a lesson file (use it alone)")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    run = sub.add_parser("run", help="print one optimizer's trajectory as CSV or JSON",
                         description="Run one optimizer from one start and print every step.")
    run.add_argument("--landscape", default="ravine",
                     help="a built-in name (see `momentum-lab landscapes`) or an expression "
                          "in x and y, e.g. '0.5*(x**2 + 100*y**2)' (default: ravine)")
    run.add_argument("--domain", help="XMIN,XMAX,YMIN,YMAX for a typed expression")
    run.add_argument("--optimizer", default="momentum",
                     help="sgd, momentum, nesterov, adam, rmsprop, adagrad, adadelta, adamw or "
                          "nadam (default: momentum)")
    run.add_argument("--alpha", "--lr", dest="alpha",
                     help="learning rate α (default: the landscape's suggestion)")
    run.add_argument("--mu", "--momentum", dest="mu",
                     help="momentum μ in [0, 1] (default: the landscape's suggestion)")
    run.add_argument("--beta1", help="β₁ of Adam, AdamW and NAdam (default 0.9)")
    run.add_argument("--beta2", help="β₂ of Adam, AdamW and NAdam (default 0.999), RMSprop's "
                                     "smoothing (0.99) or Adadelta's ρ (0.9)")
    run.add_argument("--eps", help="ε of Adam, AdamW, NAdam, RMSprop (1e-8), Adagrad (1e-10) "
                                   "or Adadelta (1e-6)")
    run.add_argument("--weight-decay", help="AdamW's decoupled weight decay λ (default 0.01)")
    run.add_argument("--mu-schedule", help="ramp:START:END:STEPS, e.g. ramp:0.5:0.99:200")
    run.add_argument("--alpha-schedule", help="step:FACTOR:EVERY or cosine:STEPS[:MIN]")
    run.add_argument("--start", help="X,Y (default: the landscape's suggestion); "
                                     "negative values work: --start=-1.5,2")
    run.add_argument("--steps", default="100", help="number of steps (default 100)")
    run.add_argument("--noise", default="0", help="gradient noise σ (default 0)")
    run.add_argument("--seed", default="0", help="random seed for noise and minibatches")
    run.add_argument("--batch-size", help="minibatch size (the regression and network landscapes)")
    run.add_argument("--mapping", default="unit-mass", choices=("unit-mass", "qian"),
                     help="how μ and α map to the ball's physics (default unit-mass)")
    run.add_argument("--format", help="csv or json (default: from --out, else csv)")
    run.add_argument("--out", help="write to this file instead of standard output")

    exp = sub.add_parser("export", help="export an animation (GIF, MP4, WebM or PNG frames)",
                         description="Export an animation of a scenario; the format comes from "
                                     "the extension: .gif, .mp4, .webm, .png (numbered frames in "
                                     "a folder). Works without a display.")
    exp.add_argument("--out", required=True, help="output file: .gif, .mp4, .webm or .png")
    exp.add_argument("--scenario", help="a scenario file or a shipped example: radford-beale, "
                                        "radford-long-valley, radford-saddle, network-minibatch, "
                                        "noise-many-seeds, network-many-seeds "
                                        "(default: SGD vs momentum on the ravine)")
    exp.add_argument("--lesson", dest="export_lesson",
                     help="export a lesson's step instead: a shipped lesson's name (see "
                          "`momentum-lab lessons`) or a lesson file; its caption goes under "
                          "the header")
    exp.add_argument("--lesson-step", default="1", help="the lesson's step, from 1 (default 1)")
    exp.add_argument("--landscape", help="a built-in name or an expression in x and y")
    exp.add_argument("--start", help="X,Y start point")
    add_pane_flags(exp, "a pane's rule (repeat it for several panes, in order; replaces the "
                        "scenario's panes)")
    exp.add_argument("--frames", help="number of frames (default: the whole run, up to convergence)")
    exp.add_argument("--steps-per-frame", help="steps between frames (default 1): frame k shows step k·K")
    exp.add_argument("--fps", help="frames per second (default 30)")
    exp.add_argument("--size", default="1200x500", help="WIDTHxHEIGHT (default 1200x500)")
    exp.add_argument("--include-loss", action="store_true", help="add the loss plot under the panes")
    exp.add_argument("--overlay", action="store_true",
                     help="every pane's ball on one plot, as in Radford's animations")
    exp.add_argument("--swarm", action="store_true",
                     help="swarm mode: a grid of balls per pane, coloured by where each ends")
    exp.add_argument("--map", action="store_true",
                     help="the (alpha, mu) map beside the panes, as View ▸ Parameter map shows it")
    exp.add_argument("--energy", action="store_true",
                     help="the energy and phase-portrait views beside the panes")
    exp.add_argument("--background", default="light", choices=("light", "dark"),
                     help="light (default) or dark slides: a dark background, light text and "
                          "the pane colours made for it")
    exp.add_argument("--noise", help="gradient noise σ (replaces the scenario's)")
    exp.add_argument("--batch-size", help="minibatch size (the regression and network landscapes)")
    exp.add_argument("--seeds", help="many seeds: each pane runs seeds 0..N-1 of the noise or "
                                     "minibatches, a cloud around the median path")

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
                                     "(default: scaled to the landscape, as `run` reports)")
    sweep.add_argument("--noise", default="0", help="gradient noise sigma")
    sweep.add_argument("--seed", default="0", help="random seed")
    sweep.add_argument("--out", required=True, help="map.csv or map.png")

    race = sub.add_parser("race", help="race optimizers over many seeds of the same noise",
                          description="Run every optimizer on seeds 0..N-1 of the same noise "
                                      "or minibatches (seed k equals `run --seed k`): the "
                                      "median and quartiles of each one's final loss and steps "
                                      "to a tolerance, and how often one beat another, seed "
                                      "by seed, with a 95% interval.")
    race.add_argument("--landscape", default="ravine", help="a built-in or an expression")
    race.add_argument("--domain", help="XMIN,XMAX,YMIN,YMAX for a typed expression")
    add_pane_flags(race, "an optimizer to race (repeat it)")
    race.add_argument("--start", help="X,Y (default: the landscape's)")
    race.add_argument("--noise", help="gradient noise σ")
    race.add_argument("--batch-size", help="minibatch size (the regression and network landscapes)")
    race.add_argument("--seeds", default="32", help="seeds 0..N-1 (default 32)")
    race.add_argument("--steps", default="1000", help="steps per run (default 1000)")
    race.add_argument("--tol", help="reached when L - L_min <= TOL (default: 0.001 of the start's)")
    race.add_argument("--format", help="text, csv or json (default: from --out, else text)")
    race.add_argument("--out", help="write to this file instead of standard output")

    snap = sub.add_parser("snapshot", help="render the app's window at a step to a PNG",
                          description="Render the window (offscreen) at a given step to a PNG.")
    snap.add_argument("--out", required=True, help="the PNG file to write")
    snap.add_argument("--step", default="0", help="the step to show (default 0)")
    snap.add_argument("--scenario", help="a scenario file or a shipped example (as for export; "
                                         "default: SGD vs momentum on the ravine)")
    snap.add_argument("--size", default="1400x800", help="window size WxH (default 1400x800)")
    snap.add_argument("--landscape", help="show this landscape (a built-in or an expression)")
    snap.add_argument("--swarm", action="store_true", help="swarm mode: a grid of balls per pane")
    snap.add_argument("--seeds", help="many seeds: each pane runs seeds 0..N-1 (as View ▸ Many seeds)")
    snap.add_argument("--views", action="store_true",
                      help="open the parameter map and the energy / phase-portrait docks")

    theory = sub.add_parser("theory", help="what theory says about a rule at a point",
                            description="The Hessian's eigen-directions at a point and, along "
                                        "each, the rule's rate and regime; its stability edge, "
                                        "its optimal (alpha, mu) there, and the ball's physics.")
    theory.add_argument("--landscape", default="ravine", help="a built-in or an expression")
    theory.add_argument("--optimizer", default="momentum", help="sgd, momentum or nesterov")
    theory.add_argument("--alpha", "--lr", dest="alpha", help="alpha (default: the landscape's)")
    theory.add_argument("--mu", "--momentum", dest="mu", help="mu (default: the landscape's)")
    theory.add_argument("--at", help="X,Y (default: the landscape's minimum)")
    theory.add_argument("--format", help="text or json (default text)")

    sub.add_parser("lessons", help="list the shipped lessons (open one with --lesson NAME)",
                   description="List the lessons that ship with Momentum Lab, one a line: "
                               "the name (for `momentum-lab --lesson NAME`), the number of "
                               "steps and the title, in the language of LANG.")
    sub.add_parser("landscapes", help="list the built-in landscapes",
                   description="List the built-in landscapes with formula, domain and minima.")
    return parser
