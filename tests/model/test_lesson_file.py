"""Lesson files: what a teacher writes is what the lesson does; a broken file is one line."""

from __future__ import annotations

import pytest

from app.model.language import language_for_locale, system_language
from app.model.lesson_file import (
    MAX_LESSON_BYTES,
    lesson_from_toml,
    lesson_name,
    load_lesson,
)
from app.model.scenario import ScenarioError

BASE = """format = 1
title.en = "Ravine"
title.pt = "Ravina"
[scenario]
landscape = "ravine"
[[scenario.pane]]
optimizer = "sgd"
alpha = 0.018
"""


def lesson(steps: str):
    return lesson_from_toml(BASE + steps, "test")


def refusal(steps: str, top: str = BASE) -> str:
    with pytest.raises(ScenarioError) as caught:
        lesson_from_toml(top + steps, "test")
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_each_step_starts_from_the_previous_steps_scenario():
    steps = lesson("""
[[step]]
caption = "one"
[[step]]
caption = "two: noise"
[step.scenario]
sigma = 0.5
[[step]]
caption = "three: two panes, still noisy"
[[step.scenario.pane]]
optimizer = "sgd"
alpha = 0.01
[[step.scenario.pane]]
optimizer = "momentum"
alpha = 0.01
mu = 0.9
[[step]]
caption = "four: unchanged"
""").steps
    assert [s.scenario.sigma for s in steps] == [0.0, 0.5, 0.5, 0.5]
    assert [len(s.scenario.panes) for s in steps] == [1, 1, 2, 2]
    assert steps[2].scenario.panes[1].mu == 0.9
    assert steps[0].scenario.panes[0].alpha == 0.018


def test_questions_choices_and_actions_are_read_as_written():
    step = lesson("""
[[step]]
caption.en = "Watch"
caption.pt = "Assista"
question = "Which?"
choices = ["left", { en = "right", pt = "direita" }]
answer = 2
pause_at = 40
highlight = 1
show = ["map", "energy"]
""").steps[0]
    assert step.asks and not step.sketched
    assert step.answer == 1 and step.choices[1].in_("pt") == "direita"
    assert step.pause_at == 40 and not step.play
    assert step.highlight == 0 and step.prediction_pane == 0
    assert step.show == {"map", "energy"}
    assert step.caption.in_("pt") == "Assista"


def test_a_question_without_choices_is_sketched():
    step = lesson('[[step]]\ncaption = "c"\nquestion = "Draw it"\nplay = true\n').steps[0]
    assert step.sketched and step.play


def test_text_in_one_language_falls_back_and_wrapping_is_undone():
    step = lesson('[[step]]\ncaption.en = """one\n  two\n\nthree"""\n').steps[0]
    assert step.caption.in_("pt") == "one two\n\nthree"


def test_the_lesson_title_leads_a_scenario_without_its_own():
    loaded = lesson('[[step]]\ncaption = "c"\n')
    assert loaded.scenario_at(0, "pt").title == "Ravina"
    assert loaded.scenario_at(0, "en").title == "Ravine"


@pytest.mark.parametrize("steps, words", [
    ('[[step]]\ncaption = "c"\nplay = 1\n', "step 1: play must be true or false"),
    ('[[step]]\ncaption = "c"\n[[step]]\nquestion = "q"\n', "step 2: caption is missing"),
    ('[[step]]\ncaption = "c"\nhighlight = 2\n', "step 1: highlight must be a whole number "
                                                  "between 1 and 1"),
    ('[[step]]\ncaption = "c"\nchoices = ["a", "b"]\nanswer = 1\n', "choices need a question"),
    ('[[step]]\ncaption = "c"\nquestion = "q"\nchoices = ["a", "b"]\n', "answer is missing"),
    ('[[step]]\ncaption = "c"\nquestion = "q"\nchoices = ["a", "b"]\nanswer = 3\n',
     "answer must be a whole number between 1 and 2"),
    ('[[step]]\ncaption = "c"\nquestion = "q"\nchoices = ["a"]\nanswer = 1\n',
     "choices must be a list of 2 to 6"),
    ('[[step]]\ncaption = "c"\npause_at = 5\nplay = true\n', "pause_at or play, not both"),
    ('[[step]]\ncaption = "c"\npause_at = 0\n', "pause_at must be a whole number"),
    ('[[step]]\ncaption = "c"\nshow = ["3d"]\n', "show must be a list of"),
    ('[[step]]\ncaption = "c"\nrun = "rm -rf /"\n', "step 1: unknown key 'run'"),
    ('[[step]]\ncaption.fr = "c"\n', "unknown language 'fr'"),
    ('[[step]]\ncaption = "  "\n', "caption.en must be some text"),
    ('[[step]]\ncaption = "c"\n[step.scenario]\nsigma = -1\n', "step 1: scenario: noise sigma must be"),
    ('[[step]]\ncaption = "c"\n[step.scenario]\nlandscape = "__import__(\'os\')"\n',
     "step 1: scenario:"),
    ('[[step]]\ncaption = "c"\n[step.scenario]\nformat = 1\n', "format belongs at the top"),
    ('[[step]]\ncaption = "c"\n[[step.scenario.pane]]\noptimizer = "sgd"\nalpha = -1\n',
     "step 1: scenario: pane 1: alpha"),
    ("", "a lesson needs 1 to 100 [[step]] tables"),
])
def test_a_broken_step_is_refused_in_one_line_naming_it(steps, words):
    assert words in refusal(steps)


