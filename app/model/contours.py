"""What a landscape looks like: a value grid, contour levels, bands and contour lines.

Qt-free and computed once per landscape and view (never per frame): the app's panes and
the exporter both draw from a :class:`ContourPicture`.

Levels. Quadratic bowls look best with levels evenly spaced in ``√(L − L_min)`` (the
ellipses are then evenly spaced); surfaces whose values span many decades (Rosenbrock,
Beale, Himmelblau) get log-spaced levels, so the flat valley floor still shows lines.
Contour lines come from a vectorised marching-squares pass, returned as one array of
segment end points (``connect="pairs"`` for pyqtgraph).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from physics.landscape import Landscape

GRID_SIZE = 241
LEVEL_COUNT = 18


@dataclass(frozen=True)
class ContourPicture:
    """A landscape sampled on a grid, with its contour levels and lines.

    ``values`` has shape ``(ny, nx)``: row j is ``y = ys[j]``, column i is ``x = xs[i]``.
    ``bands`` gives each grid point the index of the level band it falls in
    (``0..len(levels)``); ``segments`` is ``(2k, 2)`` of line end points, pairs.
    """

    xs: np.ndarray
    ys: np.ndarray
    values: np.ndarray
    levels: np.ndarray
    bands: np.ndarray
    segments: np.ndarray
    log_levels: bool

    @property
    def domain(self) -> tuple[float, float, float, float]:
        return float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])


def contour_levels(values: np.ndarray, count: int = LEVEL_COUNT, log: bool = False) -> np.ndarray:
    """``count`` increasing levels spanning the finite values."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return np.array([0.0])
    low, high = float(finite.min()), float(np.percentile(finite, 99.5))
    if not high > low:
        return np.array([low])
    span = high - low
    if log:
        # Start a few decades below the top so the valley floor keeps its lines.
        floor = max(span * 1e-5, np.finfo(float).tiny)
        return low + np.geomspace(floor, span, count)
    return low + span * np.linspace(0, 1, count + 2)[1:-1] ** 2


def marching_squares(values: np.ndarray, xs: np.ndarray, ys: np.ndarray,
                     level: float) -> np.ndarray:
    """Line segments where ``values == level``; shape ``(2k, 2)``, pairs of end points.

    Only the cells whose corners lie on both sides of the level can hold a segment (a
    few percent of them), so only those are traced — in row-major order, as a pass over
    every cell would give them.
    """
    z = values
    below = z < level                             # NaN: False, as in the crossing test
    corners = (below[:-1, :-1], below[:-1, 1:], below[1:, 1:], below[1:, :-1])
    some = corners[0] | corners[1] | corners[2] | corners[3]
    every = corners[0] & corners[1] & corners[2] & corners[3]
    rows, cols = np.nonzero(some & ~every)
    a, b = z[rows, cols], z[rows, cols + 1]       # bottom-left, bottom-right
    c, d = z[rows + 1, cols + 1], z[rows + 1, cols]   # top-right, top-left
    x0, x1 = xs[cols], xs[cols + 1]
    y0, y1 = ys[rows], ys[rows + 1]

    def crossing(v1, v2, p1, p2):
        with np.errstate(all="ignore"):
            t = (level - v1) / (v2 - v1)
            hit = ((v1 < level) != (v2 < level)) & np.isfinite(t)
            return hit, p1 + t * (p2 - p1)

    hb, xb = crossing(a, b, x0, x1)            # bottom edge: y = y0
    hr, yr = crossing(b, c, y0, y1)            # right edge: x = x1
    ht, xt = crossing(d, c, x0, x1)            # top edge: y = y1
    hl, yl = crossing(a, d, y0, y1)            # left edge: x = x0
    px = np.stack([xb, x1, xt, x0], -1)
    py = np.stack([y0, yr, y1, yl], -1)
    hits = np.stack([hb, hr, ht, hl], -1)
    points = np.stack([px, py], -1)
    count = hits.sum(axis=1)

    two = count == 2
    order = np.argsort(~hits[two], axis=1, kind="stable")[:, :2]
    pairs = np.take_along_axis(points[two], order[:, :, None], axis=1)

    four = count == 4
    centre = ((a + b + c + d) / 4)[four]
    p4 = points[four]
    corner_low = a[four] < level
    # Saddle cells: join the edges so the centre's side stays connected.
    join_bl = (centre < level) == corner_low
    first = np.where(join_bl[:, None, None], p4[:, [0, 1]], p4[:, [0, 3]])
    second = np.where(join_bl[:, None, None], p4[:, [2, 3]], p4[:, [2, 1]])
    return np.concatenate([pairs, first, second]).reshape(-1, 2)


def contour_picture(landscape: Landscape, domain=None, grid: int = GRID_SIZE,
                    levels: int = LEVEL_COUNT) -> ContourPicture:
    """Sample ``landscape`` over ``domain`` (default: its own) and trace its contours."""
    xmin, xmax, ymin, ymax = domain or landscape.domain
    xs = np.linspace(xmin, xmax, grid)
    ys = np.linspace(ymin, ymax, grid)
    with np.errstate(all="ignore"):
        values = landscape.value_xy(xs[None, :], ys[:, None])
    values = np.broadcast_to(np.asarray(values, dtype=float), (grid, grid))
    level_values = contour_levels(values, levels, landscape.log_levels)
    filled = np.where(np.isfinite(values), values, np.nanmax(np.where(np.isfinite(values), values, -np.inf)))
    bands = np.searchsorted(level_values, filled).astype(np.int16)
    segments = [marching_squares(values, xs, ys, lv) for lv in level_values]
    return ContourPicture(xs, ys, values, level_values, bands,
                          np.concatenate(segments) if segments else np.empty((0, 2)),
                          landscape.log_levels)
