"""Scenario files: defaults, exact round trips, and hostile or broken input."""

import numpy as np
import pytest

from app.model.scenario import Scenario, ScenarioError, default_scenario
from app.model.scenario_file import (
    load_scenario,
    save_scenario,
    scenario_from_toml,
    scenario_to_toml,
)
from optimizers.registry import OptimizerSettings as S

ROUND_TRIPS = [
    default_scenario(),
    Scenario(),
    Scenario(sigma=0.5, seeds=32, title="many seeds"),
    Scenario(landscape="rosenbrock", start=(-1.5, 2.25), title="four rules", panes=(
        S("adam", alpha=0.05, beta1=0.85, beta2=0.995, eps=1e-07),
        S("rmsprop", alpha=0.01, beta2=0.9),
        S("nesterov", alpha=0.001, mu=0.95, mu_schedule=("ramp", 0.5, 0.99, 200)),
        S("momentum", alpha=0.001, mu=0.8, alpha_schedule=("cosine", 1000, 1e-05)),
    )),
    Scenario(landscape="x**2 + 10*y^2 - x*y", domain=(-3.0, 2.5, -1e-05, 4.0),
             panes=(S("sgd", alpha=0.04, alpha_schedule=("step", 0.5, 100)),),
             title='say "hi" \\ back\tslash\nnew line é'),
    Scenario(landscape="himmelblau", sigma=1.5, seed=12345, panes=(
        S("sgd", alpha=0.005), S("adagrad", alpha=0.3, eps=1e-09))),
    Scenario(landscape="regression", batch_size=8, seed=3, sigma=0.25,
             panes=(S("sgd", alpha=0.1), S("momentum", alpha=0.1, mu=0.5))),
]


def test_default_scenario_is_the_seed_lecture():
    s = default_scenario()
    assert s.landscape == "ravine" and s.start == (-4.5, 1.0)
    assert [p.name for p in s.panes] == ["sgd", "momentum"]
    assert s.panes[0].alpha == s.panes[1].alpha == 0.018
    assert s.panes[1].mu == 0.9
    assert s.sigma == 0.0 and s.batch_size is None and s.domain is None
    assert Scenario().panes == s.panes and Scenario().resolved_start() == s.start


@pytest.mark.parametrize("scenario", ROUND_TRIPS)
def test_round_trip(scenario):
    text = scenario_to_toml(scenario)
    assert text.startswith("# Momentum Lab scenario\nformat = 1\n")
    assert "inf" not in text.replace("info", "")
    assert scenario_from_toml(text) == scenario


def test_written_layout():
    text = scenario_to_toml(default_scenario())
    assert text == ('# Momentum Lab scenario\nformat = 1\nlandscape = "ravine"\n'
                    "start = [-4.5, 1.0]\nsigma = 0.0\nseed = 0\n\n"
                    '[[pane]]\noptimizer = "sgd"\nalpha = 0.018\n\n'
                    '[[pane]]\noptimizer = "momentum"\nalpha = 0.018\nmu = 0.9\n')


@pytest.mark.parametrize("scenario", ROUND_TRIPS[2:])
def test_save_then_load_gives_the_same_trajectory(scenario, tmp_path):
    path = tmp_path / "lesson.toml"
    save_scenario(scenario, path)
    loaded = load_scenario(path)
    assert loaded == scenario
    a, b = scenario.build_comparison(), loaded.build_comparison()
    assert a.ensure(100) == b.ensure(100)
    for step in range(a.computed_steps + 1):
        assert np.array_equal(a.positions(step), b.positions(step))
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.toml"]


def test_whole_numbers_load_as_floats():
    s = scenario_from_toml('format = 1\nlandscape = "ravine"\nstart = [-4, 1]\nsigma = 0\n'
                           '[[pane]]\noptimizer = "momentum"\nalpha = 1\nmu = 0\n')
    assert s.start == (-4.0, 1.0) and type(s.start[0]) is float
    assert type(s.panes[0].alpha) is float and type(s.sigma) is float


