"""A paged report in the window: the status bar, find, the citation, the note cards and the print say the
page (第2页, p. 2 in English); an unpaged report shows no page anywhere."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import SAMPLE
from tests.paged_report import PAGE_2_WORD, long_paged_text
from viewer.ui.annotations.annotation_model import MetaRole
from viewer.ui.app import Translations


@pytest.fixture
def paged_file(tmp_path):
    path = tmp_path / "paged.txt"
    path.write_text(long_paged_text(), encoding="utf-8")
    return path


@pytest.fixture
def paged_window(make_window, paged_file):
    win = make_window(paged_file, size=(1000, 600))
    win.session.set_setting("author", "张三")
    return win


def _offset(win, fragment: str) -> int:
    return win.session.text.index(fragment)


def _select(win, fragment: str) -> tuple[int, int]:
    start = _offset(win, fragment)
    win.view.select_offsets(start, start + len(fragment))
    return start, start + len(fragment)


def test_the_session_knows_the_pages_of_the_open_report(paged_window):
    session = paged_window.session
    assert len(session.pages) == 3
    assert session.page_of(0) == 1 and session.page_of(_offset(paged_window, PAGE_2_WORD)) == 2


def test_the_status_bar_follows_the_reading_page(paged_window, qtbot):
    win = paged_window
    win.view.scroll_to_offset(_offset(win, PAGE_2_WORD))
    qtbot.waitUntil(lambda: win.page_label.text() == "第2页 / 共3页")
    assert win.page_label.isVisible() and win.path_label.text().startswith("二、")
    win.view.scroll_to_offset(0)
    qtbot.waitUntil(lambda: win.page_label.text() == "第1页 / 共3页")


def test_the_status_bar_page_is_in_english_in_the_english_ui(paged_window, qtbot):
    win = paged_window
    translations = Translations(QApplication.instance())
    win.languageRequested.connect(translations.set_language)
    try:
        win.view.scroll_to_offset(_offset(win, PAGE_2_WORD))
        win.lang_en_action.trigger()
        qtbot.waitUntil(lambda: win.page_label.text() == "Page 2 of 3")
    finally:
        translations.set_language("zh")


def test_find_names_the_page_of_the_current_hit(paged_window, qtbot):
    win = paged_window
    win.open_find()
    win.find_bar.edit.setText(PAGE_2_WORD)
    qtbot.waitUntil(lambda: win.find_count() == (0, 1))
    assert win.find_bar.counter.text() == "1/1 · 第2页"


def test_the_citation_names_the_page(paged_window):
    win = paged_window
    _select(win, PAGE_2_WORD)
    win.annotating.copy_citation_action.trigger()
    copied = QApplication.clipboard().text()
    assert copied.startswith(f"“{PAGE_2_WORD}”") and copied.endswith(" 第2页")
    assert "二、 第二部分工作 第2页" in copied


def test_a_note_card_says_its_page(paged_window):
    win = paged_window
    start, end = _select(win, PAGE_2_WORD)
    win.session.add_annotation("note", start, end, body="核对")
    model = win.annotation_model
    meta = model.index(0).data(MetaRole)
    assert meta.startswith("第2页 · 张三")


def test_the_printed_notes_say_the_source_page(paged_window):
    win = paged_window
    start, end = _select(win, PAGE_2_WORD)
    win.session.add_annotation("note", start, end, body="核对数字")
    printed = win.exports.print_document().toPlainText()
    assert "原文第2页" in printed and "核对数字" in printed


def test_an_unpaged_report_shows_no_page_anywhere(make_window, qtbot):
    win = make_window(SAMPLE)
    win.session.set_setting("author", "张三")
    assert win.session.pages == [] and win.session.page_of(100) is None
    assert not win.page_label.isVisible() and win.page_label.text() == ""
    fragment = "新增四项工作制度"
    start, end = _select(win, fragment)
    win.annotating.copy_citation_action.trigger()
    assert "页" not in QApplication.clipboard().text()
    win.session.add_annotation("note", start, end, body="核对")
    assert "页" not in win.annotation_model.index(0).data(MetaRole)
    assert "原文第" not in win.exports.print_document().toPlainText()
    win.open_find()
    win.find_bar.edit.setText(fragment)
    qtbot.waitUntil(lambda: win.find_count()[1] >= 1)
    assert "页" not in win.find_bar.counter.text()
