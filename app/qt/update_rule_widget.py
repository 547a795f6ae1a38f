"""A pane's update rule in the lecture's notation, with the numbers of the step on screen.

The text comes from :func:`app.model.update_rule.update_rule`; this widget only shows it.
It takes the :class:`PlaybackController` and follows ``readout_changed`` (the step whose
numbers are on screen) and ``comparison_changed`` (a new run starts at step 0).

Layout choices:

* **Below the plot, inside the pane**, not beside it. Four panes in a row leave about
  330 px each (500 in the 2×2 grid a narrower window puts them in); a column wide
  enough for ``p⁽⁶⁾ = 0.9·(0.311, −1.41)`` (some 30 monospace characters, 220 px) would
  leave the plot about 100 px wide, while below the plot the panel borrows height,
  which the splitter and the loss plot can give back. When every pane is wide enough
  (two panes at 1400 px) the formula and the numbers sit side by side and the panel
  needs less height; the pane row decides that for all panes at once.
* **A set height** for the rule's number of lines (:data:`app.model.rule_text.LINE_COUNTS`,
  the same at every step), so stepping never re-lays out the pane and makes its plot
  redraw its contours; the pane row gives every pane the height of the row's longest
  rule, so the plots stay level. The panel takes at most :data:`ROOM` of the pane's
  height; a rule longer than that (Adam's, in four panes at 800 px) scrolls rather than
  squeeze the plot. That height is the panel's preferred one, not a floor: in a window
  with no room left (zoomed in, both docks open) the panel gives way down to one line
  and scrolls, so it never makes the window taller than the screen. The text follows
  the window's zoom, and the panel measures its lines again when it changes.
* **Dark, with the arrows' colours.** The gradient term is drawn in the force arrow's
  colour and p (or the step ΔW) in the velocity arrow's (:mod:`app.model.theme`); both
  were picked to show on the viridis contours and are unreadable on a light panel, so
  the panel is dark like the plot under them.
* **The next step.** The update shown is the one from the step on screen to the next, so
  the panel asks the run for that next iterate (:meth:`Comparison.ensure`), as the
  controller does to draw the ball towards it; the history is computed on demand and
  deterministic, so asking early changes no number anywhere.
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtGui, QtWidgets

from app.model import rule_text
from app.model.rule_text import CONVENTIONS, FORCE, LINE_COUNTS, VELOCITY, Line
from app.model.theme import FORCE_COLOUR, VELOCITY_COLOUR
from app.model.translation import translate
from app.model.update_rule import formula_for, update_rule

from .playback_controller import PlaybackController

FONT_POINTS = 9.0                 # the Unicode superscripts are unreadable below 9 pt
LINE_HEIGHT = 0.9                 # of the font's line spacing, which is generous
ROOM, MIN_LINES = 0.36, 4         # at most 36 % of the pane: a taller rule scrolls
NUMBERS_CHARS, COLUMN_GAP = 34, 2   # side by side only if the numbers get this many characters
MARGIN, GAP = 6, 4
UNLIMITED = 16777215              # Qt's QWIDGETSIZE_MAX (PySide6 does not export it)
BACKGROUND, TEXT = "#1e2229", "#d8dce3"
ROLE_STYLES = {FORCE: f"color:{FORCE_COLOUR}; font-weight:bold",
               VELOCITY: f"color:{VELOCITY_COLOUR}"}


def rich_text(lines: tuple[Line, ...]) -> str:
    """The lines as Qt rich text: spaces kept (the ``=`` signs line up), roles coloured."""
    rows = ["".join(f"<span style='{ROLE_STYLES[role]}'>{html.escape(text)}</span>"
                    if role else html.escape(text) for text, role in line) for line in lines]
    return (f"<div style='white-space:pre; line-height:{LINE_HEIGHT:.0%}'>"
            f"{'<br>'.join(rows)}</div>")


class UpdateRuleWidget(QtWidgets.QScrollArea):
    """Pane ``index``'s rule (left or top) and the same rule with this step's numbers."""

    def __init__(self, controller: PlaybackController, index: int, parent=None):
        super().__init__(parent)
        self.controller, self.index = controller, index
        self._step = 0
        self._side_by_side = False
        font = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(FONT_POINTS)
        self._take_measures(font)
        body = QtWidgets.QWidget()
        body.setObjectName("updateRuleBody")
        self.setStyleSheet(f"QScrollArea, #updateRuleBody {{ background: {BACKGROUND}; "
                           f"border: none }} QLabel {{ color: {TEXT} }}")
        self.formula_label, self.numbers_label = (self._label(font) for _ in range(2))
        # The window's zoom scales the labels' font (app.qt.presenter): measure again.
        self.formula_label.installEventFilter(self)
        self.box = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.TopToBottom, body)
        self.box.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN // 2)
        self.box.setSpacing(GAP)
        self.box.addWidget(self.formula_label)
        self.box.addWidget(self.numbers_label, 1)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never widen the pane: a line too long for it is cut, the plot keeps its width.
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                           QtWidgets.QSizePolicy.Policy.Preferred)
        self._preferred = 0                # the height _fit decided
        self._room = float("inf")          # until the pane says how tall it is
        self.set_line_counts(0, 0)
        controller.readout_changed.connect(self._show_step)
        controller.comparison_changed.connect(self._new_comparison)

    def _take_measures(self, font) -> None:
        self._char_width = QtGui.QFontMetricsF(font).horizontalAdvance("0")
        self._first_line, self._line_height = self._measure(font)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        # (The scroll area filters its own viewport's events too, from before the labels.)
        if (event.type() == QtCore.QEvent.Type.FontChange
                and watched is getattr(self, "formula_label", None)):
            self._take_measures(self.formula_label.font())
            self._set_formula_width()
            self._fit()
        return super().eventFilter(watched, event)

    @classmethod
    def _measure(cls, font) -> tuple[float, float]:
        """``(height of one line, height each further line adds)`` as a label lays out
        :func:`rich_text`: measured, since the superscripts' fallback glyphs and the
        line-height rule make it differ from the font's line spacing."""
        label, heights = cls._label(font), []
        for lines in (1, 11):
            label.setText(rich_text(((("p⁽ᵗ⁺¹⁾ = (0, 0)", ""),),) * lines))
            heights.append(label.sizeHint().height())
        return float(heights[0]), (heights[1] - heights[0]) / 10

    @staticmethod
    def _label(font) -> QtWidgets.QLabel:
        label = QtWidgets.QLabel()
        label.setFont(font)
        label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        label.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop)
        label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                            QtWidgets.QSizePolicy.Policy.Preferred)
        return label

    # -- size -------------------------------------------------------------------------------

    def set_line_counts(self, formula: int, numbers: int) -> None:
        """Make room for ``formula`` and ``numbers`` lines: the pane row passes the longest
        rule of the row, so every pane's plot keeps the same height."""
        self._row_counts = (formula, numbers)
        self._fit()

    def set_pane_height(self, height: int) -> None:
        """The pane's height: the panel takes at most :data:`ROOM` of it (and scrolls)."""
        self._room = max(ROOM * height, self._height((0, MIN_LINES)))
        self._fit()

    def _formula_chars(self) -> int:
        run = self.controller.comparison
        if self.index >= run.shape[0]:
            return 0
        return max(len(rule_text.plain(line)) for line in formula_for(run, self.index))

    def _own_counts(self) -> tuple[int, int]:
        run = self.controller.comparison
        if self.index >= run.shape[0]:
            return (0, 0)
        return LINE_COUNTS[run.settings[self.index].name]

    def _height(self, counts: tuple[int, int]) -> float:
        def block(lines: int) -> float:
            return self._first_line + (lines - 1) * self._line_height if lines else 0.0

        formula, numbers = counts
        if self._side_by_side:
            return max(block(formula), block(numbers)) + MARGIN + 2
        return block(formula) + GAP + block(numbers) + MARGIN + 2

    def _fit(self) -> None:
        own = self._own_counts()
        row = tuple(max(a, b) for a, b in zip(own, self._row_counts, strict=True))
        # The body is as tall as this pane's own rule: only a rule that needs more room
        # than the panel has scrolls, not every pane of a row that holds one.
        self.widget().setMinimumHeight(int(self._height(own)))
        # Preferred, never more; less only when the window has no room left at all.
        self._preferred = int(min(self._height(row), self._room))
        self.setMaximumHeight(self._preferred)
        self.setMinimumHeight(min(self._preferred, int(self._height((0, 1)))))
        self.updateGeometry()

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 - Qt API
        # The decided height, not the text's: stepping never changes the layout.
        return QtCore.QSize(super().sizeHint().width(), self._preferred)

    def side_by_side_width(self) -> float:
        """How wide the panel must be to show this run's formula and the numbers side by
        side (the numbers given :data:`NUMBERS_CHARS`)."""
        return (self._formula_chars() + COLUMN_GAP + NUMBERS_CHARS) * self._char_width \
            + 2 * MARGIN

    def set_side_by_side(self, on: bool) -> None:
        """Formula and numbers side by side (``True``) or the formula above (``False``).

        The pane row decides once for all its panes, from the width each gets: panes a
        pixel apart must not choose differently, or their plots would differ in height.
        """
        if on == self._side_by_side:
            return
        self._side_by_side = on
        direction = QtWidgets.QBoxLayout.Direction
        self.box.setDirection(direction.LeftToRight if on else direction.TopToBottom)
        self.box.setSpacing(int(COLUMN_GAP * self._char_width) if on else GAP)
        self._set_formula_width()
        self._fit()

    def _set_formula_width(self) -> None:
        """Side by side the formula keeps a column as wide as its longest line; stacked
        both blocks take the full width. (The policy too: a box layout gives an Ignored
        label no width of its own.)"""
        policy, label = QtWidgets.QSizePolicy.Policy, self.formula_label
        if self._side_by_side:
            label.setSizePolicy(policy.Fixed, policy.Preferred)
            label.setFixedWidth(int(self._formula_chars() * self._char_width) + 2)
        else:
            label.setSizePolicy(policy.Ignored, policy.Preferred)
            label.setMinimumWidth(0)
            label.setMaximumWidth(UNLIMITED)

    # -- content ----------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._render()      # steps taken while hidden were not drawn

    def _show_step(self, step: int) -> None:
        self._step = step
        if not self.isHidden():
            self._render()

    def _new_comparison(self) -> None:
        # A new run always starts at step 0 (PlaybackController.set_comparison): never
        # compute the new run up to the old run's step.
        self._set_formula_width()   # the pane's optimizer, its noise, its rule's length
        self._fit()                 # may all have changed
        self._show_step(0)

    def _render(self) -> None:
        run = self.controller.comparison
        if self.index >= run.shape[0]:      # a pane the new run does not have yet
            return
        step = min(self._step, run.computed_steps)
        run.ensure(step + 1)
        rule = update_rule(run, self.index, step)
        self.formula_label.setText(rich_text(rule.formula))
        self.numbers_label.setText(rich_text(rule.numbers))
        self.setToolTip(CONVENTIONS[rule.optimizer] + " " + translate(
            "rule", "Squares, roots and quotients are per coordinate; numbers to 3 "
            "significant digits."))
