"""Validating optimizer settings: every schedule length has the same cap everywhere."""

import pytest

from optimizers.registry import OptimizerSettings, SettingsError, make, validate
from physics.limits import MAX_STEPS
from tests.helpers import cli, one_line_error

HUGE = 2**63 - 1      # the largest TOML integer: a loader once let it through to the spin box

SCHEDULES = [
    ("mu ramp length", dict(name="momentum", mu_schedule=("ramp", 0.5, 0.9, "{}"))),
    ("decay interval", dict(name="sgd", alpha_schedule=("step", 0.5, "{}"))),
    ("cosine length", dict(name="sgd", alpha_schedule=("cosine", "{}", 0.0))),
]


def _settings(fields: dict, steps) -> OptimizerSettings:
    fields = {k: tuple(steps if v == "{}" else v for v in value) if isinstance(value, tuple)
              else value for k, value in fields.items()}
    return OptimizerSettings(alpha=0.01, **fields)


@pytest.mark.parametrize("label, fields", SCHEDULES)
def test_a_schedule_may_be_as_long_as_a_run(label, fields):
    make(_settings(fields, MAX_STEPS))
    make(_settings(fields, 1))


@pytest.mark.parametrize("steps", [0, -5, MAX_STEPS + 1, HUGE, 2**70,
                                   pytest.param(10**400, id="10**400")])
@pytest.mark.parametrize("label, fields", SCHEDULES)
def test_a_schedule_length_out_of_range_is_refused_in_one_line(label, fields, steps):
    with pytest.raises(SettingsError) as caught:
        validate(_settings(fields, steps))
    message = str(caught.value)
    assert message.startswith(f"{label} must be a whole number of steps between 1 and {MAX_STEPS}")
    assert "\n" not in message and len(message) < 200


@pytest.mark.parametrize("steps", [2.5, "200", True, float("inf")])
def test_a_schedule_length_must_be_a_whole_number(steps):
    with pytest.raises(SettingsError, match="cosine length must be a whole number"):
        validate(_settings(SCHEDULES[2][1], steps))


def test_a_huge_integer_hyperparameter_is_a_message_not_an_overflow():
    with pytest.raises(SettingsError, match="alpha must be finite"):
        validate(OptimizerSettings("sgd", alpha=10**400))


@pytest.mark.parametrize("flag, value", [("--alpha-schedule", f"step:0.5:{HUGE}"),
                                         ("--alpha-schedule", f"cosine:{MAX_STEPS + 1}"),
                                         ("--mu-schedule", f"ramp:0.5:0.9:{HUGE}")])
def test_the_command_line_refuses_the_same_lengths(flag, value):
    line = one_line_error(cli("run", "--steps", "5", flag, value))
    assert f"between 1 and {MAX_STEPS}" in line and "got" in line
