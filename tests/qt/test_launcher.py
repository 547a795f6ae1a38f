"""Opening a scenario file: ``momentum-lab FILE.toml`` at start-up, and File ▸ Open.

Either way the file is hostile input. A file that fails — missing, unreadable, broken,
out of range, or holding a value a widget refuses — changes nothing: the scenario on
screen (the default, or the remembered one) stays, and one status-bar line says why.
"""

import os
import signal
import subprocess
import sys
import time

import pytest

pytest.importorskip("PySide6")

from PySide6 import QtCore, QtGui, QtWidgets  # noqa: E402

from app import system_check  # noqa: E402
from app.model.scenario import default_scenario  # noqa: E402
from app.model.scenario_file import load_scenario, scenario_from_toml  # noqa: E402
from app.qt import launcher  # noqa: E402
from app.qt.main_window import MainWindow  # noqa: E402
from app.qt.optimizer_settings_widget import OptimizerSettingsWidget  # noqa: E402
from app.qt.scenario_controls_widget import ScenarioControlsWidget  # noqa: E402
from optimizers.registry import OptimizerSettings  # noqa: E402

GOOD = ('format = 1\nlandscape = "himmelblau"\nsigma = 0.1\nseed = 7\n\n'
        '[[pane]]\noptimizer = "momentum"\nalpha = 0.005\nmu = 0.9\n'
        'alpha_schedule = ["step", 0.5, 123]\n')
HUGE = 2**63 - 1
REMEMBERED = ('format = 1\nlandscape = "rosenbrock"\n\n'
              '[[pane]]\noptimizer = "sgd"\nalpha = 0.001\n')


