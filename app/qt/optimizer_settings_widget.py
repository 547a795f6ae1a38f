"""A pane's optimizer and hyperparameters: α on a log slider, μ, the betas (or ρ), AdamW's λ.

Each slider is paired with a number field; either one drives the other. The widget
emits :attr:`settings_changed` with a new :class:`OptimizerSettings` whenever the user
changes a value (and only then: programmatic updates are silent).
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtWidgets

from app.model.translation import translate
from optimizers.registry import (OPTIMIZER_NAMES, TITLES, USES_BETA1, USES_BETA2, USES_MU,
                                 USES_RHO, USES_WEIGHT_DECAY, OptimizerSettings)
from physics.limits import MAX_STEPS

from .signals_blocked import signals_blocked

ALPHA_MIN_LOG, ALPHA_MAX_LOG = -5.0, 1.0
SLIDER_TICKS = 1000
MIN_WIDTH = 60     # pixels: a pane this narrow cuts its settings' line, it never widens
COMPACT_SLIDER = 0.5       # of a slider's preferred width: what a compact line plans for it
MIN_SLIDER = 0.6           # of it: a compact slider left less than this is hidden
COMPACT_SCHEDULE_CHARS = 9   # the schedule menu, compact: "constant" and the like


class _SliderField(QtWidgets.QWidget):
    """A slider paired with an exact number field; either one drives the other.

    ``to_fraction``/``from_fraction`` map a value to the slider's position in [0, 1] and
    back (linear for μ and the betas, logarithmic for α); slider values are rounded to
    ``digits`` significant digits so dragging gives tidy numbers.
    """

    value_changed = QtCore.Signal(float)

    def __init__(self, low, high, decimals, step, tip, to_fraction, from_fraction, digits,
                 parent=None):
        super().__init__(parent)
        self._to_fraction, self._from_fraction, self._digits = to_fraction, from_fraction, digits
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_TICKS)
        self.slider.setToolTip(tip)
        self.field = QtWidgets.QDoubleSpinBox()
        self.field.setDecimals(decimals)
        self.field.setRange(low, high)
        self.field.setSingleStep(step)
        self.field.setKeyboardTracking(False)
        self.field.setToolTip(tip)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.field)
        self.slider.valueChanged.connect(self._from_slider)
        self.field.valueChanged.connect(self._from_field)
        self._quiet = False

    def set_value(self, value: float) -> None:
        self._quiet = True
        try:
            self.field.setValue(value)
            self.slider.setValue(round(self._to_fraction(value) * SLIDER_TICKS))
        finally:
            self._quiet = False

    def value(self) -> float:
        return self.field.value()

    def _from_slider(self, tick: int) -> None:
        if self._quiet:
            return
        value = float(f"{self._from_fraction(tick / SLIDER_TICKS):.{self._digits}g}")
        self._quiet = True
        self.field.setValue(value)
        self._quiet = False
        self.value_changed.emit(self.field.value())

    def _from_field(self, value: float) -> None:
        if self._quiet:
            return
        self.set_value(value)
        self.value_changed.emit(value)


def _alpha_field() -> _SliderField:
    """α on a log slider over [1e-5, 10]."""
    span = ALPHA_MAX_LOG - ALPHA_MIN_LOG
    return _SliderField(10 ** ALPHA_MIN_LOG, 10 ** ALPHA_MAX_LOG, 6, 0.001,
                        translate("settings", "Learning rate α (log scale): the force's strength"),
                        lambda a: (math.log10(a) - ALPHA_MIN_LOG) / span,
                        lambda f: 10 ** (ALPHA_MIN_LOG + span * f), 3)


def _unit_field(low: float, high: float, tip: str) -> _SliderField:
    """A value in [low, high] on a linear slider (μ, β₁, β₂)."""
    return _SliderField(low, high, 4, 0.01, tip, lambda v: (v - low) / (high - low),
                        lambda f: low + (high - low) * f, 3)


class OptimizerSettingsWidget(QtWidgets.QWidget):
    """Optimizer chooser and its hyperparameters for one pane.

    In full (a pane in a row) every setting has a line of its own: a label, a slider and
    its number field. Compact (:meth:`set_compact`, a pane in a grid) the settings follow
    one another on a line — the optimizer, α, μ (or Adam's betas), the schedule — and
    wrap onto a next line only when the pane is too narrow for them; the sliders take
    what width is left, and give it up first.
    """

    settings_changed = QtCore.Signal(object)

    def __init__(self, settings: OptimizerSettings, parent=None):
        super().__init__(parent)
        self._settings = settings
        self.optimizer = QtWidgets.QComboBox()
        for name in OPTIMIZER_NAMES:
            self.optimizer.addItem(TITLES[name], name)
        self.optimizer.setToolTip(translate("settings", "Update rule for this pane"))
        self.alpha = _alpha_field()
        self.mu = _unit_field(0.0, 1.0, translate(
            "settings", "Momentum μ: the fraction of velocity kept each step (friction 1 − μ)"))
        self.beta1 = _unit_field(0.0, 0.999, translate(
            "settings", "β₁: the first-moment decay of Adam, AdamW and NAdam"))
        self.beta2 = _unit_field(0.0, 0.9999, translate(
            "settings", "β₂: the second-moment decay of Adam, AdamW and NAdam; ρ: the "
            "smoothing of RMSprop's and Adadelta's running averages"))
        self.weight_decay = _unit_field(0.0, 0.5, translate(
            "settings", "AdamW's weight decay λ: each step the weights shrink by αλ of "
            "themselves, towards the origin"))
        self.schedule = QtWidgets.QComboBox()
        self.schedule.setMinimumContentsLength(COMPACT_SCHEDULE_CHARS)   # when compact
        for text, kind in schedules():
            self.schedule.addItem(text, kind)
        self.schedule.setToolTip(translate(
            "settings", "Change a hyperparameter as the run goes: the seed lecture anneals "
            "μ from 0.5 up to the μ above; α can decay in steps or along a cosine"))
        self.schedule_steps = QtWidgets.QSpinBox()
        self.schedule_steps.setRange(1, MAX_STEPS)   # the cap validation applies
        self.schedule_steps.setValue(200)
        self.schedule_steps.setSuffix(translate("settings", " steps"))
        self.schedule_steps.setKeyboardTracking(False)
        self.schedule_steps.setToolTip(translate(
            "settings", "Length of the ramp or the cosine; interval of the step decay"))
        self.schedule_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(self.schedule_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.schedule, 1)
        row.addWidget(self.schedule_steps)
        # (label, widget, whether compact keeps the label): the full form's lines, in order.
        named = ((translate("settings", "optimizer"), self.optimizer, False),
                 ("α", self.alpha, True), ("μ", self.mu, True), ("β₁", self.beta1, True),
                 ("β₂", self.beta2, True), ("λ", self.weight_decay, True),
                 (translate("settings", "schedule"), self.schedule_row, False))
        self._lines = [(QtWidgets.QLabel(text), widget, keep) for text, widget, keep in named]
        self._compact = False
        self._room = float("inf")             # compact: the width the settings may take
        self._placed = None                   # what _place last laid out
        self._build_layouts()
        # Never wider than the pane: when even compact settings do not fit, the line's end
        # is cut rather than the window made wider than the screen.
        self.setMinimumWidth(MIN_WIDTH)
        self.set_settings(settings)
        for edited in (self.optimizer.currentIndexChanged, self.alpha.value_changed,
                       self.mu.value_changed, self.beta1.value_changed, self.beta2.value_changed,
                       self.weight_decay.value_changed, self.schedule.currentIndexChanged,
                       self.schedule_steps.valueChanged):
            edited.connect(self._edited)

    # -- full or compact ----------------------------------------------------------------------

    def _build_layouts(self) -> None:
        """A column holding the full form (a grid) and the two compact lines: made once,
        so switching only moves widgets between them."""
        column = QtWidgets.QVBoxLayout(self)
        column.setContentsMargins(4, 2, 4, 2)
        column.setSpacing(2)
        self._form = QtWidgets.QGridLayout()
        self._form.setVerticalSpacing(2)
        self._form.setColumnStretch(1, 1)
        column.addLayout(self._form)
        self._compact_lines = (QtWidgets.QHBoxLayout(), QtWidgets.QHBoxLayout())
        for line in self._compact_lines:
            line.addStretch(0)          # a line without a slider keeps its widgets' widths
            column.addLayout(line)
        self._place()

    def set_compact(self, on: bool, width: float = float("inf")) -> None:
        """Compact (the settings on a line, on two if ``width`` pixels are too few for
        one) or full."""
        margins = self.layout().contentsMargins()
        self._compact, self._room = on, width - margins.left() - margins.right()
        self._place()

    @property
    def compact(self) -> bool:
        return self._compact

    def _shown_lines(self):
        name = self._settings.name
        shown = {self.mu: name in USES_MU, self.beta1: name in USES_BETA1,
                 self.beta2: name in USES_BETA2, self.weight_decay: name in USES_WEIGHT_DECAY}
        return [line for line in self._lines if shown.get(line[1], True)]

    def _place(self) -> None:
        """Put each shown setting where the mode says; hide the others."""
        # Compact, the number of steps shows only for a schedule that has one.
        self.schedule_steps.setVisible(not self._compact
                                       or self.schedule.currentData() is not None)
        self._dress(self._compact)
        lines = self._shown_lines()
        flow = self._wrap(lines) if self._compact else ()
        sliders = self._sliders_shown(lines, flow)
        placing = (self._compact, flow, sliders, tuple(id(w) for _, w, _ in lines))
        if placing == self._placed:
            return
        self._placed = placing
        for field, shown in zip(self._fields(), sliders):
            field.slider.setVisible(shown)
        for label, widget, keep in self._lines:
            for layout in (self._form, *self._compact_lines):
                layout.removeWidget(label)
                layout.removeWidget(widget)
            shown = any(widget is w for _, w, _ in lines)
            widget.setVisible(shown)
            label.setVisible(shown and (keep or not self._compact))
        if not self._compact:
            for row, (label, widget, _) in enumerate(lines):
                self._form.addWidget(label, row, 0)
                self._form.addWidget(widget, row, 1)
        for line, part in zip(self._compact_lines, (lines[:flow[0]], lines[flow[0]:])
                              if flow else ()):
            for label, widget, keep in part:
                if keep:
                    line.insertWidget(line.count() - 1, label)
                line.insertWidget(line.count() - 1, widget, int(isinstance(widget, _SliderField)))
        self.layout().activate()      # the pane row reads sizeHint() right away

    def _dress(self, compact: bool) -> None:
        """Compact, the number fields lose their arrows (the wheel and the keys still
        step them) and the schedule menu is narrower: the sliders get the room."""
        adjust, policy = QtWidgets.QComboBox.SizeAdjustPolicy, QtWidgets.QSizePolicy.Policy
        self.schedule.setSizeAdjustPolicy(adjust.AdjustToMinimumContentsLengthWithIcon
                                          if compact else adjust.AdjustToContents)
        # Compact, the schedule keeps its width; full, it fills its line of the form.
        self.schedule_row.setSizePolicy(policy.Maximum if compact else policy.Preferred,
                                        policy.Preferred)
        arrows = QtWidgets.QAbstractSpinBox.ButtonSymbols
        for field in (f.field for f in self._fields()):
            field.setButtonSymbols(arrows.NoButtons if compact else arrows.UpDownArrows)

    def _length(self, lines) -> float:
        """How wide ``lines`` are side by side on a compact line."""
        spacing = self._compact_lines[0].spacing()
        return sum(self._compact_width(line) for line in lines) + spacing * (len(lines) - 1)

    def _wrap(self, lines) -> tuple[int, ...]:
        """How many settings go on each compact line: all on one if they fit
        :attr:`_room`, else split in two where the longer line is shortest (each line is
        squeezed, its sliders first, if even that does not fit)."""
        if len(lines) < 2 or self._length(lines) <= self._room:
            return (len(lines),)
        split = min(range(1, len(lines)),
                    key=lambda k: max(self._length(lines[:k]), self._length(lines[k:])))
        return split, len(lines) - split

    def _sliders_shown(self, lines, flow) -> tuple[bool, ...]:
        """Whether α's, μ's, β₁'s, β₂'s and λ's sliders show: compact, a line's sliders go
        when they would get less than :data:`MIN_SLIDER` of their width (a stub of a
        slider reads as a check box); the number fields stay."""
        fields = self._fields()
        hidden = set()
        for part in (lines[:flow[0]], lines[flow[0]:]) if flow else ():
            ours = [w for _, w, _ in part if isinstance(w, _SliderField)]
            planned = sum(int(w.slider.sizeHint().width() * COMPACT_SLIDER)
                          + w.layout().spacing() for w in ours)
            spare = self._room - self._length(part) + planned
            if ours and spare / len(ours) < MIN_SLIDER * ours[0].slider.sizeHint().width():
                hidden.update(id(w) for w in ours)
        return tuple(id(field) not in hidden for field in fields)

    def _fields(self) -> tuple[_SliderField, ...]:
        return (self.alpha, self.mu, self.beta1, self.beta2, self.weight_decay)

    def _compact_width(self, line) -> int:
        label, widget, keep = line
        spacing = self._compact_lines[0].spacing()
        return self._natural(widget).width() + (label.sizeHint().width() + spacing if keep else 0)

    def _natural(self, widget: QtWidgets.QWidget) -> QtCore.QSize:
        """A setting's size with every part it shows at its preferred size (compact, a
        slider plans for :data:`COMPACT_SLIDER` of its width)."""
        if widget is self.schedule_row:
            parts = [self.schedule] + ([self.schedule_steps] if not self._compact or
                                       self.schedule.currentData() is not None else [])
        elif isinstance(widget, _SliderField):
            parts = [widget.slider, widget.field]
        else:
            return widget.sizeHint()
        hints = [part.sizeHint() for part in parts]
        if self._compact and isinstance(widget, _SliderField):
            hints[0].setWidth(int(hints[0].width() * COMPACT_SLIDER))
        return QtCore.QSize(sum(h.width() for h in hints)
                            + widget.layout().spacing() * (len(hints) - 1),
                            max(h.height() for h in hints))

    def natural_size(self, compact: bool) -> QtCore.QSize:
        """How big the settings are at their preferred sizes, in full or compact on one
        line (whichever mode is on): what a pane needs to show them without squeezing."""
        was, self._compact = self._compact, compact     # _natural reads the mode
        self._dress(compact)                            # and the hints depend on it
        try:
            lines = self._shown_lines()
            heights = [max(self._natural(w).height(), label.sizeHint().height())
                       for label, w, _ in lines]
            if compact:
                width, height = self._length(lines), max(heights)
            else:
                width = (max(label.sizeHint().width() for label, _, _ in lines)
                         + self._form.horizontalSpacing()
                         + max(self._natural(w).width() for _, w, _ in lines))
                height = sum(heights) + self._form.verticalSpacing() * (len(lines) - 1)
            margins = self.layout().contentsMargins()
            return QtCore.QSize(width + margins.left() + margins.right(),
                                height + margins.top() + margins.bottom())
        finally:
            self._compact = was
            self._dress(was)

    # -- the settings -------------------------------------------------------------------------

    def settings(self) -> OptimizerSettings:
        return self._settings

    def set_settings(self, settings: OptimizerSettings) -> None:
        """Show ``settings`` without emitting :attr:`settings_changed`."""
        self._settings = settings
        with signals_blocked(self.optimizer, *self._fields(), self.schedule, self.schedule_steps):
            self._fill(settings)
        self._place()   # which rows apply: μ, the betas; the steps

    def _fill(self, settings: OptimizerSettings) -> None:
        self.optimizer.setCurrentIndex(OPTIMIZER_NAMES.index(settings.name))
        kind, steps = _schedule_of(settings)
        self.schedule.setCurrentIndex(self.schedule.findData(kind))
        if steps:
            self.schedule_steps.setValue(steps)
        ramp_item = self.schedule.model().item(self.schedule.findData("ramp"))
        ramp_item.setEnabled(settings.name in USES_MU)
        self.alpha.set_value(settings.alpha)
        self.mu.set_value(settings.mu)
        self.beta1.set_value(settings.beta1)
        self.beta2.set_value(settings.resolved_beta2)
        self.weight_decay.set_value(settings.resolved_weight_decay)
        # RMSprop's and Adadelta's smoothing is called ρ, as in their rules and torch.
        self._lines[4][0].setText("ρ" if settings.name in USES_RHO else "β₂")
        self.schedule_steps.setEnabled(kind is not None)

    def _edited(self, *_):
        name = self.optimizer.currentData()
        beta2 = self.beta2.value() if name in USES_BETA2 else None
        weight_decay = self.weight_decay.value() if name in USES_WEIGHT_DECAY else None
        if name != self._settings.name:
            beta2 = weight_decay = None   # switching rules: take the new rule's torch default
        kind, steps = self.schedule.currentData(), self.schedule_steps.value()
        if kind == "ramp" and name not in USES_MU:
            kind = None
        mu = self.mu.value()
        self._settings = self._settings.with_(
            name=name, alpha=self.alpha.value(), mu=mu,
            beta1=self.beta1.value(), beta2=beta2, weight_decay=weight_decay,
            mu_schedule=("ramp", min(0.5, mu), mu, steps) if kind == "ramp" else None,
            alpha_schedule={"step": ("step", 0.5, steps), "cosine": ("cosine", steps, 0.0)}.get(kind))
        self.set_settings(self._settings)   # reflect defaults (β₂) and which rows apply
        self.settings_changed.emit(self._settings)


def schedules() -> tuple[tuple[str, str | None], ...]:
    """The schedule choices: (menu text, kind). The μ ramp ends at the pane's μ."""
    return ((translate("settings", "constant"), None),
            (translate("settings", "μ ramp 0.5 → μ"), "ramp"),
            (translate("settings", "α step decay ×½"), "step"),
            (translate("settings", "α cosine decay"), "cosine"))


def _schedule_of(settings: OptimizerSettings) -> tuple[str | None, int | None]:
    """Which schedule menu entry ``settings`` uses, and its number of steps."""
    if settings.mu_schedule:
        return "ramp", int(settings.mu_schedule[3])
    if settings.alpha_schedule:
        kind = settings.alpha_schedule[0]
        return kind, int(settings.alpha_schedule[2] if kind == "step" else settings.alpha_schedule[1])
    return None, None

