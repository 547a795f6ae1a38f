"""Where the panes go: in one row when they fit, else in two rows (no Qt).

Four panes side by side need some 1,400 px before the scenario dock takes its share, so
a fixed row would make the window wider than a 1400×800 projector or a laptop screen.
The pane row instead asks :func:`arrange_panes`, with the room it has, how to lay its
panes out, and asks again whenever that room, the number of panes or the font changes:

* The arrangements tried are **one row** (``1 × n``), **two rows** (``2 × ⌈n/2⌉``: a 2×2
  grid for three or four panes, 2×3 for six, two panes one above the other) and, for five
  or six panes, **three rows** (``3 × 2``), fewest rows first, as :func:`candidate_grids`
  lists them.
* A pane *fits* a cell when the cell is at least as wide and as tall as the pane needs:
  as wide as its settings block at its natural size, as tall as that block, its readouts
  and a plot of :data:`MIN_PLOT_HEIGHT` together (the Qt side measures these at the
  window's current font, so zooming in asks for more room).
* The first arrangement that fits the panes *in full* (every slider, the physics line)
  wins. Else the first that fits the panes *compact* (one row of settings, no physics
  line), with the panes made compact. Else nothing fits, and the panes go compact into
  the arrangement whose cells come closest, their settings wrapped onto two lines where
  a cell is narrower than one (:func:`wrapped_shortfall`), so that the plots are as
  large as the window allows; the widgets then shrink (they all may) rather than the
  window grow.
* Without plots (overlay mode, one big plot above the panes) the panes stay in one row,
  compact unless they fit in full (:func:`arrange_without_plots`): the big plot gets the
  height.

Every size is in pixels. The rule knows nothing of widgets: the pane row gives it
numbers and places panes in a grid by the answer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: The shortest a pane's plot may become before the panes rearrange: at 180 px the
#: ravine still shows its valley and the ball its path from the back of a room.
MIN_PLOT_HEIGHT = 180

#: What a window may not cover of the screen's available area when it first opens: its
#: title bar and borders, which Qt knows only once the window is shown.
FRAME_ALLOWANCE = (16, 40)


@dataclass(frozen=True)
class PaneArrangement:
    """``rows × columns`` cells, filled row by row; ``compact`` panes show one row of
    settings and no physics line."""

    rows: int
    columns: int
    compact: bool = False


def candidate_grids(count: int) -> tuple[tuple[int, int], ...]:
    """The ``(rows, columns)`` tried for ``count`` panes, fewest rows first: one row, two,
    and for five or six panes three (3 × 2)."""
    if count <= 1:
        return ((1, 1),)
    grids = ((1, count), (2, math.ceil(count / 2)))
    return grids + ((3, math.ceil(count / 3)),) if count >= 5 else grids


def export_columns(count: int) -> int:
    """Panes per row of an exported frame (a fixed size, no settings to fit): up to three
    side by side, four or more in two rows (2×2, 2×3), so six panes keep plots of a
    readable size.

    >>> [export_columns(n) for n in range(1, 7)]
    [1, 2, 3, 2, 3, 3]
    """
    return count if count <= 3 else math.ceil(count / 2)


def cell_size(available_width: float, available_height: float, rows: int, columns: int,
              spacing: float = 0) -> tuple[float, float]:
    """The ``(width, height)`` of one cell of a ``rows × columns`` grid, ``spacing``
    pixels between cells."""
    return ((available_width - (columns - 1) * spacing) / columns,
            (available_height - (rows - 1) * spacing) / rows)


def shortfall(cell: tuple[float, float], need: tuple[float, float]) -> float:
    """How far a cell falls short of what a pane needs: the worse of its width's and
    height's ratios to the need (1 or more: it fits)."""
    return min(cell[0] / max(need[0], 1), cell[1] / max(need[1], 1))


def _first_fitting(count, width, height, need, spacing) -> tuple[int, int] | None:
    for rows, columns in candidate_grids(count):
        if shortfall(cell_size(width, height, rows, columns, spacing), need) >= 1:
            return rows, columns
    return None


