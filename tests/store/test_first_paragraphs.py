"""A page of paragraphs in (report, start) order without finding them all: the same rows as the full search, page by page."""

import pytest

from viewer.bench_texts import varied_reports
from viewer.core.report import parse_bytes
from viewer.store import LibraryStore, fts


@pytest.fixture(scope="module")
def library():
    with LibraryStore(":memory:") as store:
        ids = [store.import_report(parse_bytes(data, name)).document_id for name, data in varied_reports(24)]
        # a re-imported report gets new paragraph ids: id order is no longer (report, start) order
        store.replace_report(ids[0], parse_bytes(varied_reports(1, seed=99)[0][1], "again.txt"))
        store.remove_report(ids[5])
        yield store


def paged(conn, term, size):
    rows, after = [], None
    while True:
        page = fts.first_paragraphs_containing(conn, term, size, after=after)
        rows += page
        if len(page) < size:
            return rows
        after = (page[-1].document_id, page[-1].start)


@pytest.mark.parametrize("sort_at_most", [1, 10_000])      # the walk in order, the sorted index matches
@pytest.mark.parametrize("term", ["法", "Ｐ", "政府", "复议", "依法行政", "营商环境", "pm2.5", "人民调解组织", "没有的词", "龘", "雄安"])
def test_pages_of_paragraphs_are_the_full_search_in_order(library, monkeypatch, term, sort_at_most):
    monkeypatch.setattr(fts, "SORT_AT_MOST", sort_at_most)
    every = library.paragraphs_containing(term)
    assert paged(library._conn, term, 7) == every
    assert fts.first_paragraphs_containing(library._conn, term, 5) == every[:5]
    if term not in ("没有的词", "龘", "雄安"):
        assert every


def test_reports_in_the_trash_have_no_paragraphs_on_a_page(library):
    removed = {r.info.id for r in library.removed_documents()}
    assert removed and not removed & {row.document_id for row in paged(library._conn, "的", 50)}


def test_report_contains_is_whether_any_paragraph_holds_the_folded_term(library):
    doc_id = library.documents()[1].id
    body = library.document(doc_id).text
    assert fts.report_contains(library._conn, doc_id, body.split("\n")[0][:4])
    assert not fts.report_contains(library._conn, doc_id, "没有的词")
    assert not fts.report_contains(library._conn, doc_id, "")


def test_the_character_index_follows_a_replaced_and_a_deleted_report(tmp_path):
    from viewer.store import char_index

    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        first = store.import_report(parse_bytes("甲报告\n\n龘字在此。\n".encode("utf-8"), "a.txt")).document_id
        second = store.import_report(parse_bytes("乙报告\n\n另一段。\n".encode("utf-8"), "b.txt")).document_id
        assert char_index.reports_holding(store._conn, "龘") == [first]
        store.replace_report(first, parse_bytes("甲报告\n\n改过了。\n".encode("utf-8"), "a.txt"))
        assert char_index.reports_holding(store._conn, "龘") == []
        assert char_index.reports_holding(store._conn, "改") == [first]
        with store.transaction():
            store._conn.execute("DELETE FROM documents WHERE id = ?", (second,))
        assert char_index.reports_holding(store._conn, "另") == []
