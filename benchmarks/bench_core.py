"""The batched kernel behind the (α, μ) map and swarm mode, held against a compiled loop.

40,000 balls × 500 heavy-ball steps on Rosenbrock, in ball-steps per second:

* :func:`physics.batch.run_batch` stepping only, and with the shared outcome rule (what
  the map and the swarm run), on one thread — each against ``floor_kernel.c``, the same
  arithmetic as one compiled, vectorised C loop (``floor_kernel.c`` says how), built
  with the machine's ``cc`` at benchmark time and run in the same benchmark, repeats
  interleaved so a busy neighbour slows both alike;
* the kernel on every core (the floor on every core too);
* the pure optimizer API on ``(N, 2)`` arrays (what the panes use for a few balls), for
  information.

Then the map as the window computes it: the coarse first picture and the full map
(Rosenbrock, the window's α range, 1,000 steps), each beside the time the compiled
floor with the outcome rule takes for the same ball-steps.

Why a C floor and not numba: see ``_FLOOR_NOTE`` and the README. No row is asserted in
a test; ``make bench`` prints them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aims import Result, judged, table  # noqa: E402

from optimizers import momentum  # noqa: E402
from physics.batch import run_batch  # noqa: E402
from physics.builtins import builtin  # noqa: E402
from physics.outcome import Tolerances  # noqa: E402
from physics.sweep import SweepGrid, run_sweep  # noqa: E402

BALLS, STEPS = 40_000, 500
ALPHA, MU = 2e-4, 0.9
REPEATS = 5
MAP_STEPS = 1000            # the map panel's default steps
UNIT = "M ball-steps/s"
SOURCE = Path(__file__).resolve().parent / "floor_kernel.c"
_FLOOR_NOTE = "compiled C loop (cc -O3, same arithmetic)"


def _starts():
    rng = np.random.default_rng(0)
    return np.c_[rng.uniform(-2, 2, BALLS), rng.uniform(-1, 3, BALLS)]


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


class Floor:
    """``floor_kernel.c`` built in a temporary folder; ``None`` from :meth:`build` if
    there is no C compiler (or it fails): the floor rows are then skipped."""

    def __init__(self, folder: Path, binary: Path, starts: np.ndarray):
        self.folder, self.binary = folder, binary
        self.inputs, self.outputs = folder / "starts.f64", folder / "final.f64"
        np.concatenate([starts[:, 0], starts[:, 1]]).tofile(self.inputs)
        tol = Tolerances.for_landscape(builtin("rosenbrock"))
        reach = tol.far * builtin("rosenbrock").extent
        self.tolerances = [repr(v) for v in (tol.gtol, tol.xtol, reach, tol.newton, tol.curvature)]

    @classmethod
    def build(cls, starts) -> "Floor | str":
        compiler = shutil.which(os.environ.get("CC", "cc"))
        if compiler is None:
            return "no C compiler (cc) on this machine: the compiled floor is skipped"
        folder = Path(tempfile.mkdtemp(prefix="ml-floor-"))
        binary = folder / "floor_kernel"
        done = subprocess.run([compiler, "-O3", "-march=native", "-ffp-contract=off", "-pthread",
                               "-o", str(binary), str(SOURCE), "-lm"], capture_output=True, text=True)
        if done.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            return f"{compiler} failed to build floor_kernel.c: the compiled floor is skipped"
        return cls(folder, binary, starts)

    def seconds(self, tracked: bool, threads: int) -> float:
        """Seconds the C loop spends stepping (its own clock: no start-up, no I/O)."""
        out = subprocess.run([str(self.binary), "1" if tracked else "0", str(threads), str(STEPS),
                              repr(ALPHA), repr(MU), *self.tolerances, str(self.inputs),
                              str(self.outputs)], capture_output=True, text=True, check=True)
        return float(out.stdout.split()[0])

    def final(self) -> tuple[np.ndarray, np.ndarray]:
        both = np.fromfile(self.outputs)
        return both[:BALLS], both[BALLS:]

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def pure_api():
    landscape, opt = builtin("rosenbrock"), momentum(ALPHA, MU)
    params = _starts()
    state = opt.init(params)
    with np.errstate(all="ignore"):
        for _ in range(STEPS):
            step, state = opt.update(landscape.grad(params), state, params)
            params = params + step


def _best_pairs(ours, floor, repeats=REPEATS):
    """Best of ``repeats`` of each, run alternately (so load hits both alike)."""
    best_ours = best_floor = float("inf")
    for _ in range(repeats):
        best_ours = min(best_ours, _seconds(ours))
        if floor is not None:
            best_floor = min(best_floor, floor())
    return best_ours, (best_floor if floor is not None else None)


def _rate(seconds):
    return None if seconds is None else BALLS * STEPS / seconds / 1e6


def kernel_results() -> list[Result]:
    """Our kernel against the compiled floor, ball-steps per second."""
    landscape, starts = builtin("rosenbrock"), _starts()
    floor = Floor.build(starts)
    skipped = floor if isinstance(floor, str) else ""
    floor = None if skipped else floor
    cores = os.cpu_count() or 1
    rows = []
    try:
        agrees = ""
        if floor is not None:
            floor.seconds(False, 1)
            ours = run_batch(landscape, starts, ALPHA, MU, STEPS, track=False)
            fx, fy = floor.final()
            # The floor does the same arithmetic: its balls must end where ours do.
            if not (np.array_equal(fx, ours.x) and np.array_equal(fy, ours.y)):
                agrees = " (floor's positions DIFFER from the kernel's: check it)"
        cases = [
            ("map kernel, stepping only, 1 thread", False, 1, 1),
            ("map kernel + outcome rule (what map and swarm run), 1 thread", True, 1, 1),
            (f"map kernel + outcome rule, {cores} threads", True, cores, cores),
        ]
        for name, tracked, threads, floor_threads in cases:
            ours, best_floor = _best_pairs(
                lambda: run_batch(landscape, starts, ALPHA, MU, STEPS, track=tracked,
                                  threads=threads),
                None if floor is None else (lambda: floor.seconds(tracked, floor_threads)))
            floor_name = (f"{_FLOOR_NOTE}{', outcome checks' if tracked else ''}, "
                          f"{floor_threads} thread{'s' if floor_threads > 1 else ''}{agrees}")
            case = f"{name}: {BALLS:,} balls × {STEPS} steps, Rosenbrock"
            if floor is None:
                rows.append(Result(case, _rate(ours), UNIT, aim=f"≤ 3× floor — {skipped}"))
            else:
                rows.append(judged(case, _rate(ours), UNIT, floor_name, _rate(best_floor), 3,
                                   bigger_is_better=True))
        api, _ = _best_pairs(pure_api, None, repeats=2)
        rows.append(Result("pure optimizer API, (N, 2) arrays (the panes' path), 1 thread",
                           _rate(api), UNIT))
    finally:
        if floor is not None:
            floor.close()
    floor_rate = None
    tracked_floor = [r for r in rows if "outcome rule" in r.case and "1 thread" in r.case]
    if tracked_floor and tracked_floor[0].floor:
        floor_rate = tracked_floor[0].floor
    return rows + map_results(floor_rate)


def _map_sizes() -> tuple[int, int]:
    """The window's (full, coarse) cells per side; Qt is only needed to read them."""
    try:
        from app.qt.parameter_map_widget import COARSE_CELLS, MAP_CELLS  # noqa: PLC0415
    except ImportError:   # no Qt: the values as of writing
        return 160, 32
    return MAP_CELLS, COARSE_CELLS


