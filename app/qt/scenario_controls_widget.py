"""The scenario controls: landscape (built-in or typed), start point, noise, seed, batch size, panes.

The widget edits nothing itself: it emits :attr:`change_requested` with a dict of
:class:`~app.model.scenario.Scenario` fields, and the workspace applies them if they validate. A bad
expression is marked in place (red field, message under it) and the last good landscape
stays on screen.

The expression field is always open for typing, like a browser's address bar: Enter runs
what was typed (the chooser then says "Custom expression…"), Escape puts back the
expression that runs. A new built-in landscape empties the field, so what it shows is
either what runs or what is being typed, never a stale expression; the last custom one
comes back when "Custom expression…" is chosen.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from app.model.landscape_titles import landscape_title
from app.model.scenario import MAX_PANES, Scenario
from app.model.translation import translate
from physics.builtins import BUILTIN_NAMES, builtin
from physics.limits import MAX_SEED

from .signals_blocked import signals_blocked

CUSTOM = "custom expression"
ERROR_STYLE = "QLineEdit { border: 2px solid #d0021b; background: #fff0f0; }"


def _spin(low: float, high: float, decimals: int, step: float, tip: str) -> QtWidgets.QDoubleSpinBox:
    box = QtWidgets.QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setKeyboardTracking(False)
    box.setToolTip(tip)
    return box


class ScenarioControlsWidget(QtWidgets.QWidget):
    """Landscape chooser, expression field, start, noise and panes."""

    change_requested = QtCore.Signal(dict)
    add_pane_requested = QtCore.Signal()
    remove_pane_requested = QtCore.Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QtWidgets.QFormLayout(self)
        self.landscape = QtWidgets.QComboBox()
        # The longest title must not set the dock's width (at 200 % zoom it took the
        # panes' room); the open list still shows whole titles.
        self.landscape.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.landscape.setMinimumContentsLength(18)
        for name in BUILTIN_NAMES:
            self.landscape.addItem(landscape_title(builtin(name)), name)
        self.landscape.addItem(translate("scenario", "Custom expression…"), CUSTOM)
        self.landscape.setToolTip(translate("scenario", "The loss surface the balls roll on"))
        self.expression = QtWidgets.QLineEdit()
        self.expression.setPlaceholderText(
            translate("scenario", "e.g. 0.5*(x**2 + 100*y**2)  or  sin(x) + y^2"))
        self.expression.setToolTip(translate(
            "scenario", "An expression in x and y: numbers, + - * / ** ^, sin cos tan exp log "
                        "sqrt abs tanh …, pi, e. Numbers use a decimal point: 0.5. Enter runs "
                        "it, Escape puts back the one that runs."))
        self._landscape_shown: str | None = None    # the scenario's landscape, as last shown
        self._custom_expression = ""                # the last custom expression that ran
        self.expression_error = QtWidgets.QLabel()
        self.expression_error.setStyleSheet("color: #d0021b")
        self.expression_error.setWordWrap(True)
        self.expression_error.hide()
        self.start_x = _spin(-1e6, 1e6, 4, 0.1, translate(
            "scenario", "Start x (or Shift+click a pane). Numbers use a decimal point: 0.5"))
        self.start_y = _spin(-1e6, 1e6, 4, 0.1, translate(
            "scenario", "Start y (or Shift+click a pane). Numbers use a decimal point: 0.5"))
        start_row = QtWidgets.QHBoxLayout()
        start_row.addWidget(self.start_x)
        start_row.addWidget(self.start_y)
        self.sigma = _spin(0.0, 1e4, 4, 0.05, translate(
            "scenario", "Gradient noise σ: g̃ = ∇L + σξ, the same draw for every pane. "
                        "Numbers use a decimal point: 0.5"))
        self.seed = QtWidgets.QSpinBox()
        self.seed.setRange(0, MAX_SEED)      # the cap validation applies: every seed fits
        self.seed.setKeyboardTracking(False)
        self._seed_tip = translate(
            "scenario", "Random seed for noise and minibatches (same seed, same run)")
        self.seed.setToolTip(self._seed_tip)
        self.batch = QtWidgets.QSpinBox()
        self.batch.setRange(0, 64)
        self.batch.setSpecialValueText(translate("scenario", "full batch"))
        self.batch.setKeyboardTracking(False)
        self.batch.setToolTip(translate("scenario", "Minibatch size (the landscapes with data: "
                                                    "regression and network)"))
        panes_row = QtWidgets.QHBoxLayout()
        self.add_pane = QtWidgets.QPushButton(translate("scenario", "Add pane"))
        self.add_pane.setToolTip(translate(
            "scenario", "Compare up to {count} optimizers side by side").format(count=MAX_PANES))
        self.remove_pane = QtWidgets.QPushButton(translate("scenario", "Remove pane"))
        panes_row.addWidget(self.add_pane)
        panes_row.addWidget(self.remove_pane)
        self.same_alpha = QtWidgets.QCheckBox(translate("scenario", "same α in every pane"))
        self.same_alpha.setChecked(True)
        self.same_alpha.setToolTip(translate(
            "scenario", "Changing α in an SGD, Momentum or Nesterov pane changes it in all three "
                        "(a fair race). Adam, RMSprop and Adagrad keep their own α: for them it "
                        "is a step length, not a force."))

        form.addRow(translate("scenario", "landscape"), self.landscape)
        form.addRow(translate("scenario", "expression"), self.expression)
        form.addRow("", self.expression_error)
        form.addRow(translate("scenario", "start x, y"), start_row)
        form.addRow(translate("scenario", "noise σ"), self.sigma)
        form.addRow(translate("scenario", "seed"), self.seed)
        form.addRow(translate("scenario", "batch size"), self.batch)
        form.addRow(panes_row)
        form.addRow(self.same_alpha)

        self.landscape.activated.connect(self._landscape_chosen)
        self.expression.returnPressed.connect(self._expression_entered)
        self.start_x.valueChanged.connect(self._start_edited)
        self.start_y.valueChanged.connect(self._start_edited)
        self.sigma.valueChanged.connect(lambda v: self.change_requested.emit({"sigma": float(v)}))
        self.seed.valueChanged.connect(lambda v: self.change_requested.emit({"seed": int(v)}))
        self.batch.valueChanged.connect(
            lambda v: self.change_requested.emit({"batch_size": int(v) or None}))
        self.add_pane.clicked.connect(self.add_pane_requested)
        self.remove_pane.clicked.connect(self.remove_pane_requested)

    # -- showing the scenario ----------------------------------------------------------------

    def show_scenario(self, scenario: Scenario) -> None:
        """Reflect ``scenario`` in the fields without emitting anything."""
        with signals_blocked(self.landscape, self.expression, self.start_x, self.start_y,
                             self.sigma, self.seed, self.batch):
            self._fill(scenario)

    def _fill(self, scenario: Scenario) -> None:
        index = self.landscape.findData(scenario.landscape)
        custom = index < 0
        self.landscape.setCurrentIndex(self.landscape.findData(CUSTOM) if custom else index)
        # Only a new landscape rewrites the field: changing σ must not wipe what is typed.
        if scenario.landscape != self._landscape_shown:
            self._landscape_shown = scenario.landscape
            if custom:
                self._custom_expression = scenario.landscape
            self.expression.setText(self._running_expression())
        x, y = scenario.resolved_start()
        self.start_x.setValue(x)
        self.start_y.setValue(y)
        self.sigma.setValue(scenario.sigma)
        self.seed.setValue(scenario.seed)
        # Many seeds run seeds 0..N−1: the one seed is not used then, and says so.
        many = scenario.seeds is not None
        self.seed.setEnabled(not many)
        self.seed.setToolTip(translate("scenario", "Many seeds: every pane runs seeds 0–{last}")
                             .format(last=scenario.seeds - 1) if many else self._seed_tip)
        self.batch.setValue(scenario.batch_size or 0)
        # The landscapes with data take minibatches (the landscape says so: its batch).
        self.batch.setEnabled(scenario.resolved_landscape().batch is not None)
        self.add_pane.setEnabled(len(scenario.panes) < MAX_PANES)
        self.remove_pane.setEnabled(len(scenario.panes) > 1)

    def show_expression_error(self, message: str) -> None:
        """Mark the expression field bad; the last good landscape stays."""
        self.expression.setStyleSheet(ERROR_STYLE)
        self.expression_error.setText(message)
        self.expression_error.show()

    def clear_expression_error(self) -> None:
        self.expression.setStyleSheet("")
        self.expression_error.hide()

    def revert_expression(self) -> None:
        """Show the expression that runs again (empty for a built-in), unmarked."""
        self.expression.setText(self._running_expression())
        self.clear_expression_error()

    def _running_expression(self) -> str:
        shown = self._landscape_shown
        return shown if shown is not None and self.landscape.findData(shown) < 0 else ""

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802 - Qt API
        # Only keys a child ignored arrive here. Ignored again, Enter and Escape go on up
        # to the window, which gives the keyboard back to the panes.
        if self.expression.hasFocus():
            if event.key() == QtCore.Qt.Key.Key_Escape:
                self.revert_expression()
            elif (event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter)
                  and not self.expression_error.isHidden()):
                event.accept()      # refused: the focus stays in the field, to fix it
                return
        super().keyPressEvent(event)

    # -- user edits ----------------------------------------------------------------------------

    def _landscape_chosen(self, index: int) -> None:
        name = self.landscape.itemData(index)
        if name == CUSTOM:
            if not self.expression.text().strip():
                self.expression.setText(self._custom_expression)
            self.expression.setFocus()
            if self.expression.text().strip():
                self._expression_entered()
            return
        self.clear_expression_error()
        self.change_requested.emit({"landscape": name, "start": None, "domain": None})

    def _expression_entered(self) -> None:
        self.change_requested.emit({"landscape": self.expression.text(), "start": None,
                                    "domain": None})

    def _start_edited(self, *_):
        self.change_requested.emit({"start": (self.start_x.value(), self.start_y.value())})
