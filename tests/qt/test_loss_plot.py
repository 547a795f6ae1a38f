"""The loss plot's axes hold what it draws, whatever it drew before."""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from app.qt.loss_plot_widget import LossPlotWidget  # noqa: E402
from optimizers.registry import OptimizerSettings as S  # noqa: E402
from physics.builtins import builtin  # noqa: E402
from physics.simulation import Comparison  # noqa: E402


def _ravine(seed=0):
    run = Comparison(builtin("ravine"), [S("sgd", alpha=0.018), S("momentum", alpha=0.018, mu=0.9)],
                     (-4.5, 1.0), seed=seed)
    run.ensure(300)
    return run


def _shown_range(plot, qtbot):
    plot.grab()                       # pyqtgraph fits an auto range when it paints
    return plot.plotItem.vb.viewRange()[1]


def test_a_new_run_first_drawn_far_along_gets_an_axis_that_holds_its_curves(qtbot):
    # The window draws a run at step 0 (losses within two decades: a padded range), then a
    # scenario is applied and the new run is first drawn at step 200, where the losses span
    # ten decades. The y axis stayed on the old 1…100 and the curves ran off its bottom.
    plot = LossPlotWidget()
    qtbot.addWidget(plot)
    plot.resize(900, 250)
    plot.show()
    plot.rebuild(_ravine())
    plot.draw(0)
    plot.rebuild(_ravine(seed=1))
    plot.draw(200)
    low, high = _shown_range(plot, qtbot)
    for curve in plot.curves:
        drawn = np.log10(curve.yData)
        assert low <= drawn.min() and drawn.max() <= high, (low, high, drawn.min(), drawn.max())


def _saddle_plot(qtbot, steps: int) -> LossPlotWidget:
    """A shown loss plot of Adagrad and SGD escaping the saddle (losses far below 0),
    ``steps`` computed."""
    run = Comparison(builtin("saddle"), [S("adagrad", alpha=0.5), S("sgd", alpha=0.05)],
                     (-1.8, 0.01))
    run.ensure(steps)
    plot = LossPlotWidget()
    qtbot.addWidget(plot)
    plot.resize(800, 200)
    plot.show()
    plot.rebuild(run)
    return plot


def test_switching_between_a_linear_and_a_log_axis_overflows_nothing(qtbot):
    # A saddle's loss goes far below 0 (a linear axis, −2000…5), then rewinding to step 0
    # makes the axis logarithmic again: pyqtgraph read the old range as decades, 10**2000,
    # and warned "overflow encountered in power" at every such switch.
    import warnings

    plot = _saddle_plot(qtbot, 900)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for step in (0, 60, 900, 0, 900):
            plot.draw(step)
            plot.grab()
    low, high = plot.plotItem.vb.viewRange()[1]
    drawn = plot.curves[0].yData
    assert low <= drawn.min() and drawn.max() <= high      # linear at 900: it holds them


def test_the_step_axis_keeps_its_range_when_the_loss_axis_turns_logarithmic(qtbot):
    # pyqtgraph's setLogMode turns auto-range on for both axes: rewound to step 0 past a
    # saddle's negative losses, the step axis showed −63…63, and stayed on auto-range.
    plot = _saddle_plot(qtbot, 117)
    plot.draw(0)
    plot.grab()
    first = plot.plotItem.vb.viewRange()[0]
    for step in (60, 117, 0):
        plot.draw(step)
        plot.grab()
    assert plot.plotItem.vb.viewRange()[0] == pytest.approx(first)       # 0…50, as at first
    assert not plot.plotItem.vb.state["autoRange"][0]
