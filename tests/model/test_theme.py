"""Pane colours a student can tell apart: from each other, with colour-blind eyes, and
from the contours beneath them."""

import itertools

import numpy as np

from app.model.theme import BALL_COLOURS, rgb

#: viridis from its darkest to its brightest band (what the contours are drawn in).
VIRIDIS = ("#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779",
           "#6ece58", "#b5de2b", "#fde725")
#: Machado et al. (2009), deuteranopia at full severity, on linear RGB.
DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                         [-0.011820, 0.042940, 0.968881]])


def _linear(colour):
    c = np.asarray(rgb(colour), dtype=float) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear):
    xyz = linear @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                             [0.0193, 0.1192, 0.9505]]).T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _delta_e(a, b, seen=lambda linear: linear):
    return float(np.linalg.norm(_lab(np.clip(seen(_linear(a)), 0, 1))
                                - _lab(np.clip(seen(_linear(b)), 0, 1))))


def test_every_two_panes_differ_plainly_also_for_a_deuteranope():
    # The first palette's SGD red-orange and momentum orange were ΔE 30 apart.
    for a, b in itertools.combinations(BALL_COLOURS, 2):
        assert _delta_e(a, b) > 60, (a, b)
        assert _delta_e(a, b, lambda c: DEUTERANOPIA @ c) > 30, (a, b)


def test_no_pane_colour_disappears_into_a_contour_band():
    # The first palette's Nesterov teal was ΔE 14 from the green bands.
    for colour in BALL_COLOURS:
        assert min(_delta_e(colour, band) for band in VIRIDIS) > 30, colour


def test_equal_axes_where_the_domain_allows():
    from app.model.view_defaults import equal_axes_by_default
    from physics.builtins import builtin
    from physics.catalog import resolve_landscape

    assert equal_axes_by_default(builtin("ravine"))          # 10 × 4: a true ravine shape
    assert not equal_axes_by_default(resolve_landscape("x**2 + y**2", domain=(-50, 50, -1, 1)))


def test_a_dark_slides_pane_colours_keep_apart_and_off_its_background():
    """The light palette's momentum (near-black) vanished on a dark slide: its own six keep
    every rule of the light ones, and stand off the dark surround (the loss curves)."""
    from app.model.theme import DARK, DARK_BALL_COLOURS

    assert len(DARK_BALL_COLOURS) == len(BALL_COLOURS)
    for a, b in itertools.combinations(DARK_BALL_COLOURS, 2):
        assert _delta_e(a, b) > 60, (a, b)
        assert _delta_e(a, b, lambda c: DEUTERANOPIA @ c) > 30, (a, b)
    for colour in DARK_BALL_COLOURS:
        assert min(_delta_e(colour, band) for band in VIRIDIS) > 30, colour
        assert _delta_e(colour, DARK.background) > 60, colour
    assert _delta_e(BALL_COLOURS[1], DARK.background) < 10      # why it needs its own


def test_a_looks_background_chooses_its_colours():
    from app.model.presentation import Look, export_look
    from app.model.theme import DARK, LIGHT

    assert Look().palette is LIGHT and Look().ball_colour(1) == BALL_COLOURS[1]
    dark = export_look((1920, 1080), "dark")
    assert dark.zoom == 1.5 and dark.palette is DARK and dark.ball_colour(7) == DARK.balls[1]
    assert dark.label_colour == DARK.label and Look(high_contrast=True, background="dark").label_colour == "#ffffff"
