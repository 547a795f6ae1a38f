"""Momentum Lab's application model: everything the window shows and decides, without Qt.

napari's ``components`` and Mu's ``logic`` in spirit: the scenario and its file, the
workspace's rules (editing panes, "same α", the start, the map's pick), the text of
every readout, the analysis behind the warnings and captions, export planning, and the
colours. Every rule a user can see is testable here without a QApplication; the Qt
views in :mod:`app.qt` only show what these modules compute. Nothing here imports
PySide6 or pyqtgraph (tests/test_architecture.py checks).
"""
