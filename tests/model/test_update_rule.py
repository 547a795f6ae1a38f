"""The update rule with numbers: what it shows must be what the run did.

Each test recomputes the right-hand side from the numbers the record shows, with the
rule written out here by hand, and checks it against the run's own next iterate — for
every optimizer, with noise, minibatches and schedules, and at the ends of a run.
"""

import numpy as np
import pytest

from app.model import rule_text
from app.model.update_rule import CHECKPOINT_EVERY, NOTE_WIDTH, update_rule
from optimizers.registry import OPTIMIZER_NAMES, USES_MU, OptimizerSettings, hyperparameters_at
from physics.builtins import builtin
from physics.gradients import NoisyGradient
from physics.simulation import Comparison

RAVINE = builtin("ravine")
TOL = {"rtol": 1e-12, "atol": 1e-12}


def _settings(name, **changes):
    # Below Nesterov's edge on the ravine (α < 0.0136), so every ball keeps running.
    alpha = 0.01 if name in ("sgd", "momentum", "nesterov") else 0.1
    return OptimizerSettings(name, alpha=alpha).with_(**changes)


def _run(settings, landscape=RAVINE, steps=30, **options):
    run = Comparison(landscape, settings, landscape.start, **options)
    run.ensure(steps)
    return run


def _right_hand_side(rule, settings):
    """The rule applied by hand to the numbers the record shows."""
    a, g, t = rule.alpha, rule.g, rule.step
    x = dict(rule.extra)
    if rule.optimizer == "sgd":
        return {"w_next": rule.w - a * g}
    if rule.optimizer in USES_MU:
        p_next = rule.mu * rule.p - a * g
        return {"p_next": p_next, "w_next": rule.w + p_next}
    eps = settings.resolved_eps
    if rule.optimizer in ("adam", "adamw", "nadam"):
        b1, b2 = settings.beta1, settings.resolved_beta2
        m_next = b1 * x["m"] + (1 - b1) * g
        v_next = b2 * x["v"] + (1 - b2) * g * g
        out = {"m_next": m_next, "v_next": v_next}
        if rule.optimizer == "nadam":
            # Dozat's momentum schedule, torch's ψ = 0.004, its product kept in float32.
            mus = [b1 * (1 - 0.5 * 0.96 ** (0.004 * k)) for k in range(1, t + 3)]
            product = np.float32(1.0)
            for mu in mus[:-1]:
                product = np.float32(product * np.float32(mu))
            d = np.sqrt(v_next / (1 - b2 ** (t + 1))) + eps
            delta = (-a * (1 - mus[-2]) / (1 - float(product)) * g / d
                     - a * mus[-1] / (1 - float(product) * mus[-1]) * m_next / d)
            out.update(d=d, mu=mus[-2], mu_next=mus[-1])
        else:
            m_hat, v_hat = m_next / (1 - b1 ** (t + 1)), v_next / (1 - b2 ** (t + 1))
            delta = -a * m_hat / (np.sqrt(v_hat) + eps)
            if rule.optimizer == "adamw":
                delta = delta - a * settings.resolved_weight_decay * rule.w
            out.update(m_hat=m_hat, v_hat=v_hat)
    elif rule.optimizer == "adadelta":
        rho = settings.resolved_beta2
        s_next = rho * x["s"] + (1 - rho) * g * g
        step = np.sqrt(x["u"] + eps) / np.sqrt(s_next + eps) * g
        u_next = rho * x["u"] + (1 - rho) * step * step
        delta = -a * step
        out = {"s_next": s_next, "step_delta": step, "u_next": u_next}
    else:
        rho = settings.resolved_beta2
        s_next = rho * x["s"] + (1 - rho) * g * g if rule.optimizer == "rmsprop" else x["s"] + g * g
        delta = -a * g / (np.sqrt(s_next) + eps)
        out = {"s_next": s_next}
    return {**out, "delta": delta, "w_next": rule.w + delta}


def _check_reproduces(run, index, step):
    """The shown right-hand side gives the run's W⁽ᵗ⁺¹⁾; the shown numbers are the run's."""
    settings = run.settings[index]
    rule = update_rule(run, index, step)
    assert rule.has_numbers, rule.note
    assert (rule.alpha, rule.mu) == hyperparameters_at(settings, step)
    np.testing.assert_array_equal(rule.w, run.positions(step)[index, 0])
    np.testing.assert_array_equal(rule.w_next, run.positions(step + 1)[index, 0])
    if settings.name in USES_MU:
        np.testing.assert_array_equal(rule.p, run.velocity(step)[index, 0])
    rhs = _right_hand_side(rule, settings)
    for key, value in rhs.items():
        shown = getattr(rule, key) if key in ("w_next", "p_next", "delta") else rule.extra[key]
        np.testing.assert_allclose(value, shown, **TOL, err_msg=f"{settings.name} {key} t={step}")
    np.testing.assert_allclose(rhs["w_next"], run.positions(step + 1)[index, 0], **TOL)
    # The text says the same: α in the header, the run's W⁽ᵗ⁺¹⁾ on the last line.
    assert f"α = {rule_text.number(rule.alpha)}" in rule.numbers_text[0]
    assert rule.numbers_text[-1].endswith(rule_text.vector(run.positions(step + 1)[index, 0]))
    return rule


