"""Export speed against its encoder floors and against matplotlib, in one run, and the
memory an export needs as it gets longer.

The default two-pane scenario, 240 frames at 30 fps. Each figure is the wall time of a
whole export (``export_animation``: canvas, frames, encoder, file in place), held against
a floor or peer measured in the same run (best of :data:`REPEATS`, the two interleaved, so
a busy moment of this shared machine hits both alike):

* MP4 and GIF at 1200×500 against their encoder floors (``export_floors.py``): the same
  frames, drawn beforehand, encoded alone — by ffmpeg with our settings, and by our GIF
  encoder's process, each reading the raw file itself. Aim: within 2×.
* MP4 at 1920×1080 against its ffmpeg floor too, for information: at that size ffmpeg
  alone may already take more than a twentieth of matplotlib's time, and then no
  exporter can be 20× faster (the row below it says so).
* MP4 at 1200×500 and 1920×1080, and GIF at 1200×500, against ``matplotlib_baseline.py``
  (a careful FuncAnimation, what people write by hand). Aim: at least 20× faster; the
  ratio column is our time over matplotlib's, so the aim reads "≤ 0.05×". matplotlib is
  slow, so it runs once per case; ours takes the best of its repeats.

Memory: the peak resident size of a fresh process exporting 100, 1,000 and 5,000 frames
(and of the encoder process it runs: ffmpeg, or our GIF writer). An encoder that keeps frames grows with the count
(a 1200×500 frame is 1.8 MB); ours should not grow at all.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aims import Result, judged, table  # noqa: E402
from export_floors import ffmpeg_floor, gif_floor, prerender  # noqa: E402

FRAMES, SIZE, LARGE = 240, (1200, 500), (1920, 1080)
REPEATS = int(os.environ.get("MOMENTUM_LAB_BENCH_REPEATS", "3"))
FLOOR_FACTOR, PEER_SPEEDUP = 2.0, 20.0
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


def ours(path: str, size=SIZE, frames: int = FRAMES) -> float:
    """Seconds for a whole export by ``momentum-lab``'s exporter."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.model.export_plan import ExportPlan  # noqa: PLC0415
    from app.model.scenario import default_scenario  # noqa: PLC0415
    from app.qt.exporter import export_animation  # noqa: PLC0415

    start = time.perf_counter()
    export_animation(default_scenario(), ExportPlan(path, frames=frames, size=size))
    return time.perf_counter() - start


def _case(suffix: str, size) -> str:
    return f"export {suffix[1:].upper()}, {FRAMES} frames {size[0]}×{size[1]}"


def results() -> list[Result]:
    """The export rows of ``make bench``: against the encoder floors, then matplotlib."""
    from matplotlib_baseline import render_matplotlib  # noqa: PLC0415

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        raw, raw_large = os.path.join(folder, "frames.rgb"), os.path.join(folder, "large.rgb")
        prerender(raw, FRAMES, SIZE)
        prerender(raw_large, FRAMES, LARGE)
        out = {name: os.path.join(folder, name) for name in
               ("ours.mp4", "ours.gif", "floor.mp4", "floor.gif", "big.mp4", "big floor.mp4",
                "mpl.mp4", "mpl.gif")}
        best = dict.fromkeys(("mp4", "gif", "ffmpeg", "gif floor", "mp4 large", "ffmpeg large"),
                             float("inf"))
        for _ in range(REPEATS):
            best["mp4"] = min(best["mp4"], ours(out["ours.mp4"]))
            best["ffmpeg"] = min(best["ffmpeg"], ffmpeg_floor(raw, SIZE, out["floor.mp4"]))
            best["gif"] = min(best["gif"], ours(out["ours.gif"]))
            best["gif floor"] = min(best["gif floor"], gif_floor(raw, SIZE, out["floor.gif"]))
            best["mp4 large"] = min(best["mp4 large"], ours(out["big.mp4"], LARGE))
            best["ffmpeg large"] = min(best["ffmpeg large"],
                                       ffmpeg_floor(raw_large, LARGE, out["big floor.mp4"]))
        rows.append(judged(_case(".mp4", SIZE), best["mp4"], "s",
                           "ffmpeg alone on the same raw frames", best["ffmpeg"], FLOOR_FACTOR))
        rows.append(judged(_case(".gif", SIZE), best["gif"], "s",
                           "our GIF encoder's process alone on the same frames", best["gif floor"],
                           FLOOR_FACTOR))
        rows.append(judged(_case(".mp4", LARGE), best["mp4 large"], "s",
                           "ffmpeg alone on the same raw frames", best["ffmpeg large"],
                           FLOOR_FACTOR, aim="for information"))
        rows[-1] = dataclasses.replace(rows[-1], met=None)
        peers = ((".mp4", SIZE, best["mp4"], "mpl.mp4"), (".mp4", LARGE, best["mp4 large"], "mpl.mp4"),
                 (".gif", SIZE, best["gif"], "mpl.gif"))
        for suffix, size, mine, name in peers:
            theirs = render_matplotlib(out[name], frames=FRAMES, size=size)
            rows.append(judged(_case(suffix, size) + f" ({theirs / mine:.0f}× faster)", mine, "s",
                               "matplotlib FuncAnimation", theirs, 1 / PEER_SPEEDUP,
                               aim=f"≥ {PEER_SPEEDUP:g}× faster (≤ {1 / PEER_SPEEDUP:g}× its time)"))
            if size == LARGE and best["ffmpeg large"] > theirs / PEER_SPEEDUP:
                rows.append(Result(f"ffmpeg alone, {FRAMES} frames {size[0]}×{size[1]}: more "
                                   f"than matplotlib / {PEER_SPEEDUP:g} — no exporter can be "
                                   f"{PEER_SPEEDUP:g}× faster here", best["ffmpeg large"], "s",
                                   "matplotlib / 20", theirs / PEER_SPEEDUP, "for information"))
    return rows


def peak_memory(path: str, frames: int) -> tuple[float, float]:
    """Peak resident MB of one export in a fresh process, and of the encoder process it
    runs (0 where ``/proc`` is missing)."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    out = subprocess.run([sys.executable, "-c", _EXPORT, path, str(frames)], capture_output=True,
                         text=True, check=True, cwd=root, env=env).stdout
    mine, ffmpeg = (int(v) / 1024 for v in out.split()[-2:])
    return mine, ffmpeg


def memory():
    print(f"\n## Export memory: peak resident size, default scenario at {SIZE[0]}×{SIZE[1]}\n")
    print("| format | " + " | ".join(f"{n:,} frames" for n in MEMORY_FRAMES) + " |")
    print("|---|" + "---:|" * len(MEMORY_FRAMES))
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".gif", ".mp4"):
            cells = []
            for frames in MEMORY_FRAMES:
                mine, ffmpeg = peak_memory(os.path.join(folder, f"m{frames}{suffix}"), frames)
                encoder = "ffmpeg" if suffix == ".mp4" else "GIF writer"
                cells.append(f"{mine:.0f} MB" + (f" + {encoder} {ffmpeg:.0f} MB" if ffmpeg else ""))
            print(f"| {suffix[1:].upper()} | " + " | ".join(cells) + " |")


def main():
    print(f"\n## Export: {FRAMES} frames, default scenario, best of {REPEATS}\n")
    print(table(results()))
    memory()


if __name__ == "__main__":
    main()

#: Printed after the table: the memory an export needs as it gets longer.
extra_sections = memory
