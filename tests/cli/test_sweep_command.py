"""``momentum-lab sweep``: CSV cells agree with ``run``, bad input is one line, PNG is the panel."""

import numpy as np
import pytest

from tests.helpers import cli, one_line_error


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
        assert run.stderr.startswith("still running after 1500 steps")
    else:
        assert run.stderr.strip() == f"converged at step {value}"
    assert any(r[2] == "inf" for r in rows)      # the largest α diverges


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
    assert fragment in one_line_error(result)
    assert list(tmp_path.iterdir()) == []


def test_sweep_png_is_the_panel_picture(tmp_path):
    out = tmp_path / "map.png"
    result = cli("sweep", "--grid", "40x30", "--steps", "800", "--out", str(out))
    assert result.returncode == 0, result.stderr
    import imageio.v3 as iio
    image = iio.imread(out)
    assert image.shape[0] > 300 and image.shape[1] > 300
    assert len(np.unique(image.reshape(-1, image.shape[-1]) // 32, axis=0)) > 10
