"""The playback controller is the one cursor: play, step, step back and reset move it alone."""

import numpy as np
import pytest

pytest.importorskip("PySide6")

from app.qt.playback_controller import PlaybackController  # noqa: E402
from optimizers import OptimizerSettings  # noqa: E402
from physics.builtins import builtin  # noqa: E402
from physics.simulation import Comparison  # noqa: E402

RAVINE = builtin("ravine")
SGD = OptimizerSettings("sgd", alpha=0.018)
MOMENTUM = OptimizerSettings("momentum", alpha=0.018, mu=0.9)


@pytest.fixture
def controller(qtbot):
    c = PlaybackController(Comparison(RAVINE, [SGD, MOMENTUM], RAVINE.start))
    yield c
    c.shutdown()


def test_step_forward_back_and_reset_move_an_index_into_one_history(controller):
    c = controller.comparison
    assert controller.step == 0
    np.testing.assert_array_equal(c.positions(0), [[RAVINE.start], [RAVINE.start]])
    for _ in range(5):
        controller.step_forward()
    at5 = c.positions(5).copy()
    controller.step_back()
    controller.step_back()
    assert controller.step == 3
    controller.seek(5)
    np.testing.assert_array_equal(c.positions(controller.step), at5)
    controller.reset()
    assert controller.step == 0 and c.computed_steps == 5
    controller.step_back()
    assert controller.step == 0            # never before the start


def test_the_run_itself_has_no_cursor(controller):
    run = controller.comparison
    assert not any(hasattr(run, name) for name in ("current", "seek", "step_forward", "reset"))


def test_signals_say_what_happened(controller, qtbot):
    steps, frames = [], []
    controller.step_changed.connect(steps.append)
    controller.frame_changed.connect(frames.append)
    controller.seek(3)
    controller.seek(3)            # the same step again: a frame, but no new step
    assert steps == [3] and frames == [3.0, 3.0]


def test_the_top_speed_takes_a_run_to_step_100_000_in_seconds(qtbot):
    # At 240 steps/s, "play a noisy run to step 100,000" took seven minutes.
    from app.qt.playback_controller import MAX_SPEED

    run = Comparison(builtin("ravine"), [OptimizerSettings("sgd", alpha=0.018)], (-4.5, 1.0),
                     sigma=0.5)
    controller = PlaybackController(run)
    for _ in range(12):
        controller.faster()
    assert controller.speed == MAX_SPEED and MAX_SPEED * 4 >= 100_000
    controller.play()
    qtbot.waitUntil(lambda: controller.step >= 3_000, timeout=5000)   # thousands a second
    controller.pause()
    assert run.computed_steps >= controller.step     # every step on the way was computed
    controller.shutdown()
