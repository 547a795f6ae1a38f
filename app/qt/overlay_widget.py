"""Overlay mode: every pane's ball on one contour plot, in the panes' colours."""

from __future__ import annotations

from app.model.theme import BALL_COLOURS
from app.model.translation import translate

from .ball_drawing import Layers, draw_ball
from .landscape_plot import LandscapePlot
from .legends import legend_below
from .playback_controller import PlaybackController


def show_every_pane(plot: LandscapePlot, legend, settings) -> None:
    """``plot`` as the overlay: one ball layer per pane of ``settings`` in the panes'
    colours, ``legend`` saying which is which (the window's overlay and an export's)."""
    plot.set_title(translate("overlay", "All panes on one landscape"))
    plot.set_layer_count([plot.look.ball_colour(i) for i in range(len(settings))])
    legend.clear()
    for layer, pane in zip(plot.layers, settings):
        legend.addItem(layer.trail, pane.title())


class OverlayWidget(LandscapePlot):
    """One landscape, one ball per pane; the panes keep their settings and readouts."""

    def __init__(self, controller: PlaybackController, layers: Layers, parent=None):
        super().__init__(BALL_COLOURS[0], parent)
        self.controller = controller
        self.layers_shown = layers      # the window's View ▸ Trail / arrows choices
        self.set_title(translate("overlay", "All panes on one landscape"))
        self.legend = legend_below(self.plotItem, 4)    # which ball is which
        self._legend_titles: list[str] = []
        controller.frame_changed.connect(self._draw_frame)
        controller.comparison_changed.connect(self.sync_layers)

    def sync_layers(self) -> None:
        settings = self.controller.comparison.settings
        titles = [s.title() for s in settings]   # (a new pane count is a new list too)
        if titles != self._legend_titles:
            self._legend_titles = titles
            show_every_pane(self, self.legend, settings)

    def _draw_frame(self, playhead: float) -> None:
        if self.isHidden():
            return
        self.sync_layers()
        run = self.controller.comparison
        for i in range(run.shape[0]):
            draw_ball(self, i, run, i, playhead, self.layers_shown)
