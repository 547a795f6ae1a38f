"""``make bench``: every benchmark in one run, printed as Markdown for the README."""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_core  # noqa: E402
import bench_export  # noqa: E402
import bench_frames  # noqa: E402
import bench_memory  # noqa: E402
import bench_sweep  # noqa: E402


def main():
    print(f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.machine()}\n")
    bench_core.main()
    bench_frames.main()
    bench_sweep.main()
    bench_export.main()
    bench_memory.main()


if __name__ == "__main__":
    main()
