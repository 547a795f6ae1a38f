"""The scenarios that ship with Momentum Lab (``resources/scenarios/NAME.toml``).

Radford's three races of six update schemes (Beale's function, a long valley, a saddle
point), the same runs as lesson 6's steps, the lecture's training loop on a real
network (minibatch SGD against momentum), and both again on 32 seeds of their noise or
minibatches (many seeds: one noisy run proves nothing). The window lists them under File ▸ Example;
the command line takes a name where it takes a scenario file
(``momentum-lab export --scenario radford-beale --out six.mp4``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .scenario import Scenario
from .scenario_file import load_scenario
from .translation import translate

#: The shipped examples, in the order the menu lists them.
EXAMPLES = ("radford-beale", "radford-long-valley", "radford-saddle", "network-minibatch",
            "noise-many-seeds", "network-many-seeds")


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


def example_menu_texts() -> dict[str, tuple[str, str]]:
    """Each example's File ▸ menu entry and its tip, in the window's language."""
    radford = translate("actions", "SGD, momentum, NAG, Adagrad, Adadelta and RMSprop side by "
                                   "side: the lecture's “several weight-update schemes”")
    return {
        "radford-beale": (translate("actions", "Example: Radford's six on Beale's function"),
                          radford),
        "radford-long-valley": (translate("actions", "Example: Radford's six in a long valley"),
                                radford),
        "radford-saddle": (translate("actions", "Example: Radford's six at a saddle point"),
                           radford),
        "network-minibatch": (
            translate("actions", "Example: the lecture's loop on a real network"),
            translate("actions", "A tanh unit's two weights trained on minibatches by forward "
                      "and backward passes: SGD and momentum end in mirror-image minima")),
        "noise-many-seeds": (
            translate("actions", "Example: 32 seeds of noise settle at theory's floor"),
            translate("actions", "SGD and momentum under noise on seeds 0–31: the cloud settles "
                      "into theory's ellipse, the loss band onto its floor")),
        "network-many-seeds": (
            translate("actions", "Example: the network on 32 seeds of minibatches"),
            translate("actions", "The network's minibatch race on seeds 0–31: SGD ends in one "
                      "minimum on every seed, momentum's cloud splits between both")),
    }
