"""The window's speed: a frame's cost at any step, size and noise; scrubbing; start-up.

Offscreen, the default two-pane scenario (the ravine: SGD against momentum). A *frame*
is what the playback timer causes at 60 fps: the playhead moves (balls, trails, arrows,
readouts update) and Qt repaints what changed; while playing, the numeric readouts
refresh every 100 ms and the loss plot every 50 ms (faster than that nobody can read
them), exactly as on screen. Each figure is the best of three repeats: on a shared machine
the other work only ever adds time.

The floor of every frame case is the same window at step 100, 1400×800, measured in the
same run: the issue's aim is that a frame costs the same at step 100, 100,000 and
1,000,000, with or without noise (within 1.5×, and at most 6 ms on a quiet machine),
at 2560×1440 within 2× of 1400×800, with four panes within 2× of two, and with many
seeds (32 a pane under noise) within 2× of one ball a pane.

Scrubbing is the timeline dragged across a long noisy history: each move seeks a new
step (the controller's ``seek``, what the slider calls) and Qt repaints. The aim is 30
updates a second anywhere on the timeline.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from dataclasses import replace

from aims import Result, judged

FRAMES = 240
#: The long history of the scrubbing and long-run cases (smaller for a quick look:
#: ``MOMENTUM_BENCH_LONG=200000``; the README's figures use the default).
LONG = int(os.environ.get("MOMENTUM_BENCH_LONG", 1_000_000))
NOISE = 0.5
SEEDS = 32

_STARTUP = r"""
import time, os
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6 import QtWidgets
app = QtWidgets.QApplication([])
from app.qt.main_window import MainWindow
w = MainWindow(); w.resize(1400, 800); w.show()
w.grab()
print(time.perf_counter() - t0)
w.controller.shutdown()
"""


class _Window:
    """A main window on a scenario, its run computed far enough, ready to be timed."""

    def __init__(self, size=(1400, 800), sigma=0.0, panes=2, steps=0, seeds=None):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from app.model.scenario import default_scenario
        from app.qt.application import ensure_application
        from app.qt.main_window import MainWindow

        self.app = ensure_application()
        self.window = MainWindow()
        self.window.resize(*size)
        self.window.show()
        scenario = default_scenario()
        settings = list(scenario.panes)
        while len(settings) < panes:
            settings.append(replace(settings[len(settings) % 2]))
        scenario = replace(scenario, sigma=sigma, panes=tuple(settings[:panes]), seeds=seeds)
        self.window.request(lambda: self.window.workspace.apply(scenario))
        self.controller = self.window.controller
        self.controller.comparison.ensure(steps + FRAMES + 2)
        self.controller.seek(steps)
        self.app.processEvents()
        self.window.grab()

    def frame_ms(self, step: int) -> float:
        """Cost of a frame, the best of three runs of :data:`FRAMES` frames from ``step``."""
        controller, app = self.controller, self.app
        runs = []
        for _ in range(3):
            controller.seek(step)
            # Mark the run as playing (readouts and the loss plot then refresh at their
            # own pace, as during real playback) but drive the frames by hand to time them.
            controller._timer.start(10**6)
            app.processEvents()
            start = time.perf_counter()
            for k in range(FRAMES):
                controller._show(step + k * 0.97)   # a new step nearly every frame, as at 60 fps
                app.processEvents()                   # Qt repaints what changed, as on screen
            runs.append((time.perf_counter() - start) / FRAMES * 1000)
        controller._timer.stop()
        return min(runs)

    def scrub_rate(self, low: int, high: int, moves: int = 60) -> float:
        """Updates a second while the timeline is dragged back and forth in ``low..high``."""
        import numpy as np

        controller, app = self.controller, self.app
        rng = np.random.default_rng(0)
        # A hand on a slider: moves of a few hundred steps either way, now and then a jump.
        targets = np.clip(high - (high - low) // 2 + np.cumsum(rng.integers(-(high - low) // 40,
                                                                          (high - low) // 40, moves)),
                          low, high)
        start = time.perf_counter()
        for k in targets:
            controller.seek(int(k))
            app.processEvents()
        return moves / (time.perf_counter() - start)

    def close(self):
        """Close and free the window (its run's history with it) before the next case."""
        from PySide6 import QtCore

        self.controller.shutdown()
        self.window.close()
        self.window.deleteLater()
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
        self.window = self.controller = None
        gc.collect()


def startup_time() -> float:
    runs = []
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", _STARTUP], capture_output=True, text=True,
                                timeout=120,
                                cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        runs.append(float(result.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def results() -> list[Result]:
    rows = []
    w = _Window()
    floor = w.frame_ms(100)
    rows.append(Result("frame, 2 panes, 1400×800, step 100 (the floor)", floor, "ms",
                       aim="≤ 6 ms", met=floor <= 6))
    w.close()

    def frame_case(case, ms, most, absolute=6.0):
        rows.append(judged(case, ms, "ms", "step 100", floor, most, absolute=absolute))

    # The small windows first: the long history's quarter-gigabyte comes last.
    w = _Window(size=(2560, 1440))
    rows.append(judged("frame at 2560×1440", w.frame_ms(100), "ms", "1400×800", floor, 2.0))
    w.close()
    w = _Window(panes=4)
    rows.append(judged("frame, 4 panes", w.frame_ms(100), "ms", "2 panes", floor, 2.0))
    w.close()
    w = _Window(steps=100_000)
    frame_case("frame at step 100,000 (no noise)", w.frame_ms(100_000), 1.5)
    w.close()
    # Many seeds: every seed's dot, the median ball and path, the loss band and floors.
    w = _Window(sigma=NOISE, seeds=SEEDS, steps=2_000)
    rows.append(judged(f"frame, many seeds: 2 panes × {SEEDS} seeds, noise σ = {NOISE}, "
                       f"step 2,000", w.frame_ms(2_000), "ms", "step 100", floor, 2.0))
    w.close()
    w = _Window(sigma=NOISE, steps=LONG)
    frame_case(f"frame at step 100,000, noise σ = {NOISE}", w.frame_ms(100_000), 1.5)
    frame_case(f"frame at step {LONG:,}, noise σ = {NOISE}", w.frame_ms(LONG - FRAMES - 2), 1.5)
    for name, low, high in (("near the end", LONG - 100_000, LONG), ("anywhere", 0, LONG)):
        rate = w.scrub_rate(low, high)
        rows.append(Result(f"scrubbing a {LONG:,}-step noisy history, {name}", rate,
                           "updates/s", aim="≥ 30 updates/s", met=rate >= 30))
    w.close()
    start = startup_time()
    rows.append(Result("start-up to the first painted frame", start, "s",
                       aim="≤ 0.7 s (quiet machine)", met=start <= 0.7))
    return rows


def main():
    from aims import table

    print("\n## The window (offscreen, default scenario)\n")
    print(table(results()))


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
