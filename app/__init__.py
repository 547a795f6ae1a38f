"""Momentum Lab's application layer: the command line, the scenario model and the Qt app.

Modules named ``qt_*`` or ending in ``_widget`` import Qt; the others (the command line,
scenarios, output writers) do not, so scripted use needs no display.
"""

__version__ = "0.1.0"
