"""The scenarios that ship with Momentum Lab (``resources/scenarios/NAME.toml``).

Radford's three races of six update schemes (Beale's function, a long valley, a saddle
point), the same runs as lesson 6's steps, and the lecture's training loop on a real
network (minibatch SGD against momentum). The window lists them under File ▸ Example;
the command line takes a name where it takes a scenario file
(``momentum-lab export --scenario radford-beale --out six.mp4``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .scenario import Scenario
from .scenario_file import load_scenario

#: The shipped examples, in the order the menu lists them.
EXAMPLES = ("radford-beale", "radford-long-valley", "radford-saddle", "network-minibatch")


def example_path(name: str) -> Path:
    """Where the shipped example ``name`` is (package data of ``resources``)."""
    return Path(str(resources.files("resources") / "scenarios" / f"{name}.toml"))


def load_scenario_or_example(path_or_name: str) -> Scenario:
    """The scenario file at ``path_or_name`` — or, when no such file exists and the text
    is an example's name, that example. A file always wins: a scenario the user saved as
    ``radford-beale`` in the current folder is theirs."""
    if not Path(path_or_name).exists() and path_or_name.strip().lower() in EXAMPLES:
        return load_scenario(example_path(path_or_name.strip().lower()))
    return load_scenario(path_or_name)
