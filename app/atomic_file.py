"""Writing results safely: to a temporary file beside the target, renamed on success.

A failed or interrupted write leaves nothing behind and never clobbers an existing
file half-way. Three kinds of target are honoured rather than replaced:

* a **symlink** is written through: the temporary file sits beside the link's target
  and is renamed onto the target, so the link stays a link and its target changes;
* a **special file** (``/dev/stdout``, a FIFO, a device) cannot be renamed onto: it is
  written directly, in order, the way ``cat > /dev/full`` would;
* a **regular file or a new name** gets the temporary-then-rename treatment.

Temporary names carry the writing process's id, ``.NAME.ml-PID-XXXX.part``, so a write
killed outright (SIGKILL, power loss) leaves a file a later write to the same folder
recognises as stale — its process is gone — and removes (:func:`remove_stale_temporaries`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from app.model.translation import translate

#: ``.NAME.ml-PID-RANDOM.part`` (+ the target's extension for encoders); folders too.
_TEMPORARY = re.compile(r"^\..*\.ml-(?P<pid>\d+)-[A-Za-z0-9_]+\.part(\.[A-Za-z0-9]+)?$")
#: A temporary name keeps at most this much of the target's name, so that a target
#: whose name is near the filesystem's limit still has a temporary name that fits.
_NAME_KEPT = 64


class OutputError(OSError):
    """The output cannot be written; the message is one line for the user."""


def describe_os_error(path: Path, error: OSError) -> str:
    """One line for the user: the path and the reason, never errno numbers or a dump."""
    if error.errno == errno.ENOSPC:
        reason = translate("file errors", "the disk is full")
    elif error.errno == errno.ENAMETOOLONG:
        reason = translate("file errors", "the file name is too long")
    else:
        reason = error.strerror or str(error)
    return cannot_write(path, reason)


def cannot_write(path, reason) -> str:
    """``"cannot write 'out.gif': the disk is full"``."""
    return translate("file errors", "cannot write {name}: {reason}").format(name=repr(str(path)),
                                                                            reason=reason)


def _name_limit(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def is_special(path: Path) -> bool:
    """True for an existing FIFO, device or socket (written directly, never replaced)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def output_target(path) -> Path:
    """The file a write to ``path`` really changes; raises :class:`OutputError` if none.

    Resolves symlinks (the write goes through to the link's target) and checks, before
    any work, what would otherwise fail at the end: an empty name, a missing folder, a
    folder as the target, a name longer than the filesystem allows.
    """
    if not str(path).strip():
        raise OutputError(translate("file errors", "the output file name is empty"))
    given = Path(path)
    try:
        target = Path(os.path.realpath(given)) if given.is_symlink() else given
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise OutputError(cannot_write(given, translate(
                "file errors", "folder {folder} does not exist").format(folder=repr(str(folder)))))
        if len(os.fsencode(target.name)) > _name_limit(folder):
            raise OutputError(cannot_write(given, translate(
                "file errors", "the file name is longer than {limit} bytes").format(
                    limit=_name_limit(folder))))
        if target.is_dir():
            raise OutputError(cannot_write(given, translate("file errors", "it is a folder")))
    except OutputError:
        raise
    except OSError as error:   # ENAMETOOLONG for the whole path, ELOOP, EACCES ...
        raise OutputError(describe_os_error(given, error)) from None
    return target


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True   # another user's process (or an absurd number): not ours to judge
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files and folders in ``folder`` left by writes whose process
    has died (killed before it could clean up); return what was removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if not match or int(match["pid"]) == os.getpid() or _process_alive(int(match["pid"])):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            pass   # someone else's file, or already gone: leave it
    return removed


def temporary_beside(target: Path, suffix: str = "", folder: bool = False) -> Path:
    """A new, empty temporary file (or folder) in ``target``'s folder, named so a later
    write recognises it as ours and stale once this process is gone."""
    where = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(where)
    prefix = f".{target.name[:_NAME_KEPT]}.ml-{os.getpid()}-"
    if folder:
        return Path(tempfile.mkdtemp(prefix=prefix, suffix=".part" + suffix, dir=where))
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".part" + suffix, dir=where)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)   # mkstemp makes 0600; give the file normal permissions
    return Path(name)


def put_in_place(temporary: Path, target: Path) -> None:
    """Move a finished temporary file onto ``target`` (copied into a special file)."""
    if is_special(target):
        with open(temporary, "rb") as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink)
        temporary.unlink()
    else:
        os.replace(temporary, target)


@contextmanager
def atomic_output(path, mode: str = "w", encoding: str | None = "utf-8"):
    """A handle whose contents land on ``path`` only if the ``with`` block succeeds.

    Raises :class:`OutputError` (one line) for anything the filesystem refuses.
    """
    target = output_target(path)
    text = "b" not in mode
    if is_special(target):
        try:
            with open(target, mode, encoding=encoding if text else None) as handle:
                yield handle
        except OSError as error:
            raise OutputError(describe_os_error(Path(path), error)) from None
        return
    try:
        tmp = temporary_beside(target)
    except OSError as error:
        raise OutputError(describe_os_error(Path(path), error)) from None
    try:
        with open(tmp, mode, encoding=encoding if text else None) as handle:
            yield handle
        os.replace(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise OutputError(describe_os_error(Path(path), error)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
