"""Every user-visible string goes through :func:`translate` — Qt's translation system,
reached without importing Qt.

``translate("context", "text")`` returns the text in the window's language. It is the
call Qt's ``pyside6-lupdate`` collects into ``resources/translations/momentum_lab_pt.ts``
(``make translations``), whose Portuguese is compiled into the ``.qm`` file the app loads
(:mod:`app.qt.language`); the app installs ``QCoreApplication.translate`` here with
:func:`use`. Until then — the command line, scripts, tests of the model — it returns
the English text as written. Text with values uses Python's named fields, translated
whole and filled afterwards, so a translation can put them in its own order::

    translate("readouts", "converged at step {step}").format(step=k)

``context`` is a short name for where the text is shown (``"readouts"``, ``"lesson"``);
the same English in two places may need two translations.
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
