"""File › Export, Save as PDF, Share and Import share as a reader uses them: files written, the
import preview, what Import and Cancel do, and a broken file's message box."""

import csv
import io
import json

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import SAMPLE
from viewer.store import LibraryStore
from viewer.ui.exports import export_actions
from viewer.ui.app import open_initial_report
from viewer.ui.main_window import MainWindow
from viewer.ui.dialogs.share_dialogs import ImportPreviewDialog, ShareDialog

MARKUP = '<b>粗体</b><a href="http://example.com">链接</a><img src=x onerror=alert(1)>'


@pytest.fixture
def annotated(window):
    """The sample open with a note (markup in its body), a blue highlight and a bookmark, by 张三."""
    window.session.set_setting("author", "张三")
    text = window.view.text()
    at = text.index("41件")
    add = window.session.add_annotation
    add("note", at, at + 3, body="核对这个数字 " + MARKUP)
    add("highlight", at + 10, at + 20, colour="blue")
    add("bookmark", 100, 100, body="读到这里")
    return window


@pytest.fixture
def receiver(qtbot, tmp_path):
    """A second library (李四) with its own window and no report yet."""
    store = LibraryStore(tmp_path / "other.sqlite3")
    store.set_setting("author", "李四")
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    store.close()


@pytest.fixture
def warnings(monkeypatch):
    """Message boxes the controller raised, instead of blocking the test."""
    shown = []
    monkeypatch.setattr(export_actions.QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append((title, text)) or QMessageBox.StandardButton.Ok)
    return shown


@pytest.mark.parametrize("fmt,suffix", [("md", ".md"), ("html", ".html"), ("csv", ".csv"), ("jsonld", ".jsonld")])
def test_export_writes_each_format_with_the_note_and_its_section(annotated, tmp_path, fmt, suffix):
    path = tmp_path / f"notes{suffix}"
    assert annotated.exports.write_annotations(path, fmt)
    data = path.read_bytes()
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert any("核对这个数字" in cell for row in rows for cell in row)
    elif fmt == "jsonld":
        assert len(json.loads(data)["first"]["items"]) == 3
    else:
        text = data.decode("utf-8")
        assert "核对这个数字" in text and "41件" in text
    assert str(path) in annotated.notice_label.text()


def test_html_export_shows_markup_in_a_note_as_text(annotated, tmp_path):
    path = tmp_path / "notes.html"
    annotated.exports.write_annotations(path, "html")
    html = path.read_text("utf-8")
    assert "<img" not in html and "<a " not in html and "&lt;b&gt;粗体&lt;/b&gt;" in html


