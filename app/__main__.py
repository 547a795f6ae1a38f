"""``python -m app`` is the same as the ``momentum-lab`` command."""

import sys

from .cli import main

sys.exit(main())
