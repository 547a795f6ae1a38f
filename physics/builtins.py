"""The built-in landscapes (see REFERENCE.md, "Standard 2-D landscapes").

Each is written as ``value_xy``, ``grad_xy``, ``hessian_xy`` of separate coordinate
arrays, with its derivatives worked out by hand (the tests check them against finite
differences). The suggested α and μ are chosen to show the seed lecture's story on
that surface: plain SGD zig-zags or creeps, momentum overshoots but arrives sooner.
"""

from __future__ import annotations

import math

import numpy as np

from .landscape import Landscape, newton_polish
from .network import network_landscape
from .regression import regression_landscape

SQRT_HALF = math.sqrt(0.5)


def _const(x, y, value):
    """A constant derivative broadcast to the shape of the inputs."""
    return np.full(np.broadcast_shapes(np.shape(x), np.shape(y)), float(value))


# -- ravine: ½(x² + κy²) ---------------------------------------------------------------

RAVINE_KAPPA = 100.0


def _ravine():
    k = RAVINE_KAPPA

    def value(x, y):
        return 0.5 * (x * x + k * (y * y))

    def grad(x, y):
        return 1.0 * x, k * y

    def hess(x, y):
        return _const(x, y, 1.0), _const(x, y, 0.0), _const(x, y, k)

    return Landscape(
        name="ravine", title="Ravine (steep across, shallow along)",
        formula="½(x² + 100y²)", value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-5.0, 5.0, -2.0, 2.0), minima=((0.0, 0.0),), start=(-4.5, 1.0),
        # αλ_max = 1.8: SGD flips sign across the valley every step (the zig-zag) and
        # shrinks x by only 1.8% a step along it; momentum's rate is √μ ≈ 0.949.
        alpha=0.018, mu=0.9, adaptive_alpha=0.1,
        notes="The seed lecture's loss: steep vertically, shallow horizontally (κ = 100).",
    )


# -- rotated ill-conditioned quadratic -----------------------------------------------------

def _rotated():
    l1, l2 = 1.0, 100.0
    a, b = (l1 + l2) / 2, (l1 - l2) / 2

    def value(x, y):
        u = (x + y) * SQRT_HALF
        v = (y - x) * SQRT_HALF
        return 0.5 * (l1 * (u * u) + l2 * (v * v))

    def grad(x, y):
        # H = Rᵀ diag(λ₁, λ₂) R = [[a, b], [b, a]] with a = (λ₁+λ₂)/2, b = (λ₁−λ₂)/2.
        return a * x + b * y, b * x + a * y

    def hess(x, y):
        return _const(x, y, a), _const(x, y, b), _const(x, y, a)

    return Landscape(
        name="rotated", title="Rotated quadratic (λ = 1, 100 at 45°)",
        formula="½(u² + 100v²),  u = (x+y)/√2,  v = (y−x)/√2",
        value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-3.0, 3.0, -3.0, 3.0), minima=((0.0, 0.0),), start=(-2.5, -1.5),
        alpha=0.018, mu=0.9, adaptive_alpha=0.05,
        notes="The ravine turned 45°: the valley no longer lines up with an axis.",
    )


# -- Rosenbrock ----------------------------------------------------------------------------

def _rosenbrock():
    def value(x, y):
        r = y - x * x
        return (1 - x) ** 2 + 100 * (r * r)

    def grad(x, y):
        r = y - x * x
        return -2 * (1 - x) - 400 * x * r, 200 * r

    def hess(x, y):
        return 1200 * x * x - 400 * y + 2, _const(x, y, 0.0) - 400 * x, _const(x, y, 200.0)

    return Landscape(
        name="rosenbrock", title="Rosenbrock's banana",
        formula="(1 − x)² + 100(y − x²)²", value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-2.0, 2.0, -1.0, 3.0), minima=((1.0, 1.0),), start=(-1.2, 1.0),
        alpha=0.001, mu=0.9, adaptive_alpha=0.05, log_levels=True,
        notes="A curved, flat-bottomed valley: easy to find, slow to follow.",
    )


# -- Beale --------------------------------------------------------------------------------

