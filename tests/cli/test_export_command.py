"""``momentum-lab export``: every bad input is one line, exit 2, and nothing is written."""

import pytest

from tests.helpers import cli, one_line_error


@pytest.mark.parametrize("args, fragment", [
    (["--out", "/nonexistent-dir/a.mp4"], "does not exist"),
    (["--out", "{tmp}/a.avi"], "unknown animation format"),
    (["--out", "{tmp}/a.mp4", "--frames", "0"], "frames"),
    (["--out", "{tmp}/a.mp4", "--frames", "-3"], "frames"),
    (["--out", "{tmp}/a.mp4", "--size", "50x50"], "out of range"),
    (["--out", "{tmp}/a.mp4", "--size", "100000x100000"], "out of range"),
    (["--out", "{tmp}/a.mp4", "--size", "big"], "WIDTHxHEIGHT"),
    (["--out", "{tmp}/a.mp4", "--fps", "0"], "fps"),
    (["--out", "{tmp}/a.mp4", "--scenario", "{tmp}/broken.toml"], "broken.toml"),
    (["--out", "{tmp}/a.mp4", "--mu", "3"], "mu"),
    (["--out", "{tmp}/a.mp4", "--landscape", "__import__('os')"], "landscape"),
])
def test_cli_errors_are_one_line_exit_2_and_write_nothing(tmp_path, args, fragment):
    (tmp_path / "broken.toml").write_text("format = 1\nlandscape = [1, 2\n")
    result = cli("export", *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert fragment in one_line_error(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.toml"]
