"""Lessons: the seed lecture's steps as data — a caption, a scenario, a question, an action.

A :class:`Lesson` is a title and a list of :class:`LessonStep`. Each step carries
everything the window needs to show it: the caption (in every language the file gives),
the *whole* scenario of that step (the file may write only the changes to the previous
step's; :mod:`app.model.lesson_file` resolves them when it reads the file), and what
happens on screen:

* ``question`` — *predict, then watch*: the student first answers, by sketching the path
  they expect on the pane (``choices`` empty) or by picking one of ``choices``; only
  then does the step's action run, and the prediction stays drawn beside the real trail.
  (Interactivity alone teaches little; predicting first does: ITiCSE 2025, "Are
  Interactive Visualizations in Machine Learning Education Helping Students?")
* ``pause_at`` — play from step 0 and pause at that step; ``play`` — play until every
  ball has stopped; neither — wait at step 0 for the student to press Play.
* ``highlight`` — the pane to frame (0-based), ``show`` — views to open (the (α, μ) map,
  the energy views, the overlay), ``speed`` — steps per second while the step plays.
* ``after`` — text said once the run has played (at once if the step does not play):
  the answer to the question, the moral of the run.

Lessons are data, never code: nothing here runs anything from a file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .language import DEFAULT
from .scenario import Scenario

#: What a step can open: the (α, μ) map dock, the energy dock, the overlay plot.
VIEWS = ("map", "energy", "overlay")


@dataclass(frozen=True)
class Text:
    """One piece of text in several languages: ``{"en": …, "pt": …}``."""

    by_language: tuple[tuple[str, str], ...]

    def in_(self, language: str) -> str:
        """The text in ``language``; else in English; else in whichever language there is."""
        texts = dict(self.by_language)
        return texts.get(language) or texts.get(DEFAULT) or next(iter(texts.values()))

    def languages(self) -> set[str]:
        return {code for code, _ in self.by_language}


@dataclass(frozen=True)
class LessonStep:
    """One step of a lesson (see the module docstring for each field's meaning)."""

    caption: Text
    scenario: Scenario
    question: Text | None = None
    choices: tuple[Text, ...] = ()
    answer: int | None = None          # index into choices of the right one
    pause_at: int | None = None
    play: bool = False
    highlight: int | None = None       # pane index, 0-based
    show: frozenset[str] = frozenset()
    after: Text | None = None
    speed: int | None = None

    @property
    def asks(self) -> bool:
        """The step asks for a prediction before it plays."""
        return self.question is not None

    @property
    def sketched(self) -> bool:
        """The prediction is a path drawn on a pane (a question without choices)."""
        return self.asks and not self.choices

    @property
    def prediction_pane(self) -> int:
        """The pane the student sketches on: the highlighted one, else the first."""
        return self.highlight if self.highlight is not None else 0


@dataclass(frozen=True)
class Lesson:
    """A titled list of steps; ``name`` is how ``momentum-lab --lesson NAME`` finds it."""

    name: str
    title: Text
    steps: tuple[LessonStep, ...]

    def scenario_at(self, index: int, language: str) -> Scenario:
        """Step ``index``'s scenario, titled with the lesson's title unless it has its own
        (the title leads the window title and the exported frames' header)."""
        scenario = self.steps[index].scenario
        if scenario.title:
            return scenario
        return dataclasses.replace(scenario, title=self.title.in_(language))
