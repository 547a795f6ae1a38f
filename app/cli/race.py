"""``momentum-lab race``: optimizers over many seeds of the same noise, compared fairly.

Seeds ``0..N−1``; on seed k every optimizer sees the same noise draws or minibatches, so
seed k equals ``momentum-lab run --seed k`` with the same settings, exactly
(:mod:`app.model.race` has the statistics). Text prints, per optimizer, the median and
quartiles of the final loss and of the steps to the tolerance, then for each pair how
often one beat the other seed by seed, with a 95 % interval; ``--format json`` gives the
same with each optimizer named; ``--format csv`` one row per seed and optimizer.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from app.atomic_file import OutputError, atomic_output
from app.model.race import Paired, Quartiles, Race, run_race
from optimizers.registry import USES_MU, SettingsError, validate
from physics.catalog import LandscapeError, resolve_landscape
from physics.gradients import GradientSettingsError, make_gradient_source
from physics.limits import MAX_STEPS

from .arguments import (
    UsageError,
    check_output,
    parse_domain,
    parse_number,
    parse_panes,
    parse_per_pane,
    parse_start,
)
from .progress import ProgressBar

MAX_SEEDS = 10_000
#: Pane-steps a race may ask for (seeds × steps × optimizers): some minutes of work.
MAX_WORK = 10**8


def _race_from_args(args) -> Race:
    try:
        landscape = resolve_landscape(args.landscape,
                                      parse_domain(args.domain) if args.domain else None)
    except LandscapeError as error:
        raise UsageError(str(error)) from None
    if not args.optimizer:
        raise UsageError("give at least one --optimizer (repeat it to race several)")
    panes = parse_panes(args.optimizer, landscape)
    alphas = parse_per_pane("alpha", args.alpha, len(panes))
    mus = parse_per_pane("mu", args.mu, len(panes))
    panes = [pane.with_(**({"alpha": a} if a is not None else {}),
                        **({"mu": m} if m is not None and pane.name in USES_MU else {}))
             for pane, a, m in zip(panes, alphas, mus)]
    try:
        for pane in panes:
            validate(pane)
    except SettingsError as error:
        raise UsageError(str(error)) from None
    seeds = parse_number("seeds", args.seeds, integer=True)
    steps = parse_number("steps", args.steps, integer=True)
    if not 1 <= seeds <= MAX_SEEDS:
        raise UsageError(f"seeds must be between 1 and {MAX_SEEDS}, got {args.seeds!r}")
    if not 1 <= steps <= MAX_STEPS:
        raise UsageError(f"steps must be between 1 and {MAX_STEPS:,}, got {args.steps!r}")
    if seeds * steps * len(panes) > MAX_WORK:
        raise UsageError(f"seeds × steps × optimizers is {seeds * steps * len(panes):,}: "
                         f"more than {MAX_WORK:,} (hours of work); ask for fewer")
    sigma = parse_number("noise", args.noise)
    batch = parse_number("batch size", args.batch_size, integer=True)
    if not sigma and batch is None:
        raise UsageError("a race needs noise or minibatches (--noise SIGMA or --batch-size B): "
                         "without them every seed is the same run")
    start = parse_start(args.start) if args.start else landscape.start
    tol = parse_number("tol", args.tol)
    if tol is not None and not tol > 0:
        raise UsageError(f"tol must be > 0, got {args.tol!r}")
    try:
        make_gradient_source(landscape, sigma or 0.0, 0, batch)   # one line if it is refused
    except GradientSettingsError as error:
        raise UsageError(str(error)) from None
    return run_race(landscape, panes, start, seeds=seeds, steps=steps, sigma=sigma or 0.0,
                    batch_size=batch, tol=tol, progress=ProgressBar("racing", "seeds"))


def _number(value: float) -> str:
    return "never" if math.isinf(value) else f"{value:.4g}"


def _quartiles(q: Quartiles) -> str:
    return f"{_number(q.median)} [{_number(q.q1)}, {_number(q.q3)}]"


def _count(p: Paired) -> str:
    """``on 7 of 8 seeds, 1 tied (88%, 95% CI 53–98%)``; ``on no seed: every one tied``."""
    if p.wins + p.losses == 0:
        return "on no seed: every one tied"
    ties = f", {p.ties} tied" if p.ties else ""
    return (f"on {p.wins} of {p.wins + p.losses} seeds{ties} "
            f"({p.fraction:.0%}, 95% CI {p.low:.0%}–{p.high:.0%})")


def race_text(race: Race, titles: list[str]) -> str:
    width = max(len(t) for t in titles) + 2
    lines = [f"race on {race.landscape.name}: {race.seeds} seeds (0–{race.seeds - 1}), "
             f"{race.steps} steps, tolerance L − L_min ≤ {race.tol:.4g}",
             f"{'optimizer':<{width}}final loss: median [q1, q3]      "
             f"steps to tolerance: median [q1, q3]   reached"]
    for i, title in enumerate(titles):
        lines.append(f"{title:<{width}}{_quartiles(race.final_quartiles(i)):<33}"
                     f"{_quartiles(race.steps_quartiles(i)):<38}{race.reached(i)}/{race.seeds}")
    for title, floor, i in zip(titles, race.noise_floors, range(len(titles))):
        if floor is not None:
            lines.append(f"{title}: mean final loss {_number(race.final_mean(i))}; theory's "
                         f"noise floor E[L − L_min] = {_number(floor)} (a quadratic under noise σ)")
    for a in range(len(titles)):
        for b in range(a + 1, len(titles)):
            lines.append(f"{titles[a]} against {titles[b]}, seed by seed: it reached the "
                         f"tolerance first {_count(race.first_to_tol(a, b))}")
            lines.append(f"  and ended lower {_count(race.lower_final_loss(a, b))}")
    return "\n".join(lines) + "\n"


def _finite(value: float):
    return None if not math.isfinite(value) else value


def race_json(race: Race, titles: list[str]) -> dict:
    def figures(q: Quartiles) -> dict:
        return {"median": _finite(q.median), "q1": _finite(q.q1), "q3": _finite(q.q3)}

    def pair(p: Paired) -> dict:
        return {"wins": p.wins, "losses": p.losses, "ties": p.ties,
                "fraction": _finite(p.fraction), "ci95": [_finite(p.low), _finite(p.high)]}

    return {
        "landscape": race.landscape.name, "seeds": race.seeds, "steps": race.steps,
        "tol": race.tol,
        "optimizers": [{"name": s.name, "title": title, "settings": s.as_dict(),
                        "final_loss": {**figures(race.final_quartiles(i)),
                                       "mean": _finite(race.final_mean(i))},
                        "noise_floor": race.noise_floors[i],
                        "steps_to_tol": {**figures(race.steps_quartiles(i)),
                                         "reached": race.reached(i)}}
                       for i, (s, title) in enumerate(zip(race.settings, titles))],
        "pairs": [{"a": titles[a], "b": titles[b], "a_first_to_tol": pair(race.first_to_tol(a, b)),
                   "a_lower_final_loss": pair(race.lower_final_loss(a, b))}
                  for a in range(len(titles)) for b in range(a + 1, len(titles))],
        "per_seed": [{"seed": k, "final_loss": [_finite(v) for v in race.final_loss[k]],
                      "steps_to_tol": [None if v < 0 else int(v) for v in race.steps_to_tol[k]]}
                     for k in range(race.seeds)],
    }


def race_csv(race: Race, titles: list[str]) -> str:
    rows = ["seed,pane,optimizer,final_loss,steps_to_tol"]
    for k in range(race.seeds):
        for i, s in enumerate(race.settings):
            reached = race.steps_to_tol[k, i]
            rows.append(f"{k},{i + 1},{s.name},{float(race.final_loss[k, i])!r},"
                        f"{'' if reached < 0 else int(reached)}")
    return "\n".join(rows) + "\n"


def command(args) -> int:
    fmt = (args.format or ("json" if args.out and Path(args.out).suffix.lower() == ".json"
                           else "csv" if args.out and Path(args.out).suffix.lower() == ".csv"
                           else "text")).lower()
    if fmt not in ("text", "csv", "json"):
        raise UsageError(f"format must be text, csv or json, got {args.format!r}")
    if args.out:
        check_output(args.out)
    race = _race_from_args(args)
    names = [s.name for s in race.settings]
    titles = [s.title() + (f" ({i + 1})" if names.count(s.name) > 1 else "")
              for i, s in enumerate(race.settings)]
    text = {"text": race_text, "csv": race_csv}.get(fmt)
    out = text(race, titles) if text else json.dumps(race_json(race, titles), indent=1) + "\n"
    if not args.out:
        sys.stdout.write(out)
        return 0
    try:
        with atomic_output(args.out) as handle:
            handle.write(out)
    except OutputError as error:
        raise UsageError(str(error)) from None
    print(f"wrote {args.out}", file=sys.stderr)
    return 0
