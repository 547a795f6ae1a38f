"""Export an animation: the app's own panes rendered offscreen, frame by frame.

The plan and the frame loop are Qt-free (:mod:`app.model.export_plan`); this module
supplies the picture of each step, from an :class:`~app.qt.animation_canvas.AnimationCanvas`.
"""

from __future__ import annotations

from app.model.export_plan import (
    ExportPlan,
    Progress,
    open_plan_encoder,
    planned_steps,
    write_animation,
)
from app.model.scenario import Scenario

from .animation_canvas import AnimationCanvas
from .application import ensure_application

PREFETCH_STEPS = 10_000


def export_animation(scenario: Scenario, plan: ExportPlan, progress: Progress | None = None) -> int:
    """Write the animation; return the number of frames. Raises :class:`ExportError`.

    ``progress(done, total)`` is called after each frame; if it returns ``False`` the
    export stops, nothing is left behind, and ``0`` is returned.
    """
    plan.validate()
    ensure_application()
    encoder = open_plan_encoder(plan)   # its process starts up while the canvas is built
    canvas = None
    try:
        canvas = AnimationCanvas(scenario, plan.size, include_loss=plan.include_loss,
                                 equal_axes=plan.equal_axes, overlay=plan.overlay,
                                 swarm=plan.swarm, background=plan.background,
                                 caption=plan.caption, views=plan.views,
                                 map_measure=plan.map_measure, map_steps=plan.map_steps)
        steps = planned_steps(plan, canvas.run)
        # The first steps in chunks, at once (a step a frame costs 8× more); not a long run's
        # all, which would keep the progress bar and a cancel waiting.
        canvas.run.ensure(min(max(steps), PREFETCH_STEPS))
    except BaseException:
        encoder.abort()
        if canvas is not None:
            canvas.close_canvas()
        raise
    try:
        return write_animation(plan, steps, canvas.render, progress, encoder)
    finally:
        canvas.close_canvas()
