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
    run.ensure(300)
    assert loss_curves(run, 300).y_range is None        # many decades: the plot fits them
    assert loss_curves(run, 300).y_ticks is None        # and picks its own ticks