def _file(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _fifo(tmp_path):
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


BAD_FILES = [
    ("missing", lambda tmp: tmp / "nowhere.toml", "nowhere.toml: no such file"),
    ("a folder", lambda tmp: tmp, "is a folder, not a scenario file"),
    ("a pipe", _fifo, "pipe.toml: is not a regular file"),
    ("broken TOML", lambda tmp: _file(tmp, "b.toml", "format = 1\nlandscape = ["),
     "b.toml: not valid TOML"),
    ("not UTF-8", lambda tmp: _file(tmp, "u.toml", b"format = 1\n\xff\xfe"), "not UTF-8"),
    ("too large", lambda tmp: _file(tmp, "l.toml", GOOD + "#" * 70_000), "too large"),
    ("bad value", lambda tmp: _file(tmp, "v.toml", GOOD.replace("0.005", "-1")),
     "v.toml: pane 1: alpha must be > 0, got -1"),
    ("seed 2**31", lambda tmp: _file(tmp, "s.toml", GOOD.replace("seed = 7", "seed = 2147483648")),
     "s.toml: seed must be a whole number between 0 and 2147483647, got 2147483648"),
    ("step decay 2**63-1", lambda tmp: _file(tmp, "d.toml", GOOD.replace("123", str(HUGE))),
     "d.toml: pane 1: every in alpha_schedule must be a whole number between 1 and 1000000"),
    ("5000-digit seed", lambda tmp: _file(tmp, "n.toml", GOOD.replace("7", "7" * 5000, 1)),
     "n.toml: not valid TOML"),
    ("code", lambda tmp: _file(tmp, "c.toml", GOOD.replace('"himmelblau"',
                                                           "\"__import__('os').getcwd()\"")),
     "c.toml: bad landscape expression"),
]


def _quiet_boxes(monkeypatch) -> list:
    """Record message boxes, on a platform where the window would really show them."""
    boxes = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda *a: boxes.append(a))
    monkeypatch.setattr(QtGui.QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    return boxes


def _one_line(window) -> str:
    message = window.statusBar().currentMessage()
    assert message and "\n" not in message and "Traceback" not in message
    return message


def test_the_app_opens_on_the_file_it_is_given(remembering_window, settings, tmp_path):
    settings.setValue("last_scenario", REMEMBERED)
    path = _file(tmp_path, "lesson.toml", GOOD)
    window = remembering_window(lambda: launcher.build_window(str(path)))
    assert window.workspace.scenario == load_scenario(path)
    assert window.docks.controls.seed.value() == 7
    assert window.pane_row.panes[0].settings_widget.schedule_steps.value() == 123
    assert window.statusBar().currentMessage() == ""


def test_a_file_manager_may_pass_a_file_uri(remembering_window, tmp_path):
    path = _file(tmp_path, "my lesson.toml", GOOD)
    uri = bytes(QtCore.QUrl.fromLocalFile(str(path)).toEncoded()).decode()
    assert uri.startswith("file://") and "%20" in uri
    window = remembering_window(lambda: launcher.build_window(uri))
    assert window.workspace.scenario == load_scenario(path)


def _bad_file_at_start_up(remembering_window, tmp_path, monkeypatch, make, problem, expected):
    boxes = _quiet_boxes(monkeypatch)
    path = make(tmp_path)
    window = remembering_window(lambda: launcher.build_window(str(path)))
    assert window.workspace.scenario == expected
    assert tuple(window.controller.comparison.settings) == expected.panes
    assert problem in _one_line(window)
    assert boxes == []                       # start-up says it in the status bar only


@pytest.mark.parametrize("make, problem", [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_at_start_up_is_one_status_line(remembering_window, tmp_path, monkeypatch,
                                                    make, problem):
    _bad_file_at_start_up(remembering_window, tmp_path, monkeypatch, make, problem,
                          default_scenario())


@pytest.mark.parametrize("make, problem", [b[1:] for b in BAD_FILES if b[0] in (
    "missing", "broken TOML", "seed 2**31")], ids=["missing", "broken TOML", "seed 2**31"])
def test_a_bad_file_at_start_up_leaves_the_remembered_scenario(
        remembering_window, settings, tmp_path, monkeypatch, make, problem):
    settings.setValue("last_scenario", REMEMBERED)
    _bad_file_at_start_up(remembering_window, tmp_path, monkeypatch, make, problem,
                          scenario_from_toml(REMEMBERED))


def test_an_unreadable_file_at_start_up(remembering_window, tmp_path):
    path = _file(tmp_path, "locked.toml", GOOD)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: every file is readable")
        window = remembering_window(lambda: launcher.build_window(str(path)))
        assert window.workspace.scenario == default_scenario()
        assert _one_line(window).startswith("locked.toml: cannot read: Permission denied")
    finally:
        path.chmod(0o600)


def test_launch_app_shows_the_window_on_the_file(settings, qtbot, tmp_path, monkeypatch):
    path = _file(tmp_path, "lesson.toml", GOOD)
    shown = []

    def exec_(*_):
        shown.extend(w for w in QtWidgets.QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible())
        for window in shown:
            qtbot.addWidget(window)   # deleted at teardown, not by a later garbage collection
            window.close()
        return 0

    monkeypatch.setattr(system_check, "problems", lambda: [])
    monkeypatch.setattr(QtWidgets.QApplication, "exec", exec_)
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        assert launcher.launch_app(scenario_path=str(path)) == 0
    finally:
        QtCore.QCoreApplication.setOrganizationName("Momentum Lab Test")
        QtCore.QCoreApplication.setApplicationName("")
    assert len(shown) == 1 and shown[0].workspace.scenario == load_scenario(path)
    # The app's signal handling ends with the app (a test process keeps its own).
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers


# -- File ▸ Open in a running window: the same guard -----------------------------------------

def test_a_seed_the_spin_box_cannot_show_is_refused(window, tmp_path):
    before = window.workspace.scenario
    path = _file(tmp_path, "s.toml", GOOD.replace("seed = 7", "seed = 2147483648"))
    assert window.files.open_scenario(path) is False
    assert window.workspace.scenario == before
    assert "s.toml: seed must be a whole number between 0 and 2147483647" in _one_line(window)


def _refuse(monkeypatch, box, value):
    """Make spin box ``box`` raise, as an overflowing one does, when shown ``value``."""
    real = box.setValue

    def set_value(v):
        if v == value:
            raise OverflowError
        real(v)

    monkeypatch.setattr(box, "setValue", set_value)


@pytest.mark.parametrize("which", ["seed", "schedule steps"])
def test_a_scenario_the_widgets_refuse_leaves_the_previous_one(window, tmp_path, monkeypatch,
                                                               which):
    controls, pane = window.docks.controls, window.pane_row.panes[0].settings_widget
    box = controls.seed if which == "seed" else pane.schedule_steps
    _refuse(monkeypatch, box, 7 if which == "seed" else 123)
    before = window.workspace.scenario
    assert window.files.open_scenario(_file(tmp_path, "lesson.toml", GOOD)) is False
    assert window.workspace.scenario == before
    assert tuple(window.controller.comparison.settings) == before.panes
    assert window.docks.controls.landscape.currentData() == before.landscape
    message = _one_line(window)
    assert "cannot show" in message and "OverflowError" in message, message
    # The widgets that were being filled in still answer the user (no signals left blocked).
    assert not any(w.signalsBlocked() for w in (controls.seed, controls.sigma, pane.schedule,
                                                pane.schedule_steps, pane.optimizer))
    controls.seed.setValue(3)
    assert window.workspace.scenario.seed == 3


def test_a_box_that_refuses_a_value_leaves_its_form_answering(qtbot, monkeypatch):
    pane, controls = OptimizerSettingsWidget(OptimizerSettings()), ScenarioControlsWidget()
    qtbot.addWidget(pane)
    qtbot.addWidget(controls)
    _refuse(monkeypatch, pane.schedule_steps, 123)
    _refuse(monkeypatch, controls.seed, 7)
    with pytest.raises(OverflowError):
        pane.set_settings(OptimizerSettings(alpha_schedule=("step", 0.5, 123)))
    with pytest.raises(OverflowError):
        controls.show_scenario(scenario_from_toml(GOOD))
    assert not any(w.signalsBlocked() for w in (pane.optimizer, pane.alpha, pane.mu,
                                                pane.schedule, pane.schedule_steps))
    assert not any(w.signalsBlocked() for w in (controls.landscape, controls.sigma,
                                                controls.seed, controls.batch))
    with qtbot.waitSignal(pane.settings_changed):
        pane.mu.field.setValue(0.5)
    with qtbot.waitSignal(controls.change_requested):
        controls.sigma.setValue(0.3)


def _catches_sigterm(pid: int) -> bool:
    """True once the process has a SIGTERM handler (Linux: the SigCgt mask in /proc)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("SigCgt:"):
                return bool(int(line.split()[1], 16) & (1 << (signal.SIGTERM - 1)))
    return False


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux's /proc")
@pytest.mark.parametrize("signum, status, said", [(signal.SIGTERM, 143, "terminated"),
                                                  (signal.SIGINT, 130, "interrupted")])
def test_a_signal_closes_the_app_the_normal_way_and_it_remembers(tmp_path, signum, status, said):
    """Before: Ctrl+C was ignored by the running app, and SIGTERM killed it unsaved."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path),
               HOME=str(tmp_path), PYTHONDONTWRITEBYTECODE="1")
    app = subprocess.Popen([sys.executable, "-m", "app"], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not _catches_sigterm(app.pid):
            assert app.poll() is None and time.monotonic() < deadline, "never ready"
            time.sleep(0.05)
        app.send_signal(signum)
        out, err = app.communicate(timeout=20)
    finally:
        app.kill()   # a failed test must not leave the app running
        app.communicate()
    assert app.returncode == status, err
    assert err.strip().splitlines()[-1] == f"momentum-lab: {said}"
    saved = list(tmp_path.rglob("*.conf"))
    assert saved and "last_scenario" in saved[0].read_text()
