"""Exported animations, read back: frame counts, sizes, motion, the first frame, and safety."""

import errno
import subprocess

import numpy as np
import pytest

pytest.importorskip("PySide6")
iio = pytest.importorskip("imageio.v3")

from PySide6 import QtCore  # noqa: E402

from app.encoders import ExportError  # noqa: E402
from app.model.export_plan import ExportPlan  # noqa: E402
from app.model.scenario import default_scenario  # noqa: E402
from app.qt.animation_canvas import AnimationCanvas  # noqa: E402
from app.qt.exporter import export_animation  # noqa: E402
from tests.helpers import cli  # noqa: E402

SIZE = (480, 240)


@pytest.fixture
def canvas(qtbot):
    c = AnimationCanvas(default_scenario(), SIZE)
    yield c
    c.close_canvas()


def _frames(path, **kwargs):
    """All frames of a file; videos decoded by the bundled ffmpeg into raw RGB."""
    if str(path).endswith((".mp4", ".webm")):
        decoded = subprocess.run([_ffmpeg(), "-v", "error", "-i", str(path), "-f", "rawvideo",
                                  "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout
        width, height = SIZE
        return np.frombuffer(decoded, np.uint8).reshape(-1, height, width, 3)
    return iio.imread(path, **kwargs)


def _diff(a, b) -> float:
    return float(np.abs(a.astype(int) - b.astype(int)).mean())


def test_png_frames_are_exactly_the_app_rendering_of_steps_k_times_K(tmp_path, canvas, qtbot):
    out = tmp_path / "anim.png"
    count = export_animation(default_scenario(), ExportPlan(str(out), frames=6, steps_per_frame=5,
                                                            size=SIZE))
    assert count == 6
    files = sorted((tmp_path / "anim").iterdir())
    assert [f.name for f in files] == [f"anim_{k:04d}.png" for k in range(6)]
    for k in (0, 3, 5):
        np.testing.assert_array_equal(iio.imread(files[k]), canvas.render(5 * k))
    assert not np.array_equal(iio.imread(files[0]), iio.imread(files[1]))   # the balls move


def test_mp4_from_the_cli_reads_back(tmp_path, canvas):
    out = tmp_path / "sgd_vs_momentum.mp4"
    result = cli("export", "--out", str(out), "--frames", "40", "--size", "480x240", "--fps", "25")
    assert result.returncode == 0, result.stderr
    frames = _frames(out)
    assert frames.shape == (40, 240, 480, 3)
    # H.264 with 4:2:0 chroma blurs the thin contour lines a little: compare loosely, and
    # check that frame 0 is much closer to step 0 than to step 39.
    assert _diff(frames[0], canvas.render(0)) < 8
    assert _diff(frames[0], canvas.render(0)) < _diff(frames[0], canvas.render(39))
    assert _diff(frames[39], canvas.render(39)) < _diff(frames[39], canvas.render(0))
    probe = subprocess.run([_ffmpeg(), "-hide_banner", "-i", str(out)], capture_output=True, text=True)
    assert "h264" in probe.stderr and "yuv420p" in probe.stderr and "25 fps" in probe.stderr


def _ffmpeg():
    import imageio_ffmpeg
    return imageio_ffmpeg.get_ffmpeg_exe()


def test_gif_reads_back_with_the_first_frame_of_the_app(tmp_path, canvas):
    out = tmp_path / "a.gif"
    export_animation(default_scenario(), ExportPlan(str(out), frames=30, size=SIZE))
    frames = _frames(out, mode="RGBA")[..., :3]
    assert frames.shape == (30, 240, 480, 3)
    assert np.abs(frames[0].astype(int) - canvas.render(0).astype(int)).mean() < 3
    assert np.abs(frames[20].astype(int) - canvas.render(20).astype(int)).mean() < 3
    assert not np.array_equal(frames[0], frames[29])


def test_webm_reads_back(tmp_path):
    out = tmp_path / "a.webm"
    export_animation(default_scenario(), ExportPlan(str(out), frames=12, size=SIZE))
    assert _frames(out).shape == (12, 240, 480, 3)


def test_whole_run_by_default_stops_when_every_ball_has_settled(tmp_path):
    out = tmp_path / "whole.png"
    count = export_animation(default_scenario(), ExportPlan(str(out), steps_per_frame=50, size=SIZE))
    # SGD converges at step 717 on the default ravine: frames at 0, 50, ..., 700.
    assert count == 717 // 50 + 1


def test_cancel_leaves_nothing_and_keeps_an_existing_file(tmp_path):
    out = tmp_path / "keep.gif"
    out.write_bytes(b"precious")
    count = export_animation(default_scenario(), ExportPlan(str(out), frames=50, size=SIZE),
                             progress=lambda done, total: done < 5)
    assert count == 0
    assert out.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.gif"]


@pytest.mark.parametrize("suffix", [".mp4", ".gif", ".png"])
def test_a_failure_half_way_leaves_nothing(tmp_path, monkeypatch, suffix):
    import app.qt.animation_canvas as canvas_module

    original = canvas_module.AnimationCanvas.render
    calls = []

    def failing(self, step):
        calls.append(step)
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(self, step)

    monkeypatch.setattr(canvas_module.AnimationCanvas, "render", failing)
    with pytest.raises(OSError):
        export_animation(default_scenario(), ExportPlan(str(tmp_path / f"x{suffix}"), frames=10, size=SIZE))
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_one_clear_line(tmp_path, monkeypatch):
    from PIL import Image

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Image.Image, "save", full)
    with pytest.raises(ExportError, match="disk is full"):
        export_animation(default_scenario(), ExportPlan(str(tmp_path / "f.png"), frames=3, size=SIZE))
    assert list(tmp_path.iterdir()) == []


def test_the_window_exports_trajectories_and_pictures(qtbot, tmp_path):
    from app.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.controller.seek(30)
    assert "Wrote 31 steps of 2 panes" in window.files.export_trajectories(tmp_path / "t.csv")
    rows = (tmp_path / "t.csv").read_text().splitlines()
    assert rows[0].startswith("pane,optimizer,step,x,y,loss") and len(rows) == 1 + 2 * 31
    pane, name, step, x, y = rows[-1].split(",")[:5]
    assert (pane, name, step) == ("2", "momentum", "30")
    assert (float(x), float(y)) == tuple(window.controller.comparison.positions(30)[1, 0])
    assert "Saved" in window.files.save_picture(tmp_path / "p.png")
    assert iio.imread(tmp_path / "p.png").shape[0] > 100
    assert "Saved" in window.files.save_picture(tmp_path / "p.svg")
    assert (tmp_path / "p.svg").read_text().lstrip().startswith("<?xml")
    assert "use .png or .svg" in window.files.save_picture(tmp_path / "p.bmp")
    window.controller.shutdown()


def test_the_export_dialog_plans_and_runs_an_export(qtbot, tmp_path):
    from app.qt.export_dialog import ExportDialog, run_export
    from app.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    dialog = ExportDialog(window.workspace.scenario, 0, (800, 400), window)
    dialog.format.setCurrentIndex(dialog.format.findData(".png"))
    dialog.whole_run.setChecked(False)
    dialog.first.setValue(10)
    dialog.last.setValue(30)
    dialog.steps_per_frame.setValue(5)
    dialog.size.setCurrentIndex(dialog.size.count() - 1)     # the window's size
    dialog.background.setCurrentIndex(dialog.background.findData("dark"))
    plan = dialog.plan(str(tmp_path / "clip.png"))
    assert (plan.first_step, plan.frames, plan.steps_per_frame, plan.size) == (10, 5, 5, (800, 400))
    assert plan.background == "dark"
    assert run_export(window, window.workspace.scenario, plan) == "Exported 5 frames to clip.png"
    assert len(list((tmp_path / "clip").iterdir())) == 5
    window.controller.shutdown()


def test_the_exported_header_carries_the_scenarios_title_as_plain_text(qtbot):
    import dataclasses

    titled = dataclasses.replace(default_scenario(), title="Aula 3: <b>SGD</b> × momentum")
    c = AnimationCanvas(titled, SIZE)
    try:
        c.render(5)
        assert c.header.text().startswith("Aula 3: <b>SGD</b> × momentum    —    step 5")
        assert c.header.textFormat() == QtCore.Qt.TextFormat.PlainText   # never markup
    finally:
        c.close_canvas()


def test_six_panes_export_in_two_rows_under_a_header_that_is_never_cut_off(qtbot):
    """Radford's six in one row of 200-px plots, under a one-line header cut off at both
    ends ("…tion — step 270 — SGD: running · … · Adagrad: ru"): now 2×3, and the header
    takes the lines it needs at the frame's font; every pane is told apart in it."""
    from PySide6 import QtGui

    from app.model.example_library import example_path
    from app.model.scenario_file import load_scenario

    size = (1200, 500)                 # the export's default
    c = AnimationCanvas(load_scenario(example_path("radford-beale")), size)
    try:
        c.render(300)
        metrics = QtGui.QFontMetrics(c.header.font())
        lines = c.header.text().split("\n")
        assert c.header_lines == len(lines) > 1 and c.header.font().pixelSize() >= 12
        assert all(metrics.horizontalAdvance(line) <= c.width() for line in lines)
        assert c.header.height() >= len(lines) * metrics.lineSpacing()
        for name in ("SGD", "Momentum", "Nesterov", "Adagrad", "Adadelta", "RMSprop"):
            assert f"{name}: " in c.header.text()
        tops = sorted({plot.geometry().top() for plot in c.plots})
        assert len(tops) == 2 and all(plot.width() > size[0] / 4 for plot in c.plots)
    finally:
        c.close_canvas()


def test_a_1080p_slide_draws_its_text_lines_and_balls_at_a_projectors_zoom(qtbot):
    """At zoom 1 a 1920×1080 frame's axis labels were 9 pt in a picture twice the
    default's height; the frame's look now scales with its size (1200×500 stays as it was)."""
    sizes = {}
    for size in ((1200, 500), (1920, 1080)):
        c = AnimationCanvas(default_scenario(), size)
        try:
            plot = c.plots[0]
            sizes[size] = (plot.look.zoom, plot.layers[0].ball.opts["size"],
                           plot.plotItem.getAxis("bottom").style["tickFont"].pointSizeF())
        finally:
            c.close_canvas()
    assert sizes[(1200, 500)][0] == 1.0 and sizes[(1920, 1080)][0] == 1.5
    for small, large in zip(sizes[(1200, 500)][1:], sizes[(1920, 1080)][1:]):
        assert large == pytest.approx(1.5 * small)


def test_an_overlay_export_draws_every_pane_on_one_plot_exactly_like_a_whole_grab(qtbot):
    """Radford's animations: every ball on one landscape, a legend saying which is which."""
    from app.model.example_library import example_path
    from app.model.scenario_file import load_scenario

    scenario = load_scenario(example_path("radford-beale"))
    steps = [0, 1, 2, 65, 66, 300, 4]
    fast = AnimationCanvas(scenario, SIZE, overlay=True)
    try:
        frames = [fast.render(step) for step in steps]
        (plot,) = fast.plots
        assert len(plot.layers) == 6
        for i, layer in enumerate(plot.layers):
            assert layer.ball_position() == tuple(fast.run.positions(4)[i, 0])
    finally:
        fast.close_canvas()
    for step, frame, whole in zip(steps, frames, _slow(scenario, steps, overlay=True)):
        np.testing.assert_array_equal(frame, whole, err_msg=f"step {step}")


def test_the_window_exports_the_overlay_or_swarm_while_it_shows_it(qtbot, tmp_path, monkeypatch):
    from PySide6 import QtWidgets

    import app.qt.export_dialog as export_dialog
    from app.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    plans = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec",
                        lambda self: QtWidgets.QDialog.DialogCode.Accepted)
    monkeypatch.setattr(export_dialog, "run_export", lambda parent, scenario, plan:
                        plans.append(plan) or "exported")
    monkeypatch.setattr(window.files, "_save_path", lambda *a: str(tmp_path / "a.gif"))
    window.files.export_animation_dialog()
    window.qactions["overlay"].setChecked(True)
    window.files.export_animation_dialog()
    window.qactions["overlay"].setChecked(False)
    window.set_swarm(True)
    window.files.export_animation_dialog()
    assert [(plan.overlay, plan.swarm) for plan in plans] == [(False, False), (True, False),
                                                             (False, True)]
    assert plans[0].caption == ""
    # On a lesson's step, the step's caption goes under the header, as the panel shows it.
    from app.model.lesson_library import find_lesson

    lesson = find_lesson("sgd-zigzag")
    window.lessons.open(lesson)
    window.lessons.go(3)
    window.files.export_animation_dialog()
    assert plans[-1].caption == lesson.steps[3].caption.in_("en")
    window.controller.shutdown()


