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


def assert_trail_is_steps_0_to(plot, run, k, pane=0, first=0):
    """What a trail must be: iterates ``first..k`` of the run, in order, from W_first to
    W_k, and every iterate it leaves out in the half-pixel cell of the drawn one before
    it — so the line drawn is never more than 0.71 px from the true one."""
    drawn = drawn_trail(plot)
    history = run.trail(k)[:, pane, 0]
    indices, j = [], first
    for point in drawn:
        while not np.array_equal(history[j], point):
            j += 1                                   # IndexError: not an iterate, in order
        indices.append(j)
    assert indices[0] == first and indices[-1] == k
    (hx, hy), origin = plot.half_pixel()
    cells = np.floor((history - origin) / (hx, hy))
    for a, b in zip(indices, indices[1:] + [k + 1]):
        assert (cells[a:b] == cells[a]).all(), f"steps {a}..{b - 1} leave the cell of step {a}"
    return indices


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
    assert_trail_is_steps_0_to(plot, run, 130)


def test_a_long_runs_trail_ends_at_the_ball_and_starts_at_the_start(qtbot):
    from app.qt.ball_layer import TRAIL_POINTS

    # SGD with a tiny α never settles on the ravine: 40,000 steps, all different, but
    # creeping: most are within half a pixel of the one before, so the whole path from the
    # start is drawn (before: only the last 20,000 steps, and the start was lost).
    window = MainWindow(Scenario(panes=(S("sgd", alpha=1e-5),)))
    qtbot.addWidget(window)
    window.show()
    plot, run = window.pane_row.panes[0].plot, window.controller.comparison
    for step in (25_000, 40_000, 39_000):
        window.controller.seek(step)
        indices = assert_trail_is_steps_0_to(plot, run, step)
        assert len(indices) < TRAIL_POINTS          # all of it, from the start
    window.controller.shutdown()


def test_a_long_noisy_trail_draws_its_most_recent_points(qtbot):
    # Noise moves the pen nearly every step: the settled part keeps its last TRAIL_POINTS
    # drawn iterates, so a frame at step 40,000 costs what one at step 6,000 does.
    from app.qt.ball_layer import TRAIL_CHUNK, TRAIL_POINTS

    window = MainWindow(Scenario(panes=(S("sgd", alpha=0.018),), sigma=0.5))
    qtbot.addWidget(window)
    window.show()
    plot, run = window.pane_row.panes[0].plot, window.controller.comparison
    for step in (40_000, 12_345, 40_001):
        window.controller.seek(step)
        x, _ = plot.layers[0].settled_trail.getData()
        assert len(x) == TRAIL_POINTS
        settled = step // TRAIL_CHUNK * TRAIL_CHUNK
        first = int(np.flatnonzero((run.trail(step)[:, 0, 0, 0] == x[0]))[0])
        assert settled - first < 2 * TRAIL_POINTS       # recent steps, not old ones
        assert_trail_is_steps_0_to(plot, run, step, first=first)
    window.controller.shutdown()


def _force_arrow_after(qtbot, scenario, steps: int):
    """``(window, run, x, y)``: the first pane's force arrow shaft after ``steps`` steps
    forward (and the next step computed)."""
    window = MainWindow(scenario)
    qtbot.addWidget(window)
    run = window.controller.comparison
    for _ in range(steps):
        window.controller.step_forward()
    run.ensure(steps + 1)
    x, y = window.pane_row.panes[0].plot.layers[0].force_arrow.shaft.getData()
    return window, run, x, y


@pytest.mark.parametrize("panes, sigma", [
    ((S("sgd", alpha=0.018),), 0.5),                          # noisy gradients
    ((S("nesterov", alpha=0.01, mu=0.9),), 0.0)])             # the look-ahead's gradient
