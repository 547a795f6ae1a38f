"""Animation encoders: raw RGB frames in, a GIF, MP4, WebM or a folder of PNGs out.

No Qt here: an encoder takes ``(height, width, 3)`` uint8 arrays. Every encoder writes
to a temporary name beside the target and moves it into place only when
:meth:`Encoder.finish` succeeds; :meth:`Encoder.abort` (a cancel, an error, a full
disk) removes everything it wrote. An existing file is never clobbered half-way.
Memory does not grow with the number of frames, and every failure is one line.

* MP4: H.264, yuv420p, ``+faststart`` (plays in browsers and slides); WebM: VP9, yuv420p.
* Both stream raw frames into the ffmpeg binary that ships inside the ``imageio-ffmpeg``
  wheel, so encoding runs in its own process, on the other core, while the next renders.
* GIF: streamed the same way into our own writer's process. The contour colours never
  change, so one palette is computed from the first frame and every frame is mapped onto
  it (no dithering): fast, no flicker, each frame only the rectangle that changed.
* PNG: numbered frames ``NAME_0000.png ...`` in a folder ``NAME/`` beside ``NAME.png``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from fractions import Fraction
from pathlib import Path

import numpy as np

from app.atomic_file import (
    OutputError,
    cannot_write,
    describe_os_error,
    output_target,
    put_in_place,
    temporary_beside,
)
from app.model.translation import translate

FORMATS = {".gif": "GIF", ".mp4": "MP4 (H.264)", ".webm": "WebM (VP9)", ".png": "PNG frames"}
MIN_SIZE = (160, 120)
MAX_SIZE = (7680, 4320)
MAX_FPS = 120
#: An encoding process in a group of its own: a terminal's Ctrl+C reaches only us.
_OWN_PROCESS_GROUP = ({"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if os.name == "nt"
                      else {"start_new_session": True})
_FFMPEG_PREFIX = re.compile(r"^(\[[^\]]*\]\s*)+")   # "[out#0/mp4 @ 0x55d0] " before a message


class ExportError(Exception):
    """The export cannot go on; the message is one line for the user."""


def check_target(path, size) -> str:
    """Validate the output path and frame size before any work; return the extension."""
    given = Path(path)
    suffix = given.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(translate("export errors", "unknown animation format {name} (use "
                                    "{formats})").format(name=repr(given.suffix or given.name),
                                                         formats=", ".join(FORMATS)))
    try:
        target = output_target(given)
    except OutputError as error:
        raise ExportError(str(error)) from None
    folder = target.parent if str(target.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        raise ExportError(cannot_write(given, translate(
            "export errors", "folder {folder} is not writable").format(folder=repr(str(folder)))))
    width, height = size
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise ExportError(translate("export errors", "size {width}x{height} is out of range ("
                                    "{min_width}x{min_height} to {max_width}x{max_height})").format(
            width=width, height=height, min_width=MIN_SIZE[0], min_height=MIN_SIZE[1],
            max_width=MAX_SIZE[0], max_height=MAX_SIZE[1]))
    if suffix in (".mp4", ".webm") and (width % 2 or height % 2):
        raise ExportError(translate("export errors", "size {width}x{height}: MP4 and WebM need "
                                    "even width and height").format(width=width, height=height))
    return suffix


class Encoder:
    """Base: a temporary output beside ``target``. Each encoder has ``write(frame)``,
    ``finish()`` (the output moved into place) and ``abort()`` (everything removed)."""

    def __init__(self, target: Path, size: tuple[int, int], fps: float):
        self.target, self.size, self.fps = target, size, fps
        self.frames = 0

    def _check(self, frame: np.ndarray) -> np.ndarray:
        width, height = self.size
        if frame.shape != (height, width, 3) or frame.dtype != np.uint8:
            raise ExportError(translate("export errors", "frame {number} is {shape}, expected "
                                        "({height}, {width}, 3)").format(
                number=self.frames, shape=frame.shape, height=height, width=width))
        return frame


def video_command(size, fps, output, source="-") -> list[str]:
    """The ffmpeg command encoding raw RGB frames from ``source`` into ``output`` (its
    extension picks H.264 or VP9): the benchmark's encoder floor runs the very same."""
    import imageio_ffmpeg  # noqa: PLC0415 - only needed for video

    if Path(output).suffix.lower() == ".mp4":
        codec, extra = "libx264", ["-f", "mp4", "-movflags", "+faststart", "-preset", "veryfast",
                                   "-crf", "20"]
    else:
        codec, extra = "libvpx-vp9", ["-f", "webm", "-b:v", "0", "-crf", "32",
                                      "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1"]
    return [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "{}x{}".format(*size),
            "-r", str(Fraction(fps).limit_denominator()), "-i", str(source), "-an",
            "-c:v", codec, "-pix_fmt", "yuv420p", *extra, "-y", str(output)]


