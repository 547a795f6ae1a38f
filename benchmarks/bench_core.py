"""Ball-steps per second of the vectorised core (momentum on Rosenbrock).

Three ways to step 40,000 balls for 500 momentum steps, in one run so the ratios are
fair on a noisy shared machine:

* the pure optimizer API on ``(N, 2)`` arrays (what the panes use for a few balls);
* :func:`physics.batch.run_batch` (the kernel behind the map) on one thread (separate x/y arrays);
* :func:`physics.batch.run_batch` on every core;
* and the batch with the shared outcome rule (what a sweep needs).
"""

from __future__ import annotations

import time

import numpy as np

from optimizers import momentum
from physics.builtins import builtin
from physics.batch import run_batch

BALLS, STEPS = 40_000, 500
ALPHA, MU = 2e-4, 0.9


def _starts():
    rng = np.random.default_rng(0)
    return np.c_[rng.uniform(-2, 2, BALLS), rng.uniform(-1, 3, BALLS)]


def _best_of(fn, repeats=3):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def pure_api():
    landscape, opt = builtin("rosenbrock"), momentum(ALPHA, MU)
    params = _starts()
    state = opt.init(params)
    with np.errstate(all="ignore"):
        for _ in range(STEPS):
            step, state = opt.update(landscape.grad(params), state, params)
            params = params + step


def run() -> list[tuple[str, float, str]]:
    landscape, starts = builtin("rosenbrock"), _starts()
    cases = [
        ("pure optimizer API, (N, 2) arrays", pure_api),
        ("batch kernel, 1 thread", lambda: run_batch(landscape, starts, ALPHA, MU, STEPS,
                                              track=False, threads=1)),
        ("batch kernel, all cores", lambda: run_batch(landscape, starts, ALPHA, MU, STEPS, track=False)),
        ("batch kernel + outcome rule (convergence, divergence), all cores",
         lambda: run_batch(landscape, starts, ALPHA, MU, STEPS, track=True)),
    ]
    rows = []
    baseline = None
    for name, fn in cases:
        seconds = _best_of(fn)
        rate = BALLS * STEPS / seconds
        baseline = baseline or rate
        rows.append((name, rate, f"{rate / baseline:.1f}×"))
    return rows


def main():
    print(f"## Core: {BALLS:,} balls × {STEPS} momentum steps on Rosenbrock (best of 3)\n")
    print("| path | ball-steps/s | vs pure API |\n|---|---:|---:|")
    for name, rate, ratio in run():
        print(f"| {name} | {rate / 1e6:.0f} M | {ratio} |")


if __name__ == "__main__":
    main()
