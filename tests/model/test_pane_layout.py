"""Where the panes go: a row when they fit, else two rows; compact when only that fits."""

from __future__ import annotations

import pytest

from app.model.pane_layout import (
    FRAME_ALLOWANCE,
    MIN_PLOT_HEIGHT,
    PaneArrangement,
    arrange_panes,
    arrange_without_plots,
    candidate_grids,
    cell_size,
    fit_window,
    pane_grid,
    shortfall,
)

# About what a pane needs at 100 %: its full settings block is 330 px wide, on one
# compact line 500 px; with its readouts and a plot of MIN_PLOT_HEIGHT it is 350 px tall
# in full, 250 px compact.
FULL, COMPACT = (330, 350), (500, 250)


def test_the_arrangements_tried_are_a_row_then_two_rows():
    assert candidate_grids(1) == ((1, 1),)
    assert candidate_grids(2) == ((1, 2), (2, 1))
    assert candidate_grids(3) == ((1, 3), (2, 2))
    assert candidate_grids(4) == ((1, 4), (2, 2))


def test_four_panes_stay_in_a_row_when_each_gets_what_it_needs():
    assert pane_grid(4, 1900, 700, *FULL) == (1, 4)       # a 1920 × 1080 screen
    assert pane_grid(4, 4 * 330, 350, *FULL) == (1, 4)    # exactly enough is enough


@pytest.mark.parametrize("count", [3, 4])
def test_three_or_four_panes_that_do_not_fit_a_row_go_into_a_2x2_grid(count):
    # 1400 × 800 with the scenario dock: about 1040 × 570 for the panes.
    assert pane_grid(count, 960, 700, *FULL) == (2, 2)     # 320 px each would not do


def test_the_gaps_between_panes_count():
    assert pane_grid(4, 4 * 330, 400, *FULL) == (1, 4)
    assert pane_grid(4, 4 * 330, 800, *FULL, spacing=4) == (2, 2)
    assert cell_size(1040, 570, 2, 2, spacing=4) == (518, 283)


def test_two_panes_go_one_above_the_other_only_in_a_narrow_tall_space():
    assert pane_grid(2, 1040, 570, *FULL) == (1, 2)
    assert pane_grid(2, 400, 900, *FULL) == (2, 1)
    assert pane_grid(1, 100, 100, *FULL) == (1, 1)        # one pane has nowhere else to go


def test_when_nothing_fits_the_closest_arrangement_wins():
    # Short and wide: two rows would halve heights already too short, so a row it is.
    assert pane_grid(4, 1900, 300, *FULL) == (1, 4)
    # Narrow and tall enough for two rows that are a bit short: those, not 4 slivers.
    assert pane_grid(4, 600, 600, *FULL) == (2, 2)
    assert shortfall((165, 300), FULL) < shortfall((300, 300), FULL) < 1


def test_panes_show_in_full_whenever_some_arrangement_fits_them_so():
    assert arrange_panes(4, 1900, 700, FULL, COMPACT) == PaneArrangement(1, 4, compact=False)
    assert arrange_panes(2, 1040, 570, FULL, COMPACT) == PaneArrangement(1, 2, compact=False)
    # A large screen that a row of four does not fit but two rows of two do, in full.
    assert arrange_panes(4, 1200, 800, FULL, COMPACT) == PaneArrangement(2, 2, compact=False)


def test_panes_go_compact_when_only_compact_ones_fit():
    # 1400 × 800 with the scenario dock: 2×2 cells of about 520 × 285, too short in full.
    assert arrange_panes(4, 1040, 570, FULL, COMPACT) == PaneArrangement(2, 2, compact=True)
    # Three in 960 px fit neither way: two rows squeeze the compact lines less.
    assert arrange_panes(3, 960, 570, FULL, COMPACT) == PaneArrangement(2, 2, compact=True)
    # A wide, short window: a row of compact panes.
    assert arrange_panes(4, 1900, 300, FULL, COMPACT) == PaneArrangement(1, 4, compact=True)
    # Zoomed right in beside both docks: nothing fits, the nearest, compact.
    assert arrange_panes(4, 460, 600, (580, 600), (520, 420)) == PaneArrangement(2, 2, True)


def test_the_decision_needs_only_the_sizes():
    # The same numbers give the same answer: no state, so resizing back undoes a change.
    answers = {arrange_panes(4, w, 570, FULL, COMPACT) for w in (1040, 1900, 1040)}
    assert answers == {PaneArrangement(2, 2, True), PaneArrangement(1, 4, False)}


def test_without_plots_the_panes_stay_in_one_row_as_short_as_they_can_be():
    assert arrange_without_plots(4, 1900, 330) == PaneArrangement(1, 4, compact=False)
    assert arrange_without_plots(4, 1040, 330) == PaneArrangement(1, 4, compact=True)
    assert arrange_without_plots(2, 1040, 330, spacing=4) == PaneArrangement(1, 2, False)


def test_a_plot_keeps_a_useful_height():
    assert 150 <= MIN_PLOT_HEIGHT <= 250


def test_a_window_opens_no_larger_than_its_screen():
    assert fit_window(1400, 800, 1920, 1040) == (1400, 800)
    assert fit_window(1400, 800, 1366, 738) == (1366 - FRAME_ALLOWANCE[0],
                                                738 - FRAME_ALLOWANCE[1])
    assert fit_window(1400, 800, 10, 10) == (1, 1)


def test_six_panes_in_1400_by_800_wrap_their_settings_in_2_by_3_not_squash_3_by_2():
    # The window's own numbers (room and needs measured at 1400×800): 3 × 2 left plots
    # 60 px high; 2 × 3 wraps each pane's settings line and keeps them 175 px high.
    assert arrange_panes(6, 1059, 572, (329, 382), (518, 264)) == PaneArrangement(2, 3, True)
    assert candidate_grids(6) == ((1, 6), (2, 3), (3, 2))
