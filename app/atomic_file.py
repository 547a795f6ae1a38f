"""Writing results safely: to a temporary file beside the target, renamed on success.

A failed or interrupted write leaves nothing behind and never clobbers an existing
file half-way.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


class OutputError(OSError):
    """The output cannot be written; the message is one line for the user."""


def describe_os_error(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"cannot write {str(path)!r}: {reason}"


@contextmanager
def atomic_output(path, mode: str = "w", encoding: str | None = "utf-8"):
    """Open a temporary file in ``path``'s folder; rename it onto ``path`` on success."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {str(target)!r}: folder {str(folder)!r} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {str(target)!r}: it is a folder")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise OutputError(describe_os_error(target, error)) from None
    tmp = Path(tmp_name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file normal permissions
    try:
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None) as handle:
            yield handle
        os.replace(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise OutputError(describe_os_error(target, error)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
