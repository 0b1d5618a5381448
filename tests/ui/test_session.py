"""The session between the library and the widgets: each change reaches the views as what changed
(rows inserted, updated or removed, marks re-coloured), never as a reload of the report's
annotations; settings are kept once and announced; the same controllers work on a second session."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import SAMPLE
from viewer.core.report import parse_path
from viewer.store import LibraryStore
from viewer.ui import palette
from viewer.ui.annotations.annotation_actions import AnnotationActions
from viewer.ui.annotations.annotation_model import AnnotationListModel
from viewer.ui.app import Translations
from viewer.ui.exports.export_actions import ExportActions
from viewer.ui.main_window import MainWindow
from viewer.ui.reader.section_tree import SectionTreePanel
from viewer.ui.reader.text_pane import ReportView
from viewer.ui.session import ReportSession

REPORT = parse_path(SAMPLE)


class ModelSignals:
    """What a model announced: resets, and the rows inserted, removed and changed."""

    def __init__(self, model):
        self.resets, self.inserted, self.removed, self.changed = [], [], [], []
        model.modelReset.connect(lambda: self.resets.append(True))
        model.rowsInserted.connect(lambda _p, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.removed.append((first, last)))
        model.dataChanged.connect(lambda top, bottom, *_: self.changed.append((top.row(), bottom.row())))


class StoreReads:
    """Counts the reads of a whole report's annotations (what a reload would do)."""

    def __init__(self, store, monkeypatch):
        self.count = 0
        real = store.annotations

        def counted(*args, **kwargs):
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(store, "annotations", counted)


@pytest.fixture
def win(window, qtbot):
    window.session.set_setting("author", "张三")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def select(win, fragment):
    start = win.view.text().index(fragment)
    win.view.select_offsets(start, start + len(fragment))
    return start, start + len(fragment)


def band(view, offset):
    fmt = view.format_at(offset)
    return fmt.background().color() if fmt.background().style() != Qt.BrushStyle.NoBrush else None


def test_adding_a_note_inserts_one_row_without_a_reset_or_a_reload(win, monkeypatch):
    win.session.add_annotation("note", *select(win, "法治政府"), body="先有的")
    signals, reads = ModelSignals(win.annotation_model), StoreReads(win.store, monkeypatch)
    select(win, "新增四项工作制度")
    win.annotating.add_note_action.trigger()
    win.annotating.note_dialog.accept()
    assert signals.resets == [] and signals.removed == [] and len(signals.inserted) == 1
    row = signals.inserted[0][0]
    assert win.annotation_model.annotation(row).exact == "新增四项工作制度"
    assert [a.exact for a in win.notes_panel.shown()] == [a.exact for a in win.session.annotations()]
    assert win.notes_panel.count_label.text() == "共 2 条"
    assert reads.count == 0


def test_typing_a_note_body_updates_only_its_row_and_never_reloads(win, qtbot, monkeypatch):
    add = win.session.add_annotation
    notes = [add("note", *select(win, word), body="") for word in ("法律服务", "调解", "法治政府")]
    middle = sorted(notes, key=lambda a: a.start)[1]
    row = win.annotation_model.row_of(middle.uuid)
    signals, reads = ModelSignals(win.annotation_model), StoreReads(win.store, monkeypatch)
    editor = win.notes_panel.edit(middle.uuid)
    editor.insertPlainText("第一句")
    qtbot.waitUntil(lambda: win.session.annotation(middle.uuid).body == "第一句", timeout=1500)
    editor.insertPlainText("，第二句")
    qtbot.waitUntil(lambda: win.session.annotation(middle.uuid).body == "第一句，第二句", timeout=1500)
    assert win.store.annotation(middle.uuid).body == "第一句，第二句"          # saved in the library
    assert signals.resets == signals.inserted == signals.removed == []
    assert signals.changed and set(signals.changed) == {(row, row)}
    assert reads.count == 0


def test_delete_then_undo_removes_and_restores_the_one_row_and_its_mark(win):
    start, end = select(win, "法律服务")
    win.annotating.highlight_actions["green"].trigger()
    mark = win.session.annotations()[0]
    signals = ModelSignals(win.annotation_model)
    win.notes_panel.select(mark.uuid)
    win.notes_panel.delete_current()
    assert signals.removed == [(0, 0)] and win.notes_panel.shown() == [] and band(win.view, start) is None
    win.annotating.undo_action.trigger()
    assert signals.inserted == [(0, 0)] and signals.resets == []
    assert [a.uuid for a in win.notes_panel.shown()] == [mark.uuid]
    assert band(win.view, start) == palette.annotation_background("highlight", "green")
    assert not win.store.annotation(mark.uuid).deleted


