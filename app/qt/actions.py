"""The window's actions, menus and F1 help, made from :mod:`app.qt.action_table`."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from app.model.translation import translate

from .action_table import MENUS, TOOLBAR, ActionSpec, action_table

#: The table in English, as written (ids, keys and menus are the same in every language).
ACTIONS = action_table()
__all__ = ["ACTIONS", "MENUS", "TOOLBAR", "ActionSpec", "build_actions", "help_rows"]


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


def build_actions(window: QtWidgets.QMainWindow, specs=None) -> dict[str, QtGui.QAction]:
    """Make every action of ``specs`` (default: the table in the window's language) on
    ``window``, with its shortcuts and in its menu (``"View/Language"``: a submenu)."""
    specs = action_table() if specs is None else specs
    actions = {}
    for spec in specs:
        if spec.handler is None and spec.dock is None:
            continue  # an F1 line only
        action = _make(window, spec)
        action.setShortcuts([QtGui.QKeySequence(k) for k in spec.keys])
        tip = spec.tip or spec.text
        action.setToolTip(translate("actions", "{tip} ({keys})").format(
            tip=tip, keys=_keys_text(spec.keys)) if spec.keys else tip)
        window.addAction(action)  # shortcuts work even when menus are hidden
        actions[spec.id] = action
    menus = {name: window.menuBar().addMenu(menu_title(name)) for name in MENUS}
    for spec in specs:
        if spec.menu is None:
            continue
        if spec.menu not in menus:                       # "View/Language"
            parent, _, name = spec.menu.partition("/")
            menus[spec.menu] = menus[parent].addMenu(menu_title(name))
        if spec.separator_before:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(actions[spec.id])
    return actions


def menu_title(name: str) -> str:
    """A menu's title in the window's language, with its Alt key."""
    titles = {"File": translate("actions", "&File"), "View": translate("actions", "&View"),
              "Playback": translate("actions", "&Playback"), "Help": translate("actions", "&Help"),
              "Language": translate("actions", "&Language")}
    return titles[name]


def _keys_text(keys) -> str:
    joiner = translate("actions", " or ")
    return joiner.join(QtGui.QKeySequence(k).toString() for k in keys)


def help_rows(specs=None) -> list[tuple[str, str]]:
    """The F1 table: (what it does, its keys) for every action with keys, in table order."""
    specs = action_table() if specs is None else specs
    rows = []
    for spec in specs:
        keys = spec.help_keys or translate("actions", "  or  ").join(spec.keys)
        if keys:
            rows.append((spec.help or spec.text, keys))
    return rows