def test_every_rule_reproduces_the_runs_next_iterate():
    run = _run([_settings(name) for name in OPTIMIZER_NAMES])
    for index, name in enumerate(OPTIMIZER_NAMES):
        for step in range(30):
            rule = _check_reproduces(run, index, step)
        if name == "nesterov":
            # g is the look-ahead's gradient, not ∇L(W) (which Comparison.grads holds).
            np.testing.assert_array_equal(rule.extra["point"], rule.w + rule.mu * rule.p)
            np.testing.assert_array_equal(rule.g, RAVINE.grad(rule.extra["point"]))
            assert not np.allclose(rule.g, run.grads(29)[index, 0])


def test_the_moments_carry_over_from_one_step_to_the_next():
    run = _run([_settings(name) for name in ("adam", "rmsprop", "adagrad", "adadelta", "adamw",
                                             "nadam")])
    for index, keys in enumerate((("m", "v"), ("s",), ("s",), ("s", "u"), ("m", "v"),
                                  ("m", "v"))):
        assert not np.any(update_rule(run, index, 0).extra[keys[0]])   # zero before step 1
        for step in range(29):
            now, later = update_rule(run, index, step), update_rule(run, index, step + 1)
            for key in keys:
                np.testing.assert_array_equal(now.extra[f"{key}_next"], later.extra[key])


def test_with_noise_g_is_the_noisy_gradient_the_run_used():
    sigma, seed = 0.5, 7
    run = _run([_settings(name) for name in OPTIMIZER_NAMES], sigma=sigma, seed=seed)
    noise = NoisyGradient(RAVINE, sigma, seed)
    for index, name in enumerate(OPTIMIZER_NAMES):
        for step in range(30):
            rule = _check_reproduces(run, index, step)
            point = rule.extra["point"] if name == "nesterov" else rule.w
            np.testing.assert_allclose(rule.g - RAVINE.grad(point), noise.noise(step), **TOL)
        assert "+ σξ⁽ᵗ⁾" in rule.formula_text[0]


def test_with_minibatches_g_is_the_batch_gradient_the_run_used():
    landscape = builtin("regression")
    run = _run([OptimizerSettings(name, alpha=0.05) for name in OPTIMIZER_NAMES], landscape,
               batch_size=2, seed=3)
    for index in range(len(OPTIMIZER_NAMES)):
        for step in range(30):
            rule = _check_reproduces(run, index, step)
        assert not np.allclose(rule.g, landscape.grad(rule.extra.get("point", rule.w)))
        assert rule.formula_text[0].startswith("g⁽ᵗ⁾ = ∇L_batch(")


def test_schedules_are_read_at_t_the_step_the_update_starts_from():
    ramp, decay = ("ramp", 0.5, 0.99, 10), ("step", 0.5, 4)
    settings = [_settings(name, alpha_schedule=decay,
                          mu_schedule=ramp if name in USES_MU else None)
                for name in OPTIMIZER_NAMES]
    run = _run(settings, steps=20, sigma=0.2, seed=1)
    for index, s in enumerate(settings):
        for step in range(20):
            rule = _check_reproduces(run, index, step)
            # The hyperparameters of t + 1 would not give the run's iterate: this test
            # tells the two apart wherever the schedule moves.
            later = hyperparameters_at(s, step + 1)
            if later != (rule.alpha, rule.mu) and step > 0:   # at 0, p⁽⁰⁾ = 0 hides μ
                wrong = dict(rule.__dict__, alpha=later[0], mu=later[1])
                off = _right_hand_side(type(rule)(**wrong), s)["w_next"]
                assert not np.allclose(off, rule.w_next, rtol=1e-9, atol=1e-12)
    assert update_rule(run, 1, 3).mu == pytest.approx(0.5 + 0.49 * 3 / 10)


def test_scrubbing_back_and_forth_past_checkpoints_gives_a_fresh_runs_numbers():
    steps = 2 * CHECKPOINT_EVERY + 100
    settings = [_settings(name) for name in ("adam", "rmsprop", "adagrad")]
    run = _run(settings, steps=steps, sigma=0.1)
    for step in (steps - 1, 10, CHECKPOINT_EVERY, CHECKPOINT_EVERY - 1, steps - 2, 300):
        fresh = _run(settings, steps=step + 1, sigma=0.1)
        for index in range(3):
            rule, again = update_rule(run, index, step), update_rule(fresh, index, step)
            assert rule.extra.keys() == again.extra.keys()
            for key in rule.extra:
                np.testing.assert_array_equal(rule.extra[key], again.extra[key])
            _check_reproduces(run, index, step)


