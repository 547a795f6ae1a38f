"""The lesson dock's contents: the lesson list, the caption, the question and the buttons.

A view only: it shows a :class:`~app.model.lesson_session.LessonSession` in a language
(:meth:`show_session`) and sends the student's clicks out as signals; the
:class:`~app.qt.lesson_player.LessonPlayer` does the rest. Lesson text is user text
from a file, so every label shows it as plain text, never as markup.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from app.model.lesson import Lesson
from app.model.lesson_session import LessonSession
from app.model.translation import translate

PLAIN = QtCore.Qt.TextFormat.PlainText


def _label(point_size: int | None = None, bold: bool = False) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setTextFormat(PLAIN)
    label.setWordWrap(True)
    label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    font = label.font()
    if point_size:
        font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    return label


class _ChoiceRow(QtWidgets.QWidget):
    """A choice: a radio button and its text as a wrapping plain-text label (a radio
    button's own text never wraps — a long choice widened the dock past its edge — and
    would read "&" as a keyboard accelerator). Clicking the text picks the choice."""

    def __init__(self, text: str):
        super().__init__()
        row = QtWidgets.QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.button = QtWidgets.QRadioButton()
        self.label = _label()
        self.label.setText(text)
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.NoTextInteraction)
        row.addWidget(self.button, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.button.isEnabled() and event.button() == QtCore.Qt.MouseButton.LeftButton:
            self.button.click()
        super().mouseReleaseEvent(event)


class LessonWidget(QtWidgets.QWidget):
    """Pick a lesson, read its step, predict, watch, go on."""

    lesson_chosen = QtCore.Signal(int)      # index into the shipped lessons
    previous_requested = QtCore.Signal()
    next_requested = QtCore.Signal()
    watch_requested = QtCore.Signal()
    skip_requested = QtCore.Signal()
    choice_picked = QtCore.Signal(int)
    close_requested = QtCore.Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(260)
        self._names: list[str] = []
        self._choice_texts: list[str] = []
        layout = QtWidgets.QVBoxLayout(self)
        self.chooser = QtWidgets.QComboBox()
        # A long title must not widen the dock (and shrink the panes) as the zoom grows.
        self.chooser.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(16)
        self.chooser.setToolTip(translate("lesson",
                                          "The lessons that follow the lecture, in order"))
        self.chooser.activated.connect(
            lambda i: self.lesson_chosen.emit(i - 1) if i > 0 else None)
        layout.addWidget(self.chooser)
        # The step's words scroll (a long caption at 200 % zoom); the buttons stay put.
        page = QtWidgets.QWidget()
        words = QtWidgets.QVBoxLayout(page)
        words.setContentsMargins(0, 0, 0, 0)
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(page)
        layout.addWidget(self.scroll, 1)
        self.title = _label(13, bold=True)
        self.counter = _label()
        self.caption = _label(12)
        self.after = _label(12, bold=True)        # a step's "after": once the run has played
        for widget in (self.title, self.counter, self.caption, self.after):
            words.addWidget(widget)
        self.question_box = QtWidgets.QGroupBox(translate("lesson", "Predict first"))
        box = QtWidgets.QVBoxLayout(self.question_box)
        self.question = _label(12, bold=True)
        self.hint = _label()
        self.choices_layout = QtWidgets.QVBoxLayout()
        self.choice_group = QtWidgets.QButtonGroup(self)
        self.choice_group.idClicked.connect(self.choice_picked)
        self.watch = QtWidgets.QPushButton(translate("lesson", "Watch"))
        self.watch.setToolTip(translate("lesson",
                                        "Play the run and compare it with your prediction"))
        self.watch.clicked.connect(self.watch_requested)
        self.skip = QtWidgets.QPushButton(translate("lesson", "Watch without predicting"))
        self.skip.setFlat(True)
        self.skip.clicked.connect(self.skip_requested)
        self.feedback = _label(12, bold=True)
        for item in (self.question, self.hint, self.choices_layout, self.watch, self.skip,
                     self.feedback):
            (box.addLayout if isinstance(item, QtWidgets.QLayout) else box.addWidget)(item)
        words.addWidget(self.question_box)
        words.addStretch(1)
        row = QtWidgets.QHBoxLayout()
        self.previous = QtWidgets.QPushButton(translate("lesson", "◀ Previous"))
        self.next = QtWidgets.QPushButton(translate("lesson", "Next ▶"))
        self.previous.clicked.connect(self.previous_requested)
        self.next.clicked.connect(self.next_requested)
        self.close_button = QtWidgets.QPushButton(translate("lesson", "Close lesson"))
        self.close_button.clicked.connect(self.close_requested)
        for button in (self.previous, self.next):
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(self.close_button)
        self.show_session(None, "en")

    def list_lessons(self, lessons: list[Lesson], language: str) -> None:
        """Fill the chooser with the shipped lessons' titles."""
        self.chooser.clear()
        self.chooser.addItem(translate("lesson", "Choose a lesson…"))
        self._names = [lesson.name for lesson in lessons]
        for lesson in lessons:
            self.chooser.addItem(lesson.title.in_(language))

    def show_session(self, session: LessonSession | None, language: str) -> None:
        """Show ``session``'s step (``None``: no lesson open, only the chooser)."""
        open_ = session is not None
        for widget in (self.title, self.counter, self.caption, self.after, self.previous,
                       self.next, self.close_button):
            widget.setVisible(open_)
        self.question_box.setVisible(open_ and session.step.asks)
        shipped = open_ and session.lesson.name in self._names
        self.chooser.setCurrentIndex(self._names.index(session.lesson.name) + 1 if shipped else 0)
        if not open_:
            return
        step = session.step
        self.title.setText(session.lesson.title.in_(language))
        self.counter.setText(translate("lesson", "Step {number} of {count}").format(
            number=session.index + 1, count=session.count))
        self.caption.setText(step.caption.in_(language))
        self.after.setText(step.after.in_(language) if step.after and session.revealed else "")
        self.after.setVisible(bool(self.after.text()))
        self.previous.setEnabled(session.has_previous)
        self.next.setEnabled(session.has_next)
        if step.asks:
            self._show_question(session, language)

    def _show_question(self, session: LessonSession, language: str) -> None:
        step = session.step
        self.question.setText(step.question.in_(language))
        pane = step.prediction_pane + 1
        self.hint.setText(translate("lesson", "Sketch the path you expect on pane {pane}: "
                                    "press, drag, release.").format(pane=pane) if step.sketched
                          else translate("lesson", "Pick the answer you expect:"))
        self.hint.setVisible(not session.watched)
        self._set_choices([c.in_(language) for c in step.choices], session)
        self.watch.setVisible(not session.watched)
        self.skip.setVisible(not session.watched and not session.predicted)
        self.watch.setEnabled(session.predicted)
        self.feedback.setText(self._feedback(session, language))

    def _set_choices(self, texts: list[str], session: LessonSession) -> None:
        if self._choice_texts != texts:
            self._choice_texts = texts
            while self.choices_layout.count():
                row = self.choices_layout.takeAt(0).widget()
                self.choice_group.removeButton(row.button)
                row.deleteLater()
            for number, text in enumerate(texts):
                row = _ChoiceRow(text)
                self.choice_group.addButton(row.button, number)
                self.choices_layout.addWidget(row)
        self.choice_group.setExclusive(False)     # so a fresh step can show none picked
        for number in range(len(texts)):          # by id: buttons() has no set order
            button = self.choice_group.button(number)
            button.setChecked(number == session.choice)
            button.setEnabled(not session.watched)
        self.choice_group.setExclusive(True)

    def _feedback(self, session: LessonSession, language: str) -> str:
        if not session.revealed:
            return ""
        if session.right is True:
            return translate("lesson", "Right: the run shows it.")
        step = session.step
        if step.answer is not None:
            return translate("lesson", "The run shows: {answer}").format(
                answer=step.choices[step.answer].in_(language))
        if step.sketched and session.sketch:
            return translate("lesson", "Your prediction is the dashed line: "
                             "compare it with the trail.")
        return ""
