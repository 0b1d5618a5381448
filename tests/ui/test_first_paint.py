"""Start-up deferral: what the app's first paint does not show is done right after it, and is
there, correct, when the reader reaches it (the 数据 table, the 批注 tab's cards)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from tests.conftest import SAMPLE
from viewer.core.report import parse_path
from viewer.ui.first_paint import AfterFirstPaint
from viewer.ui.main_window import MainWindow


def test_queued_steps_run_once_each_in_order_after_the_first_paint(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    deferred = AfterFirstPaint(widget)
    ran = []
    first, second = (lambda: ran.append("first")), (lambda: ran.append("second"))
    deferred.later(first)
    deferred.later(second)
    deferred.later(first)                      # queued again before the paint: still once
    assert ran == [] and not deferred.painted
    widget.show()
    qtbot.waitUntil(lambda: deferred.done)
    assert deferred.painted and ran == ["first", "second"]
    deferred.later(second)                     # after it: at once
    assert ran == ["first", "second", "second"]


def test_run_now_does_the_queued_steps_before_any_paint(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    deferred = AfterFirstPaint(widget)
    ran = []
    deferred.later(lambda: ran.append(1))
    deferred.run_now()
    assert ran == [1] and deferred.done and not deferred.painted


def test_without_deferral_steps_run_at_once(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    ran = []
    AfterFirstPaint(widget, defer=False).later(lambda: ran.append(1))
    assert ran == [1]


def _start_window(qtbot, store):
    win = MainWindow(store, defer_until_painted=True)
    qtbot.addWidget(win)
    win.resize(1280, 860)
    return win


def test_the_figures_table_is_filled_after_the_first_paint_of_a_deferred_start(qtbot, store):
    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    win = _start_window(qtbot, store)
    win.open_document(doc_id)
    assert win.figures_panel.model.rowCount() == 0         # not in the first paint
    assert win.tree_panel.model.rowCount() > 0             # the 目录 is
    win.show()
    qtbot.waitUntil(lambda: win.after_first_paint.done)
    figures = store.figures(doc_id)
    assert figures and win.figures_panel.model.rowCount() == len(figures)
    shown = [win.figures_panel.model.figure(row) for row in range(win.figures_panel.model.rowCount())]
    assert shown == figures


def test_a_report_opened_before_the_first_paint_fills_the_table_with_its_own_figures(qtbot, store, tmp_path):
    first = store.import_report(parse_path(SAMPLE)).document_id
    other_path = tmp_path / "另一份报告.txt"
    text = SAMPLE.read_text("utf-8")
    other_path.write_text("另一份年度工作报告\n" + text.split("\n", 1)[1].split("\n", 40)[-1], "utf-8")
    second = store.import_report(parse_path(other_path)).document_id
    win = _start_window(qtbot, store)
    win.open_document(first)
    win.open_document(second)                  # switched before the window was ever drawn
    win.show()
    qtbot.waitUntil(lambda: win.after_first_paint.done)
    assert win.figures_panel.model.rowCount() == len(store.figures(second))
    assert len(store.figures(second)) != len(store.figures(first))


def test_the_notes_tab_builds_its_cards_when_first_shown_and_lists_the_notes(qtbot, store):
    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    store.add_annotation(doc_id, "note", 40, 52, body="核对这个数字")
    store.add_annotation(doc_id, "bookmark", 80, 80)
    win = _start_window(qtbot, store)
    win.open_document(doc_id)
    win.show()
    qtbot.waitUntil(lambda: win.after_first_paint.done)
    assert win.notes_panel._view is None       # the 数据 tab is on screen: no cards built yet
    win.side_tabs.setCurrentWidget(win.notes_panel)
    assert win.notes_panel._view is not None and win.notes_panel.view.isVisible()
    assert [a.body for a in win.notes_panel.shown()] == ["核对这个数字"]
    assert win.notes_panel.view.model().rowCount() == 1
    assert win.notes_panel.count_label.text() == "共 1 条"
    assert [a.kind for a in win.bookmarks_panel.shown()] == ["bookmark"]


def test_a_tab_asked_for_its_cards_before_it_is_shown_builds_them(qtbot, store):
    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    note = store.add_annotation(doc_id, "note", 40, 52, body="核对")
    win = _start_window(qtbot, store)
    win.open_document(doc_id)
    assert win.notes_panel.select(note.uuid)             # e.g. a new note shown in its tab
    assert win.notes_panel.current().uuid == note.uuid


def test_the_side_tabs_panels_are_built_after_the_first_paint_on_the_tab_that_was_shown(qtbot, store):
    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    store.add_annotation(doc_id, "note", 40, 52, body="核对这个数字")
    win = _start_window(qtbot, store)
    win.open_document(doc_id)
    win.side_tabs.setCurrentIndex(1)                       # the 批注 tab, as a restored layout may say
    assert win._figures_panel is None                      # not in the first paint: empty pages
    assert [win.side_tabs.tabText(i) for i in range(3)] == ["数据", "批注", "书签"]
    win.show()
    qtbot.waitUntil(lambda: win.after_first_paint.done)
    assert win._figures_panel is not None
    assert [win.side_tabs.widget(i) for i in range(win.side_tabs.count())] == [
        win.figures_panel, win.notes_panel, win.bookmarks_panel]
    assert [win.side_tabs.tabText(i) for i in range(3)] == ["数据", "批注", "书签"]
    assert win.side_tabs.currentWidget() is win.notes_panel and win.notes_panel.view.isVisible()
    assert [a.body for a in win.notes_panel.shown()] == ["核对这个数字"]
    assert win.figures_panel.model.rowCount() == len(store.figures(doc_id))


def test_a_side_panel_asked_for_before_the_first_paint_is_built_then_with_the_open_report(qtbot, store):
    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    note = store.add_annotation(doc_id, "note", 40, 52, body="核对")
    store.add_annotation(doc_id, "bookmark", 80, 80)
    win = _start_window(qtbot, store)
    win.open_document(doc_id)
    win.annotating.set_colour_names({"yellow": "必读"})     # before the tabs exist
    assert win._figures_panel is None
    win.show_annotation(note)                              # e.g. a click on a note in the text
    assert win.side_tabs.currentWidget() is win.notes_panel
    assert win.notes_panel.current().uuid == note.uuid
    assert [a.kind for a in win.bookmarks_panel.shown()] == ["bookmark"]
    assert win.notes_panel.colour_combo.findText("必读") > 0
    win.figures_panel.figureActivated.emit(store.figures(doc_id)[0])   # its signals are connected
    assert win.view.textCursor().hasSelection()
    win.show()
    qtbot.waitUntil(lambda: win.after_first_paint.done)
    assert win.side_tabs.count() == 3 and win.side_tabs.currentWidget() is win.notes_panel
    assert win.figures_panel.model.rowCount() == len(store.figures(doc_id))


def test_a_note_typed_in_a_tab_built_late_is_saved_on_quit(qtbot, store):
    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    note = store.add_annotation(doc_id, "note", 40, 52, body="旧")
    win = _start_window(qtbot, store)
    win.open_document(doc_id)
    win.show()
    qtbot.waitUntil(lambda: win.after_first_paint.done)
    win.side_tabs.setCurrentWidget(win.notes_panel)
    editor = win.notes_panel.edit(note.uuid)
    assert editor is not None
    editor.setPlainText("新的批注")
    win.close()
    assert [a.body for a in store.annotations(doc_id) if a.uuid == note.uuid] == ["新的批注"]


def test_ctrl_f_before_any_deferred_step_builds_the_find_bar_and_marks_the_hits(qtbot, store):
    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    win = _start_window(qtbot, store)
    win.open_document(doc_id)
    assert win._find_bar is None                           # the first paint has no find bar
    win.show()
    assert not win.after_first_paint.done
    win.find_action.trigger()                              # Ctrl+F (QTest keys skip the shortcut map)
    assert win.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert win._find_bar is not None and win.find_bar.isVisible()
    for ch in "调解":                       # one character at a time (QTest cannot type CJK)
        win.find_bar.edit.insert(ch)
    hit, total = win.find_count()
    assert total > 0 and hit >= 0 and win.find_bar.counter.text() == f"{hit + 1}/{total}"
    assert win.view.extraSelections()
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Escape)
    assert not win.find_bar.isVisible() and win.find_count() == (-1, 0)


def test_the_help_and_colour_dialogs_load_their_modules_when_first_opened(qtbot, store, monkeypatch):
    from PySide6.QtWidgets import QDialog

    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    win = _start_window(qtbot, store)
    win.open_document(doc_id)
    win.show()
    assert not win.after_first_paint.done                  # before any deferred step
    assert win.help.guide_action in win.help_menu.actions()
    assert win.help.shortcuts_action in win.help_menu.actions()
    win.help.guide_action.trigger()                        # F1
    assert win.help.guide_dialog is not None and win.help.guide_dialog.isVisible()
    assert "Ctrl+F" in win.help.guide_dialog.text()         # read from the window's actions
    win.help.shortcuts_action.trigger()
    assert ("查找…", "Ctrl+F") in win.help.shortcuts_dialog.rows()
    titles = []
    monkeypatch.setattr(QDialog, "exec", lambda self: (titles.append(self.windowTitle()), 0)[1])
    win.annotating.rename_colours_action.trigger()
    assert titles == ["重命名高亮颜色"]
