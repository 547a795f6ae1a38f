"""The ``momentum-lab`` entry point: the app with no arguments, else one command.

``momentum-lab``               open the desktop app
``momentum-lab run ...``       one optimizer's trajectory as CSV or JSON
``momentum-lab export ...``    an animation (GIF, MP4, WebM, PNG frames) of a scenario
``momentum-lab sweep ...``     the (α, μ) map as CSV or PNG
``momentum-lab race ...``      optimizers over many seeds of the same noise, compared fairly
``momentum-lab snapshot ...``  the window at a step, rendered offscreen to a PNG
``momentum-lab landscapes``    the built-in landscapes with formula, domain and minima
``momentum-lab lessons``       the shipped lessons, one a line, the name first
``momentum-lab theory ...``    a rule's rates, regimes, edge and optimum at a point

Each command is a module of this package with a ``command(args) -> int``, imported only
when it runs: ``run``, ``landscapes`` and ``sweep`` to CSV never import Qt, so scripted
runs start fast and work where PySide6 and pyqtgraph are absent. Bad input exits with
status 2 and one line on stderr naming the bad value — never a traceback.

``momentum-lab FILE.toml`` opens the app on that scenario, the way a file manager passes
a file; ``momentum-lab --lesson NAME`` (a shipped lesson or a lesson file) on a lesson,
which is read and checked first, so a wrong name is one line and no window. Ctrl+C and SIGTERM stop any command cleanly (:mod:`app.cli.interrupts`); a
reader that closes the pipe early (``momentum-lab landscapes | head -1``) just ends
the output. numpy's RuntimeWarnings (overflow on the way to a divergence) are not
shown: the command's own answer says what happened, in one line.
"""

from __future__ import annotations

import importlib
import os
import sys
import warnings

from . import interrupts
from .arguments import UsageError, join_negative_values
from .parser import build_parser

COMMANDS = ("run", "export", "sweep", "race", "snapshot", "landscapes", "lessons", "theory")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``momentum-lab`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or _is_scenario_file(argv):
        from app.qt.launcher import launch_app  # noqa: PLC0415 - Qt only for the window
        return launch_app(scenario_path=argv[0] if argv else None)
    lesson = _lesson_option(argv)
    if lesson is not None:
        return _open_lesson(lesson)
    try:
        with interrupts.handled(), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return _command(argv)
    except UsageError as error:
        print(f"momentum-lab: error: {error}", file=sys.stderr)
        return 2
    except interrupts.Interrupted as stop:
        print(f"momentum-lab: {stop}", file=sys.stderr)
        return stop.exit_status
    except KeyboardInterrupt:   # before the handler was installed
        print("momentum-lab: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 141   # what a shell reports for a writer stopped by SIGPIPE


def _command(argv: list[str]) -> int:
    args = build_parser().parse_args(join_negative_values(argv))
    if args.lesson is not None:
        raise UsageError("--lesson opens the app on a lesson: give it alone, "
                         "as `momentum-lab --lesson NAME`")
    if args.command not in COMMANDS:
        raise UsageError("missing command (try `momentum-lab --help`)")
    return importlib.import_module(f"app.cli.{args.command}").command(args)


def _lesson_option(argv: list[str]) -> str | None:
    """The NAME of ``--lesson NAME`` or ``--lesson=NAME`` when that is the whole command."""
    if len(argv) == 2 and argv[0] == "--lesson":
        return argv[1]
    if len(argv) == 1 and argv[0].startswith("--lesson="):
        return argv[0].partition("=")[2]
    return None


def _open_lesson(name: str) -> int:
    from app.model.lesson_library import resolve_lesson  # noqa: PLC0415 - only for lessons
    from app.model.scenario import ScenarioError  # noqa: PLC0415

    try:
        lesson = resolve_lesson(name) if name.strip() else None
    except ScenarioError as error:
        print(f"momentum-lab: error: {error}", file=sys.stderr)
        return 2
    if lesson is None:
        print("momentum-lab: error: --lesson needs a name (see `momentum-lab lessons`)",
              file=sys.stderr)
        return 2
    from app.qt.launcher import launch_app  # noqa: PLC0415 - Qt only for the window
    return launch_app(lesson=lesson)


def _is_scenario_file(argv: list[str]) -> bool:
    """One argument that names a scenario file rather than a command or an option."""
    return (len(argv) == 1 and argv[0] not in COMMANDS and not argv[0].startswith("-")
            and (argv[0].lower().endswith(".toml") or os.path.isfile(argv[0])))


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
