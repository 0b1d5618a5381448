"""Notes, bookmarks and highlights as a reader meets them: from a selection to the marks in the
text, the 批注 / 书签 tabs, undo and redo, and a restart."""

import time

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFocusEvent, QHelpEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QInputDialog, QStyleOptionViewItem, QToolTip

from tests.conftest import SAMPLE
from viewer.core.model import Annotation, iter_sections, section_path
from viewer.ui import palette
from viewer.ui.app import Translations
from viewer.ui.main_window import MainWindow
from viewer.ui.annotations.annotation_model import NO_COLOUR, AnnotationListModel, AnnotationRole
from viewer.ui.annotations.note_editor import SAVE_DELAY_MS
from viewer.ui.annotations.notes_panel import NotesPanel
from viewer.ui.reader.text_pane import ReportView

NOTE_BAND = palette.annotation_background("note", "")


@pytest.fixture
def win(window, qtbot):
    window.session.set_setting("author", "张三")    # asked once in real use; no dialog in tests
    window.activateWindow()                         # window shortcuts (Ctrl+D, Ctrl+Z) need it
    qtbot.waitUntil(window.isActiveWindow)
    return window


def select(win, fragment, nth=0):
    """Select the nth occurrence of `fragment` in the report; returns its code-point span."""
    text = win.view.text()
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    win.view.select_offsets(start, start + len(fragment))
    return start, start + len(fragment)


def add_note(win, qtbot, fragment, body):
    """Select, 添加批注, type the body in the dialog, finish."""
    select(win, fragment)
    win.annotating.add_note_action.trigger()
    dialog = win.annotating.note_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.editor.insertPlainText(body)
    dialog.accept()
    qtbot.wait(50)                             # offscreen: the dialog's (de)activation settles,
    win.activateWindow()                       # then the window takes the keyboard back
    qtbot.waitUntil(win.isActiveWindow)
    return win.notes_panel.current()


def make_note(win, fragment, body):
    """A note made through the session without an undo step (as a share import would), shown in the 批注 tab."""
    start = win.view.text().index(fragment)
    note = win.session.add_annotation("note", start, start + len(fragment), body=body)
    win.side_tabs.setCurrentWidget(win.notes_panel)
    return note


def live(win, kinds=("note", "bookmark", "highlight")):
    return [a for a in win.store.annotations(win.doc_id) if a.kind in kinds]


def band(win, offset):
    fmt = win.view.format_at(offset)
    return fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else None


# -- notes --------------------------------------------------------------------------------------


def test_add_note_from_selection_saves_the_typed_body_within_a_second(win, qtbot):
    start, end = select(win, "新增四项工作制度")
    assert win.annotating.add_note_action.isEnabled()
    win.annotating.add_note_action.trigger()
    dialog = win.annotating.note_dialog
    note = live(win)[0]
    assert (note.kind, note.start, note.end, note.exact, note.author) == ("note", start, end, "新增四项工作制度", "张三")
    typed = time.monotonic()
    dialog.editor.insertPlainText("请核对这四项制度的文号")
    qtbot.waitUntil(lambda: win.store.annotation(note.uuid).body == "请核对这四项制度的文号", timeout=1500)
    assert SAVE_DELAY_MS / 1000 - 0.05 <= time.monotonic() - typed < 1.0
    assert dialog.isVisible()                      # saved while still typing, not on closing
    dialog.accept()
    assert win.side_tabs.currentWidget() is win.notes_panel
    assert [a.body for a in win.notes_panel.shown()] == ["请核对这四项制度的文号"]
    fmt = win.view.format_at(start)
    assert fmt.background().color() == NOTE_BAND
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert band(win, start - 1) is None and band(win, end) is None


def test_closing_the_window_saves_what_the_note_dialog_holds(win, qtbot):
    select(win, "新增四项工作制度")
    win.annotating.add_note_action.trigger()
    win.annotating.note_dialog.editor.insertPlainText("没来得及停顿就关了窗口")
    win.close()
    assert [a.body for a in live(win)] == ["没来得及停顿就关了窗口"]


def test_cancelling_the_note_dialog_keeps_nothing_and_leaves_no_undo_step(win, qtbot):
    select(win, "新增四项工作制度")
    win.annotating.add_note_action.trigger()
    win.annotating.note_dialog.reject()
    assert live(win) == [] and win.notes_panel.shown() == []
    assert not win.annotating.undo_stack.canUndo() and not win.annotating.undo_stack.canRedo()


