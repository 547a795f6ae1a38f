"""One trajectory table for ``run`` and the app's trajectory export."""

import numpy as np

from app.model.trajectories import COLUMNS, comparison_csv, csv_lines, pane_table
from optimizers.registry import OptimizerSettings as S
from physics.builtins import builtin
from physics.simulation import Comparison

RAVINE = builtin("ravine")


def test_every_panes_rows_in_one_file_read_back_bit_for_bit():
    run = Comparison(RAVINE, [S("sgd", alpha=0.018), S("momentum", alpha=0.018, mu=0.9)],
                     RAVINE.start)
    run.ensure(30)
    lines = list(comparison_csv(run, 30))
    assert lines[0] == "pane,optimizer," + ",".join(COLUMNS) + "\n"
    assert len(lines) == 1 + 2 * 31
    pane, name, step, x, y = lines[-1].split(",")[:5]
    assert (pane, name, step) == ("2", "momentum", "30")
    assert (float(x), float(y)) == tuple(run.positions(30)[1, 0])


def test_energies_are_the_unit_mass_balls():
    run = Comparison(RAVINE, [S("momentum", alpha=0.018, mu=0.9)], RAVINE.start)
    run.ensure(3)
    table = pane_table(run, 0, 3)
    p = run.velocity_history(3)[:, 0, 0]
    np.testing.assert_array_equal(table["kinetic"], 0.5 * np.sum(p * p, axis=-1))
    np.testing.assert_array_equal(table["potential"], 0.018 * run.loss_history(3)[:, 0, 0])
    first = next(csv_lines(table)).rstrip("\n").split(",")
    assert first[0] == "0" and float(first[1]) == RAVINE.start[0]
