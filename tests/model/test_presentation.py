"""The zoom and the high-contrast look: every size the views draw with comes from here."""

from __future__ import annotations

import pytest

from app.model.presentation import (ZOOM_LEVELS, Look, parse_zoom, zoom_in, zoom_out)


def test_zoom_steps_through_the_levels_and_stops_at_the_ends():
    assert zoom_in(1.0) == 1.25 and zoom_out(1.0) == 0.75
    assert zoom_in(ZOOM_LEVELS[-1]) == ZOOM_LEVELS[-1]
    assert zoom_out(ZOOM_LEVELS[0]) == ZOOM_LEVELS[0]
    assert zoom_in(1.1) == 1.25               # an odd value snaps to the nearest level first


def test_text_lines_and_markers_scale_with_the_zoom_and_contrast():
    plain, big, bold = Look(), Look(2.0), Look(2.0, high_contrast=True)
    assert (plain.text(10), big.text(10)) == (10, 20)
    assert big.line(2.5) == 5.0 and bold.line(2.5) > big.line(2.5)
    assert big.marker(18) == 36 and bold.marker(18) > big.marker(18)
    assert plain.label_colour != bold.label_colour == "#000000"


@pytest.mark.parametrize("value", ["1.5", 1.5, 2])
def test_a_remembered_zoom_is_read_back(value):
    assert parse_zoom(value) == float(value)


@pytest.mark.parametrize("value", ["1.3", "huge", 1e300, "nan"])
def test_a_remembered_zoom_that_is_no_level_is_refused(value):
    with pytest.raises(ValueError):
        parse_zoom(value)
