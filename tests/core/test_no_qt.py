"""Core, store and services load no Qt: no module imports it, and the headless verbs run without it."""

import ast
import re
import subprocess
import sys

import pytest

from tests.conftest import REPO, SAMPLE

HEADLESS = ("core", "store", "services")        # packages under viewer/ that must run without Qt
QT = re.compile(r"^(PySide6|shiboken6|PyQt5|PyQt6|PySide2)(\.|$)")

PROBE = """
import sys, pkgutil, importlib, viewer
for package in ("viewer.core", "viewer.store", "viewer.services"):
    try:
        root = importlib.import_module(package)
    except ModuleNotFoundError:
        continue
    for m in pkgutil.walk_packages(getattr(root, "__path__", []), package + "."):
        importlib.import_module(m.name)
from viewer import cli
cli.main(["parse", sys.argv[1], "--json"])
cli.main(["--db", sys.argv[2], "import", sys.argv[1]])
cli.main(["--db", sys.argv[2], "list"])
cli.main(["--db", sys.argv[2], "tree", "1"])
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "PyQt")))
sys.stderr.write("QT:" + ",".join(qt))
"""


def _headless_files():
    for package in HEADLESS:
        folder = REPO / "viewer" / package
        yield from sorted(folder.rglob("*.py")) if folder.is_dir() else ()
        if (REPO / "viewer" / f"{package}.py").exists():
            yield REPO / "viewer" / f"{package}.py"


def _qt_imports(path):
    """Every Qt module `path` imports anywhere: at the top, in a function, or for type names only."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
        yield from (f"line {node.lineno}: {name}" for name in names if QT.match(name))


def test_the_static_check_reads_every_core_module():
    files = {p.relative_to(REPO).as_posix() for p in _headless_files()}
    assert {"viewer/core/vocab.py", "viewer/core/ingest/__init__.py", "viewer/store/__init__.py"} <= files


def test_the_static_check_sees_qt_in_a_function_and_under_type_checking(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from PySide6.QtGui import QColor\n"
                     "def f():\n    import shiboken6\n    from viewer.core import vocab\n", "utf-8")
    assert list(_qt_imports(probe)) == ["line 3: PySide6.QtGui", "line 5: shiboken6"]


@pytest.mark.parametrize("path", list(_headless_files()), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_core_store_or_services_module_imports_qt(path):
    assert list(_qt_imports(path)) == []


def test_core_and_headless_verbs_import_no_qt(tmp_path):
    proc = subprocess.run([sys.executable, "-c", PROBE, str(SAMPLE), str(tmp_path / "lib.db")],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().endswith("QT:"), proc.stderr[-500:]
