"""The panes: one :class:`PaneWidget` per pane of the scenario, kept in step with it.

The row makes, removes and links pane widgets as the scenario's pane count changes,
gives them the landscape's contour picture (computed once per landscape), and lines up
their settings blocks so the plots align. Edits and clicks go out as signals; the
window hands them to the workspace.

The panes sit in a grid: one row when they fit, two rows of compact panes when they do
not (:func:`app.model.pane_layout.arrange_panes` decides, from the room the row has and
what each pane needs at the current font). The row asks again when it is resized (a dock
opened, the window resized), when the number of panes changes and when the font does
(the zoom), so adding panes, docks or zoom rearranges the panes within the window
instead of growing it past the screen.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from app.model.contours import ContourPicture, contour_picture
from app.model.pane_layout import (
    PaneArrangement,
    arrange_panes,
    arrange_without_plots,
    cell_size,
    fit_window,
)
from app.model.rule_text import LINE_COUNTS
from app.model.scenario import Scenario
from physics.landscape import Landscape

from .ball_drawing import Layers
from .pane_widget import PaneWidget
from .playback_controller import PlaybackController

PANE_FRAME = 6   # a pane's margins and frame around its update-rule panel, in pixels
SPACING = 4      # pixels between panes
UNLIMITED = 16777215              # Qt's QWIDGETSIZE_MAX (PySide6 does not export it)


def size_on_screen(window: QtWidgets.QWidget, width: int, height: int) -> QtCore.QSize:
    """``width × height``, made smaller where the window's screen (the primary one before
    it is shown) has less room: a window that opens larger than its screen cannot be
    seen whole, and its minimum size would keep it so."""
    screen = window.screen() or QtGui.QGuiApplication.primaryScreen()
    if screen is None:
        return QtCore.QSize(width, height)
    room = screen.availableGeometry()
    return QtCore.QSize(*fit_window(width, height, room.width(), room.height()))


class PaneRow(QtWidgets.QWidget):
    """The panes, side by side or in a grid."""

    pane_edited = QtCore.Signal(int, object)     # pane index, new OptimizerSettings
    start_picked = QtCore.Signal(float, float)   # a click on a plot, or the × dragged
    #: The physics lines were shown or hidden by a change of layout, not by
    #: :meth:`set_physics_visible`: a menu's tick can follow.
    physics_shown = QtCore.Signal(bool)

    def __init__(self, controller: PlaybackController, layers: Layers, parent=None):
        super().__init__(parent)
        self.controller, self.layers = controller, layers
        self.grid = QtWidgets.QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING)
        self.panes: list[PaneWidget] = []
        self.arrangement = PaneArrangement(1, 1)
        self._arranging = False
        # Physics lines in a row, none in a grid (their room goes to the plots), unless
        # the user says otherwise: View ▸ Physics readouts sets the current layout's.
        self.physics_wanted = {False: True, True: False}    # by compactness
        self.update_rule_visible = False
        self.plots_visible = True
        self.equal_axes = True
        self.landscape: Landscape | None = None
        self.picture: ContourPicture | None = None
        # A new run may bring noise or batches, and so a wider formula.
        controller.comparison_changed.connect(self._arrange_update_rules)

    def show_scenario(self, scenario: Scenario, landscape: Landscape) -> None:
        """Match the scenario: pane count, settings, the landscape's picture and the start."""
        start = scenario.resolved_start()
        new_landscape = landscape is not self.landscape
        if new_landscape:
            self.landscape, self.picture = landscape, contour_picture(landscape)
        count_changed = len(self.panes) != len(scenario.panes)
        while len(self.panes) > len(scenario.panes):
            pane = self.panes.pop()
            self.grid.removeWidget(pane)
            pane.deleteLater()
        while len(self.panes) < len(scenario.panes):
            self.panes.append(self._new_pane(len(self.panes), scenario.panes[len(self.panes)]))
        for pane, settings in zip(self.panes, scenario.panes):
            pane.set_settings(settings)
            if new_landscape or count_changed:
                pane.set_picture(self.picture, landscape, start)
            else:
                pane.plot.set_start(start)
        self._rearrange(force=count_changed)
        self._align_update_rules()
        if new_landscape or count_changed:
            # Linked views line up by screen position; once the new layout has settled,
            # show the whole domain again so every pane starts from the same picture.
            QtCore.QTimer.singleShot(0, self, self._show_whole_domain)

    def _new_pane(self, index: int, settings) -> PaneWidget:
        pane = PaneWidget(self.controller, index, settings, self.layers)
        pane.settings_changed.connect(self.pane_edited)
        pane.needs_changed.connect(self._rearrange)
        pane.resized.connect(self._share_rule_room)
        pane.plot.point_clicked.connect(self.start_picked)
        pane.plot.start_dragged.connect(self.start_picked)
        pane.views.setVisible(self.plots_visible)
        pane.physics.setVisible(self.physics_visible)
        pane.update_rule.setVisible(self.update_rule_visible)
        pane.plot.set_equal_axes(self.equal_axes)
        if self.panes:
            pane.plot.setXLink(self.panes[0].plot)
            pane.plot.setYLink(self.panes[0].plot)
        return pane      # _rearrange puts it in the grid

    def _show_whole_domain(self) -> None:
        if self.panes and self.landscape is not None:
            xmin, xmax, ymin, ymax = self.landscape.domain
            # Linked views share pixels, not ranges: set the range on the view with the
            # fewest pixels per unit, so the whole domain shows in it and so in every
            # larger one (a grid's rounding can leave one pane a pixel narrower).
            def scale(pane):
                view = pane.plot.plotItem.vb
                return min(view.width() / (xmax - xmin), view.height() / (ymax - ymin))
            smallest = min(self.panes, key=scale)
            smallest.plot.plotItem.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)

    # -- the grid ---------------------------------------------------------------------------

    @property
    def physics_visible(self) -> bool:
        """Whether the panes show their physics line, in the current layout."""
        return self.physics_wanted[self.arrangement.compact]

    def _needs(self, compact: bool) -> tuple[int, int]:
        """What the neediest pane needs, in full or compact (see PaneWidget.needs)."""
        needs = [pane.needs(compact, self.physics_wanted[compact], self.plots_visible)
                 for pane in self.panes]
        return max(w for w, _ in needs), max(h for _, h in needs)

    def _rearrange(self, force: bool = False) -> None:
        """Decide the grid for the room the row has now, and lay the panes out by it."""
        if not self.panes or self._arranging:
            return
        self._arranging = True
        try:
            before, shown = self.arrangement, self.physics_visible
            count = len(self.panes)
            if not self.isVisible():  # no room of its own yet (the size is a guess)
                self.arrangement = PaneArrangement(1, count)
            elif not self.plots_visible:        # overlay mode: the big plot wants the height
                self.arrangement = arrange_without_plots(count, self.width(),
                                                         self._needs(False)[0], SPACING)
            else:
                self.arrangement = arrange_panes(count, self.width(), self.height(),
                                                 self._needs(False), self._needs(True), SPACING)
            width, _ = cell_size(self.width(), self.height(), self.arrangement.rows,
                                 self.arrangement.columns, SPACING)
            for pane in self.panes:
                pane.set_compact(self.arrangement.compact, width)
                pane.physics.setVisible(self.physics_visible)
            if force or self.arrangement != before:
                self._place()
            self._align_headers()
            self._arrange_update_rules()
            if not self.plots_visible:
                self._fit_height_to_panes()
        finally:
            self._arranging = False
        if self.physics_visible != shown:
            self.physics_shown.emit(self.physics_visible)

    def _place(self) -> None:
        """Fill the grid row by row; every used row and column gets an equal share."""
        rows, columns = self.arrangement.rows, self.arrangement.columns
        for pane in self.panes:
            self.grid.removeWidget(pane)
        for i in range(max(rows, columns, self.grid.rowCount(), self.grid.columnCount())):
            self.grid.setRowStretch(i, 1 if i < rows else 0)
            self.grid.setColumnStretch(i, 1 if i < columns else 0)
        for i, pane in enumerate(self.panes):
            self.grid.addWidget(pane, i // columns, i % columns)

    def _align_headers(self) -> None:
        """Give every pane's settings block the same height so the plots line up."""
        height = max((p.settings_widget.sizeHint().height() for p in self.panes), default=0)
        for pane in self.panes:
            pane.settings_widget.setFixedHeight(height)

    def _share_rule_room(self) -> None:
        """Every update-rule panel gets its share of the *smallest* pane's height: a grid
        gives one row a pixel more, and the panels (and so the plots) must stay level."""
        if not self.panes:
            return
        height = min(pane.height() for pane in self.panes)
        for pane in self.panes:
            pane.update_rule.set_pane_height(height)

    def _align_update_rules(self) -> None:
        """Give every pane's update-rule panel room for the longest rule in the row, so
        the plots above them keep one height."""
        counts = [LINE_COUNTS[p.settings.name] for p in self.panes]
        formula = max((f for f, _ in counts), default=0)
        numbers = max((n for _, n in counts), default=0)
        for pane in self.panes:
            pane.update_rule.set_line_counts(formula, numbers)
        self._arrange_update_rules()

    def _arrange_update_rules(self) -> None:
        """Formula and numbers side by side in every pane, or stacked in every pane: one
        decision for the row (panes a pixel apart must not differ, or their plots would
        differ in height), from the width each pane gets less its frame."""
        if self.panes:
            share = self.width() / self.arrangement.columns - PANE_FRAME
            side = all(share >= p.update_rule.side_by_side_width() for p in self.panes)
            for pane in self.panes:
                pane.update_rule.set_side_by_side(side)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._rearrange()

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 - Qt API
        # The splitter shares out the window by it: room for plots, not just their minimum.
        hint = super().sizeHint()
        wish = max((pane.plot_wish() for pane in self.panes), default=0)
        hint.setHeight(hint.height() + self.arrangement.rows * wish)
        return hint

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._rearrange()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            # The panes' widgets have the new font by now: measure them again.
            self._rearrange(force=True)

    def show_basins(self, labels) -> None:
        """Swarm mode: each pane's destinations (a list, one per pane), or None (off)."""
        for i, pane in enumerate(self.panes):
            pane.show_basins(None if labels is None else labels[i])

    def set_equal_axes(self, on: bool) -> None:
        self.equal_axes = on
        for pane in self.panes:
            pane.plot.set_equal_axes(on)
        self._show_whole_domain()

    def set_physics_visible(self, on: bool) -> None:
        """View ▸ Physics readouts: show or hide the physics lines in the current layout
        (in a row or in a grid: each remembers its own choice)."""
        self.physics_wanted[self.arrangement.compact] = on
        for pane in self.panes:
            pane.physics.setVisible(on)
        self._rearrange()

    def set_update_rule_visible(self, on: bool) -> None:
        """View ▸ Update rule with numbers: each pane's rule, with the step's numbers put in."""
        self.update_rule_visible = on
        for pane in self.panes:
            pane.update_rule.setVisible(on)

    def set_plots_visible(self, on: bool) -> None:
        """Overlay mode hides the panes' plots; their settings and readouts stay."""
        self.plots_visible = on
        for pane in self.panes:
            pane.views.setVisible(on)
            pane.layout().activate()     # so the size hints below leave the plots out
        if on:
            self.setMaximumHeight(UNLIMITED)
        self._rearrange(force=True)      # without plots the panes need less room

    def _fit_height_to_panes(self) -> None:
        # Without their plots the panes need only their settings and readouts.
        for pane in self.panes:
            pane.layout().activate()
        self.grid.activate()
        self.setMaximumHeight(self.sizeHint().height())