def test_a_mark_added_recolours_only_the_blocks_it_covers(win, monkeypatch):
    start, end = select(win, "法律服务")
    recoloured = []
    real = win.view._reformat_range
    monkeypatch.setattr(win.view, "_reformat_range", lambda a, b: (recoloured.append((a, b)), real(a, b)))
    win.session.add_annotation("highlight", start, end, colour="pink")
    assert recoloured == [(win.view.to_qt(start), win.view.to_qt(end))]
    win.session.update_annotation(win.session.annotations()[0].uuid, body="只改说明")   # same band
    assert len(recoloured) == 1 and [a.body for a in win.view.annotations_at(start)] == ["只改说明"]
    win.session.update_annotation(win.session.annotations()[0].uuid, colour="blue")
    assert recoloured[1:] == [(win.view.to_qt(start), win.view.to_qt(end))]
    assert band(win.view, start) == palette.annotation_background("highlight", "blue")


def test_a_share_import_adds_its_notes_to_the_open_report_without_a_reset(win, tmp_path, qtbot):
    with LibraryStore(tmp_path / "colleague.sqlite3") as colleague:
        colleague.set_setting("author", "李四")
        doc = colleague.import_report(REPORT).document_id
        text = colleague.document(doc).text
        at = text.index("调解")
        sent = colleague.add_annotation(doc, "note", at, at + 2, body="同事的批注")
        path = tmp_path / "李四.rvshare.json"
        sender = ReportSession(colleague)
        sender.open_document(doc)
        exports = ExportActions(sender, QWidget(), lambda: {})
        assert exports.write_share(path)
    win.session.add_annotation("note", *select(win, "法律服务"), body="我的")
    signals = ModelSignals(win.annotation_model)
    dialog = win.exports.preview_import(path)
    dialog.accept()
    assert signals.resets == [] and len(signals.inserted) == 1
    assert sorted(a.body for a in win.notes_panel.shown()) == ["同事的批注", "我的"]
    assert win.notes_panel.count_label.text() == "共 2 条"
    assert band(win.view, sent.start) == palette.annotation_background("note", "")
    assert "新增 1" in win.notice_label.text()


