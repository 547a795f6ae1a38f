"""What several test modules need: the command line as a user runs it, CSV rows, the
seed lecture's loop written out by hand, and the text a user reads in a rich label."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys

import numpy as np


def cli(*args, cwd=None, timeout=300):
    """``python -m app ARGS`` in a subprocess, offscreen, as a user would run it."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env)


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def seed_rule(landscape, alpha, mu, start, steps):
    """The seed lecture's loop, written out: v = mu * v - learning_rate * dx; x += v."""
    x, v = np.array(start, dtype=float), np.zeros(2)
    path = [x.copy()]
    for _ in range(steps):
        dx = landscape.grad(x)
        v = mu * v - alpha * dx
        x = x + v
        path.append(x.copy())
    return np.array(path)


def label_text(text: str) -> str:
    """What the user reads in a rich-text label's text."""
    return re.sub("<[^>]+>", "", text).replace("&nbsp;", " ")


def one_line_error(result) -> str:
    """The error line of a refused command: exit 2, one line on stderr, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]
