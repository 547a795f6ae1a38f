"""Export an animation: render frames through :class:`AnimationCanvas`, feed an encoder.

Frame k shows step ``first + k·K`` (K steps per frame). The loop is synchronous and
deterministic; a ``progress(done, total)`` callback lets the command line draw a bar and
the app keep its window responsive, and returning ``False`` from it cancels: the
encoder then removes everything it wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from .encoders import ExportError, check_target, open_encoder
from .landscape_pane_widget import BALL_COLOURS, FORCE_COLOUR, VELOCITY_COLOUR
from .scenario import Scenario

DEFAULT_FPS = 30
#: Colours a GIF palette must keep exactly: balls and trails, arrows, black and white.
KEY_COLOURS = tuple(tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))
                    for c in BALL_COLOURS + (FORCE_COLOUR, VELOCITY_COLOUR, "#000000", "#ffffff"))
MAX_FRAMES = 100_000
AUTO_FRAME_LIMIT = 2000   # "the whole run" never means more than this many steps
_APP = None


@dataclass(frozen=True)
class ExportPlan:
    """What to export: where, which steps, how fast and how large.

    ``frames=None`` means the whole run up to the step where every ball has converged
    or diverged (at most :data:`AUTO_FRAME_LIMIT` steps).
    """

    path: str
    frames: Optional[int] = None
    steps_per_frame: int = 1
    fps: float = DEFAULT_FPS
    size: tuple[int, int] = (1200, 500)
    include_loss: bool = False
    first_step: int = 0

    def validate(self) -> "ExportPlan":
        check_target(self.path, self.size)
        if self.frames is not None and not 1 <= self.frames <= MAX_FRAMES:
            raise ExportError(f"frames must be between 1 and {MAX_FRAMES}, got {self.frames}")
        if not 1 <= self.steps_per_frame <= 10_000:
            raise ExportError(f"steps per frame must be between 1 and 10000, got {self.steps_per_frame}")
        if not 0 < self.fps <= 120:
            raise ExportError(f"fps must be between 1 and 120, got {self.fps:g}")
        if self.first_step < 0:
            raise ExportError(f"the first step must be >= 0, got {self.first_step}")
        return self


def frame_steps(plan: ExportPlan, last_step: int) -> list[int]:
    """The step shown by each frame."""
    if plan.frames is not None:
        count = plan.frames
    else:
        count = max(1, (last_step - plan.first_step) // plan.steps_per_frame + 1)
    return [plan.first_step + k * plan.steps_per_frame for k in range(count)]


def export_animation(scenario: Scenario, plan: ExportPlan,
                     progress: Callable[[int, int], bool] | None = None) -> int:
    """Write the animation; return the number of frames. Raises :class:`ExportError`.

    ``progress(done, total)`` is called after each frame; if it returns ``False`` the
    export stops, nothing is left behind, and ``0`` is returned.
    """
    from PySide6 import QtWidgets  # noqa: PLC0415 - Qt only when exporting

    from .animation_canvas import AnimationCanvas  # noqa: PLC0415

    plan.validate()
    global _APP  # a script or test may export without having made a QApplication
    _APP = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["momentum-lab"])
    canvas = AnimationCanvas(scenario, plan.size, include_loss=plan.include_loss)
    try:
        last = canvas.last_settled_step(AUTO_FRAME_LIMIT) if plan.frames is None else 0
        steps = frame_steps(plan, last)
        encoder = open_encoder(plan.path, plan.size, plan.fps, key_colours=KEY_COLOURS)
        try:
            for done, step in enumerate(steps, start=1):
                encoder.write(canvas.render(step))
                if progress is not None and progress(done, len(steps)) is False:
                    encoder.abort()
                    return 0
            encoder.finish()
        except BaseException:
            encoder.abort()
            raise
        return len(steps)
    finally:
        canvas.close_canvas()
