"""Typed expressions -> landscapes: exact derivatives, helpful errors, no code execution."""

from __future__ import annotations

import builtins
import time
import uuid

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from physics.expression import (
    ALLOWED_FUNCTIONS,
    ExpressionError,
    parse_expression,
)
from physics.expression_landscape import landscape_from_expression
from physics.landscape import Landscape

RAVINE = "0.5*(x**2 + 100*y**2)"
# Points of shape (3, 2, 2): a (3, 2) batch of (x, y) pairs.
POINTS = np.array([[[0.0, 0.0], [1.0, 2.0]],
                   [[-3.0, 0.5], [2.5, -4.0]],
                   [[0.1, -0.2], [4.0, 4.0]]])


# -- exact values and derivatives -----------------------------------------------------

def test_ravine_value_gradient_hessian_on_arrays():
    land = landscape_from_expression(RAVINE)
    assert isinstance(land, Landscape)
    x, y = POINTS[..., 0], POINTS[..., 1]
    np.testing.assert_allclose(land.value(POINTS), 0.5 * (x**2 + 100 * y**2), rtol=1e-14)
    grad = land.grad(POINTS)
    assert grad.shape == (3, 2, 2)
    np.testing.assert_allclose(grad[..., 0], x, rtol=1e-14)
    np.testing.assert_allclose(grad[..., 1], 100 * y, rtol=1e-14)
    hess = land.hessian(POINTS)  # constant: must still come back per point
    assert hess.shape == (3, 2, 2, 2)
    np.testing.assert_array_equal(hess, np.broadcast_to([[1.0, 0.0], [0.0, 100.0]], hess.shape))


def test_ravine_on_scalars_and_hints():
    land = landscape_from_expression(RAVINE)
    assert float(land.value_xy(1.0, 2.0)) == 200.5
    gx, gy = land.grad_xy(1.0, -2.0)
    assert (float(gx), float(gy)) == (1.0, -200.0)
    assert tuple(float(h) for h in land.hessian_xy(3.0, 4.0)) == (1.0, 0.0, 100.0)
    assert land.minima[0] == pytest.approx((0.0, 0.0), abs=1e-12)
    assert land.alpha == pytest.approx(0.01)  # 1 / largest curvature
    assert (land.name, land.formula, land.title) == (RAVINE, RAVINE, f"Custom: {RAVINE}")
    assert land.start == (-4.0, 4.0) and land.mu == 0.9
    assert land.adaptive_alpha == pytest.approx(0.2)


def _central_differences(land, x, y, h=1e-6):
    gx = (land.value_xy(x + h, y) - land.value_xy(x - h, y)) / (2 * h)
    gy = (land.value_xy(x, y + h) - land.value_xy(x, y - h)) / (2 * h)
    return gx, gy


