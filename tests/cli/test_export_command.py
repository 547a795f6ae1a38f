"""``momentum-lab export``: every bad input is one line, exit 2, and nothing is written."""

import pytest

from tests.helpers import cli, one_line_error


@pytest.mark.parametrize("args, fragment", [
    (["--out", "/nonexistent-dir/a.mp4"], "does not exist"),
    (["--out", "{tmp}/a.avi"], "unknown animation format"),
    (["--out", "{tmp}/a.mp4", "--frames", "0"], "frames"),
    (["--out", "{tmp}/a.mp4", "--frames", "-3"], "frames"),
    (["--out", "{tmp}/a.mp4", "--size", "50x50"], "out of range"),
    (["--out", "{tmp}/a.mp4", "--size", "100000x100000"], "out of range"),
    (["--out", "{tmp}/a.mp4", "--size", "big"], "WIDTHxHEIGHT"),
    (["--out", "{tmp}/a.mp4", "--fps", "0"], "fps"),
    (["--out", "{tmp}/a.mp4", "--scenario", "{tmp}/broken.toml"], "broken.toml"),
    (["--out", "{tmp}/a.mp4", "--mu", "3"], "mu"),
    (["--out", "{tmp}/a.mp4", "--landscape", "__import__('os')"], "landscape"),
    (["--out", "{tmp}/a.mp4", "--optimizer", "sgd", "--optimizer", "lion"], "unknown optimizer 'lion'"),
    (["--out", "{tmp}/a.mp4", "--optimizer", "sgd", "--optimizer", "adam", "--alpha", "0.1",
      "--alpha", "0.2", "--alpha", "0.3"], "once per pane (2), got 3"),
    (["--out", "{tmp}/a.mp4", *["--optimizer", "sgd"] * 7], "at most 6 panes"),
    (["--out", "{tmp}/a.mp4", "--scenario", "radford-nowhere"], "radford-nowhere"),
    (["--out", "{tmp}/a.mp4", "--seeds", "0"], "seeds must be a whole number between 1 and 256"),
    (["--out", "{tmp}/a.mp4", "--seeds", "300"], "seeds must be a whole number between 1 and 256"),
    (["--out", "{tmp}/a.mp4", "--seeds", "many"], "seeds"),
    (["--out", "{tmp}/a.mp4", "--noise", "-1"], "sigma"),
    (["--out", "{tmp}/a.mp4", "--batch-size", "8"], "batch size applies only"),
    (["--out", "{tmp}/a.mp4", "--seeds", "4", "--swarm"], "swarm mode or many seeds, not both"),
    (["--out", "{tmp}/a.mp4", "--background", "purple"], "invalid choice: 'purple'"),
    (["--out", "{tmp}/a.mp4", "--lesson", "nope"], "no lesson called 'nope'"),
    (["--out", "{tmp}/a.mp4", "--lesson", "sgd-zigzag", "--lesson-step", "0"],
     "lesson step must be between 1 and 5, got '0'"),
    (["--out", "{tmp}/a.mp4", "--lesson", "sgd-zigzag", "--scenario", "radford-beale"],
     "--scenario or --lesson, not both"),
])
def test_cli_errors_are_one_line_exit_2_and_write_nothing(tmp_path, args, fragment):
    (tmp_path / "broken.toml").write_text("format = 1\nlandscape = [1, 2\n")
    result = cli("export", *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert fragment in one_line_error(result)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.toml"]


def test_optimizers_and_per_pane_alphas_and_mus_make_the_panes():
    from app.cli.export import scenario_from_args
    from app.cli.parser import build_parser

    def panes(*argv):
        args = build_parser().parse_args(["export", "--out", "x.mp4", *argv])
        return [(p.name, p.alpha, p.mu) for p in scenario_from_args(args).panes]

    assert panes("--optimizer", "sgd", "--optimizer", "momentum", "--optimizer", "adadelta",
                 "--alpha", "0.01", "--alpha", "0.02", "--alpha", "1", "--mu", "0", "--mu", "0.5",
                 "--mu", "0") == [("sgd", 0.01, 0.9), ("momentum", 0.02, 0.5), ("adadelta", 1.0, 0.9)]
    # One α for every pane; without one, each rule gets the landscape's suggestion.
    assert [a for _, a, _ in panes("--optimizer", "sgd", "--optimizer", "nesterov",
                                   "--alpha", "0.005")] == [0.005, 0.005]
    assert panes("--landscape", "beale", "--optimizer", "adam", "--optimizer", "adadelta") == [
        ("adam", 0.05, 0.9), ("adadelta", 1.0, 0.9)]
    # A shipped example by name; the flags still apply to it.
    assert [n for n, _, _ in panes("--scenario", "radford-beale")] == [
        "sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop"]


def test_a_new_landscape_takes_its_suggested_alpha_as_the_window_does():
    """Before: `export --landscape himmelblau` kept the default scenario's α = 0.018 (the
    ravine's), and momentum diverged in the export where the window's did not."""
    from app.cli.export import scenario_from_args
    from app.cli.parser import build_parser
    from app.model.scenario import default_scenario
    from app.model.workspace import Workspace

    def panes(*argv):
        args = build_parser().parse_args(["export", "--out", "x.mp4", *argv])
        return scenario_from_args(args).panes

    window = Workspace(default_scenario())
    window.change(landscape="himmelblau", start=None, domain=None)
    assert panes("--landscape", "himmelblau") == window.scenario.panes
    assert [p.alpha for p in panes("--landscape", "himmelblau")] == [0.005, 0.005]
    assert [p.alpha for p in panes("--landscape", "himmelblau", "--alpha", "0.02")] == [0.02, 0.02]


def test_noise_batches_and_many_seeds_come_from_the_flags():
    from app.cli.export import scenario_from_args
    from app.cli.parser import build_parser

    def scenario(*argv):
        return scenario_from_args(build_parser().parse_args(["export", "--out", "x.mp4", *argv]))

    s = scenario("--noise", "0.5", "--seeds", "32")
    assert (s.sigma, s.seeds, s.batch_size) == (0.5, 32, None)
    s = scenario("--landscape", "network", "--batch-size", "8", "--seeds", "4")
    assert (s.batch_size, s.seeds) == (8, 4)
    assert scenario().seeds is None


def test_a_lessons_step_exports_with_its_scenario_title_and_caption(monkeypatch):
    from app.cli.export import scenario_from_args
    from app.cli.parser import build_parser
    from app.model.lesson_library import find_lesson

    lesson = find_lesson("newton-momentum")

    def exported(*argv):
        args = build_parser().parse_args(["export", "--out", "x.mp4", *argv])
        return scenario_from_args(args, with_caption=True)

    monkeypatch.setenv("LANG", "en_US.UTF-8")
    scenario, caption = exported("--lesson", "newton-momentum", "--lesson-step", "2")
    assert scenario == lesson.scenario_at(1, "en") and caption == lesson.steps[1].caption.in_("en")
    assert scenario.title == lesson.title.in_("en")
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    scenario, caption = exported("--lesson", "newton-momentum")
    assert caption == lesson.steps[0].caption.in_("pt") and scenario.title == lesson.title.in_("pt")
