"""The library benchmark: its first page is search()'s first page, and its table reports every kind of query."""

import pytest

from viewer.bench_library import QUERY_KINDS, _first_page_from_store, bench_library, library_table
from viewer.bench_texts import varied_reports
from viewer.core.report import parse_bytes
from viewer.services.search import search
from viewer.store import LibraryStore


@pytest.fixture(scope="module")
def store():
    with LibraryStore(":memory:") as s:
        for name, data in varied_reports(20):
            s.import_report(parse_bytes(data, name))
        yield s


@pytest.mark.parametrize("query", [q for _label, queries, _t in QUERY_KINDS for q in queries] + ["法 -调解"])
def test_the_bench_s_first_page_is_search_s_first_page(store, query):
    assert _first_page_from_store(store, query) == search(store, query, limit=50).hits


def test_the_table_has_a_row_for_each_kind_of_query(tmp_path):
    table = library_table(bench_library(8, workers=0, runs=1, keep=tmp_path))
    for label, _queries, _target in QUERY_KINDS:
        assert f"| {label} |" in table
    assert "reports/s" in table and "KiB a report" in table
    assert "ripgrep not installed" in table or "rg -F" in table
