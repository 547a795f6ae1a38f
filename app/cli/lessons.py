"""``momentum-lab lessons``: the shipped lessons, one a line, the name first (no Qt).

The titles are in the language the environment asks for (``LANG=pt_BR.UTF-8``: Portuguese).
"""

from __future__ import annotations

from app.model.language import system_language
from app.model.lesson_library import shipped_lessons
from app.model.scenario import ScenarioError

from .arguments import UsageError


def command(args=None) -> int:
    language = system_language()
    try:
        lessons = shipped_lessons()
    except ScenarioError as error:       # a damaged install, said in one line
        raise UsageError(f"a shipped lesson is damaged: {error}") from None
    width = max((len(lesson.name) for lesson in lessons), default=0)
    for lesson in lessons:
        print(f"{lesson.name:<{width}}  {lesson.title.in_(language)}")
    return 0
