"""The text of every number a pane shows, computed from the run at a step.

A pane's readout has two lines: the state of its ball (step, loss, |∇L|, |p| and
running / converged / diverged), and the ball's physics — friction, viscosity, force,
effective step, half-life, energies and the damping regime where the ball is. The
physics uses the α_t and μ_t of the step on screen, so a scheduled pane's friction
changes as its μ ramps up (:func:`optimizers.registry.hyperparameters_at`).

Lines are Qt rich text (a small HTML subset: ``<b>``, ``<span style>``), which any
label can show; :func:`plain` gives what the user reads. Every word goes through
:func:`~app.model.translation.translate` (context ``"readouts"``) when the line is made;
the markup and the numbers are put in afterwards, so a translation carries neither.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from optimizers.registry import ADAPTIVE, hyperparameters_at
from physics import ball, iteration
from physics.outcome import (BALANCED, CONVERGED, DIVERGED, LEFT, PLATEAU, RUNNING, SADDLE,
                             STALLED)
from physics.simulation import Comparison

from .noise_floor import noise_floor
from .theme import STATUS_COLOURS, basin_colour
from .translation import translate


def format_number(value: float) -> str:
    """Three significant digits, scientific below 10⁻³, a dash for what is not finite."""
    if not math.isfinite(value):
        return "—"
    return f"{value:.3g}" if abs(value) >= 1e-3 or value == 0 else f"{value:.2e}"


def plain(text: str) -> str:
    """What the user reads in a rich-text line."""
    return re.sub("<[^>]+>", "", text).replace("&nbsp;", " ")


def status_kind(status: str) -> str:
    """``"converged"``, ``"stalled"``, ``"diverged"``, ``"left"`` or ``"running"`` of an
    English status (:meth:`Comparison.status`); :func:`state_kind` for a state."""
    return status.split()[0]


def state_kind(state: int) -> str:
    """A ball's state (:mod:`physics.outcome`) as a key of :data:`STATUS_COLOURS`."""
    if state in STALLED:
        return "stalled"
    return {RUNNING: "running", CONVERGED: "converged", DIVERGED: "diverged",
            LEFT: "left"}[state]


def describe(state: int, since: int) -> str:
    """A ball's state as the window says it, in the window's language: in English the
    words of :func:`physics.outcome.describe` (``"converged at step 12"``)."""
    if state == RUNNING:
        return translate("readouts", "running")
    if state == SADDLE:
        return translate("readouts", "stalled at step {step} (saddle)").format(step=since)
    if state == PLATEAU:
        return translate("readouts", "stalled at step {step} (plateau)").format(step=since)
    if state == BALANCED:
        return translate("readouts",
                         "stalled at step {step} (balanced on a saddle)").format(step=since)
    if state == LEFT:
        return translate("readouts", "left the domain at step {step}").format(step=since)
    if state == CONVERGED:
        return translate("readouts", "converged at step {step}").format(step=since)
    return translate("readouts", "diverged at step {step}").format(step=since)


def status(run: Comparison, index: int, ball: int = 0, *, step: int) -> str:
    """:meth:`Comparison.status`, in the window's language."""
    return describe(*run.state_since(index, ball, step))


def regime_name(regime: str) -> str:
    """A damping regime of :data:`physics.iteration.REGIMES`, in the window's language."""
    names = {"flat": translate("readouts", "flat"),
             "overdamped": translate("readouts", "overdamped"),
             "critical": translate("readouts", "critical"),
             "ripples": translate("readouts", "ripples"),
             "flipping": translate("readouts", "flipping"),
             "repelling": translate("readouts", "repelling"),
             "divergent": translate("readouts", "divergent")}
    return names.get(regime, regime)


def step_text(step: int, markup: bool = False) -> str:
    """``"step 12"`` (the number in bold when ``markup``)."""
    return translate("readouts", "step {step}").format(step=f"<b>{step}</b>" if markup else step)


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
    if run.seeds is not None:
        return PaneReadout(seeds_counts(run, index, k), seeds_summary(run, index, k))
    loss = float(run.loss(k)[index, 0])
    grad = run.grads(k)[index, 0]
    p = run.velocity(k)[index, 0]
    state, since = run.state_since(index, 0, k)
    colour = STATUS_COLOURS[state_kind(state)]
    loss_text = translate("readouts", "loss {loss}").format(loss=f"<b>{format_number(loss)}</b>")
    line = (f"{step_text(k, markup=True)} &nbsp; {loss_text} &nbsp; "
            f"|∇L| {format_number(float(np.hypot(*grad)))} &nbsp; "
            f"|p| {format_number(float(np.hypot(*p)))} &nbsp; "
            f"<b style='color:{colour}'>{describe(state, since)}</b>")
    return PaneReadout(line, physics_line(run, index, k))


