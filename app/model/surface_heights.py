"""Heights of the 3-D view: loss values mapped to drawn heights.

On landscapes with log-spaced contour levels (Rosenbrock, Beale, …) the surface shows
``√(L − L_min)`` so the valley floor is not flattened to nothing next to the towering
corners; far-off hills are cut flat at a ceiling instead of being drawn sky-high. The
height of a point is ``factor · h(L)`` with ``h(L) = (L − L_low)/scale`` (or its square
root), scaled so the 99th percentile of the drawn grid stands at 0.45 domain sizes.
"""

from __future__ import annotations

import numpy as np

from physics.landscape import Landscape


class HeightMap:
    """Maps loss values to drawn heights (log-compressed where the range is wide)."""

    def __init__(self, landscape: Landscape, values: np.ndarray):
        finite = values[np.isfinite(values)]
        self.low = float(finite.min()) if finite.size else 0.0
        high = float(np.percentile(finite, 99)) if finite.size else 1.0
        self.log = landscape.log_levels
        self.scale = max(high - self.low, 1e-12)
        top = self._raw(np.array(high))
        self.factor = 0.45 * landscape.extent / max(float(top), 1e-12)
        self.ceiling = 0.6 * landscape.extent   # far-off hills are cut flat, not drawn sky-high

    def _raw(self, values):
        shifted = np.maximum(np.asarray(values, dtype=float) - self.low, 0) / self.scale
        return np.sqrt(shifted) if self.log else shifted

    def __call__(self, values) -> np.ndarray:
        with np.errstate(all="ignore"):
            return np.clip(self._raw(values) * self.factor, 0, self.ceiling)
