"""The (α, μ) map: cells are real runs, theory's curves sit where the runs change behaviour."""

import os
import subprocess
import sys

import numpy as np
import pytest

from optimizers import OptimizerSettings
from physics import theory
from physics.builtins import builtin
from physics.simulation import Comparison
from physics.sweep import SweepError, SweepGrid, run_sweep, theory_overlay

RAVINE = builtin("ravine")


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True,
                          timeout=300, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


@pytest.mark.parametrize("name, measure", [("ravine", "steps-to-tol"), ("rosenbrock", "final-loss"),
                                           ("himmelblau", "divergence")])
def test_every_cell_equals_a_single_run(name, measure):
    landscape = builtin(name)
    grid = SweepGrid((landscape.alpha / 20, landscape.alpha * 4), (0.0, 0.99), 7, 6)
    result = run_sweep(landscape, landscape.start, grid, 600, measure)
    for i in (0, 2, 5):
        for j in (0, 3, 6):
            alpha, mu = float(result.alphas[j]), float(result.mus[i])
            single = Comparison(landscape, [OptimizerSettings("momentum", alpha=alpha, mu=mu)],
                                landscape.start)
            single.ensure(600)
            assert result.converged_at[i, j] == single.converged_at[0, 0]
            assert result.diverged_at[i, j] == single.diverged_at[0, 0]
            if measure == "final-loss" and single.diverged_at[0, 0] < 0:
                assert result.values[i, j] == single.loss(600)[0, 0]


def test_cli_csv_cells_agree_with_momentum_lab_run(tmp_path):
    out = tmp_path / "map.csv"
    result = cli("sweep", "--landscape", "ravine", "--grid", "4x3", "--steps", "1500",
                 "--alpha-range", "0.005:0.05", "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = [line.split(",") for line in out.read_text().splitlines()[1:]]
    assert len(rows) == 12
    alpha, mu, value = rows[5]
    run = cli("run", "--landscape", "ravine", "--alpha", alpha, "--mu", mu, "--steps", "1500")
    if value == "inf":
        assert run.stderr.startswith("diverged at step")
    elif value == "":
        assert run.stderr == ""
    else:
        assert run.stderr.strip() == f"converged at step {value}"
    assert any(r[2] == "inf" for r in rows)      # the largest α diverges


def test_divergence_edge_is_where_theory_puts_it():
    grid = SweepGrid((0.005, 0.08), (0.0, 0.99), 60, 40)
    result = run_sweep(RAVINE, RAVINE.start, grid, 3000, "divergence")
    overlay = theory_overlay(RAVINE, result.alphas)
    a, m = np.meshgrid(result.alphas, result.mus)
    edge = 2 * (1 + m) / 100.0                       # α λmax = 2(1 + μ), λmax = 100
    diverged = result.diverged_at >= 0
    assert np.all(diverged[a > edge * 1.03])
    assert not np.any(diverged[a < edge * 0.97])
    np.testing.assert_allclose(overlay.stability_mu, result.alphas * 100 / 2 - 1)


def test_fastest_cell_is_near_theorys_optimum_with_its_rate():
    grid = SweepGrid((0.005, 0.05), (0.3, 0.95), 80, 80)
    result = run_sweep(RAVINE, RAVINE.start, grid, 3000)
    alpha, mu, steps = result.best()
    a_star, mu_star, rate = theory_overlay(RAVINE, result.alphas).optimum
    assert alpha == pytest.approx(a_star, rel=0.1)
    assert mu == pytest.approx(mu_star, abs=0.05)
    # The measured rate at theory's optimum is the predicted (√κ − 1)/(√κ + 1) = 9/11.
    c = Comparison(RAVINE, [OptimizerSettings("momentum", alpha=a_star, mu=mu_star)], (1.0, 1.0))
    c.ensure(800)
    distances = np.linalg.norm(c.trail(800)[:, 0, 0], axis=-1)
    assert theory.measured_rate(distances, skip=200, window=50) == pytest.approx(rate, rel=5e-3)


def test_no_theory_overlay_off_quadratics():
    assert theory_overlay(builtin("rosenbrock"), [0.001]) is None
    assert theory_overlay(builtin("saddle"), [0.001]) is None      # not positive definite
    assert theory_overlay(builtin("rotated"), [0.001]) is not None


@pytest.mark.parametrize("grid, message", [
    (SweepGrid((0.1, 0.01), (0, 0.9), 5, 5), "alpha range"),
    (SweepGrid((0.0, 0.01), (0, 0.9), 5, 5), "alpha range"),
    (SweepGrid((0.001, 0.01), (0.5, 0.2), 5, 5), "mu range"),
    (SweepGrid((0.001, 0.01), (0, 1.2), 5, 5), "mu range"),
    (SweepGrid((0.001, 0.01), (0, 0.9), 0, 5), "at least"),
    (SweepGrid((0.001, 0.01), (0, 0.9), 2000, 2000), "more than"),
])
def test_bad_grids_are_refused(grid, message):
    with pytest.raises(SweepError, match=message):
        run_sweep(RAVINE, RAVINE.start, grid, 10)


@pytest.mark.parametrize("args, fragment", [
    (["--grid", "0x10"], "at least 2x2"),
    (["--grid", "3000x3000"], "1,000,000"),
    (["--grid", "ten"], "NxM"),
    (["--alpha-range", "0.1:0.01"], "alpha range"),
    (["--alpha-range", "x"], "LOW:HIGH"),
    (["--mu-range", "0:2"], "mu range"),
    (["--optimizer", "adam"], "momentum or nesterov"),
    (["--landscape", "x.__class__"], "landscape"),
    (["--steps", "0"], "steps"),
    (["--tol", "-1"], "tol"),
])
def test_sweep_cli_bad_input_one_line(tmp_path, args, fragment):
    result = cli("sweep", "--out", str(tmp_path / "m.csv"), *args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_sweep_png_is_the_panel_picture(tmp_path):
    out = tmp_path / "map.png"
    result = cli("sweep", "--grid", "40x30", "--steps", "800", "--out", str(out))
    assert result.returncode == 0, result.stderr
    import imageio.v3 as iio
    image = iio.imread(out)
    assert image.shape[0] > 300 and image.shape[1] > 300
    assert len(np.unique(image.reshape(-1, image.shape[-1]) // 32, axis=0)) > 10
