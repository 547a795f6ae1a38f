"""Export speed and size against a hand-written matplotlib FuncAnimation, in one run.

The default two-pane scenario, 240 frames at 1200×500, 30 fps, to MP4 and to GIF —
once with ``momentum-lab``'s exporter, once with ``matplotlib_baseline.py`` (what people
write by hand today). Same machine, same run, so the ratios are fair.
"""

from __future__ import annotations

import os
import tempfile
import time

FRAMES, SIZE = 240, (1200, 500)


def ours(path: str) -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.model.export_plan import ExportPlan
    from app.model.scenario import default_scenario
    from app.qt.exporter import export_animation

    start = time.perf_counter()
    export_animation(default_scenario(), ExportPlan(path, frames=FRAMES, size=SIZE))
    return time.perf_counter() - start


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


if __name__ == "__main__":
    main()
