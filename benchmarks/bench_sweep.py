"""The (α, μ) map: a 200×200 grid of momentum runs, 500 steps each, on Rosenbrock.

Reports ball-steps per second (with the convergence/divergence bookkeeping a map needs),
the time to the coarse first picture the panel shows, and the time to the full map.
"""

from __future__ import annotations

import time

from physics.builtins import builtin
from physics.sweep import SweepGrid, run_sweep

STEPS = 500


def main():
    from app.qt.parameter_map_widget import COARSE_CELLS

    landscape = builtin("rosenbrock")
    grid = SweepGrid((1e-5, 5e-3), (0.0, 0.99), 200, 200)
    best = {}
    for name, g in (("first (coarse) picture", grid.coarse(COARSE_CELLS)), ("full map", grid)):
        seconds = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            run_sweep(landscape, landscape.start, g, STEPS)
            seconds = min(seconds, time.perf_counter() - start)
        best[name] = (seconds, g.n_alpha * g.n_mu)
    print(f"\n## (α, μ) map: 200×200 momentum runs × {STEPS} steps on Rosenbrock (best of 3)\n")
    print("| measure | value |\n|---|---:|")
    first, _ = best["first (coarse) picture"]
    full, cells = best["full map"]
    print(f"| time to the first (coarse, {COARSE_CELLS}×{COARSE_CELLS}) picture | {first * 1000:.0f} ms |")
    print(f"| time to the full map | {full:.2f} s |")
    print(f"| ball-steps per second (with bookkeeping) | {cells * STEPS / full / 1e6:.0f} M |")


if __name__ == "__main__":
    main()
