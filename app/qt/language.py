"""The window's language: Qt translators for Momentum Lab's words and Qt's own.

:func:`install` loads ``resources/translations/momentum_lab_<code>.qm`` (compiled from
the ``.ts`` source by ``make translations``) and Qt's ``qtbase_pt_BR.qm`` — so file
dialogs and standard buttons speak the same language — and points
:func:`app.model.translation.translate` at ``QCoreApplication.translate``. The language
is the one chosen in View ▸ Language (remembered), else the system's (``LANG``).
Typed numbers keep the decimal point in every language: the number fields use the C
locale (a tooltip says so), so 0.5 means one half in a Portuguese window too.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6 import QtCore

from app.model import translation
from app.model.language import DEFAULT, LANGUAGES, system_language

LANGUAGE_KEY = "language"
#: Qt's own translation files for each language (base widgets and dialogs).
QT_FILES = {"pt": ("qtbase_pt_BR",)}

_installed: list[QtCore.QTranslator] = []
_current = DEFAULT


def translations_folder() -> Path:
    return Path(str(resources.files("resources") / "translations"))


def current() -> str:
    """The language installed now (``"en"`` or ``"pt"``)."""
    return _current


def chosen() -> str:
    """The remembered choice of View ▸ Language if valid, else the system's language."""
    value = QtCore.QSettings().value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def remember(code: str) -> None:
    QtCore.QSettings().setValue(LANGUAGE_KEY, code)


def use_decimal_point() -> None:
    """Numbers are typed and shown with a decimal point in every language (0.5, never
    0,5): the lecture's formulas and the command line write them so, and a scenario file
    must read the same in any window. Qt's C locale does that for every number field."""
    locale = QtCore.QLocale.c()
    locale.setNumberOptions(QtCore.QLocale.NumberOption.OmitGroupSeparator
                            | QtCore.QLocale.NumberOption.RejectGroupSeparator)
    QtCore.QLocale.setDefault(locale)


def install(code: str) -> bool:
    """Make ``code`` the language of everything built from now on; False if its files
    are missing (then English stays, and nothing breaks)."""
    global _current
    app = QtCore.QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translation.use(None)
    _current = DEFAULT
    if code == DEFAULT or code not in LANGUAGES:
        return code == DEFAULT
    ours = QtCore.QTranslator(app)
    if not ours.load(str(translations_folder() / f"momentum_lab_{code}.qm")):
        return False
    qt_folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_FILES.get(code, ()):
        theirs = QtCore.QTranslator(app)
        if theirs.load(name, qt_folder):
            app.installTranslator(theirs)
            _installed.append(theirs)
    app.installTranslator(ours)
    _installed.append(ours)
    translation.use(QtCore.QCoreApplication.translate)
    _current = code
    return True
