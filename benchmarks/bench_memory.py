"""The memory of ``momentum-lab run --steps 1000000``: streamed rows against the floor.

Each figure is the peak resident size (Linux ``VmHWM``) of a fresh process. The floor is
the same process computing the same million steps and writing nothing: what the run's
own history needs (about 60 bytes a step). CSV and JSON stream their rows, so they
should sit near it; before issue 11 they held 1.1 GB and 3.8 GB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STEPS = 1_000_000

_RUN = """
import sys
from app.cli.main import main
if sys.argv[1] == "none":
    from physics.builtins import builtin
    from physics.simulation import Comparison
    from optimizers import OptimizerSettings
    ravine = builtin("ravine")
    run = Comparison(ravine, [OptimizerSettings("momentum", ravine.alpha, ravine.mu)], ravine.start)
    run.ensure(int(sys.argv[2]))
else:
    main(["run", "--steps", sys.argv[2], "--format", sys.argv[1], "--out", sys.argv[3]])
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM")))
"""


def peak_mb(fmt: str, out: str) -> tuple[float, float]:
    """Peak resident MB and seconds of one run in a fresh process."""
    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root))
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _RUN, fmt, str(STEPS), out],
                            capture_output=True, text=True, check=True, cwd=root, env=env)
    return int(result.stdout.split()[-1]) / 1024, time.perf_counter() - start


def main():
    if not os.path.exists("/proc/self/status"):
        print("\n(run memory needs Linux's /proc: skipped)")
        return
    print(f"\n## `run --steps {STEPS:,}`: peak memory\n")
    print("| output | peak resident | time | file |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        floor, seconds = peak_mb("none", "")
        print(f"| nothing (floor: the run's history) | {floor:.0f} MB | {seconds:.0f} s | — |")
        for fmt in ("csv", "json"):
            out = os.path.join(folder, f"run.{fmt}")
            mb, seconds = peak_mb(fmt, out)
            print(f"| {fmt.upper()} | {mb:.0f} MB ({mb / floor:.1f}× floor) | {seconds:.0f} s | "
                  f"{os.path.getsize(out) / 1e6:.0f} MB |")


if __name__ == "__main__":
    main()
