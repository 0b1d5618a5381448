"""A window restarted with a layout the user changed still lays the report out in its column
(a real window on Xvfb when the machine has it, else offscreen)."""

import json
import subprocess
import sys

from tests.conftest import REPO, SAMPLE

SESSION = """
import json, sys
from PySide6.QtWidgets import QApplication
from viewer.store import LibraryStore
from viewer.ui.app import open_initial_report
from viewer.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
store = LibraryStore(sys.argv[1])
window = MainWindow(store)
window.restore_layout()
open_initial_report(window, store, sys.argv[2])
window.show()
for _ in range(10):
    app.processEvents()
if sys.argv[3] == "close-side-panel":
    window.side_dock.close()
    app.processEvents()
print(json.dumps({"side": window.side_dock.isVisible(),
                  "overflow": window.view.horizontalScrollBar().maximum()}), flush=True)
window.close()
store.close()
"""


def _session(tmp_path, env, step):
    proc = subprocess.run([sys.executable, "-c", SESSION, str(tmp_path / "lib.sqlite3"), str(SAMPLE), step],
                          env=dict(env, REPORT_VIEWER_DATA_DIR=str(tmp_path / "data")), cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_after_closing_the_side_panel_the_next_start_wraps_the_text_to_its_column(tmp_path, display_env):
    assert _session(tmp_path, display_env, "close-side-panel")["overflow"] == 0
    again = _session(tmp_path, display_env, "look")
    assert again == {"side": False, "overflow": 0}      # no line runs past the column (no sideways scrolling)
