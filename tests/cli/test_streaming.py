"""Bounded memory: ``run`` streams its rows, ``sweep`` works in chunks (issue 11).

``run --steps 1000000`` held 1.1 GB (CSV) and 3.8 GB (JSON): the whole text, and a list
of a million row dicts before it. The memory itself is measured by ``make bench``; these
tests pin down the structure that keeps it flat, and that streaming changes no byte.
"""

from __future__ import annotations

import json
import sys

import numpy as np

from app.cli.main import main
from app.json_text import json_chunks, json_text
from physics import sweep as sweep_module
from physics.builtins import builtin
from physics.sweep import SweepGrid, run_sweep


class Recorder:
    def __init__(self):
        self.writes: list[str] = []

    def write(self, text):
        self.writes.append(text)

    def flush(self):
        pass


def test_run_writes_its_rows_in_pieces_not_one_text(monkeypatch, capsys):
    for fmt in ("csv", "json"):
        out = Recorder()
        monkeypatch.setattr(sys, "stdout", out)
        assert main(["run", "--steps", "20000", "--format", fmt]) == 0
        text = "".join(out.writes)
        assert len(out.writes) >= 5, fmt
        assert max(len(w) for w in out.writes) < len(text) / 2, fmt
        if fmt == "json":
            assert len(json.loads(text)["rows"]) == 20001
        else:
            assert text.count("\n") == 20002
    capsys.readouterr()


def test_streamed_json_is_byte_for_byte_the_document():
    document = {"settings": {"steps": 2, "alpha": 0.1, "domain": [-1.0, 1.0]},
                "half_life": float("inf")}
    for rows in ([], [{"step": 0, "x": 1.5, "alpha": float("nan")}],
                 [{"step": k, "x": k / 3, "nested": [k, None]} for k in range(5)]):
        assert "".join(json_chunks(document, "rows", rows)) == json_text({**document,
                                                                          "rows": rows})


def test_a_sweep_in_chunks_is_the_same_map_and_reports_progress(monkeypatch):
    ravine = builtin("ravine")
    grid = SweepGrid((0.001, 0.03), (0.0, 0.95), 9, 7)
    whole = run_sweep(ravine, ravine.start, grid, 400)
    monkeypatch.setattr(sweep_module, "CHUNK_CELLS", 10)
    seen = []
    for measure in ("steps-to-tol", "final-loss", "divergence"):
        chunked = run_sweep(ravine, ravine.start, grid, 400, measure,
                            progress=lambda done, total: seen.append((done, total)))
        reference = whole if measure == "steps-to-tol" else run_sweep(
            ravine, ravine.start, grid, 400, measure)
        np.testing.assert_array_equal(chunked.values, reference.values)
    assert seen[:7] == [(10, 63), (20, 63), (30, 63), (40, 63), (50, 63), (60, 63), (63, 63)]
