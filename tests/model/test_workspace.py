"""The workspace's rules, without a window: panes, "same α", the start, the map's pick."""

import numpy as np
import pytest

from app.model.scenario import MAX_PANES, Scenario, ScenarioError, default_scenario
from app.model.workspace import NEXT_OPTIMIZERS, SWARM_SIDE, Workspace
from optimizers.registry import OptimizerSettings as S
from physics.builtins import builtin

RAVINE = builtin("ravine")


@pytest.fixture
def ws():
    return Workspace()


def test_it_starts_on_the_seed_lecture_with_one_ball_per_pane(ws):
    assert ws.scenario == default_scenario()
    assert ws.run.shape == (2, 1) and ws.landscape is RAVINE


def test_same_alpha_spreads_a_new_alpha_to_the_sgd_family_but_not_to_adaptive_panes(ws):
    ws.change(panes=ws.scenario.panes + (S("adam", alpha=0.1),))
    update = ws.edit_pane(1, ws.scenario.panes[1].with_(alpha=0.01))
    assert [p.alpha for p in update.scenario.panes] == [0.01, 0.01, 0.1]
    assert [s.alpha for s in ws.run.settings] == [0.01, 0.01, 0.1]
    assert not update.landscape_changed and not update.panes_changed


def test_without_same_alpha_only_the_edited_pane_changes(ws):
    ws.same_alpha = False
    ws.edit_pane(0, ws.scenario.panes[0].with_(alpha=0.05))
    assert [p.alpha for p in ws.scenario.panes] == [0.05, 0.018]


def test_a_bad_edit_is_refused_and_changes_nothing(ws):
    before, run = ws.scenario, ws.run
    with pytest.raises(ScenarioError, match="mu must be in"):
        ws.edit_pane(1, ws.scenario.panes[1].with_(mu=1.5))
    with pytest.raises(ScenarioError, match="unknown landscape"):
        ws.change(landscape="everest")
    assert ws.scenario is before and ws.run is run


def test_adding_panes_follows_radfords_order_and_stops_at_the_limit(ws):
    notices = []
    while (update := ws.add_pane()) is not None:
        notices.append(update.notice)
        assert update.panes_changed
    names = [p.name for p in ws.scenario.panes]
    assert names == list(NEXT_OPTIMIZERS) and len(names) == MAX_PANES
    # Nesterov at the ravine's α = 0.018 is past its own stability edge: it says so.
    assert notices[0].startswith("Nesterov is stable here only for α < 0.0136")
    assert notices[1] is None
    assert names == ["sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop"]
    assert ws.scenario.panes[3].alpha == RAVINE.adaptive_alpha       # Adagrad's own step
    assert ws.scenario.panes[4].alpha == 1.0                         # Adadelta's: torch's 1
    while ws.remove_pane() is not None:
        pass
    assert len(ws.scenario.panes) == 1 and ws.run.shape == (1, 1)


def test_setting_the_start_rounds_it_like_the_fields_and_moves_every_ball(ws):
    update = ws.set_start(-2.000004, 0.512345)
    assert update.scenario.start == (-2.0, 0.5123)
    np.testing.assert_array_equal(ws.run.positions(0)[:, 0], [[-2.0, 0.5123]] * 2)


def test_a_new_landscape_is_reported_and_its_default_start_used(ws):
    update = ws.change(landscape="rosenbrock", start=None)
    assert update.landscape_changed
    np.testing.assert_array_equal(ws.run.positions(0)[0, 0], builtin("rosenbrock").start)
    assert not ws.change(sigma=0.1).landscape_changed


def test_picking_on_the_map_sets_the_momentum_pane_and_replays(ws):
    ws.pick_parameters(0.03, 0.7)
    assert ws.scenario.panes[1].with_() == S("momentum", alpha=0.03, mu=0.7)
    assert ws.scenario.panes[0].alpha == 0.03                          # same α
    lone_sgd = Workspace(Scenario(panes=(S("sgd", alpha=0.018),)))
    lone_sgd.pick_parameters(0.01, 0.5)
    assert lone_sgd.scenario.panes[0] == S("momentum", alpha=0.01, mu=0.5)


def test_the_map_is_about_the_first_pane_with_momentum(ws):
    request = ws.map_request()
    assert request.marker == (0.018, 0.9) and not request.nesterov
    assert request.alpha_range == (RAVINE.alpha / 100, RAVINE.alpha * 5)
    assert request.start == RAVINE.start
    nesterov = Workspace(Scenario(panes=(S("sgd", alpha=0.01), S("nesterov", alpha=0.01))))
    assert nesterov.map_request().nesterov
    assert Workspace(Scenario(panes=(S("sgd", alpha=0.01),))).map_request().marker is None


def test_swarm_mode_runs_a_grid_of_balls_and_knows_their_basins(ws):
    ws.change(landscape="two-gaussian", start=None)
    assert ws.basins() is None
    ws.set_swarm(True)
    assert ws.run.shape == (2, SWARM_SIDE * SWARM_SIDE)
    sgd, momentum = ws.basins()
    assert (momentum == 0).sum() > (sgd == 0).sum()       # momentum escapes the shallow well
    ws.set_swarm(False)
    assert ws.run.shape == (2, 1)


def test_same_alpha_is_the_sgd_familys_adaptive_panes_keep_their_own(ws):
    ws.add_pane()
    ws.add_pane()                                         # sgd, momentum, nesterov, adam
    ws.edit_pane(3, ws.scenario.panes[3].with_(alpha=0.2))
    assert [p.alpha for p in ws.scenario.panes] == [0.018, 0.018, 0.018, 0.2]
    ws.edit_pane(2, ws.scenario.panes[2].with_(alpha=0.01))
    assert [p.alpha for p in ws.scenario.panes] == [0.01, 0.01, 0.01, 0.2]


def test_switching_family_adopts_the_alpha_of_the_new_rule(ws):
    ws.add_pane()
    ws.add_pane()
    # Adam's α = 0.1 left on a Momentum pane made it diverge on the ravine.
    ws.edit_pane(3, ws.scenario.panes[3].with_(name="momentum"))
    assert ws.scenario.panes[3].alpha == 0.018
    ws.edit_pane(1, ws.scenario.panes[1].with_(name="rmsprop"))
    assert ws.scenario.panes[1].alpha == RAVINE.adaptive_alpha
    ws.edit_pane(0, ws.scenario.panes[0].with_(name="nesterov"))      # within the family
    assert ws.scenario.panes[0].alpha == 0.018


def test_a_new_landscape_brings_its_suggested_alpha_unless_the_user_chose_one(ws):
    rosenbrock = builtin("rosenbrock")
    ws.add_pane()
    ws.add_pane()
    ws.edit_pane(3, ws.scenario.panes[3].with_(alpha=0.2))            # the user's own
    ws.change(landscape="rosenbrock", start=None)
    assert [p.alpha for p in ws.scenario.panes] == [rosenbrock.alpha] * 3 + [0.2]
    ws.same_alpha = False
    ws.edit_pane(0, ws.scenario.panes[0].with_(alpha=0.0005))
    ws.change(landscape="ravine", start=None)
    assert [p.alpha for p in ws.scenario.panes] == [0.0005, 0.018, 0.018, 0.2]
