"""The paragraph index (migration 8): filled at import and replace, backfilled for older libraries, removed with its report."""

import sqlite3

from viewer.core.report import parse_bytes
from viewer.core.search import fold
from viewer.store import LibraryStore
from viewer.store import migrations as store_module
from viewer.store.fts import split_paragraphs

FIRST = "关于调解工作的报告\n\n一、总体情况\n\n全年调解纠纷41件，ＧＤＰ增长5.2%。\n"
SECOND = "关于依法行政的报告\n\n一、总体情况\n\n坚持依法行政，法治政府建设。\n"


def report(text, name="r.txt"):
    return parse_bytes(text.encode("utf-8"), name)


def paragraph_rows(store, doc_id):
    return store._conn.execute("SELECT start, [end], text, folded FROM paragraphs WHERE document_id = ?"
                               " ORDER BY start", (doc_id,)).fetchall()


def test_split_paragraphs_gives_each_nonblank_line_with_exact_offsets():
    text = "标题\n\n  \n第一段\n第二段"
    spans = list(split_paragraphs(text))
    assert [text[s:e] for s, e in spans] == ["标题", "第一段", "第二段"]


def test_an_imported_report_has_every_paragraph_indexed_with_its_span_and_folded_text():
    with LibraryStore() as store:
        doc_id = store.import_report(report(FIRST)).document_id
        body = store.document(doc_id).text
        rows = paragraph_rows(store, doc_id)
        assert [(s, e) for s, e, _t, _f in rows] == list(split_paragraphs(body))
        for start, end, text, folded in rows:
            assert text == body[start:end] and folded == fold(text)
        assert [r.document_id for r in store.paragraphs_containing("ｇｄｐ增长")] == [doc_id]


def test_both_routes_find_paragraphs_short_and_long_terms():
    with LibraryStore() as store:
        one = store.import_report(report(FIRST, "a.txt")).document_id
        two = store.import_report(report(SECOND, "b.txt")).document_id
        assert {r.document_id for r in store.paragraphs_containing("法")} == {two}
        assert {r.document_id for r in store.paragraphs_containing("调解")} == {one}
        assert {r.document_id for r in store.paragraphs_containing("总体情况")} == {one, two}
        assert store.paragraphs_containing("不存在的词") == []


def test_replacing_a_report_reindexes_its_paragraphs():
    with LibraryStore() as store:
        doc_id = store.import_report(report(FIRST)).document_id
        store.replace_report(doc_id, report(SECOND))
        assert store.paragraphs_containing("调解") == []
        assert [r.document_id for r in store.paragraphs_containing("依法行政")] == [doc_id, doc_id]
        assert store._conn.execute("SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH '\"调解工作\"'"
                                   ).fetchone()[0] == 0


def test_removing_a_report_removes_its_paragraphs_from_the_index():
    with LibraryStore() as store:
        doc_id = store.import_report(report(FIRST)).document_id
        with store.transaction():                  # (the store has no removal yet; its rows go first)
            for table in ("sections", "figures", "text_tables", "annotations"):
                store._conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
            store._conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        assert store._conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 0
        assert store.paragraphs_containing("总体情况") == []


def test_a_library_from_before_the_index_is_backfilled_by_the_migration(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:6])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 6)
    with LibraryStore(path) as s:                  # as version-6 code stored them
        first = s.import_report(report(FIRST, "a.txt")).document_id
        second = s.import_report(report(SECOND, "b.txt")).document_id
    conn = sqlite3.connect(path)
    assert "paragraphs" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    monkeypatch.undo()
    with LibraryStore(path) as s:
        assert 8 in s.applied_migrations()
        for doc_id in (first, second):
            body = s.document(doc_id).text
            assert [(a, b) for a, b, _t, _f in paragraph_rows(s, doc_id)] == list(split_paragraphs(body))
        assert {r.document_id for r in s.paragraphs_containing("依法行政")} == {second}
        assert {r.document_id for r in s.paragraphs_containing("调")} == {first}