def test_cancelling_a_typed_note_can_be_redone(win, qtbot):
    select(win, "新增四项工作制度")
    win.annotating.add_note_action.trigger()
    win.annotating.note_dialog.editor.insertPlainText("按错了取消")
    win.annotating.note_dialog.reject()
    assert live(win) == []
    win.annotating.redo_action.trigger()
    assert [a.body for a in live(win)] == ["按错了取消"]


def test_edit_note_inline_saves_after_the_pause_and_undo_restores_it(win, qtbot):
    note = make_note(win, "新增四项工作制度", "初稿")
    editor = win.notes_panel.edit(note.uuid)
    assert editor is not None and editor.toPlainText() == "初稿"
    editor.insertPlainText("，再补充")
    editor.insertPlainText("两句")
    qtbot.waitUntil(lambda: win.store.annotation(note.uuid).body == "初稿，再补充两句", timeout=1500)
    assert win.notes_panel.delegate.open_editor() is editor and editor.isVisible()   # still editing
    editor.insertPlainText("。")
    qtbot.waitUntil(lambda: win.store.annotation(note.uuid).body == "初稿，再补充两句。", timeout=1500)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert win.notes_panel.delegate.open_editor() is None
    win.annotating.undo_action.trigger()                      # the whole editing session is one step
    assert win.store.annotation(note.uuid).body == "初稿"
    assert win.notes_panel.shown()[0].body == "初稿"
    win.annotating.redo_action.trigger()
    assert win.store.annotation(note.uuid).body == "初稿，再补充两句。"


def test_note_text_is_saved_on_focus_out_and_on_close(win, qtbot):
    note = make_note(win, "新增四项工作制度", "")
    editor = win.notes_panel.edit(note.uuid)
    editor.insertPlainText("失焦时保存")
    win.notes_panel.filter_edit.setFocus()
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut))   # offscreen focus is unreliable
    assert win.store.annotation(note.uuid).body == "失焦时保存"
    assert win.notes_panel.delegate.open_editor() is None               # focus-out also ends editing
    editor = win.notes_panel.edit(note.uuid)
    editor.insertPlainText("，关窗时也保存")
    win.close()
    assert win.store.annotation(note.uuid).body == "失焦时保存，关窗时也保存"


