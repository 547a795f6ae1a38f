"""``momentum-lab snapshot``: the app's window at a given step as a PNG, with no display.

The README's screenshots are made this way, so they always show the real window.
"""

from __future__ import annotations

import os

from app.atomic_file import OutputError, atomic_output
from app.model.scenario import ScenarioError
from app.model.scenario_file import load_scenario

from .arguments import UsageError, parse_dimensions


def command(args) -> int:
    try:
        step = int(args.step)
    except ValueError:
        raise UsageError(f"--step must be a whole number, got {args.step!r}") from None
    width, height = parse_dimensions(args.size, "size", "WIDTHxHEIGHT (e.g. 1400x800)")
    if step < 0 or not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UsageError("--step must be >= 0 and --size between 320x240 and 7680x4320")
    if not args.out.lower().endswith(".png"):
        raise UsageError(f"snapshot writes PNG files, got {args.out!r}")
    try:
        scenario = load_scenario(args.scenario) if args.scenario else None
    except ScenarioError as error:
        raise UsageError(str(error)) from None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.qt.snapshot import window_png  # noqa: PLC0415 - Qt only once the input is good

    try:
        data = window_png(scenario, step, (width, height), landscape=args.landscape,
                          swarm=args.swarm, views=args.views)
    except ScenarioError as error:
        raise UsageError(str(error)) from None
    try:
        with atomic_output(args.out, "wb") as handle:
            handle.write(data)
    except OutputError as error:
        raise UsageError(str(error)) from None
    return 0
