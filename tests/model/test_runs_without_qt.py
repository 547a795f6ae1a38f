"""When tests/test_architecture.py runs this folder with Qt blocked, Qt really is blocked."""

import os

import pytest


@pytest.mark.skipif(os.environ.get("MOMENTUM_LAB_BLOCK_QT") != "1", reason="Qt not blocked")
def test_qt_cannot_be_imported_here():
    with pytest.raises(ImportError):
        import PySide6  # noqa: F401
    with pytest.raises(ImportError):
        import pyqtgraph  # noqa: F401
