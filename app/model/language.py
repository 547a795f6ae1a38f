"""The two languages of the app and how one is chosen (no Qt).

The lecture Momentum Lab grew from is in Brazilian Portuguese; the app speaks that and
English. Codes are the short ones Qt's ``QLocale.name()`` starts with: ``"en"`` and
``"pt"`` (Brazilian Portuguese). The system's choice follows the POSIX rule — the first
of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set wins — so
``LANG=pt_BR.UTF-8 momentum-lab`` is Portuguese, and anything else is English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

#: Every language, its code first, with its name as its own speakers write it.
LANGUAGES = {"en": "English", "pt": "Português (Brasil)"}
DEFAULT = "en"


def language_for_locale(name: str | None) -> str:
    """The app's language for a locale name (``"pt_BR.UTF-8"`` → ``"pt"``, else English)."""
    code = (name or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else DEFAULT


def system_language(environ: Mapping[str, str] = os.environ) -> str:
    """The language the environment asks for (POSIX order: LC_ALL, LC_MESSAGES, LANG)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(variable):
            return language_for_locale(environ[variable])
    return DEFAULT
