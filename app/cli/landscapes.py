"""``momentum-lab landscapes``: the built-in landscapes with formula, domain and minima (no Qt)."""

from __future__ import annotations

from physics.builtins import all_builtins


def command(args=None) -> int:
    for landscape in all_builtins():
        xmin, xmax, ymin, ymax = landscape.domain
        minima = ", ".join(f"({x:.4g}, {y:.4g})" for x, y in landscape.minima) or "none"
        print(f"{landscape.name:<13} {landscape.title}")
        print(f"{'':<13} L = {landscape.formula}")
        print(f"{'':<13} domain x∈[{xmin:g}, {xmax:g}], y∈[{ymin:g}, {ymax:g}]; "
              f"minima {minima}; start ({landscape.start[0]:g}, {landscape.start[1]:g}); "
              f"suggested α={landscape.alpha:g}, μ={landscape.mu:g}")
    return 0
