"""The (α, μ) map alone, as the window computes it: time to the first (coarse) picture and
to the full map. The same rows end :func:`bench_core.results`, beside the compiled floor;
here they stand alone (no floor), for a quick look at the map by itself.

Wire one of the two into ``make bench``, not both: ``bench_core.results()`` has these rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from aims import Result, table  # noqa: E402
from bench_core import map_results  # noqa: E402


def results() -> list[Result]:
    return map_results()


def main():
    print("\n## (α, μ) map, as the window computes it (best of 3)\n")
    print(table(results()))


if __name__ == "__main__":
    main()
