"""The encoders on their own (no Qt): GIFs read back frame by frame, memory that does not
grow with the frame count, and ffmpeg whose failures are one line and whose end is bounded."""

import os
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageSequence

from app.encoders import ExportError, open_encoder
from tests.helpers import cli, one_line_error

ROOT = Path(__file__).resolve().parent.parent
SIZE = (200, 150)
KEYS = ((230, 25, 75), (0, 130, 200), (0, 0, 0), (255, 255, 255))


def _frames(count, size=SIZE, levels=None, still=()):
    """``count`` frames, one at a time: a gradient (``levels`` steps per channel, or smooth:
    far more colours than a GIF holds) with two key-coloured squares moving across it.
    A frame in ``still`` repeats the one before it."""
    width, height = size
    x, y = np.meshgrid(np.arange(width), np.arange(height))
    if levels:
        x, y = x * levels // width * (width // levels), y * levels // height * (height // levels)
    background = np.stack([x * 255 // width, y * 255 // height, (x + y) * 255 // (width + height)],
                          axis=-1).astype(np.uint8)

    def frames():
        frame = background
        for k in range(count):
            if k not in still:
                frame, j = background.copy(), k % 50
                frame[20:30, 5 + 3 * j:15 + 3 * j] = KEYS[0]
                frame[100:104, 150 - 2 * j:156 - 2 * j] = KEYS[1]
            yield frame
    return frames()


def _write(path, frames, fps=30, size=SIZE, keys=KEYS):
    encoder = open_encoder(path, size, fps, key_colours=keys)
    for frame in frames:
        encoder.write(frame)
    encoder.finish()
    return path


def _decoded(path):
    with Image.open(path) as gif:
        return [np.asarray(frame.convert("RGB")) for frame in ImageSequence.Iterator(gif)]


def _save_all_like_before(path, frames, fps, keys):
    """The GIF encoder as it was: every frame quantised and kept, then one Pillow save_all."""
    frames = list(frames)
    learnt = Image.fromarray(frames[0]).quantize(colors=255 - len(keys), method=Image.Quantize.MEDIANCUT,
                                                 dither=Image.Dither.NONE)
    palette = Image.new("P", (1, 1))
    palette.putpalette(([v for c in keys for v in c] + learnt.getpalette() + [0] * 768)[:765] + [0] * 3)
    images, previous = [], None
    for frame in frames:
        indices = np.asarray(Image.fromarray(frame).quantize(palette=palette, dither=Image.Dither.NONE))
        image = Image.fromarray(indices if previous is None else np.where(indices == previous, 255, indices)
                                .astype(np.uint8), "P")
        image.putpalette(palette.getpalette())
        images.append(image)
        previous = indices
    images[0].save(path, save_all=True, append_images=images[1:], duration=round(1000 / fps), loop=0,
                   optimize=False, disposal=1, transparency=255)
    return path


def test_a_gif_reads_back_as_exactly_its_frames_when_their_colours_fit(tmp_path):
    frames = list(_frames(40, levels=10))
    assert all(np.array_equal(a, b) for a, b in zip(_decoded(_write(tmp_path / "a.gif", frames)), frames))


def test_a_gif_reads_back_like_the_save_all_encoder_and_is_smaller(tmp_path):
    """Many colours: every frame is mapped onto the first frame's palette, key colours exact."""
    frames = list(_frames(60))
    ours = _write(tmp_path / "ours.gif", frames)
    before = _save_all_like_before(tmp_path / "before.gif", frames, 30, KEYS)
    decoded = _decoded(ours)
    assert len(decoded) == 60
    assert all(np.array_equal(a, b) for a, b in zip(decoded, _decoded(before)))
    with Image.open(ours) as gif:
        palette = Image.new("P", (1, 1))
        palette.putpalette(gif.getpalette()[:255 * 3])
    for frame, got in zip(frames, decoded):
        expected = Image.fromarray(frame).quantize(palette=palette, dither=Image.Dither.NONE).convert("RGB")
        np.testing.assert_array_equal(got, np.asarray(expected))
    assert (decoded[7][20:30, 5 + 21:15 + 21] == KEYS[0]).all()
    assert ours.stat().st_size <= before.stat().st_size


def test_every_gif_frame_stores_only_the_rectangle_that_changed(tmp_path):
    frames = list(_frames(5, levels=10))
    with Image.open(_write(tmp_path / "a.gif", frames)) as gif:
        assert gif.dispose_extent == (0, 0, *SIZE)
        for k in range(1, 5):
            gif.seek(k)
            changed = (frames[k] != frames[k - 1]).any(axis=-1)
            rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
            assert gif.dispose_extent == (cols[0], rows[0], cols[-1] + 1, rows[-1] + 1)


@pytest.mark.parametrize("fps, delays", [
    (30, [30, 40, 30] * 4),      # 3⅓ cs a frame: 3, 4, 3 … (every 3 cs played at 33.3 fps)
    (25, [40] * 12), (1, [1000] * 12), (24, [40, 40, 40, 50, 40, 40, 40, 40, 50, 40, 40, 40]),
    (60, [20] * 12), (120, [20] * 12)])   # browsers play under 20 ms as 100: 50 fps at most
def test_a_gif_has_every_frame_even_still_ones_at_its_rate_looping_forever(tmp_path, fps, delays):
    path = _write(tmp_path / "a.gif", _frames(12, levels=10, still=(4, 5, 6, 7)), fps=fps)
    with Image.open(path) as gif:
        assert gif.n_frames == 12 and gif.info["loop"] == 0
        durations = []
        for frame in ImageSequence.Iterator(gif):
            durations.append(frame.info["duration"])
    assert durations == delays
    if fps <= 50:   # as long as the MP4 of the same frames, to the centisecond
        assert sum(durations) == round(100 * 12 / fps) * 10


def test_gif_frames_start_within_half_a_centisecond_of_k_over_fps():
    from app.gif_writer import frame_delay

    for fps in (24, 25, 29.97, 30, 48):
        start = 0
        for k in range(1000):
            assert abs(start - 100 * k / fps) <= 0.5 + 1e-9, (fps, k)
            start += frame_delay(k, fps)


def test_gif_memory_stays_flat_however_many_frames(tmp_path):
    """300 frames of 600x400 (720 kB each): the old encoder kept them all (70+ MB). The
    writer the GIF process runs is measured here in this process."""
    from app.gif_writer import GifWriter

    frame_bytes = 600 * 400 * 3
    frames = _frames(300, size=(600, 400))
    tracemalloc.start()
    try:
        with open(tmp_path / "long.gif", "wb") as file:
            gif = GifWriter(file, (600, 400), 30, KEYS)
            for frame in frames:
                gif.write(frame)
            gif.close()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * frame_bytes, f"peak {peak / 1e6:.1f} MB"
    assert len(_decoded(tmp_path / "long.gif")) == 300
    assert len(_decoded(_write(tmp_path / "piped.gif", _frames(40, size=(600, 400)),
                               size=(600, 400)))) == 40


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_while_writing_a_gif_is_one_line_and_leaves_the_old_file(tmp_path, monkeypatch):
    """The GIF is written by a process of its own: its temporary is made to lead to
    /dev/full, where every write fails with "No space left on device"."""
    import app.encoders

    out = tmp_path / "keep.gif"
    out.write_bytes(b"precious")
    real = app.encoders.temporary_beside

    def full_disk(target, suffix=""):
        temporary = real(target, suffix=suffix)
        temporary.unlink()
        temporary.symlink_to("/dev/full")
        return temporary

    monkeypatch.setattr(app.encoders, "temporary_beside", full_disk)
    with pytest.raises(ExportError) as raised:
        _write(out, _frames(30))
    assert str(raised.value) == f"cannot write {str(out)!r}: the disk is full"
    assert out.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.gif"]


@pytest.mark.parametrize("fps", [0.5, 1e-300, 0, float("nan"), 121, 1e300])
def test_fps_outside_1_to_120_is_refused_before_any_work(tmp_path, fps):
    with pytest.raises(ExportError, match="fps must be between 1 and 120"):
        open_encoder(tmp_path / "a.mp4", SIZE, fps)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fps", ["1e-300", "0.5"])
def test_the_cli_refuses_a_tiny_fps_in_one_line(tmp_path, fps):
    result = cli("export", "--out", str(tmp_path / "x.mp4"), "--fps", fps, "--frames", "2")
    assert one_line_error(result) == f"momentum-lab: error: fps must be between 1 and 120, got {fps}"
    assert list(tmp_path.iterdir()) == []


def _ffmpeg_frames(path, size):
    import imageio_ffmpeg

    raw = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "rawvideo",
                          "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(-1, size[1], size[0], 3)


@pytest.mark.parametrize("suffix", [".mp4", ".webm"])
def test_a_video_reads_back_and_ffmpeg_says_nothing(tmp_path, capfd, suffix):
    frames = list(_frames(15, levels=10))
    path = _write(tmp_path / f"a{suffix}", frames, fps=29.97)
    decoded = _ffmpeg_frames(path, SIZE)
    assert decoded.shape == (15, SIZE[1], SIZE[0], 3)
    assert np.abs(decoded[9].astype(int) - frames[9]).mean() < 8
    assert capfd.readouterr() == ("", "")
    assert [p.name for p in tmp_path.iterdir()] == [f"a{suffix}"]


def _ffmpeg_replaced(monkeypatch, change):
    """Run ``change(command)`` instead of the encoder's ffmpeg command."""
    real = subprocess.Popen

    def popen(command, *args, **kwargs):
        return real(change(command) if "rawvideo" in command else command, *args, **kwargs)
    monkeypatch.setattr(subprocess, "Popen", popen)


def test_a_failing_ffmpeg_is_one_line_with_its_reason_and_prints_nothing(tmp_path, monkeypatch, capfd):
    _ffmpeg_replaced(monkeypatch, lambda command: [c.replace("libx264", "nosuchcodec") for c in command])
    with pytest.raises(ExportError) as raised:
        _write(tmp_path / "x.mp4", _frames(30))
    assert str(raised.value) == "the video encoder failed: Unknown encoder 'nosuchcodec'"
    assert capfd.readouterr().err == ""
    assert list(tmp_path.iterdir()) == []


def test_ffmpeg_finding_the_disk_full_is_the_disk_is_full(tmp_path, monkeypatch):
    full_disk = textwrap.dedent("""
        import sys
        sys.stdin.buffer.read()
        sys.stderr.write("[out#0/mp4 @ 0x55d0] Error writing trailer: No space left on device\\n")
        sys.exit(1)
    """)
    _ffmpeg_replaced(monkeypatch, lambda command: [sys.executable, "-c", full_disk])
    out = tmp_path / "x.mp4"
    with pytest.raises(ExportError) as raised:
        _write(out, _frames(3))
    assert str(raised.value) == f"cannot write {str(out)!r}: the disk is full"
    assert list(tmp_path.iterdir()) == []


def test_abort_stops_an_ffmpeg_that_ignores_terminate_within_seconds(tmp_path, monkeypatch):
    stubborn = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(30)"
    _ffmpeg_replaced(monkeypatch, lambda command: [sys.executable, "-c", stubborn])
    encoder = open_encoder(tmp_path / "x.mp4", SIZE, 30)
    time.sleep(0.5)   # let it install its handler
    started = time.perf_counter()
    encoder.abort()
    assert time.perf_counter() - started < 3
    assert encoder._process.poll() is not None
    assert list(tmp_path.iterdir()) == []


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"   # a zombie has ended
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_in_the_terminal_reaches_us_not_ffmpeg_and_leaves_nothing(tmp_path):
    """A terminal sends SIGINT to its foreground process group: ffmpeg is not in it, and
    our abort stops it and removes the temporary file."""
    exporting = textwrap.dedent(f"""
        import numpy as np
        from app.model.export_plan import ExportPlan, write_animation
        frame = np.zeros((120, 160, 3), np.uint8)
        def progress(done, total):
            if done == 3:
                print("started", flush=True)
            return True
        write_animation(ExportPlan({str(tmp_path / "x.mp4")!r}, frames=100000, size=(160, 120)),
                        range(100000), lambda step: frame, progress)
    """)
    child = subprocess.Popen([sys.executable, "-c", exporting], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True, cwd=ROOT)
    try:
        assert child.stdout.readline() == "started\n"
        with open(f"/proc/{child.pid}/task/{child.pid}/children") as listing:
            (ffmpeg,) = [int(pid) for pid in listing.read().split()]
        assert os.getpgid(ffmpeg) != os.getpgid(child.pid)
        os.killpg(child.pid, signal.SIGINT)   # what Ctrl+C does
        _, errors = child.communicate(timeout=10)
    finally:
        child.kill()
    assert "KeyboardInterrupt" in errors and child.returncode != 0
    deadline = time.monotonic() + 3
    while _running(ffmpeg) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(ffmpeg)
    assert list(tmp_path.iterdir()) == []