def physics_line(run: Comparison, index: int, step: int) -> str:
    """The ball's physics at ``step`` with that step's α_t and μ_t (unit-mass mapping)."""
    settings = run.settings[index]
    if settings.name in ADAPTIVE:
        return translate("readouts", "Adaptive rule: each coordinate's step is rescaled, "
                                     "so there is no fixed friction or force.")
    alpha, mu = hyperparameters_at(settings, step)
    constants = ball.from_hyperparams(alpha, mu)
    kinetic = float(ball.kinetic_energy(constants, run.velocity(step)[index, 0]))
    potential = float(ball.potential_energy(constants, run.loss(step)[index, 0]))
    curvatures = run.landscape.curvatures(run.positions(step)[index, 0])
    regime, _ = iteration.wildest_regime(settings.name, alpha, mu, curvatures)
    f = format_number
    regime_text = f"<b>{regime_name(regime)}</b>"
    parts = (
        translate("readouts", "friction 1−μ {friction}").format(friction=f(constants.friction)),
        translate("readouts", "viscosity η {viscosity}").format(viscosity=f(constants.viscosity)),
        translate("readouts", "force −{alpha}∇L").format(alpha=f(alpha)),
        translate("readouts", "effective step α/(1−μ) {step}").format(
            step=f(ball.effective_step(alpha, mu))),
        translate("readouts", "half-life {steps}").format(steps=f(ball.half_life(mu))),
        translate("readouts", "KE {energy}").format(energy=f(kinetic)),
        translate("readouts", "PE {energy}").format(energy=f(potential)),
        translate("readouts", "{regime} here").format(regime=regime_text))
    return " · ".join(parts)


def balls_by(steps_at, index: int, step: int) -> int:
    """How many of pane ``index``'s balls reached an outcome by ``step``, from its per-ball
    first steps ``steps_at`` (``run.converged_at`` …; NOT_YET, negative, for never)."""
    return int(((steps_at[index] >= 0) & (steps_at[index] <= step)).sum())


def swarm_counts(run: Comparison, index: int, step: int, first: tuple = ()) -> str:
    """Swarm mode: how many of the pane's balls converged, diverged or left by ``step``
    (after the step, ``first``'s parts)."""
    converged, diverged, left = (balls_by(steps_at, index, step) for steps_at in
                                 (run.converged_at, run.diverged_at, run.left_at))
    parts = [step_text(step, markup=True), *first,
             translate("readouts", "converged {count} / {balls}").format(
                 count=f"<b>{converged}</b>", balls=run.shape[1]),
             translate("readouts", "diverged {count}").format(count=f"<b>{diverged}</b>")]
    if left:
        parts.append(translate("readouts", "left the domain {count}").format(count=f"<b>{left}</b>"))
    return " &nbsp; ".join(parts)


def seeds_counts(run: Comparison, index: int, step: int) -> str:
    """Many seeds: the median loss over the seeds, and how many converged or diverged."""
    loss = translate("readouts", "median loss {loss}").format(
        loss=f"<b>{format_number(median_loss(run, index, step))}</b>")
    return swarm_counts(run, index, step, (loss,))


def median_loss(run: Comparison, index: int, step: int) -> float:
    """Many seeds: the median of pane ``index``'s seeds' losses at ``step``."""
    return float(np.median(run.loss(step)[index]))


def seeds_summary(run: Comparison, index: int, step: int) -> str:
    """Many seeds: which seeds, and where theory says the noise leaves them (on a
    quadratic: ``E[L − L_min]``, beside the seeds' mean at this step)."""
    parts = [translate("readouts", "seeds 0–{last}, the same draws in every pane").format(
        last=run.seeds - 1)]
    floor = noise_floor(run.landscape, run.settings[index], run.sigma, run.batch_size)
    if floor is not None:
        gap = run.loss(step)[index] - (run.landscape.min_value or 0.0)
        parts.append(translate("readouts", "noise floor E[L − L_min] {floor} (theory), "
                               "seeds' mean {mean}").format(
            floor=f"<b>{format_number(floor)}</b>", mean=format_number(float(np.mean(gap)))))
    return " · ".join(parts)


