"""A pane's optimizer and hyperparameters: α on a log slider, μ on a slider, Adam's betas.

Each slider is paired with a number field; either one drives the other. The widget
emits :attr:`settings_changed` with a new :class:`OptimizerSettings` whenever the user
changes a value (and only then: programmatic updates are silent).
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtWidgets

from optimizers.registry import OPTIMIZER_NAMES, TITLES, USES_MU, OptimizerSettings
from physics.limits import MAX_STEPS

from .signals_blocked import signals_blocked

ALPHA_MIN_LOG, ALPHA_MAX_LOG = -5.0, 1.0
SLIDER_TICKS = 1000


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
                        "Learning rate α (log scale): the force's strength",
                        lambda a: (math.log10(a) - ALPHA_MIN_LOG) / span,
                        lambda f: 10 ** (ALPHA_MIN_LOG + span * f), 3)


def _unit_field(low: float, high: float, tip: str) -> _SliderField:
    """A value in [low, high] on a linear slider (μ, β₁, β₂)."""
    return _SliderField(low, high, 4, 0.01, tip, lambda v: (v - low) / (high - low),
                        lambda f: low + (high - low) * f, 3)


class OptimizerSettingsWidget(QtWidgets.QWidget):
    """Optimizer chooser and its hyperparameters for one pane."""

    settings_changed = QtCore.Signal(object)

    def __init__(self, settings: OptimizerSettings, parent=None):
        super().__init__(parent)
        self._settings = settings
        form = QtWidgets.QFormLayout(self)
        form.setContentsMargins(4, 2, 4, 2)
        form.setVerticalSpacing(2)
        self.optimizer = QtWidgets.QComboBox()
        for name in OPTIMIZER_NAMES:
            self.optimizer.addItem(TITLES[name], name)
        self.optimizer.setToolTip("Update rule for this pane")
        self.alpha = _alpha_field()
        self.mu = _unit_field(0.0, 1.0, "Momentum μ: the fraction of velocity kept each step "
                                        "(friction 1 − μ)")
        self.beta1 = _unit_field(0.0, 0.999, "Adam's β₁ (first-moment decay)")
        self.beta2 = _unit_field(0.0, 0.9999, "β₂: Adam's second-moment decay / RMSprop's smoothing")
        form.addRow("optimizer", self.optimizer)
        form.addRow("α", self.alpha)
        form.addRow("μ", self.mu)
        form.addRow("β₁", self.beta1)
        form.addRow("β₂", self.beta2)
        self.schedule = QtWidgets.QComboBox()
        for text, kind in SCHEDULES:
            self.schedule.addItem(text, kind)
        self.schedule.setToolTip("Change a hyperparameter as the run goes: the seed lecture anneals "
                                 "μ from 0.5 up to the μ above; α can decay in steps or along a cosine")
        self.schedule_steps = QtWidgets.QSpinBox()
        self.schedule_steps.setRange(1, MAX_STEPS)   # the cap validation applies
        self.schedule_steps.setValue(200)
        self.schedule_steps.setSuffix(" steps")
        self.schedule_steps.setKeyboardTracking(False)
        self.schedule_steps.setToolTip("Length of the ramp or the cosine; interval of the step decay")
        schedule_row = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(schedule_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.schedule, 1)
        row.addWidget(self.schedule_steps)
        form.addRow("schedule", schedule_row)
        self._form = form
        self.set_settings(settings)
        self.optimizer.currentIndexChanged.connect(self._edited)
        self.alpha.value_changed.connect(self._edited)
        self.mu.value_changed.connect(self._edited)
        self.beta1.value_changed.connect(self._edited)
        self.beta2.value_changed.connect(self._edited)
        self.schedule.currentIndexChanged.connect(self._edited)
        self.schedule_steps.valueChanged.connect(self._edited)

    def settings(self) -> OptimizerSettings:
        return self._settings

    def set_settings(self, settings: OptimizerSettings) -> None:
        """Show ``settings`` without emitting :attr:`settings_changed`."""
        self._settings = settings
        with signals_blocked(self.optimizer, self.alpha, self.mu, self.beta1, self.beta2,
                             self.schedule, self.schedule_steps):
            self._fill(settings)
        self._show_relevant_rows()

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
        self.schedule_steps.setEnabled(kind is not None)

    def _show_relevant_rows(self) -> None:
        name = self._settings.name
        self._form.setRowVisible(self.mu, name in USES_MU)
        self._form.setRowVisible(self.beta1, name == "adam")
        self._form.setRowVisible(self.beta2, name in ("adam", "rmsprop"))

    def _edited(self, *_):
        name = self.optimizer.currentData()
        beta2 = self.beta2.value() if name in ("adam", "rmsprop") else None
        if name != self._settings.name:
            beta2 = None      # switching rules: take the new rule's torch default
        kind, steps = self.schedule.currentData(), self.schedule_steps.value()
        if kind == "ramp" and name not in USES_MU:
            kind = None
        mu = self.mu.value()
        self._settings = self._settings.with_(
            name=name, alpha=self.alpha.value(), mu=mu,
            beta1=self.beta1.value(), beta2=beta2,
            mu_schedule=("ramp", min(0.5, mu), mu, steps) if kind == "ramp" else None,
            alpha_schedule={"step": ("step", 0.5, steps), "cosine": ("cosine", steps, 0.0)}.get(kind))
        self.set_settings(self._settings)   # reflect defaults (β₂) and which rows apply
        self.settings_changed.emit(self._settings)


#: The schedule choices: (menu text, kind). The μ ramp ends at the pane's μ.
SCHEDULES = (
    ("constant", None),
    ("μ ramp 0.5 → μ", "ramp"),
    ("α step decay ×½", "step"),
    ("α cosine decay", "cosine"),
)


def _schedule_of(settings: OptimizerSettings) -> tuple[str | None, int | None]:
    """Which schedule menu entry ``settings`` uses, and its number of steps."""
    if settings.mu_schedule:
        return "ramp", int(settings.mu_schedule[3])
    if settings.alpha_schedule:
        kind = settings.alpha_schedule[0]
        return kind, int(settings.alpha_schedule[2] if kind == "step" else settings.alpha_schedule[1])
    return None, None

