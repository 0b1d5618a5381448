"""Exports of a paged report say the page of every note (第N页, a 页码 column); an unpaged one never says 页."""

from __future__ import annotations

import csv
import io

import pytest

from viewer.core.report import parse_bytes
from viewer.services.exports import export_annotations, export_figures_csv, saved_colour_names
from viewer.store import LibraryStore

from tests.paged_report import PAGE_2_WORD, paged_bytes

UNPAGED = "关于某项工作的报告\n\n一、总体情况\n\n全年结案38件，同比增长5.2%。\n"


def _library_with_a_note(source: bytes) -> tuple[LibraryStore, int]:
    store = LibraryStore(":memory:")
    doc_id = store.import_report(parse_bytes(source, "r.txt")).document_id
    start = store.document(doc_id).text.index(PAGE_2_WORD)
    store.add_annotation(doc_id, "note", start, start + len(PAGE_2_WORD), body="核对数字", author="张三")
    return store, doc_id


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def paged():
    store, doc_id = _library_with_a_note(paged_bytes())
    with store:
        yield store, doc_id


@pytest.fixture
def unpaged():
    store, doc_id = _library_with_a_note(UNPAGED.encode())
    with store:
        yield store, doc_id


def test_the_notes_csv_of_a_paged_report_has_a_page_column_after_the_section(paged):
    store, doc_id = paged
    header, row = _rows(export_annotations(store, doc_id, "csv", saved_colour_names(store)))
    assert header[header.index("章节") + 1] == "页码"
    assert row[header.index("页码")] == "2" and row[header.index("原文")] == PAGE_2_WORD


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_markdown_and_html_notes_of_a_paged_report_say_the_page_in_the_byline(paged, fmt):
    store, doc_id = paged
    text = export_annotations(store, doc_id, fmt, saved_colour_names(store)).decode("utf-8")
    byline = next(line for line in text.splitlines() if "张三" in line)
    assert "第2页 · 张三" in byline


def test_the_figures_csv_of_a_paged_report_gives_each_figure_its_page(paged):
    store, doc_id = paged
    header, *rows = _rows(export_figures_csv(store, doc_id))
    pages = {row[header.index("原文")]: row[header.index("页码")] for row in rows}
    assert pages["41件"] == "1" and pages["5.2%"] == "2"


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_an_unpaged_reports_exports_never_say_page(unpaged, fmt):
    store, doc_id = unpaged
    assert "页".encode() not in export_annotations(store, doc_id, fmt, saved_colour_names(store))
    assert "页".encode() not in export_figures_csv(store, doc_id)


def test_an_unplaced_note_of_a_paged_report_has_no_page(paged):
    store, doc_id = paged
    store.replace_report(doc_id, parse_bytes(paged_bytes().replace(PAGE_2_WORD.encode(), "另外内容".encode()), "r.txt"))
    assert all(note.unplaced for note in store.annotations(doc_id))
    header, row = _rows(export_annotations(store, doc_id, "csv", saved_colour_names(store)))
    assert row[header.index("页码")] == "" and row[header.index("章节")] == "未定位"
    assert "第2页" not in export_annotations(store, doc_id, "md", saved_colour_names(store)).decode()
