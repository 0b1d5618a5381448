"""Plain text with form feeds: the page map, a body text without form feeds, paragraphs across pages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.ingest import ingest_bytes
from viewer.core.model import page_of

from tests.paged_report import PAGE_2_WORD, PAGE_3_WORD, paged_bytes


def test_form_feeds_become_page_starts_and_leave_the_body_text():
    doc = ingest_bytes(paged_bytes(), "paged.txt")
    assert "\f" not in doc.text
    assert len(doc.pages) == 3 and doc.pages[0] == 0
    assert doc.text[doc.pages[1]:].startswith("增长5.2%。")
    assert doc.text[doc.pages[2]:].startswith("三是强化监督")
    assert page_of(doc.pages, doc.text.index(PAGE_2_WORD)) == 2
    assert page_of(doc.pages, doc.text.index(PAGE_3_WORD)) == 3
    assert page_of(doc.pages, 0) == 1


def test_a_paragraph_that_does_not_end_a_sentence_goes_on_across_the_page_break():
    doc = ingest_bytes(paged_bytes(), "paged.txt")
    assert "全年办理案件41件，同比\n增长5.2%。" in doc.text


def test_a_page_that_starts_after_a_full_stop_starts_a_paragraph():
    doc = ingest_bytes("标题\n\n第一段结束。\n\f第二页的新段落。\n".encode(), "p.txt")
    assert doc.text == "标题\n\n第一段结束。\n\n第二页的新段落。\n"
    assert doc.pages == [0, doc.text.index("第二页")]


def test_a_blank_line_at_a_page_break_still_breaks_the_paragraph():
    doc = ingest_bytes("标题\n\n一、总体情况\n\n\f\n全年办理案件41件。\n".encode(), "p.txt")
    assert "一、总体情况\n\n全年办理案件" in doc.text
    assert doc.pages == [0, doc.text.index("全年办理")]


def test_the_form_feed_after_the_last_page_adds_no_page_and_an_empty_page_still_counts():
    doc = ingest_bytes("标题\n\n第一页。\n\f\f第三页。\n\f".encode(), "p.txt")
    third = doc.text.index("第三页")
    assert doc.pages == [0, third, third]
    assert page_of(doc.pages, third) == 3


def test_a_text_without_form_feeds_is_not_paged():
    doc = ingest_bytes("标题\n\n全年办理案件41件。\n".encode(), "p.txt")
    assert doc.pages == []


def test_a_page_of_dropped_chrome_still_counts_and_the_next_page_starts_at_its_first_kept_line():
    doc = ingest_bytes("打印 关闭\n\f标题\n\n第二页的段落。\n".encode(), "p.txt")
    assert doc.text == "标题\n\n第二页的段落。\n"
    assert doc.pages == [0, 0]
    assert page_of(doc.pages, doc.text.index("第二页")) == 2


_LINES = st.lists(st.sampled_from(["标题", "第一段，", "结束。", "", "一、总体情况", "增长5.2%", "\f", "打印"]),
                  min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_any_text_gives_one_ascending_start_per_page_inside_the_body(lines):
    source = "正文标题\n\n" + "\n".join(lines) + "\n"
    doc = ingest_bytes(source.encode(), "p.txt")
    assert "\f" not in doc.text
    after_last = source.rsplit("\f", 1)[-1]
    pages = source.count("\f") + (0 if not after_last.strip() else 1) if "\f" in source else 0
    assert len(doc.pages) == pages
    assert doc.pages == sorted(doc.pages)
    body_end = len(doc.text.rstrip("\n"))
    assert all(start == 0 or doc.text[start - 1] == "\n" or start == body_end for start in doc.pages)
