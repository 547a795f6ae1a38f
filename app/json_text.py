"""Documents as JSON text for the command line: one format, whatever command writes it.

JSON has no infinity or NaN: an infinite half-life, an undefined α in row 0 and the like
become ``null``; numpy numbers become plain ones.
"""

from __future__ import annotations

import json
import math

import numpy as np


def finite_or_none(value):
    """``value`` with every non-finite float replaced by None (recursively)."""
    if isinstance(value, dict):
        return {k: finite_or_none(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite_or_none(v) for v in value]
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


def json_text(document) -> str:
    """The document as indented JSON text, ending in a newline."""
    return json.dumps(finite_or_none(document), indent=1, allow_nan=False) + "\n"
