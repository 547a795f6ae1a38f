"""Every command of the window as data: one table builds the menus, shortcuts and F1 help.

napari's ``qactions`` in spirit: an :class:`ActionSpec` names the command (``id``), what the
menu says, its keys, its tooltip, its menu, whether it is a check box, and its handler —
a dotted attribute path on the window (``"controller.toggle"``, ``"files.open_scenario_dialog"``,
``"set_layer"`` with ``args``). A checkable action's handler also receives the new state.
``dock`` names one of the window's docks instead: its own show/hide action is used,
with the spec's text, keys and tip. A spec with no handler and no dock is a line of the
F1 help only (a mouse gesture). The table's order is the menus' order and the F1 help's.
To add a command: add a row here and the method it names. The texts are translated when
the table is made (:func:`action_table`), so a window built in Portuguese says Portuguese;
:mod:`app.qt.actions` turns the table into Qt actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.model.example_library import EXAMPLES, example_menu_texts
from app.model.language import LANGUAGES
from app.model.translation import translate
from app.model.workspace import SEEDS, SWARM_SIDE

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
    help: str | None = None  # the F1 line, when it differs from the menu text
    help_keys: str | None = None  # the F1 keys, when they are not keys (a gesture)
    separator_before: bool = False


def _example_specs() -> tuple[ActionSpec, ...]:
    """File ▸ the shipped examples (app/model/example_library.py)."""
    texts = example_menu_texts()
    return tuple(ActionSpec(f"example {name}", texts[name][0], (), texts[name][1], "File",
                            "files.open_example", args=(name,), separator_before=k == 0)
                 for k, name in enumerate(EXAMPLES))


def action_table() -> tuple[ActionSpec, ...]:
    """The table in the window's language (its texts are translated when it is made)."""
    return (
        # File
        ActionSpec(
            "open",
            translate("actions", "Open scenario…"),
            ("Ctrl+O",),
            "",
            "File",
            "files.open_scenario_dialog",
            help=translate("actions", "Open scenario"),
        ),
        ActionSpec(
            "save",
            translate("actions", "Save scenario…"),
            ("Ctrl+S",),
            "",
            "File",
            "files.save_scenario_dialog",
            help=translate("actions", "Save scenario"),
        ),
        ActionSpec(
            "lesson_file",
            translate("actions", "Open lesson…"),
            ("Ctrl+L",),
            translate(
                "actions",
                "Open a lesson: the shipped ones follow the lecture; a teacher's own file too",
            ),
            "File",
            "lessons.open_file_dialog",
            help=translate("actions", "Open lesson"),
        ),
        *_example_specs(),
        ActionSpec(
            "export",
            translate("actions", "Export animation…"),
            ("Ctrl+E",),
            translate("actions", "Export GIF, MP4, WebM or PNG frames of this comparison"),
            "File",
            "files.export_animation_dialog",
            help=translate("actions", "Export animation"),
            separator_before=True,
        ),
        ActionSpec(
            "trajectories",
            translate("actions", "Export trajectories (CSV)…"),
            (),
            "",
            "File",
            "files.export_trajectories_dialog",
        ),
        ActionSpec(
            "picture",
            translate("actions", "Save picture (PNG or SVG)…"),
            ("Ctrl+P",),
            "",
            "File",
            "files.save_picture_dialog",
            help=translate("actions", "Save picture (PNG / SVG)"),
        ),
        ActionSpec(
            "quit",
            translate("actions", "Quit"),
            ("Ctrl+Q",),
            "",
            "File",
            "close",
            separator_before=True,
        ),
        # View
        ActionSpec(
            "trail",
            translate("actions", "Trail"),
            (),
            "",
            "View",
            "set_layer",
            ("trail",),
            checkable=True,
            checked=True,
        ),
        ActionSpec(
            "force",
            translate("actions", "Force arrows (−α·g)"),
            (),
            "",
            "View",
            "set_layer",
            ("force",),
            checkable=True,
            checked=True,
        ),
        ActionSpec(
            "velocity",
            translate("actions", "Velocity arrows (p)"),
            (),
            "",
            "View",
            "set_layer",
            ("velocity",),
            checkable=True,
            checked=True,
        ),
        ActionSpec(
            "equal",
            translate("actions", "Equal axis scaling"),
            (),
            translate(
                "actions",
                "One unit of x as long as one of y: the landscape's true shape (on by default "
                "unless the domain is much longer than it is wide)",
            ),
            "View",
            "set_equal_axes",
            checkable=True,
            checked=True,
        ),
        ActionSpec(
            "loss",
            translate("actions", "Loss plot"),
            (),
            "",
            "View",
            "loss_plot.setVisible",
            checkable=True,
            checked=True,
        ),
        ActionSpec(
            "physics",
            translate("actions", "Physics readouts"),
            (),
            "",
            "View",
            "pane_row.set_physics_visible",
            checkable=True,
            checked=True,
        ),
        ActionSpec(
            "rule",
            translate("actions", "Update rule with numbers"),
            ("U",),
            translate("actions", "Each pane's update rule with this step's numbers put in"),
            "View",
            "pane_row.set_update_rule_visible",
            checkable=True,
        ),
        ActionSpec("scenario", translate("actions", "Scenario"), (), "", "View", dock="scenario"),
        ActionSpec(
            "map",
            translate("actions", "Parameter map (α, μ)"),
            ("M",),
            translate("actions", "Where momentum helps: every (α, μ) run on this landscape"),
            "View",
            dock="map",
        ),
        ActionSpec(
            "energy",
            translate("actions", "Energy and phase portrait"),
            ("E",),
            translate("actions", "Energy against step and the phase portrait"),
            "View",
            dock="physics",
        ),
        ActionSpec(
            "lesson",
            translate("actions", "Lesson"),
            ("L",),
            translate("actions", "The lesson panel: the lecture's steps, predict then watch"),
            "View",
            dock="lesson",
        ),
        ActionSpec(
            "overlay",
            translate("actions", "Overlay: all balls on one plot"),
            ("O",),
            translate("actions", "Overlay every pane's ball on one contour plot"),
            "View",
            "set_overlay",
            checkable=True,
            help=translate("actions", "Overlay all balls on one plot"),
            separator_before=True,
        ),
        ActionSpec(
            "swarm",
            translate("actions", "Swarm: {side}×{side} balls, coloured by basin").format(
                side=SWARM_SIDE
            ),
            ("S",),
            translate(
                "actions",
                "Start a ball from every point of a grid; colour each by the minimum it ends in",
            ),
            "View",
            "set_swarm",
            checkable=True,
            help=translate("actions", "Swarm: a grid of balls coloured by basin"),
        ),
        ActionSpec(
            "seeds",
            translate("actions", "Many seeds: {seeds} runs per pane").format(seeds=SEEDS),
            ("N",),
            translate(
                "actions",
                "Run every pane on seeds 0–{last} of its noise or minibatches (the same "
                "draws in every pane): a faint cloud, the median path, the loss's 10–90 % band",
            ).format(last=SEEDS - 1),
            "View",
            "set_seeds",
            checkable=True,
            help=translate("actions", "Many seeds: a cloud of runs, median and band"),
        ),
        ActionSpec(
            "start",
            translate("actions", "Set the start point"),
            help_keys=translate("actions", "Shift+click a plot, or drag the ×"),
        ),
        ActionSpec(
            "fullscreen",
            translate("actions", "Full screen"),
            ("F11",),
            translate("actions", "Fill the screen, for presenting (F11 again to leave)"),
            "View",
            "set_full_screen",
            checkable=True,
            separator_before=True,
        ),
        ActionSpec(
            "zoom_in",
            translate("actions", "Zoom in"),
            ("Ctrl++", "Ctrl+="),
            translate("actions", "Larger text, lines, balls and markers, for the back of the room"),
            "View",
            "presenter.zoom_in",
        ),
        ActionSpec(
            "zoom_out",
            translate("actions", "Zoom out"),
            ("Ctrl+-",),
            "",
            "View",
            "presenter.zoom_out",
        ),
        ActionSpec(
            "zoom_reset",
            translate("actions", "Actual size"),
            ("Ctrl+0",),
            translate("actions", "Zoom back to 100 %"),
            "View",
            "presenter.reset_zoom",
            help=translate("actions", "Zoom back to actual size"),
        ),
        ActionSpec(
            "contrast",
            translate("actions", "High contrast (projector)"),
            (),
            translate(
                "actions", "Thicker lines and trails, black labels: for washed-out projectors"
            ),
            "View",
            "presenter.set_high_contrast",
            checkable=True,
        ),
        # View ▸ Language: each language named in its own words (never translated)
        *(ActionSpec(f"language_{code}", name, (), "", "View/Language", "set_language",
                     (code,), checkable=True) for code, name in LANGUAGES.items()),
        # Playback
        ActionSpec(
            "play",
            translate("actions", "Play"),
            ("Space",),
            translate("actions", "Play / pause"),
            "Playback",
            "controller.toggle",
            help=translate("actions", "Play / pause"),
        ),
        ActionSpec(
            "step",
            translate("actions", "Step forward"),
            ("Right", "."),
            translate("actions", "One step forward, all panes in lockstep"),
            "Playback",
            "controller.step_forward",
            help=translate("actions", "Step forward (all panes)"),
        ),
        ActionSpec(
            "back",
            translate("actions", "Step back"),
            ("Left", ","),
            "",
            "Playback",
            "controller.step_back",
        ),
        ActionSpec(
            "reset",
            translate("actions", "Reset"),
            ("Home", "R"),
            translate("actions", "Back to step 0"),
            "Playback",
            "controller.reset",
            help=translate("actions", "Reset to step 0"),
        ),
        ActionSpec(
            "ahead",
            translate("actions", "Compute ahead"),
            ("End",),
            translate("actions", "Compute the run up to step 1,000,000 in the background, "
                      "so the timeline reaches every step (End again stops)"),
            "Playback",
            "ahead.toggle",
        ),
        ActionSpec(
            "faster", translate("actions", "Faster"), ("]",), "", "Playback", "controller.faster"
        ),
        ActionSpec(
            "slower", translate("actions", "Slower"), ("[",), "", "Playback", "controller.slower"
        ),
        # Help
        ActionSpec(
            "help",
            translate("actions", "Keyboard shortcuts"),
            ("F1",),
            "",
            "Help",
            "show_shortcuts",
        ),
        ActionSpec(
            "about", translate("actions", "About Momentum Lab"), (), "", "Help", "show_about"
        ),
    )

