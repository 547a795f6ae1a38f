"""The loss plot's axis tells the truth: log while every value is positive, else linear."""

import numpy as np
import pytest

from app.model.loss_curves import loss_curves
from optimizers.registry import OptimizerSettings as S
from physics.builtins import builtin
from physics.simulation import Comparison


def test_the_ravine_is_drawn_as_l_minus_l_min_on_a_log_axis():
    run = Comparison(builtin("ravine"), [S("sgd", alpha=0.018)], (-4.5, 1.0))
    run.ensure(100)
    curves = loss_curves(run, 100)
    assert curves.log and curves.label == "loss L (log)"      # L_min = 0
    np.testing.assert_array_equal(curves.values[:, 0], run.loss_history(100)[:, 0, 0])


def test_a_saddles_negative_loss_switches_to_a_linear_axis_instead_of_a_fake_floor():
    saddle = builtin("saddle")
    run = Comparison(saddle, [S("sgd", alpha=0.05)], (-1.8, 0.5))
    assert run.ensure(30) == 30 and run.loss(30)[0, 0] < 0
    early, late = loss_curves(run, 0), loss_curves(run, 30)
    assert early.log
    assert not late.log and late.label == "loss L"
    np.testing.assert_array_equal(late.values[:, 0], run.loss_history(30)[:, 0, 0])


def test_the_first_step_gets_a_readable_range_not_a_pile_of_ticks():
    run = Comparison(builtin("ravine"), [S("sgd", alpha=0.018)], (-4.5, 1.0))
    low, high = loss_curves(run, 0).y_range
    assert (low, high) == pytest.approx((-0.1, 2.1))    # whole decades, 1 to 100, around 60.1
    assert loss_curves(run, 0).y_ticks == [(0.0, "1"), (1.0, "10"), (2.0, "100")]
    assert low < np.log10(60.125) < high



def test_the_axis_holds_every_value_in_whole_decades_and_moves_in_jumps_not_every_step():
    # Six decades at step 300: every other one labelled, the range from label to label.
    run = Comparison(builtin("ravine"), [S("sgd", alpha=0.018), S("momentum", alpha=0.018, mu=0.9)],
                     (-4.5, 1.0))
    run.ensure(300)
    ranges = set()
    for step in range(301):
        curves = loss_curves(run, step)
        low, high = curves.y_range
        drawn = np.log10(curves.values)
        assert low < drawn.min() and drawn.max() < high
        assert (low + 0.1, high - 0.1) == pytest.approx((round(low + 0.1), round(high - 0.1)))
        decades = [e for e, _ in curves.y_ticks]
        assert 2 <= len(decades) <= 6 and low < decades[0] and decades[-1] < high
        ranges.add(curves.y_range)
    # 10⁻¹³ … 100: every third decade labelled, the others ticked.
    late = loss_curves(run, 300)
    assert late.y_ticks == [(-12.0, "10⁻¹²"), (-9.0, "10⁻⁹"), (-6.0, "10⁻⁶"), (-3.0, "10⁻³"),
                            (0.0, "1")]
    assert late.y_minor_ticks == [e for e in range(-13, 3) if e % 3]
    assert len(ranges) <= 16        # once a decade crossed at most (each repaints the axis text)


def test_a_linear_axis_is_rounded_outwards_and_holds_every_value():
    run = Comparison(builtin("saddle"), [S("sgd", alpha=0.05)], (-1.8, 0.5))
    run.ensure(60)
    curves = loss_curves(run, 60)
    assert not curves.log and curves.y_ticks is None
    low, high = curves.y_range
    assert low < curves.values.min() and curves.values.max() < high


def _noisy_run(steps):
    run = Comparison(builtin("ravine"), [S("sgd", alpha=0.018), S("momentum", alpha=0.018, mu=0.9)],
                     (-4.5, 1.0), sigma=0.5, seed=3)
    run.ensure(steps)
    return run


@pytest.mark.parametrize("step", [70_000, 65_536 + 4095, 1_000, 5_000])
def test_a_long_noisy_curve_is_drawn_as_its_exact_min_max_envelope(step):
    # A long history is drawn about two points a pixel column: every bin a vertical stroke
    # from its lowest to its highest loss, so no spike of the noise is smoothed away.
    from app.model.loss_curves import LossHistory

    run = _noisy_run(step)
    full = loss_curves(run, step)
    drawn = LossHistory(run).curves(step, columns=300)
    assert len(drawn.steps) <= 2 * 300 + 3 or step + 1 <= 600
    assert drawn.log == full.log and drawn.y_range == full.y_range and drawn.label == full.label
    assert drawn.steps[-1] == step
    np.testing.assert_array_equal(drawn.values[-1], full.values[-1])   # ends at the ball
    for pane in range(2):
        values = full.values[:, pane]
        bins = np.flatnonzero(np.diff(drawn.steps) > 0)   # each bin: (start, low), (start, high)
        starts = drawn.steps[0:-1:2].astype(int)
        edges = np.append(starts, step + 1)
        for b in range(len(starts)):
            chunk = values[edges[b]:edges[b + 1]]
            assert drawn.values[2 * b, pane] == chunk.min()
            assert drawn.values[2 * b + 1, pane] == chunk.max()
        assert len(bins) >= 1
        assert np.nanmax(drawn.values[:, pane]) == values.max()    # the highest spike is drawn
        assert np.nanmin(drawn.values[:, pane]) == values.min()


def test_the_history_grows_with_the_run_and_gives_what_a_fresh_one_gives():
    from app.model.loss_curves import LossHistory

    run = _noisy_run(300)
    kept = LossHistory(run)
    for step in (10, 300, 299, 5_000, 20_000, 17):
        run.ensure(step)
        a, b = kept.curves(step, columns=200), LossHistory(run).curves(step, columns=200)
        np.testing.assert_array_equal(a.steps, b.steps)
        np.testing.assert_array_equal(a.values, b.values)
        assert (a.log, a.y_range, a.y_ticks) == (b.log, b.y_range, b.y_ticks)
