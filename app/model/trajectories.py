"""Trajectories as a table: one row per step, the same columns from ``run`` and the app.

``momentum-lab run`` writes one pane's rows; the app's File ▸ Export trajectories writes
every pane's, each row prefixed with the pane's number and optimizer. Numbers are
printed with ``repr`` so they read back bit for bit.

Columns: ``step, x, y, loss, grad_x, grad_y, p_x, p_y, kinetic, potential, alpha, mu``
— the kinetic and potential energy of the unit-mass ball (``½|p|²`` and ``αL``; see
:mod:`physics.ball`) or of the mapping asked for, then the α_t and μ_t that produced the
row from the previous one (schedules included; empty in row 0, which no step produced,
and μ empty for the adaptive rules, which have none).
"""

from __future__ import annotations

import math
from typing import Iterator

import numpy as np

from optimizers.registry import ADAPTIVE, hyperparameters_at
from physics import ball
from physics.simulation import Comparison

COLUMNS = ("step", "x", "y", "loss", "grad_x", "grad_y", "p_x", "p_y", "kinetic", "potential",
           "alpha", "mu")


def pane_constants(run: Comparison, index: int, mapping: str = ball.UNIT_MASS):
    """The ball whose energies pane ``index``'s rows carry (α and μ at step 0)."""
    settings = run.settings[index]
    return ball.from_hyperparams(settings.alpha, settings.effective_mu, mapping)


def pane_table(run: Comparison, index: int, last: int, constants=None) -> dict[str, np.ndarray]:
    """Pane ``index``'s first ball for steps ``0..last``: one array per column."""
    constants = constants or pane_constants(run, index)
    pos = run.trail(last)[:, index, 0]
    grads = run.grad_history(last)[:, index, 0]
    vel = run.velocity_history(last)[:, index, 0]
    loss = run.loss_history(last)[:, index, 0]
    return {"step": np.arange(last + 1), "x": pos[:, 0], "y": pos[:, 1], "loss": loss,
            "grad_x": grads[:, 0], "grad_y": grads[:, 1], "p_x": vel[:, 0], "p_y": vel[:, 1],
            "kinetic": ball.kinetic_energy(constants, vel),
            "potential": ball.potential_energy(constants, loss),
            **step_hyperparameters(run.settings[index], last)}


def step_hyperparameters(settings, last: int) -> dict[str, np.ndarray]:
    """α and μ of the step into each row ``0..last`` (NaN in row 0, and μ of adaptive rules)."""
    alpha, mu = np.full(last + 1, np.nan), np.full(last + 1, np.nan)
    if settings.alpha_schedule or settings.mu_schedule:
        values = np.array([hyperparameters_at(settings, t) for t in range(last)]).reshape(-1, 2)
        alpha[1:], mu[1:] = values[:, 0], values[:, 1]
    else:
        alpha[1:], mu[1:] = hyperparameters_at(settings, 0)
    if settings.name in ADAPTIVE:
        mu[:] = np.nan
    return {"alpha": alpha, "mu": mu}


def table_rows(table: dict[str, np.ndarray]) -> Iterator[list]:
    """The table's rows, step an int and every other value a Python float (NaN: none)."""
    numbers = [table[c] for c in COLUMNS[1:]]
    for k, step in enumerate(table["step"]):
        yield [int(step)] + [float(column[k]) for column in numbers]


def csv_lines(table: dict[str, np.ndarray], prefix: str = "") -> Iterator[str]:
    """One CSV line per row (``prefix`` goes in front, e.g. ``"2,momentum,"``)."""
    for row in table_rows(table):
        yield prefix + ",".join([str(row[0])] + [_number(v) for v in row[1:]]) + "\n"


def _number(value: float) -> str:
    """Shortest text that reads back as the same float; empty for "no value" (NaN)."""
    return "" if math.isnan(value) else repr(value)


def comparison_csv(run: Comparison, last: int) -> Iterator[str]:
    """Every pane's steps ``0..last`` in one CSV: ``pane,optimizer,`` then :data:`COLUMNS`."""
    yield "pane,optimizer," + ",".join(COLUMNS) + "\n"
    for i, settings in enumerate(run.settings):
        yield from csv_lines(pane_table(run, i, last), f"{i + 1},{settings.name},")
