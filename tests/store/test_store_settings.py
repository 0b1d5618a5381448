"""Settings: every key declared once with its type and default, read from a cache that a write refreshes,
and per-report state in its own table (moved there from `position:{id}` settings, removed with its report)."""

import sqlite3

import pytest

from viewer.core.report import parse_bytes
from viewer.store import LibraryStore, UndeclaredSetting
from viewer.store import migrations
from viewer.store.settings import (
    AUTHOR, HIGHLIGHT_NAMES, LANGUAGE, READING_POSITION, REPORT_SETTINGS, SETTINGS, ZOOM,
)

SMALL = "关于某项工作的报告\n\n一、总体情况\n\n全年办理案件41件，增长5.2%。\n"
OTHER = "关于另一项工作的报告\n\n一、总体情况\n\n全年办理案件52件。\n"


@pytest.fixture
def store():
    with LibraryStore(":memory:") as s:
        yield s


def test_an_unset_setting_reads_as_its_declared_default(store):
    assert store.get_setting(ZOOM) == 0 and store.get_setting(LANGUAGE) == "zh"
    assert store.get_setting(AUTHOR) is None and store.get_setting(HIGHLIGHT_NAMES) == {}


@pytest.mark.parametrize("key", ["position:1", "zoom_level", "", "Language"])
def test_an_undeclared_key_is_refused_for_reading_and_writing(store, key):
    before = store.dump()
    with pytest.raises(UndeclaredSetting):
        store.get_setting(key)
    with pytest.raises(UndeclaredSetting):
        store.set_setting(key, 1)
    assert store.dump() == before


def test_a_report_setting_is_not_a_library_setting_nor_the_reverse(store):
    with pytest.raises(UndeclaredSetting):
        store.get_setting(READING_POSITION)
    with pytest.raises(UndeclaredSetting):
        store.get_report_setting(1, ZOOM)


@pytest.mark.parametrize("key,value", [(ZOOM, "2"), (ZOOM, True), (LANGUAGE, None), (HIGHLIGHT_NAMES, ["x"])])
def test_a_value_of_the_wrong_type_is_refused(store, key, value):
    with pytest.raises(TypeError):
        store.set_setting(key, value)
    assert store.get_setting(key) == key.default


def test_every_declared_setting_accepts_its_own_default_and_is_declared_once():
    everything = [*SETTINGS.values(), *REPORT_SETTINGS.values()]
    assert all(s.accepts(s.default) for s in everything)
    assert len({s.name for s in everything}) == len(everything)
    assert all(s.scope == "library" for s in SETTINGS.values())
    assert all(s.scope == "report" for s in REPORT_SETTINGS.values())


def test_reading_settings_again_does_not_query_the_database(store):
    statements = []
    store._conn.set_trace_callback(statements.append)        # white-box: what SQLite is asked
    store.get_setting(ZOOM)
    first = len(statements)
    for _ in range(50):
        store.get_setting(ZOOM), store.get_setting(LANGUAGE), store.get_setting(AUTHOR)
    assert first == 1 and len(statements) == first


def test_the_cache_sees_a_write_at_once_and_a_second_library_sees_it_after_opening(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with LibraryStore(path) as store:
        assert store.get_setting(ZOOM) == 0                   # cached now
        store.set_setting(ZOOM, 3)
        assert store.get_setting(ZOOM) == 3
        store.set_setting(ZOOM, -1)
        assert store.get_setting(ZOOM) == -1
    with LibraryStore(path) as again:
        assert again.get_setting(ZOOM) == -1


def test_a_rolled_back_write_is_not_left_in_the_cache(store):
    store.set_setting(LANGUAGE, "en")
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.set_setting(LANGUAGE, "zh")
            assert store.get_setting(LANGUAGE) == "zh"       # inside, the write is seen
            raise RuntimeError("undo")
    assert store.get_setting(LANGUAGE) == "en"


def test_changing_a_value_read_changes_nothing_stored(store):
    store.set_setting(HIGHLIGHT_NAMES, {"yellow": "必读"})
    names = store.get_setting(HIGHLIGHT_NAMES)
    names["blue"] = "改了"
    assert store.get_setting(HIGHLIGHT_NAMES) == {"yellow": "必读"}


def test_a_stored_value_of_another_type_reads_as_the_default(tmp_path):
    path = tmp_path / "lib.sqlite3"
    LibraryStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO settings (key, value) VALUES ('zoom', '\"big\"')")
    conn.commit()
    conn.close()
    with LibraryStore(path) as store:
        assert store.get_setting(ZOOM) == 0


def test_the_reading_position_is_kept_per_report(store):
    a = store.import_report(parse_bytes(SMALL.encode(), "a.txt")).document_id
    b = store.import_report(parse_bytes(OTHER.encode(), "b.txt")).document_id
    assert store.get_report_setting(a, READING_POSITION) == 0
    store.set_report_setting(a, READING_POSITION, 12)
    store.set_report_setting(b, "position", 7)
    store.set_report_setting(a, READING_POSITION, 20)
    assert (store.get_report_setting(a, READING_POSITION), store.get_report_setting(b, READING_POSITION)) == (20, 7)


def delete_report(path, doc_id: int) -> None:
    """Remove a report as SQLite's foreign keys require: its rows first, then the report."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    for table in ("annotations", "sections", "figures", "text_tables"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    conn.commit()
    conn.close()


def rows(path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_positions_kept_as_settings_move_to_their_reports_and_go_with_them(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 4)
    with LibraryStore(path) as old:                     # as version-4 code kept them
        a = old.import_report(parse_bytes(SMALL.encode(), "a.txt")).document_id
        b = old.import_report(parse_bytes(OTHER.encode(), "b.txt")).document_id
        old.set_setting(ZOOM, 2)
    conn = sqlite3.connect(path)
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                     [(f"position:{a}", "120"), (f"position:{b}", "45"), ("position:999", "3"),
                      ("position:x", "1")])
    conn.commit()
    conn.close()
    monkeypatch.undo()
    with LibraryStore(path) as store:
        assert store.get_report_setting(a, READING_POSITION) == 120
        assert store.get_report_setting(b, READING_POSITION) == 45
        assert store.get_setting(ZOOM) == 2
    assert rows(path, "SELECT key FROM settings WHERE key LIKE 'position:%'") == []
    assert sorted(rows(path, "SELECT document_id, key FROM report_state")) == [(a, "position"), (b, "position")]
    delete_report(path, a)
    assert rows(path, "SELECT document_id FROM report_state") == [(b,)]
