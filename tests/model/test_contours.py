"""Contour lines are where the landscape equals each level, everywhere on the grid."""

import numpy as np

from app.model.contours import contour_picture, marching_squares
from physics.builtins import builtin


def _grid(n=61):
    xs, ys = np.linspace(-2, 2, n), np.linspace(-1.5, 1.5, n)
    return xs, ys


def test_a_plane_is_cut_exactly_once_in_every_cell_the_level_crosses():
    xs, ys = _grid()
    values = xs[None, :] + 2 * ys[:, None]           # linear: interpolation is exact
    level = 0.3
    segments = marching_squares(values, xs, ys, level).reshape(-1, 2, 2)
    ends = segments.reshape(-1, 2)
    np.testing.assert_allclose(ends[:, 0] + 2 * ends[:, 1], level, atol=1e-12)
    below = values < level
    corners = below[:-1, :-1].astype(int) + below[:-1, 1:] + below[1:, 1:] + below[1:, :-1]
    assert len(segments) == np.count_nonzero((corners > 0) & (corners < 4))


def test_a_circle_is_traced_whole_and_round():
    xs, ys = np.linspace(-2, 2, 201), np.linspace(-2, 2, 201)
    values = xs[None, :] ** 2 + ys[:, None] ** 2
    segments = marching_squares(values, xs, ys, 1.0).reshape(-1, 2, 2)
    radii = np.hypot(segments[..., 0], segments[..., 1])
    assert np.all(np.abs(radii - 1) < 1e-3)
    length = np.linalg.norm(segments[:, 1] - segments[:, 0], axis=1).sum()
    assert abs(length - 2 * np.pi) < 1e-3 * 2 * np.pi


def test_holes_where_the_landscape_is_undefined_draw_no_line_into_them():
    xs, ys = _grid()
    values = xs[None, :] + 2 * ys[:, None]
    values[20:30, 20:30] = np.nan
    values[40, 40] = np.inf
    ends = marching_squares(values, xs, ys, 0.3)
    assert np.all(np.isfinite(ends))
    np.testing.assert_allclose(ends[:, 0] + 2 * ends[:, 1], 0.3, atol=1e-12)


def test_every_level_of_a_built_in_landscape_has_its_line():
    picture = contour_picture(builtin("ravine"))
    ends = picture.segments
    assert len(ends) and len(ends) % 2 == 0
    landscape = builtin("ravine")
    on_line = landscape.value(ends)
    nearest = np.min(np.abs(on_line[:, None] - picture.levels[None, :]), axis=1)
    span = picture.levels[-1] - picture.levels[0]
    assert np.all(nearest < 0.02 * span)        # within the grid's interpolation error
