"""A pane: one optimizer's settings, its contour plot with the ball, and live readouts
(and, when switched on, its update rule with the step's numbers, under them).

The pane takes the :class:`PlaybackController` (the model of time) in ``__init__`` and
subscribes to its signals; it never computes dynamics, and the text of its readouts
comes from :mod:`app.model.readouts`.

A pane gives up height plot first: the readouts keep their lines and the settings block
its height, the plot takes what is left (the pane row rearranges the panes before that
falls under :data:`~app.model.pane_layout.MIN_PLOT_HEIGHT`), and only a plot already at
:data:`MIN_VIEW` leaves the update rule's panel to give way. Across, a pane may be as
narrow as :data:`MIN_WIDTH`; its settings' line is then cut, never the window made wider
than the screen. The readouts follow the font: Ctrl++ zooms them.
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui, QtWidgets

from app.model.contours import ContourPicture
from app.model.pane_layout import MIN_PLOT_HEIGHT
from app.model.readouts import pane_readout
from app.model.theme import ball_colour
from app.model.translation import translate
from optimizers.registry import OptimizerSettings

from .ball_drawing import Layers, draw_ball
from .landscape_plot import LandscapePlot
from .optimizer_settings_widget import OptimizerSettingsWidget
from .playback_controller import PlaybackController
from .signals_blocked import signals_blocked
from .update_rule_widget import UpdateRuleWidget

MIN_WIDTH = 80            # pixels: the narrowest a pane may be squeezed
MIN_VIEW = 68             # pixels: the shortest its plot may be squeezed (pyqtgraph's own)
PREFERRED_VIEW = 550      # pixels: the plot height a pane asks for (the splitter then gives
                          # the loss plot about 150 px of 800, as before the grid)
PHYSICS_SIZE = 0.9        # the physics line's text, of the pane's
PHYSICS_COLOUR = "#444"
#: About the longest state line a ball's readout shows (app.model.readouts.pane_readout).
MAX_READOUT_LINES = 4
WIDEST_STATE = "step 1000   loss 8.88e+08   |∇L| 8.88e+08   |p| 8.88e+08   diverged at step 1000"


class LinesLabel(QtWidgets.QLabel):
    """A label exactly ``lines`` lines of its font tall, whatever its text: changing the
    text never re-lays out the pane (which would resize the plot and throw away its
    cached contour pixmaps during playback); changing the font (the zoom) does."""

    font_changed = QtCore.Signal()

    def __init__(self, lines: int, parent=None):
        super().__init__(parent)
        self.lines = lines
        self.setWordWrap(True)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                           QtWidgets.QSizePolicy.Policy.Fixed)
        self._fit()

    def set_lines(self, lines: int) -> None:
        if lines != self.lines:
            self.lines = lines
            self._fit()

    def _fit(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.lines + 4)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            self._fit()
            self.font_changed.emit()


class PaneWidget(QtWidgets.QFrame):
    """Settings, plot and readouts for pane ``index`` of the comparison."""

    settings_changed = QtCore.Signal(int, object)
    needs_changed = QtCore.Signal()      # what the pane needs (:meth:`needs`) may differ
    resized = QtCore.Signal()            # the row shares the update rule's room out

    def __init__(self, controller: PlaybackController, index: int, settings: OptimizerSettings,
                 layers: Layers, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.index = index
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        # Across, the pane row shares out the width evenly (its grid's stretch), whatever
        # each pane's settings would like; MIN_WIDTH is the floor.
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                           QtWidgets.QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(MIN_WIDTH)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        self.settings_widget = OptimizerSettingsWidget(settings)
        self.plot = LandscapePlot(ball_colour(index))
        self.layers = layers          # shared by every pane: View ▸ Trail, arrows
        self.readout = LinesLabel(2)
        self.readout.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.physics = LinesLabel(3)
        # Smaller than the pane's text, but as a font of its own, which the window's zoom
        # scales (app.qt.presenter); a style sheet's "font-size: 9pt" would not follow it.
        font = self.physics.font()
        font.setPointSizeF(font.pointSizeF() * PHYSICS_SIZE)
        self.physics.setFont(font)
        self.physics.setStyleSheet(f"color: {PHYSICS_COLOUR}")
        # The physics line's font is scaled after the pane's: the row then measures again.
        self.physics.font_changed.connect(self.needs_changed)
        layout.addWidget(self.settings_widget)
        self.views = QtWidgets.QStackedWidget()
        # The plot takes what the rest leaves, and gives way first: down to MIN_VIEW
        # before the update rule's panel gives up any of its lines.
        self.views.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred,
                                 QtWidgets.QSizePolicy.Policy.Ignored)
        self.views.setMinimumHeight(MIN_VIEW)
        self.views.addWidget(self.plot)
        self.surface3d = None                     # made on first use (needs OpenGL)
        layout.addWidget(self.views, 1)
        self.view3d_button = QtWidgets.QToolButton()
        self.view3d_button.setText("3-D")
        self.view3d_button.setCheckable(True)
        self.view3d_button.setToolTip(translate(
            "pane", "Show this pane as a 3-D surface with the ball rolling on it"))
        self.view3d_button.toggled.connect(self.set_3d)
        self.notice = QtWidgets.QLabel()
        self.notice.setStyleSheet("color: #a05a00")
        self.notice.setWordWrap(True)
        self.notice.setMinimumWidth(MIN_WIDTH // 2)
        self.notice.hide()
        layout.addWidget(self.notice)
        readout_row = QtWidgets.QHBoxLayout()
        readout_row.addWidget(self.readout, 1)
        readout_row.addWidget(self.view3d_button)
        layout.addLayout(readout_row)
        layout.addWidget(self.physics)
        # The rule with this step's numbers (View ▸ Update rule), hidden until asked for.
        self.update_rule = UpdateRuleWidget(controller, index)
        self.update_rule.hide()
        layout.addWidget(self.update_rule)
        self.basin_labels = None   # swarm mode: each ball's destination minimum
        self.settings_widget.settings_changed.connect(
            lambda s: self.settings_changed.emit(self.index, s))
        controller.frame_changed.connect(self._draw_frame)
        controller.readout_changed.connect(self._update_readouts)
        self._update_title()

    # -- settings ---------------------------------------------------------------------------

    @property
    def settings(self) -> OptimizerSettings:
        return self.settings_widget.settings()

    def set_settings(self, settings: OptimizerSettings) -> None:
        self.settings_widget.set_settings(settings)
        self._update_title()

    # -- layout -----------------------------------------------------------------------------

    def set_compact(self, on: bool, width: float = float("inf")) -> None:
        """One wrapped line of settings (a pane in a grid) or the full form (in a row);
        ``width`` is the pane's, so the settings know when to wrap."""
        margins = self.layout().contentsMargins()
        inside = width - margins.left() - margins.right() - 2 * self.frameWidth()
        self.settings_widget.set_compact(on, inside)
        # A narrow pane (or a large zoom) gives its state line as many lines as its widest
        # text needs rather than cut its status; the 3-D button shares the row. (×1.25:
        # word wrapping wastes line ends, and Portuguese words run longer.)
        bold = QtGui.QFont(self.readout.font())
        bold.setBold(True)
        wide = QtGui.QFontMetrics(bold).horizontalAdvance(WIDEST_STATE) * 1.25
        room = max(inside - self.view3d_button.sizeHint().width() - 6, 1.0)
        self.readout.set_lines(max(2, min(MAX_READOUT_LINES, math.ceil(wide / room))))

    def needs(self, compact: bool, physics: bool, plot: bool = True) -> tuple[int, int]:
        """``(width, height)`` the pane needs to show its settings (full or ``compact``)
        at their natural size, the readouts (with the ``physics`` line or not) and a plot
        :data:`MIN_PLOT_HEIGHT` tall (none without ``plot``), at the current font."""
        layout, settings = self.layout(), self.settings_widget.natural_size(compact)
        margins, frame = layout.contentsMargins(), 2 * self.frameWidth()
        heights = [settings.height(),
                   max(self.readout.height(), self.view3d_button.sizeHint().height())]
        heights += [self.physics.height()] if physics else []
        heights += [MIN_PLOT_HEIGHT] if plot else []
        return (settings.width() + margins.left() + margins.right() + frame,
                sum(heights) + layout.spacing() * (len(heights) - 1) + margins.top()
                + margins.bottom() + frame)

    def plot_wish(self) -> int:
        """How much taller than its minimum the pane would like its plot: layouts count
        the plot at its minimum (it gives way first), the splitter sharing out the window
        should still give it room. (A constant: a plot's own hint follows its size.)"""
        return PREFERRED_VIEW - MIN_VIEW if self.views.isVisibleTo(self) else 0

    def _update_title(self) -> None:
        self.plot.set_title(self.settings.title())

    def set_picture(self, picture: ContourPicture, landscape, start) -> None:
        self.plot.set_picture(picture, landscape.minima)
        self.plot.set_start(start)
        if self.surface3d is not None:
            self.surface3d.set_landscape(landscape)

    def set_3d(self, on: bool) -> None:
        """Switch this pane between the contour plot and the 3-D surface."""
        from .surface3d_widget import Surface3DWidget, opengl_problem  # noqa: PLC0415

        problem = opengl_problem() if on else None
        if problem:
            with signals_blocked(self.view3d_button):
                self.view3d_button.setChecked(False)
            self.view3d_button.setToolTip(
                translate("pane", "Unavailable: {problem}").format(problem=problem))
            self.notice.setText(translate(
                "pane", "3-D view unavailable: {problem}. The 2-D view stays.").format(
                    problem=problem))
            self.notice.show()
            return
        if on and self.surface3d is None:
            self.surface3d = Surface3DWidget(self.controller, self.index, ball_colour(self.index))
            self.views.addWidget(self.surface3d)
            self.surface3d.set_landscape(self.controller.comparison.landscape)
        self.views.setCurrentWidget(self.surface3d if on else self.plot)
        if on:
            self.surface3d._draw(self.controller.playhead)

    # -- drawing ----------------------------------------------------------------------------

    def _draw_frame(self, playhead: float) -> None:
        # Hidden in overlay mode or behind the 3-D view (isVisible is False before show()).
        if not (self.plot.isHidden() or self.views.isHidden()):
            draw_ball(self.plot, 0, self.controller.comparison, self.index, playhead, self.layers)

    def _update_readouts(self, step: int) -> None:
        run = self.controller.comparison
        if self.index >= run.shape[0]:
            return
        readout = pane_readout(run, self.index, step, self.basin_labels)
        self.readout.setText(readout.state)
        self.physics.setText(readout.physics)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.resized.emit()

    def show_basins(self, labels) -> None:
        """Swarm mode: where this pane's balls end up (``None``: swarm mode off)."""
        self.basin_labels = labels
        self.plot.set_swarm(labels)
