"""``momentum-lab theory``: what theory says about one rule at one point (no Qt).

The numbers come from :func:`app.model.theory_report.theory_report`; this module reads
the words and prints text or JSON.
"""

from __future__ import annotations

import sys

from app.json_text import json_text
from app.model.theory_report import TheoryError, report_text, theory_report
from physics.catalog import LandscapeError, resolve_landscape

from .arguments import UsageError, parse_number, parse_start


def command(args) -> int:
    try:
        landscape = resolve_landscape(args.landscape)
    except LandscapeError as error:
        raise UsageError(str(error)) from None
    rule = args.optimizer.strip().lower()
    alpha = parse_number("alpha", args.alpha)
    mu = parse_number("mu", args.mu)
    alpha = landscape.alpha if alpha is None else alpha
    mu = landscape.mu if mu is None else mu
    if not alpha > 0:
        raise UsageError(f"alpha must be > 0, got {args.alpha!r}")
    if not 0 <= mu <= 1:
        raise UsageError(f"mu must be in [0, 1], got {args.mu!r}")
    fmt = (args.format or "text").lower()
    if fmt not in ("text", "json"):
        raise UsageError(f"unknown format {args.format!r} (choose text or json)")
    at = parse_start(args.at, "at") if args.at else None
    try:
        report = theory_report(landscape, rule, alpha, mu, at)
    except TheoryError as error:
        raise UsageError(str(error)) from None
    if fmt == "json":
        sys.stdout.write(json_text(report))
    else:
        sys.stdout.write(report_text(report))
    return 0
