"""Limits on what users may type, shared by the parser and the scenario files.

Kept apart from :mod:`physics.expression` so that checking a length does not import
sympy (a third of a second), and so the catalog and the parser need not import each
other.
"""

#: Longest landscape expression accepted anywhere (the parser, scenario files, the CLI).
MAX_EXPRESSION_LENGTH = 500
