"""Animation encoders: raw RGB frames in, a GIF, MP4, WebM or a folder of PNGs out.

No Qt here: an encoder takes ``(height, width, 3)`` uint8 arrays. Every encoder writes
to a temporary name beside the target and moves it into place only when
:meth:`Encoder.finish` succeeds; :meth:`Encoder.abort` (a cancel, an error, a full
disk) removes everything it wrote. An existing file is never clobbered half-way.

* MP4: H.264, yuv420p, ``+faststart`` — plays in browsers and presentation software.
* WebM: VP9, yuv420p.
* Both stream raw frames into the ffmpeg binary that ships inside the ``imageio-ffmpeg``
  wheel, so encoding runs in its own process, on the other core, while the next frame
  renders.
* GIF: Pillow. The contour colours never change, so one palette is computed from the
  first frame and every frame is mapped onto it (no dithering): fast, no flicker, and
  Pillow then stores only the rectangle that changed between frames.
* PNG: numbered frames ``NAME_0000.png ...`` in a folder ``NAME/`` beside ``NAME.png``.
"""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from app.atomic_file import (
    OutputError,
    describe_os_error,
    output_target,
    put_in_place,
    temporary_beside,
)

FORMATS = {".gif": "GIF", ".mp4": "MP4 (H.264)", ".webm": "WebM (VP9)", ".png": "PNG frames"}
MIN_SIZE = (160, 120)
MAX_SIZE = (7680, 4320)


class ExportError(Exception):
    """The export cannot go on; the message is one line for the user."""


def check_target(path, size) -> str:
    """Validate the output path and frame size before any work; return the extension."""
    given = Path(path)
    suffix = given.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"unknown animation format {given.suffix or given.name!r} "
                          f"(use {', '.join(FORMATS)})")
    try:
        target = output_target(given)
    except OutputError as error:
        raise ExportError(str(error)) from None
    folder = target.parent if str(target.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"cannot write {str(given)!r}: folder {str(folder)!r} is not writable")
    width, height = size
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise ExportError(f"size {width}x{height} is out of range "
                          f"({MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]})")
    if suffix in (".mp4", ".webm") and (width % 2 or height % 2):
        raise ExportError(f"size {width}x{height}: MP4 and WebM need even width and height")
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
            raise ExportError(f"frame {self.frames} is {frame.shape}, expected ({height}, {width}, 3)")
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


class FfmpegEncoder(_FileEncoder):
    """MP4 (H.264) or WebM (VP9) through imageio-ffmpeg's bundled ffmpeg."""

    def __init__(self, target, size, fps):
        super().__init__(target, size, fps)
        import imageio_ffmpeg  # noqa: PLC0415 - only needed for video

        if target.suffix.lower() == ".mp4":
            codec, extra = "libx264", ["-f", "mp4", "-movflags", "+faststart", "-preset", "veryfast",
                                       "-crf", "20"]
        else:
            codec, extra = "libvpx-vp9", ["-f", "webm", "-b:v", "0", "-crf", "32",
                                          "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1"]
        self._writer = imageio_ffmpeg.write_frames(
            str(self.temporary), size, fps=fps, codec=codec, pix_fmt_in="rgb24",
            pix_fmt_out="yuv420p", macro_block_size=1, output_params=extra,
            ffmpeg_log_level="error")
        try:
            self._writer.send(None)   # start ffmpeg
        except (OSError, RuntimeError) as error:
            self.abort()
            raise ExportError(f"cannot start the video encoder: {error}") from None

    def write(self, frame):
        try:
            self._writer.send(np.ascontiguousarray(self._check(frame)))
        except OSError as error:
            self.abort()
            raise ExportError(describe_os_error(self.target, error)) from None
        except RuntimeError as error:   # ffmpeg died (disk full shows up here too)
            self.abort()
            raise ExportError(f"the video encoder failed: {str(error).splitlines()[0]}") from None
        self.frames += 1

    def finish(self):
        try:
            self._writer.close()
        except (OSError, RuntimeError) as error:
            self.abort()
            raise ExportError(f"the video encoder failed: {str(error).splitlines()[0]}") from None
        self._move_into_place()

    def abort(self):
        writer = getattr(self, "_writer", None)
        if writer is not None:
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - already failing; just stop ffmpeg
                pass
            self._writer = None
        super().abort()