@pytest.mark.parametrize("text", [
    "sin(x) + y**2", "x^2 + 3*y^2", "exp(-x**2-y**2)", "abs(x) + y**2",
    "sqrt(x**2+y**2+1)", "log(1+x**2)+y**2", "(1-x)^2 + 100*(y-x^2)^2",
    "tanh(x*y) + atan(x) - arcsin(y/5) + cosh(x/3)",
    "(y^2)^(x/4) + abs(x*y)",  # sympy itself rewrites this with |y|
])
def test_gradient_and_hessian_match_finite_differences(text):
    land = landscape_from_expression(text)
    rng = np.random.default_rng(0)
    x, y = rng.uniform(-3, 3, 20), rng.uniform(-3, 3, 20)
    gx, gy = land.grad_xy(x, y)
    fx, fy = _central_differences(land, x, y)
    np.testing.assert_allclose(gx, fx, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(gy, fy, rtol=1e-5, atol=1e-5)
    # Hessian rows against differences of the exact gradient.
    h = 1e-6
    hxx, hxy, hyy = land.hessian_xy(x, y)
    np.testing.assert_allclose(hxx, (land.grad_xy(x + h, y)[0] - land.grad_xy(x - h, y)[0])
                               / (2 * h), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(hxy, (land.grad_xy(x, y + h)[0] - land.grad_xy(x, y - h)[0])
                               / (2 * h), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(hyy, (land.grad_xy(x, y + h)[1] - land.grad_xy(x, y - h)[1])
                               / (2 * h), rtol=1e-4, atol=1e-4)


def test_caret_is_power_with_power_precedence():
    # Python's ^ binds looser than +; x^2 + 3*y^2 must still mean x**2 + 3*y**2.
    land = landscape_from_expression("x^2 + 3*y^2")
    assert float(land.value_xy(2.0, 1.0)) == 7.0
    assert float(landscape_from_expression("-x^2").value_xy(3.0, 0.0)) == -9.0


def test_constant_derivatives_broadcast():
    land = landscape_from_expression("x**2")
    pts = np.linspace(-1, 1, 10).reshape(5, 2)
    gx, gy = land.grad_xy(pts[:, 0], pts[:, 1])
    assert gx.shape == gy.shape == (5,)
    assert gy.dtype == float and np.all(gy == 0)
    assert land.grad(pts).shape == (5, 2)
    # Separate x and y arrays broadcast like numpy.
    value = land.value_xy(np.zeros((4, 1)), np.zeros((1, 3)))
    assert value.shape == (4, 3)
    flat = landscape_from_expression("3")
    assert flat.value(pts).shape == (5,) and np.all(flat.value(pts) == 3.0)
    assert flat.minima == () and flat.alpha == 0.1


def test_results_do_not_alias_inputs():
    land = landscape_from_expression("x")
    x = np.array([1.0, 2.0])
    land.value_xy(x, np.zeros(2))[:] = 99.0
    assert list(x) == [1.0, 2.0]


def test_invalid_points_give_nan_quietly():
    land = landscape_from_expression("log(x) + sqrt(y)")  # warnings are errors here
    assert np.isnan(land.value_xy(-1.0, 1.0)) and np.isnan(land.value_xy(1.0, -1.0))
    assert np.isfinite(land.value_xy(2.0, 4.0))


@pytest.mark.parametrize("name", ALLOWED_FUNCTIONS)
def test_every_allowed_function_works(name):
    land = landscape_from_expression(f"{name}(x/10) + y**2")
    assert np.isfinite(land.value_xy(0.5, 0.5))


def test_minima_refined_off_grid_and_sorted():
    land = landscape_from_expression("(x-0.3)**2 + 2*(y+0.7)**2")
    assert land.minima == (pytest.approx((0.3, -0.7), abs=1e-9),)
    himmelblau = landscape_from_expression("(x^2 + y - 11)^2 + (x + y^2 - 7)^2")
    assert len(himmelblau.minima) == 4
    for mx, my in himmelblau.minima:
        assert float(himmelblau.value_xy(mx, my)) == pytest.approx(0.0, abs=1e-12)
    assert (3.0, 2.0) in [pytest.approx(m, abs=1e-9) for m in himmelblau.minima]
    rosenbrock = landscape_from_expression("(1-x)^2 + 100*(y-x^2)^2", (-2, 2, -1, 3))
    assert rosenbrock.minima == (pytest.approx((1.0, 1.0), abs=1e-9),)
    assert rosenbrock.log_levels
    assert not landscape_from_expression("x^2 + y^2").log_levels


def test_domain_and_start():
    land = landscape_from_expression("x**2 + y**2", domain=(0, 10, -1, 1))
    assert land.domain == (0.0, 10.0, -1.0, 1.0)
    assert land.start == pytest.approx((1.0, 0.8))
    assert land.adaptive_alpha == pytest.approx(0.2)
    assert landscape_from_expression("x", start=(1, 2)).start == (1.0, 2.0)
    with pytest.raises(ValueError):
        landscape_from_expression("x", domain=(1, 0, 0, 1))


def test_not_finite_anywhere():
    with pytest.raises(ExpressionError, match="not finite anywhere"):
        landscape_from_expression("log(-x**2 - 1)")
    # A constant that overflows is caught while folding, before any grid is evaluated.
    with pytest.raises(ExpressionError, match="too large"):
        landscape_from_expression("exp(1000) + x")


# -- rejections -----------------------------------------------------------------------

NESTED = "(" * 1000 + "x" + ")" * 1000


@pytest.mark.parametrize("text, fragment", [
    ("__import__('os').system('echo hi')", "not allowed"),
    ("x.__class__", "attribute access '.__class__'"),
    ("().__class__.__bases__", "attribute access"),
    ("open('f')", "function 'open' is not allowed"),
    ("lambda: 1", "lambda"),
    ("[x for x in y]", "comprehension"),
    ("x if y else 1", "if/else"),
    ("x < y", "comparison"),
    ("'a'", "string"),
    ("z + 1", "unknown name 'z' at column 1"),
    ("x^2 + z", "unknown name 'z' at column 7"),
    ("sin(x, y)", "exactly 1 argument"),
    ("sin(x=1)", "keyword"),
    ("sin", "needs an argument"),
    ("9**9**9", "too large"),
    ("x**1000", "exponent 1000 too large"),
    ("x**(9**9)", "exponent 387420489 too large"),
    ("(x**100)**100", "exponent 10000 too large"),
    ("(10**100)**100", "number too large"),
    ("1e999", "number too large"),
    ("1e300 * 1e300 * x", "number too large"),
    ("x +", "syntax error at column 4"),
    ("x y", "syntax error at column 3"),
    ("sin(x", "never closed"),
    ("", "empty"),
    ("   ", "empty"),
    ("x" * 10_000, "too long"),
    (NESTED, "too long"),
    ("sin(" * 60 + "x" + ")" * 60, "nested too deeply"),
    ("1j*x", "complex"),
    ("True + x", "True"),
    ("x % 2", "'%'"),
    ("1/0 + x", "undefined"),
    ("sqrt(-1) * x", "undefined"),
    ("x\x00", "U+0000"),
])
def test_rejected_with_a_message_naming_the_problem(text, fragment):
    start = time.perf_counter()
    with pytest.raises(ExpressionError) as info:
        landscape_from_expression(text)
    assert fragment in str(info.value)
    assert "\n" not in str(info.value)
    assert time.perf_counter() - start < 10.0  # a hang guard (the machine is shared and noisy)


def test_derivative_blowup_is_refused_quickly():
    tower = "^".join(["x", "y"] * 20)  # x^y^x^...: its Hessian is enormous
    start = time.perf_counter()
    with pytest.raises(ExpressionError, match="too complex"):
        landscape_from_expression(tower)
    assert time.perf_counter() - start < 10.0  # a hang guard, not a benchmark


def test_time_limit_backstop(monkeypatch):
    # Behind the size guards, a watchdog stops any sympy work that runs too long.
    monkeypatch.setattr("physics.expression.TIME_LIMIT", 1e-4)
    with pytest.raises(ExpressionError, match="gave up"):
        landscape_from_expression("(1-x)^2 + 100*(y-x^2)^2 + sin(x*y)*exp(-x^2)")
    time.sleep(0.01)  # nothing may arrive late
    monkeypatch.undo()
    assert landscape_from_expression("x^2 + y^2").minima


def test_expression_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_expression("import os")
    with pytest.raises(ExpressionError):
        parse_expression(None)  # type: ignore[arg-type]


# -- no code execution ----------------------------------------------------------------

def test_payloads_never_run(tmp_path):
    marker = tmp_path / f"pwned_{uuid.uuid4().hex}"
    payloads = [
        f"__import__('os').system('touch {marker}')",
        f"open('{marker}', 'w')",
        f"exec(\"open('{marker}', 'w')\")",
        f"eval(\"open('{marker}', 'w')\")",
        f"[open('{marker}', 'w') for _ in 'a']",
        f"(lambda: open('{marker}', 'w'))()",
        f"x if open('{marker}', 'w') else y",
        f"getattr(__builtins__, 'open')('{marker}', 'w')",
        f"().__class__.__base__.__subclasses__()[0]('{marker}')",
        f"sin(__import__('os').system('touch {marker}'))",
        f"x + (y := __import__('os').system('touch {marker}'))",
    ]
    for text in payloads:
        with pytest.raises(ExpressionError):
            landscape_from_expression(text)
    assert not marker.exists()


def test_parsing_never_calls_eval(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("eval/exec/parse_expr called on user text")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    monkeypatch.setattr("sympy.parsing.sympy_parser.parse_expr", forbidden)
    assert str(parse_expression("x^2 + 3*sin(y)")) == "x**2 + 3*sin(y)"
    with pytest.raises(ExpressionError):
        parse_expression("__import__('os')")


# -- fuzzing --------------------------------------------------------------------------

GRID = np.stack(np.meshgrid(np.linspace(-2, 2, 3), np.linspace(-2, 2, 3)), axis=-1)
GRAMMARISH = "xy0123456789.+-*/^()e sincoexpqrtlgab_,[]'\""
FUZZ = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _accepts_or_explains(text: str) -> None:
    start = time.perf_counter()
    try:
        land = landscape_from_expression(text)
    except ExpressionError as err:
        assert str(err) and "\n" not in str(err)
    else:
        values = land.value(GRID)
        assert isinstance(values, np.ndarray) and values.shape == (3, 3)
        assert land.grad(GRID).shape == (3, 3, 2)
        assert land.hessian(GRID).shape == (3, 3, 2, 2)
    assert time.perf_counter() - start < 10.0  # a hang guard, not a benchmark


@FUZZ
@given(st.text(max_size=600))
def test_fuzz_arbitrary_text(text):
    _accepts_or_explains(text)


@FUZZ
@given(st.text(alphabet=GRAMMARISH, max_size=60))
def test_fuzz_grammarish_text(text):
    _accepts_or_explains(text)


@st.composite
def _expressions(draw, depth=4):
    """Syntactically valid expressions, so the fuzzing reaches sympy and numpy."""
    if depth == 0 or draw(st.booleans()):
        return draw(st.sampled_from(["x", "y", "pi", "e", "0", "1", "2.5", "1e-3", "100"]))
    kind = draw(st.sampled_from(["call", "binop", "neg"]))
    inner = draw(_expressions(depth=depth - 1))
    if kind == "call":
        return f"{draw(st.sampled_from(ALLOWED_FUNCTIONS))}({inner})"
    if kind == "neg":
        return f"-({inner})"
    op = draw(st.sampled_from(["+", "-", "*", "/", "**", "^"]))
    return f"({inner}){op}({draw(_expressions(depth=depth - 1))})"


@FUZZ
@given(_expressions())
def test_fuzz_valid_expressions(text):
    _accepts_or_explains(text)
