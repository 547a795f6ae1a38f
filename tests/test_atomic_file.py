"""Writes that respect the filesystem (:mod:`app.atomic_file`).

Before issue 11 the atomic rename replaced what it should have written through:
``--out link.csv`` turned the link into a regular file and left its target unchanged, a
FIFO was replaced by a file, and ``--out /dev/full`` (as root) replaced the device node.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.atomic_file import OutputError, atomic_output, remove_stale_temporaries
from app.cli.main import main


def test_a_symlink_is_written_through_to_its_target(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    real = data / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_output(link) as handle:
        handle.write("new\n")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new\n"
    assert sorted(p.name for p in data.iterdir()) == ["real.csv"]   # no temporary left


def test_run_writes_through_a_dangling_link_and_keeps_it_a_link(tmp_path, capsys):
    link = tmp_path / "latest.csv"
    link.symlink_to(tmp_path / "runs-1.csv")
    assert main(["run", "--steps", "3", "--out", str(link)]) == 0
    assert link.is_symlink()
    assert (tmp_path / "runs-1.csv").read_text().startswith("step,x,y")


def test_a_fifo_is_written_directly_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    with atomic_output(fifo) as handle:
        handle.write("through the pipe\n")
    reader.join(timeout=10)
    assert received == ["through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_device_is_one_line_and_stays_a_device():
    with pytest.raises(OutputError, match="the disk is full"):
        with atomic_output("/dev/full") as handle:
            handle.write("x" * 100_000)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_failed_write_leaves_the_target_and_no_temporary(tmp_path):
    target = tmp_path / "result.csv"
    target.write_text("the user's data\n")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as handle:
            handle.write("half")
            raise RuntimeError("the computation failed")
    assert target.read_text() == "the user's data\n"
    assert [p.name for p in tmp_path.iterdir()] == ["result.csv"]


def test_a_name_too_long_is_refused_before_anything_is_created(tmp_path):
    with pytest.raises(OutputError, match="too long"):
        with atomic_output(tmp_path / ("a" * 300 + ".csv")) as handle:
            handle.write("x")
    assert list(tmp_path.iterdir()) == []


def test_a_name_near_the_limit_still_gets_a_temporary(tmp_path):
    """The temporary name is longer than the target's; it must not overflow the limit."""
    target = tmp_path / ("b" * 250 + ".csv")
    with atomic_output(target) as handle:
        handle.write("ok\n")
    assert target.read_text() == "ok\n"


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_only_stale_temporaries_of_dead_writers_are_removed(tmp_path):
    pid = dead_pid()
    stale_file = tmp_path / f".t.gif.ml-{pid}-abc123.part.gif"
    stale_folder = tmp_path / f".frames.ml-{pid}-q1w2.part"
    live = tmp_path / f".t.gif.ml-{os.getppid()}-zzz.part.gif"   # pytest's parent: alive
    others = [tmp_path / ".bashrc", tmp_path / ".t.gif.abc.part", tmp_path / "notes.ml-1-a.part"]
    stale_file.write_bytes(b"half a gif")
    stale_folder.mkdir()
    (stale_folder / "frame_0000.png").write_bytes(b"")
    for path in [live, *others]:
        path.write_text("")
    assert sorted(remove_stale_temporaries(tmp_path)) == sorted([stale_file, stale_folder])
    assert sorted(tmp_path.iterdir()) == sorted([live, *others])
