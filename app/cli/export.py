"""``momentum-lab export``: an animation of a scenario, with no display needed.

With no ``--scenario`` it exports the app's default scenario (SGD | momentum on the
ravine), or a scenario file, or a shipped example by name, or a lesson's step
(``--lesson NAME --lesson-step K``: its scenario, titled with the lesson, and its caption
under the header, in the language the environment asks for); ``--landscape`` and ``--start``
adjust it, ``--optimizer`` (repeated) replaces its panes, one per rule, and ``--alpha``
and ``--mu`` set α and μ — once for every pane, or once per pane in order (μ only where
the rule has momentum). The format comes from the extension.
"""

from __future__ import annotations

import dataclasses
import os
import sys

from app.encoders import ExportError
from app.model.example_library import load_scenario_or_example
from app.model.language import system_language
from app.model.lesson_library import resolve_lesson
from app.model.export_plan import DEFAULT_FPS, ExportPlan
from app.model.scenario import Scenario, ScenarioError, default_scenario
from app.model.workspace import Workspace
from optimizers.registry import USES_MU

from . import interrupts
from .arguments import (
    UsageError,
    parse_dimensions,
    parse_number,
    parse_panes,
    parse_per_pane,
    parse_start,
)
from .progress import ProgressBar


def lesson_step(args) -> tuple[Scenario, str]:
    """``--lesson NAME --lesson-step K``: step K's scenario (1-based, as the lesson panel
    counts) and caption, in the environment's language."""
    lesson = resolve_lesson(args.export_lesson)
    k = parse_number("lesson step", args.lesson_step, integer=True)
    if not 1 <= k <= len(lesson.steps):
        raise UsageError(f"lesson step must be between 1 and {len(lesson.steps)}, "
                         f"got {args.lesson_step!r}")
    language = system_language()
    return lesson.scenario_at(k - 1, language), lesson.steps[k - 1].caption.in_(language)


def scenario_from_args(args, with_caption: bool = False):
    """The scenario to export — a file, a lesson's step or the default one — with the flags
    applied (and, ``with_caption``, the lesson step's caption: "" for a scenario)."""
    if args.export_lesson and args.scenario:
        raise UsageError("an export takes --scenario or --lesson, not both")
    try:
        caption = ""
        if args.export_lesson:
            scenario, caption = lesson_step(args)
        elif args.scenario:
            scenario = load_scenario_or_example(args.scenario)
        else:
            scenario = default_scenario()
        if args.landscape:
            # As the window (and `snapshot --landscape`) changes it: a pane whose α was the
            # old landscape's suggestion takes the new one's (the ravine's 0.018 made
            # momentum diverge on Himmelblau in the export and not in the window).
            scenario = Workspace(scenario).change(landscape=args.landscape, start=None,
                                                  domain=None).scenario
        if args.start:
            scenario = dataclasses.replace(scenario, start=parse_start(args.start))
        if args.noise is not None:
            scenario = dataclasses.replace(scenario, sigma=parse_number("noise", args.noise))
        if args.batch_size is not None:
            scenario = dataclasses.replace(
                scenario, batch_size=parse_number("batch size", args.batch_size, integer=True))
        if args.seeds is not None:
            scenario = dataclasses.replace(
                scenario, seeds=parse_number("seeds", args.seeds, integer=True))
        panes = scenario.panes
        if args.optimizer:
            panes = parse_panes(args.optimizer, scenario.resolved_landscape())
        alphas = parse_per_pane("alpha", args.alpha, len(panes))
        mus = parse_per_pane("mu", args.mu, len(panes))
        panes = tuple(
            pane.with_(**({"alpha": alpha} if alpha is not None else {}),
                       **({"mu": mu} if mu is not None and pane.name in USES_MU else {}))
            for pane, alpha, mu in zip(panes, alphas, mus))
        scenario = dataclasses.replace(scenario, panes=panes).validate()
    except ScenarioError as error:
        raise UsageError(str(error)) from None
    return (scenario, caption) if with_caption else scenario


def command(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scenario, caption = scenario_from_args(args, with_caption=True)
    frames = parse_number("frames", args.frames, integer=True)
    if frames is not None and frames < 1:
        raise UsageError(f"frames must be >= 1, got {args.frames!r}")
    per_frame = parse_number("steps per frame", args.steps_per_frame, integer=True)
    fps = parse_number("fps", args.fps)
    plan = ExportPlan(path=args.out, frames=frames,
                      steps_per_frame=1 if per_frame is None else per_frame,
                      fps=DEFAULT_FPS if fps is None else fps,
                      size=parse_dimensions(args.size, "size", "WIDTHxHEIGHT (e.g. 1280x720)"),
                      include_loss=args.include_loss, overlay=args.overlay, swarm=args.swarm,
                      background=args.background, caption=caption,
                      views=tuple(v for v, on in (("map", args.map), ("energy", args.energy)) if on))
    if plan.swarm and scenario.seeds is not None:
        raise UsageError("an export shows swarm mode or many seeds, not both")
    try:
        plan.validate()
        from app.qt.exporter import export_animation  # noqa: PLC0415 - Qt only once the input is good

        # Qt paints every frame: a signal is held until the next frame's checkpoint (the
        # progress call), where the encoder's clean-up can run on a plain Python stack.
        with interrupts.deferred():
            count = export_animation(scenario, plan, ProgressBar("exporting", "frames"))
    except ExportError as error:
        raise UsageError(str(error)) from None
    print(f"wrote {count} frames to {args.out}", file=sys.stderr)
    return 0
