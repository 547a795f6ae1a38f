"""What the plots start with for a landscape: equal axis scaling where its domain allows.

With equal scaling one unit of x is as long on screen as one unit of y, so the ravine's
"steep across, shallow along" is what a student sees — in four narrow panes too, where
stretched axes made it look round. A domain much longer than it is wide (beyond
:data:`MAX_EQUAL_ASPECT`) would become a thin strip; it starts with free axes instead.
"""

from __future__ import annotations

from physics.landscape import Landscape

MAX_EQUAL_ASPECT = 4.0


def equal_axes_by_default(landscape: Landscape) -> bool:
    """Whether the landscape's plots start with equal axis scaling."""
    xmin, xmax, ymin, ymax = landscape.domain
    aspect = (xmax - xmin) / (ymax - ymin)
    return 1 / MAX_EQUAL_ASPECT <= aspect <= MAX_EQUAL_ASPECT
