"""``momentum-lab lessons`` and ``momentum-lab --lesson NAME``."""

from __future__ import annotations

import pytest

from app.cli.main import main
from app.model.lesson_library import shipped_lessons


def test_lessons_lists_one_a_line_the_name_first(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    assert main(["lessons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    lessons = shipped_lessons()
    assert [line.split()[0] for line in lines] == [lesson.name for lesson in lessons]
    assert lines[0].endswith(lessons[0].title.in_("en"))


def test_lessons_speaks_portuguese_when_lang_does(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    main(["lessons"])
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith(shipped_lessons()[0].title.in_("pt"))


@pytest.mark.parametrize("argv, words", [
    (["--lesson", "no-such-lesson"], "no lesson called 'no-such-lesson' (known: sgd-zigzag"),
    (["--lesson="], "--lesson needs a name"),
    (["--lesson", "sgd-zigzag", "run"], "--lesson opens the app on a lesson: give it alone"),
    (["--lesson", "missing.toml"], "missing.toml: no such file"),
])
def test_a_wrong_lesson_is_one_line_and_no_window(argv, words, capsys, monkeypatch):
    def no_window(**kwargs):
        raise AssertionError("the app must not open")

    monkeypatch.setattr("app.qt.launcher.launch_app", no_window)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_a_lesson_file_or_name_opens_the_app_on_it(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("app.qt.launcher.launch_app", lambda **kw: opened.append(kw) or 0)
    path = tmp_path / "mine.toml"
    path.write_text('format = 1\ntitle = "Mine"\n[scenario]\nlandscape = "ravine"\n'
                    '[[scenario.pane]]\noptimizer = "sgd"\nalpha = 0.01\n'
                    '[[step]]\ncaption = "c"\n', encoding="utf-8")
    assert main(["--lesson", str(path)]) == 0
    assert main(["--lesson=sgd-zigzag"]) == 0
    assert [kw["lesson"].name for kw in opened] == ["mine", "sgd-zigzag"]