def map_results(floor_rate: float | None = None) -> list[Result]:
    """The map as the window computes it: first (coarse) picture, then the full map.

    ``floor_rate`` (M ball-steps/s of the compiled floor with the outcome rule, one
    thread) turns into the time the floor would take for the same ball-steps.
    """
    landscape = builtin("rosenbrock")
    full_cells, coarse_cells = _map_sizes()
    base = landscape.alpha
    grid = SweepGrid((base / 100, base * 5), (0.0, 0.99), full_cells, full_cells)
    coarse = grid.coarse(coarse_cells)
    first = whole = float("inf")
    for _ in range(3):
        first_s = _seconds(lambda: run_sweep(landscape, landscape.start, coarse, MAP_STEPS))
        full_s = _seconds(lambda: run_sweep(landscape, landscape.start, grid, MAP_STEPS))
        first, whole = min(first, first_s), min(whole, first_s + full_s)
    rows = []
    for case, seconds, cells in (
            (f"map: first (coarse {coarse_cells}×{coarse_cells}) picture", first,
             coarse.n_alpha * coarse.n_mu),
            (f"map: full {full_cells}×{full_cells} (after the coarse one)", whole,
             coarse.n_alpha * coarse.n_mu + grid.n_alpha * grid.n_mu)):
        floor = None if floor_rate is None else cells * MAP_STEPS / (floor_rate * 1e6) * 1000
        rows.append(Result(f"{case}, {MAP_STEPS} steps, Rosenbrock", seconds * 1000, "ms",
                           "compiled floor + outcome checks, same ball-steps" if floor else "",
                           floor))
    return rows


def results() -> list[Result]:
    """Every row of this benchmark: the kernel against its floor, then the map."""
    return kernel_results()


def main():
    print(f"## Map and swarm kernel: {BALLS:,} balls × {STEPS} momentum steps on Rosenbrock "
          f"(best of {REPEATS}, floor measured in the same run)\n")
    print(table(results()))


if __name__ == "__main__":
    main()
