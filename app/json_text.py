"""Documents as JSON text for the command line: one format, whatever command writes it.

JSON has no infinity or NaN: an infinite half-life, an undefined α in row 0 and the like
become ``null``; numpy numbers become plain ones.
"""

from __future__ import annotations

import json
import math
from typing import Iterable, Iterator

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


def json_chunks(document: dict, key: str, items: Iterable) -> Iterator[str]:
    """:func:`json_text` of ``{**document, key: list(items)}``, as pieces, without the list.

    ``key`` must be the document's last key. A million trajectory rows as one string
    (and one list of dicts before it) is gigabytes; as pieces written one after another
    the output is byte for byte the same and memory stays flat.
    """
    head = json_text({**document, key: []})
    empty = f'"{key}": []\n}}\n'
    if not head.endswith(empty):
        raise ValueError(f"{key!r} must be the document's last key")
    yield head[:-len(empty)] + f'"{key}": ['
    separator = "\n"
    for item in items:
        text = json.dumps(finite_or_none(item), indent=1, allow_nan=False)
        yield separator + "  " + text.replace("\n", "\n  ")
        separator = ",\n"
    yield "]\n}\n" if separator == "\n" else "\n ]\n}\n"
