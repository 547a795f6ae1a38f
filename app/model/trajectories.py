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

from typing import Iterator

import numpy as np

from optimizers.registry import ADAPTIVE, hyperparameters_at
from physics import ball
from physics.simulation import Comparison
from physics.stepping import Steps

COLUMNS = ("step", "x", "y", "loss", "grad_x", "grad_y", "p_x", "p_y", "kinetic", "potential",
           "alpha", "mu")


def pane_constants(run: Comparison, index: int, mapping: str = ball.UNIT_MASS):
    """The ball whose energies pane ``index``'s rows carry (α and μ at step 0)."""
    return ball_constants(run.settings[index], mapping)


def ball_constants(settings, mapping: str = ball.UNIT_MASS):
    """The ball whose energies these optimizer settings' rows carry (α and μ at step 0)."""
    return ball.from_hyperparams(settings.alpha, settings.effective_mu, mapping)


def pane_table(run: Comparison, index: int, last: int, constants=None) -> dict[str, np.ndarray]:
    """Pane ``index``'s first ball for steps ``0..last``: one array per column."""
    return columns(run.settings[index], 0, run.trail(last)[:, index, 0],
                   run.velocity_history(last)[:, index, 0], run.grad_history(last)[:, index, 0],
                   run.loss_history(last)[:, index, 0],
                   constants or pane_constants(run, index))


def steps_table(steps: Steps, settings, index: int, constants, rows: int | None = None):
    """The same columns for a chunk of a lockstep's steps (its first ``rows`` rows)."""
    rows = len(steps) if rows is None else rows
    return columns(settings, steps.first, steps.positions[:rows, index, 0],
                   steps.velocity[:rows, index, 0], steps.grads[:rows, index, 0],
                   steps.loss[:rows, index, 0], constants)


def columns(settings, first: int, pos, vel, grads, loss, constants) -> dict[str, np.ndarray]:
    """Rows ``first, first + 1, …`` of one ball, from its positions, steps, ∇L and L."""
    last = first + len(loss) - 1
    return {"step": np.arange(first, last + 1), "x": pos[:, 0], "y": pos[:, 1], "loss": loss,
            "grad_x": grads[:, 0], "grad_y": grads[:, 1], "p_x": vel[:, 0], "p_y": vel[:, 1],
            "kinetic": ball.kinetic_energy(constants, vel),
            "potential": ball.potential_energy(constants, loss),
            **step_hyperparameters(settings, last, first)}


def step_hyperparameters(settings, last: int, first: int = 0) -> dict[str, np.ndarray]:
    """α and μ of the step into each row ``first..last`` (NaN in row 0, and μ of adaptive
    rules)."""
    alpha, mu = np.full(last + 1 - first, np.nan), np.full(last + 1 - first, np.nan)
    skip = 1 if first == 0 else 0        # row 0: no step produced it
    if settings.alpha_schedule or settings.mu_schedule:
        values = np.array([hyperparameters_at(settings, t)
                           for t in range(first + skip - 1, last)]).reshape(-1, 2)
        alpha[skip:], mu[skip:] = values[:, 0], values[:, 1]
    else:
        alpha[skip:], mu[skip:] = hyperparameters_at(settings, 0)
    if settings.name in ADAPTIVE:
        mu[:] = np.nan
    return {"alpha": alpha, "mu": mu}


def table_rows(table: dict[str, np.ndarray]) -> Iterator[list]:
    """The table's rows, step an int and every other value a Python float (NaN: none)."""
    return map(list, zip(*(table[c].tolist() for c in COLUMNS)))


def csv_lines(table: dict[str, np.ndarray], prefix: str = "") -> Iterator[str]:
    """One CSV line per row (``prefix`` goes in front, e.g. ``"2,momentum,"``)."""
    for line in map(",".join, zip(*map(_texts, (table[c] for c in COLUMNS)))):
        yield prefix + line + "\n"


def csv_text(table: dict[str, np.ndarray], prefix: str = "") -> str:
    """:func:`csv_lines` as one text (a chunk of rows at once is several times faster)."""
    lines = ("\n" + prefix).join(map(",".join, zip(*map(_texts, (table[c] for c in COLUMNS)))))
    return prefix + lines + "\n" if len(table["step"]) else ""


def _texts(column: np.ndarray) -> list[str]:
    """Each value's shortest text that reads back as the same number (``repr``); empty
    for "no value" (NaN)."""
    texts = list(map(repr, column.tolist()))
    if column.dtype.kind == "f":
        for k in np.flatnonzero(np.isnan(column)).tolist():
            texts[k] = ""
    return texts


def comparison_csv(run: Comparison, last: int) -> Iterator[str]:
    """Every pane's steps ``0..last`` in one CSV: ``pane,optimizer,`` then :data:`COLUMNS`."""
    yield "pane,optimizer," + ",".join(COLUMNS) + "\n"
    for i, settings in enumerate(run.settings):
        yield from csv_lines(pane_table(run, i, last), f"{i + 1},{settings.name},")
