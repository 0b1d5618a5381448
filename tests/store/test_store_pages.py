"""The page map in the library: stored with the report, replaced on reimport, gone with the report, migrated."""

from __future__ import annotations

import sqlite3

import pytest

from viewer.core.report import parse_bytes
from viewer.store import SCHEMA_VERSION, LibraryStore
from viewer.store import migrations as store_module

from tests.paged_report import PAGED_TEXT, paged_bytes

UNPAGED = "关于某项工作的报告\n\n一、总体情况\n\n全年办理案件41件。\n"


def test_a_paged_report_keeps_its_page_map_in_the_library(tmp_path):
    report = parse_bytes(paged_bytes(), "paged.txt")
    assert len(report.pages) == 3
    path = tmp_path / "lib.sqlite3"
    with LibraryStore(path) as s:
        doc_id = s.import_report(report).document_id
    with LibraryStore(path) as s:
        assert s.document(doc_id).pages == report.pages
        assert s.pages(doc_id) == report.pages


def test_an_unpaged_report_has_an_empty_page_map():
    with LibraryStore(":memory:") as s:
        doc_id = s.import_report(parse_bytes(UNPAGED.encode(), "plain.txt")).document_id
        assert s.document(doc_id).pages == []


def test_replacing_a_report_replaces_its_page_map():
    with LibraryStore(":memory:") as s:
        doc_id = s.import_report(parse_bytes(paged_bytes(), "paged.txt")).document_id
        two_pages = PAGED_TEXT.replace("\f三是", "\n三是")
        s.replace_report(doc_id, parse_bytes(two_pages.encode(), "paged.txt"))
        assert len(s.pages(doc_id)) == 2
        s.replace_report(doc_id, parse_bytes(UNPAGED.encode(), "paged.txt"))
        assert s.pages(doc_id) == []


def test_a_failed_replace_keeps_the_old_page_map(monkeypatch):
    with LibraryStore(":memory:") as s:
        doc_id = s.import_report(parse_bytes(paged_bytes(), "paged.txt")).document_id
        before = s.pages(doc_id)

        def broken(*_args):
            raise RuntimeError("disk full")
        monkeypatch.setattr(s, "write_annotations", broken)
        with pytest.raises(RuntimeError):
            s.replace_report(doc_id, parse_bytes(UNPAGED.encode(), "paged.txt"))
        assert s.pages(doc_id) == before != []


def test_the_page_map_goes_with_its_report(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with LibraryStore(path) as s:
        doc_id = s.import_report(parse_bytes(paged_bytes(), "paged.txt")).document_id
        with s.transaction():
            for table in ("sections", "figures", "text_tables", "report_state"):
                s._conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
            s._conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM document_pages").fetchone()[0] == 0
    finally:
        conn.close()


def test_a_version_5_library_is_migrated_and_its_reports_have_empty_page_maps(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:5])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 5)
    report = parse_bytes(paged_bytes(), "paged.txt")
    monkeypatch.setattr(report.source, "pages", [])                 # as version-5 code stored it
    with LibraryStore(path) as s:
        doc_id = s.import_report(report).document_id
    monkeypatch.undo()
    with LibraryStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION >= 6
        assert s.document(doc_id).pages == []
        assert s.document(doc_id).text == report.text
        s.replace_report(doc_id, parse_bytes(paged_bytes(), "paged.txt"))   # reimport fills it
        assert len(s.pages(doc_id)) == 3
