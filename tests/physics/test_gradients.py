"""The gradient sources' settings: what a seed may be, checked where every path meets."""

import pytest

from physics.builtins import builtin
from physics.gradients import GradientSettingsError, NoisyGradient, make_gradient_source
from physics.limits import MAX_SEED
from tests.helpers import cli, one_line_error


def test_the_largest_seed_the_window_can_show_is_accepted():
    source = make_gradient_source(builtin("ravine"), sigma=0.5, seed=MAX_SEED)
    assert isinstance(source, NoisyGradient) and source.seed == MAX_SEED


@pytest.mark.parametrize("seed", [MAX_SEED + 1, 2**63 - 1, 2**70,
                                  pytest.param(10**400, id="10**400")])
def test_a_seed_past_the_cap_is_refused_in_one_line(seed):
    with pytest.raises(GradientSettingsError) as caught:
        make_gradient_source(builtin("ravine"), sigma=0.5, seed=seed)
    message = str(caught.value)
    assert f"between 0 and {MAX_SEED}" in message and "\n" not in message
    assert len(message) < 200          # a 400-digit seed is cut, not quoted whole


def test_the_command_line_refuses_the_same_seeds():
    result = cli("run", "--steps", "5", "--noise", "0.1", "--seed", str(MAX_SEED + 1))
    assert f"seed must be a whole number between 0 and {MAX_SEED}, got {MAX_SEED + 1}" \
        in one_line_error(result)