def test_a_swarm_export_draws_the_windows_swarm_exactly_like_a_whole_grab(qtbot):
    """Swarm mode as the window runs it: 1,024 balls a pane coloured by the minimum each
    ends in; the header counts the converged balls (it said the first ball's state)."""
    import dataclasses

    from app.model.workspace import Workspace

    scenario = dataclasses.replace(default_scenario(), landscape="himmelblau", start=None)
    steps = [0, 1, 2, 30, 31, 150, 5]
    fast = AnimationCanvas(scenario, SIZE, swarm=True)
    try:
        frames = [fast.render(step) for step in steps]
        window_side = Workspace(scenario)
        window_side.set_swarm(True)
        assert fast.run.shape == window_side.run.shape == (2, 1024)
        np.testing.assert_array_equal(fast.plots[0].swarm_positions(), fast.run.positions(5)[0])
        fast.render(150)
        converged = int(((fast.run.converged_at[0] >= 0) & (fast.run.converged_at[0] <= 150)).sum())
        assert f"SGD: converged {converged} / 1024" in fast.header.text()
    finally:
        fast.close_canvas()
    for step, frame, whole in zip(steps, frames, _slow(scenario, steps, swarm=True)):
        np.testing.assert_array_equal(frame, whole, err_msg=f"step {step}")