def test_save_as_pdf_writes_a_pdf_with_embedded_fonts(annotated, tmp_path):
    path = tmp_path / "report.pdf"
    assert annotated.exports.write_pdf(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"/FontFile2" in data


def test_export_to_an_unwritable_place_shows_a_message_and_writes_nothing(annotated, tmp_path, warnings):
    assert not annotated.exports.write_annotations(tmp_path, "md")
    assert not annotated.exports.write_pdf(tmp_path)
    assert len(warnings) == 2 and str(tmp_path) in warnings[0][1]


def test_share_dialog_offers_each_kind_with_its_count(annotated, qtbot):
    dialog = ShareDialog("报告", {"all": 3, "notes": 1, "bookmarks": 1, "highlights": 1}, annotated)
    qtbot.addWidget(dialog)
    assert dialog.only() == "all"
    dialog.set_only("bookmarks")
    assert dialog.only() == "bookmarks" and not dialog.include_report.isChecked()


def test_import_preview_lists_what_will_happen_and_import_applies_it(annotated, receiver, tmp_path, qtmodeltester):
    path = tmp_path / "张三.rvshare.json"
    annotated.exports.write_share(path, include_report=True)
    dialog = receiver.exports.preview_import(path)
    assert isinstance(dialog, ImportPreviewDialog) and dialog.isVisible()
    qtmodeltester.check(dialog.model)
    assert [dialog.model.data(dialog.model.index(r, 0)) for r in range(3)] == ["新增"] * 3
    assert "将同时导入" in dialog.summary_label.text()
    assert receiver.store.documents() == []                  # nothing happens before Import
    dialog.accept()
    assert receiver.doc_id is not None
    bodies = [a.body for a in receiver.store.annotations(receiver.doc_id)]
    assert "核对这个数字 " + MARKUP in bodies and "读到这里" in bodies
    assert receiver.view.text() == annotated.view.text()
    assert "新增 3" in receiver.notice_label.text()


def test_cancelling_the_preview_changes_nothing(annotated, receiver, tmp_path):
    path = tmp_path / "a.rvshare.json"
    annotated.exports.write_share(path, include_report=True)
    before = receiver.store.dump()
    receiver.exports.preview_import(path).reject()
    assert receiver.store.dump() == before


def test_importing_the_same_file_again_offers_nothing_to_import(annotated, receiver, tmp_path):
    path = tmp_path / "a.rvshare.json"
    annotated.exports.write_share(path, include_report=True)
    receiver.exports.preview_import(path).accept()
    again = receiver.exports.preview_import(path)
    assert not again.import_button.isEnabled() and again.model.rowCount() == 0


def test_preview_shows_a_markup_body_as_plain_text(annotated, receiver, tmp_path):
    path = tmp_path / "a.rvshare.json"
    annotated.exports.write_share(path, only="notes", include_report=True)
    dialog = receiver.exports.preview_import(path)
    body = dialog.model.data(dialog.model.index(0, 4))
    assert MARKUP in body


@pytest.mark.parametrize("content", [b"not json at all", b'{"@context": "http://www.w3.org/ns/anno.jsonld"',
                                     b"[" * 50_000])
def test_a_broken_share_file_gets_a_message_box_and_changes_nothing(receiver, tmp_path, warnings, content):
    path = tmp_path / "broken.rvshare.json"
    path.write_bytes(content)
    before = receiver.store.dump()
    assert receiver.exports.preview_import(path) is None
    assert len(warnings) == 1 and warnings[0][1].startswith("broken.rvshare.json：")     # the Chinese UI's line
    assert receiver.store.dump() == before


def test_a_broken_share_file_in_the_english_ui_gets_an_english_message(receiver, tmp_path, warnings):
    from viewer.ui import ui_language

    path = tmp_path / "broken.rvshare.json"
    path.write_bytes(b"[]")
    ui_language.set_current("en")                 # what Translations.set_language("en") does for messages
    assert receiver.exports.preview_import(path) is None
    assert warnings[0][1] == ("broken.rvshare.json: top level: not a share file (expected a JSON object); "
                              "nothing was imported")


def test_a_share_file_given_as_the_file_argument_opens_the_preview(annotated, receiver, tmp_path):
    path = tmp_path / "a.rvshare.json"
    annotated.exports.write_share(path, include_report=True)
    open_initial_report(receiver, receiver.store, str(path))
    assert receiver.exports.preview_dialog is not None and receiver.exports.preview_dialog.isVisible()


def test_file_menu_holds_share_import_export_print_and_pdf(annotated):
    texts = [a.text() for a in annotated.file_menu.actions()]
    for expected in ("导入分享文件", "分享批注和书签", "导出批注和书签", "打印", "打印预览", "另存为 PDF"):
        assert any(expected in t for t in texts), expected


def test_import_preview_screenshot(annotated, receiver, tmp_path, screenshot_dir, qtbot):
    text = annotated.view.text()
    receiver.store.import_report(__import__("viewer.core.report", fromlist=["parse_path"]).parse_path(SAMPLE))
    path = tmp_path / "a.rvshare.json"
    annotated.exports.write_share(path)
    dialog = receiver.exports.preview_import(path)
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 3 and text
    assert dialog.grab().save(str(screenshot_dir / "share-import-preview-zh.png"))


def test_print_sends_the_report_with_its_notes_to_the_chosen_printer(annotated, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    out = tmp_path / "printed.pdf"

    def choose_pdf_printer(dialog):          # what a user does in the print dialog, without the dialog
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_pdf_printer)
    annotated.exports.print_report()
    assert out.read_bytes().startswith(b"%PDF") and b"/FontFile2" in out.read_bytes()


def test_save_as_pdf_asks_for_a_pdf_path_in_a_dialog_titled_save_as_pdf(annotated, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    from viewer.ui.exports import export_actions

    asked = []

    def choose(parent, caption, directory, filters):
        asked.append((caption, directory, filters))
        return str(tmp_path / "简报"), filters

    monkeypatch.setattr(export_actions, "get_save_file_name", choose)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: pytest.fail("Save as PDF opened the print dialog"))
    annotated.exports.pdf_action.trigger()
    [(caption, directory, filters)] = asked
    assert caption == "另存为 PDF" and directory.endswith(".pdf") and "*.pdf" in filters
    assert (tmp_path / "简报.pdf").read_bytes().startswith(b"%PDF")


def test_print_preview_shows_the_same_pages_as_save_as_pdf(annotated, qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from viewer.ui.exports.report_printer import write_pdf

    pages = write_pdf(annotated.exports.print_document(), str(tmp_path / "r.pdf"), title="r").total
    dialog = annotated.exports.make_print_preview()
    painted = []
    dialog.paintRequested.connect(lambda printer: painted.append(printer.pageLayout()))
    dialog.show()                                  # not exec(): the test goes on while it is open
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert painted and preview.pageCount() == pages >= 2
    assert "打印预览" in dialog.windowTitle() and annotated.report_title() in dialog.windowTitle()
    dialog.close()
