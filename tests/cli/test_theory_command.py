"""``momentum-lab theory``: its numbers are the iteration matrices' own."""

import json

import numpy as np
import pytest

from physics import iteration
from tests.helpers import cli, one_line_error


def _report(*args):
    result = cli("theory", *args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("rule", ["sgd", "momentum", "nesterov"])
def test_rates_are_the_spectral_radii_of_the_rules_iteration_matrices(rule):
    doc = _report("--landscape", "ravine", "--optimizer", rule, "--alpha", "0.012", "--mu", "0.8")
    mu = 0.0 if rule == "sgd" else 0.8
    assert doc["at"] == [0.0, 0.0] and [d["curvature"] for d in doc["directions"]] == [1.0, 100.0]
    for d in doc["directions"]:
        m = iteration.iteration_matrix(rule, 0.012, mu, d["curvature"])
        assert d["rate"] == pytest.approx(max(abs(np.linalg.eigvals(m))), rel=1e-12)
        assert d["regime"] in iteration.REGIMES
    assert doc["rate"] == max(d["rate"] for d in doc["directions"])
    assert doc["alpha_max"] == pytest.approx(float(iteration.stability_edge(rule, mu, 100.0)))
    assert set(doc["optimum"]) == {"alpha", "mu", "rate"}
    assert set(doc["physics"]) == {"friction", "viscosity", "effective_step", "half_life"}


def test_nesterov_gets_its_own_edge_and_optimum_not_heavy_balls():
    nesterov = _report("--optimizer", "nesterov", "--alpha", "0.018", "--mu", "0.9")
    heavy = _report("--optimizer", "momentum", "--alpha", "0.018", "--mu", "0.9")
    assert nesterov["rate"] > 1 > heavy["rate"]          # diverges where heavy ball does not
    assert nesterov["alpha_max"] == pytest.approx(0.013571, rel=1e-4)
    assert nesterov["optimum"]["alpha"] == pytest.approx(4 / 301, rel=1e-4)
    assert heavy["optimum"]["alpha"] == pytest.approx(4 / 121)


def test_a_saddle_point_repels_and_has_no_optimum():
    doc = _report("--landscape", "saddle", "--at", "0,0")
    assert [d["regime"] for d in doc["directions"]][0] == "repelling"
    assert doc["optimum"] is None and doc["rate"] > 1
    text = cli("theory", "--landscape", "saddle", "--at=0,0").stdout
    assert "no optimum: the point is not a minimum" in text


@pytest.mark.parametrize("args, fragment", [
    (["--optimizer", "adam"], "adam has no quadratic theory"),
    (["--landscape", "saddle"], "give the point with --at"),
    (["--alpha", "-1"], "alpha must be > 0"),
    (["--mu", "2"], "mu must be in [0, 1]"),
    (["--at", "1"], "at must be X,Y"),
    (["--format", "xml"], "unknown format"),
    (["--landscape", "everest"], "unknown landscape"),
])
def test_bad_input_is_one_line(args, fragment):
    result = cli("theory", *args)
    assert fragment in one_line_error(result) and result.stdout == ""
