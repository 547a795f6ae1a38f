"""One row of ``make bench``'s table: a figure, the floor or peer it is held against, the aim.

Every benchmark returns :class:`Result` rows; :func:`table` prints them as one Markdown
table. A figure is never judged alone: the machine is shared and noisy, so each row
holds a floor (the least the work can cost: ffmpeg alone on the same frames, a scalar
loop, step 100) or a peer (matplotlib) *measured in the same run*, and the aim is a
ratio to it — ``ratio = figure / floor`` — or, where the issue names one, an absolute
bound as well.

``bigger_is_better`` flips the ratio for rates (ball-steps per second, updates per
second): the ratio is then always "how many times worse than the floor" (≥ 1 misses
when the floor is the best possible), so one column reads the same way on every row.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One measured case of the table.

    ``case``: what was measured; ``value`` in ``unit``; ``floor`` the figure it is held
    against (same unit), named ``floor_name``; ``aim`` the text of the aim; ``met`` whether
    it holds (None: nothing to judge, a figure for information).
    """

    case: str
    value: float
    unit: str
    floor_name: str = ""
    floor: float | None = None
    aim: str = ""
    met: bool | None = None
    bigger_is_better: bool = False

    @property
    def ratio(self) -> float | None:
        """How many times the floor the figure is (for rates: the floor over the figure)."""
        if self.floor is None or self.floor == 0 or self.value == 0:
            return None
        return self.floor / self.value if self.bigger_is_better else self.value / self.floor


def judged(case: str, value: float, unit: str, floor_name: str, floor: float | None,
           most: float, *, absolute: float | None = None, bigger_is_better: bool = False,
           aim: str | None = None) -> Result:
    """A row whose aim is "within ``most``× of the floor" (and at most ``absolute``, in
    ``unit``, when given; for rates: at least ``absolute``)."""
    row = Result(case, value, unit, floor_name, floor, "", None, bigger_is_better)
    ratio = row.ratio
    met = ratio is not None and ratio <= most
    if absolute is not None:
        met = met and (value >= absolute if bigger_is_better else value <= absolute)
    text = aim or (f"≤ {most:g}× floor" + (f", {'≥' if bigger_is_better else '≤'} "
                                            f"{absolute:g} {unit}" if absolute is not None else ""))
    return Result(case, value, unit, floor_name, floor, text, met, bigger_is_better)


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}"


def table(rows: list[Result]) -> str:
    """The rows as one Markdown table: case, figure, floor or peer, ratio, aim, met."""
    lines = ["| case | measured | floor / peer (same run) | ratio | aim | met |",
             "|---|---:|---|---:|---|:---:|"]
    for row in rows:
        floor = f"{row.floor_name}: {_figure(row.floor, row.unit)}" if row.floor_name else "—"
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×"
        met = {True: "yes", False: "**no**", None: "—"}[row.met]
        lines.append(f"| {row.case} | {_figure(row.value, row.unit)} | {floor} | {ratio} | "
                     f"{row.aim or '—'} | {met} |")
    return "\n".join(lines)
