"""The window in Portuguese and English: every string translated, Qt's own dialogs too,
View ▸ Language switches and is remembered."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6 import QtGui, QtWidgets  # noqa: E402

from app.qt import language  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "momentum_lab_pt.ts"
QM = TS.with_suffix(".qm")
TOOLS = Path(sys.executable).parent


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name") or "", message.findtext("source")): message
            for context in root.iter("context") for message in context.iter("message")}


@pytest.fixture
def collected(tmp_path) -> dict:
    """What ``make translations`` would collect from the sources today, merged with the
    committed translations."""
    ts = tmp_path / "now.ts"
    shutil.copy(TS, ts)
    sources = sorted(str(p) for package in ("app", "physics", "optimizers")
                     for p in (ROOT / package).rglob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
                   check=True, capture_output=True)
    return messages(ts)


@pytest.fixture
def portuguese():
    language.install("pt")
    yield
    language.install("en")


def test_every_user_visible_string_has_a_portuguese_translation(collected):
    untranslated = [key for key, message in collected.items()
                    if message.find("translation").get("type") == "unfinished"
                    or not (message.findtext("translation") or "").strip()]
    assert untranslated == [], "run `make translations` and translate these"
    assert set(collected) == set(messages(TS)), "the .ts is stale: run `make translations`"


def _marks(text: str) -> tuple:
    return (sorted(re.findall(r"\{[a-z_]+\}", text)), text.count("&") - text.count("&&"),
            sorted(re.findall(r"</?[a-z]+>", text)))


def test_translations_keep_every_field_accelerator_and_tag():
    for (context, source), message in messages(TS).items():
        assert _marks(source) == _marks(message.findtext("translation")), (context, source)


def test_the_compiled_translations_are_up_to_date(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(TS), "-qm", str(fresh)],
                   check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_the_window_starts_in_portuguese(qtbot, portuguese):
    from app.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Arquivo", "E&xibir", "&Reprodução", "A&juda"]
    assert window.qactions["play"].text() == "Reproduzir"
    assert window.qactions["language_pt"].isChecked()
    assert window.docks.lesson_view.watch.text() == "Assistir"
    # Qt's own words too: standard buttons of dialogs are Portuguese.
    box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"
    window.controller.shutdown()


def test_view_language_switches_keeping_the_session_and_is_remembered(qtbot,
                                                                     remembering_window):
    window = remembering_window()
    window.docks.controls.add_pane_requested.emit()
    window.controller.seek(12)
    window.qactions["overlay"].setChecked(True)
    try:
        window.qactions["language_pt"].trigger()
        new = window.replacement
        qtbot.addWidget(new)
        assert new.qactions["play"].text() == "Reproduzir"
        assert new.workspace.scenario == window.workspace.scenario
        assert new.controller.step == 12 and new.qactions["overlay"].isChecked()
        assert language.chosen() == "pt"          # the next start is in Portuguese too
        new.qactions["language_en"].trigger()
        back = new.replacement
        qtbot.addWidget(back)
        assert back.qactions["play"].text() == "Play" and language.chosen() == "en"
        back.close()
    finally:
        language.install("en")


#: Words the same in both languages: names, units, file kinds, math.
NEUTRAL = {"sgd", "momentum", "nesterov", "adam", "rmsprop", "adagrad", "adadelta", "adamw",
           "nadam", "lab", "gif", "mp4",
           "webm", "png", "csv", "svg", "toml", "opengl", "h.264", "vp9", "english",
           "português", "brasil", "zoom", "minibatch", "batch", "full", "hd"}


def _shown_texts(window) -> set[str]:
    """Every text the window shows or tells on hover: actions, labels, buttons, boxes,
    docks, combo items, placeholders, tooltips."""
    texts = set()
    for action in window.findChildren(QtGui.QAction):
        texts |= {action.text(), action.toolTip()}
    for widget in window.findChildren(QtWidgets.QWidget):
        texts.add(widget.toolTip())
        if isinstance(widget, (QtWidgets.QLabel, QtWidgets.QAbstractButton)):
            texts.add(widget.text())
        if isinstance(widget, QtWidgets.QGroupBox):
            texts.add(widget.title())
        if isinstance(widget, QtWidgets.QDockWidget):
            texts.add(widget.windowTitle())
        if isinstance(widget, QtWidgets.QComboBox):
            texts |= {widget.itemText(i) for i in range(widget.count())}
        if isinstance(widget, QtWidgets.QLineEdit):
            texts.add(widget.placeholderText())
    return {t for t in texts if t}


def _has_words(text: str) -> bool:
    plain = re.sub(r"<[^>]+>|&\w+;|\(.*?\)|[^A-Za-zÀ-ÿ. ]", " ", text.replace("&", ""))
    return any(len(word) > 2 and word.strip(".").lower() not in NEUTRAL
               for word in plain.split())


def test_nothing_the_window_shows_stays_english_in_portuguese(qtbot):
    from app.qt.main_window import MainWindow

    english = MainWindow()
    qtbot.addWidget(english)
    english.qactions["rule"].setChecked(True)
    shown_in_english = _shown_texts(english)
    english.controller.shutdown()
    language.install("pt")
    try:
        portuguese = MainWindow()
        qtbot.addWidget(portuguese)
        portuguese.qactions["rule"].setChecked(True)
        same = sorted(t for t in _shown_texts(portuguese) & shown_in_english if _has_words(t))
        portuguese.controller.shutdown()
    finally:
        language.install("en")
    assert same == [], "\n".join(same)


def test_a_refusal_is_said_in_portuguese_too(qtbot, portuguese, tmp_path):
    """Validation messages (a bad file, a broken expression) follow the language."""
    from app.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    path = tmp_path / "ruim.toml"
    path.write_text('format = 1\nlandscape = "ravine"\n[[pane]]\noptimizer = "sgd"\n'
                    'alpha = -1\n', encoding="utf-8")
    assert not window.files.open_scenario(path, warn=False)
    message = window.statusBar().currentMessage()
    assert message.startswith("ruim.toml: painel 1:") and "deve ser" in message
    window.controller.shutdown()