def test_an_export_is_the_overlay_or_the_swarm_not_both(tmp_path):
    plan = ExportPlan(str(tmp_path / "a.gif"), frames=3, overlay=True, swarm=True)
    with pytest.raises(ExportError, match="overlay or swarm mode, not both"):
        plan.validate()


def test_frames_of_six_panes_and_a_three_line_header_equal_the_whole_canvas(qtbot):
    from app.model.example_library import example_path
    from app.model.scenario_file import load_scenario

    scenario = load_scenario(example_path("radford-saddle"))
    steps = [0, 1, 2, 30, 31, 60, 3]
    fast = AnimationCanvas(scenario, SIZE)
    try:
        frames = [fast.render(step) for step in steps]
    finally:
        fast.close_canvas()
    for step, frame, whole in zip(steps, frames, _slow(scenario, steps)):
        np.testing.assert_array_equal(frame, whole, err_msg=f"step {step}")


def _slow(scenario, steps, **kwargs):
    """The frames of ``steps`` drawn the slow way: the whole canvas grabbed each time."""
    c = AnimationCanvas(scenario, SIZE, **kwargs)
    try:
        return [c.render_whole(step) for step in steps]
    finally:
        c.close_canvas()


@pytest.mark.parametrize("include_loss", [False, True])
def test_frames_repainted_by_parts_equal_the_whole_canvas_grabbed(qtbot, include_loss):
    """A frame repaints only what changed since the last one; it must still be exactly the
    app's drawing: forward step by step, across the trail's settled part being cached
    again (every TRAIL_CHUNK steps), jumping ahead and back."""
    from app.qt.ball_layer import TRAIL_CHUNK

    chunk = TRAIL_CHUNK
    steps = [0, 1, 2, 3, chunk - 1, chunk, chunk + 1, chunk + 2, 2 * chunk + 1, 400, 401, 7, 0, 716]
    fast = AnimationCanvas(default_scenario(), SIZE, include_loss=include_loss)
    try:
        frames = [fast.render(step) for step in steps]
    finally:
        fast.close_canvas()
    for step, frame, whole in zip(steps, frames, _slow(default_scenario(), steps,
                                                       include_loss=include_loss)):
        np.testing.assert_array_equal(frame, whole, err_msg=f"step {step}")