def _beale():
    c1, c2, c3 = 1.5, 2.25, 2.625

    def value(x, y):
        a1 = c1 - x + x * y
        a2 = c2 - x + x * y * y
        a3 = c3 - x + x * y * y * y
        return a1 * a1 + a2 * a2 + a3 * a3

    def grad(x, y):
        y2, y3 = y * y, y * y * y
        a1, a2, a3 = c1 - x + x * y, c2 - x + x * y2, c3 - x + x * y3
        gx = 2 * (a1 * (y - 1) + a2 * (y2 - 1) + a3 * (y3 - 1))
        gy = 2 * (a1 * x + a2 * (2 * x * y) + a3 * (3 * x * y2))
        return gx, gy

    def hess(x, y):
        y2, y3 = y * y, y * y * y
        a1, a2, a3 = c1 - x + x * y, c2 - x + x * y2, c3 - x + x * y3
        hxx = 2 * ((y - 1) ** 2 + (y2 - 1) ** 2 + (y3 - 1) ** 2)
        hxy = 2 * ((y - 1) * x + a1 + (y2 - 1) * 2 * x * y + a2 * 2 * y
                   + (y3 - 1) * 3 * x * y2 + a3 * 3 * y2)
        hyy = 2 * (x * x + (2 * x * y) ** 2 + a2 * 2 * x + (3 * x * y2) ** 2 + a3 * 6 * x * y)
        return hxx, hxy, hyy

    return Landscape(
        name="beale", title="Beale's function",
        formula="(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
        value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-4.5, 4.5, -4.5, 4.5), minima=((3.0, 0.5),), start=(0.7, 1.4),
        alpha=0.005, mu=0.9, adaptive_alpha=0.05, log_levels=True,
        notes="Flat plateaus and sharp ridges: step size matters everywhere.",
    )


# -- Himmelblau ---------------------------------------------------------------------------

def _himmelblau():
    def value(x, y):
        a = x * x + y - 11
        b = x + y * y - 7
        return a * a + b * b

    def grad(x, y):
        a = x * x + y - 11
        b = x + y * y - 7
        return 4 * x * a + 2 * b, 2 * a + 4 * y * b

    def hess(x, y):
        return 12 * x * x + 4 * y - 42, 4 * x + 4 * y, 4 * x + 12 * y * y - 26

    minima = newton_polish(grad, hess, [(3.0, 2.0), (-2.805118, 3.131312),
                                         (-3.779310, -3.283186), (3.584428, -1.848126)])
    return Landscape(
        name="himmelblau", title="Himmelblau's function (four minima)",
        formula="(x² + y − 11)² + (x + y² − 7)²", value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-5.0, 5.0, -5.0, 5.0), minima=minima, start=(-0.5, -0.5),
        alpha=0.005, mu=0.9, adaptive_alpha=0.1, log_levels=True,
        notes="Four equal minima: which one a ball ends in depends on how it rolls.",
    )


# -- saddle -------------------------------------------------------------------------------

def _saddle():
    def value(x, y):
        return x * x - y * y

    def grad(x, y):
        return 2 * x, -2 * y

    def hess(x, y):
        return _const(x, y, 2.0), _const(x, y, 0.0), _const(x, y, -2.0)

    return Landscape(
        name="saddle", title="Saddle",
        formula="x² − y²", value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-2.0, 2.0, -2.0, 2.0), minima=(), start=(-1.8, 0.01),
        alpha=0.05, mu=0.9, adaptive_alpha=0.05,
        notes="No minimum: momentum escapes the saddle point much sooner than SGD.",
    )


# -- Rastrigin ----------------------------------------------------------------------------

def _rastrigin():
    two_pi = 2 * math.pi

    def value(x, y):
        return 20 + (x * x - 10 * np.cos(two_pi * x)) + (y * y - 10 * np.cos(two_pi * y))

    def grad(x, y):
        return 2 * x + 10 * two_pi * np.sin(two_pi * x), 2 * y + 10 * two_pi * np.sin(two_pi * y)

    def hess(x, y):
        c = 10 * two_pi * two_pi
        return 2 + c * np.cos(two_pi * x), _const(x, y, 0.0), 2 + c * np.cos(two_pi * y)

    return Landscape(
        name="rastrigin", title="Rastrigin (many local minima)",
        formula="20 + Σ (xᵢ² − 10 cos 2πxᵢ)", value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-5.12, 5.12, -5.12, 5.12), minima=((0.0, 0.0),), start=(3.2, 2.8),
        alpha=0.002, mu=0.9, adaptive_alpha=0.1,
        notes="An egg-crate: momentum can hop over small bumps that trap SGD.",
    )


# -- Booth --------------------------------------------------------------------------------

