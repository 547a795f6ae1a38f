"""Animation encoders: raw RGB frames in, a GIF, MP4, WebM or a folder of PNGs out.

No Qt here: an encoder takes ``(height, width, 3)`` uint8 arrays. Every encoder writes
to a temporary name beside the target and moves it into place only when
:meth:`Encoder.finish` succeeds; :meth:`Encoder.abort` (a cancel, an error, a full
disk) removes everything it wrote. An existing file is never clobbered half-way.
Memory does not grow with the number of frames, and every failure is one line.

* MP4: H.264, yuv420p, ``+faststart`` — plays in browsers and presentation software.
* WebM: VP9, yuv420p.
* Both stream raw frames into the ffmpeg binary that ships inside the ``imageio-ffmpeg``
  wheel, so encoding runs in its own process, on the other core, while the next frame
  renders.
* GIF: written frame by frame. The contour colours never change, so one palette is
  computed from the first frame and every frame is mapped onto it (no dithering): fast,
  no flicker, and each frame stores only the rectangle that changed.
* PNG: numbered frames ``NAME_0000.png ...`` in a folder ``NAME/`` beside ``NAME.png``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import struct
import subprocess
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
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
#: ffmpeg in a process group of its own: a terminal's Ctrl+C reaches only us.
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
    """Base: a temporary output beside ``target``, moved into place on :meth:`finish`."""

    def __init__(self, target: Path, size: tuple[int, int], fps: float):
        self.target, self.size, self.fps = target, size, fps
        self.frames = 0

    def write(self, frame: np.ndarray) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def _check(self, frame: np.ndarray) -> np.ndarray:
        width, height = self.size
        if frame.shape != (height, width, 3) or frame.dtype != np.uint8:
            raise ExportError(translate("export errors", "frame {number} is {shape}, expected "
                                        "({height}, {width}, 3)").format(
                number=self.frames, shape=frame.shape, height=height, width=width))
        return frame


class _FileEncoder(Encoder):
    def __init__(self, target, size, fps):
        super().__init__(target, size, fps)
        # The temporary keeps the extension: ffmpeg picks its muxer from it.
        try:
            self.temporary = temporary_beside(target, suffix=target.suffix)
        except OSError as error:
            raise ExportError(describe_os_error(target, error)) from None

    def _move_into_place(self) -> None:
        try:
            put_in_place(self.temporary, self.target)
        except OSError as error:
            self.abort()
            raise ExportError(describe_os_error(self.target, error)) from None

    def abort(self) -> None:
        self.temporary.unlink(missing_ok=True)


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


class FfmpegEncoder(_FileEncoder):
    """MP4 (H.264) or WebM (VP9): raw frames piped into imageio-ffmpeg's bundled ffmpeg.

    ffmpeg runs in its own process group, so a Ctrl+C in the terminal reaches only us
    (and :meth:`abort` stops ffmpeg); its messages are kept, never shown, and a failure
    becomes one line: ffmpeg's own reason, or "the disk is full".
    """

    def __init__(self, target, size, fps):
        super().__init__(target, size, fps)
        self._messages = []   # what ffmpeg says (its first lines), for the one-line reason
        self._process = self._reader = None
        try:
            self._process = subprocess.Popen(video_command(size, fps, self.temporary), bufsize=0,
                                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                             stderr=subprocess.PIPE, **_OWN_PROCESS_GROUP)
        except (OSError, RuntimeError) as error:   # no binary, cannot fork, out of memory
            self.abort()
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise ExportError(translate("export errors", "cannot start the video encoder: "
                                        "{reason}").format(reason=reason)) from None
        self._reader = threading.Thread(target=self._read_messages, daemon=True)
        self._reader.start()

    def _read_messages(self):
        with self._process.stderr as messages:   # until ffmpeg exits
            for line in messages:   # read to the end, keep the start: the specific part
                if len(self._messages) < 40:
                    self._messages.append(line.decode("utf-8", "replace").strip())

    def write(self, frame):
        pixels = memoryview(np.ascontiguousarray(self._check(frame))).cast("B")
        try:
            while pixels:   # a pipe may take part of a frame (a signal arrived)
                pixels = pixels[self._process.stdin.write(pixels):]
        except OSError:   # a broken pipe: ffmpeg stopped (a bad option, a full disk)
            raise self._failed() from None
        self.frames += 1

    def finish(self):
        self._process.stdin.close()   # the end of the input: ffmpeg writes the trailer
        if self._process.wait() != 0:
            raise self._failed()
        self._reader.join(timeout=1)
        self._move_into_place()

    def _failed(self) -> ExportError:
        """The one-line error for ffmpeg's failure (it is stopped and the output removed)."""
        self._stop(None, self._process.terminate, self._process.kill)
        lines = [_FFMPEG_PREFIX.sub("", line) for line in self._messages if line.strip()]
        code = self._process.returncode
        self.abort()
        if any("No space left on device" in line for line in lines):
            return ExportError(describe_os_error(self.target, OSError(errno.ENOSPC, "disk full")))
        # ffmpeg's first complaint is the specific one; later lines say "Conversion failed!".
        return ExportError(translate("export errors", "the video encoder failed: {reason}")
                           .format(reason=lines[0]) if lines else
                           translate("export errors", "the video encoder failed (exit status "
                                     "{code})").format(code=code))

    def _stop(self, *ends) -> None:
        """Try each of ``ends`` in turn (``None``: close ffmpeg's input and let it exit by
        itself), giving each a second: never waits longer than that."""
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
        super().abort()


