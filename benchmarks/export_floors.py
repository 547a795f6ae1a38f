"""The encoder floors of an export: what writing the frames costs when drawing them is free.

An export draws frames and encodes them; the least it can cost is the encoding alone. So
the frames our exporter would draw are rendered once, beforehand, into one raw RGB file,
and then

* MP4: ffmpeg reads that file itself, with the very command our encoder runs
  (:func:`app.encoders.video_command`: libx264, yuv420p, veryfast, crf 20, faststart) —
  no Python in the loop;
* GIF: our GIF encoder's process reads that file itself, with the very command our
  encoder runs (:func:`app.encoders.gif_command`: :class:`app.gif_writer.GifWriter`, one
  palette, per-frame changed rectangles, Pillow's quantiser and LZW).

    cd /work/main && QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/export_floors.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app.encoders import gif_command, video_command  # noqa: E402
from app.model.export_plan import DEFAULT_FPS, KEY_COLOURS  # noqa: E402


def prerender(raw_path: str, frames: int, size: tuple[int, int]) -> None:
    """Write the default scenario's first ``frames`` frames, as our exporter draws them,
    to ``raw_path`` (``frames × height × width × 3`` bytes)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.model.scenario import default_scenario  # noqa: PLC0415
    from app.qt.animation_canvas import AnimationCanvas  # noqa: PLC0415
    from app.qt.application import ensure_application  # noqa: PLC0415

    ensure_application()
    canvas = AnimationCanvas(default_scenario(), size)
    try:
        with open(raw_path, "wb") as raw:
            for step in range(frames):
                raw.write(canvas.render(step).tobytes())
    finally:
        canvas.close_canvas()


def ffmpeg_floor(raw_path: str, size, out_path: str, fps: float = DEFAULT_FPS) -> float:
    """Seconds for ffmpeg alone to encode the raw file with our encoder's settings."""
    start = time.perf_counter()
    subprocess.run(video_command(size, fps, out_path, source=raw_path), check=True,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def gif_floor(raw_path: str, size, out_path: str, fps: float = DEFAULT_FPS) -> float:
    """Seconds for our GIF encoder's process alone to write the pre-rendered frames."""
    start = time.perf_counter()
    with open(raw_path, "rb") as frames:
        subprocess.run(gif_command(size, fps, out_path, KEY_COLOURS), check=True, stdin=frames,
                       stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


if __name__ == "__main__":
    size = (1200, 500)
    with tempfile.TemporaryDirectory() as folder:
        raw = os.path.join(folder, "frames.rgb")
        prerender(raw, 240, size)
        for name, floor, suffix in (("ffmpeg", ffmpeg_floor, ".mp4"), ("GIF", gif_floor, ".gif")):
            seconds = min(floor(raw, size, os.path.join(folder, "f" + suffix)) for _ in range(3))
            print(f"{name} floor, 240 frames {size[0]}×{size[1]}: {seconds:.2f} s")