def _booth():
    def value(x, y):
        a = x + 2 * y - 7
        b = 2 * x + y - 5
        return a * a + b * b

    def grad(x, y):
        a = x + 2 * y - 7
        b = 2 * x + y - 5
        return 2 * a + 4 * b, 4 * a + 2 * b

    def hess(x, y):
        return _const(x, y, 10.0), _const(x, y, 8.0), _const(x, y, 10.0)

    return Landscape(
        name="booth", title="Booth's function",
        formula="(x + 2y − 7)² + (2x + y − 5)²", value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-10.0, 10.0, -10.0, 10.0), minima=((1.0, 3.0),), start=(-8.0, -8.0),
        alpha=0.05, mu=0.9, adaptive_alpha=0.5, log_levels=True,
        notes="A tilted quadratic bowl (curvatures 2 and 18).",
    )


# -- six-hump camel -----------------------------------------------------------------------

def _camel():
    def value(x, y):
        x2, y2 = x * x, y * y
        return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2

    def grad(x, y):
        x2, y2 = x * x, y * y
        return 8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y, x - 8 * y + 16 * y2 * y

    def hess(x, y):
        x2 = x * x
        return 8 - 25.2 * x2 + 10 * x2 * x2, _const(x, y, 1.0), -8 + 48 * y * y

    minima = newton_polish(grad, hess, [(0.0898, -0.7126), (-0.0898, 0.7126)])
    return Landscape(
        name="camel", title="Six-hump camel",
        formula="(4 − 2.1x² + x⁴/3)x² + xy + (−4 + 4y²)y²",
        value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-3.0, 3.0, -2.0, 2.0), minima=minima, start=(-1.5, -1.2),
        alpha=0.01, mu=0.9, adaptive_alpha=0.05, log_levels=True,
        notes="Six valleys, two of them global minima (L = −1.0316).",
    )


# -- two-Gaussian bowl ----------------------------------------------------------------------

def _two_gaussian():
    a, b, s = 2.0, 3.0, 0.2

    def value(x, y):
        e1 = np.exp(-((x - 1) ** 2 + y * y) / s)
        e2 = np.exp(-((x + 1) ** 2 + y * y) / s)
        return x * x + y * y - a * e1 - b * e2

    def grad(x, y):
        e1 = a * np.exp(-((x - 1) ** 2 + y * y) / s)
        e2 = b * np.exp(-((x + 1) ** 2 + y * y) / s)
        return (2 * x + e1 * 2 * (x - 1) / s + e2 * 2 * (x + 1) / s,
                2 * y + e1 * 2 * y / s + e2 * 2 * y / s)

    def hess(x, y):
        e1 = a * np.exp(-((x - 1) ** 2 + y * y) / s)
        e2 = b * np.exp(-((x + 1) ** 2 + y * y) / s)
        dx1, dx2 = x - 1, x + 1
        hxx = 2 + e1 * (2 / s - 4 * dx1 * dx1 / s**2) + e2 * (2 / s - 4 * dx2 * dx2 / s**2)
        hyy = 2 + (e1 + e2) * (2 / s - 4 * y * y / s**2)
        hxy = -4 * y * (e1 * dx1 + e2 * dx2) / s**2
        return hxx, hxy, hyy

    minima = newton_polish(grad, hess, [(-0.9, 0.0), (0.9, 0.0)])
    return Landscape(
        name="two-gaussian", title="Bowl with a local and a global minimum",
        formula="x² + y² − 2e^(−((x−1)²+y²)/0.2) − 3e^(−((x+1)²+y²)/0.2)",
        value_xy=value, grad_xy=grad, hessian_xy=hess,
        domain=(-2.0, 2.0, -2.0, 2.0), minima=minima, start=(1.9, 1.9),
        alpha=0.02, mu=0.9, adaptive_alpha=0.05,
        notes="SGD settles in the nearer, shallower well; momentum's overshoot can carry it on.",
    )


_FACTORIES = {
    "ravine": _ravine, "rotated": _rotated, "rosenbrock": _rosenbrock, "beale": _beale,
    "himmelblau": _himmelblau, "saddle": _saddle, "rastrigin": _rastrigin, "booth": _booth,
    "camel": _camel, "two-gaussian": _two_gaussian, "regression": regression_landscape,
    "network": network_landscape,
}

#: Built-in landscape names, in the order menus list them.
BUILTIN_NAMES = tuple(_FACTORIES)
_CACHE: dict[str, Landscape] = {}


def builtin(name: str) -> Landscape:
    """The built-in landscape called ``name`` (KeyError if there is none)."""
    if name not in _CACHE:
        _CACHE[name] = _FACTORIES[name]()
    return _CACHE[name]


def all_builtins() -> list[Landscape]:
    return [builtin(name) for name in BUILTIN_NAMES]