def basin_summary(labels) -> str:
    """Where a swarm's balls end: a count per minimum (in its star's colour), and the rest."""
    labels = np.asarray(labels)
    parts = []
    for label in sorted(set(labels.tolist())):
        count = int((labels == label).sum())
        bold = f"<b>{count}</b>"
        if label >= 0:
            star = f"<span style='color:{basin_colour(label)}'>★</span>"
            parts.append(star + " " + translate("readouts", "minimum {number}: {count}").format(
                number=label + 1, count=bold))
        elif label == -1:
            parts.append(translate("readouts", "elsewhere: {count}").format(count=bold))
        elif label == -2:
            parts.append(translate("readouts", "diverged: {count}").format(count=bold))
        else:
            parts.append(translate("readouts", "left the domain: {count}").format(count=bold))
    return translate("readouts", "{balls} balls end in — {places}").format(
        balls=len(labels), places=" · ".join(parts))


def frame_header_sample(title: str, states: list[str], lines: int) -> str:
    """The header's layout at a six-digit step with ``states`` put in (what a canvas
    measures, once, to choose its header's lines and font)."""
    return _header(title, 999999, states, lines)


def frame_header(run: Comparison, step: int, title: str = "", lines: int = 1) -> str:
    """The text above an exported frame: the scenario's title (if any), the step and
    every pane's state — on one line, or on ``lines`` lines: the states on a second (four
    or six panes), or split over a second and a third. Panes of one rule are told apart by
    their number ("Momentum 2"), as their titles are by their parameters."""
    names = [s.title().split()[0] for s in run.settings]
    states = [f"{name}{f' {i + 1}' if names.count(name) > 1 else ''}: "
              f"{_pane_state(run, i, step)}" for i, name in enumerate(names)]
    return _header(title, step, states, lines)


def _pane_state(run: Comparison, index: int, step: int) -> str:
    """One ball's state, for many seeds their median loss, for a swarm how many of its
    balls have converged."""
    if run.shape[1] == 1:
        return status(run, index, 0, step=step)
    if run.seeds is not None:
        return translate("readouts", "median loss {loss}").format(
            loss=format_number(median_loss(run, index, step)))
    return translate("readouts", "converged {count} / {balls}").format(
        count=balls_by(run.converged_at, index, step), balls=run.shape[1])


def _header(title: str, step: int, states: list[str], lines: int) -> str:
    line = step_text(step)
    title = one_line_title(title)
    if title:
        line = f"{title}    —    {line}"
    if lines <= 1:
        return f"{line}    —    {' · '.join(states)}"
    if lines == 2:
        return f"{line}\n{' · '.join(states)}"
    half = (len(states) + 1) // 2
    return f"{line}\n{' · '.join(states[:half])}\n{' · '.join(states[half:])}"


def step_counter(step: int, computed: int) -> str:
    """The playback bar's ``step k / n``."""
    counter = translate("readouts", "step {step} / {steps}").format(step=step, steps=computed)
    return f"  {counter}  "


APP_NAME = "Momentum Lab"
#: A title longer than this is cut (with "…"): a window title is one short line.
MAX_TITLE_CHARS = 80


def window_title(scenario_title: str) -> str:
    """``"Momentum Lab — <the scenario's title>"``, or just the app's name when untitled
    (the title made one short line by :func:`one_line_title`)."""
    title = one_line_title(scenario_title)
    return f"{APP_NAME} — {title}" if title else APP_NAME


def caption_text(text: str) -> str:
    """A lesson step's caption as an export writes it under the header: its line breaks
    (a lesson file wraps its text) and runs of spaces made single spaces."""
    return " ".join(str(text).split())


def one_line_title(text: str) -> str:
    """A scenario's title as one short line: whitespace and line breaks collapsed to
    single spaces, cut with "…" past :data:`MAX_TITLE_CHARS` (it is the user's text)."""
    title = " ".join(str(text).split())
    if len(title) > MAX_TITLE_CHARS:
        title = title[:MAX_TITLE_CHARS - 1].rstrip() + "…"
    return title