@pytest.mark.parametrize("top, words", [
    ("title = 'x'\n[scenario]\nlandscape = 'ravine'\n", "format is missing"),
    ("format = 2\n", "unsupported format 2"),
    ("format = 1\n[scenario]\nlandscape = 'ravine'\n", "title is missing"),
    ("format = 1\ntitle = 't'\n", "[scenario] is missing"),
    ("format = 1\ntitle = 't'\nscript = 'x'\n", "unknown key 'script'"),
    ("format = 1\ntitle = 't'\n[scenario\n", "not valid TOML"),
])
def test_a_broken_lesson_is_refused_in_one_line(top, words):
    assert words in refusal('[[step]]\ncaption = "c"\n', top)


def test_files_name_the_lesson_and_bad_files_are_one_line(tmp_path):
    path = tmp_path / "03-my-lesson.toml"
    path.write_text(BASE + '[[step]]\ncaption = "c"\n', encoding="utf-8")
    assert load_lesson(path).name == "my-lesson"
    assert lesson_name(tmp_path / "ravine.toml") == "ravine"
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_LESSON_BYTES + 1))
    for bad, words in ((tmp_path / "missing.toml", "missing.toml: no such file"),
                       (tmp_path, "is a folder"),
                       (big, "big.toml: lesson file is too large")):
        with pytest.raises(ScenarioError, match=words):
            load_lesson(bad)


@pytest.mark.parametrize("name, language", [
    ("pt_BR.UTF-8", "pt"), ("pt_PT", "pt"), ("pt-BR", "pt"), ("en_US.UTF-8", "en"),
    ("C", "en"), ("", "en"), (None, "en"), ("de_DE", "en")])
def test_the_locale_chooses_the_language(name, language):
    assert language_for_locale(name) == language


def test_the_environment_follows_the_posix_order():
    assert system_language({"LANG": "pt_BR.UTF-8"}) == "pt"
    assert system_language({"LANG": "pt_BR.UTF-8", "LC_ALL": "C"}) == "en"
    assert system_language({"LANG": "en_US", "LC_MESSAGES": "pt_BR"}) == "pt"
    assert system_language({}) == "en"


def test_the_readmes_example_lesson_is_a_working_lesson():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("### Writing a lesson", 1)[1].split("```toml\n", 1)[1]
    loaded = lesson_from_toml(example.split("```", 1)[0], "example")
    first, second = loaded.steps
    assert first.sketched and first.pause_at == 120 and first.highlight == 0
    assert second.answer == 1 and second.play and second.show == {"overlay"}
    assert [p.name for p in second.scenario.panes] == ["sgd", "momentum"]


def test_a_step_can_take_a_key_back_to_its_default():
    steps = lesson("""
[[step]]
caption = "a typed landscape on its own domain"
[step.scenario]
landscape = "0.5*(x**2 + 10*y**2)"
domain = [-2.0, 2.0, -1.0, 1.0]
[[step]]
caption = "back to a built-in: its domain must go"
unset = ["domain"]
[step.scenario]
landscape = "rosenbrock"
""").steps
    assert steps[0].scenario.domain == (-2.0, 2.0, -1.0, 1.0)
    assert steps[1].scenario.domain is None and steps[1].scenario.landscape == "rosenbrock"


def test_after_text_and_speed_are_read():
    step = lesson('[[step]]\ncaption = "c"\nafter.en = "So it zig-zags."\n'
                  'after.pt = "Então ziguezagueia."\nspeed = 120\nplay = true\n').steps[0]
    assert step.after.in_("pt") == "Então ziguezagueia." and step.speed == 120


@pytest.mark.parametrize("steps, words", [
    ('[[step]]\ncaption = "c"\nunset = ["landscape"]\n', "unset must be a list of"),
    ('[[step]]\ncaption = "c"\nspeed = 1000\n', "speed must be a whole number between 1 and 240"),
    ('[[step]]\ncaption = "c"\nafter = 3\n', "after must be text"),
])
def test_bad_unset_speed_or_after_is_one_line(steps, words):
    assert words in refusal(steps)
