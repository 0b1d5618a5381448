"""LibraryStore: schema, migrations, atomic imports, dedup by fingerprint, reads."""

import sqlite3

import pytest

from viewer.store import migrations as store_module
from viewer.core.errors import StoreError
from viewer.core.report import parse_bytes, parse_path
from viewer.core.model import PARSER_VERSION, iter_sections
from viewer.store import SCHEMA_VERSION, LibraryStore

SMALL = "关于某项工作的报告\n\n一、总体情况\n\n全年办理案件41件，增长5.2%。\n\n二、下一步打算\n\n一是加强学习。二是完善制度。\n"


def columns(path, table: str) -> set[str]:
    """The columns of a table, as a second connection to the library file sees them."""
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


@pytest.fixture
def store():
    with LibraryStore(":memory:") as s:
        yield s


@pytest.fixture
def small_report():
    return parse_bytes(SMALL.encode("utf-8"), "small.txt")


def test_new_library_has_current_schema_and_recorded_migrations(store):
    assert store.schema_version() == SCHEMA_VERSION
    assert store.applied_migrations() == [version for version, _name, _apply in store_module.MIGRATIONS]


def test_file_library_uses_wal_foreign_keys_and_busy_timeout(tmp_path):
    with LibraryStore(tmp_path / "lib.sqlite3") as s:
        conn = s._conn                  # white-box: how the store configured its connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_library_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite3"
    LibraryStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as excinfo:
        LibraryStore(path)
    assert excinfo.value.code == "store.newer_schema"
    assert (excinfo.value.params["found"], excinfo.value.params["known"]) == (SCHEMA_VERSION + 1, SCHEMA_VERSION)


def test_migration_runs_once_and_forward_only(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    LibraryStore(path).close()
    calls = []
    new = SCHEMA_VERSION + 1

    def add_language(db):
        calls.append(new)
        db["documents"].add_column("language", str)

    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS + [(new, "lang", add_language)])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", new)
    with LibraryStore(path) as s:
        assert s.schema_version() == new
        assert "language" in columns(path, "documents")
        assert s.applied_migrations() == [version for version, _name, _apply in store_module.MIGRATIONS]
    LibraryStore(path).close()
    assert calls == [new]


def test_a_version_1_library_is_migrated_forward_keeping_its_reports(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:1])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 1)
    with LibraryStore(path) as s:   # as version-1 code stored it
        s.insert_report(parse_bytes(SMALL.encode("utf-8"), "small.txt"))
    monkeypatch.undo()
    with LibraryStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert len(s.documents()) == 1
        assert {"unplaced", "shared_modified"} <= columns(path, "annotations")
        assert s.pending_annotations() == []


def test_not_a_database_file_is_a_clear_error(tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as excinfo:
        LibraryStore(path)
    assert excinfo.value.code == "store.not_a_library" and excinfo.value.params["path"] == str(path)


def test_import_stores_text_raw_bytes_parser_version_sections_and_figures(store, small_report):
    result = store.import_report(small_report, source_path="small.txt")
    assert result.created
    doc = store.document(result.document_id)
    assert doc.text == small_report.text
    assert doc.parser_version == PARSER_VERSION
    assert store.raw_source(result.document_id) == SMALL.encode("utf-8")
    stored = [(n.number, n.title, n.level, n.start, n.end) for n in iter_sections(store.sections(result.document_id))]
    parsed = [(n.number, n.title, n.level, n.start, n.end) for n in iter_sections(small_report.sections)]
    assert stored == parsed and len(stored) == result.sections
    assert [f.to_dict() for f in store.figures(result.document_id)] == [f.to_dict() for f in small_report.figures]


def test_importing_the_same_report_twice_adds_nothing(store, small_report):
    first = store.import_report(small_report)
    again = store.import_report(parse_bytes(SMALL.encode("utf-8"), "copy.txt"))
    assert not again.created and again.document_id == first.document_id
    assert len(store.documents()) == 1


def test_failed_import_leaves_the_library_byte_for_byte_unchanged(tmp_path, monkeypatch, sample_path):
    path = tmp_path / "lib.sqlite3"
    with LibraryStore(path) as s:
        s.import_report(parse_bytes(SMALL.encode("utf-8"), "small.txt"))
    before = path.read_bytes()

    def explode(self, doc_id, figures):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(LibraryStore, "_insert_figures", explode)
    with LibraryStore(path) as s:
        with pytest.raises(RuntimeError):
            s.import_report(parse_path(sample_path))
        assert len(s.documents()) == 1
    assert path.read_bytes() == before


def test_document_named_by_id_or_by_import_path(store, small_report, tmp_path):
    src = tmp_path / "small.txt"
    result = store.import_report(small_report, source_path=src)
    assert store.resolve_document(str(result.document_id)) == result.document_id
    assert store.resolve_document(str(src)) == result.document_id
    with pytest.raises(StoreError):
        store.resolve_document("999")
    with pytest.raises(StoreError):
        store.resolve_document(str(tmp_path / "other.txt"))


def test_search_finds_chinese_text_with_trigram_and_short_queries(store, small_report):
    doc_id = store.import_report(small_report).document_id
    assert store.search_documents("下一步打算") == [doc_id]
    assert store.search_documents("学习") == [doc_id]
    assert store.search_documents("不存在的词") == []


def test_settings_round_trip_json_values(store):
    assert store.get_setting("zoom") == 0
    store.set_setting("zoom", 2)
    store.set_setting("highlight_names", {"yellow": "必读", "blue": "疑问"})
    assert store.get_setting("zoom") == 2
    assert store.get_setting("highlight_names") == {"yellow": "必读", "blue": "疑问"}


def test_a_version_3_library_gets_the_tables_of_its_html_reports_on_upgrade(tmp_path, monkeypatch):
    from tests.core.test_tables import TABLE_3X3, page

    path = tmp_path / "lib.sqlite3"
    html_report = parse_bytes(page(TABLE_3X3), "t.html")
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:3])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(html_report.source, "tables", [])          # as version-3 code stored it
    with LibraryStore(path) as s, s.transaction():
        html_id, _ = s.insert_report(html_report)
        text_id, _ = s.insert_report(parse_bytes(SMALL.encode("utf-8"), "small.txt"))
    monkeypatch.undo()
    with LibraryStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION >= 4
        assert s.tables(html_id) == parse_bytes(page(TABLE_3X3), "t.html").tables != []
        assert s.tables(text_id) == []
