"""The 书库 in a real window (Xvfb, keys typed with xdotool): Ctrl+L, type part of a file name, Enter,
Enter, and the main window shows that report."""

import json
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO, SAMPLE

SESSION = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from viewer.store import LibraryStore
from viewer.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
store = LibraryStore(sys.argv[1])
window = MainWindow(store)
small = window.session.import_file(sys.argv[2]).document_id
window.import_and_open(sys.argv[3])
window.resize(1200, 760)
window.show()
window.activateWindow()
for _ in range(20):
    app.processEvents()
print("READY", int(window.winId()), flush=True)

def check():
    dialog = window.library._dialog
    if window.session.doc_id == small:
        print(json.dumps({"opened": small, "title": window.windowTitle(),
                          "library_shown_then_closed": dialog is not None and not dialog.isVisible()}), flush=True)
        app.quit()

timer = QTimer()
timer.timeout.connect(check)
timer.start(100)
QTimer.singleShot(40_000, app.quit)
app.exec()
store.close()
"""


def _xdotool(env, *args) -> str:
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=30).stdout.strip()


def test_ctrl_l_type_enter_enter_opens_the_report_in_the_window(tmp_path, display_env):
    if display_env.get("QT_QPA_PLATFORM") != "xcb" or shutil.which("xdotool") is None:
        pytest.skip("needs Xvfb and xdotool: keys typed into a real window")
    small = tmp_path / "small.txt"
    small.write_text("关于2025年工作的报告\n一、总体情况\n全年共办理案件41件。\n", encoding="utf-8")
    env = dict(display_env, REPORT_VIEWER_DATA_DIR=str(tmp_path / "data"))
    app = subprocess.Popen([sys.executable, "-c", SESSION, str(tmp_path / "lib.sqlite3"), str(small), str(SAMPLE)],
                           env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready = app.stdout.readline().split()
        assert ready and ready[0] == "READY", app.stderr.read()[-2000:]
        _xdotool(env, "windowfocus", "--sync", ready[1])
        _xdotool(env, "key", "ctrl+l")
        dialog = ""
        for _ in range(100):                       # the 书库 window appears
            dialog = _xdotool(env, "search", "--onlyvisible", "--name", "书库")
            if dialog:
                break
            time.sleep(0.1)
        assert dialog, "the 书库 window did not appear"
        _xdotool(env, "windowfocus", "--sync", dialog.split()[0])
        _xdotool(env, "type", "--delay", "40", "small")
        _xdotool(env, "key", "Return")             # filter now and on to the list
        time.sleep(0.3)
        _xdotool(env, "key", "Return")             # open the selected report
        out, err = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    result = json.loads(out.strip().splitlines()[-1]) if out.strip() else None
    assert result is not None, err[-2000:]
    assert result["title"].startswith("关于2025年工作的报告") and result["library_shown_then_closed"]
