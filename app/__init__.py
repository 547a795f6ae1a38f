"""Momentum Lab's application layer, in three parts with one direction of imports.

``app.model``  the application model (scenario, workspace rules, readouts, analysis,
               export planning, theme): no Qt.
``app.cli``    the ``momentum-lab`` command line: no Qt, except the commands that make
               pictures, which import :mod:`app.qt` when they run.
``app.qt``     every line of PySide6 and pyqtgraph: widgets, the playback controller,
               the export canvas, dialogs.

Beside them, Qt-free helpers the three share: :mod:`app.atomic_file` (safe writes),
:mod:`app.encoders` (animation files), :mod:`app.system_check` (can a window open?).
See docs/ARCHITECTURE.md.
"""

__version__ = "0.1.0"
