"""A lesson being taught: which step is on screen, what the student predicted, what plays.

*Predict, then watch*: on a step with a question the step's action (play, or play and
pause at step k) waits until the student has predicted — sketched a path or picked a
choice — or chosen to skip the prediction; a step without a question acts at once. The
prediction is kept until the step changes, so it stays drawn beside the real trail.

No Qt: the lesson dock (:mod:`app.qt.lesson_player`) shows this object and forwards the
student's clicks to it; everything it decides is tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lesson import Lesson, LessonStep


@dataclass(frozen=True)
class Action:
    """What the playback does when a step is watched: ``"play"`` (until every ball
    stops), ``"pause_at"`` (play, then pause at ``step``) or ``"wait"`` (at step 0)."""

    kind: str
    step: int | None = None


class LessonSession:
    """The step on screen and the student's prediction for it."""

    def __init__(self, lesson: Lesson, index: int = 0):
        self.lesson = lesson
        self.index = 0
        self.go(index)

    @property
    def step(self) -> LessonStep:
        return self.lesson.steps[self.index]

    @property
    def count(self) -> int:
        return len(self.lesson.steps)

    @property
    def has_previous(self) -> bool:
        return self.index > 0

    @property
    def has_next(self) -> bool:
        return self.index + 1 < self.count

    def go(self, index: int) -> LessonStep:
        """Show step ``index`` (clamped): a fresh step, nothing predicted or watched."""
        self.index = max(0, min(int(index), self.count - 1))
        self.sketch: list[tuple[float, float]] = []
        self.choice: int | None = None
        self.skipped = False
        self.watched = not self.step.asks     # a step without a question acts at once
        self.revealed = False                 # the run has played: say what it showed
        return self.step

    # -- predicting ------------------------------------------------------------------------

    def sketch_path(self, points) -> None:
        """The student drew ``points`` (landscape coordinates) as their predicted path."""
        if self.step.sketched and not self.watched:
            self.sketch = [(float(x), float(y)) for x, y in points]

    def pick(self, choice: int) -> None:
        """The student picked choice ``choice`` (0-based) as their prediction."""
        if self.step.choices and not self.watched and 0 <= choice < len(self.step.choices):
            self.choice = choice

    def skip(self) -> None:
        """Watch without predicting (a teacher going through the lesson again)."""
        self.skipped = True

    @property
    def predicted(self) -> bool:
        step = self.step
        if not step.asks:
            return True
        return len(self.sketch) >= 2 if step.sketched else self.choice is not None

    @property
    def can_watch(self) -> bool:
        return self.step.asks and not self.watched and (self.predicted or self.skipped)

    # -- watching --------------------------------------------------------------------------

    def action(self) -> Action:
        """The step's action as the playback should carry it out."""
        step = self.step
        if step.pause_at is not None:
            return Action("pause_at", step.pause_at)
        return Action("play") if step.play else Action("wait")

    def watch(self) -> Action:
        """The prediction is in: from now on the step plays (returns its action)."""
        self.watched = True
        return self.action()

    def reveal(self) -> None:
        """The run has played what the step shows: the answer may now be told."""
        self.revealed = self.watched

    @property
    def right(self) -> bool | None:
        """Once revealed, for a choice question: whether the pick was the answer."""
        if not self.revealed or self.choice is None or self.step.answer is None:
            return None
        return self.choice == self.step.answer
