"""``run`` streams its rows chunk by chunk: the same bytes as the run's whole history."""

import json

import pytest

from app.cli.main import main
from app.model.trajectories import COLUMNS, csv_lines, pane_constants, pane_table
from optimizers.registry import OptimizerSettings
from physics.builtins import builtin
from physics.simulation import NOT_YET, Comparison


@pytest.mark.parametrize("optimizer, alpha, steps", [
    ("momentum", 0.018, 9000),       # converges, then goes on for two more chunks
    ("momentum", 0.05, 9000),        # diverges: its rows end with the step before
    ("adam", 0.1, 5000),
])
def test_streamed_rows_are_the_historys_rows(tmp_path, capsys, optimizer, alpha, steps):
    ravine = builtin("ravine")
    run = Comparison(ravine, [OptimizerSettings(optimizer, alpha=alpha, mu=0.9)], ravine.start)
    run.ensure(steps)
    stop = max(int(run.diverged_at[0, 0]), int(run.left_at[0, 0]))
    last = run.computed_steps if stop == NOT_YET else stop - 1
    table = pane_table(run, 0, last, pane_constants(run, 0))
    out = tmp_path / "run.csv"
    assert main(["run", "--optimizer", optimizer, "--alpha", str(alpha), "--steps", str(steps),
                 "--out", str(out)]) == 0
    assert out.read_text() == ",".join(COLUMNS) + "\n" + "".join(csv_lines(table))
    assert main(["run", "--optimizer", optimizer, "--alpha", str(alpha), "--steps", str(steps),
                 "--format", "json", "--out", str(tmp_path / "run.json")]) == 0
    document = json.loads((tmp_path / "run.json").read_text())
    assert len(document["rows"]) == last + 1
    assert document["outcome"] == run.final_outcome()[0]
    capsys.readouterr()