def test_opening_another_report_resets_the_rows_once(make_window, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("另一份报告\n\n一、总体情况\n全年办理案件12件。\n", encoding="utf-8")
    win = make_window(SAMPLE)
    win.session.set_setting("author", "张三")
    win.session.add_annotation("bookmark", 10, 10, body="样例")
    signals = ModelSignals(win.annotation_model)
    assert win.import_and_open(other)
    assert signals.resets == [True] and win.notes_panel.shown() == win.bookmarks_panel.shown() == []
    assert win.annotating.undo_stack.count() == 0 and win.windowTitle().startswith("另一份报告")


def test_a_second_window_on_the_same_library_follows_the_first(win, qtbot, store, monkeypatch):
    second = MainWindow(store)
    qtbot.addWidget(second)
    second.open_document(win.doc_id)
    assert second.session is not win.session and second.annotating.session is second.session
    signals, reads = ModelSignals(second.annotation_model), StoreReads(store, monkeypatch)
    start, _end = select(win, "法律服务")
    win.annotating.highlight_actions["blue"].trigger()
    mark = win.session.annotations()[0]
    assert [a.uuid for a in second.notes_panel.shown()] == [mark.uuid] and signals.inserted == [(0, 0)]
    assert band(second.view, start) == palette.annotation_background("highlight", "blue")
    win.annotating.set_colour_names({"blue": "两窗同名"})
    assert second.annotating.highlight_actions["blue"].text() == "两窗同名"
    second.annotating.delete_annotation(mark.uuid)                # the other way round too
    assert win.notes_panel.shown() == [] and band(win.view, start) is None
    assert signals.resets == [] and reads.count == 0


def test_the_controllers_work_on_a_session_without_a_main_window(qtbot, tmp_path, store):
    """AnnotationActions and ExportActions need a session, a report pane, a 目录 and a parent only."""
    store.set_setting("author", "张三")
    doc = store.import_report(REPORT).document_id
    session = ReportSession(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    view, tree = ReportView(parent), SectionTreePanel(parent)
    model = AnnotationListModel(parent, session)
    session.documentOpened.connect(lambda _d: view.set_report(session.text, session.sections, session.figures))
    session.annotationsChanged.connect(lambda changes: view.apply_annotation_changes(session.changes_here(changes)))
    actions = AnnotationActions(session, view, tree, parent)
    exports = ExportActions(session, parent, actions.colour_names)
    notices = []
    actions.noticeRequested.connect(notices.append)
    exports.noticeRequested.connect(notices.append)
    assert not exports.print_action.isEnabled()
    session.open_document(doc)
    assert exports.print_action.isEnabled() and actions.add_bookmark_action.isEnabled()
    start = session.text.index("法律服务")
    view.select_offsets(start, start + 4)
    mark = actions.highlight("purple")
    assert [a.uuid for a in model.annotations()] == [mark.uuid] and view.annotations_at(start) == [mark]
    actions.copy_with_citation()
    assert QApplication.clipboard().text().startswith("“法律服务”")
    out = tmp_path / "notes.md"
    assert exports.write_annotations(out, "md") and "法律服务" in out.read_text(encoding="utf-8")
    actions.undo_action.trigger()
    assert model.annotations() == [] and view.annotations() == []
    assert notices[0] == "已复制引文及出处" and notices[-1].startswith("已保存")


def test_settings_are_announced_only_when_they_change(store):
    session = ReportSession(store)
    assert session.get_setting("zoom") == 0                        # the declared default
    changed = []
    session.settingChanged.connect(lambda key, value: changed.append((key, value)))
    session.set_setting("zoom", 3)
    session.set_setting("zoom", 3)
    session.set_setting("highlight_names", {"yellow": "必读"})
    assert changed == [("zoom", 3), ("highlight_names", {"yellow": "必读"})]
    assert store.get_setting("zoom") == 3 and session.get_setting("zoom") == 3
    session.get_setting("highlight_names")["yellow"] = "改了副本"
    assert session.get_setting("highlight_names") == {"yellow": "必读"}


def test_an_undeclared_setting_is_refused_by_the_session(store):
    from viewer.store.settings import UndeclaredSetting

    with pytest.raises(UndeclaredSetting):
        ReportSession(store).set_setting("no_such_setting", 1)


def test_renaming_a_colour_reaches_every_view_through_the_setting(win):
    win.annotating.set_colour_names({"blue": "待核实"})
    assert win.session.get_setting("highlight_names") == {"blue": "待核实"}
    assert win.notes_panel.colour_combo.findText("待核实") > 0
    assert win.bookmarks_panel.colour_combo.findText("待核实") > 0
    assert win.annotation_model.colour_name("blue") == "待核实"
    assert win.annotating.highlight_actions["blue"].text() == "待核实"


def test_the_reading_place_is_saved_when_another_report_opens(make_window, tmp_path, store):
    other = tmp_path / "other.txt"
    other.write_text("另一份报告\n\n一、总体情况\n全年办理案件12件。\n", encoding="utf-8")
    win = make_window(SAMPLE)
    first = win.doc_id
    win.go_to_section(win.sections[2])
    place = win.view.top_offset()
    assert place > 0
    assert win.import_and_open(other)
    assert store.get_report_setting(first, "position") == place
    win.open_document(first)
    assert win.view.top_offset() == place


def test_one_language_signal_retranslates_the_window_its_panels_and_controllers(win, qtbot):
    heard = []
    win.session.languageChanged.connect(heard.append)
    translations = Translations(QApplication.instance())
    try:
        translations.set_language("en")
        qtbot.waitUntil(lambda: heard[-1:] == ["en"])
        assert win.annotating.menu.title() == "&Annotate" and win.exports.print_action.text() == "&Print…"
        assert win.help.guide_action.text() != "使用说明(&G)"
        assert win.find_bar.edit.placeholderText() != "在报告中查找…"
        assert win.tree_panel.filter_edit.placeholderText() != "筛选标题…"
        assert win.notes_panel.delete_button.text() != "删除"
        assert win.annotation_model.kind_label(win.session.add_annotation("note", 40, 50)) == "Note"
    finally:
        translations.set_language("zh")
    qtbot.waitUntil(lambda: heard[-1:] == ["zh"])
    assert win.annotating.menu.title() == "批注(&A)" and win.notes_panel.delete_button.text() == "删除"


def test_undo_steps_made_before_a_language_switch_are_named_in_the_new_language(win, qtbot):
    note = win.annotating.add("note", 40, 50, body="核对")
    win.annotating.delete_annotation(note.uuid)
    assert "删除批注" in win.annotating.undo_action.text()
    translations = Translations(QApplication.instance())
    try:
        translations.set_language("en")
        qtbot.waitUntil(lambda: win.annotating.menu.title() == "&Annotate")
        assert "删除" not in win.annotating.undo_action.text() and "Delete" in win.annotating.undo_action.text()
        win.annotating.undo_action.trigger()
        assert "添加" not in win.annotating.undo_action.text() and "Add" in win.annotating.undo_action.text()
        assert "Delete" in win.annotating.redo_action.text()
        assert QApplication.applicationDisplayName() == "Report Viewer"     # ends every dialog's title
    finally:
        translations.set_language("zh")
    qtbot.waitUntil(lambda: win.annotating.menu.title() == "批注(&A)")
    assert "添加批注" in win.annotating.undo_action.text()


# -- the rows always match the library, whatever the sequence of changes ---------------------------

KINDS = ("note", "highlight", "bookmark")
steps = st.lists(st.one_of(
    st.tuples(st.just("add"), st.sampled_from(KINDS), st.integers(0, 2000), st.integers(0, 30)),
    st.tuples(st.just("body"), st.integers(0, 20), st.text(max_size=8)),
    st.tuples(st.just("colour"), st.integers(0, 20), st.sampled_from(palette.HIGHLIGHT_KEYS)),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("restore"), st.integers(0, 20)),
), max_size=14)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=steps)
def test_the_model_and_the_marks_follow_any_sequence_of_changes_without_a_reset(qtbot, steps):
    with LibraryStore(":memory:") as store:
        store.set_setting("author", "张三")
        session = ReportSession(store)
        model = AnnotationListModel(None, session)
        view = ReportView()
        qtbot.addWidget(view)
        session.documentOpened.connect(lambda _d: view.set_report(session.text, session.sections, []))
        session.annotationsChanged.connect(lambda c: view.apply_annotation_changes(session.changes_here(c)))
        session.open_document(store.import_report(REPORT).document_id)
        signals = ModelSignals(model)
        made: list[str] = []
        for step in steps:
            if step[0] == "add":
                _, kind, start, length = step
                end = start if kind == "bookmark" else start + max(1, length)
                made.append(session.add_annotation(kind, start, end).uuid)
            elif made:
                uuid = made[step[1] % len(made)]
                if step[0] == "body":
                    session.update_annotation(uuid, body=step[2])
                elif step[0] == "colour":
                    session.update_annotation(uuid, colour=step[2])
                elif step[0] == "delete":
                    session.delete_annotation(uuid)
                else:
                    session.restore_annotation(uuid)
            stored = store.annotations(session.doc_id)
            assert model.annotations() == stored == session.annotations()
            assert sorted(a.uuid for a in view.annotations()) == sorted(a.uuid for a in stored)
        assert signals.resets == []


def test_a_busy_library_while_switching_reports_still_shows_the_new_report(make_window, tmp_path, monkeypatch):
    from viewer.core.errors import StoreError

    other = tmp_path / "other.txt"
    other.write_text("另一份报告\n\n一、总体情况\n全年办理案件12件。\n", encoding="utf-8")
    win = make_window(SAMPLE)
    first = win.doc_id
    assert win.import_and_open(other)
    second = win.doc_id
    failed = []
    win.session.writeFailed.connect(failed.append)

    def busy(*_args, **_kwargs):
        raise StoreError("store.busy", path="lib.sqlite3", seconds=5)

    monkeypatch.setattr(win.session.store, "set_setting", busy)
    monkeypatch.setattr(win.session.store, "set_report_setting", busy)
    win.go_to_section(win.sections[0])
    win.open_document(first)
    assert win.session.doc_id == first and win.view.text() == win.session.text
    assert win.report_title() == win.session.title and failed
    assert second != first
