"""End computes the run ahead on a worker thread: the window stays live, the timeline
grows to every computed step, and the numbers are the run's own."""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore  # noqa: E402

from app.qt import compute_ahead  # noqa: E402

Key = QtCore.Qt.Key
AHEAD = 120_000


@pytest.fixture
def ahead(window, monkeypatch):
    monkeypatch.setattr(compute_ahead, "MAX_STEPS", AHEAD)    # seconds, not the full million
    window.request(lambda: window.workspace.change(sigma=0.5))  # a run that never settles
    yield window
    window.ahead.stop(quiet=True)


def test_end_computes_ahead_while_the_window_stays_live(ahead, qtbot):
    window = ahead
    qtbot.keyClick(window, Key.Key_End)
    assert window.ahead.running
    # While the worker computes, the window plays and steps on the steps that exist.
    window.controller.step_forward()
    window.controller.step_forward()
    assert window.controller.step == 2
    qtbot.waitUntil(lambda: "Computing ahead" in window.statusBar().currentMessage(),
                    timeout=5000)
    qtbot.waitUntil(lambda: not window.ahead.running, timeout=60_000)
    run = window.controller.comparison
    assert run.computed_steps == AHEAD
    assert window.playback_bar.timeline.maximum() == AHEAD      # the timeline reaches it
    assert window.playback_bar.timeline.pageStep() == AHEAD // 100   # a click: 1 % of it
    assert "120000" in window.statusBar().currentMessage()
    window.playback_bar.timeline.setValue(AHEAD - 7)
    assert window.controller.step == AHEAD - 7
    fresh = window.workspace.scenario.build_comparison()     # the same numbers, computed here
    fresh.ensure(AHEAD)
    np.testing.assert_array_equal(fresh.trail(AHEAD), run.trail(AHEAD))


def test_end_again_stops_and_keeps_what_was_computed(ahead, qtbot):
    window = ahead
    window.ahead.start()
    qtbot.waitUntil(lambda: window.controller.comparison.computed_steps > 8192, timeout=20_000)
    qtbot.keyClick(window, Key.Key_End)
    assert not window.ahead.running
    computed = window.controller.comparison.computed_steps
    assert 8192 < computed < AHEAD
    qtbot.wait(200)
    assert window.controller.comparison.computed_steps == computed    # it did stop
    assert window.playback_bar.timeline.maximum() == computed


def test_an_edit_stops_the_worker_and_the_new_run_starts_fresh(ahead, qtbot):
    window = ahead
    window.ahead.start()
    old = window.controller.comparison
    window.request(lambda: window.workspace.change(seed=4))
    assert not window.ahead.running
    frozen = old.computed_steps
    qtbot.wait(200)
    assert old.computed_steps == frozen
    assert window.controller.comparison is not old
    assert window.controller.comparison.computed_steps < 10
