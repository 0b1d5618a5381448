"""The 书库 in the app, on a real library: File › 书库… (Ctrl+L), open, rename, remove into the 回收站 and
restore with the notes, CSV of every listed report, imports shown, English labels."""

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import SAMPLE
from tests.ui.library.corpus import write_corpus
from viewer.ui.app import Translations
from viewer.ui.library import library_actions
from viewer.ui.library.columns import TITLE_COLUMN, column_of

SMALL = "关于2025年工作的报告\n一、总体情况\n全年共办理案件41件，同比增长12.5%。\n"


@pytest.fixture
def two(make_window, tmp_path):
    """A window with two reports, the sample open; (window, the other report's id)."""
    small = tmp_path / "small.txt"
    small.write_text(SMALL, encoding="utf-8")
    win = make_window(small)
    small_id = win.session.doc_id
    assert win.import_and_open(SAMPLE)
    return win, small_id


def _library(win, qtbot):
    win.library.library_action.trigger()
    dialog = win.library.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()                  # its keys (F2, Delete) are its own window's shortcuts
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _double_click(qtbot, dialog, doc_id):
    row = dialog.model.row_of(doc_id)
    rect = dialog.table.visualRect(dialog.model.index(row, TITLE_COLUMN))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_file_library_with_ctrl_l_lists_every_report_the_open_one_selected(two, qtbot):
    win, small_id = two
    assert win.library.library_action in win.file_menu.actions()
    assert win.library.library_action.shortcut() == QKeySequence("Ctrl+L")
    dialog = _library(win, qtbot)
    assert dialog.status_label.text() == "共 2 份报告"
    assert {dialog.model.entry(r).id for r in range(2)} == {small_id, win.session.doc_id}
    assert dialog.current_id() == win.session.doc_id


def test_double_click_opens_that_report_in_the_window_and_the_library_closes(two, qtbot):
    win, small_id = two
    dialog = _library(win, qtbot)
    _double_click(qtbot, dialog, small_id)
    assert win.session.doc_id == small_id and win.windowTitle().startswith("关于2025年工作的报告")
    assert not dialog.isVisible()
    again = _library(win, qtbot)
    assert again.model.entry(again.model.row_of(small_id)).last_opened_at    # 最近打开 is set


def test_enter_opens_the_selected_report(two, qtbot):
    win, small_id = two
    dialog = _library(win, qtbot)
    dialog.select_id(small_id)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert win.session.doc_id == small_id


def test_rename_changes_the_row_and_the_window_title_of_the_open_report(two, qtbot, monkeypatch):
    win, _small_id = two
    dialog = _library(win, qtbot)
    open_id = win.session.doc_id
    monkeypatch.setattr(library_actions, "ask_title", lambda *a: "渝中区2020年法治报告（改）")
    dialog.select_id(open_id)
    dialog.focus_list()                      # as a click on the row does
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    assert dialog.model.entry(dialog.model.row_of(open_id)).title == "渝中区2020年法治报告（改）"
    assert win.windowTitle().startswith("渝中区2020年法治报告（改） — ")
    assert win.session.title == "渝中区2020年法治报告（改）"


def test_a_blank_title_is_refused_with_a_message_and_changes_nothing(two, qtbot, monkeypatch):
    win, small_id = two
    dialog = _library(win, qtbot)
    before = win.store.dump()
    shown = []
    monkeypatch.setattr(library_actions, "ask_title", lambda *a: "   ")
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    assert not win.library.rename_report(small_id)
    assert len(shown) == 1 and "标题" in shown[0]
    assert win.store.dump() == before


def test_delete_asks_moves_to_the_trash_and_restore_brings_back_its_notes(two, qtbot, monkeypatch):
    win, small_id = two
    win.open_document(small_id)
    note = win.session.add_annotation("note", 0, 4, body="核对")
    win.open_document(next(e for e in (d.id for d in win.store.documents()) if e != small_id))
    dialog = _library(win, qtbot)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    dialog.select_id(small_id)
    dialog.focus_list()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "1 条批注" in asked[0] and "批注不会丢失" in asked[0]
    assert dialog.model.row_of(small_id) == -1 and dialog.status_label.text() == "共 1 份报告"
    assert dialog.tabs.tabText(1) == "回收站 (1)"
    dialog.show_trash()
    assert [dialog.model.entry(r).id for r in range(dialog.model.rowCount())] == [small_id]
    assert dialog.model.entry(0).notes == 1                  # its notes wait in the 回收站 with it
    dialog.select_id(small_id)
    dialog.restore_action.trigger()
    assert dialog.model.total == 0
    dialog.show_trash(False)
    assert dialog.model.entry(dialog.model.row_of(small_id)).notes == 1
    assert win.store.annotations(small_id) == [note]


