"""Lesson files: a :class:`~app.model.lesson.Lesson` as a TOML file a teacher can write.

Format (UTF-8 TOML, at most 256 KiB; every key below is the whole vocabulary)::

    # Momentum Lab lesson
    format = 1
    title = { en = "SGD zig-zags in a ravine", pt = "O SGD em zigue-zague numa ravina" }

    [scenario]                      # step 1's scenario: a scenario file's keys, no format
    landscape = "ravine"
    [[scenario.pane]]
    optimizer = "sgd"
    alpha = 0.018

    [[step]]                        # 1 to 100 steps, in order
    caption = { en = "Steep across, shallow along.", pt = "Íngreme na vertical, rasa…" }
    question = { en = "Which path will SGD take?", pt = "Qual é a trajetória…?" }
    # choices = [{ en = "…", pt = "…" }, …]   2 to 6; without them the student sketches
    # answer = 2                              with choices: the right one (1 = the first)
    pause_at = 60                   # play, then pause at step 60 (or: play = true)
    highlight = 1                   # frame pane 1 (and sketch on it)
    # show = ["map"]                open views: "map", "energy", "overlay"
    # after = { en = "…", pt = "…" }  said once the run has played (the answer, the moral)
    # speed = 120                   steps per second while this step plays (1 to 240)

    [[step]]
    caption = "Text in one language only is shown in every language."
    [step.scenario]                 # changes to the previous step's scenario:
    sigma = 0.5                     # keys given replace the old ones; [[step.scenario.pane]]
                                    # tables replace all the panes
    # unset = ["domain", "batch_size"]  at the step's top: back to the scenario defaults

Like scenario files, lesson files are treated as hostile: :mod:`tomllib` only, unknown
keys refused, every scenario validated, captions kept as plain text (never markup), and
every problem one :class:`~app.model.scenario.ScenarioError` line naming the file, the
step and the field.
"""

from __future__ import annotations

from pathlib import Path

from physics.limits import MAX_STEPS

from .language import LANGUAGES
from .lesson import VIEWS, Lesson, LessonStep, Text
from .scenario import ScenarioError, check_whole, show_value
from .scenario_file import (
    FORMAT,
    check_top,
    in_file,
    missing,
    parse_toml,
    read_text,
    scenario_from_table,
    unknown_key,
)
from .translation import translate

MAX_LESSON_BYTES = 256 * 1024
MAX_LESSON_STEPS = 100
MAX_TEXT_CHARS = 2000
MAX_CHOICES = 6
_TOP_KEYS = ("format", "title", "scenario", "step")
_STEP_KEYS = ("caption", "scenario", "unset", "question", "choices", "answer", "pause_at",
              "play", "highlight", "show", "after", "speed")
#: What ``unset`` may take back to its default (the rest every scenario needs).
_UNSETTABLE = ("title", "domain", "start", "sigma", "seed", "batch_size", "seeds")
#: Playback speeds a step may ask for (steps per second), as the playback bar allows.
SPEEDS = (1, 240)


def _text(where: str, value) -> Text:
    """A string (every language) or a table ``{en = …, pt = …}`` with at least one."""
    if isinstance(value, str):
        value = {code: value for code in LANGUAGES}
    if not isinstance(value, dict) or not value:
        raise ScenarioError(translate("lesson errors", "{where} must be text or a table like "
                                      "{{ en = \"…\", pt = \"…\" }}, got {value}")
                            .format(where=where, value=show_value(value)))
    for code, text in value.items():
        if code not in LANGUAGES:
            raise ScenarioError(translate("lesson errors", "{where}: unknown language {code} "
                                          "(known: {known})").format(
                where=where, code=repr(code), known=", ".join(LANGUAGES)))
        if not isinstance(text, str) or not text.strip():
            raise ScenarioError(translate("lesson errors", "{where}.{code} must be some text, "
                                          "got {value}").format(where=where, code=code,
                                                                value=show_value(text)))
        if len(text) > MAX_TEXT_CHARS:
            raise ScenarioError(translate("lesson errors", "{where}.{code} is too long (max "
                                          "{limit} characters)").format(
                where=where, code=code, limit=MAX_TEXT_CHARS))
    return Text(tuple((code, _tidy(value[code])) for code in LANGUAGES if code in value))


