"""The ``momentum-lab`` entry point: the app with no arguments, else one command.

``momentum-lab``               open the desktop app
``momentum-lab run ...``       one optimizer's trajectory as CSV or JSON
``momentum-lab export ...``    an animation (GIF, MP4, WebM, PNG frames) of a scenario
``momentum-lab sweep ...``     the (α, μ) map as CSV or PNG
``momentum-lab snapshot ...``  the window at a step, rendered offscreen to a PNG
``momentum-lab landscapes``    the built-in landscapes with formula, domain and minima
``momentum-lab theory ...``    a rule's rates, regimes, edge and optimum at a point

Each command is a module of this package with a ``command(args) -> int``, imported only
when it runs: ``run``, ``landscapes`` and ``sweep`` to CSV never import Qt, so scripted
runs start fast and work where PySide6 and pyqtgraph are absent. Bad input exits with
status 2 and one line on stderr naming the bad value — never a traceback.
"""

from __future__ import annotations

import importlib
import sys

from .arguments import UsageError, join_negative_values
from .parser import build_parser

COMMANDS = ("run", "export", "sweep", "snapshot", "landscapes", "theory")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``momentum-lab`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        from app.qt.launcher import launch_app  # noqa: PLC0415 - Qt only for the window
        return launch_app()
    try:
        args = build_parser().parse_args(join_negative_values(argv))
        if args.command not in COMMANDS:
            raise UsageError("missing command (try `momentum-lab --help`)")
        return importlib.import_module(f"app.cli.{args.command}").command(args)
    except UsageError as error:
        print(f"momentum-lab: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("momentum-lab: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