class _PipeEncoder(Encoder):
    """Raw frames piped into a process of its own (``_command()``) writing the temporary:
    it works on the other core while the next frame renders, sharing no GIL with us. In its
    own process group, a terminal's Ctrl+C reaches only us (:meth:`abort` stops it); its
    messages are kept, never shown, and a failure becomes one line."""

    def __init__(self, target, size, fps):
        super().__init__(target, size, fps)
        self._messages = []   # what it says (its first lines), for the one-line reason
        self._process = self._reader = None
        try:   # the temporary keeps the extension: ffmpeg picks its muxer from it
            self.temporary = temporary_beside(target, suffix=target.suffix)
        except OSError as error:
            raise ExportError(describe_os_error(target, error)) from None
        try:
            self._process = subprocess.Popen(self._command(), bufsize=0, stdin=subprocess.PIPE,
                                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                             **_OWN_PROCESS_GROUP)
        except (OSError, RuntimeError) as error:   # no binary, cannot fork, out of memory
            self.abort()
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise ExportError(translate("export errors", "cannot start the video encoder: "
                                        "{reason}").format(reason=reason)) from None
        with contextlib.suppress(ImportError, AttributeError, OSError):   # Linux's pipes only
            import fcntl  # noqa: PLC0415 - a 1 MB pipe: a wake-up a frame, not every 64 kB
            fcntl.fcntl(self._process.stdin, fcntl.F_SETPIPE_SZ, 1 << 20)
        self._reader = threading.Thread(target=self._read_messages, daemon=True)
        self._reader.start()

    def _read_messages(self):
        with self._process.stderr as messages:   # until the process exits
            for line in messages:   # read to the end, keep the start: the specific part
                if len(self._messages) < 40:
                    self._messages.append(line.decode("utf-8", "replace").strip())

    def write(self, frame):
        pixels = memoryview(np.ascontiguousarray(self._check(frame))).cast("B")
        try:
            while pixels:   # a pipe may take part of a frame (a signal arrived)
                pixels = pixels[self._process.stdin.write(pixels):]
        except OSError:   # a broken pipe: it stopped (a bad option, a full disk)
            raise self._failed() from None
        self.frames += 1

    def finish(self):
        self._process.stdin.close()   # the end of the input: it writes the trailer
        if self._process.wait() != 0:
            raise self._failed()
        self._reader.join(timeout=1)
        try:
            put_in_place(self.temporary, self.target)
        except OSError as error:
            self.abort()
            raise ExportError(describe_os_error(self.target, error)) from None

    def _failed(self) -> ExportError:
        """The one-line error for the process's failure (stopped, the output removed)."""
        self._stop(None, self._process.terminate, self._process.kill)
        lines = [_FFMPEG_PREFIX.sub("", line) for line in self._messages if line.strip()]
        code = self._process.returncode
        self.abort()
        for line in lines:   # "[Errno 28] No space left on device", from ffmpeg or ours
            found = re.search(r"\[Errno (\d+)\] (.*)|(No space left on device)", line)
            if found:
                number = int(found[1]) if found[1] else errno.ENOSPC
                return ExportError(describe_os_error(self.target, OSError(number, found[2])))
        return self._failure(lines, code)

    def _stop(self, *ends) -> None:
        """Try each of ``ends`` (``None``: close its input), a second each, no longer."""
        for end in ends:
            if end is not None:
                end()
            with contextlib.suppress(OSError):
                self._process.stdin.close()
            try:
                self._process.wait(timeout=1.0)
                break
            except subprocess.TimeoutExpired:
                continue
        self._reader.join(timeout=1.0)

    def abort(self):
        if self._process is not None and self._process.poll() is None:
            # Stop it before it finishes the file we are giving up (closing its input
            # would make it encode what it holds and write a trailer first).
            self._stop(self._process.terminate, self._process.kill)
        self.temporary.unlink(missing_ok=True)


