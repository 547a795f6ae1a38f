"""The "by hand" baseline for the export benchmark: a matplotlib FuncAnimation.

This is how a competent person animates SGD vs momentum today without Momentum Lab,
written as a careful user would write it: the landscape is contoured once (filled
contours plus thin white lines on a 241×241 grid), and each frame only moves the
existing artists (``set_data`` on the ball marker and trail line, ``set_text`` on the
step counter). The trajectories come from the project's own core, so they are
identical to what our exporter draws. The figure is 1200×500 px by default (12×5 in at
100 dpi; ``size`` makes it larger, fonts and lines staying as they are, as when a user
enlarges the figure), two panes side by side (SGD | Momentum); frame k shows step
``k * steps_per_frame``.
MP4 goes through FFMpegWriter (libx264, yuv420p, the ffmpeg binary from the
imageio-ffmpeg wheel), GIF through PillowWriter.

matplotlib is only a benchmark dependency (the ``bench`` extra), never a runtime one.

    cd /work/main && .venv/bin/python benchmarks/matplotlib_baseline.py
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import imageio_ffmpeg  # noqa: E402
import matplotlib  # noqa: E402

matplotlib.use("Agg")
matplotlib.rcParams["animation.ffmpeg_path"] = imageio_ffmpeg.get_ffmpeg_exe()

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.animation import FFMpegWriter, FuncAnimation, PillowWriter  # noqa: E402

from optimizers import OptimizerSettings  # noqa: E402
from physics.builtins import builtin  # noqa: E402
from physics.simulation import Comparison  # noqa: E402

WIDTH, HEIGHT, DPI = 1200, 500, 100


def render_matplotlib(out_path: str, frames: int = 240, steps_per_frame: int = 1, fps: int = 30,
                      size: tuple[int, int] = (WIDTH, HEIGHT)) -> float:
    """Write the animation to out_path (.mp4 via FFMpegWriter with codec libx264 and
    extra_args ['-pix_fmt', 'yuv420p'], or .gif via PillowWriter); return seconds taken
    (wall clock, including figure setup and saving)."""
    start = time.perf_counter()

    # The default scenario, computed by the project's core.
    landscape = builtin("ravine")
    settings = [OptimizerSettings("sgd", alpha=0.018), OptimizerSettings("momentum", alpha=0.018, mu=0.9)]
    comparison = Comparison(landscape, settings, landscape.start)
    last = frames * steps_per_frame
    comparison.ensure(last)
    positions = comparison.trail(last)           # (steps + 1, optimizer, ball, 2)

    # The landscape on a grid, contoured once.
    x0, x1, y0, y1 = landscape.domain
    xs, ys = np.meshgrid(np.linspace(x0, x1, 241), np.linspace(y0, y1, 241))
    zs = landscape.value_xy(xs, ys)
    levels = np.linspace(zs.min(), zs.max(), 18)

    fig, axes = plt.subplots(1, 2, figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI)
    trails, balls, counters = [], [], []
    for ax, setting, colour in zip(axes, settings, ("tab:orange", "tab:red")):
        ax.contourf(xs, ys, zs, levels=levels, cmap="viridis")
        ax.contour(xs, ys, zs, levels=levels, colors="white", linewidths=0.5, alpha=0.6)
        mx, my = zip(*landscape.minima)
        ax.plot(mx, my, marker="*", color="gold", markersize=14, markeredgecolor="black",
                linestyle="none", zorder=4)
        (trail,) = ax.plot([], [], color=colour, linewidth=1.5, zorder=5)
        (ball,) = ax.plot([], [], marker="o", color=colour, markersize=10,
                          markeredgecolor="white", linestyle="none", zorder=6)
        counter = ax.text(0.02, 0.95, "", transform=ax.transAxes, color="white",
                          fontsize=11, va="top", zorder=7)
        ax.set_title(setting.title())
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        trails.append(trail)
        balls.append(ball)
        counters.append(counter)
    # Fixed margins rather than fig.tight_layout(): tight_layout leaves a placeholder
    # layout engine behind, which makes every savefig (i.e. every frame) draw twice.
    fig.subplots_adjust(left=0.065, right=0.985, bottom=0.1, top=0.93, wspace=0.18)

    def update(k: int):
        step = k * steps_per_frame
        for i, (trail, ball, counter) in enumerate(zip(trails, balls, counters)):
            path = positions[: step + 1, i, 0]
            trail.set_data(path[:, 0], path[:, 1])
            ball.set_data([path[-1, 0]], [path[-1, 1]])
            counter.set_text(f"step {step}")
        return (*trails, *balls, *counters)

    animation = FuncAnimation(fig, update, frames=frames, blit=False)
    if out_path.lower().endswith(".gif"):
        writer = PillowWriter(fps=fps)
    else:
        writer = FFMpegWriter(fps=fps, codec="libx264", extra_args=["-pix_fmt", "yuv420p"])
    animation.save(out_path, writer=writer, dpi=DPI)
    plt.close(fig)
    return time.perf_counter() - start


if __name__ == "__main__":
    for path in ("/tmp/mpl.mp4", "/tmp/mpl.gif"):
        seconds = render_matplotlib(path)
        print(f"{path}: {seconds:.2f} s, {os.path.getsize(path) / 1e6:.2f} MB")
