"""Every command of the window as data: one table builds the menus, shortcuts and F1 help.

napari's ``qactions`` in spirit: an :class:`ActionSpec` names the command (``id``), what the
menu says, its keys, its tooltip, its menu, whether it is a check box, and its handler —
a dotted attribute path on the window (``"controller.toggle"``, ``"files.open_scenario_dialog"``,
``"set_layer"`` with ``args``). A checkable action's handler also receives the new state.
``dock`` names one of the window's docks instead: its own show/hide action is used,
with the spec's text, keys and tip. A spec with no handler and no dock is a line of the
F1 help only (a mouse gesture). The table's order is the menus' order and the F1 help's.
To add a command: add a row here and the method it names.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtGui, QtWidgets

from app.model.workspace import SWARM_SIDE

MENUS = ("File", "View", "Playback", "Help")
#: The playback bar's buttons, left to right.
TOOLBAR = ("back", "play", "step", "reset")


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    keys: tuple[str, ...] = ()
    tip: str = ""
    menu: str | None = None
    handler: str | None = None
    args: tuple = ()
    checkable: bool = False
    checked: bool = False
    dock: str | None = None
    help: str | None = None          # the F1 line, when it differs from the menu text
    help_keys: str | None = None     # the F1 keys, when they are not keys (a gesture)
    separator_before: bool = False


ACTIONS = (
    # File
    ActionSpec("open", "Open scenario…", ("Ctrl+O",), "", "File", "files.open_scenario_dialog",
               help="Open scenario"),
    ActionSpec("save", "Save scenario…", ("Ctrl+S",), "", "File", "files.save_scenario_dialog",
               help="Save scenario"),
    ActionSpec("lesson_file", "Open lesson…", ("Ctrl+L",),
               "Open a lesson: the shipped ones follow the lecture; a teacher's own file too",
               "File", "lessons.open_file_dialog", help="Open lesson"),
    ActionSpec("export", "Export animation…", ("Ctrl+E",),
               "Export GIF, MP4, WebM or PNG frames of this comparison", "File",
               "files.export_animation_dialog", help="Export animation", separator_before=True),
    ActionSpec("trajectories", "Export trajectories (CSV)…", (), "", "File",
               "files.export_trajectories_dialog"),
    ActionSpec("picture", "Save picture (PNG or SVG)…", ("Ctrl+P",), "", "File",
               "files.save_picture_dialog", help="Save picture (PNG / SVG)"),
    ActionSpec("quit", "Quit", ("Ctrl+Q",), "", "File", "close", separator_before=True),
    # View
    ActionSpec("trail", "Trail", (), "", "View", "set_layer", ("trail",), checkable=True,
               checked=True),
    ActionSpec("force", "Force arrows (−α·g)", (), "", "View", "set_layer", ("force",),
               checkable=True, checked=True),
    ActionSpec("velocity", "Velocity arrows (p)", (), "", "View", "set_layer", ("velocity",),
               checkable=True, checked=True),
    ActionSpec("equal", "Equal axis scaling", (),
               "One unit of x as long as one of y: the landscape's true shape (on by default "
               "unless the domain is much longer than it is wide)", "View", "set_equal_axes",
               checkable=True, checked=True),
    ActionSpec("loss", "Loss plot", (), "", "View", "loss_plot.setVisible", checkable=True,
               checked=True),
    ActionSpec("physics", "Physics readouts", (), "", "View", "pane_row.set_physics_visible",
               checkable=True, checked=True),
    ActionSpec("rule", "Update rule with numbers", ("U",),
               "Each pane's update rule with this step's numbers put in", "View",
               "pane_row.set_update_rule_visible", checkable=True),
    ActionSpec("scenario", "Scenario", (), "", "View", dock="scenario"),
    ActionSpec("map", "Parameter map (α, μ)", ("M",),
               "Where momentum helps: every (α, μ) run on this landscape", "View", dock="map"),
    ActionSpec("energy", "Energy and phase portrait", ("E",),
               "Energy against step and the phase portrait", "View", dock="physics"),
    ActionSpec("lesson", "Lesson", ("L",),
               "The lesson panel: the lecture's steps, predict then watch", "View",
               dock="lesson"),
    ActionSpec("overlay", "Overlay: all balls on one plot", ("O",),
               "Overlay every pane's ball on one contour plot", "View", "set_overlay",
               checkable=True, help="Overlay all balls on one plot", separator_before=True),
    ActionSpec("swarm", f"Swarm: {SWARM_SIDE}×{SWARM_SIDE} balls, coloured by basin", ("S",),
               "Start a ball from every point of a grid; colour each by the minimum it ends in",
               "View", "set_swarm", checkable=True,
               help="Swarm: a grid of balls coloured by basin"),
    ActionSpec("start", "Set the start point", help_keys="Shift+click a plot, or drag the ×"),
    ActionSpec("fullscreen", "Full screen", ("F11",),
               "Fill the screen, for presenting (F11 again to leave)", "View",
               "set_full_screen", checkable=True, separator_before=True),
    ActionSpec("zoom_in", "Zoom in", ("Ctrl++", "Ctrl+="),
               "Larger text, lines, balls and markers, for the back of the room", "View",
               "presenter.zoom_in"),
    ActionSpec("zoom_out", "Zoom out", ("Ctrl+-",), "", "View", "presenter.zoom_out"),
    ActionSpec("zoom_reset", "Actual size", ("Ctrl+0",), "Zoom back to 100 %", "View",
               "presenter.reset_zoom", help="Zoom back to actual size"),
    ActionSpec("contrast", "High contrast (projector)", (),
               "Thicker lines and trails, black labels: for washed-out projectors", "View",
               "presenter.set_high_contrast", checkable=True),
    # Playback
    ActionSpec("play", "Play", ("Space",), "Play / pause", "Playback", "controller.toggle",
               help="Play / pause"),
    ActionSpec("step", "Step forward", ("Right", "."), "One step forward, all panes in lockstep",
               "Playback", "controller.step_forward", help="Step forward (all panes)"),
    ActionSpec("back", "Step back", ("Left", ","), "", "Playback", "controller.step_back"),
    ActionSpec("reset", "Reset", ("Home", "R"), "Back to step 0", "Playback", "controller.reset",
               help="Reset to step 0"),
    ActionSpec("faster", "Faster", ("]",), "", "Playback", "controller.faster"),
    ActionSpec("slower", "Slower", ("[",), "", "Playback", "controller.slower"),
    # Help
    ActionSpec("help", "Keyboard shortcuts", ("F1",), "", "Help", "show_shortcuts"),
    ActionSpec("about", "About Momentum Lab", (), "", "Help", "show_about"),
)


def _resolve(window, path: str):
    target = window
    for name in path.split("."):
        target = getattr(target, name)
    return target


def _make(window, spec: ActionSpec) -> QtGui.QAction:
    if spec.dock:
        action = getattr(window.docks, spec.dock).toggleViewAction()
        action.setText(spec.text)
        return action
    action = QtGui.QAction(spec.text, window)
    handler = _resolve(window, spec.handler)
    if spec.checkable:
        action.setCheckable(True)
        action.setChecked(spec.checked)
        action.toggled.connect(lambda on, h=handler, a=spec.args: h(*a, on))
    else:
        action.triggered.connect(lambda *_, h=handler, a=spec.args: h(*a))
    return action


def build_actions(window: QtWidgets.QMainWindow, specs=ACTIONS) -> dict[str, QtGui.QAction]:
    """Make every action of ``specs`` on ``window``, with its shortcuts and in its menu."""
    actions = {}
    for spec in specs:
        if spec.handler is None and spec.dock is None:
            continue                                   # an F1 line only
        action = _make(window, spec)
        action.setShortcuts([QtGui.QKeySequence(k) for k in spec.keys])
        shown = " or ".join(QtGui.QKeySequence(k).toString() for k in spec.keys)
        tip = spec.tip or spec.text
        action.setToolTip(f"{tip} ({shown})" if shown else tip)
        window.addAction(action)   # shortcuts work even when menus are hidden
        actions[spec.id] = action
    menus = {name: window.menuBar().addMenu(f"&{name}") for name in MENUS}
    for spec in specs:
        if spec.menu is None:
            continue
        if spec.separator_before:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(actions[spec.id])
    return actions


def help_rows(specs=ACTIONS) -> list[tuple[str, str]]:
    """The F1 table: (what it does, its keys) for every action with keys, in table order."""
    rows = []
    for spec in specs:
        keys = spec.help_keys or "  or  ".join(spec.keys)
        if keys:
            rows.append((spec.help or spec.text, keys))
    return rows
