"""A pane's optimizer and hyperparameters: α on a log slider, μ on a slider, Adam's betas.

Each slider is paired with a number field; either one drives the other. The widget
emits :attr:`settings_changed` with a new :class:`OptimizerSettings` whenever the user
changes a value (and only then: programmatic updates are silent).
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtWidgets

from optimizers.registry import ADAPTIVE, OPTIMIZER_NAMES, TITLES, USES_MU, OptimizerSettings

ALPHA_MIN_LOG, ALPHA_MAX_LOG = -5.0, 1.0
SLIDER_TICKS = 600


class _LogAlpha(QtWidgets.QWidget):
    """α: a slider over log10 α ∈ [−5, 1] and an exact number field."""

    value_changed = QtCore.Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_TICKS)
        self.slider.setToolTip("Learning rate α (log scale): the force's strength")
        self.field = QtWidgets.QDoubleSpinBox()
        self.field.setDecimals(6)
        self.field.setRange(10 ** ALPHA_MIN_LOG, 10 ** ALPHA_MAX_LOG)
        self.field.setSingleStep(0.001)
        self.field.setKeyboardTracking(False)
        self.field.setToolTip("Learning rate α")
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.field)
        self.slider.valueChanged.connect(self._from_slider)
        self.field.valueChanged.connect(self._from_field)
        self._quiet = False

    def set_value(self, alpha: float) -> None:
        self._quiet = True
        self.field.setValue(alpha)
        frac = (math.log10(alpha) - ALPHA_MIN_LOG) / (ALPHA_MAX_LOG - ALPHA_MIN_LOG)
        self.slider.setValue(round(frac * SLIDER_TICKS))
        self._quiet = False

    def value(self) -> float:
        return self.field.value()

    def _from_slider(self, tick: int) -> None:
        if self._quiet:
            return
        alpha = float(f"{10 ** (ALPHA_MIN_LOG + (ALPHA_MAX_LOG - ALPHA_MIN_LOG) * tick / SLIDER_TICKS):.3g}")
        self._quiet = True
        self.field.setValue(alpha)
        self._quiet = False
        self.value_changed.emit(alpha)

    def _from_field(self, alpha: float) -> None:
        if self._quiet:
            return
        self.set_value(alpha)
        self.value_changed.emit(alpha)


class _UnitSlider(QtWidgets.QWidget):
    """A value in [low, high] on a linear slider with a number field (μ, β₁, β₂)."""

    value_changed = QtCore.Signal(float)

    def __init__(self, low: float, high: float, tip: str, parent=None):
        super().__init__(parent)
        self.low, self.high = low, high
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setRange(0, 1000)
        self.slider.setToolTip(tip)
        self.field = QtWidgets.QDoubleSpinBox()
        self.field.setDecimals(4)
        self.field.setRange(low, high)
        self.field.setSingleStep(0.01)
        self.field.setKeyboardTracking(False)
        self.field.setToolTip(tip)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.field)
        self.slider.valueChanged.connect(self._from_slider)
        self.field.valueChanged.connect(self._from_field)
        self._quiet = False

    def set_value(self, value: float) -> None:
        self._quiet = True
        self.field.setValue(value)
        self.slider.setValue(round((value - self.low) / (self.high - self.low) * 1000))
        self._quiet = False

    def value(self) -> float:
        return self.field.value()

    def _from_slider(self, tick: int) -> None:
        if self._quiet:
            return
        value = round(self.low + (self.high - self.low) * tick / 1000, 3)
        self._quiet = True
        self.field.setValue(value)
        self._quiet = False
        self.value_changed.emit(value)

    def _from_field(self, value: float) -> None:
        if self._quiet:
            return
        self.set_value(value)
        self.value_changed.emit(value)


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
        self.alpha = _LogAlpha()
        self.mu = _UnitSlider(0.0, 1.0, "Momentum μ: the fraction of velocity kept each step "
                                        "(friction 1 − μ)")
        self.beta1 = _UnitSlider(0.0, 0.999, "Adam's β₁ (first-moment decay)")
        self.beta2 = _UnitSlider(0.0, 0.9999, "β₂: Adam's second-moment decay / RMSprop's smoothing")
        form.addRow("optimizer", self.optimizer)
        form.addRow("α", self.alpha)
        form.addRow("μ", self.mu)
        form.addRow("β₁", self.beta1)
        form.addRow("β₂", self.beta2)
        self._form = form
        self.set_settings(settings)
        self.optimizer.currentIndexChanged.connect(self._edited)
        self.alpha.value_changed.connect(self._edited)
        self.mu.value_changed.connect(self._edited)
        self.beta1.value_changed.connect(self._edited)
        self.beta2.value_changed.connect(self._edited)

    def settings(self) -> OptimizerSettings:
        return self._settings

    def set_settings(self, settings: OptimizerSettings) -> None:
        """Show ``settings`` without emitting :attr:`settings_changed`."""
        self._settings = settings
        for widget in (self.optimizer, self.alpha, self.mu, self.beta1, self.beta2):
            widget.blockSignals(True)
        self.optimizer.setCurrentIndex(OPTIMIZER_NAMES.index(settings.name))
        self.alpha.set_value(settings.alpha)
        self.mu.set_value(settings.mu)
        self.beta1.set_value(settings.beta1)
        self.beta2.set_value(settings.resolved_beta2)
        for widget in (self.optimizer, self.alpha, self.mu, self.beta1, self.beta2):
            widget.blockSignals(False)
        self._show_relevant_rows()

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
        self._settings = self._settings.with_(
            name=name, alpha=self.alpha.value(), mu=self.mu.value(),
            beta1=self.beta1.value(), beta2=beta2)
        if name != self.optimizer.itemData(self.optimizer.currentIndex()) or beta2 is None:
            self.beta2.set_value(self._settings.resolved_beta2)
        self._show_relevant_rows()
        self.settings_changed.emit(self._settings)


__all__ = ["OptimizerSettingsWidget", "ADAPTIVE"]
