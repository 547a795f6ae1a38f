"""The built-in landscapes' titles in the window's language.

:mod:`physics.builtins` names each landscape in English and knows nothing of languages
(the core imports no app code); the window shows :func:`landscape_title` instead, and a
typed expression is shown as typed.
"""

from __future__ import annotations

from .translation import translate


def _titles() -> dict[str, str]:
    return {
        "ravine": translate("landscapes", "Ravine (steep across, shallow along)"),
        "rotated": translate("landscapes", "Rotated quadratic (λ = 1, 100 at 45°)"),
        "rosenbrock": translate("landscapes", "Rosenbrock's banana"),
        "beale": translate("landscapes", "Beale's function"),
        "himmelblau": translate("landscapes", "Himmelblau's function (four minima)"),
        "saddle": translate("landscapes", "Saddle"),
        "rastrigin": translate("landscapes", "Rastrigin (many local minima)"),
        "booth": translate("landscapes", "Booth's function"),
        "camel": translate("landscapes", "Six-hump camel"),
        "two-gaussian": translate("landscapes", "Bowl with a local and a global minimum"),
        "regression": translate("landscapes", "Linear regression on 64 points (w, b)"),
        "network": translate("landscapes", "A tanh unit's two weights on 64 points (w, v)"),
    }


def landscape_title(landscape) -> str:
    """``landscape``'s title as the window shows it (a built-in's translated)."""
    return _titles().get(landscape.name, landscape.title)
