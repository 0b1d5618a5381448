"""The app's start on a stored report, in a process of its own: the first paint loads none of the
parsers, sharing, fuzzy matching, printing or the notes editor; a report named on the command line
still shows its sections, figures and notes once the window is up."""

import json
import subprocess
import sys

from tests.conftest import REPO, SAMPLE
from viewer.core.report import parse_path
from viewer.store import LibraryStore

#: Modules (and packages, with their submodules) the window's first paint must not need.
NOT_AT_FIRST_PAINT = (
    "lxml", "rapidfuzz", "sqlite_utils", "pypdfium2", "pypdfium2_raw", "PySide6.QtPrintSupport",
    "viewer.core.ingest", "viewer.core.structure", "viewer.core.figures", "viewer.core.report",
    "viewer.core.anchors", "viewer.core.share", "viewer.core.pdf_text",
    "viewer.ui.exports.report_printer", "viewer.ui.annotations.note_card", "viewer.ui.annotations.note_editor",
    "viewer.ui.annotations.note_dialog",
    # built or used after the first paint (or on first use): the side tabs' panels, the export
    # renderers, the Open dialog and the recent list's texts
    "viewer.ui.reader.figures_panel", "viewer.ui.annotations.notes_panel", "viewer.ui.annotations.annotation_model",
    "viewer.core.export.csv_tables", "viewer.core.export.html_page", "viewer.core.export.markdown", "csv",
    "viewer.ui.dialogs.report_chooser", "viewer.ui.dialogs.file_dialogs", "viewer.ui.reader.find_bar",
    "viewer.ui.dialogs.help_dialogs", "html", "viewer.core.search", "unicodedata",
)

#: Starts the app as `python -m viewer` does and prints, as JSON, the report it opened and the
#: modules loaded when it ended (at its first paint, with --exit-after-show).
FIRST_PAINT_CHILD = """
import json, sys
from viewer.ui import main_window
opened = []
class Window(main_window.MainWindow):
    def open_document(self, doc_id):
        super().open_document(doc_id)
        opened.append(self.report_title())
main_window.MainWindow = Window
from viewer.cli import main
code = main(sys.argv[1:])
check = getattr(sys.modules.get("shibokensupport.feature"), "_mod_uses_pyside", None)
print(json.dumps({"code": code, "opened": opened, "modules": sorted(sys.modules),
                  "import_check": getattr(check, "__module__", None)}))
"""

#: Starts the app on FILE; once the window is drawn and its deferred steps have run, prints what
#: the 目录, the 数据 tab and the 批注 tab show, and quits through File › Quit.
SHOWN_CHILD = """
import json, sys
from viewer.ui import app, main_window
class Window(main_window.MainWindow):
    def showEvent(self, event):
        super().showEvent(event)
        if not hasattr(self, "reported"):
            self.reported = True
            self.after_first_paint.later(self.report_and_quit)   # behind the window's own steps
    def report_and_quit(self):
        print(json.dumps({
            "title": self.report_title(),
            "sections": self.tree_panel.model.rowCount(),
            "figures": self.figures_panel.model.rowCount(),
            "notes": [a.body for a in self.notes_panel.shown()],
            "text": self.view.text()[:20]}, ensure_ascii=False), flush=True)
        self.quit_action.trigger()
main_window.MainWindow = Window
from viewer.cli.args import parse_app_args
sys.exit(app.run_app(parse_app_args(sys.argv[1:])))
"""


def _library_with_the_sample(path):
    report = parse_path(SAMPLE)
    with LibraryStore(path) as store:
        doc_id = store.import_report(report, source_path=SAMPLE).document_id
        store.add_annotation(doc_id, "note", 40, 52, body="核对这个数字")
        store.set_setting("last_document", doc_id)
    return report


def _child_env():
    import os

    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")


def test_the_first_paint_on_a_stored_report_loads_no_parser_share_or_editor_module(tmp_path):
    db = tmp_path / "library.sqlite3"
    report = _library_with_the_sample(db)
    proc = subprocess.run([sys.executable, "-c", FIRST_PAINT_CHILD, "--db", str(db), "--exit-after-show"],
                          env=_child_env(), cwd=REPO, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    assert result["code"] == 0 and result["opened"] == [report.title]
    assert "viewer.ui.main_window" in result["modules"]
    assert result["import_check"] == "viewer.ui.pyside_hook"      # PySide6's slow one replaced
    loaded = [m for m in result["modules"]
              if any(m == name or m.startswith(name + ".") for name in NOT_AT_FIRST_PAINT)]
    assert loaded == []


def test_a_report_named_on_the_command_line_shows_its_sections_figures_and_notes(tmp_path):
    db = tmp_path / "library.sqlite3"
    report = _library_with_the_sample(db)
    proc = subprocess.run([sys.executable, "-c", SHOWN_CHILD, "--db", str(db), str(SAMPLE)],
                          env=_child_env(), cwd=REPO, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    shown = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    assert shown["title"] == report.title
    assert shown["sections"] == len(report.sections) > 0
    assert shown["figures"] == len(report.figures) > 0
    assert shown["notes"] == ["核对这个数字"]
    assert shown["text"] == report.text[:20]