def test_a_moved_start_marker_and_a_changed_header_are_repainted_exactly(qtbot):
    """The start marker is left alone while it paints the same, and the header repaints
    only its old and new text: moving the one and lengthening or shortening the other
    between frames must still give exactly the whole canvas grabbed."""
    scenario = default_scenario()
    fast, slow = AnimationCanvas(scenario, SIZE), AnimationCanvas(scenario, SIZE)
    (x0, x1), (y0, y1) = fast.plots[1].plotItem.vb.viewRange()   # (the views are linked)
    top, bottom = ((x0 + x1) / 2, y0 + 0.85 * (y1 - y0)), ((x0 + x1) / 2, y0 + 0.15 * (y1 - y0))
    changes = [(0, None, None), (1, None, None), (2, top, None),   # far from the balls
               (3, None, "A much longer title than the default one, to widen the header"),
               (4, bottom, ""), (5, None, None), (6, scenario.resolved_start(), "Aula 3")]
    try:
        pairs = []
        for step, start, title in changes:
            for canvas in (fast, slow):
                if start is not None:
                    for plot in canvas.plots:
                        plot.set_start(start)
                if title is not None:
                    canvas.title = title
            pairs.append((step, fast.render(step), slow.render_whole(step)))
    finally:
        fast.close_canvas()
        slow.close_canvas()
    for step, frame, whole in pairs:
        np.testing.assert_array_equal(frame, whole, err_msg=f"step {step}")
    marker = np.s_[:, SIZE[0] // 2:]   # the right pane: both places of the marker show
    moved = (pairs[1][1][marker] != pairs[2][1][marker]).any(axis=-1).sum()
    assert moved > 100   # (the ball moves a few dozen pixels; the marker's two places more)


def test_an_exported_run_equals_the_slow_drawing_after_the_trail_is_cached_again(tmp_path):
    from app.qt.ball_layer import TRAIL_CHUNK

    out = tmp_path / "run.png"
    count = TRAIL_CHUNK + 6
    export_animation(default_scenario(), ExportPlan(str(out), frames=count, size=SIZE))
    files = sorted((tmp_path / "run").iterdir())
    checked = [1, TRAIL_CHUNK - 1, TRAIL_CHUNK, TRAIL_CHUNK + 1, count - 1]
    for k, whole in zip(checked, _slow(default_scenario(), checked)):
        np.testing.assert_array_equal(iio.imread(files[k]), whole, err_msg=f"frame {k}")


@pytest.mark.parametrize("overlay", [False, True])
def test_a_many_seeds_export_draws_the_cloud_exactly_like_a_whole_grab(qtbot, overlay):
    """Many seeds as the window draws them — every seed's dot, their median ball and path,
    the floor's ellipse, the loss band — in frames repainted by parts (the cloud moves
    everywhere at once) equal to the whole canvas grabbed; the header gives the medians."""
    import dataclasses

    scenario = dataclasses.replace(default_scenario(), sigma=0.5, seeds=16)
    steps = [0, 1, 2, 40, 41, 130, 3]
    fast = AnimationCanvas(scenario, SIZE, include_loss=True, overlay=overlay)
    try:
        frames = [fast.render(step) for step in steps]
        assert fast.run.shape == (2, 16)
        layer = fast.plots[0].layers[1] if overlay else fast.plots[1].layers[0]   # pane 2
        x, y = layer.cloud.dots.getData()
        np.testing.assert_array_equal(np.column_stack([x, y]), fast.run.positions(3)[1])
        median = float(np.median(fast.run.loss(3)[0]))
        assert f"SGD: median loss {median:.3g}" in fast.header.text()
        assert len(fast.loss_plot.bands.edges) == 2
    finally:
        fast.close_canvas()
    slow = _slow(scenario, steps, include_loss=True, overlay=overlay)
    for step, frame, whole in zip(steps, frames, slow):
        np.testing.assert_array_equal(frame, whole, err_msg=f"step {step}")


def test_a_dark_slide_draws_on_its_own_background_in_its_own_colours(qtbot):
    """Dark slides: the surround, plots and loss plot dark, the text light, momentum's
    ball near-white (its near-black vanished) — and frames by parts equal whole grabs."""
    from app.model.theme import DARK, rgb

    scenario = default_scenario()
    steps = [0, 1, 2, 40, 3]
    fast = AnimationCanvas(scenario, SIZE, include_loss=True, overlay=True, background="dark")
    try:
        frames = [fast.render(step) for step in steps]
        assert [layer.colour for layer in fast.plots[0].layers] == list(DARK.balls[:2])
        assert fast.loss_plot.curves[1].opts["pen"].color().name() == DARK.balls[1]
    finally:
        fast.close_canvas()
    for frame in frames:
        assert tuple(frame[1, 1]) == rgb(DARK.background)          # the surround
        assert tuple(frame[-3, SIZE[0] // 2]) == rgb(DARK.background)   # under the loss plot
    slow = _slow(scenario, steps, include_loss=True, overlay=True, background="dark")
    for step, frame, whole in zip(steps, frames, slow):
        np.testing.assert_array_equal(frame, whole, err_msg=f"step {step}")


def test_an_export_background_is_light_or_dark(tmp_path):
    with pytest.raises(ExportError, match="background must be 'light' or 'dark', got 'purple'"):
        ExportPlan(str(tmp_path / "a.gif"), frames=3, background="purple").validate()


def test_a_lesson_caption_is_written_under_the_header_wrapped_never_cut_mid_frame(qtbot):
    """A lesson step's caption as a slide's subtitle: whitespace made single, wrapped on at
    most four lines at a fixed size (a 2,000-character caption at a smaller font, then cut
    with "…"); frames by parts equal whole grabs."""
    from PySide6 import QtGui

    from app.model.lesson_library import find_lesson
    from app.model.readouts import caption_text
    from app.qt.animation_canvas import CAPTION_LINES

    lesson = find_lesson("sgd-zigzag")
    scenario, caption = lesson.scenario_at(3, "en"), lesson.steps[3].caption.in_("en")
    steps = [0, 1, 40, 2]
    fast = AnimationCanvas(scenario, SIZE, caption=caption)
    try:
        frames = [fast.render(step) for step in steps]
        assert fast.caption.text() == caption_text(caption) and "\n" not in fast.caption.text()
        assert fast.caption.isVisible() and fast.caption.height() > 20
    finally:
        fast.close_canvas()
    slow = _slow(scenario, steps, caption=caption)
    for step, frame, whole in zip(steps, frames, slow):
        np.testing.assert_array_equal(frame, whole, err_msg=f"step {step}")
    long = AnimationCanvas(scenario, SIZE, caption="word " * 400)
    try:
        metrics = QtGui.QFontMetrics(long.caption.font())
        assert long.caption.text().endswith("…") and len(long.caption.text()) < 2000
        assert long.caption.height() <= CAPTION_LINES * metrics.lineSpacing() + 4
    finally:
        long.close_canvas()
    plain = AnimationCanvas(scenario, SIZE)
    try:
        assert plain.caption.isHidden()
    finally:
        plain.close_canvas()


def test_the_map_and_energy_views_beside_the_panes_are_the_windows(qtbot):
    """Export with the (α, μ) map and the energy / phase views beside the panes: the map
    is the window's map dock's (same cells, same marker), the energy curves follow the
    frame's step, and frames by parts (the views repainted whole) equal whole grabs."""
    from app.model.analysis import pane_energies
    from app.qt.main_window import MainWindow

    scenario = default_scenario()
    window = MainWindow(scenario)
    qtbot.addWidget(window)
    window.show()
    window.qactions["map"].trigger()
    panel = window.docks.parameter_map
    panel.wait()
    assert panel.latest.alphas.size == 160
    steps = [0, 1, 2, 60, 61, 5]
    fast = AnimationCanvas(scenario, (900, 420), include_loss=True, views=("map", "energy"))
    try:
        np.testing.assert_array_equal(fast.side.map.result.values, panel.latest.values)
        assert fast.side.map.marker.getData()[0][0] == panel.plot.marker.getData()[0][0]
        frames = [fast.render(step) for step in steps]
        x, y = fast.side.physics._curves[(1, "total")].getData()
        assert x[-1] == 5
        np.testing.assert_allclose(10 ** y, pane_energies(fast.run, 1, 5)["total"][1:])
    finally:
        fast.close_canvas()
        window.controller.shutdown()
        panel.shutdown()
    slow = AnimationCanvas(scenario, (900, 420), include_loss=True, views=("map", "energy"))
    try:
        for step, frame in zip(steps, frames):
            np.testing.assert_array_equal(frame, slow.render_whole(step), err_msg=f"step {step}")
    finally:
        slow.close_canvas()


def test_the_window_exports_the_docks_it_shows_and_refuses_unknown_views(qtbot, tmp_path):
    from app.qt.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.docks.export_views()["views"] == ()
    window.show()
    window.qactions["energy"].trigger()
    window.qactions["map"].trigger()
    chosen = window.docks.export_views()
    assert chosen["views"] == ("map", "energy") and chosen["map_steps"] == 1000
    window.controller.shutdown()
    window.docks.parameter_map.shutdown()
    with pytest.raises(ExportError, match="'map' and 'energy' beside its panes, not '3d'"):
        ExportPlan(str(tmp_path / "a.gif"), frames=3, views=("3d",)).validate()


def test_the_command_line_exports_the_views_beside_the_panes(tmp_path):
    out = tmp_path / "views.png"
    result = cli("export", "--out", str(out), "--frames", "2", "--size", "900x420", "--map",
                 "--energy", "--background", "dark")
    assert result.returncode == 0, result.stderr
    frames = sorted((tmp_path / "views").iterdir())
    assert len(frames) == 2
    picture = iio.imread(frames[1])
    assert picture.shape == (420, 900, 3)
    # The right third holds the map: viridis and the map's greys and dark reds, not the
    # dark surround alone.
    assert len(np.unique(picture[:, 620:].reshape(-1, 3), axis=0)) > 200
