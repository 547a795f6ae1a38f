"""Find a landscape by built-in name or typed expression."""

from __future__ import annotations

from optimizers.translation import translate

from .builtins import BUILTIN_NAMES, builtin
from .landscape import Landscape


class LandscapeError(ValueError):
    """The landscape could not be found or parsed; one line for the user."""


def resolve_landscape(text: str, domain=None) -> Landscape:
    """A built-in by name (case-insensitive), else ``text`` parsed as an expression in x, y.

    ``domain`` (xmin, xmax, ymin, ymax) applies to typed expressions only: a built-in
    has its own, and silently drawing it elsewhere would mislead (one rule with the
    scenario files, which refuse it too).
    """
    key = text.strip().lower()
    if key in BUILTIN_NAMES:
        if domain is not None:
            raise LandscapeError(translate("errors", "domain applies only to typed expressions, "
                                           "not the built-in {name}").format(name=repr(text)))
        return builtin(key)
    if key.replace("-", "").replace("_", "").isalpha() and key not in ("x", "y"):
        # A bare word that is not a built-in is far more likely a typo than an expression.
        raise LandscapeError(translate(
            "errors", "unknown landscape {name} (built-ins: {builtins}; or type an expression "
            "in x and y)").format(name=repr(text), builtins=", ".join(BUILTIN_NAMES)))
    # sympy takes a third of a second to import: only pay for it when an expression is typed.
    from .expression import ExpressionError  # noqa: PLC0415
    from .expression_landscape import landscape_from_expression  # noqa: PLC0415

    try:
        if domain is None:
            return landscape_from_expression(text)
        return landscape_from_expression(text, domain=tuple(domain))
    except ExpressionError as error:
        raise LandscapeError(translate("errors", "bad landscape expression {text}: {error}")
                             .format(text=repr(text), error=error)) from None