def _tidy(text: str) -> str:
    """Runs of spaces and single line breaks become one space (TOML's multi-line strings
    wrap where the author's editor did); a blank line stays a paragraph break."""
    paragraphs = (" ".join(part.split()) for part in text.replace("\r", "").split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _merged(previous: dict, changes) -> dict:
    """The previous step's scenario table with ``changes`` applied."""
    if not isinstance(changes, dict):
        raise ScenarioError(translate("lesson errors", "scenario must be a table, got {value}")
                            .format(value=show_value(changes)))
    return {**previous, **changes}


def _scenario(table: dict):
    where = translate("lesson errors", "scenario: {problem}")
    if "format" in table:
        raise ScenarioError(where.format(problem=translate(
            "lesson errors", "format belongs at the top of the lesson, not here")))
    try:
        return scenario_from_table({"format": FORMAT, **table})
    except ScenarioError as error:
        raise ScenarioError(where.format(problem=error)) from None


def _step(number: int, table, scenario_table: dict) -> tuple[LessonStep, dict]:
    """Step ``number`` (1-based) and the scenario table the next step starts from."""
    if not isinstance(table, dict):
        raise ScenarioError(translate("lesson errors", "must be a [[step]] table, got {value}")
                            .format(value=show_value(table)))
    for key in table:
        if key not in _STEP_KEYS:
            raise ScenarioError(unknown_key(key, _STEP_KEYS))
    if "caption" not in table:
        raise ScenarioError(missing("caption"))
    if "scenario" in table:
        scenario_table = _merged(scenario_table, table["scenario"])
    unset = table.get("unset", [])
    if not isinstance(unset, list) or any(key not in _UNSETTABLE for key in unset):
        raise ScenarioError(translate("lesson errors", "unset must be a list of {keys}, got "
                                      "{value}").format(keys=", ".join(map(repr, _UNSETTABLE)),
                                                        value=show_value(unset)))
    scenario_table = {k: v for k, v in scenario_table.items() if k not in unset}
    scenario = _scenario(scenario_table)
    question = _text("question", table["question"]) if "question" in table else None
    raw_choices = table.get("choices", [])
    if not isinstance(raw_choices, list) or len(raw_choices) == 1 \
            or len(raw_choices) > MAX_CHOICES:
        raise ScenarioError(translate("lesson errors", "choices must be a list of 2 to {limit} "
                                      "texts, got {value}").format(limit=MAX_CHOICES,
                                                                   value=show_value(raw_choices)))
    choices = tuple(_text(translate("lesson errors", "choice {number}").format(number=n), c)
                    for n, c in enumerate(raw_choices, 1))
    if choices and question is None:
        raise ScenarioError(translate("lesson errors", "choices need a question"))
    if choices and "answer" not in table:
        raise ScenarioError(translate("lesson errors", "answer is missing (which choice is "
                                      "right, 1 = the first)"))
    if "answer" in table and not choices:
        raise ScenarioError(translate("lesson errors", "answer needs choices"))
    answer = check_whole("answer", table["answer"], 1, len(choices)) - 1 if choices else None
    if "pause_at" in table and table.get("play"):
        raise ScenarioError(translate("lesson errors", "give pause_at or play, not both"))
    pause_at = check_whole("pause_at", table["pause_at"], 1, MAX_STEPS) if "pause_at" in table \
        else None
    play = table.get("play", False)
    if type(play) is not bool:
        raise ScenarioError(translate("lesson errors", "play must be true or false, got {value}")
                            .format(value=show_value(play)))
    highlight = (check_whole("highlight", table["highlight"], 1, len(scenario.panes)) - 1
                 if "highlight" in table else None)
    show = table.get("show", [])
    if not isinstance(show, list) or any(view not in VIEWS for view in show):
        raise ScenarioError(translate("lesson errors", "show must be a list of {views}, got "
                                      "{value}").format(views=", ".join(map(repr, VIEWS)),
                                                        value=show_value(show)))
    after = _text("after", table["after"]) if "after" in table else None
    speed = check_whole("speed", table["speed"], *SPEEDS) if "speed" in table else None
    step = LessonStep(_text("caption", table["caption"]), scenario, question, choices,
                      answer, pause_at, play, highlight, frozenset(show), after, speed)
    return step, scenario_table


def lesson_from_toml(text: str, name: str) -> Lesson:
    """Parse and validate lesson TOML text; never executes anything."""
    data = parse_toml(text, translate("lesson errors", "lesson file"), MAX_LESSON_BYTES)
    check_top(data, _TOP_KEYS, translate("lesson errors", "lesson"))
    if "title" not in data:
        raise ScenarioError(missing("title"))
    title = _text("title", data["title"])
    if not isinstance(data.get("scenario"), dict):
        raise ScenarioError(translate("lesson errors",
                                      "[scenario] is missing: the first step's scenario"))
    tables = data.get("step")
    if not isinstance(tables, list) or not 1 <= len(tables) <= MAX_LESSON_STEPS:
        raise ScenarioError(translate("lesson errors", "a lesson needs 1 to {limit} [[step]] "
                                      "tables").format(limit=MAX_LESSON_STEPS))
    scenario_table, steps = data["scenario"], []
    for number, table in enumerate(tables, 1):
        try:
            step, scenario_table = _step(number, table, scenario_table)
        except ScenarioError as error:
            raise ScenarioError(translate("lesson errors", "step {number}: {problem}")
                                .format(number=number, problem=error)) from None
        steps.append(step)
    return Lesson(name, title, tuple(steps))


def lesson_name(path: Path) -> str:
    """A lesson's name from its file: ``03-mu-values.toml`` → ``mu-values`` (the number
    only orders the shipped lessons)."""
    stem = path.stem
    head, _, rest = stem.partition("-")
    return rest if head.isdigit() and rest else stem


def load_lesson(path) -> Lesson:
    """Read, parse and validate the lesson file at ``path`` (ScenarioError: one line)."""
    path = Path(path)
    try:
        return lesson_from_toml(read_text(path, translate("lesson errors", "lesson file"),
                                          MAX_LESSON_BYTES), lesson_name(path))
    except ScenarioError as error:
        raise ScenarioError(in_file(path, error)) from None

