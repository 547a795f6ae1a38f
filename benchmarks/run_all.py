"""``make bench``: every benchmark in one run, printed as one Markdown table for the README.

Each module's ``results()`` gives rows (:class:`aims.Result`): a figure, the floor or peer
it is held against — measured in this same run, so the ratio is fair on a shared, noisy
machine — the aim of issue #13, and whether it is met. The header says when, on what
and under what load the figures were taken; paste the whole output into the README.
"""

from __future__ import annotations

import datetime
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aims import table  # noqa: E402

#: The benchmark modules, in the table's order: the window, the command line, exports,
#: the batched kernel.
MODULES = ("bench_frames", "bench_run", "bench_export", "bench_core")


def _load() -> str:
    try:
        return " / ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def main():
    import importlib

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Measured {now} on {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.machine()}; load average before: {_load()}\n")
    rows, extra = [], []
    for name in MODULES:
        module = importlib.import_module(name)
        rows.extend(module.results())
        if hasattr(module, "extra_sections"):
            extra.append(module.extra_sections)
    print(table(rows))
    print(f"\nLoad average after: {_load()}")
    for section in extra:
        section()


if __name__ == "__main__":
    main()
