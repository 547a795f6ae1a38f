"""The workspace: the app's current scenario and run, and every rule that changes them.

What the user does in the window — edit a pane (with or without "same α"), add or
remove a pane, set the start by clicking, pick (α, μ) on the map, switch swarm mode or
many seeds, type a landscape — arrives here as a request. The workspace builds the new scenario,
validates it and builds its run; only if all of that succeeds does it replace the
current state and return an :class:`Update` saying what changed, for the view to show.
A bad request raises :class:`ScenarioError` (one line) and changes nothing.

No Qt: the window (:mod:`app.qt.main_window`) is a thin view over this object.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from optimizers.registry import ADAPTIVE, RADFORD_SIX, USES_MU, OptimizerSettings
from physics.basins import destinations, swarm_starts
from physics.catalog import LandscapeError
from physics.gradients import ExactGradient
from physics.landscape import Landscape
from physics.simulation import Comparison

from . import analysis
from .scenario import MAX_PANES, Scenario, ScenarioError, default_scenario
from .translation import translate

SWARM_SIDE = 32          # swarm mode: 32 × 32 = 1024 balls per pane
SEEDS = 32               # many seeds: seeds 0..31 per pane (as `race --seeds 32`)
#: What "Add pane" brings next: Radford's six, in his order.
NEXT_OPTIMIZERS = RADFORD_SIX


def is_adaptive(name: str) -> bool:
    """Adam's family, RMSprop, Adagrad, Adadelta: α is a step length, not a force (no
    shared α)."""
    return name in ADAPTIVE


def suggested_alpha(landscape: Landscape, name: str) -> float:
    """The landscape's suggested α for a rule (adaptive rules have their own; Adadelta's
    step sets its own units, and torch's α = 1 is the paper's rule)."""
    if name == "adadelta":
        return 1.0
    return landscape.adaptive_alpha if is_adaptive(name) else landscape.alpha


@dataclass(frozen=True)
class Update:
    """What an accepted change did: the new scenario and run, and what the view redraws."""

    scenario: Scenario
    run: Comparison
    landscape_changed: bool
    panes_changed: bool
    notice: str | None = None     # a warning worth a status-bar line


@dataclass(frozen=True)
class MapRequest:
    """What the (α, μ) map computes: the landscape, start and α range of the scenario."""

    landscape: Landscape
    start: tuple[float, float]
    alpha_range: tuple[float, float]
    nesterov: bool
    sigma: float
    seed: int
    marker: tuple[float, float] | None      # the momentum pane's (α, μ)


class Workspace:
    """The scenario on screen, its landscape and run, and the rules that change them."""

    def __init__(self, scenario: Scenario | None = None):
        self.scenario = (scenario or default_scenario()).validate()
        self.landscape = self.scenario.resolved_landscape()
        self.swarm = False
        self.same_alpha = True
        self.run = self.build_run(self.scenario, self.landscape)

    # -- the run ------------------------------------------------------------------------

    def build_run(self, scenario: Scenario, landscape: Landscape) -> Comparison:
        """The scenario's run: one ball per pane (with many seeds, one per seed), or in
        swarm mode a grid of them."""
        if not self.swarm:
            return scenario.build_comparison()
        return Comparison(landscape, scenario.panes, swarm_starts(landscape, SWARM_SIDE),
                          sigma=scenario.sigma, seed=scenario.seed,
                          batch_size=scenario.batch_size)

    def basins(self) -> list | None:
        """Swarm mode: for each pane, the minimum each of its balls ends in; else None."""
        if not self.swarm:
            return None
        s = self.scenario
        return [destinations(self.landscape, settings, self.run.start, sigma=s.sigma,
                             seed=s.seed, batch_size=s.batch_size) for settings in s.panes]

    # -- requests -----------------------------------------------------------------------

    def apply(self, scenario: Scenario, notice: str | None = None) -> Update:
        """Make ``scenario`` current if it validates and runs; else raise ScenarioError."""
        try:
            scenario.validate()
            landscape = scenario.resolved_landscape()
            run = self.build_run(scenario, landscape)
        except (LandscapeError, ValueError) as error:   # ScenarioError is a ValueError
            raise ScenarioError(str(error)) from None
        update = Update(scenario, run,
                        landscape_changed=(landscape.name, landscape.domain)
                        != (self.landscape.name, self.landscape.domain),
                        panes_changed=len(scenario.panes) != len(self.scenario.panes),
                        notice=notice)
        self.scenario, self.landscape, self.run = scenario, landscape, run
        return update

    def change(self, **fields) -> Update:
        """Change scenario fields (``landscape=…``, ``start=…``, ``sigma=…``, …).

        On a new landscape, every pane whose α was the old landscape's suggestion for its
        rule takes the new landscape's (ravine's 0.018 would blow up on Rosenbrock); an α
        the user chose stays.
        """
        candidate = dataclasses.replace(self.scenario, **fields)
        if "landscape" in fields:
            try:
                landscape = candidate.resolved_landscape()
            except ScenarioError:
                landscape = None        # apply() says why, in one line
            if landscape is not None and landscape is not self.landscape:
                panes = tuple(p.with_(alpha=suggested_alpha(landscape, p.name))
                              if p.alpha == suggested_alpha(self.landscape, p.name) else p
                              for p in candidate.panes)
                candidate = dataclasses.replace(candidate, panes=panes)
        return self.apply(candidate)

    def edit_pane(self, index: int, settings: OptimizerSettings) -> Update:
        """Pane ``index`` takes ``settings``.

        "Same α in every pane" shares one α across the SGD family (SGD, momentum,
        Nesterov) — a fair race; the adaptive rules keep their own, since their α is a
        step length, not a force. Switching a pane between the two families gives it the
        α its new rule should have: the family's shared α, or the landscape's suggestion.
        """
        panes = list(self.scenario.panes)
        old = panes[index]
        if is_adaptive(settings.name) != is_adaptive(old.name):
            settings = settings.with_(alpha=self._alpha_for(settings.name, index))
        panes[index] = settings
        if self.same_alpha and not is_adaptive(settings.name) and settings.alpha != old.alpha:
            panes = [p.with_(alpha=settings.alpha) if not is_adaptive(p.name) else p
                     for p in panes]
        return self.apply(dataclasses.replace(self.scenario, panes=tuple(panes)))

    def _alpha_for(self, name: str, index: int | None = None) -> float:
        """The α a pane running ``name`` should start with here."""
        if self.same_alpha and not is_adaptive(name):
            for i, pane in enumerate(self.scenario.panes):
                if i != index and not is_adaptive(pane.name):
                    return pane.alpha
        return suggested_alpha(self.landscape, name)

    def add_pane(self) -> Update | None:
        """The next optimizer of :data:`NEXT_OPTIMIZERS` (None when the row is full)."""
        panes = self.scenario.panes
        if len(panes) >= MAX_PANES:
            return None
        name = NEXT_OPTIMIZERS[len(panes)]
        new = OptimizerSettings(name, alpha=self._alpha_for(name), mu=self.landscape.mu)
        return self.apply(dataclasses.replace(self.scenario, panes=panes + (new,)),
                          notice=analysis.nesterov_warning(self.landscape, new))

    def remove_pane(self) -> Update | None:
        """Drop the last pane (None when only one is left)."""
        if len(self.scenario.panes) <= 1:
            return None
        return self.change(panes=self.scenario.panes[:-1])

    def set_start(self, x: float, y: float) -> Update:
        """Every pane starts at (x, y), rounded to 4 decimals (what the fields show)."""
        return self.change(start=(round(x, 4), round(y, 4)))

    def set_swarm(self, on: bool) -> Update:
        """Swarm mode: every pane runs a grid of balls (the scenario's many seeds go)."""
        self.swarm = bool(on)
        scenario = self.scenario
        if on and scenario.seeds is not None:
            scenario = dataclasses.replace(scenario, seeds=None)
        return self.apply(scenario)

    def set_seeds(self, count: int | None) -> Update:
        """Many seeds: every pane runs seeds ``0..count−1`` from its start (None: one run;
        swarm mode goes off). Without noise or minibatches every seed is the same run:
        said, as a notice."""
        if count:
            self.swarm = False
        update = self.apply(dataclasses.replace(self.scenario, seeds=count or None))
        # The run knows: its seeds share the one exact gradient when there is no noise.
        if count and isinstance(update.run.source, ExactGradient):
            update = dataclasses.replace(update, notice=translate(
                "workspace", "Many seeds: without noise (σ) or minibatches every seed runs "
                "the same path — set σ or a batch size"))
        return update

    # -- the (α, μ) map -----------------------------------------------------------------

    def momentum_pane(self) -> int | None:
        """The first pane with momentum (the one the parameter map is about)."""
        for i, settings in enumerate(self.scenario.panes):
            if settings.name in USES_MU:
                return i
        return None

    def pick_parameters(self, alpha: float, mu: float) -> Update:
        """A click on the map: the momentum pane (else the first, made momentum) takes (α, μ)."""
        index = self.momentum_pane()
        index = 0 if index is None else index
        settings = self.scenario.panes[index].with_(alpha=alpha, mu=mu)
        if settings.name not in USES_MU:
            settings = settings.with_(name="momentum")
        return self.edit_pane(index, settings)

    def map_request(self) -> MapRequest:
        """What the map shows for the current scenario."""
        index = self.momentum_pane()
        pane = self.scenario.panes[index] if index is not None else None
        base = self.landscape.alpha
        return MapRequest(self.landscape, self.scenario.resolved_start(), (base / 100, base * 5),
                          nesterov=pane is not None and pane.name == "nesterov",
                          sigma=self.scenario.sigma, seed=self.scenario.seed,
                          marker=(pane.alpha, pane.mu) if pane else None)

    def measured_rate(self):
        """The momentum pane's measured and predicted rate (for the map's caption)."""
        index = self.momentum_pane()
        pane = self.scenario.panes[index] if index is not None else None
        return analysis.measured_rate(self.landscape, pane, self.scenario.resolved_start(),
                                      self.scenario.sigma)
