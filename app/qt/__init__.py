"""Every line of Momentum Lab that imports PySide6 or pyqtgraph lives in this package.

The widgets, the playback controller (the one owner of time), the export canvas, the
dialogs and the pictures. They show what :mod:`app.model` computes and send the user's
requests back to it; nothing outside this package imports Qt (tests/test_architecture.py).
"""