class GifEncoder(_FileEncoder):
    """Animated GIF with one shared palette, quantised on a worker thread.

    ``key_colours`` (the balls, trails, arrows) get exact palette entries: they are
    scarce in the first frame, and a palette learnt from it alone would shift them.
    """

    def __init__(self, target, size, fps, key_colours=()):
        super().__init__(target, size, fps)
        self._key_colours = [tuple(int(v) for v in c) for c in key_colours][:64]
        self._palette = None
        self._pending = []
        self._pool = ThreadPoolExecutor(max_workers=1)

    def _quantise(self, frame):
        from PIL import Image  # noqa: PLC0415

        image = Image.fromarray(frame, "RGB")
        return np.asarray(image.quantize(palette=self._palette, dither=Image.Dither.NONE))

    def write(self, frame):
        from PIL import Image  # noqa: PLC0415

        frame = np.array(self._check(frame))   # own copy: the caller may reuse its buffer
        if self._palette is None:
            learnt = Image.fromarray(frame, "RGB").quantize(
                colors=255 - len(self._key_colours), method=Image.Quantize.MEDIANCUT,
                dither=Image.Dither.NONE)
            entries = [v for c in self._key_colours for v in c] + learnt.getpalette()
            entries = (entries + [0] * 768)[:255 * 3]
            self._palette = Image.new("P", (1, 1))
            self._palette.putpalette(entries + [0, 0, 0])
        self._pending.append(self._pool.submit(self._quantise, frame))
        self.frames += 1

    def finish(self):
        from PIL import Image  # noqa: PLC0415

        try:
            indices = [future.result() for future in self._pending]
            if not indices:
                raise ExportError("no frames to write")
            # Pixels that did not change since the previous frame become transparent
            # (index 255, unused by the 255-colour palette): with "do not dispose" the
            # old pixel shows through, and long transparent runs compress to almost
            # nothing. Only the balls, trails and counters cost bytes.
            palette = self._palette.getpalette()[:255 * 3] + [0, 0, 0]
            images = []
            previous = None
            for frame in indices:
                data = frame if previous is None else np.where(frame == previous, 255, frame)
                previous = frame
                image = Image.fromarray(data.astype(np.uint8), "P")
                image.putpalette(palette)
                images.append(image)
            images[0].save(self.temporary, format="GIF", save_all=True, append_images=images[1:],
                           duration=round(1000 / self.fps), loop=0, optimize=False, disposal=1,
                           transparency=255)
        except OSError as error:
            self.abort()
            raise ExportError(describe_os_error(self.target, error)) from None
        finally:
            self._pool.shutdown(wait=True)
        self._move_into_place()

    def abort(self):
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pending = []
        super().abort()


class PngFramesEncoder(Encoder):
    """Numbered PNGs in ``NAME/`` (for ``NAME.png``), built in a temporary folder first."""

    def __init__(self, target, size, fps):
        super().__init__(target, size, fps)
        self.folder = target.with_suffix("")
        if self.folder.exists() and not self.folder.is_dir():
            raise ExportError(f"cannot write frames into {str(self.folder)!r}: it is a file")
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
    if not 0 < fps <= 120:
        raise ExportError(f"fps must be between 1 and 120, got {fps!r}")
    target = output_target(path)   # through a symlink, to the file it names
    if suffix in (".mp4", ".webm"):
        return FfmpegEncoder(target, size, fps)
    if suffix == ".gif":
        return GifEncoder(target, size, fps, key_colours)
    return PngFramesEncoder(target, size, fps)
