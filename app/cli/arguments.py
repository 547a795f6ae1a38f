"""Reading the command line's words: every ``parse_*`` and the one error they raise.

Every command imports its parsing from here (never from another command or from the
entry point), and every bad word becomes a :class:`UsageError`: one line on stderr,
exit status 2, no traceback.
"""

from __future__ import annotations

import argparse
import math
import re

from app.atomic_file import OutputError, output_target
from app.model.scenario import MAX_PANES
from app.model.workspace import suggested_alpha
from optimizers.registry import OPTIMIZER_NAMES, OptimizerSettings

_NEGATIVE_PAIR = re.compile(r"^-[\d.]")


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse, but errors are one line and raise instead of printing usage."""

    def error(self, message: str):  # noqa: D401 - argparse API
        raise UsageError(message)

    def parse_args(self, args=None, namespace=None):
        """argparse's, then an empty value (``--out ""``) is refused rather than read as
        "not given": the user typed the option, so silently using the default misleads."""
        parsed = super().parse_args(args, namespace)
        for name, value in vars(parsed).items():
            if isinstance(value, str) and not value.strip():
                raise UsageError(f"--{name.replace('_', '-')} is empty")
        return parsed


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


def parse_number(name: str, text, *, integer: bool = False):
    """``text`` as a number (None stays None); ``name`` words the error."""
    if text is None:
        return None
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        kind = "a whole number" if integer else "a number"
        raise UsageError(f"{name} must be {kind}, got {text!r}") from None
    if not integer and not math.isfinite(value):
        raise UsageError(f"{name} must be finite, got {text!r}")
    return value


def parse_range(name: str, text: str) -> tuple[float, float]:
    """``"0.001:0.1"`` → ``(0.001, 0.1)``."""
    try:
        low, high = (float(v) for v in text.split(":"))
    except ValueError:
        raise UsageError(f"{name} must be LOW:HIGH (e.g. 0.001:0.1), got {text!r}") from None
    return low, high


def parse_dimensions(text: str, what: str, form: str) -> tuple[int, int]:
    """``"1280x720"`` → ``(1280, 720)``; ``what`` and ``form`` word the error
    (e.g. ``"size"``, ``"WIDTHxHEIGHT (e.g. 1280x720)"``)."""
    try:
        first, second = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"{what} must be {form}, got {text!r}") from None
    return first, second


def parse_start(text: str, what: str = "start") -> tuple[float, float]:
    """``"-1.5,2"`` → ``(-1.5, 2.0)``; a clear error naming ``what`` otherwise."""
    return _comma_floats(text, 2, what)


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


def check_output(path: str) -> None:
    """Refuse, before any work, an output that cannot be written (a missing folder, a
    name too long, a folder as the target): a long run must not fail at its end."""
    try:
        output_target(path)
    except OutputError as error:
        raise UsageError(str(error)) from None


def join_negative_values(argv: list[str]) -> list[str]:
    """Let ``--start -1.5,2`` work like ``--start=-1.5,2`` (argparse would see an option)."""
    takes_value = {"--start", "--domain", "--at"}
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


def parse_panes(names: list[str], landscape) -> tuple[OptimizerSettings, ...]:
    """One pane per ``--optimizer``, with the landscape's suggested α (and μ), as a pane
    added in the window gets them."""
    panes = []
    for text in names:
        name = text.strip().lower()
        if name not in OPTIMIZER_NAMES:
            raise UsageError(f"unknown optimizer {text!r} (choose from {', '.join(OPTIMIZER_NAMES)})")
        panes.append(OptimizerSettings(name, alpha=suggested_alpha(landscape, name),
                                       mu=landscape.mu))
    if len(panes) > MAX_PANES:
        raise UsageError(f"at most {MAX_PANES} panes, got {len(panes)} --optimizer")
    return tuple(panes)


def parse_per_pane(name: str, values: list[str] | None, panes: int) -> list[float | None]:
    """``--alpha``/``--mu`` given once (every pane) or once per pane (in order)."""
    if not values:
        return [None] * panes
    numbers = [parse_number(name, value) for value in values]
    if len(numbers) == 1:
        return numbers * panes
    if len(numbers) != panes:
        raise UsageError(f"give --{name} once for every pane or once per pane ({panes}), "
                         f"got {len(numbers)}")
    return numbers
