"""Migration 10: the whole-report FTS index is dropped (search goes through the paragraph index), which import fills a report at a time."""

from __future__ import annotations

import viewer.store.migrations as store_module
from viewer.core.report import parse_bytes
from viewer.store import SCHEMA_VERSION, LibraryStore, char_index, fts

TEXT = "关于2025年工作的报告\n\n一、总体情况\n\n全年办理行政复议案件41件，依法行政水平提升。\n"


def _tables(store: LibraryStore) -> set[str]:
    return {name for (name,) in store._conn.execute("SELECT name FROM sqlite_master")}


def test_a_version_8_library_loses_its_whole_report_index_and_still_finds_its_text(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:8])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 8)
    with LibraryStore(path) as s:
        doc_id = s.import_report(parse_bytes(TEXT.encode("utf-8"), "a.txt")).document_id
        assert "documents_fts" in _tables(s)
    monkeypatch.undo()
    with LibraryStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION >= 10
        assert not {"documents_fts", "documents_ai", "documents_ad", "documents_au", "paragraphs_ai"} & _tables(s)
        assert s.search_documents("行政复议案件") == [doc_id]
        assert s.search_documents("依法") == [doc_id]
        assert s.search_documents("２０２５年工作") == [doc_id]      # the title, full-width digits folded
        assert s.search_documents("不存在的词") == []
        assert s.integrity_ok()
        second = s.import_report(parse_bytes(TEXT.replace("41", "42").encode("utf-8"), "b.txt")).document_id
        assert [row.document_id for row in s.paragraphs_containing("行政复议案件")] == [doc_id, second]
        assert [row.document_id for row in s.paragraphs_containing("案件42")] == [second]
        assert char_index.reports_holding(s._conn, "复议") == [doc_id, second]     # the old report backfilled
        assert char_index.reports_holding(s._conn, "龘") == []
        assert [row.document_id for row in fts.first_paragraphs_containing(s._conn, "41", 5)] == [doc_id]
        s._conn.execute("INSERT INTO paragraphs_fts (paragraphs_fts, rank) VALUES ('integrity-check', 1)")
