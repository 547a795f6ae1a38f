"""Limits on what users may type, shared by the parser and the scenario files.

Kept apart from :mod:`physics.expression` so that checking a length does not import
sympy (a third of a second), and so the catalog and the parser need not import each
other.
"""

#: Longest landscape expression accepted anywhere (the parser, scenario files, the CLI).
MAX_EXPRESSION_LENGTH = 500

#: The most steps any run may take: `momentum-lab run`, a schedule's length, a snapshot's
#: step. A million steps is past what any picture or lesson needs and still finishes.
MAX_STEPS = 1_000_000

#: The largest noise / minibatch seed: the window's seed box is a 32-bit spin box, and a
#: scenario must open in the window it was saved from.
MAX_SEED = 2**31 - 1

#: The most seeds a many-seeds run takes: each pane keeps every seed's whole history
#: (``momentum-lab race`` streams its seeds one by one and may take more).
MAX_CLOUD_SEEDS = 256
