"""``momentum-lab run`` and ``momentum-lab landscapes``, driven through a subprocess as a user would."""

import json
import os

import numpy as np
import pytest

from optimizers import OptimizerSettings, make
from physics.builtins import builtin
from tests.helpers import cli, one_line_error
from tests.helpers import csv_rows as _rows
from tests.helpers import seed_rule as _seed_rule


def test_run_prints_the_seed_rule_trajectory_as_csv():
    result = cli("run", "--landscape", "ravine", "--optimizer", "momentum", "--alpha", "0.018",
                 "--mu", "0.9", "--start=-4.5,1", "--steps", "50")
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert list(rows[0])[:4] == ["step", "x", "y", "loss"]
    assert len(rows) == 51 and rows[0]["step"] == "0" and rows[-1]["step"] == "50"
    xy = np.array([[float(r["x"]), float(r["y"])] for r in rows])
    np.testing.assert_array_equal(xy, _seed_rule(builtin("ravine"), 0.018, 0.9, (-4.5, 1), 50))
    p = np.array([[float(r["p_x"]), float(r["p_y"])] for r in rows])
    np.testing.assert_allclose(p[1:], np.diff(xy, axis=0), rtol=1e-12, atol=1e-15)
    assert float(rows[1]["kinetic"]) == pytest.approx(0.5 * np.sum(p[1] ** 2))


def test_negative_start_with_a_space_and_the_torch_style_aliases():
    result = cli("run", "--landscape", "rosenbrock", "--optimizer", "nesterov", "--lr", "0.001",
                 "--momentum", "0.9", "--start", "-1.5,2", "--steps", "3")
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert (float(rows[0]["x"]), float(rows[0]["y"])) == (-1.5, 2.0)


def test_json_carries_rows_settings_and_physics(tmp_path):
    out = tmp_path / "run.json"
    result = cli("run", "--landscape", "ravine", "--alpha", "0.01", "--mu", "0.9", "--steps", "20",
                 "--out", str(out), "--mapping", "qian")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    doc = json.loads(out.read_text())
    assert doc["settings"]["optimizer"] == "momentum" and doc["settings"]["mu"] == 0.9
    assert doc["physics"]["mass"] == 90 and doc["physics"]["drag"] == 10
    assert doc["physics"]["effective_step"] == pytest.approx(0.1)
    assert len(doc["rows"]) == 21 and doc["rows"][5]["step"] == 5


def test_adam_matches_the_pure_optimizer():
    result = cli("run", "--landscape", "beale", "--optimizer", "adam", "--alpha", "0.05",
                 "--beta1", "0.8", "--beta2", "0.99", "--start", "1,1", "--steps", "30")
    assert result.returncode == 0, result.stderr
    landscape = builtin("beale")
    opt = make(OptimizerSettings("adam", alpha=0.05, beta1=0.8, beta2=0.99))
    w = np.array([1.0, 1.0])
    state = opt.init(w)
    for _ in range(30):
        step, state = opt.update(landscape.grad(w), state, w)
        w = w + step
    last = _rows(result.stdout)[-1]
    assert (float(last["x"]), float(last["y"])) == tuple(w)


def test_noise_and_minibatches_are_reproducible_by_seed():
    args = ("run", "--landscape", "regression", "--optimizer", "sgd", "--steps", "40",
            "--batch-size", "8", "--noise", "0.1")
    a, b, c = cli(*args, "--seed", "1"), cli(*args, "--seed", "1"), cli(*args, "--seed", "2")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout != c.stdout


def test_typed_expression_landscape():
    result = cli("run", "--landscape", "0.5*(x**2 + 100*y**2)", "--optimizer", "momentum",
                 "--alpha", "0.018", "--mu", "0.9", "--start=-4.5,1", "--steps", "50")
    assert result.returncode == 0, result.stderr
    builtin_run = cli("run", "--landscape", "ravine", "--alpha", "0.018", "--mu", "0.9",
                      "--start=-4.5,1", "--steps", "50")
    xy = lambda text: [(r["x"], r["y"]) for r in _rows(text)]  # noqa: E731
    assert xy(result.stdout) == xy(builtin_run.stdout)


def test_divergence_prints_rows_up_to_it_and_says_so():
    result = cli("run", "--landscape", "ravine", "--optimizer", "sgd", "--alpha", "0.05",
                 "--steps", "500")
    assert result.returncode == 0
    rows = _rows(result.stdout)
    k = int(result.stderr.strip().rsplit(" ", 1)[1])
    assert result.stderr.strip() == f"diverged at step {k}"
    assert len(rows) == k and all(np.isfinite(float(r["x"])) for r in rows)


