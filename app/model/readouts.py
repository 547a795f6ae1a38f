"""The text of every number a pane shows, computed from the run at a step.

A pane's readout has two lines: the state of its ball (step, loss, |∇L|, |p| and
running / converged / diverged), and the ball's physics — friction, viscosity, force,
effective step, half-life, energies and the damping regime where the ball is. The
physics uses the α_t and μ_t of the step on screen, so a scheduled pane's friction
changes as its μ ramps up (:func:`optimizers.registry.hyperparameters_at`).

Lines are Qt rich text (a small HTML subset: ``<b>``, ``<span style>``), which any
label can show; :func:`plain` gives what the user reads.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from optimizers.registry import ADAPTIVE, hyperparameters_at
from physics import ball, iteration
from physics.simulation import Comparison

from .theme import STATUS_COLOURS, basin_colour


def format_number(value: float) -> str:
    """Three significant digits, scientific below 10⁻³, a dash for what is not finite."""
    if not math.isfinite(value):
        return "—"
    return f"{value:.3g}" if abs(value) >= 1e-3 or value == 0 else f"{value:.2e}"


def plain(text: str) -> str:
    """What the user reads in a rich-text line."""
    return re.sub("<[^>]+>", "", text).replace("&nbsp;", " ")


def status_kind(status: str) -> str:
    """``"converged"``, ``"stalled"``, ``"diverged"``, ``"left"`` or ``"running"``."""
    return status.split()[0]


@dataclass(frozen=True)
class PaneReadout:
    """The two lines under a pane's plot."""

    state: str
    physics: str


def pane_readout(run: Comparison, index: int, step: int, basin_labels=None) -> PaneReadout:
    """Pane ``index`` at ``step``: one ball's numbers, or a swarm's counts."""
    k = min(step, run.computed_steps)
    if basin_labels is not None:
        return PaneReadout(swarm_counts(run, index, k), basin_summary(basin_labels))
    loss = float(run.loss(k)[index, 0])
    grad = run.grads(k)[index, 0]
    p = run.velocity(k)[index, 0]
    status = run.status(index, 0, step=k)
    colour = STATUS_COLOURS[status_kind(status)]
    state = (f"step <b>{k}</b> &nbsp; loss <b>{format_number(loss)}</b> &nbsp; "
             f"|∇L| {format_number(float(np.hypot(*grad)))} &nbsp; "
             f"|p| {format_number(float(np.hypot(*p)))} &nbsp; "
             f"<b style='color:{colour}'>{status}</b>")
    return PaneReadout(state, physics_line(run, index, k))


def physics_line(run: Comparison, index: int, step: int) -> str:
    """The ball's physics at ``step`` with that step's α_t and μ_t (unit-mass mapping)."""
    settings = run.settings[index]
    if settings.name in ADAPTIVE:
        return ("Adaptive rule: each coordinate's step is rescaled, "
                "so there is no fixed friction or force.")
    alpha, mu = hyperparameters_at(settings, step)
    constants = ball.from_hyperparams(alpha, mu)
    kinetic = float(ball.kinetic_energy(constants, run.velocity(step)[index, 0]))
    potential = float(ball.potential_energy(constants, run.loss(step)[index, 0]))
    curvatures = run.landscape.curvatures(run.positions(step)[index, 0])
    regime, _ = iteration.wildest_regime(settings.name, alpha, mu, curvatures)
    f = format_number
    return (f"friction 1−μ {f(constants.friction)} · viscosity η {f(constants.viscosity)}"
            f" · force −{f(alpha)}∇L · effective step α/(1−μ) "
            f"{f(ball.effective_step(alpha, mu))} · half-life {f(ball.half_life(mu))}"
            f" · KE {f(kinetic)} · PE {f(potential)} · <b>{regime}</b> here")


def swarm_counts(run: Comparison, index: int, step: int) -> str:
    """Swarm mode: how many of the pane's balls converged, diverged or left by ``step``."""
    def by(steps_at) -> int:
        return int(((steps_at[index] >= 0) & (steps_at[index] <= step)).sum())

    text = (f"step <b>{step}</b> &nbsp; converged <b>{by(run.converged_at)}</b> / "
            f"{run.shape[1]} &nbsp; diverged <b>{by(run.diverged_at)}</b>")
    left = by(run.left_at)
    return text + (f" &nbsp; left the domain <b>{left}</b>" if left else "")


def basin_summary(labels) -> str:
    """Where a swarm's balls end: a count per minimum (in its star's colour), and the rest."""
    labels = np.asarray(labels)
    parts = []
    for label in sorted(set(labels.tolist())):
        count = int((labels == label).sum())
        if label >= 0:
            parts.append(f"<span style='color:{basin_colour(label)}'>★</span> minimum "
                         f"{label + 1}: <b>{count}</b>")
        else:
            name = {-1: "elsewhere", -2: "diverged", -3: "left the domain"}[label]
            parts.append(f"{name}: <b>{count}</b>")
    return f"{len(labels)} balls end in — " + " · ".join(parts)


def frame_header(run: Comparison, step: int, title: str = "") -> str:
    """The line above an exported frame: the scenario's title (if any), the step and
    every pane's state."""
    states = " · ".join(f"{s.title().split()[0]}: {run.status(i, 0, step=step)}"
                        for i, s in enumerate(run.settings))
    line = f"step {step}    —    {states}"
    title = one_line_title(title)
    return f"{title}    —    {line}" if title else line


def step_counter(step: int, computed: int) -> str:
    """The playback bar's ``step k / n``."""
    return f"  step {step} / {computed}  "


APP_NAME = "Momentum Lab"
#: A title longer than this is cut (with "…"): a window title is one short line.
MAX_TITLE_CHARS = 80


def window_title(scenario_title: str) -> str:
    """``"Momentum Lab — <the scenario's title>"``, or just the app's name when untitled
    (the title made one short line by :func:`one_line_title`)."""
    title = one_line_title(scenario_title)
    return f"{APP_NAME} — {title}" if title else APP_NAME


def one_line_title(text: str) -> str:
    """A scenario's title as one short line: whitespace and line breaks collapsed to
    single spaces, cut with "…" past :data:`MAX_TITLE_CHARS` (it is the user's text)."""
    title = " ".join(str(text).split())
    if len(title) > MAX_TITLE_CHARS:
        title = title[:MAX_TITLE_CHARS - 1].rstrip() + "…"
    return title