def test_add_undo_redo_and_delete_undo_for_a_note(win, qtbot):
    note = add_note(win, qtbot, "新增四项工作制度", "核对")
    win.annotating.undo_action.trigger()
    assert win.store.annotation(note.uuid).deleted and live(win) == []
    assert win.notes_panel.shown() == [] and band(win, note.start) is None
    win.annotating.redo_action.trigger()
    assert not win.store.annotation(note.uuid).deleted
    assert band(win, note.start) == NOTE_BAND
    win.notes_panel.select(note.uuid)
    win.notes_panel.view.setFocus()
    qtbot.keyClick(win.notes_panel.view, Qt.Key.Key_Delete)
    assert win.store.annotation(note.uuid).deleted and win.notes_panel.shown() == []
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not win.store.annotation(note.uuid).deleted
    assert [a.uuid for a in win.notes_panel.shown()] == [note.uuid]
    qtbot.keyClick(win.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert win.store.annotation(note.uuid).deleted


# -- highlights ---------------------------------------------------------------------------------


def test_highlight_in_a_named_colour_marks_the_text_and_keeps_figure_underlines(win, qtbot):
    fig = next(f for f in win.figures if f.text == "100余万人次")
    text = win.view.text()
    start, end = fig.start - 6, fig.end + 2
    win.view.select_offsets(start, end)
    win.annotating.highlight_actions["blue"].trigger()
    mark = live(win)[0]
    assert (mark.kind, mark.colour, mark.exact) == ("highlight", "blue", text[start:end])
    blue = palette.annotation_background("highlight", "blue")
    assert band(win, start) == blue and band(win, end - 1) == blue and band(win, end) != blue
    inside = win.view.format_at(fig.start)
    assert inside.background().color() == blue                      # the reader's colour wins
    assert inside.underlineColor() == palette.figure_underline(fig.kind)   # the figure stays visible
    assert win.notes_panel.shown()[0].uuid == mark.uuid
    assert win.annotation_model.kind_label(mark) == "高亮 · 疑问"


def test_change_colour_undo_redo_and_delete_button_for_a_highlight(win, qtbot):
    start, end = select(win, "法律服务")
    win.annotating.highlight_actions["yellow"].trigger()
    mark = live(win)[0]
    win.notes_panel.colourRequested.emit(mark.uuid, "pink")
    assert win.store.annotation(mark.uuid).colour == "pink"
    assert band(win, start) == palette.annotation_background("highlight", "pink")
    win.annotating.undo_action.trigger()
    assert win.store.annotation(mark.uuid).colour == "yellow"
    assert band(win, start) == palette.annotation_background("highlight", "yellow")
    win.annotating.redo_action.trigger()
    assert win.store.annotation(mark.uuid).colour == "pink"
    win.notes_panel.select(mark.uuid)
    assert win.notes_panel.delete_button.isEnabled()
    qtbot.mouseClick(win.notes_panel.delete_button, Qt.MouseButton.LeftButton)
    assert win.store.annotation(mark.uuid).deleted and band(win, start) is None
    win.annotating.undo_action.trigger()
    assert not win.store.annotation(mark.uuid).deleted and band(win, start) is not None
    win.annotating.undo_action.trigger()                      # back to yellow
    win.annotating.undo_action.trigger()                      # and the highlight is gone
    assert win.store.annotation(mark.uuid).deleted
    win.annotating.redo_action.trigger()
    assert live(win)[0].colour == "yellow"


def test_deleting_one_of_two_highlights_counts_one_without_a_filter(win):
    select(win, "法律服务")
    win.annotating.highlight_actions["yellow"].trigger()
    select(win, "法治政府")
    win.annotating.highlight_actions["blue"].trigger()
    panel = win.notes_panel
    assert panel.count_label.text() == "共 2 条"
    panel.select(live(win)[0].uuid)
    panel.delete_current()
    assert panel.count_label.text() == "共 1 条" and "/" not in panel.count_label.text()
    win.annotating.undo_action.trigger()
    assert panel.count_label.text() == "共 2 条"
    win.annotating.redo_action.trigger()
    assert panel.count_label.text() == "共 1 条"


def test_highlighting_the_same_span_again_recolours_it(win):
    select(win, "法律服务")
    win.annotating.highlight_actions["yellow"].trigger()
    win.annotating.highlight_actions["green"].trigger()
    assert [(a.kind, a.colour) for a in live(win)] == [("highlight", "green")]
    assert win.annotating.last_highlight() == "green"
    select(win, "法律服务", nth=1)
    win.annotating.highlight_last_action.trigger()
    assert [a.colour for a in live(win)] == ["green", "green"]


def test_highlight_colours_can_be_renamed_and_the_name_is_kept(win, qtbot, store):
    win.annotating.set_colour_names({"yellow": "必读", "blue": ""})
    assert store.get_setting("highlight_names") == {"yellow": "必读"}
    assert win.annotating.highlight_actions["yellow"].text() == "必读"
    assert win.annotating.highlight_actions["blue"].text() == "疑问"
    select(win, "法律服务")
    win.annotating.highlight_actions["yellow"].trigger()
    assert win.annotation_model.kind_label(live(win)[0]) == "高亮 · 必读"
    assert win.notes_panel.colour_combo.findText("必读") > 0
    again = MainWindow(store)
    qtbot.addWidget(again)
    assert again.annotating.highlight_actions["yellow"].text() == "必读"


# -- bookmarks ----------------------------------------------------------------------------------


def test_bookmark_a_selection_is_named_after_its_section(win, qtbot):
    start, end = select(win, "新增四项工作制度")
    win.annotating.add_bookmark_action.trigger()
    mark = live(win)[0]
    node = section_path(win.sections, start)[-1]
    assert (mark.kind, mark.start, mark.end, mark.body) == ("bookmark", start, end, f"{node.number}{node.title}")
    assert win.side_tabs.currentWidget() is win.bookmarks_panel
    assert [a.uuid for a in win.bookmarks_panel.shown()] == [mark.uuid]
    assert win.notes_panel.shown() == []
    assert band(win, start) is None or band(win, start) != NOTE_BAND     # a bookmark is no band


def test_ctrl_d_bookmarks_the_reading_position_with_a_margin_marker(win, qtbot):
    target = [n for n in iter_sections(win.sections)][6]
    win.go_to_section(target)
    top = win.view.top_offset()
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    mark = live(win)[0]
    assert (mark.kind, mark.start, mark.end) == ("bookmark", top, top)
    assert mark.body == f"{target.number}{target.title}"
    markers = win.view.bookmark_markers()
    assert [a.uuid for a, _ in markers] == [mark.uuid]
    rect = markers[0][1]
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(win.view.to_qt(top))
    line = win.view.cursorRect(cursor)
    assert line.top() - 2 <= rect.center().y() <= line.bottom() + 2   # beside the bookmark's line
    image = win.view.bookmark_margin().grab().toImage()
    centre = rect.center()
    colour = image.pixelColor(centre.x() * image.width() // win.view.bookmark_margin().width(),
                              centre.y() * image.height() // win.view.bookmark_margin().height())
    assert colour == palette.BOOKMARK_COLOUR
    win.view.scroll_to_offset(len(win.view.text()))                   # scrolled away: no marker
    assert win.view.bookmark_markers() == []


def test_add_bookmark_without_a_selection_marks_the_reading_position(win):
    win.go_to_section(win.sections[2])
    win.view.select_offsets(0, 0)
    top = win.view.top_offset()
    assert win.annotating.add_bookmark_action.isEnabled() and not win.annotating.add_note_action.isEnabled()
    win.annotating.add_bookmark_action.trigger()
    assert [(a.kind, a.start, a.end) for a in live(win)] == [("bookmark", top, top)]


def test_tree_context_menu_bookmarks_a_section(win, qtbot):
    node = win.sections[1].children[0]
    menu = win.annotating.tree_menu(node)
    action = next(a for a in menu.actions() if a.text() == "为本节添加书签")
    action.trigger()
    mark = live(win)[0]
    assert (mark.kind, mark.start, mark.end, mark.body) == ("bookmark", node.start, node.start,
                                                            f"{node.number}{node.title}")
    win.annotating.undo_action.trigger()
    assert live(win) == [] and win.bookmarks_panel.shown() == []
    win.annotating.redo_action.trigger()
    assert [a.uuid for a in win.bookmarks_panel.shown()] == [mark.uuid]


def test_bookmark_label_edit_and_delete_with_undo(win, qtbot):
    node = win.sections[0]
    mark = win.annotating.bookmark_section(node)
    editor = win.bookmarks_panel.edit(mark.uuid)
    editor.selectAll()
    editor.insertPlainText("第一部分：主要举措")
    qtbot.waitUntil(lambda: win.store.annotation(mark.uuid).body == "第一部分：主要举措", timeout=1500)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert win.bookmarks_panel.delegate.open_editor() is None
    win.bookmarks_panel.select(mark.uuid)
    win.bookmarks_panel.delete_current()
    assert live(win) == []
    win.annotating.undo_action.trigger()
    assert live(win)[0].body == "第一部分：主要举措"
    win.annotating.undo_action.trigger()
    assert live(win)[0].body == f"{node.number}{node.title}"


# -- the panels ---------------------------------------------------------------------------------


def _click_card(panel, qtbot, uuid):
    panel.select(uuid)
    rect = panel.view.visualRect(panel.view.currentIndex())
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("kind", ["note", "highlight", "bookmark"])
def test_click_on_a_card_jumps_to_the_passage_and_flashes_it(win, qtbot, kind):
    start, end = select(win, "开展领导班子年度考核述职述责述法")
    add = win.session.add_annotation
    made = {"note": lambda: add("note", start, end, body="看这里"),
            "highlight": lambda: add("highlight", start, end, colour="green"),
            "bookmark": lambda: add("bookmark", start, start, body="考核")}[kind]()
    win.view.scroll_to_offset(len(win.view.text()))
    win.view.select_offsets(0, 0)
    panel = win.bookmarks_panel if kind == "bookmark" else win.notes_panel
    win.side_tabs.setCurrentWidget(panel)
    _click_card(panel, qtbot, made.uuid)
    assert win.view.top_offset() <= start
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(win.view.to_qt(start))
    assert 0 <= win.view.cursorRect(cursor).top() < win.view.viewport().height() // 2
    assert win.view.selected_offsets() == ((made.start, made.end) if made.end > made.start else None)
    assert win.view.is_flashing() and win.view.range_rects(win.view.to_qt(made.start), win.view.to_qt(made.end))
    qtbot.waitUntil(lambda: not win.view.is_flashing(), timeout=2000)


@pytest.mark.parametrize("kind", ["note", "highlight", "bookmark"])
def test_filter_box_colour_and_kind(win, qtbot, kind):
    add = win.session.add_annotation
    text = win.view.text()
    at = text.index
    add("note", at("法律服务"), at("法律服务") + 4, body="请核对数字")
    add("note", at("调解"), at("调解") + 2, body="问一下司法所", colour="blue")
    add("highlight", at("法治政府"), at("法治政府") + 4, colour="yellow")
    add("highlight", at("普法"), at("普法") + 2, colour="blue")
    add("bookmark", at("普法"), at("普法"), body="普法部分")
    add("bookmark", at("调解"), at("调解"), body="调解部分")
    notes, marks = win.notes_panel, win.bookmarks_panel
    assert [a.kind for a in marks.shown()] == ["bookmark", "bookmark"]
    assert {a.kind for a in notes.shown()} == {"note", "highlight"} and len(notes.shown()) == 4
    starts = [a.start for a in notes.shown()]
    assert starts == sorted(starts)                                    # reading order
    if kind == "note":
        notes.filter_edit.setText("核对")                               # over the body
        assert [a.body for a in notes.shown()] == ["请核对数字"]
        notes.filter_edit.setText("")
        notes.kind_combo.setCurrentIndex(notes.kind_combo.findData("note"))
        assert {a.kind for a in notes.shown()} == {"note"} and len(notes.shown()) == 2
        notes.colour_combo.setCurrentIndex(notes.colour_combo.findData(NO_COLOUR))
        assert [a.body for a in notes.shown()] == ["请核对数字"]
    elif kind == "highlight":
        notes.filter_edit.setText("法治政府")                            # over the quote
        assert [a.exact for a in notes.shown()] == ["法治政府"]
        notes.filter_edit.clear()
        notes.colour_combo.setCurrentIndex(notes.colour_combo.findData("blue"))
        assert {(a.kind, a.colour) for a in notes.shown()} == {("note", "blue"), ("highlight", "blue")}
        notes.kind_combo.setCurrentIndex(notes.kind_combo.findData("highlight"))
        assert [a.exact for a in notes.shown()] == ["普法"]
        assert "1 / 4" in notes.count_label.text()
    else:
        marks.filter_edit.setText("调解")
        assert [a.body for a in marks.shown()] == ["调解部分"]
        assert not marks.colour_combo.isVisibleTo(marks) and not marks.kind_combo.isVisibleTo(marks)


def test_notes_model_passes_qtmodeltester(qtmodeltester, win):
    text = win.view.text()
    model = AnnotationListModel()
    model.set_annotations([], win.sections)
    win.session.annotationsChanged.connect(model.apply_changes)
    proxy = win.notes_panel.proxy
    for i, word in enumerate(("法律服务", "调解", "普法")):
        start = text.index(word)
        win.session.add_annotation(("note", "highlight", "bookmark")[i], start, start + len(word),
                                   body=f"第{i}条", colour="yellow" if i == 1 else "")
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_model_updates_rows_in_place_and_lists_unplaced_last_under_a_heading(qtbot, win):
    base = dict(document_id=1, prefix="", suffix="", author="张三", created="2021-05-31T08:19:00+00:00",
                modified="2021-05-31T08:19:00+00:00")
    a = Annotation("a", kind="note", start=10, end=14, exact="甲乙丙丁", body="一", colour="", **base)
    b = Annotation("b", kind="highlight", start=30, end=34, exact="戊己庚辛", body="", colour="pink", **base)
    lost = Annotation("c", kind="note", start=0, end=0, exact="已被删去的原文", body="孤儿", colour="",
                      unplaced=True, **base)
    model = win.annotation_model
    model.set_annotations([a, b, lost], win.sections)
    panel = win.notes_panel
    assert [x.uuid for x in panel.shown()] == ["a", "b", "c"]
    removed, inserted = [], []
    model.rowsRemoved.connect(lambda *args: removed.append(args[1]))
    model.rowsInserted.connect(lambda *args: inserted.append(args[1]))
    a2 = Annotation(**{**a.__dict__, "body": "一二"})
    model.set_annotations([a2, lost])
    assert removed == [1] and inserted == [] and [x.body for x in panel.shown()] == ["一二", "孤儿"]
    placed, orphan = panel.proxy.index(0, 0), panel.proxy.index(1, 0)
    assert panel.delegate._heading_needed(orphan) and not panel.delegate._heading_needed(placed)
    option = QStyleOptionViewItem()
    option.font = panel.view.font()
    line = panel.view.fontMetrics().lineSpacing()
    assert panel.delegate.sizeHint(option, orphan).height() >= panel.delegate.sizeHint(option, placed).height() + line
    win.side_tabs.setCurrentWidget(panel)
    win.go_to_annotation(lost)                     # nowhere to go: says so
    assert "未定位" in win.notice_label.text()


# -- marks in the text --------------------------------------------------------------------------


def test_marks_sit_at_code_point_offsets_after_a_non_bmp_character(qtbot):
    text = "某区报告\n\n𠀀𠀀村全年办理案件41件，调解纠纷𠀀123件。\n"
    view = ReportView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.set_report(text, [], [])
    view.show()
    base = dict(document_id=1, prefix="", suffix="", body="注", author="", created="", modified="")
    s1 = text.index("村全年")
    s2 = text.index("123件")
    note = Annotation("n", kind="note", start=s1, end=s1 + 3, exact="村全年", colour="", **base)
    mark = Annotation("h", kind="highlight", start=s2, end=s2 + 4, exact="123件", colour="purple", **base)
    view.set_annotations([note, mark])
    purple = palette.annotation_background("highlight", "purple")
    assert view.format_at(s1).background().color() == NOTE_BAND
    assert view.format_at(s1 + 2).background().color() == NOTE_BAND
    assert view.format_at(s1 - 1).background().style() == Qt.BrushStyle.NoBrush     # the 𠀀 before it
    assert view.format_at(s1 + 3).background().style() == Qt.BrushStyle.NoBrush
    assert view.format_at(s2).background().color() == purple
    assert view.format_at(s2 + 3).background().color() == purple
    assert view.format_at(s2 - 1).background().style() == Qt.BrushStyle.NoBrush
    assert view.annotations_at(s2 + 1) == [mark] and view.annotations_at(s2 + 4) == []
    view.set_annotations([note])                   # a mark removed: its band goes at once
    assert view.format_at(s2).background().style() == Qt.BrushStyle.NoBrush


def test_a_highlight_spanning_paragraphs_bands_every_block(qtbot, win):
    text = win.view.text()
    start = text.index("一是持续健全")
    end = text.index("(二)积极参与")
    win.session.add_annotation("highlight", start, end, colour="green")
    green = palette.annotation_background("highlight", "green")
    middle = text.index("二是", start)
    assert band(win, start) == green and band(win, middle) == green and band(win, end - 2) == green


def test_hovering_a_note_shows_its_body_as_literal_text(win, qtbot, monkeypatch):
    body = "<b>x</b><script>alert(1)</script>\n第二行"
    note = add_note(win, qtbot, "新增四项工作制度", body)
    assert win.store.annotation(note.uuid).body == body
    index = win.notes_panel.proxy.index(0, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == body     # item views draw it as plain text
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>x</b>" not in tip and "&lt;b&gt;x&lt;/b&gt;&lt;script&gt;" in tip
    doc = QTextDocument()
    doc.setHtml(tip)
    assert "<b>x</b><script>alert(1)</script>" in doc.toPlainText()
    win.view.scroll_to_offset(note.start)
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(win.view.to_qt(note.start + 1))
    rect = win.view.cursorRect(cursor)
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *a: shown.append(text))
    pos = win.view.viewport().mapToParent(rect.center() + QPoint(2, 0))
    win.view.event(QHelpEvent(QEvent.Type.ToolTip, pos, win.view.mapToGlobal(pos)))
    assert shown and "&lt;script&gt;" in shown[0] and "<script>" not in shown[0]
    doc.setHtml(shown[0])
    assert body.split("\n")[0] in doc.toPlainText() and "第二行" in doc.toPlainText()


# -- the rest of the flow -----------------------------------------------------------------------


def test_copy_with_citation_names_the_report_and_section(win):
    start, end = select(win, "新增四项工作制度")
    win.annotating.copy_citation_action.trigger()
    copied = QApplication.clipboard().text()
    path = section_path(win.sections, start)
    assert copied.startswith("“新增四项工作制度”")
    assert f"《{win.store.document(win.doc_id).title}》" in copied
    assert " › ".join(n.number for n in path) in copied and path[-1].title in copied


def test_report_context_menu_keeps_copy_and_offers_the_annotation_actions(win):
    select(win, "新增四项工作制度")
    menu = win.annotating.report_menu(QPoint(5, 5))
    texts = [a.text() for a in menu.actions()]
    assert any(t.startswith("复制") for t in texts)
    for action in (win.annotating.add_note_action, win.annotating.add_bookmark_action, win.annotating.copy_citation_action,
                   win.annotating.highlight_menu.menuAction()):
        assert action in menu.actions()
    assert [a.text() for a in win.annotating.highlight_menu.actions()[:5]] == ["重点", "疑问", "待办", "数据", "引用"]
    assert win.annotating.add_note_action.shortcut().toString() == "Ctrl+Alt+M"
    assert win.annotating.add_note_action in win.annotating.menu.actions()
    assert win.annotating.add_note_action in win.annotating.toolbar.actions()


def test_the_author_is_asked_once_defaulting_to_the_os_user(window, qtbot, monkeypatch):
    asked = []

    def get_text(parent, title, label, echo, default):
        asked.append(default)
        return "李四", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    assert window.store.get_setting("author") is None
    os_user = window.store.author()
    select(window, "法律服务")
    window.annotating.highlight_actions["yellow"].trigger()
    select(window, "调解")
    window.annotating.highlight_actions["pink"].trigger()
    assert asked == [os_user]
    assert window.store.get_setting("author") == "李四"
    assert {a.author for a in live(window)} == {"李四"}


def test_restart_shows_the_same_notes_marks_and_bookmarks(qtbot, store, make_window):
    from viewer.ui.app import open_initial_report

    store.set_setting("author", "张三")
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.resize(1200, 800)
    first.show()
    open_initial_report(first, store, None)
    note = add_note(first, qtbot, "新增四项工作制度", "重启后还在")
    select(first, "法律服务")
    first.annotating.highlight_actions["purple"].trigger()
    first.annotating.bookmark_section(first.sections[2])
    first.close()

    second = make_window(size=(1200, 800), restore=True)
    assert sorted((a.kind, a.body) for a in second.notes_panel.shown()) == [("highlight", ""), ("note", "重启后还在")]
    assert [a.kind for a in second.bookmarks_panel.shown()] == ["bookmark"]
    assert band(second, note.start) == NOTE_BAND
    assert band(second, second.view.text().index("法律服务")) == palette.annotation_background("highlight", "purple")


def test_screenshot_with_notes_highlights_and_bookmarks(win, qtbot, screenshot_dir):
    text = win.view.text()
    add = win.session.add_annotation
    win.go_to_path(["一、", "（二）"])
    top = win.view.top_offset()

    def at(word):
        return text.index(word, top)

    add("note", at("全年累计服务"), at("全年累计服务") + 11,
        body="与2019年相比如何？请公共法律服务中心补充同比数据。")
    add("highlight", at("二是以提升"), at("二是以提升") + 18, colour="yellow")
    add("highlight", at("成功率保持着"), at("成功率保持着") + 11, colour="pink",
        body="成功率的口径待核实")
    add("note", at("严格执行《社区矫正法》"), at("严格执行《社区矫正法》") + 11,
        body="对照《社区矫正法》第二十四条，\n列出落实情况。", colour="blue")
    add("bookmark", at("三是以扎实"), at("三是以扎实"), body="三是 平安渝中建设")
    win.side_tabs.setCurrentWidget(win.notes_panel)
    win.notes_panel.select(win.notes_panel.shown()[0].uuid)
    qtbot.wait(50)
    out = screenshot_dir / "notes-zh.png"
    assert win.grab().save(str(out))
    assert out.stat().st_size > 20_000
    translations = Translations(QApplication.instance())
    try:
        translations.set_language("en")
        qtbot.waitUntil(lambda: win.annotating.menu.title() == "&Annotate")
        assert win.side_tabs.tabText(1) == "Notes" and win.side_tabs.tabText(2) == "Bookmarks"
        assert win.annotating.highlight_actions["yellow"].text() == "Key point"
        assert win.annotation_model.kind_label(win.notes_panel.shown()[1]) == "Highlight · Key point"
        win.side_tabs.setCurrentWidget(win.bookmarks_panel)
        en = screenshot_dir / "notes-en.png"
        assert win.grab().save(str(en))
    finally:
        translations.set_language("zh")
    qtbot.waitUntil(lambda: win.annotating.menu.title() == "批注(&A)")
