"""The house's rules (docs/ARCHITECTURE.md), checked: who may import whom, and sizes.

napari enforces its model/view split with an import-linter contract and a test job
without Qt; these tests do both. Imports are read from every module's source, inside
functions too, so a lazy import counts like any other.
"""

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "physics", "optimizers")
QT = ("PySide6", "shiboken6", "pyqtgraph", "OpenGL")
COMMANDS = ("run", "landscapes", "lessons", "export", "sweep", "race", "snapshot", "theory")
MAX_LINES, MAX_WINDOW_LINES = 400, 300


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> list[tuple[str, bool]]:
    """``(imported module, at module level?)`` for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append((sub if sub in MODULES else base, id(node) in top_level))
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _internal_edges():
    for name, imports in GRAPH.items():
        for target, top in imports:
            if target in MODULES and target != name:
                yield name, target, top


def test_there_is_no_import_cycle_lazy_imports_included():
    edges: dict[str, set[str]] = {name: set() for name in MODULES}
    for source, target, _ in _internal_edges():
        edges[source].add(target)
    # Tarjan's strongly connected components: any component of two or more is a cycle.
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    assert cycles == []


def test_qt_is_imported_only_inside_app_qt():
    offenders = [(name, target) for name, imports in GRAPH.items() for target, _ in imports
                 if target.split(".")[0] in QT and not name.startswith("app.qt")]
    assert offenders == []


def test_who_may_import_whom():
    for source, target, top in _internal_edges():
        where = f"{source} imports {target}"
        if source.startswith(("physics", "optimizers")):
            assert not target.startswith("app"), where
        if source.startswith("app.model"):
            assert not target.startswith(("app.qt", "app.cli")), where
        if source.startswith("app.qt"):
            assert not target.startswith("app.cli"), where
        if source.startswith("app.cli"):
            # The picture commands open Qt only when they run, never on import.
            assert not (target.startswith("app.qt") and top), where
        if source in {f"app.cli.{c}" for c in COMMANDS} and target.startswith("app.cli"):
            # Never each other or the entry: only the shared reading of words, the
            # signal handling and the progress bar.
            assert target in ("app.cli.arguments", "app.cli.interrupts", "app.cli.progress"), where


def test_every_command_is_a_module_the_entry_point_lists():
    from app.cli.main import COMMANDS as listed

    assert set(listed) == set(COMMANDS)
    for command in COMMANDS:
        assert f"app.cli.{command}" in MODULES


def test_no_source_file_is_over_400_lines_and_the_window_under_300():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines())
             for name, path in MODULES.items()}
    assert {n: s for n, s in sizes.items() if s > MAX_LINES} == {}
    assert sizes["app.qt.main_window"] < MAX_WINDOW_LINES


BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ImportError('blocked: ' + name)
sys.meta_path.insert(0, Block())
"""


def _python(script: str, *args, env=None):
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, env=env)


def test_core_packages_import_and_run_with_qt_and_app_blocked():
    script = BLOCK_QT.format(blocked=QT + ("app",)) + textwrap.dedent("""
        import pkgutil, importlib, physics, optimizers
        for package in (physics, optimizers):
            for info in pkgutil.iter_modules(package.__path__):
                importlib.import_module(package.__name__ + '.' + info.name)
        from physics.builtins import builtin
        from physics.simulation import Comparison
        from optimizers import OptimizerSettings
        c = Comparison(builtin('ravine'), [OptimizerSettings('momentum', alpha=0.018)], (-4.5, 1))
        c.ensure(10)
        print('ok')
    """)
    result = _python(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_model_and_the_command_line_import_with_qt_blocked():
    script = BLOCK_QT.format(blocked=QT) + textwrap.dedent("""
        import importlib
        for name in sys.argv[1:]:
            importlib.import_module(name)
        print('ok')
    """)
    names = [n for n in MODULES if n.startswith(("app.model", "app.cli"))
             or n in ("app", "app.atomic_file", "app.encoders", "app.gif_writer", "app.json_text",
                      "app.system_check")]
    result = _python(script, *names)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.parametrize("argv", [["run", "--steps", "3"], ["landscapes"], ["lessons"],
                                  ["theory"],
                                  ["sweep", "--grid", "4x3", "--steps", "50", "--out", "{tmp}/m.csv"],
                                  ["race", "--optimizer", "sgd", "--noise", "0.5", "--seeds", "2",
                                   "--steps", "20"]])
def test_commands_that_make_no_picture_run_without_qt(argv, tmp_path):
    script = BLOCK_QT.format(blocked=QT) + textwrap.dedent("""
        import io, contextlib
        from app.cli.main import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main(sys.argv[1:])
        print(code)
    """)
    result = _python(script, *[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert result.stdout.strip() == "0", result.stderr


def test_the_model_and_cli_tests_pass_with_qt_blocked():
    """tests/model and tests/cli, run where PySide6 and pyqtgraph cannot be imported."""
    env = dict(os.environ, MOMENTUM_LAB_BLOCK_QT="1")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:pytest-qt",
                             "-p", "no:cacheprovider", "tests/model", "tests/cli"],
                            capture_output=True, text=True, timeout=900, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout
