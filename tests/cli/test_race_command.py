"""``momentum-lab race``: many seeds of the same noise, every seed a `run`, compared fairly."""

import json

import numpy as np
import pytest

from tests.helpers import cli, csv_rows, one_line_error

RACE = ("race", "--landscape", "ravine", "--optimizer", "sgd", "--optimizer", "momentum",
        "--alpha", "0.018", "--noise", "0.5", "--seeds", "8", "--steps", "300")


def _json(*args):
    result = cli(*RACE, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_seed_k_of_a_race_is_run_seed_k_exactly():
    race = _json()
    assert [o["name"] for o in race["optimizers"]] == ["sgd", "momentum"]
    for k in (0, 5):
        for pane, name in enumerate(("sgd", "momentum")):
            run = cli("run", "--landscape", "ravine", "--optimizer", name, "--alpha", "0.018",
                      "--noise", "0.5", "--seed", str(k), "--steps", "300")
            assert run.returncode == 0, run.stderr
            rows = csv_rows(run.stdout)
            assert float(rows[300]["loss"]) == race["per_seed"][k]["final_loss"][pane]
            tol = race["tol"]
            losses = np.array([float(r["loss"]) for r in rows])   # L_min = 0 on the ravine
            reached = np.flatnonzero(losses <= tol)
            assert race["per_seed"][k]["steps_to_tol"][pane] == (int(reached[0]) if len(reached)
                                                                 else None)


def test_the_summary_is_the_medians_quartiles_and_paired_counts_of_the_seeds():
    race = _json()
    for pane, optimizer in enumerate(race["optimizers"]):
        finals = sorted(s["final_loss"][pane] for s in race["per_seed"])
        assert optimizer["final_loss"]["median"] == pytest.approx(np.median(finals), rel=1e-12)
        assert optimizer["final_loss"]["q1"] == pytest.approx(np.percentile(finals, 25), rel=1e-12)
        assert optimizer["final_loss"]["q3"] == pytest.approx(np.percentile(finals, 75), rel=1e-12)
    (pair,) = race["pairs"]
    wins = sum(s["final_loss"][0] < s["final_loss"][1] for s in race["per_seed"])
    first = pair["a_lower_final_loss"]
    assert first["wins"] == wins and first["wins"] + first["losses"] + first["ties"] == 8
    low, high = first["ci95"]
    assert 0 <= low <= first["fraction"] <= high <= 1
    # Momentum reaches the tolerance before SGD on every seed here: SGD "loses" all 8;
    # and SGD, with the smaller noise floor, ends lower on all 8.
    assert pair["a_first_to_tol"]["wins"] == 0 and pair["a_first_to_tol"]["losses"] == 8
    assert first["wins"] == 8


def test_text_and_csv_say_the_same_race():
    text = cli(*RACE)
    assert text.returncode == 0, text.stderr
    assert "8 seeds (0–7)" in text.stdout
    assert "SGD  α=0.018 against Momentum  α=0.018  μ=0.9" in text.stdout
    # Momentum gets there first on every seed, and SGD ends lower on every seed: the
    # larger noise floor of momentum's effective step α/(1 − μ).
    assert "reached the tolerance first on 0 of 8 seeds" in text.stdout
    assert "ended lower on 8 of 8 seeds" in text.stdout
    rows = csv_rows(cli(*RACE, "--format", "csv").stdout)
    assert len(rows) == 16 and {r["optimizer"] for r in rows} == {"sgd", "momentum"}
    race = _json()
    assert float(rows[3]["final_loss"]) == race["per_seed"][1]["final_loss"][1]


def test_minibatches_race_on_the_network():
    result = cli("race", "--landscape", "network", "--optimizer", "sgd", "--optimizer", "momentum",
                 "--batch-size", "8", "--seeds", "4", "--steps", "200", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["optimizers"][1]["steps_to_tol"]["reached"] >= 0


@pytest.mark.parametrize("args, fragment", [
    (("race", "--optimizer", "sgd", "--seeds", "4"), "needs noise or minibatches"),
    (("race", "--noise", "0.5"), "at least one --optimizer"),
    (("race", "--optimizer", "sgd", "--noise", "0.5", "--seeds", "0"), "seeds must be"),
    (("race", "--optimizer", "sgd", "--noise", "0.5", "--tol", "-1"), "tol must be > 0"),
    (("race", "--optimizer", "sgd", "--batch-size", "8"), "batch size applies only"),
    (("race", "--optimizer", "sgd", "--noise", "0.5", "--seeds", "10000", "--steps", "100000"),
     "more than"),
    (("race", "--optimizer", "sgd", "--noise", "0.5", "--format", "xml"), "format must be"),
])
def test_bad_races_are_one_line(args, fragment):
    assert fragment in one_line_error(cli(*args))
