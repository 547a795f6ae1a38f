"""Cost of one animation frame and the start-up time to the first painted frame.

Offscreen, window 1400×800, the default two-pane scenario. A "frame" is what the
playback timer causes at 60 fps: the playhead moves (balls, trails, arrows, readouts
update) and Qt repaints what changed. While playing, the numeric readouts refresh every
100 ms and the loss plot every 50 ms: faster than that nobody can read them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

FRAMES = 300

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


def frame_cost(swarm: bool = False) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.qt.application import ensure_application
    from app.qt.main_window import MainWindow

    app = ensure_application()   # the tools' application: Qt's chatter kept off the table
    window = MainWindow()
    window.resize(1400, 800)
    window.show()
    if swarm:
        window.request(lambda: window.workspace.change(landscape="two-gaussian", start=None))
        window.qactions["swarm"].setChecked(True)
    controller = window.controller
    controller.comparison.ensure(FRAMES)
    window.grab()
    # Mark the run as playing (readouts and the loss plot then refresh at their own
    # pace, as during real playback) but drive the frames by hand to time them.
    controller._timer.start(10**6)
    start = time.perf_counter()
    for k in range(FRAMES):
        controller._show(k * 0.97)          # what a timer tick does: a new step nearly every frame
        app.processEvents()                 # Qt repaints what changed, as on screen
    elapsed = time.perf_counter() - start
    controller.shutdown()
    window.close()
    return elapsed / FRAMES


def startup_time() -> float:
    result = subprocess.run([sys.executable, "-c", _STARTUP], capture_output=True, text=True,
                            timeout=120, cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return float(result.stdout.strip().splitlines()[-1])


def main():
    cost = frame_cost()
    swarm_cost = frame_cost(swarm=True)
    start = startup_time()
    print("\n## The window (offscreen, 1400×800, two panes + loss plot)\n")
    print("| measure | value |\n|---|---:|")
    print(f"| one frame: playhead move + repaint | {cost * 1000:.1f} ms (up to {1 / cost:.0f} fps) |")
    print(f"| one frame in swarm mode (2 panes × 1024 balls) | {swarm_cost * 1000:.1f} ms |")
    print(f"| start-up to the first painted frame | {start:.2f} s |")


if __name__ == "__main__":
    main()