GOOD = 'format = 1\nlandscape = "ravine"\n\n[[pane]]\noptimizer = "sgd"\nalpha = 0.018\n'
BROKEN = [
    ("", "empty"),
    ("format = 1\nlandscape = [\n", "not valid TOML"),
    ("format = 1\nlandscape = = 'ravine'\nseed = 1\n", "(at line 2, column 13)"),
    (GOOD.replace("format = 1\n", ""), "format is missing"),
    (GOOD.replace("format = 1", "format = 2"), "unsupported format 2"),
    (GOOD.replace("format = 1", "format = true"), "unsupported format True"),
    (GOOD.replace("format = 1", "format = 1\nsigam = 0.5"), "unknown key 'sigam'"),
    (GOOD + "alhpa = 1\n", "pane 1: unknown key 'alhpa'"),
    (GOOD.replace('"ravine"', '"everest"'), "unknown landscape 'everest'"),
    (GOOD.replace('"ravine"', "3"), "landscape must be"),
    (GOOD.replace('"ravine"', '"x**2 +"'), "bad landscape expression"),
    (GOOD.replace('"ravine"', '"x**2"\ndomain = [1, 0, -1, 1]'), "domain must be"),
    (GOOD.replace('"ravine"', '"ravine"\ndomain = [-1, 1, -1, 1]'), "domain applies only"),
    (GOOD.replace("format = 1", "format = 1\nstart = [1]"), "start must be [x, y]"),
    (GOOD.replace("format = 1", "format = 1\nstart = 'x'"), "start must be [x, y]"),
    (GOOD.replace("format = 1", 'format = 1\nstart = ["a", "b"]'), "start must be a number"),
    (GOOD.replace("format = 1", "format = 1\nstart = [nan, 1]"), "start must be finite"),
    (GOOD.replace("format = 1", "format = 1\nstart = [true, 1]"), "start must be a number"),
    (GOOD.replace("format = 1", "format = 1\nsigma = -1.0"), "sigma"),
    (GOOD.replace("format = 1", "format = 1\nsigma = inf"), "sigma must be finite"),
    (GOOD.replace("format = 1", "format = 1\nseed = -3"), "seed must be"),
    (GOOD.replace("format = 1", "format = 1\nseed = 1.5"), "seed must be"),
    (GOOD.replace("format = 1", "format = 1\nbatch_size = 4"), "batch size applies only"),
    (GOOD.replace("format = 1", "format = 1\nseeds = 0"),
     "seeds must be a whole number between 1 and 256, got 0"),
    (GOOD.replace("format = 1", "format = 1\nseeds = 257"), "seeds must be a whole number"),
    (GOOD.replace("format = 1", "format = 1\nseeds = 2.5"), "seeds must be a whole number"),
    (GOOD.replace("format = 1", "format = 1\nseeds = 'all'"), "seeds must be a whole number"),
    (GOOD.replace("alpha = 0.018", "alpha = -1"), "pane 1: alpha must be > 0, got -1"),
    (GOOD.replace("alpha = 0.018", 'alpha = "fast"'), "pane 1: alpha must be a number"),
    (GOOD.replace("alpha = 0.018", "alpha = 1e999999"), "pane 1: alpha must be finite"),
    (GOOD.replace("alpha = 0.018", "alpha = 10" + "0" * 400), "pane 1: alpha must be finite"),
    (GOOD.replace("alpha = 0.018\n", ""), "pane 1: alpha is missing"),
    (GOOD.replace('optimizer = "sgd"', 'optimizer = "lbfgs"'),
     "pane 1: unknown optimizer 'lbfgs'"),
    (GOOD + GOOD[GOOD.index("[[pane]]"):].replace("sgd", "momentum") + "mu = 2\n",
     "pane 2: mu must be in [0, 1], got 2"),
    (GOOD.replace("sgd", "momentum") + "mu = true\n", "pane 1: mu must be a number, got True"),
    (GOOD + "mu_schedule = ['ramp', 0.5]\n", "pane 1: mu_schedule must be"),
    (GOOD + "alpha_schedule = ['step', 0.5, 0.5]\n", "pane 1: every in alpha_schedule"),
    (GOOD + "alpha_schedule = ['cosine', 10, 0.5]\n", "pane 1: cosine minimum"),
    (GOOD.replace("[[pane]]", "[pane]"), "panes must be written as [[pane]]"),
    (GOOD[:GOOD.index("[[pane]]")] + "pane = [1]\n", "pane 1: must be a [[pane]] table"),
    (GOOD.replace("format = 1", "format = 1\ntitle = 5"), "title must be text"),
    (GOOD + GOOD[GOOD.index("[[pane]]"):] * 6, "1 to 6 [[pane]] tables, got 7"),
    (GOOD[:GOOD.index("[[pane]]")], "1 to 6 [[pane]] tables, got 0"),
    ("format = 1\nlandscape = " + "[" * 30000, "not valid TOML"),
]


