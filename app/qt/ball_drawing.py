"""Drawing one pane's ball, trail and arrows at a playhead — for panes, overlay and exports.

Between two iterates the ball sits at ``W_k + f·(W_{k+1} − W_k)`` where ``k + f`` is the
playhead; the trail ends at the ball; the arrows are those of step k: the force
``−α_k g_k`` (α_k with its schedule, g_k the gradient that step drew; for SGD exactly its
next step) — for an adaptive rule, its gradient's share of the step in the rule's own
units (:func:`app.model.update_rule.gradient_push`) — and the velocity ``p`` (the last
step). Many seeds draw every seed faintly and, as the ball and its trail, their median
point and path (:mod:`app.model.seed_cloud`), with no arrows: the seeds' forces differ.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.model.noise_floor import floor_ellipse
from app.model.seed_cloud import median_path
from app.model.update_rule import gradient_push
from physics.simulation import Comparison

from .landscape_plot import LandscapePlot


@dataclass
class Layers:
    """Which of a ball's layers are drawn (View ▸ Trail / Force arrows / Velocity arrows)."""

    trail: bool = True
    force: bool = True
    velocity: bool = True


def draw_ball(plot: LandscapePlot, layer: int, run: Comparison, index: int, playhead: float,
              shown: Layers) -> None:
    """Draw pane ``index``'s ball at ``playhead`` on ``plot``'s ball layer ``layer``."""
    if index >= run.shape[0]:
        return
    k = min(int(math.floor(playhead)), run.computed_steps)
    frac = playhead - k
    if run.seeds is not None:
        _draw_seeds(plot, layer, run, index, k, frac, shown)
        return
    if plot.layers[layer].cloud.shown:
        plot.layers[layer].hide_cloud()
    if plot.swarm_on and layer == 0:
        swarm = run.positions(k)[index]
        if frac > 0 and k + 1 <= run.computed_steps:
            swarm = swarm + frac * (run.positions(k + 1)[index] - swarm)
        plot.set_swarm_positions(swarm)
        for arrow in (plot.layers[0].force_arrow, plot.layers[0].velocity_arrow):
            arrow.set((0, 0), (0, 0), False)
        return
    here = run.positions(k)[index, 0]
    position = here
    if frac > 0 and k + 1 <= run.computed_steps:
        position = here + frac * (run.positions(k + 1)[index, 0] - here)
    # The whole history 0..k, a view (nothing copied per frame): the layer draws the
    # iterates of it that move the pen (app.model.trail_points).
    history = run.trail(k)[:, index, 0] if shown.trail else None
    plot.set_trail_visible(shown.trail, layer)
    plot.set_ball(position, history, layer, tip=position if frac > 0 else None, source=run)
    balls = plot.layers[layer]
    # The push of the step from k's own gradient — the gradient that step drew (noise,
    # minibatch, Nesterov's look-ahead), not the exact ∇L(W), or the arrow would lie under
    # noise — in the rule's own units (−α_k g_k for the heavy-ball family).
    force = gradient_push(run, index, k)[0] if shown.force else (0.0, 0.0)
    balls.force_arrow.set(here, force, shown.force)
    balls.velocity_arrow.set(here, run.velocity(k)[index, 0], shown.velocity)


def _draw_seeds(plot: LandscapePlot, layer: int, run: Comparison, index: int, k: int,
                frac: float, shown: Layers) -> None:
    """Many seeds: each seed's ball faintly, the median point as the ball and the median
    path as its trail, between steps as a single ball is; the noise floor's ellipse."""
    balls = plot.layers[layer]
    if balls.cloud.run is not run:
        s = run.settings[index]
        balls.show_cloud(run, floor_ellipse(run.landscape, s, run.sigma, run.batch_size))
    path = median_path(run)
    seeds, median = run.positions(k)[index], path.upto(index, k)
    position = median[-1]
    if frac > 0 and k + 1 <= run.computed_steps:
        seeds = seeds + frac * (run.positions(k + 1)[index] - seeds)
        position = position + frac * (path.upto(index, k + 1)[-1] - position)
    balls.cloud.set_dots(seeds)
    plot.set_trail_visible(shown.trail, layer)
    plot.set_ball(position, median if shown.trail else None, layer,
                  tip=position if frac > 0 else None, source=path)
    for arrow in (balls.force_arrow, balls.velocity_arrow):
        arrow.set((0, 0), (0, 0), False)
