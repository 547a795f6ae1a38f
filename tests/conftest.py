"""Shared test set-up: Qt runs offscreen, and tests fail if they leave timers running."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
