"""The catalogue's rows (migration 9): detected facts and counts written at import, reimport and
migration, and listing queries that read only the covering index."""

import sqlite3

from tests.conftest import SAMPLE
from viewer.core.model import CatalogueFilter
from viewer.core.report import parse_bytes, parse_path
from viewer.store import SCHEMA_VERSION, LibraryStore
from viewer.store import catalogue as rows
from viewer.store import migrations

NOTICE = ("成都市人民政府关于做好防汛工作的通知\n\n各区县人民政府：\n\n一、总体要求\n\n全年办理案件41件。\n\n"
          "成都市人民政府\n2024年1月15日\n")
REGULATION = "电动自行车管理\n\n第一条 为了规范管理，制定本规定。\n\n第二条 本市适用。\n\n第三条 职责。\n"


def columns(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    finally:
        conn.close()


def test_migration_9_describes_and_counts_the_reports_of_a_version_8_library(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 8)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:8])
    with LibraryStore(path) as old:                       # as version-8 code stored them
        sample = old.import_report(parse_path(SAMPLE), source_path=SAMPLE)
        notice = old.import_report(parse_bytes(NOTICE.encode("utf-8"), "notice.txt")).document_id
        removed = old.import_report(parse_bytes(REGULATION.encode("utf-8"), "rules.txt")).document_id
        old.add_annotation(sample.document_id, "note", 0, 4, body="核对")
        gone = old.add_annotation(sample.document_id, "bookmark", 5, 5)
        old.set_annotation_deleted(gone.uuid, True)
        old.remove_report(removed)
        assert old.schema_version() == 8
    assert "kind" not in columns(path)
    monkeypatch.undo()
    with LibraryStore(path) as new:
        assert new.schema_version() == SCHEMA_VERSION >= 9 and 9 in new.applied_migrations()
        first = new.catalogue_entry(sample.document_id)
        assert (first.kind, first.issuer, first.issued, first.year) == ("rule_of_law_report", "重庆市渝中区司法局",
                                                                      "2021-05-31", 2020)
        assert (first.sections, first.figures, first.notes) == (sample.sections, sample.figures, 1)
        assert first.last_opened_at is None and first.removed_at is None
        second = new.catalogue_entry(notice)
        assert (second.kind, second.issuer, second.issued, second.year) == ("notice", "成都市人民政府", "2024-01-15", 2024)
        trashed = new.catalogue_entry(removed)
        assert trashed.kind == "regulation" and trashed.removed_at
        assert new.catalogue_ids(CatalogueFilter(text="渝中区")) == {sample.document_id}
        assert new.catalogue_ids(CatalogueFilter(removed=True)) == {removed}
    assert {"kind", "issuer", "issued", "year", "section_count", "figure_count", "search_key"} <= set(columns(path))
    assert list((tmp_path / "backups").glob("*.sqlite3"))      # backed up before migrating


def test_import_and_reimport_write_the_facts_and_counts():
    with LibraryStore() as store:
        notice = parse_bytes(NOTICE.encode("utf-8"), "notice.txt")
        doc_id = store.import_report(notice).document_id
        entry = store.catalogue_entry(doc_id)
        assert (entry.kind, entry.issuer, entry.issued) == ("notice", "成都市人民政府", "2024-01-15")
        assert (entry.sections, entry.figures) == (notice.section_count(), len(notice.figures)) == (1, 2)
        rules = parse_bytes(REGULATION.encode("utf-8"), "notice.txt")
        store.replace_report(doc_id, rules)
        entry = store.catalogue_entry(doc_id)
        assert (entry.kind, entry.issuer, entry.issued, entry.year) == ("regulation", "", "", None)
        assert (entry.sections, entry.figures) == (rules.section_count(), len(rules.figures)) == (3, 0)
        assert store.catalogue_ids(CatalogueFilter(text="成都")) == set()
        assert store.catalogue_ids(CatalogueFilter(text="电动自行车")) == {doc_id}


def test_every_listing_query_reads_only_the_covering_index():
    with LibraryStore() as store:
        store.import_report(parse_bytes(NOTICE.encode("utf-8"), "notice.txt"))
        flt = CatalogueFilter(text="防汛", kind="notice", year=2024, issuer="成都市人民政府")
        for sort in rows.SORT_COLUMNS:
            for descending in (False, True):
                where, params = rows._where(flt)
                plan = store._conn.execute(
                    f"EXPLAIN QUERY PLAN {rows._LISTING} WHERE {where} ORDER BY {rows._order(sort, descending)}",
                    params).fetchall()
                scans = [detail for *_ids, detail in plan if " d " in f" {detail} "]
                assert scans and all("COVERING INDEX documents_catalogue" in s for s in scans), (sort, plan)
                notes = [detail for *_ids, detail in plan if " a " in f" {detail} "]
                assert all("COVERING INDEX annotations_live" in s for s in notes), plan
                opened = [detail for *_ids, detail in plan if " s " in f" {detail} "]
                assert opened and all("INDEX sqlite_autoindex_report_state" in s for s in opened), plan
