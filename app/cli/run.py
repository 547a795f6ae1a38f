"""``momentum-lab run``: one optimizer's trajectory as CSV or JSON (no Qt).

Rows are streamed to the output chunk by chunk as the steps are computed
(:func:`physics.simulation.walk`) — never the whole text, a list of row dicts, nor the
run's history in memory — so a 1,000,000-step run needs about as much memory as a
1,000-step one, whichever the format. JSON states the outcome before the rows, so it
runs the steps twice: once to learn the outcome, once to write them (the same numbers).
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Iterator

from app.atomic_file import OutputError, atomic_output
from app.json_text import json_chunks
from app.model.trajectories import COLUMNS, ball_constants, csv_text, steps_table, table_rows
from app.model.workspace import suggested_alpha
from optimizers.registry import (
    USES_MU,
    OptimizerSettings,
    SettingsError,
    validate,
)
from physics import ball, outcome
from physics.catalog import LandscapeError, resolve_landscape
from physics.gradients import GradientSettingsError, make_gradient_source
from physics.limits import MAX_STEPS
from physics.simulation import NOT_YET, walk
from physics.stepping import Lockstep

from .arguments import (
    UsageError,
    check_output,
    parse_alpha_schedule,
    parse_domain,
    parse_mu_schedule,
    parse_number,
    parse_start,
)
from .progress import ProgressBar


def settings_from_args(args, landscape) -> OptimizerSettings:
    """The optimizer settings the flags describe, defaults from the landscape."""
    name = args.optimizer.strip().lower()
    alpha = parse_number("alpha", args.alpha)
    if alpha is None:
        alpha = suggested_alpha(landscape, name)
    mu = parse_number("mu", args.mu)
    settings = OptimizerSettings(
        name=name, alpha=alpha, mu=landscape.mu if mu is None else mu,
        beta1=0.9 if args.beta1 is None else parse_number("beta1", args.beta1),
        beta2=parse_number("beta2", args.beta2), eps=parse_number("eps", args.eps),
        weight_decay=parse_number("weight decay", args.weight_decay),
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


def command(args) -> int:
    try:
        domain = parse_domain(args.domain) if args.domain else None
        landscape = resolve_landscape(args.landscape, domain)
    except LandscapeError as error:
        raise UsageError(str(error)) from None
    settings = settings_from_args(args, landscape)
    if args.out:
        check_output(args.out)
    steps = parse_number("steps", args.steps, integer=True)
    if not 1 <= steps <= MAX_STEPS:
        raise UsageError(f"steps must be between 1 and {MAX_STEPS}, got {args.steps!r}")
    start = parse_start(args.start) if args.start else landscape.start
    sigma = parse_number("noise", args.noise)
    seed = parse_number("seed", args.seed, integer=True)
    batch = parse_number("batch size", args.batch_size, integer=True)
    fmt = _output_format(args)
    try:
        source = make_gradient_source(landscape, sigma, seed, batch)
    except GradientSettingsError as error:
        raise UsageError(str(error)) from None

    def balls() -> Lockstep:
        return Lockstep(landscape, [settings], start, source)

    if not balls().outcome.alive[0, 0]:
        raise UsageError(f"the landscape is not defined at the start {tuple(start)}: its "
                         "loss or gradient is not finite there")
    constants = ball_constants(settings, args.mapping)
    if fmt == "csv":
        run = balls()
        pieces = _csv_chunks(_tables(run, walk(run, steps, ProgressBar("computing", "steps")),
                                     settings, constants))
    else:
        finished = balls()
        for _ in walk(finished, steps, ProgressBar("computing", "steps")):
            pass    # only the outcome: the rows come from a second, identical pass
        run = balls()
        rows = _tables(run, walk(run, steps, ProgressBar("writing", "rows")), settings, constants)
        pieces = _json_chunks(rows, finished, settings, constants, start, sigma, seed, batch,
                              steps)
    if args.out:
        try:
            with atomic_output(args.out) as handle:
                _write(handle, pieces)
        except OutputError as error:
            raise UsageError(str(error)) from None
    else:
        _write(sys.stdout, pieces)
        sys.stdout.flush()   # a closed pipe shows up here, inside main's BrokenPipe guard
    state, since = (int(v[0, 0]) for v in run.state_since())
    print(outcome.explain(state, since, run.t), file=sys.stderr)
    return 0


def _tables(run: Lockstep, chunks, settings, constants) -> Iterator[dict]:
    """The row tables of step 0 and each chunk; a ball that diverged or left stops there,
    and its rows end with the step before."""
    for steps in itertools.chain([run.current()], chunks):
        stop = max(int(run.outcome.diverged_at[0, 0]), int(run.outcome.left_at[0, 0]))
        rows = len(steps) if stop == NOT_YET else min(len(steps), stop - steps.first)
        if rows > 0:
            yield steps_table(steps, settings, 0, constants, rows)


def _write(handle, pieces: Iterator[str]) -> None:
    """Write each piece (a chunk of rows) as it comes."""
    for piece in pieces:
        handle.write(piece)


def _csv_chunks(tables) -> Iterator[str]:
    yield ",".join(COLUMNS) + "\n"
    for table in tables:
        yield csv_text(table)


def _json_chunks(tables, comparison: Lockstep, settings, constants, start, sigma, seed, batch,
                 steps) -> Iterator[str]:
    def event(steps_at) -> int | None:
        step = int(steps_at[0, 0])
        return None if step == NOT_YET else step

    landscape = comparison.landscape
    mu = settings.effective_mu
    state, since = (int(v[0, 0]) for v in comparison.state_since())
    outcomes = comparison.outcome
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
        "outcome": outcome.OUTCOME_NAMES[state],
        "outcome_at": None if state == outcome.RUNNING else since,
        "converged_at": event(outcomes.converged_at),
        "diverged_at": event(outcomes.diverged_at),
        "left_domain_at": event(outcomes.left_at),
    }
    rows = (dict(zip(COLUMNS, row)) for table in tables for row in table_rows(table))
    return _pieces(json_chunks(document, "rows", rows))


def _pieces(texts: Iterator[str], batch: int = 4096) -> Iterator[str]:
    """The texts joined a few thousand at a time (one write per piece is slow)."""
    buffer: list[str] = []
    for text in texts:
        buffer.append(text)
        if len(buffer) >= batch:
            yield "".join(buffer)
            buffer.clear()
    yield "".join(buffer)