@pytest.mark.parametrize("args, names", [
    (["--mu", "1.5"], "mu"),
    (["--mu", "-0.1"], "mu"),
    (["--alpha", "0"], "alpha"),
    (["--alpha", "-1"], "alpha"),
    (["--alpha", "nan"], "alpha"),
    (["--alpha", "inf"], "alpha"),
    (["--alpha", "fast"], "alpha"),
    (["--steps", "0"], "steps"),
    (["--steps", "ten"], "steps"),
    (["--start", "1"], "start"),
    (["--start", "1,2,3"], "start"),
    (["--start", "a,b"], "start"),
    (["--optimizer", "lbfgs"], "lbfgs"),
    (["--landscape", "everest"], "everest"),
    (["--format", "xml"], "xml"),
    (["--landscape", "__import__('os').system('echo pwned')"], "landscape"),
    (["--landscape", "x.__class__"], "landscape"),
    (["--landscape", "lambda: 1"], "landscape"),
    (["--landscape", "9**9**9"], "landscape"),
    (["--landscape", "x**"], "landscape"),
    (["--landscape", "open('f')"], "open"),
    (["--batch-size", "4"], "regression"),
    (["--noise", "-1"], "sigma"),
    (["--mu-schedule", "ramp:0.5"], "schedule"),
    (["--out", "/nonexistent-folder/run.csv"], "nonexistent-folder"),
])
def test_bad_input_exits_2_with_one_line(args, names):
    result = cli("run", "--steps", "5", *args)
    assert names in one_line_error(result) and result.stdout == ""


def test_unwritable_output_leaves_nothing_behind(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "run.csv"
    target.write_text("precious")
    folder.chmod(0o500)
    try:
        result = cli("run", "--steps", "5", "--out", str(target))
        if os.geteuid() != 0:   # root may write anyway
            assert result.returncode == 2 and "cannot write" in result.stderr
            assert target.read_text() == "precious"
            assert [p.name for p in folder.iterdir()] == ["run.csv"]
    finally:
        folder.chmod(0o700)


def test_landscapes_lists_every_builtin_with_formula_domain_and_minima():
    result = cli("landscapes")
    assert result.returncode == 0
    for name in ("ravine", "rosenbrock", "himmelblau", "two-gaussian", "regression"):
        assert name in result.stdout
    assert "(1 − x)² + 100(y − x²)²" in result.stdout
    assert "minima (1, 1)" in result.stdout


def test_help_and_missing_command():
    assert cli("run", "--help").returncode == 0
    result = cli("frobnicate")
    one_line_error(result)


def test_rows_carry_the_alpha_and_mu_that_produced_them():
    result = cli("run", "--steps", "250", "--mu", "0.99", "--mu-schedule", "ramp:0.5:0.99:200",
                 "--alpha-schedule", "step:0.5:100")
    rows = _rows(result.stdout)
    assert list(rows[0])[-2:] == ["alpha", "mu"]
    assert rows[0]["alpha"] == rows[0]["mu"] == ""              # no step produced row 0
    assert (float(rows[1]["alpha"]), float(rows[1]["mu"])) == (0.018, 0.5)   # step 0 → 1
    assert float(rows[101]["alpha"]) == 0.009                   # the step from 100 halved α
    assert float(rows[201]["mu"]) == 0.99 and float(rows[101]["mu"]) == pytest.approx(0.745)
    doc = json.loads(cli("run", "--steps", "2", "--optimizer", "adam", "--format", "json").stdout)
    assert doc["rows"][0]["alpha"] is None
    assert doc["rows"][1]["alpha"] == builtin("ravine").adaptive_alpha
    assert doc["rows"][1]["mu"] is None                         # Adam has no μ


@pytest.mark.parametrize("args, outcome, at, words", [
    (["--landscape", "saddle", "--optimizer", "sgd", "--alpha", "0.05", "--start=-1.8,1e-14",
      "--steps", "600"], "left-domain", 377, "left the domain at step 377, still descending"),
    (["--landscape", "1 - exp(-(x**2 + y**2))", "--start", "4.5,4.5", "--steps", "100"],
     "stalled", 0, "stalled at step 0: the gradient vanished on a plateau"),
    (["--landscape", "saddle", "--start=-1e-7,1e-14", "--steps", "5"],
     "stalled", 0, "stalled at step 0: the gradient vanished at a saddle"),
    (["--steps", "1000"], "converged", 280, "converged at step 280"),
    (["--steps", "100"], "running", None, "still running after 100 steps"),
    (["--optimizer", "sgd", "--alpha", "0.05", "--steps", "500"], "diverged", None,
     "diverged at step"),
])
def test_every_run_has_one_outcome_in_json_and_in_words(args, outcome, at, words, tmp_path):
    out = tmp_path / "run.json"
    result = cli("run", *args, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().startswith(words)
    doc = json.loads(out.read_text())
    assert doc["outcome"] == outcome
    if at is not None:
        assert doc["outcome_at"] == at
    if outcome != "converged":
        assert doc["converged_at"] is None
    assert doc[{"left-domain": "left_domain_at", "diverged": "diverged_at"}.get(
        outcome, "converged_at")] == (doc["outcome_at"] if outcome != "stalled" else None)


@pytest.mark.parametrize("landscape, start", [("log(x)+y**2", "-1,1"), ("1/x+y**2", "0,1"),
                                              ("ravine", "1e308,1e308")])
def test_a_start_where_the_landscape_is_undefined_is_one_line(landscape, start):
    result = cli("run", "--landscape", landscape, f"--start={start}", "--steps", "5")
    assert "not defined at the start" in one_line_error(result) and result.stdout == ""
