"""Export speed and size against a hand-written matplotlib FuncAnimation, in one run,
and the memory an export needs as it gets longer.

The default two-pane scenario, 240 frames at 1200×500, 30 fps, to MP4 and to GIF —
once with ``momentum-lab``'s exporter, once with ``matplotlib_baseline.py`` (what people
write by hand today). Same machine, same run, so the ratios are fair.

Memory: the peak resident size of a fresh process exporting 100, 1,000 and 5,000 frames
(and of the ffmpeg it runs, for MP4). An encoder that keeps frames grows with the count
(a 1200×500 frame is 1.8 MB); ours should not grow at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FRAMES, SIZE = 240, (1200, 500)
MEMORY_FRAMES = (100, 1000, 5000)

_EXPORT = f"""
import glob, resource, sys
from app.model.export_plan import ExportPlan
from app.model.scenario import default_scenario
from app.qt.exporter import export_animation

def peak_kb(pid="self"):
    # VmHWM is the peak of this process image alone; on Linux ru_maxrss also counts what
    # the parent held when it forked (the benchmark's own 900 MB after matplotlib).
    try:
        with open(f"/proc/{{pid}}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        return 0

ffmpeg = 0
def progress(done, total):
    global ffmpeg
    if done % 50 == 0 or done == total:
        for listing in glob.glob("/proc/self/task/*/children"):
            ffmpeg = max([ffmpeg] + [peak_kb(pid) for pid in open(listing).read().split()])
    return True

export_animation(default_scenario(), ExportPlan(sys.argv[1], frames=int(sys.argv[2]), size={SIZE}),
                 progress)
maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == "darwin" else 1)
print(peak_kb() or maxrss, ffmpeg)
"""


def ours(path: str) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.model.export_plan import ExportPlan
    from app.model.scenario import default_scenario
    from app.qt.exporter import export_animation

    start = time.perf_counter()
    export_animation(default_scenario(), ExportPlan(path, frames=FRAMES, size=SIZE))
    return time.perf_counter() - start


def peak_memory(path: str, frames: int) -> tuple[float, float]:
    """Peak resident MB of one export in a fresh process, and of the ffmpeg it runs (0 for
    a GIF, or where ``/proc`` is missing)."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    out = subprocess.run([sys.executable, "-c", _EXPORT, path, str(frames)], capture_output=True,
                         text=True, check=True, cwd=root, env=env).stdout
    ours, ffmpeg = (int(v) / 1024 for v in out.split()[-2:])
    return ours, ffmpeg


def memory():
    print(f"\n## Export memory: peak resident size, default scenario at {SIZE[0]}×{SIZE[1]}\n")
    print("| format | " + " | ".join(f"{n:,} frames" for n in MEMORY_FRAMES) + " |")
    print("|---|" + "---:|" * len(MEMORY_FRAMES))
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".gif", ".mp4"):
            cells = []
            for frames in MEMORY_FRAMES:
                ours, ffmpeg = peak_memory(os.path.join(folder, f"m{frames}{suffix}"), frames)
                cells.append(f"{ours:.0f} MB" + (f" + ffmpeg {ffmpeg:.0f} MB" if ffmpeg else ""))
            print(f"| {suffix[1:].upper()} | " + " | ".join(cells) + " |")


def main():
    from matplotlib_baseline import render_matplotlib

    print(f"\n## Export: {FRAMES} frames at {SIZE[0]}×{SIZE[1]}, default scenario\n")
    print("| format | momentum-lab | matplotlib by hand | speed-up | size (ours / matplotlib) |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".mp4", ".gif"):
            mine, theirs = os.path.join(folder, "ours" + suffix), os.path.join(folder, "mpl" + suffix)
            t_ours = ours(mine)
            t_mpl = render_matplotlib(theirs, frames=FRAMES)
            print(f"| {suffix[1:].upper()} | {t_ours:.1f} s | {t_mpl:.1f} s | {t_mpl / t_ours:.1f}× | "
                  f"{os.path.getsize(mine) / 1e6:.2f} MB / {os.path.getsize(theirs) / 1e6:.2f} MB |")
    memory()


if __name__ == "__main__":
    main()
