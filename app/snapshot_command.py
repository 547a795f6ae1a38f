"""``momentum-lab snapshot``: render the app's window at a given step to a PNG, with no display.

The README's screenshot is made this way, so it always shows the real window.
"""

from __future__ import annotations

import os

from .cli import UsageError, parse_dimensions
from .output import OutputError, atomic_output


def snapshot_command(args) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtWidgets  # noqa: PLC0415

    from .main_window import MainWindow  # noqa: PLC0415
    from .qt_images import png_bytes  # noqa: PLC0415
    from .scenario import ScenarioError, load_scenario  # noqa: PLC0415

    try:
        step = int(args.step)
    except ValueError:
        raise UsageError(f"--step must be a whole number, got {args.step!r}") from None
    width, height = parse_dimensions(args.size, "size", "WIDTHxHEIGHT (e.g. 1400x800)")
    if step < 0 or not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise UsageError("--step must be >= 0 and --size between 320x240 and 7680x4320")
    if not args.out.lower().endswith(".png"):
        raise UsageError(f"snapshot writes PNG files, got {args.out!r}")
    try:
        scenario = load_scenario(args.scenario) if args.scenario else None
    except ScenarioError as error:
        raise UsageError(str(error)) from None
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["momentum-lab"])
    window = MainWindow(scenario)
    window.resize(width, height)
    window.show()
    if args.landscape and not window.request_change({"landscape": args.landscape, "start": None,
                                                     "domain": None}):
        window.controller.shutdown()
        raise UsageError(f"bad landscape {args.landscape!r}: "
                         f"{window.controls.expression_error.text()}")
    if args.swarm:
        window.swarm_action.setChecked(True)
    if args.views:
        window.map_toggle.trigger()
        window.physics_views_toggle.trigger()
    window.controller.seek(step)
    app.processEvents()
    window.loss_plot.rebuild()
    window.parameter_map.wait()
    app.processEvents()
    window.parameter_map.wait()
    app.processEvents()
    data = png_bytes(window)
    window.controller.shutdown()
    window.parameter_map.shutdown()
    try:
        with atomic_output(args.out, "wb") as handle:
            handle.write(data)
    except OutputError as error:
        raise UsageError(str(error)) from None
    window.close()
    return 0
