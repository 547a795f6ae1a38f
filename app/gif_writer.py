"""The GIF writer: raw RGB frames in, one GIF out, frame by frame, in a process of its own.

:class:`app.encoders.GifEncoder` streams frames into :func:`write_gif` running in a child
process (:func:`app.encoders.gif_command`), the way MP4 frames stream into ffmpeg:
Pillow's LZW holds the GIL, so a thread could not overlap it with the drawing.

Timing. A GIF's delays are whole centiseconds, and 30 fps is 3⅓ cs a frame: a delay of 3
for every frame plays at 33.3 fps, and the GIF ends 10 % sooner than the MP4 of the same
export. Frame k is shown instead from ``round(100·k/fps)`` cs to ``round(100·(k+1)/fps)``
(:func:`frame_delay`: 3, 4, 3, 3, 4, 3 … at 30 fps), so frame k starts within half a
centisecond of k/fps and the whole GIF lasts as long as the MP4, to the centisecond.
Browsers play a delay under 2 cs as 10, so no delay is shorter than 2 (above 50 fps a GIF
plays at 50).
"""

from __future__ import annotations

import json
import struct
import sys

import numpy as np

MIN_DELAY_CS = 2


def frame_delay(k: int, fps: float) -> int:
    """Centiseconds frame ``k`` (from 0) is shown: ``round(100(k+1)/fps) − round(100k/fps)``,
    at least :data:`MIN_DELAY_CS`."""
    return max(MIN_DELAY_CS, round(100 * (k + 1) / fps) - round(100 * k / fps))


def write_gif(args) -> None:
    """The GIF process (``args``: PATH WIDTH HEIGHT FPS KEY-COLOURS-JSON): frames from
    standard input until it closes, the GIF into PATH; an OSError is its one line."""
    width, height = int(args[1]), int(args[2])
    frame = bytearray(width * height * 3)   # refilled: the writer copies what it keeps
    try:
        with open(args[0], "wb") as file:
            gif = GifWriter(file, (width, height), float(args[3]), json.loads(args[4]))
            while sys.stdin.buffer.readinto(frame) == len(frame):   # (waits for a whole one)
                gif.write(np.frombuffer(frame, np.uint8).reshape(height, width, 3))
            gif.close()
    except OSError as error:
        print(f"[Errno {error.errno}] {error.strerror}", file=sys.stderr)
        sys.exit(1)


class GifWriter:
    """A GIF written to ``file`` frame by frame: memory does not grow with its length.

    One palette is learnt from the first frame (plus exact ``key_colours``, the balls,
    trails and arrows: scarce in that frame, a palette learnt from it alone would shift
    them) and every frame is mapped onto it, without dithering (no flicker). A frame stores
    only the box of the pixels that changed, each unchanged one in it the transparent index
    255 ("do not dispose" shows the old one); only that box is quantised (undithered, an
    index depends on the colour alone)."""

    def __init__(self, file, size, fps, key_colours=()):
        self._file, self._size, self._palette = file, size, None
        self._key_colours = [tuple(int(v) for v in c) for c in key_colours][:64]
        self._fps, self._count = fps, 0
        self._rgb = np.zeros((size[1], size[0], 3), np.uint8)   # the last frame's colours
        self._indices = np.full(size[::-1], 255, np.uint8)      # and their palette indices

    def write(self, frame):
        """Quantise the part of ``frame`` that changed and append it to the file."""
        from PIL import GifImagePlugin, Image  # noqa: PLC0415

        if self._palette is None:
            self._start(frame)   # (every index is 255 until then: all of frame 0 is new)
            box = np.s_[0:frame.shape[0], 0:frame.shape[1]]
        else:
            box = _changed_box(frame, self._rgb)
        corner, data = (0, 0), np.full((1, 1), 255, np.uint8)   # still: one transparent pixel
        if box is not None:
            part = np.ascontiguousarray(frame[box])
            indices = np.asarray(Image.fromarray(part, "RGB").quantize(
                palette=self._palette, dither=Image.Dither.NONE))
            changed = indices != self._indices[box]
            rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
            if rows.size:   # (a colour can change and keep its index)
                inner = np.s_[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
                corner = (box[1].start + int(cols[0]), box[0].start + int(rows[0]))
                data = np.where(changed[inner], indices[inner], 255).astype(np.uint8)
            self._rgb[box], self._indices[box] = part, indices
        delay = frame_delay(self._count, self._fps)
        self._count += 1
        for chunk in GifImagePlugin.getdata(Image.fromarray(data, "P"), corner,
                                            duration=delay * 10, disposal=1, transparency=255):
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
        self._file.write(b"GIF89a" + struct.pack("<HHBBB", *self._size, 0xF7, 0, 0)
                         + bytes(self._palette.getpalette()[:255 * 3]) + b"\0\0\0"
                         + b"!\xff\x0bNETSCAPE2.0\x03\x01\0\0\0")   # loop forever

    def close(self):   # (the file stays open: it is the caller's)
        self._file.write(b";")


def _changed_box(frame: np.ndarray, last: np.ndarray):
    """The ``(rows, columns)`` slices around the pixels that differ (None: none)."""
    differs = (frame != last).reshape(frame.shape[0], -1)   # a row of bytes, R G B R G B ...
    if not (rows := np.flatnonzero(differs.any(axis=1))).size:
        return None
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    columns = np.flatnonzero(differs[top:bottom].any(axis=0)) // 3
    return np.s_[top:bottom, int(columns[0]):int(columns[-1]) + 1]
