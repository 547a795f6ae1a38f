"""The one translation hook, at the bottom of the code so every layer can reach it.

``translate("context", "text")`` is English as written until the app installs Qt's
translator with :func:`use` (see :mod:`app.model.translation` for the whole story); the
command line never does, so its messages stay English. Here, the update rules' and the
physics' messages — a refused α, a broken expression — are said in the window's
language like everything else, while this package still imports nothing but numpy.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None


def translate(context: str, text: str) -> str:
    """``text`` in the current language (English when no translation is installed)."""
    if _translator is None:
        return text
    return _translator(context, text) or text


def use(translator: Callable[[str, str], str] | None) -> None:
    """Send every :func:`translate` to ``translator`` (``None``: English as written)."""
    global _translator
    _translator = translator