def test_formulas_are_the_lectures():
    run = _run([_settings(name) for name in ("sgd", "momentum", "nesterov")], steps=1)
    sgd, heavy, nesterov = (update_rule(run, i, 0).formula_text for i in range(3))
    assert sgd == ("g⁽ᵗ⁾ = ∇L(W⁽ᵗ⁾)", "W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ − α·g⁽ᵗ⁾")
    assert heavy == ("g⁽ᵗ⁾ = ∇L(W⁽ᵗ⁾)", "p⁽ᵗ⁺¹⁾ = μ·p⁽ᵗ⁾ − α·g⁽ᵗ⁾", "W⁽ᵗ⁺¹⁾ = W⁽ᵗ⁾ + p⁽ᵗ⁺¹⁾")
    assert nesterov == ("g⁽ᵗ⁾ = ∇L(W⁽ᵗ⁾ + μ·p⁽ᵗ⁾)",) + heavy[1:]


def test_every_rule_has_its_fixed_number_of_lines_and_its_terms_coloured():
    for options in ({}, {"sigma": 0.3}):
        run = _run([_settings(name) for name in OPTIMIZER_NAMES], steps=6, **options)
        for index, name in enumerate(OPTIMIZER_NAMES):
            for step in range(5):
                rule = update_rule(run, index, step)
                assert (len(rule.formula), len(rule.numbers)) == rule_text.LINE_COUNTS[name]
            coloured = {role: {text for line in rule.numbers for text, r in line if r == role}
                        for role in (rule_text.FORCE, rule_text.VELOCITY)}
            assert rule_text.vector(rule.g) in coloured[rule_text.FORCE]
            if name != "sgd":   # SGD has no velocity: its step is the force term itself
                assert rule_text.vector(rule.delta) in coloured[rule_text.VELOCITY]


def test_at_the_last_computed_step_it_says_so_and_shows_no_numbers():
    run = _run([_settings("momentum")], steps=5)
    rule = update_rule(run, 0, 5)
    assert not rule.has_numbers and rule.g is None and rule.w_next is None
    assert rule.note == "t = 5: step 6 is not computed yet."
    assert " ".join(rule.numbers_text) == rule.note   # wrapped to fit a narrow pane
    np.testing.assert_array_equal(rule.w, run.positions(5)[0, 0])
    run.ensure(6)
    assert update_rule(run, 0, 5).has_numbers


def test_when_the_history_is_full_it_says_the_run_ends():
    run = Comparison(RAVINE, [_settings("sgd")], RAVINE.start, max_history_bytes=57 * 11)
    last = run.ensure(50)
    assert run.history_full and last == 10
    assert "history is full" in update_rule(run, 0, last).note


@pytest.mark.parametrize("name", ["sgd", "nesterov", "adam"])
def test_once_the_ball_diverged_it_says_so_instead_of_inventing_numbers(name):
    alpha = 0.05 if name != "adam" else 1e6   # far past every stability edge
    run = Comparison(RAVINE, [OptimizerSettings(name, alpha=alpha)], RAVINE.start)
    run.ensure(5000)
    k = int(run.diverged_at[0, 0])
    assert 0 < k <= run.computed_steps, "the ball should have diverged"
    if k >= 2:
        _check_reproduces(run, 0, k - 2)   # the last update that happened
    for step in (k - 1, k, run.computed_steps):
        rule = update_rule(run, 0, step)
        assert not rule.has_numbers
        assert f"diverged at step {k}" in rule.note
        assert rule_text.vector(run.positions(k - 1)[0, 0]) in rule.note   # where it stays
        assert len(rule.numbers) <= rule_text.LINE_COUNTS[name][1]   # fits the panel
        assert max(map(len, rule.numbers_text)) <= NOTE_WIDTH
    assert "This update's W was not finite or ran away" in update_rule(run, 0, k - 1).note


def test_a_ball_that_left_the_domain_is_said_to_have_left():
    saddle = builtin("saddle")
    run = Comparison(saddle, [OptimizerSettings("momentum", alpha=0.05)], saddle.start)
    run.ensure(5000)
    k = int(run.left_at[0, 0])
    assert k > 0
    assert "This update took the ball out" in update_rule(run, 0, k - 1).note
    assert f"left the domain at step {k}" in update_rule(run, 0, k).note


def test_a_converged_ball_still_shows_the_tiny_steps_it_takes():
    run = Comparison(RAVINE, [_settings("momentum"), _settings("sgd")], RAVINE.start)
    run.ensure(3000)
    k = int(run.converged_at[0, 0])
    assert 0 < k < run.computed_steps
    assert run.status(0, 0, step=k + 1).startswith("converged")
    _check_reproduces(run, 0, k + 1)