def test_no_to_the_question_changes_nothing(two, qtbot, monkeypatch):
    win, small_id = two
    dialog = _library(win, qtbot)
    before = win.store.dump()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.select_id(small_id)
    dialog.remove_action.trigger()
    assert win.store.dump() == before and dialog.model.row_of(small_id) >= 0


def test_removing_the_open_report_opens_another_as_file_move_to_trash_does(two, qtbot, monkeypatch):
    win, small_id = two
    open_id = win.session.doc_id
    dialog = _library(win, qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.select_id(open_id)
    dialog.remove_action.trigger()
    assert win.store.is_removed(open_id) and win.session.doc_id == small_id
    assert win.windowTitle().startswith("关于2025年工作的报告")
    assert dialog.model.row_of(open_id) == -1


def test_csv_export_writes_every_filtered_report_not_only_the_fetched_rows(make_window, tmp_path, qtbot):
    win = make_window(SAMPLE)
    for path in write_corpus(tmp_path / "corpus"):
        win.session.import_file(path)
    dialog = _library(win, qtbot)
    dialog.model.page_size = 4
    dialog.filter_bar.text_box.setText("北京")
    dialog.filter_bar.flush()
    assert dialog.model.rowCount() == 4 < dialog.model.total
    out = tmp_path / "list.csv"
    assert win.library.write_csv(str(out))
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")                   # UTF-8 with a BOM, as the app's other CSVs
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    titles = [dialog.model.entry(r).title for r in range(4)]
    assert len(rows) == 1 + dialog.model.total and all(any(t in cell for cell in rows[i + 1]) for i, t in enumerate(titles))
    assert all("北京" in ",".join(row) for row in rows[1:])


def test_an_import_while_the_library_is_shown_lists_the_new_report(two, qtbot, tmp_path):
    win, _small_id = two
    dialog = _library(win, qtbot)
    other = tmp_path / "other.txt"
    other.write_text("北京市人民政府关于做好防汛工作的通知\n一、总体要求\n做好准备。\n", encoding="utf-8")
    result = win.session.import_file(other)
    assert dialog.model.row_of(result.document_id) >= 0 and dialog.status_label.text() == "共 3 份报告"


def test_a_new_note_updates_its_reports_notes_count(two, qtbot):
    win, _small_id = two
    dialog = _library(win, qtbot)
    open_id = win.session.doc_id
    win.session.add_annotation("note", 0, 4, body="核对")
    assert dialog.model.index(dialog.model.row_of(open_id), column_of("notes")).data() == "1"


def test_english_labels(two, qtbot):
    win, _small_id = two
    translations = Translations(QApplication.instance())
    win.languageRequested.connect(translations.set_language)
    try:
        win.lang_en_action.trigger()
        qtbot.waitUntil(lambda: win.file_menu.title() == "&File")
        assert win.library.library_action.text() == "&Library…"
        dialog = _library(win, qtbot)
        headers = [dialog.model.headerData(i, Qt.Orientation.Horizontal) for i in range(dialog.model.columnCount())]
        assert headers == ["Title", "Issued by", "Date", "Kind", "Source file", "Sections", "Figures", "Notes",
                           "Imported", "Last opened"]
        assert dialog.windowTitle().startswith("Library") and dialog.status_label.text() == "2 reports"
        assert dialog.tabs.tabText(0) == "Library (2)" and dialog.tabs.tabText(1) == "Trash (0)"
        assert dialog.filter_bar.kind_combo.itemText(0) == "All kinds"
        assert [a.text() for a in dialog.context_menu().actions() if not a.isSeparator()] == [
            "Open", "Rename…", "Move to Trash…", "Export List as CSV…"]
    finally:
        translations.set_language("zh")


def test_the_open_report_is_bold_and_follows_what_the_window_opens(two, qtbot):
    win, small_id = two
    dialog = _library(win, qtbot)
    bold = lambda doc_id: bool(dialog.model.index(dialog.model.row_of(doc_id), 0).data(Qt.ItemDataRole.FontRole))  # noqa: E731
    assert bold(win.session.doc_id) and not bold(small_id)
    win.open_document(small_id)
    assert bold(small_id)


def test_the_sort_and_columns_are_kept_for_the_next_start(two, qtbot, make_window):
    win, _small_id = two
    dialog = _library(win, qtbot)
    dialog.table.horizontalHeader().setSortIndicator(column_of("issued"), Qt.SortOrder.DescendingOrder)
    dialog.close()
    again = make_window(restore=True)
    assert again.library.dialog.model.sort_key == "issued" and again.library.dialog.model.descending
