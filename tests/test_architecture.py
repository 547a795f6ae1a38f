"""physics/ and optimizers/ must run where Qt cannot even be imported (napari's contract)."""

import subprocess
import sys
import textwrap


def test_core_packages_import_and_run_with_qt_blocked():
    script = textwrap.dedent("""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6', 'app'):
                    raise ImportError('blocked: ' + name)
        sys.meta_path.insert(0, Block())
        import pkgutil, importlib, physics, optimizers
        for package in (physics, optimizers):
            for info in pkgutil.iter_modules(package.__path__):
                importlib.import_module(package.__name__ + '.' + info.name)
        from physics.builtins import builtin
        from physics.simulation import Comparison
        from optimizers import OptimizerSettings
        c = Comparison(builtin('ravine'), [OptimizerSettings('momentum', alpha=0.018)], (-4.5, 1))
        c.ensure(10)
        assert not any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules)
        print('ok')
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_command_line_run_imports_no_qt():
    script = ("import sys, io, contextlib; from app.cli import main\n"
              "with contextlib.redirect_stdout(io.StringIO()): main(['run', '--steps', '3'])\n"
              "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "False", result.stderr