class GifEncoder(_FileEncoder):
    """Animated GIF streamed to its file as frames come: memory does not grow with length.

    One palette is learnt from the first frame (plus exact ``key_colours``, the balls,
    trails and arrows: scarce in that frame, a palette learnt from it alone would shift
    them) and every frame is mapped onto it, without dithering: no flicker, no per-frame
    palettes. A frame stores only the bounding box of the pixels that changed, and inside
    it every unchanged pixel is the transparent index 255 ("do not dispose" shows the old
    one through), so long runs compress to almost nothing. A worker thread quantises and
    writes, at most :attr:`IN_FLIGHT` frames behind the caller.
    """

    IN_FLIGHT = 2

    def __init__(self, target, size, fps, key_colours=()):
        super().__init__(target, size, fps)
        self._key_colours = [tuple(int(v) for v in c) for c in key_colours][:64]
        # GIF delays are centiseconds, and browsers play a delay under 2 as 10.
        self._delay = max(2, round(100 / fps))
        self._palette = self._previous = self._file = None
        self._in_flight = deque()
        self._pool = ThreadPoolExecutor(max_workers=1)

    def write(self, frame):
        frame = np.array(self._check(frame))   # own copy: the caller may reuse its buffer
        self._wait(self.IN_FLIGHT - 1)
        self._in_flight.append(self._pool.submit(self._encode, frame))
        self.frames += 1

    def _wait(self, keep: int) -> None:
        try:
            while len(self._in_flight) > keep:
                self._in_flight.popleft().result()
        except OSError as error:
            self.abort()
            raise ExportError(describe_os_error(self.target, error)) from None

    def _encode(self, frame):
        """On the worker: quantise one frame and append it to the file."""
        from PIL import GifImagePlugin, Image  # noqa: PLC0415

        if self._palette is None:
            self._start(frame)
        indices = np.asarray(Image.fromarray(frame, "RGB").quantize(
            palette=self._palette, dither=Image.Dither.NONE))
        corner, data = (0, 0), indices
        if self._previous is not None:
            changed = indices != self._previous
            rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
            if rows.size == 0:   # nothing changed: one transparent pixel keeps the frame's time
                data = np.full((1, 1), 255, np.uint8)
            else:
                box = np.s_[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
                corner, data = (int(cols[0]), int(rows[0])), np.where(changed[box], indices[box], 255)
        self._previous = indices
        for chunk in GifImagePlugin.getdata(Image.fromarray(data.astype(np.uint8), "P"), corner,
                                            duration=self._delay * 10, disposal=1, transparency=255):
            self._file.write(chunk)

    def _start(self, frame):
        """Learn the palette from the first frame; write the header, palette and loop."""
        from PIL import Image  # noqa: PLC0415

        learnt = Image.fromarray(frame, "RGB").quantize(
            colors=255 - len(self._key_colours), method=Image.Quantize.MEDIANCUT,
            dither=Image.Dither.NONE)
        entries = [v for c in self._key_colours for v in c] + learnt.getpalette()
        self._palette = Image.new("P", (1, 1))
        self._palette.putpalette((entries + [0] * 768)[:255 * 3])   # 255 entries: 255 stays free
        self._file = open(self.temporary, "wb")   # closed by finish() or abort()
        width, height = self.size
        self._file.write(b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF7, 0, 0)
                         + bytes(self._palette.getpalette()[:255 * 3]) + b"\0\0\0"
                         + b"!\xff\x0bNETSCAPE2.0\x03\x01\0\0\0")   # loop forever

    def finish(self):
        self._wait(0)
        if self._file is None:
            self.abort()
            raise ExportError(translate("export errors", "no frames to write"))
        try:
            self._file.write(b";")
            self._file.close()
        except OSError as error:
            self.abort()
            raise ExportError(describe_os_error(self.target, error)) from None
        self._pool.shutdown()
        self._move_into_place()

    def abort(self):
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._in_flight.clear()
        if self._file is not None:
            try:
                self._file.close()
            except OSError:
                pass   # a full disk refusing the last bytes: the file goes anyway
        super().abort()


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
