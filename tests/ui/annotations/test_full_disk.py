"""A full disk while a reader writes (a real SQLITE_FULL: the library may not grow): one message box
in the UI's language naming the library and saying what to do, the typed text kept in the editor,
nothing written, and the same text saved once there is room."""

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.full_disk import fill_the_disk, free_space
from viewer.ui.main_window import MainWindow

LONG = "这一段批注写得很长，" * 150          # more than a page: it needs room the disk does not have


@pytest.fixture
def win(window, qtbot):
    window.session.set_setting("author", "张三")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.fixture
def boxes(monkeypatch):
    """The warnings shown (title, text), as the user would read them; no modal box waits."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    # (closing the window at the end of a test with text still refused: quit without waiting on a box)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    return shown


def make_note(win, fragment, body):
    start = win.view.text().index(fragment)
    note = win.session.add_annotation("note", start, start + len(fragment), body=body)
    win.side_tabs.setCurrentWidget(win.notes_panel)
    return note


def said_disk_full(win, text: str) -> bool:
    return win.store.path in text and "磁盘已满" in text and "腾出磁盘空间" in text


def test_typing_in_a_note_card_on_a_full_disk_keeps_the_text_in_the_editor_and_saves_it_once_there_is_room(
        win, qtbot, boxes):
    note = make_note(win, "新增四项工作制度", "初稿")
    editor = win.notes_panel.edit(note.uuid)
    fill_the_disk(win.store)
    before = win.store.dump()
    editor.insertPlainText(LONG)
    editor.flush()                                      # (what the pause in typing does)
    assert len(boxes) == 1 and said_disk_full(win, boxes[0][1])
    assert "仍在编辑框中" in boxes[0][1]
    assert win.store.dump() == before and win.store.integrity_ok()       # rolled back, not damaged
    assert win.notes_panel.delegate.open_editor() is editor and editor.toPlainText() == "初稿" + LONG
    win.notes_panel.filter_edit.setFocus()                               # clicking elsewhere: tried again
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut))   # (offscreen focus is unreliable)
    assert win.notes_panel.delegate.open_editor() is editor             # still refused: the editor stays
    assert editor.toPlainText() == "初稿" + LONG and len(boxes) == 1     # said once, then the status bar
    assert "磁盘已满" in win.notice_label.text()
    free_space(win.store)
    win.notes_panel.filter_edit.setFocus()
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut))
    assert win.store.annotation(note.uuid).body == "初稿" + LONG
    assert win.notes_panel.delegate.open_editor() is None                # saved: editing ends as usual
    win.annotating.undo_action.trigger()                                 # one undo step, as always
    assert win.store.annotation(note.uuid).body == "初稿"


def test_a_real_message_box_taking_the_focus_from_the_card_editor_neither_closes_it_nor_saves_twice(
        win, qtbot, monkeypatch):
    note = make_note(win, "新增四项工作制度", "初稿")
    editor = win.notes_panel.edit(note.uuid)
    editor.setFocus()
    fill_the_disk(win.store)
    failures = []
    real_update = win.session.update_annotation
    monkeypatch.setattr(win.session, "update_annotation",
                        lambda *a, **k: failures.append(1) or real_update(*a, **k))
    shown = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut))   # what the box's focus does
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, answer)
    editor.insertPlainText(LONG)
    editor.flush()
    assert len(shown) == 1 and failures == [1]
    assert win.notes_panel.delegate.open_editor() is editor and editor.toPlainText().endswith(LONG)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)


def test_a_new_note_typed_in_its_dialog_on_a_full_disk_stays_in_the_open_dialog_until_it_is_saved(
        win, qtbot, boxes):
    text = win.view.text()
    start = text.index("新增四项工作制度")
    win.view.select_offsets(start, start + 8)
    win.annotating.add_note_action.trigger()
    dialog = win.annotating.note_dialog
    uuid = win.notes_panel.current().uuid
    fill_the_disk(win.store)
    dialog.editor.insertPlainText(LONG)
    dialog.accept()                                     # 完成: the save fails
    assert len(boxes) == 1 and said_disk_full(win, boxes[0][1])
    assert dialog.isVisible() and dialog.editor.toPlainText() == LONG
    assert win.store.annotation(uuid).body == ""
    free_space(win.store)
    dialog.accept()
    assert not dialog.isVisible() and win.store.annotation(uuid).body == LONG


def test_a_bookmark_on_a_full_disk_is_one_message_and_no_bookmark_and_no_undo_step(win, boxes):
    fill_the_disk(win.store)
    before = win.store.dump()
    assert win.annotating.bookmark_position() is None
    assert len(boxes) == 1 and said_disk_full(win, boxes[0][1]) and "仍在编辑框中" not in boxes[0][1]
    assert win.store.dump() == before and not win.annotating.undo_stack.canUndo()
    free_space(win.store)
    assert win.annotating.bookmark_position() is not None


def test_importing_a_report_on_a_full_disk_is_one_message_and_nothing_imported(win, boxes, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("另一份报告\n\n一、情况\n\n" + "全年受理案件四十一件。" * 400 + "\n", encoding="utf-8")
    fill_the_disk(win.store)
    count = len(win.store.documents())
    assert not win.import_and_open(other)
    assert len(boxes) == 1 and said_disk_full(win, boxes[0][1])
    assert len(win.store.documents()) == count and win.store.integrity_ok()
    free_space(win.store)
    assert win.import_and_open(other)


def test_the_message_is_in_english_in_the_english_ui(win, boxes):
    from viewer.ui import ui_language

    ui_language.set_current("en")
    fill_the_disk(win.store)
    win.annotating.bookmark_position()
    assert "the disk is full" in boxes[0][1] and "Free some disk space" in boxes[0][1]


def test_closing_the_window_with_a_note_the_disk_refused_asks_first(win, boxes, monkeypatch):
    note = make_note(win, "新增四项工作制度", "初稿")
    editor = win.notes_panel.edit(note.uuid)
    fill_the_disk(win.store)
    editor.insertPlainText(LONG)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    win.close()
    assert asked and "磁盘已满" in asked[0] and win.isVisible()          # stays open, the text with it
    assert editor.toPlainText() == "初稿" + LONG
    free_space(win.store)
    win.close()
    assert not win.isVisible() and win.store.annotation(note.uuid).body == "初稿" + LONG
