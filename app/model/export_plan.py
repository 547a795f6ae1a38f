"""Export planning: which steps an animation shows, and the loop that writes its frames.

Like napari-animation's ``Animation.animate``, the loop is a plain iteration over the
frames into an encoder opened for the target, and it knows nothing of Qt: the picture of
a step comes from a ``render(step) -> (H, W, 3) uint8`` callable (the Qt canvas of
:mod:`app.qt.animation_canvas` in the app and the command line, anything in a test).

Frame k shows step ``first + k·K`` (K steps per frame). With no frame count the
animation runs until every ball has converged or diverged. A ``progress(done, total)``
callback lets the command line draw a bar and the app keep its window responsive;
returning ``False`` from it cancels, and the encoder then removes everything it wrote.

The loop is a two-stage pipeline: while a worker thread hands frame k to the encoder
(piping it to ffmpeg or to the GIF writer's process: a wait that releases the GIL), the
caller's thread renders frame k + 1, so an export costs about max(render, encode) a
frame, not their sum.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from app.encoders import Encoder, ExportError, check_target, open_encoder
from physics.simulation import Comparison

from .theme import (BALL_COLOURS, DARK, DARK_BALL_COLOURS, FORCE_COLOUR, PALETTES,
                    VELOCITY_COLOUR, rgb)
from .translation import translate

DEFAULT_FPS = 30
MAX_FRAMES = 100_000
AUTO_FRAME_LIMIT = 2000   # "the whole run" never means more than this many steps
IN_FLIGHT = 2             # frames rendered ahead of the encoder: memory stays flat
#: Colours a GIF palette must keep exactly: balls and trails, arrows, black and white.
KEY_COLOURS = tuple(rgb(c) for c in BALL_COLOURS + DARK_BALL_COLOURS + (
    FORCE_COLOUR, VELOCITY_COLOUR, "#000000", "#ffffff", DARK.background))

Render = Callable[[int], np.ndarray]
Progress = Callable[[int, int], bool]


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
    equal_axes: Optional[bool] = None     # None: the landscape's default, as the window opens
    overlay: bool = False                 # every pane's ball on one plot (View ▸ Overlay)
    swarm: bool = False                   # a grid of balls per pane (View ▸ Swarm)
    background: str = "light"             # a name of theme.PALETTES: "dark" for dark slides
    caption: str = ""                     # a lesson step's caption, under the header
    views: tuple[str, ...] = ()           # beside the panes: "map", "energy" (the docks)
    map_measure: str = "steps-to-tol"     # the map's measure and steps (the map dock's)
    map_steps: int = 1000

    def validate(self) -> "ExportPlan":
        check_target(self.path, self.size)
        if self.frames is not None and not 1 <= self.frames <= MAX_FRAMES:
            raise ExportError(translate("export errors", "frames must be between 1 and {limit}, "
                                        "got {value}").format(limit=MAX_FRAMES, value=self.frames))
        if not 1 <= self.steps_per_frame <= 10_000:
            raise ExportError(translate("export errors", "steps per frame must be between 1 and "
                                        "10000, got {value}").format(value=self.steps_per_frame))
        if not 1 <= self.fps <= 120:
            raise ExportError(translate("export errors", "fps must be between 1 and {limit}, got "
                                        "{value}").format(limit=120, value=f"{self.fps:g}"))
        if self.overlay and self.swarm:
            raise ExportError(translate("export errors", "an export shows the overlay or swarm "
                                        "mode, not both: turn one of them off"))
        if self.background not in PALETTES:
            raise ExportError(translate("export errors", "background must be 'light' or 'dark', "
                                        "got {value}").format(value=repr(self.background)))
        unknown = [view for view in self.views if view not in ("map", "energy")]
        if unknown:
            raise ExportError(translate("export errors", "an export shows the views 'map' and "
                                        "'energy' beside its panes, not {value}").format(
                                            value=repr(unknown[0])))
        if self.first_step < 0:
            raise ExportError(translate("export errors", "the first step must be >= 0, got {value}")
                              .format(value=self.first_step))
        return self


def last_settled_step(run: Comparison, limit: int = AUTO_FRAME_LIMIT) -> int:
    """The first step where every ball has converged or diverged (or ``limit``)."""
    last = run.ensure(limit)
    for step in range(0, last + 1, max(1, last // 2000)):
        if run.all_settled(step):
            return step
    return last


def frame_steps(plan: ExportPlan, last_step: int) -> list[int]:
    """The step shown by each frame (``last_step`` sizes a whole-run export)."""
    if plan.frames is not None:
        count = plan.frames
    else:
        count = max(1, (last_step - plan.first_step) // plan.steps_per_frame + 1)
    return [plan.first_step + k * plan.steps_per_frame for k in range(count)]


def planned_steps(plan: ExportPlan, run: Comparison) -> list[int]:
    """The frames' steps for this run (a whole-run export ends where every ball settled)."""
    return frame_steps(plan, last_settled_step(run) if plan.frames is None else 0)


def open_plan_encoder(plan: ExportPlan) -> Encoder:
    """The encoder for the plan's file (its process starts now: open it early)."""
    return open_encoder(plan.path, plan.size, plan.fps, key_colours=KEY_COLOURS)


def write_animation(plan: ExportPlan, steps: list[int], render: Render,
                    progress: Progress | None = None, encoder: Encoder | None = None) -> int:
    """Render each step into the plan's encoder; return the frame count (0 if cancelled).

    ``render(step)`` must return a new array each time, or one it never changes again:
    the encoder may still be reading a frame while the next one renders. ``encoder`` is
    one from :func:`open_plan_encoder` (None: opened here); it is finished or aborted
    here. Raises :class:`ExportError`; on any failure or cancel nothing is left behind.
    """
    if encoder is None:
        encoder = open_plan_encoder(plan)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="encoder")
    writing: deque = deque()
    try:
        for done, step in enumerate(steps, start=1):
            frame = render(step)
            while len(writing) >= IN_FLIGHT:
                writing.popleft().result()   # the encoder's error, if any, surfaces here
            writing.append(pool.submit(encoder.write, frame))
            if progress is not None and progress(done, len(steps)) is False:
                wait(writing)
                encoder.abort()
                return 0
        while writing:
            writing.popleft().result()
        encoder.finish()
    except BaseException:
        # Let the frame being written finish before abort() (not two threads in the
        # encoder at once) — but not forever: abort() stops a stuck ffmpeg, which ends it.
        wait(writing, timeout=5)
        encoder.abort()
        raise
    finally:
        pool.shutdown(wait=True)
    return len(steps)
