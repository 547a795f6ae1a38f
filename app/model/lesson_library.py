"""The lessons that ship with Momentum Lab (``resources/lessons/NN-name.toml``).

They follow the seed lecture in order; ``NN`` orders them and ``name`` is what
``momentum-lab --lesson name`` and ``momentum-lab lessons`` use.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .lesson import Lesson
from .lesson_file import lesson_name, load_lesson
from .scenario import ScenarioError
from .translation import translate


def lesson_folder() -> Path:
    """Where the shipped lesson files are (package data of ``resources``)."""
    return Path(str(resources.files("resources") / "lessons"))


def shipped_lesson_paths() -> list[Path]:
    """The shipped lesson files, in the lecture's order."""
    return sorted(lesson_folder().glob("*.toml"))


def shipped_lessons() -> list[Lesson]:
    return [load_lesson(path) for path in shipped_lesson_paths()]


def find_lesson(name: str) -> Lesson:
    """The shipped lesson called ``name`` (ScenarioError naming the known ones if none)."""
    paths = shipped_lesson_paths()
    for path in paths:
        if lesson_name(path) == name.strip().lower():
            return load_lesson(path)
    known = ", ".join(lesson_name(p) for p in paths)
    raise ScenarioError(translate("lesson errors", "no lesson called {name} (known: {known})")
                        .format(name=repr(name), known=known))


def resolve_lesson(name: str) -> Lesson:
    """``momentum-lab --lesson NAME``: a shipped lesson's name, or a lesson file's path."""
    if name.lower().endswith(".toml") or Path(name).is_file():
        return load_lesson(name)
    return find_lesson(name)
