"""Teaching a lesson in the window: each step's scenario, views, frame, sketch and action.

The :class:`LessonPlayer` joins a :class:`~app.model.lesson_session.LessonSession` (what
the step is and what the student predicted) to the window: going to a step applies its
scenario through the workspace (so a step is undone and redone like any other change),
frames the highlighted pane, opens the views the step names and closes the ones an
earlier step opened, arms the prediction sketch, and — once the prediction is in —
plays. The lesson dock (:class:`~app.qt.lesson_widget.LessonWidget`) shows the session.
"""

from __future__ import annotations

import dataclasses
import math

import shiboken6
from PySide6 import QtCore, QtWidgets

from app.model.lesson import VIEWS, Lesson
from app.model.lesson_file import load_lesson
from app.model.lesson_library import lesson_folder, shipped_lessons
from app.model.lesson_session import Action, LessonSession
from app.model.scenario import ScenarioError
from app.model.theme import HIGHLIGHT_COLOUR
from app.model.translation import translate

from . import language
from .prediction_sketch import PredictionSketch

MESSAGE_MS = 10_000
PAUSE_AT_SECONDS = 10      # at most this long to reach a step's pause_at (speed allowing)
HIGHLIGHT = f"PaneWidget {{ border: 4px solid {HIGHLIGHT_COLOUR}; border-radius: 4px; }}"


