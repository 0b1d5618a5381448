"""The core and the CLI's headless verbs load no Qt module."""

import subprocess
import sys

from tests.conftest import REPO, SAMPLE

PROBE = """
import sys, pkgutil, importlib, viewer.core
for m in pkgutil.iter_modules(viewer.core.__path__):
    importlib.import_module("viewer.core." + m.name)
from viewer import cli
cli.main(["parse", sys.argv[1], "--json"])
cli.main(["--db", sys.argv[2], "import", sys.argv[1]])
cli.main(["--db", sys.argv[2], "list"])
cli.main(["--db", sys.argv[2], "tree", "1"])
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "PyQt")))
sys.stderr.write("QT:" + ",".join(qt))
"""


def test_core_and_headless_verbs_import_no_qt(tmp_path):
    proc = subprocess.run([sys.executable, "-c", PROBE, str(SAMPLE), str(tmp_path / "lib.db")],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().endswith("QT:"), proc.stderr[-500:]
