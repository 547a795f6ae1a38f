"""Overlay mode: every pane's ball on one contour plot, in the panes' colours."""

from __future__ import annotations

from .landscape_pane_widget import BALL_COLOURS, LandscapePlot
from .pane_widget import draw_ball
from .playback_controller import PlaybackController


class OverlayWidget(LandscapePlot):
    """One landscape, one ball per pane; the panes keep their settings and readouts."""

    def __init__(self, controller: PlaybackController, panes, parent=None):
        super().__init__(BALL_COLOURS[0], parent)
        self.controller = controller
        self.panes = panes          # the window's live list of PaneWidget
        self.set_title("All panes on one landscape")
        controller.frame_changed.connect(self._draw_frame)
        controller.comparison_changed.connect(self.sync_layers)

    def sync_layers(self) -> None:
        count = self.controller.comparison.shape[0]
        self.set_layer_count([BALL_COLOURS[i % len(BALL_COLOURS)] for i in range(count)])

    def _draw_frame(self, playhead: float) -> None:
        if self.isHidden():
            return
        self.sync_layers()
        c = self.controller.comparison
        for i, pane in enumerate(self.panes[:c.shape[0]]):
            draw_ball(self, i, c, i, playhead, pane.settings.alpha, pane.show_trail,
                      pane.show_force, pane.show_velocity)
