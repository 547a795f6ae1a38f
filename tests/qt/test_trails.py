"""The trail shows exactly the steps up to the one on screen: never the future."""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore  # noqa: E402

from app.model.scenario import Scenario  # noqa: E402
from app.qt.images import widget_rgb  # noqa: E402
from app.qt.main_window import MainWindow  # noqa: E402
from optimizers.registry import OptimizerSettings as S  # noqa: E402

Key = QtCore.Qt.Key


def drawn_trail(plot) -> np.ndarray:
    """The points the user sees: the cached settled part (if shown) then the recent part."""
    layer = plot.layers[0]
    parts = []
    if layer.settled_trail.isVisible():
        x, y = layer.settled_trail.getData()
        parts.append(np.column_stack([x, y])[:-1])     # its last point starts the recent part
    x, y = layer.trail.getData()
    parts.append(np.column_stack([x, y]))
    return np.concatenate(parts)


def test_after_playing_to_the_end_home_shows_only_the_start(window, qtbot):
    plot = window.pane_row.panes[1].plot
    for arrows in ("force", "velocity"):     # only the ball and its trail in the picture
        window.qactions[arrows].setChecked(False)
    qtbot.wait(20)
    fresh = widget_rgb(plot)
    window.controller.seek(700)
    qtbot.wait(20)
    widget_rgb(plot)                       # the long trail has been painted
    qtbot.keyClick(window, Key.Key_Home)
    qtbot.wait(20)
    np.testing.assert_array_equal(drawn_trail(plot), [window.workspace.landscape.start])
    assert np.array_equal(widget_rgb(plot), fresh)      # not one pixel of the old trail


@pytest.mark.parametrize("how", ["back", "scrub", "reset-then-forward"])
def test_the_trail_is_steps_0_to_k_however_k_was_reached(window, qtbot, how):
    plot, run = window.pane_row.panes[0].plot, window.controller.comparison
    window.controller.seek(300)
    qtbot.wait(10)
    if how == "back":
        for _ in range(170):
            window.controller.step_back()
    elif how == "scrub":
        window.playback_bar.timeline.setValue(130)
    else:
        window.controller.reset()
        window.controller.seek(130)
    qtbot.wait(10)
    assert window.controller.step == 130
    np.testing.assert_array_equal(drawn_trail(plot), run.trail(130)[:, 0, 0])


def test_a_long_runs_trail_ends_at_the_ball(qtbot):
    # SGD with a tiny α never settles on the ravine: 40,000 steps, all different.
    window = MainWindow(Scenario(panes=(S("sgd", alpha=1e-5),)))
    qtbot.addWidget(window)
    window.show()
    plot, run = window.pane_row.panes[0].plot, window.controller.comparison
    for step in (25_000, 40_000):
        window.controller.seek(step)
        trail = drawn_trail(plot)
        np.testing.assert_array_equal(trail[-1], run.positions(step)[0, 0])
        assert len(trail) >= 20_000
        np.testing.assert_array_equal(trail, run.trail(step, step + 1 - len(trail))[:, 0, 0])
    window.controller.shutdown()


@pytest.mark.parametrize("panes, sigma", [
    ((S("sgd", alpha=0.018),), 0.5),                          # noisy gradients
    ((S("nesterov", alpha=0.01, mu=0.9),), 0.0)])             # the look-ahead's gradient
def test_the_force_arrow_is_the_force_the_step_applied(qtbot, panes, sigma):
    """Before: the arrow drew −α∇L(W), exact, at W — under noise, or for Nesterov, not the
    force the step used (SGD's arrow tip missed its own next position)."""
    window = MainWindow(Scenario(panes=panes, sigma=sigma, seed=3))
    qtbot.addWidget(window)
    run = window.controller.comparison
    for _ in range(4):
        window.controller.step_forward()
    run.ensure(5)
    x, y = window.pane_row.panes[0].plot.layers[0].force_arrow.shaft.getData()
    force = np.array([x[1] - x[0], y[1] - y[0]])
    w, p = run.positions(4)[0, 0], run.velocity(4)[0, 0]
    if panes[0].name == "sgd":       # SGD's step is its force: the arrow ends where it goes
        np.testing.assert_allclose(np.array([x[1], y[1]]), run.positions(5)[0, 0], atol=1e-12)
    else:                            # p⁽⁵⁾ = μp⁽⁴⁾ − αg: the arrow is p⁽⁵⁾ − μp⁽⁴⁾
        np.testing.assert_allclose(force, run.velocity(5)[0, 0] - 0.9 * p, atol=1e-12)
    assert not np.allclose(force, -panes[0].alpha * run.grads(4)[0, 0])
    assert np.allclose([x[0], y[0]], w)
    window.controller.shutdown()