def test_the_force_arrow_is_the_force_the_step_applied(qtbot, panes, sigma):
    """Before: the arrow drew −α∇L(W), exact, at W — under noise, or for Nesterov, not the
    force the step used (SGD's arrow tip missed its own next position)."""
    window, run, x, y = _force_arrow_after(qtbot, Scenario(panes=panes, sigma=sigma, seed=3), 4)
    force = np.array([x[1] - x[0], y[1] - y[0]])
    w, p = run.positions(4)[0, 0], run.velocity(4)[0, 0]
    if panes[0].name == "sgd":       # SGD's step is its force: the arrow ends where it goes
        np.testing.assert_allclose(np.array([x[1], y[1]]), run.positions(5)[0, 0], atol=1e-12)
    else:                            # p⁽⁵⁾ = μp⁽⁴⁾ − αg: the arrow is p⁽⁵⁾ − μp⁽⁴⁾
        np.testing.assert_allclose(force, run.velocity(5)[0, 0] - 0.9 * p, atol=1e-12)
    assert not np.allclose(force, -panes[0].alpha * run.grads(4)[0, 0])
    assert np.allclose([x[0], y[0]], w)
    window.controller.shutdown()


def test_every_arrow_head_points_along_its_shaft_on_screen(window):
    # The head is turned only when its angle changes by more than 0.1° (rebuilding it
    # was the costly part of a frame's arrows): it must still follow the shaft.
    for step in (1, 2, 3, 40, 41, 300, 301, 302):
        window.controller.seek(step)
        for pane in window.pane_row.panes:
            for arrow in (pane.plot.layers[0].force_arrow, pane.plot.layers[0].velocity_arrow):
                if not arrow.head.isVisible():
                    continue
                x, y = arrow.shaft.getData()
                view = arrow.shaft.getViewBox()
                a = view.mapViewToScene(QtCore.QPointF(x[0], y[0]))
                b = view.mapViewToScene(QtCore.QPointF(x[1], y[1]))
                on_screen = np.degrees(np.arctan2(b.y() - a.y(), b.x() - a.x()))
                head = arrow.head.opts["angle"] - 180          # ArrowItem points back along it
                assert abs((head - on_screen + 180) % 360 - 180) < 0.2, (step, head, on_screen)


def test_a_ball_that_diverges_vanishes_and_comes_back_where_it_is(qtbot):
    # The ball is moved by its item's place; an inf or NaN one has no place and draws no
    # ball (and no warning at every paint); a finite one after it is drawn again.
    from app.qt.landscape_plot import LandscapePlot

    plot = LandscapePlot("#d62728")
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    plot.plotItem.setRange(xRange=(-2, 2), yRange=(-2, 2), padding=0)
    empty = widget_rgb(plot)                     # no ball yet
    plot.set_ball((0.5, -0.5))
    assert (widget_rgb(plot) != empty).any()
    plot.set_ball((np.inf, np.nan))
    assert not np.isfinite(plot.layers[0].ball_position()).any()
    np.testing.assert_array_equal(widget_rgb(plot), empty)
    plot.set_ball((1.0, 1.0))
    assert plot.layers[0].ball_position() == (1.0, 1.0)
    changed = np.argwhere((widget_rgb(plot) != empty).any(axis=-1))
    # Drawn around (1, 1) alone: the upper right quarter of the plot.
    assert changed[:, 1].min() > 200 and changed[:, 0].max() < 150


@pytest.mark.parametrize("name, alpha", [("adagrad", 0.5), ("rmsprop", 0.01), ("adadelta", 1.0),
                                         ("adam", 0.05), ("nadam", 0.05)])
def test_an_adaptive_panes_force_arrow_is_its_gradients_share_of_the_step(qtbot, name, alpha):
    """Before: every pane drew −α·g. For Adadelta (α = 1, a pure number) that arrow was as
    long as the gradient itself, across the picture; for Adagrad and RMSprop it was not
    their step either. Rules with no velocity: the arrow ends where the ball goes next."""
    from physics.builtins import builtin

    window, run, x, y = _force_arrow_after(
        qtbot, Scenario(landscape="beale", panes=(S(name, alpha=alpha),)), 6)
    w, tip = run.positions(6)[0, 0], np.array([x[1], y[1]])
    np.testing.assert_allclose([x[0], y[0]], w)
    if name in ("adagrad", "rmsprop", "adadelta"):
        np.testing.assert_allclose(tip, run.positions(7)[0, 0], rtol=1e-12, atol=1e-12)
    else:   # a share of the step: shorter than the step, and pointing downhill
        push = tip - w
        assert np.linalg.norm(push) < np.linalg.norm(run.positions(7)[0, 0] - w)
        assert np.dot(push, builtin("beale").grad(w)) < 0
    assert not np.allclose(tip - w, -alpha * run.grads(6)[0, 0])
    window.controller.shutdown()
