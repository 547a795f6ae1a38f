"""Export an animation: the app's own panes rendered offscreen, frame by frame.

The plan and the frame loop are Qt-free (:mod:`app.model.export_plan`); this module
supplies the picture of each step, from an :class:`~app.qt.animation_canvas.AnimationCanvas`.
"""

from __future__ import annotations

from app.model.export_plan import ExportPlan, Progress, planned_steps, write_animation
from app.model.scenario import Scenario

from .animation_canvas import AnimationCanvas
from .application import ensure_application


def export_animation(scenario: Scenario, plan: ExportPlan, progress: Progress | None = None) -> int:
    """Write the animation; return the number of frames. Raises :class:`ExportError`.

    ``progress(done, total)`` is called after each frame; if it returns ``False`` the
    export stops, nothing is left behind, and ``0`` is returned.
    """
    plan.validate()
    ensure_application()
    canvas = AnimationCanvas(scenario, plan.size, include_loss=plan.include_loss,
                             equal_axes=plan.equal_axes)
    try:
        return write_animation(plan, planned_steps(plan, canvas.run), canvas.render, progress)
    finally:
        canvas.close_canvas()
