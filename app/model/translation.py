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

# The hook itself sits in the bottom layer, so optimizers/ and physics/ messages are
# translated too; app code imports it from here.
from optimizers.translation import translate, use

__all__ = ["translate", "use"]