def pane_grid(count: int, available_width: float, available_height: float,
              pane_min_width: float, pane_min_height: float,
              spacing: float = 0) -> tuple[int, int]:
    """``(rows, columns)`` for ``count`` panes in ``available_width × available_height``.

    The first of :func:`candidate_grids` (fewest rows first) whose every cell is at
    least ``pane_min_width × pane_min_height``; when none is, the one whose cells come
    closest to it (the largest :func:`shortfall`; a tie keeps fewer rows).

    >>> pane_grid(4, 1900, 700, 330, 350)   # 475 px each: they fit in a row
    (1, 4)
    >>> pane_grid(4, 1040, 700, 330, 350)   # 260 px each would not: two rows of two
    (2, 2)
    """
    need = (pane_min_width, pane_min_height)
    fitting = _first_fitting(count, available_width, available_height, need, spacing)
    if fitting is not None:
        return fitting
    return max(candidate_grids(count),
               key=lambda grid: shortfall(cell_size(available_width, available_height,
                                                    *grid, spacing), need)
               - 1e-9 * grid[0])


def arrange_panes(count: int, available_width: float, available_height: float,
                  full: tuple[float, float], compact: tuple[float, float],
                  spacing: float = 0) -> PaneArrangement:
    """How to show ``count`` panes: in full if some arrangement fits them so, else compact.

    ``full`` is the ``(width, height)`` a pane needs with its whole settings block and
    physics line, ``compact`` what it needs with one row of settings and no physics line
    (both including a plot :data:`MIN_PLOT_HEIGHT` tall).

    >>> arrange_panes(4, 1900, 700, (330, 350), (300, 250))
    PaneArrangement(rows=1, columns=4, compact=False)
    >>> arrange_panes(4, 1040, 570, (330, 350), (300, 250))
    PaneArrangement(rows=2, columns=2, compact=True)
    >>> arrange_panes(6, 1059, 572, (329, 382), (518, 264))   # settings wrap: 2 × 3
    PaneArrangement(rows=2, columns=3, compact=True)
    """
    fitting = _first_fitting(count, available_width, available_height, full, spacing)
    if fitting is not None:
        return PaneArrangement(*fitting, compact=False)
    grids = candidate_grids(count)
    cells = {grid: cell_size(available_width, available_height, *grid, spacing) for grid in grids}
    # Nearly fitting one-line settings squeeze a little (pane_grid). Five or six panes in
    # cells far too narrow for the line wrap it onto two, so they are judged as wrapped:
    # their third row would squash the plots (fewer panes keep the rule they were tuned
    # with, the 2 × 2 grid).
    if count < 5 or max(shortfall(cells[grid], compact) for grid in grids) >= NEARLY:
        rows, columns = pane_grid(count, available_width, available_height, *compact, spacing)
    else:
        rows, columns = max(grids, key=lambda grid: wrapped_shortfall(cells[grid], compact)
                            - 1e-9 * grid[0])
    return PaneArrangement(rows, columns, compact=True)


#: A cell this close to a compact pane's need (the worse ratio) lets its line squeeze.
NEARLY = 0.9
#: A compact settings line wrapped onto a second line takes this much more height.
WRAPPED_LINE = 30


def wrapped_shortfall(cell: tuple[float, float], need: tuple[float, float]) -> float:
    """:func:`shortfall` for compact settings that wrap onto a second line where a cell is
    narrower than the line: half the width needed, a line of height more. Without this,
    six panes in 1400×800 took 3 × 2 (plots 60 px high, their cells 0.71 of the height a
    pane needs) over 2 × 3 (0.68 of the width: but the settings just wrap, leaving plots
    175 px high)."""
    if cell[0] >= need[0]:
        return shortfall(cell, need)
    return min(2 * cell[0] / max(need[0], 1), (cell[1] - WRAPPED_LINE) / max(need[1], 1))


def arrange_without_plots(count: int, available_width: float, full_width: float,
                          spacing: float = 0) -> PaneArrangement:
    """Overlay mode, where the panes keep only their settings and readouts under one big
    plot that wants every pixel of height: one row, in full if each pane gets
    ``full_width``, else compact (the shortest panes there are).

    >>> arrange_without_plots(4, 1040, 330)
    PaneArrangement(rows=1, columns=4, compact=True)
    """
    columns = max(count, 1)
    width, _ = cell_size(available_width, 0, 1, columns, spacing)
    return PaneArrangement(1, columns, compact=width < full_width)


def fit_window(width: int, height: int, available_width: int,
               available_height: int) -> tuple[int, int]:
    """A window size of at most ``width × height`` that fits the screen's available area
    with its frame (:data:`FRAME_ALLOWANCE`): the window opens whole on a small screen."""
    return (max(1, min(width, available_width - FRAME_ALLOWANCE[0])),
            max(1, min(height, available_height - FRAME_ALLOWANCE[1])))
