"""Choosing a report: File › Recent tells same-titled reports apart; Open remembers its folder."""

from pathlib import Path


from PySide6.QtWidgets import QApplication

from tests.conftest import SAMPLE
from viewer.core.ingest import registry
from viewer.core.times import local_date
from viewer.ui.app import Translations
from viewer.ui.exports import export_actions
from viewer.ui.dialogs import report_chooser
from viewer.ui.dialogs.file_dialogs import make_file_dialog


def _same_title_copies(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    title, body = text.split("\n", 1)
    first, second = tmp_path / "2020-final.txt", tmp_path / "draft" / "2020-draft.txt"
    second.parent.mkdir()
    first.write_text(text, encoding="utf-8")
    second.write_text(f"{title}\n征求意见稿。{body}", encoding="utf-8")
    return first, second


def test_recent_menu_tells_two_reports_with_one_title_apart(make_window, tmp_path):
    first, second = _same_title_copies(tmp_path)
    win = make_window(first)
    assert win.import_and_open(second)
    win._fill_recent_menu()
    entries = {a.text(): a for a in win.recent_menu.actions()}
    title = win.report_title()
    today = local_date(win.store.document_info(win.doc_id).imported_at)
    assert f"{title} — 2020-draft.txt · {today}" in entries
    assert f"{title} — 2020-final.txt · {today}" in entries
    assert win.recent_menu.toolTipsVisible()
    tips = [a.toolTip() for a in win.recent_menu.actions()]
    assert any(str(second.resolve()) in tip for tip in tips) and any(str(first.resolve()) in tip for tip in tips)
    assert all(a.statusTip() for a in win.recent_menu.actions())


def test_an_ampersand_in_a_title_is_not_a_menu_mnemonic():
    from viewer.core.model import DocumentInfo

    info = DocumentInfo(1, "A&B 报告", "f", "a.txt", "/x/a.txt", "1", "2026-12-02T01:00:00+00:00", 0, 0)
    assert report_chooser.recent_text(info).startswith("A&&B 报告 — a.txt · ")


def test_open_dialog_starts_where_the_last_report_came_from(window, tmp_path, monkeypatch):
    report = tmp_path / "reports" / "other.txt"
    report.parent.mkdir()
    report.write_bytes(SAMPLE.read_bytes())
    assert report_chooser.start_folder(window.store) == str(Path.home())
    asked = []

    def fake_dialog(parent, caption, folder, filters):
        asked.append((folder, filters.split(";;")))
        return str(report), filters.split(";;")[0]

    monkeypatch.setattr(report_chooser, "get_open_file_name", fake_dialog)
    window.open_action.trigger()
    assert report_chooser.start_folder(window.store) == str(report.parent)
    window.open_action.trigger()
    assert [folder for folder, _ in asked] == [str(Path.home()), str(report.parent)]
    _, filters = asked[-1]
    assert filters == ["报告 (*.txt *.html *.htm *.docx *.pdf *.ofd *.md *.markdown)", "文本 (*.txt)",
                       "网页 (*.html *.htm)", "Word 文档 (*.docx)", "PDF 文档 (*.pdf)", "OFD 版式文档 (*.ofd)",
                       "Markdown 文档 (*.md *.markdown)", "所有文件 (*)"]
    assert make_file_dialog(None, "", "", ";;".join(filters), save=False).selectedNameFilter() \
        == filters[0]                                   # the dialog offers 报告 first


def test_a_vanished_folder_falls_back_to_home(store, tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    report_chooser.remember_folder(store, str(gone / "a.txt"))
    assert report_chooser.start_folder(store) == str(gone)
    gone.rmdir()
    assert report_chooser.start_folder(store) == str(Path.home())


def test_exported_notes_are_not_named_like_the_report(window, monkeypatch):
    suggested = []
    monkeypatch.setattr(export_actions, "get_save_file_name",
                        lambda parent, caption, path, filters: (suggested.append(path), ("", ""))[1])
    window.exports.export_annotations_action.trigger()
    assert Path(suggested[0]).name == f"{window.report_title()}-批注.md"


def test_the_open_dialog_lists_a_newly_registered_format_with_the_others(qapp):
    fake = registry.Importer(name="rvfake", extensions=(".rvfake", ".rvf"), media_label="format.docx",
                             sniff=lambda probe: registry.NO, read=lambda data, name: None)
    registry.register(fake)
    try:
        filters = report_chooser.report_filters()
    finally:
        registry.unregister(fake.name)
    assert filters[0] == "报告 (*.txt *.html *.htm *.docx *.pdf *.ofd *.md *.markdown *.rvfake *.rvf)"
    assert "Word 文档 (*.rvfake *.rvf)" in filters and filters[-1] == "所有文件 (*)"
    assert "*.rvfake" not in " ".join(report_chooser.report_filters())


def test_the_open_dialog_file_types_are_translated_with_the_ui(window, qtbot):
    translations = Translations(QApplication.instance())
    window.languageRequested.connect(translations.set_language)
    try:
        window.lang_en_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
        assert report_chooser.report_filters() == ["Reports (*.txt *.html *.htm *.docx *.pdf *.ofd *.md *.markdown)",
                                                   "Text (*.txt)", "Web pages (*.html *.htm)", "Word documents (*.docx)",
                                                   "PDF documents (*.pdf)", "OFD documents (*.ofd)",
                                                   "Markdown documents (*.md *.markdown)",
                                                   "All files (*)"]
    finally:
        window.lang_zh_action.trigger()
        translations.set_language("zh")
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert report_chooser.report_filters()[1] == "文本 (*.txt)"
