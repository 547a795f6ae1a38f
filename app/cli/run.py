"""``momentum-lab run``: one optimizer's trajectory as CSV or JSON (no Qt).

Rows are streamed to the output as they are formatted — never the whole text, nor a
list of a million row dicts, in memory — so a 1,000,000-step run needs the run's own
history (about 60 bytes a step) and little else, whichever the format.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

from app.atomic_file import OutputError, atomic_output
from app.json_text import json_chunks
from app.model.trajectories import (
    COLUMNS,
    csv_lines,
    pane_constants,
    pane_table,
    table_rows,
)
from optimizers.registry import (
    ADAPTIVE,
    USES_MU,
    OptimizerSettings,
    SettingsError,
    validate,
)
from physics import ball, outcome
from physics.catalog import LandscapeError, resolve_landscape
from physics.gradients import GradientSettingsError
from physics.limits import MAX_STEPS
from physics.simulation import NOT_YET, Comparison

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
        comparison = Comparison(landscape, [settings], start, sigma=sigma, seed=seed,
                                batch_size=batch)
    except GradientSettingsError as error:
        raise UsageError(str(error)) from None

    comparison.ensure(steps, progress=ProgressBar("computing", "steps"))
    state, since = comparison.state_since(0, 0, comparison.computed_steps)
    # A ball that diverged or left stops there; its rows end with the step before.
    stop = max(int(comparison.diverged_at[0, 0]), int(comparison.left_at[0, 0]))
    last = comparison.computed_steps if stop == NOT_YET else stop - 1
    if last < 0:
        raise UsageError(f"the landscape is not defined at the start {tuple(start)}: its "
                         "loss or gradient is not finite there")
    constants = pane_constants(comparison, 0, args.mapping)
    table = pane_table(comparison, 0, last, constants)
    if fmt == "csv":
        pieces = _csv_chunks(table)
    else:
        pieces = _json_chunks(table, comparison, settings, constants, start, sigma, seed,
                              batch, steps, state, since)
    if args.out:
        try:
            with atomic_output(args.out) as handle:
                _write(handle, pieces)
        except OutputError as error:
            raise UsageError(str(error)) from None
    else:
        _write(sys.stdout, pieces)
        sys.stdout.flush()   # a closed pipe shows up here, inside main's BrokenPipe guard
    print(outcome.explain(state, since, comparison.computed_steps), file=sys.stderr)
    return 0


def _write(handle, pieces: Iterator[str], batch: int = 4096) -> None:
    """Write ``pieces`` a few thousand at a time (one call per piece is slow)."""
    buffer: list[str] = []
    for piece in pieces:
        buffer.append(piece)
        if len(buffer) >= batch:
            handle.write("".join(buffer))
            buffer.clear()
    handle.write("".join(buffer))


def _csv_chunks(table) -> Iterator[str]:
    yield ",".join(COLUMNS) + "\n"
    yield from csv_lines(table)


def _json_chunks(table, comparison, settings, constants, start, sigma, seed, batch, steps,
                 state, since) -> Iterator[str]:
    def event(steps_at) -> int | None:
        step = int(steps_at[0, 0])
        return None if step == NOT_YET else step

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
        "outcome": outcome.OUTCOME_NAMES[state],
        "outcome_at": None if state == outcome.RUNNING else since,
        "converged_at": event(comparison.converged_at),
        "diverged_at": event(comparison.diverged_at),
        "left_domain_at": event(comparison.left_at),
    }
    return json_chunks(document, "rows", (dict(zip(COLUMNS, row)) for row in table_rows(table)))