class LessonPlayer(QtCore.QObject):
    """Opens lessons in ``window`` and walks their steps."""

    def __init__(self, window, widget):
        super().__init__(window)
        self.window, self.widget = window, widget
        self.language = language.current()
        self.session: LessonSession | None = None
        self.sketch: PredictionSketch | None = None
        self._opened: set[str] = set()       # views a step opened, to close after it
        self._scenario_shown = True          # the scenario dock, before the lesson hid it
        # Read when the lesson dock first shows, not at start-up: validating every shipped
        # lesson's scenarios (and the sympy a typed landscape needs) was a third of the
        # time to the first frame.
        self._lessons: list[Lesson] | None = None
        widget.list_lessons([], self.language)
        widget.lesson_chosen.connect(lambda i: self.open(self.lessons[i]))
        widget.previous_requested.connect(lambda: self.go(self.session.index - 1))
        widget.next_requested.connect(lambda: self.go(self.session.index + 1))
        widget.choice_picked.connect(self._picked)
        widget.watch_requested.connect(self.watch)
        widget.skip_requested.connect(self._skipped)
        widget.close_requested.connect(self.close)
        window.controller.play_started.connect(self._play_started)
        window.controller.play_stopped.connect(self._play_stopped)
        window.docks.lesson.toggleViewAction().toggled.connect(self._dock_toggled)

    # -- lessons --------------------------------------------------------------------------

    @property
    def lessons(self) -> list[Lesson]:
        """The shipped lessons, read on first use; the dock's chooser lists them then."""
        if self._lessons is None:
            try:
                self._lessons = shipped_lessons()
            except ScenarioError:            # a damaged install: the menu still works
                self._lessons = []
            self.widget.list_lessons(self._lessons, self.language)
            self.widget.show_session(self.session, self.language)   # it names the open one
        return self._lessons

    def open(self, lesson: Lesson) -> None:
        """Start ``lesson`` at its first step, with the lesson dock shown."""
        self._leave_step()
        docks = self.window.docks
        if self.session is None:
            # The lesson sets the scenario; its controls would only take the panes' room
            # (a projector's 1400 px hold the lesson, or the scenario, beside the panes).
            self._scenario_shown = not docks.scenario.isHidden()   # shown or not yet
            docks.scenario.hide()
        self.session = LessonSession(lesson)
        docks.lesson.show()
        docks.lesson.raise_()
        self._enter_step()

    def open_file_dialog(self) -> None:
        """File ▸ Open lesson…: a file dialog that starts among the shipped lessons."""
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, translate("lesson", "Open lesson"), str(lesson_folder()),
            translate("lesson", "Momentum Lab lessons (*.toml);;All files (*)"))
        if path:
            self.open_file(path)

    def open_file(self, path) -> str | None:
        """Open a teacher's lesson file; None when open, else one line saying why not."""
        try:
            lesson = load_lesson(path)
        except ScenarioError as error:
            self.window.statusBar().showMessage(str(error), MESSAGE_MS)
            return str(error)
        self.open(lesson)
        return None

    def carry_on(self, old: "LessonPlayer", scenario) -> None:
        """Go on with ``old``'s lesson where it was (View ▸ Language built this window):
        the step, the prediction and what was watched, the student's own changes to the
        scenario (its lesson title in this window's language), the scenario dock's state."""
        session = old.session
        self.open(session.lesson)
        self.go(session.index)
        self._scenario_shown = old._scenario_shown
        new = self.session
        new.sketch, new.choice = list(session.sketch), session.choice
        new.skipped, new.watched, new.revealed = session.skipped, session.watched, session.revealed
        if scenario.title == session.lesson.title.in_(old.language):
            scenario = dataclasses.replace(scenario,
                                           title=session.lesson.title.in_(self.language))
        self.window.request(lambda: self.window.workspace.apply(scenario))
        if self.sketch is not None:
            self.sketch.draw(new.sketch)
            self.sketch.arm(not new.watched)
        self._refresh()

    def caption(self) -> str:
        """The step on screen's caption in the window's language ("" without a lesson)."""
        if self.session is None:
            return ""
        return self.session.step.caption.in_(self.language)

    def close(self) -> None:
        """End the lesson: the frame, the sketch and the views it opened go; the last
        step's scenario stays on screen to play with."""
        self._leave_step()
        self._show_views(frozenset())          # the views the lesson opened go too
        if self.session is not None and self._scenario_shown:
            self.window.docks.scenario.show()
        self.session = None
        self.widget.show_session(None, self.language)

    def go(self, index: int) -> None:
        """Show step ``index`` (Previous / Next)."""
        if self.session is None or not 0 <= index < self.session.count:
            return
        self._leave_step()
        self.session.go(index)
        self._enter_step()

    # -- one step -------------------------------------------------------------------------

    def _enter_step(self) -> None:
        window, session = self.window, self.session
        step = session.step
        window.qactions["swarm"].setChecked(False)     # a lesson's balls are the panes'
        scenario = session.lesson.scenario_at(session.index, self.language)
        window.request(lambda: window.workspace.apply(scenario))
        panes = window.pane_row.panes
        if step.highlight is not None and step.highlight < len(panes):
            panes[step.highlight].setStyleSheet(HIGHLIGHT)
        self._show_views(step.show)
        if step.sketched and step.prediction_pane < len(panes):
            self.sketch = PredictionSketch(panes[step.prediction_pane].plot)
            self.sketch.sketched.connect(self._sketched)
            self.sketch.arm(True)
        self._refresh()
        if not step.asks:
            self._act(session.action())

    def _leave_step(self) -> None:
        self.window.controller.pause()
        for pane in self.window.pane_row.panes:
            if shiboken6.isValid(pane):
                pane.setStyleSheet("")
        sketch, self.sketch = self.sketch, None     # cleared first, whatever remove() meets
        if sketch is not None:
            sketch.remove()

    def _show_views(self, views) -> None:
        """Open the views the step names; close those an earlier step opened."""
        docks, actions = self.window.docks, self.window.qactions
        for view in VIEWS:
            on = view in views
            if not on and view not in self._opened:
                continue                       # the user's own choice: leave it
            if view == "overlay":
                actions["overlay"].setChecked(on)
            else:
                (docks.map if view == "map" else docks.physics).setVisible(on)
            (self._opened.add if on else self._opened.discard)(view)

    def _act(self, action: Action) -> None:
        controller = self.window.controller
        if self.session.step.speed is not None:
            controller.set_speed(self.session.step.speed)
        if action.kind == "pause_at":
            # A class waits seconds, not minutes: a far pause_at plays faster.
            controller.set_speed(max(controller.speed,
                                     math.ceil(action.step / PAUSE_AT_SECONDS)))
            controller.play_until(action.step)
        elif action.kind == "play":
            controller.play()
        if not controller.is_playing:          # nothing to play: say what it shows now
            self.session.reveal()
            self._refresh()

    # -- the student's input ---------------------------------------------------------------

    def watch(self) -> None:
        """The prediction is in: play the step (the sketch stays drawn)."""
        if self.session is None or not self.session.can_watch:
            return
        if self.sketch is not None:
            self.sketch.arm(False)
        self._act(self.session.watch())
        self._refresh()

    def _sketched(self, points) -> None:
        self.session.sketch_path(points)
        self._refresh()

    def _picked(self, choice: int) -> None:
        self.session.pick(choice)
        self._refresh()

    def _skipped(self) -> None:
        self.session.skip()
        self.watch()

    def _play_started(self) -> None:
        # Play pressed before predicting: a choice to watch now — with the step's own
        # pause and speed, as Watch would.
        session = self.session
        if session is not None and session.step.asks and not session.watched:
            session.skip()
            self.window.controller.pause()
            self.watch()

    def _play_stopped(self) -> None:
        # Told only once the step's run is done: a pause half-way (Space, an edit)
        # must not give the answer away before the run has shown it.
        session, controller = self.session, self.window.controller
        if session is None or not session.watched or session.revealed:
            return
        action = session.action()
        done = controller.at_end or (action.kind == "pause_at"
                                     and controller.step >= action.step)
        if done:
            session.reveal()
            self._refresh()

    def _dock_toggled(self, shown: bool) -> None:
        if shown:
            self.lessons                     # noqa: B018 - the chooser is filled on first sight
        # The lesson panel closed with its × or L: the panes take the mouse back.
        if self.sketch is not None and self.session is not None and not self.session.watched:
            self.sketch.arm(shown)

    def _refresh(self) -> None:
        self.widget.show_session(self.session, self.language)