class FfmpegEncoder(_PipeEncoder):
    """MP4 (H.264) or WebM (VP9): raw frames piped into imageio-ffmpeg's bundled ffmpeg."""

    def _command(self):
        return video_command(self.size, self.fps, self.temporary)

    def _failure(self, lines, code):
        # ffmpeg's first complaint is the specific one; later lines say "Conversion failed!".
        return ExportError(translate("export errors", "the video encoder failed: {reason}")
                           .format(reason=lines[0]) if lines else
                           translate("export errors", "the video encoder failed (exit status "
                                     "{code})").format(code=code))


class GifEncoder(_PipeEncoder):
    """GIF: frames piped into :class:`GifWriter` in a Python process of its own — Pillow's
    LZW holds the GIL: on our thread it would take turns with drawing, not run beside it."""

    def __init__(self, target, size, fps, key_colours=()):
        self._keys = key_colours   # (before the process starts: its command names them)
        super().__init__(target, size, fps)

    def _command(self):
        return gif_command(self.size, self.fps, self.temporary, self._keys)

    def _failure(self, lines, code):   # a Python error's last line says what it was
        return ExportError(cannot_write(self.target, lines[-1] if lines else f"exit {code}"))

    def finish(self):
        if self.frames == 0:   # (not a GIF of no frames)
            self.abort()
            raise ExportError(translate("export errors", "no frames to write"))
        super().finish()


def gif_command(size, fps, output, key_colours=()) -> list[str]:
    """The GIF writer's process, raw RGB frames on its input (the benchmark's floor too)."""
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r}); "
            "from app.gif_writer import write_gif; write_gif(sys.argv[1:])")
    return [sys.executable, "-c", code, str(output), *map(str, size), repr(float(fps)),
            json.dumps([[int(v) for v in c] for c in key_colours][:64])]


class PngFramesEncoder(Encoder):
    """Numbered PNGs in ``NAME/`` (for ``NAME.png``), built in a temporary folder first."""

    def __init__(self, target, size, fps):
        super().__init__(target, size, fps)
        self.folder = target.with_suffix("")
        if self.folder.exists() and not self.folder.is_dir():
            raise ExportError(translate("export errors", "cannot write frames into {folder}: it "
                                        "is a file").format(folder=repr(str(self.folder))))
        try:
            self.temporary = temporary_beside(self.folder, folder=True)
        except OSError as error:
            raise ExportError(describe_os_error(target, error)) from None

    def write(self, frame):
        from PIL import Image  # noqa: PLC0415

        path = self.temporary / f"{self.folder.name}_{self.frames:04d}.png"
        try:
            Image.fromarray(self._check(frame), "RGB").save(path, compress_level=1)
        except OSError as error:
            self.abort()
            raise ExportError(describe_os_error(self.target, error)) from None
        self.frames += 1

    def finish(self):
        old = None
        try:
            if self.folder.exists():
                old = self.folder.with_name(f".{self.folder.name}.old")
                shutil.rmtree(old, ignore_errors=True)
                os.replace(self.folder, old)
            os.replace(self.temporary, self.folder)
        except OSError as error:
            if old is not None and old.exists() and not self.folder.exists():
                os.replace(old, self.folder)
            self.abort()
            raise ExportError(describe_os_error(self.target, error)) from None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self):
        shutil.rmtree(self.temporary, ignore_errors=True)


def open_encoder(path, size: tuple[int, int], fps: float, key_colours=()) -> Encoder:
    """The encoder for ``path``'s extension (checked with :func:`check_target`).

    ``key_colours``: RGB triples that must be reproduced exactly in a GIF's palette.
    """
    suffix = check_target(path, size)
    if not 1 <= fps <= MAX_FPS:   # (not NaN either)
        raise ExportError(translate("export errors", "fps must be between 1 and {limit}, got "
                                    "{value}").format(limit=MAX_FPS, value=f"{fps:g}"))
    target = output_target(path)   # through a symlink, to the file it names
    if suffix in (".mp4", ".webm"):
        return FfmpegEncoder(target, size, fps)
    if suffix == ".gif":
        return GifEncoder(target, size, fps, key_colours)
    return PngFramesEncoder(target, size, fps)
