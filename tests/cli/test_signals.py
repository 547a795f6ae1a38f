"""Ctrl+C and ``kill`` during a command: a clean stop, through a real subprocess.

Before issue 11, Ctrl+C during a GIF export segfaulted in pyqtgraph's ``paintEvent`` (8
of 32 tries) or printed "Ignored exception ... KeyboardInterrupt" and carried on; SIGTERM
and SIGKILL left hidden ``.part`` files.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", QT_QPA_PLATFORM="offscreen")


def start(*args, cwd):
    return subprocess.Popen([sys.executable, "-m", "app", *args], cwd=cwd, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_temporary(folder, process, timeout=120):
    """Block until the command has a temporary file in ``folder`` (it is writing)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.name.startswith(".") for p in folder.iterdir()):
            time.sleep(0.3)   # a few frames into the work
            return
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    raise AssertionError("the command never started writing")


@pytest.mark.parametrize("name, signum, status, said", [
    ("t.gif", signal.SIGINT, 130, "momentum-lab: interrupted"),
    ("t.mp4", signal.SIGINT, 130, "momentum-lab: interrupted"),
    ("t.gif", signal.SIGTERM, 143, "momentum-lab: terminated"),
    ("t.mp4", signal.SIGTERM, 143, "momentum-lab: terminated"),
])
def test_an_interrupted_export_leaves_nothing_and_the_target_untouched(tmp_path, name, signum,
                                                                        status, said):
    target = tmp_path / name
    target.write_bytes(b"the user's earlier export")
    process = start("export", "--out", name, "--frames", "2000", "--size", "400x240",
                    cwd=tmp_path)
    wait_for_temporary(tmp_path, process)
    process.send_signal(signum)
    out, err = process.communicate(timeout=20)
    assert process.returncode == status, err
    assert err.strip().splitlines() == [said]
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert target.read_bytes() == b"the user's earlier export"


def test_an_interrupted_run_leaves_no_file(tmp_path):
    process = start("run", "--steps", "1000000", "--out", "r.csv", cwd=tmp_path)
    time.sleep(2.5)   # computing: the run writes only once the steps are done
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 130, err
    assert err.strip().splitlines()[-1] == "momentum-lab: interrupted"
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_killed_export_leaves_a_temporary_the_next_export_removes(tmp_path):
    process = start("export", "--out", "t.gif", "--frames", "2000", "--size", "400x240",
                    cwd=tmp_path)
    wait_for_temporary(tmp_path, process)
    process.kill()   # SIGKILL: no clean-up can run
    process.communicate()
    stale = [p.name for p in tmp_path.iterdir()]
    assert len(stale) == 1 and stale[0].startswith(".t.gif.ml-")
    # Another process's live temporary (a concurrent export) must survive.
    live = tmp_path / f".other.gif.ml-{os.getpid()}-x.part.gif"
    live.write_bytes(b"")
    done = subprocess.run([sys.executable, "-m", "app", "export", "--out", "u.gif", "--frames",
                           "2", "--size", "400x240"], cwd=tmp_path, env=ENV,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, "u.gif"])


def test_an_interrupted_sweep_stops_its_worker_threads(tmp_path):
    """The map kernel runs on two threads; Ctrl+C must stop them, not wait a minute of
    work out (the whole sweep below takes about that long)."""
    process = start("sweep", "--grid", "141x141", "--steps", "100000", "--out", "s.csv",
                    cwd=tmp_path)
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 130, err
    assert err.strip().splitlines() == ["momentum-lab: interrupted"]
    assert list(tmp_path.iterdir()) == []
