"""Export planning and the frame loop, without Qt: any renderer, any encoder."""

import numpy as np
import pytest

from app.encoders import ExportError
from app.model.export_plan import (
    ExportPlan,
    frame_steps,
    last_settled_step,
    planned_steps,
    write_animation,
)
from app.model.scenario import Scenario, default_scenario
from optimizers.registry import OptimizerSettings as S

SIZE = (160, 120)


def _render(step: int) -> np.ndarray:
    """A picture that says which step it is (its red channel)."""
    frame = np.zeros((SIZE[1], SIZE[0], 3), np.uint8)
    frame[..., 0] = step % 256
    return frame


def test_frame_k_shows_step_first_plus_k_times_K():
    plan = ExportPlan("a.mp4", frames=4, steps_per_frame=5, first_step=10)
    assert frame_steps(plan, 0) == [10, 15, 20, 25]
    assert frame_steps(ExportPlan("a.mp4", steps_per_frame=50), 717) == list(range(0, 701, 50))


def test_a_whole_run_ends_where_every_ball_has_settled():
    run = default_scenario().build_comparison()
    assert last_settled_step(run) == 717                      # SGD converges last, at 717
    assert planned_steps(ExportPlan("a.png", steps_per_frame=50), run)[-1] == 700


def test_a_whole_run_waits_for_a_ball_to_roll_off_a_saddle():
    # Was cut at step 124, where the ball first slowed near the saddle.
    saddle = Scenario(landscape="saddle", start=(-1.8, 1e-14), panes=(S("sgd", alpha=0.05),))
    steps = planned_steps(ExportPlan("a.gif"), saddle.build_comparison())
    assert steps[-1] == 377                     # it left the domain there


def test_the_loop_writes_each_rendered_step(tmp_path):
    plan = ExportPlan(str(tmp_path / "clip.png"), frames=3, size=SIZE)
    assert write_animation(plan, [0, 7, 9], _render) == 3
    from PIL import Image
    frames = sorted((tmp_path / "clip").iterdir())
    assert [np.asarray(Image.open(f))[0, 0, 0] for f in frames] == [0, 7, 9]


def test_cancel_and_failure_leave_nothing(tmp_path):
    plan = ExportPlan(str(tmp_path / "c.gif"), frames=5, size=SIZE)
    assert write_animation(plan, list(range(5)), _render, lambda done, total: done < 2) == 0
    assert list(tmp_path.iterdir()) == []

    def broken(step):
        if step == 2:
            raise OSError("render failed")
        return _render(step)

    with pytest.raises(OSError):
        write_animation(plan, list(range(5)), broken)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("plan, message", [
    (ExportPlan("a.mp4", frames=0), "frames"),
    (ExportPlan("a.mp4", steps_per_frame=0), "steps per frame"),
    (ExportPlan("a.mp4", fps=500), "fps"),
    (ExportPlan("a.mp4", first_step=-1), "first step"),
    (ExportPlan("a.avi"), "unknown animation format"),
])
def test_bad_plans_are_one_line(plan, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ExportError, match=message):
        plan.validate()
