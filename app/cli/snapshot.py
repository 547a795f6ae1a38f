"""``momentum-lab snapshot``: the app's window at a given step as a PNG, with no display.

The README's screenshots are made this way, so they always show the real window.
"""

from __future__ import annotations

import os

from app.atomic_file import OutputError, atomic_output
from app.model.scenario import ScenarioError
from app.model.example_library import load_scenario_or_example
from physics.limits import MAX_CLOUD_SEEDS, MAX_STEPS

from . import interrupts
from .arguments import UsageError, check_output, parse_dimensions, parse_number
from .progress import ProgressBar


def command(args) -> int:
    step = parse_number("step", args.step, integer=True)
    if not 0 <= step <= MAX_STEPS:
        raise UsageError(f"step must be between 0 and {MAX_STEPS:,}, got {args.step!r}")
    width, height = parse_dimensions(args.size, "size", "WIDTHxHEIGHT (e.g. 1400x800)")
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UsageError(f"size must be between 320x240 and 7680x4320, got {args.size!r}")
    if not args.out.lower().endswith(".png"):
        raise UsageError(f"snapshot writes PNG files, got {args.out!r}")
    seeds = parse_number("seeds", args.seeds, integer=True) or 0
    if not 0 <= seeds <= MAX_CLOUD_SEEDS:
        raise UsageError(f"seeds must be between 1 and {MAX_CLOUD_SEEDS}, got {args.seeds!r}")
    if seeds and args.swarm:
        raise UsageError("a snapshot shows swarm mode or many seeds, not both")
    check_output(args.out)   # before rendering
    try:
        scenario = load_scenario_or_example(args.scenario) if args.scenario else None
    except ScenarioError as error:
        raise UsageError(str(error)) from None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.qt.snapshot import window_png  # noqa: PLC0415 - Qt only once the input is good

    try:
        with interrupts.deferred():   # Qt paints: a signal waits for a checkpoint
            data = window_png(scenario, step, (width, height), landscape=args.landscape,
                              swarm=args.swarm, views=args.views,
                              seeds=seeds,
                              progress=ProgressBar("computing", "steps"))
    except ScenarioError as error:
        raise UsageError(str(error)) from None
    interrupts.checkpoint()
    try:
        with atomic_output(args.out, "wb") as handle:
            handle.write(data)
    except OutputError as error:
        raise UsageError(str(error)) from None
    return 0
