"""Every bad input a one-line answer: exit 2, one line on stderr, no traceback, no dump.

Each case here gave a traceback, a dump, Qt's chatter or a silently wrong answer before
(issue 11). The Qt-free commands run in-process (fast); the picture commands through a
subprocess, as a user runs them.
"""

from __future__ import annotations

import sys
import types

import pytest

from app.cli.main import main
from tests.helpers import cli, one_line_error

LONG_NAME = "a" * 300


def run_main(capsys, *args):
    """``main(args)`` in-process, as a finished process for :func:`one_line_error`."""
    code = main(list(args))
    captured = capsys.readouterr()
    return types.SimpleNamespace(returncode=code, stdout=captured.out, stderr=captured.err)


@pytest.mark.parametrize("args, says", [
    # The start is already undefined or infinite.
    (("run", "--landscape", "log(x)+y**2", "--start=-1,1"), "not defined at the start"),
    (("run", "--landscape", "1/x+y**2", "--start", "0,1"), "not defined at the start"),
    (("run", "--start", "1e308,1e308"), "not defined at the start"),
    (("run", "--landscape", "exp(1000*x)+y**2", "--start", "1,1"), "not defined at the start"),
    (("run", "--landscape", "x**y", "--start=-1,0.5"), "not defined at the start"),
    (("run", "--landscape", "sqrt(x**2+y**2)", "--start", "0,0"), "not defined at the start"),
    # Names longer than the filesystem allows.
    (("run", "--out", LONG_NAME + ".csv"), "too long"),
    (("run", "--out", LONG_NAME + "/x.csv"), "too long"),
    (("sweep", "--out", LONG_NAME + ".csv", "--grid", "2x2"), "too long"),
    (("export", "--out", LONG_NAME + ".gif", "--frames", "2"), "too long"),
    # Empty values are refused, not read as "not given".
    (("run", "--start", ""), "--start is empty"),
    (("run", "--out", ""), "--out is empty"),
    (("run", "--landscape", ""), "--landscape is empty"),
    (("export", "--scenario", "", "--out", "x.gif"), "--scenario is empty"),
    (("sweep", "--out", " "), "--out is empty"),
    # One rule for a domain on a built-in (the scenario loader refuses it too).
    (("run", "--domain=-1,1,-1,1"), "domain applies only to typed expressions"),
    # Caps that name themselves, before any work.
    (("sweep", "--grid", "1000x1000", "--steps", "100000", "--out", "s.csv"),
     "over the cap of 10,000,000,000"),
    (("snapshot", "--out", "a.png", "--step", "999999999999"), "between 0 and 1,000,000"),
    (("snapshot", "--out", "a.png", "--seeds", "300"), "seeds must be between 1 and 256"),
    (("snapshot", "--out", "a.png", "--seeds", "4", "--swarm"), "swarm mode or many seeds"),
    (("run", "--steps", "1000001"), "between 1 and 1000000"),
    # Frame rates outside what the message promises.
    (("export", "--out", "x.gif", "--fps", "1e-300"), "fps must be between 1 and 120"),
    (("export", "--out", "x.gif", "--fps", "0.5"), "fps must be between 1 and 120"),
    (("export", "--out", "x.mp4", "--fps", "1e-300"), "fps must be between 1 and 120"),
])
def test_bad_input_is_one_line(capsys, tmp_path, monkeypatch, args, says):
    monkeypatch.chdir(tmp_path)
    line = one_line_error(run_main(capsys, *args))
    assert says in line
    assert list(tmp_path.iterdir()) == []   # nothing written, not even a temporary


def test_an_unwritable_output_is_refused_before_the_work(capsys, tmp_path):
    """A sweep or a snapshot names the bad folder at once, not after minutes of work."""
    for args in (("sweep", "--out", str(tmp_path / "no" / "s.csv")),
                 ("run", "--out", str(tmp_path / "no" / "r.csv"))):
        assert "does not exist" in one_line_error(run_main(capsys, *args))


def test_a_huge_tolerance_is_an_answer_not_an_overflow(capsys, tmp_path):
    out = tmp_path / "s.csv"
    result = run_main(capsys, "sweep", "--tol", "1e200", "--grid", "2x2", "--steps", "50",
                      "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("alpha,mu,value\n")


def test_numpy_warnings_never_reach_the_terminal(capsys):
    """Overflow on the way to a divergence: the answer says "diverged", nothing else."""
    result = run_main(capsys, "run", "--alpha", "1e308", "--steps", "5")
    assert result.returncode == 0
    assert result.stderr.strip().splitlines() == ["diverged at step 1"]
    line = one_line_error(run_main(capsys, "run", "--landscape", "x**2+y**2",
                                   "--domain=-1e308,1e308,-1,1"))
    assert "not finite" in line


class ClosedPipe:
    """Standard output whose reader has gone (``| head -1``): every write is EPIPE."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self):
        raise ValueError("no descriptor")


@pytest.mark.parametrize("args", [("run", "--steps", "50"), ("landscapes",),
                                  ("theory", "--format", "json")])
def test_a_closed_pipe_ends_the_output_quietly(capsys, monkeypatch, args):
    """``momentum-lab run ... | head -1``: no BrokenPipeError traceback, just the end."""
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(list(args)) == 141
    assert capsys.readouterr().err == ""


def test_snapshot_prints_no_qt_chatter(tmp_path):
    """Qt's "This plugin does not support propagateSizeHints()" preceded every answer."""
    result = cli("snapshot", "--out", str(tmp_path / "a.png"), "--size", "640x400")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    result = cli("snapshot", "--out", str(tmp_path / LONG_NAME) + ".png")
    assert "too long" in one_line_error(result)