@pytest.mark.parametrize("text, problem", BROKEN)
def test_broken_files_name_the_problem(text, problem, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert message.startswith("broken.toml: ") and "\n" not in message
    assert problem in message, message
    with pytest.raises(ScenarioError):
        scenario_from_toml(text)


def _load_error(path) -> str:
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400
    return message


def test_code_in_the_landscape_is_never_run(tmp_path):
    target = tmp_path / "pwned"
    path = tmp_path / "evil.toml"
    path.write_text(GOOD.replace('"ravine"', f"\"__import__('os').system('touch {target}')\""))
    assert _load_error(path).startswith("evil.toml: bad landscape expression")
    assert not target.exists()


def test_unreadable_files(tmp_path):
    garbage = tmp_path / "garbage.toml"
    garbage.write_bytes(b"format = 1\n\xff\xfe\x00\x81 landscape")
    assert "not UTF-8" in _load_error(garbage)
    huge = tmp_path / "huge.toml"
    huge.write_text(GOOD + "# " + "x" * 1_000_000 + "\n")
    assert _load_error(huge).startswith("huge.toml: scenario file is too large")
    assert _load_error(tmp_path / "nowhere.toml") == "nowhere.toml: no such file"
    assert "is a folder" in _load_error(tmp_path)
    with pytest.raises(ScenarioError, match="too large"):
        scenario_from_toml(GOOD + "#" * 70_000)


def test_a_byte_order_mark_is_fine(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_scenario(path).panes == (S("sgd", alpha=0.018),)


def test_saving_to_a_missing_folder_creates_nothing(tmp_path):
    with pytest.raises(ScenarioError, match="does not exist") as caught:
        save_scenario(default_scenario(), tmp_path / "no" / "such" / "s.toml")
    assert "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_invalid_scenarios_are_refused_before_writing(tmp_path):
    path = tmp_path / "bad.toml"
    for bad, problem in [
        (Scenario(start=(float("nan"), 0.0)), "start must be finite"),
        (Scenario(panes=()), "1 to 6 panes, got 0"),
        (Scenario(panes=(S("sgd", alpha=0.1),) * 7), "1 to 6 panes, got 7"),
        (Scenario(panes=(S("sgd"), S("adam", alpha=0.0))), "pane 2: alpha must be > 0"),
        (Scenario(sigma=float("inf")), "sigma must be finite"),
        (Scenario(seed=True), "seed must be"),
        (Scenario(title="\ud800"), "cannot be saved"),
    ]:
        with pytest.raises(ScenarioError, match=problem.replace("(", r"\(")):
            save_scenario(bad, path)
    assert not path.exists()


def test_build_comparison_passes_noise_and_start():
    s = Scenario(landscape="regression", batch_size=8, seed=5, sigma=0.1, start=(1.0, -1.0))
    c = s.build_comparison(max_history_bytes=1 << 20)
    assert (c.sigma, c.seed, c.batch_size) == (0.1, 5, 8)
    assert np.array_equal(c.positions(0)[:, 0], [[1.0, -1.0], [1.0, -1.0]])


# A loader that accepts what the window's spin boxes cannot show bricks the app: the window
# takes the scenario, a spin box overflows, and the scenario is remembered for next time.
TOO_BIG = [
    ("seed = 2147483648", "seed must be a whole number between 0 and 2147483647, got 2147483648"),
    ("seed = 9223372036854775807", "seed must be a whole number between 0 and 2147483647"),
    ("seed = " + "9" * 400, "seed must be a whole number between 0 and 2147483647, got 999"),
    ("seed = " + "9" * 5000, "not valid TOML: a whole number has more than"),
    ("[[pane]]\noptimizer = 'momentum'\nalpha = 0.1\nmu_schedule = ['ramp', 0.5, 0.9, "
     "9223372036854775807]", "pane 2: steps in mu_schedule must be a whole number between 1 and "
     "1000000, got 9223372036854775807"),
    ("[[pane]]\noptimizer = 'sgd'\nalpha = 0.1\nalpha_schedule = ['step', 0.5, 1000001]",
     "pane 2: every in alpha_schedule must be a whole number between 1 and 1000000, got 1000001"),
    ("[[pane]]\noptimizer = 'sgd'\nalpha = 0.1\nalpha_schedule = ['cosine', " + "9" * 30
     + ", 0.0]", "pane 2: steps in alpha_schedule must be a whole number between 1 and 1000000"),
]


@pytest.mark.parametrize("line, problem", TOO_BIG, ids=(
    "seed 2**31", "seed 2**63-1", "seed 400 digits", "seed 5000 digits", "ramp 2**63-1",
    "step 1000001", "cosine 30 digits"))
def test_numbers_the_window_cannot_show_are_refused_in_one_line(line, problem):
    text = GOOD.replace("format = 1", "format = 1\n" + line) if line.startswith("seed") \
        else GOOD + line + "\n"
    with pytest.raises(ScenarioError) as caught:
        scenario_from_toml(text)
    message = str(caught.value)
    assert problem in message and "\n" not in message and len(message) < 200, message


def test_the_caps_themselves_are_fine():
    s = Scenario(seed=2**31 - 1, sigma=0.1, panes=(
        S("momentum", alpha=0.01, mu_schedule=("ramp", 0.5, 0.9, 1_000_000)),
        S("sgd", alpha=0.01, alpha_schedule=("step", 0.5, 1_000_000)),
        S("sgd", alpha=0.01, alpha_schedule=("cosine", 1_000_000, 0.0))))
    assert scenario_from_toml(scenario_to_toml(s)) == s


@pytest.mark.parametrize("seed", [2**70, -(2**70), 10**5000], ids=("2**70", "-2**70", "10**5000"))
def test_a_huge_integer_from_python_is_a_message_not_an_overflow(seed):
    with pytest.raises(ScenarioError, match="seed must be a whole number between 0 and") as caught:
        Scenario(seed=seed).validate()
    assert len(str(caught.value)) < 200
