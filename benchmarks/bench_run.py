"""The single-run engine: ``momentum-lab run --steps 1000000`` and ``Comparison.ensure``.

The floor is a plain-Python scalar loop (:data:`FLOOR`): momentum on the ravine, two
floats per quantity, writing the same CSV columns with ``repr``. It is checked against
our CSV byte for byte (the row says whether it matched). Every figure is a fresh
process, timed in the same run as the floor (best of a few: the machine is shared):

* ``run --steps 1000000`` to a CSV file, against the floor;
* the app's ``Comparison.ensure(1_000_000)`` (the panes' history), against the floor;
* peak resident memory (Linux ``VmHWM``) of ``run`` at 1,000,000 steps, CSV and JSON,
  against the same command at 1,000 steps: rows are streamed, so it should not grow
  (before issue 11 it was 1.1 GB and 3.8 GB; before issue 13, 135 MB for the CSV);
* and, for information, the floor's own peak memory (it imports no numpy).
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from aims import Result, judged, table  # noqa: E402

STEPS = 1_000_000
REPEATS = 2
ROOT = Path(__file__).resolve().parent.parent

#: The scalar floor: argv = steps, output file. Ravine ½(x² + 100y²), α = 0.018, μ = 0.9.
FLOOR = r'''
import sys
steps, out = int(sys.argv[1]), sys.argv[2]
k, alpha, mu = 100.0, 0.018, 0.9
x, y, px, py = -4.5, 1.0, 0.0, 0.0
gx, gy = 1.0 * x, k * y
loss = 0.5 * (x * x + k * (y * y))
lines = ["step,x,y,loss,grad_x,grad_y,p_x,p_y,kinetic,potential,alpha,mu\n",
         f"0,{x!r},{y!r},{loss!r},{gx!r},{gy!r},{px!r},{py!r},{0.5 * (px * px + py * py)!r},"
         f"{alpha * loss!r},,\n"]
with open(out, "w") as handle:
    for t in range(1, steps + 1):
        px = mu * px - alpha * gx
        py = mu * py - alpha * gy
        x = x + px
        y = y + py
        gx, gy = 1.0 * x, k * y
        loss = 0.5 * (x * x + k * (y * y))
        lines.append(f"{t},{x!r},{y!r},{loss!r},{gx!r},{gy!r},{px!r},{py!r},"
                     f"{0.5 * (px * px + py * py)!r},{alpha * loss!r},{alpha!r},{mu!r}\n")
        if len(lines) >= 4096:
            handle.write("".join(lines))
            lines.clear()
    handle.write("".join(lines))
'''

#: Ours, in a fresh process: argv = "run" ARGS… or "ensure" STEPS.
OURS = r'''
import sys
if sys.argv[1] == "ensure":
    from optimizers import OptimizerSettings
    from physics.builtins import builtin
    from physics.simulation import Comparison
    ravine = builtin("ravine")
    run = Comparison(ravine, [OptimizerSettings("momentum", ravine.alpha, ravine.mu)],
                     ravine.start)
    assert run.ensure(int(sys.argv[2])) == int(sys.argv[2])
else:
    from app.cli.main import main
    assert main(sys.argv[1:]) == 0
'''

#: Appended to either script: print the process's peak resident size in kB.
_PEAK = r'''
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM")))
'''


def _fresh(script: str, *argv: str) -> tuple[float, float | None]:
    """``(seconds, peak MB or None)`` of ``script`` in a fresh Python process."""
    peak = os.path.exists("/proc/self/status")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script + (_PEAK if peak else ""), *argv],
                            capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    seconds = time.perf_counter() - start
    return seconds, int(result.stdout.split()[-1]) / 1024 if peak else None


def _best(script: str, *argv: str, repeats: int = REPEATS) -> tuple[float, float | None]:
    runs = [_fresh(script, *argv) for _ in range(repeats)]
    return min(s for s, _ in runs), max((mb for _, mb in runs if mb is not None), default=None)


def results() -> list[Result]:
    """The engine's rows for ``make bench``."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        floor_csv, ours_csv = os.path.join(folder, "floor.csv"), os.path.join(folder, "ours.csv")
        floor_s, floor_mb = _best(FLOOR, str(STEPS), floor_csv, repeats=REPEATS + 1)
        run_s, run_mb = _best(OURS, "run", "--steps", str(STEPS), "--out", ours_csv)
        same = filecmp.cmp(floor_csv, ours_csv, shallow=False)
        ensure_s, _ = _best(OURS, "ensure", str(STEPS))
        floor_name = "plain-Python scalar loop, CSV " + ("byte-identical" if same
                                                         else "NOT byte-identical")
        rows.append(judged(f"`run --steps {STEPS:,}` (CSV)", run_s, "s", floor_name, floor_s, 3))
        rows.append(judged(f"`Comparison.ensure({STEPS:_})` (the app's history)", ensure_s, "s",
                           floor_name, floor_s, 3))
        if run_mb is not None:
            for fmt, mb in (("csv", run_mb), ("json", None)):
                out = os.path.join(folder, f"small.{fmt}")
                _, small_mb = _fresh(OURS, "run", "--steps", "1000", "--format", fmt, "--out", out)
                if mb is None:
                    _, mb = _fresh(OURS, "run", "--steps", str(STEPS), "--format", fmt,
                                   "--out", os.path.join(folder, f"big.{fmt}"))
                rows.append(judged(f"peak memory, `run --steps {STEPS:,}` ({fmt.upper()})", mb,
                                   "MB", "the same at 1,000 steps", small_mb, 1.25,
                                   aim="flat: ≤ 1.25× the 1,000-step run"))
            rows.append(Result(f"peak memory of the scalar floor ({STEPS:,} steps, no numpy)",
                               floor_mb, "MB", "ours, CSV", run_mb))
    return rows


def main():
    print(f"\n## The single-run engine: {STEPS:,} momentum steps on the ravine\n")
    print(table(results()))


if __name__ == "__main__":
    main()
