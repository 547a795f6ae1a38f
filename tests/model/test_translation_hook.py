"""Every word the model writes for the window goes through ``translate`` (no Qt needed).

With a marking translator installed (``«text»``) each word of a readout, the physics line,
the export header, the loss axis, the notices and the map's caption comes out marked, so
nothing user-visible bypasses the translation; what is left unmarked is numbers, math
symbols, markup and names (SGD, Momentum, the scenario's title). With no translator the
texts are the English ones, byte for byte.
"""

import re

import numpy as np
import pytest

from app.model import analysis, map_picture, rule_text, translation
from app.model.loss_curves import loss_curves
from app.model.readouts import (basin_summary, frame_header, pane_readout, physics_line, plain,
                                step_counter, swarm_counts)
from app.model.update_rule import update_rule
from optimizers.registry import TITLES
from optimizers.registry import OptimizerSettings as S
from physics.builtins import builtin
from physics.simulation import Comparison
from physics.sweep import SweepGrid, SweepResult

RAVINE = builtin("ravine")
CONTEXTS = {"readouts", "analysis", "loss", "map", "rule"}


def _mark(context: str, text: str) -> str:
    return "«" + text + "»"


@pytest.fixture
def marked():
    """The marking translator, and every ``(context, text)`` it was asked for."""
    asked = []

    def hook(context, text):
        asked.append((context, text))
        return _mark(context, text)

    translation.use(hook)
    try:
        yield asked
    finally:
        translation.use(None)


@pytest.fixture(scope="module")
def run():
    run = Comparison(RAVINE, [S("sgd", alpha=0.05), S("momentum", alpha=0.018, mu=0.9)],
                     RAVINE.start)
    run.ensure(300)
    return run


def _unmarked(text: str, *names: str) -> str:
    """What a text shows outside the marks (innermost first: marks nest), names removed."""
    text = plain(text)
    while True:
        inner = re.sub("«[^«»]*»", "", text)
        if inner == text:
            break
        text = inner
    assert "«" not in text and "»" not in text, text
    for name in names:
        text = text.replace(name, "")
    return text


def _no_words_outside_the_marks(text: str, *names: str) -> None:
    rest = _unmarked(text, *names)
    assert not re.search("[A-Za-z]{2,}", rest), (text, rest)


def _texts(run):
    """Every kind of text the window shows from the model, for one run."""
    first = pane_readout(run, 1, 0)
    swarm = Comparison(RAVINE, [S("sgd", alpha=0.018)], np.array([[-4.5, 1.0], [1.0, 1.0]]))
    swarm.ensure(5)
    grid = SweepGrid((0.001, 0.1), (0.0, 0.9), 3, 2)
    cells = np.array([[np.inf, 12.0, np.nan], [3.5, 7.25, 100.0]])
    captions = [map_picture.map_caption(SweepResult(grid, measure, "momentum", cells, None, None,
                                                    100),
                                        (0.0123, 0.812, 0.9123), (0.018, 0.9, 0.9457, 0.9444))
                for measure in ("steps-to-tol", "final-loss", "divergence")]
    return {
        "state": first.state,
        "physics": first.physics,
        "state (converged)": pane_readout(run, 1, 300).state,
        "state (diverged)": pane_readout(run, 0, 300).state,
        "adaptive physics": physics_line(Comparison(RAVINE, [S("adam", alpha=0.1)], RAVINE.start),
                                         0, 0),
        "header": frame_header(run, 300, "Aula 3"),
        "counter": step_counter(300, 300),
        "loss axis": loss_curves(run, 300).label,
        "swarm loss axis": loss_curves(swarm, 5).label,
        "swarm counts": swarm_counts(swarm, 0, 5),
        "basins": basin_summary(np.array([0, 1, 1, -1, -2, -3])),
        "nesterov": analysis.nesterov_warning(RAVINE, S("nesterov", alpha=0.05, mu=0.9)),
        "note (diverged)": update_rule(run, 0, 300).note,
        "note (not computed)": update_rule(run, 1, run.computed_steps).note,
        "convention": rule_text.CONVENTIONS["momentum"],
        "captions": " | ".join(captions),
    }


def test_every_word_goes_through_the_translator(run, marked):
    texts = _texts(run)
    for name, text in texts.items():
        _no_words_outside_the_marks(text, "Aula", *TITLES.values())
    assert {context for context, _ in marked} <= CONTEXTS
    # The four the issue names, marked where the words are.
    assert "«step 0»" in plain(texts["state"]) and "«running»" in plain(texts["state"])
    assert "«friction 1−μ 0.1»" in texts["physics"] and "«<b>«ripples»</b> here»" in texts["physics"]
    assert texts["header"] == ("Aula 3    —    «step 300»    —    SGD: «diverged at step 4» · "
                               "Momentum: «converged at step 280»")
    assert texts["loss axis"] == "««loss L» (log)»"


def test_the_markup_and_numbers_stay_outside_the_translated_text(run, marked):
    pane_readout(run, 1, 0)
    for _, text in marked:
        assert "<" not in text and "&nbsp;" not in text, text
        assert not re.search(r"\d\.\d", text), text       # values are filled in afterwards


def test_with_no_translator_the_texts_are_the_english_ones(run):
    translation.use(None)
    before = _texts(run)
    assert before["state"] == ("step <b>0</b> &nbsp; loss <b>60.1</b> &nbsp; |∇L| 100 &nbsp; "
                               "|p| 0 &nbsp; <b style='color:#333333'>running</b>")
    assert before["physics"] == ("friction 1−μ 0.1 · viscosity η 0.0531 · force −0.018∇L · "
                                 "effective step α/(1−μ) 0.18 · half-life 6.58 · KE 0 · "
                                 "PE 1.08 · <b>ripples</b> here")
    assert before["header"] == ("Aula 3    —    step 300    —    SGD: diverged at step 4 · "
                                "Momentum: converged at step 280")
    assert before["counter"] == "  step 300 / 300  "
    assert before["loss axis"] == "loss L (log)"
    assert before["swarm loss axis"] == "median loss L over the swarm (log)"
    assert plain(before["swarm counts"]) == "step 5   converged 0 / 2   diverged 0"
    assert before["nesterov"] == ("Nesterov is stable here only for α < 0.0136 "
                                  "(αλmax < 2(1+μ)/(1+2μ)); at α = 0.05 it will diverge. "
                                  "Lower α to race every pane.")
    assert before["captions"].startswith("bright = fewer steps to converge; grey: not "
                                         "converged; dark red: diverged.  Best: α=0.001, μ=0.9 "
                                         "(3.5 steps).  Theory's optimum α*=0.0123, μ*=0.812, "
                                         "rate 0.9123.  The pane's run (α=0.018, μ=0.9) "
                                         "contracts by 0.9457 a step; theory says 0.9444.")
    translation.use(_mark)
    try:
        assert _texts(run) != before
    finally:
        translation.use(None)
    assert _texts(run) == before


def test_every_built_in_landscape_has_its_title_to_translate():
    from app.model.landscape_titles import _titles, landscape_title
    from physics.builtins import all_builtins

    titles = _titles()
    for landscape in all_builtins():
        assert titles[landscape.name] == landscape.title       # the same English
        assert landscape_title(landscape) == landscape.title
