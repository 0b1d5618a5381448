"""Search pages and counts for a lazy results panel: the same hits as search(), page by page without
gaps or overlap, and counts per report checked against a brute-force count of the same texts."""

from collections import Counter

import pytest

from tests.services.test_search import REPORTS, brute_force
from viewer.core.errors import ReportViewerError
from viewer.core.report import parse_bytes
from viewer.core.search import fold
from viewer.services.library import import_file
from viewer.services.search import SearchFilters, count_hits, search, search_page
from viewer.store import LibraryStore
from tests.conftest import SAMPLE

#: Small reports of our own beside the sample, so pages cross reports and some reports are in the 回收站.
EXTRA = {f"r{i}.txt": f"{2015 + i % 8}年某区法治政府建设情况报告\n\n一、依法行政\n\n"
         + "坚持依法行政，推进调解工作，法律顾问覆盖率" + str(i) + "0%。\n" * (1 + i % 4)
         + "\n二、存在问题\n\n部分单位依法决策意识不强。\n" for i in range(12)}


@pytest.fixture
def store():
    with LibraryStore() as s:
        for name, text in {**REPORTS, **EXTRA}.items():
            s.import_report(parse_bytes(text.encode("utf-8"), name))
        import_file(s, SAMPLE)
        s.remove_report(5)                                  # one report in the 回收站: never a hit
        yield s


def spans(hits):
    return [(h.document_id, h.start, h.end) for h in hits]


def live_brute_force(store, term):
    live = {info.id for info in store.documents()}
    return [span for span in brute_force(store, term) if span[0] in live]


@pytest.mark.parametrize("query", ["法", "调解", "依法行政", "依法 调解", '"依法行政" -顾问', "GDP"])
def test_pages_read_one_after_another_are_the_full_list_without_gaps_or_overlap(store, query):
    full = search(store, query).hits
    assert full
    for size in (1, 7, 50):
        pages, offset = [], 0
        while True:
            page = search_page(store, query, offset=offset, limit=size)
            if not page:
                break
            assert len(page) <= size
            pages.extend(page)
            offset += len(page)
        assert pages == full


def test_page_one_and_page_two_are_the_first_hundred_of_the_full_list(store):
    full = search(store, "法").hits
    assert len(full) > 100
    assert search_page(store, "法", offset=0, limit=50) + search_page(store, "法", offset=50, limit=50) == full[:100]


@pytest.mark.parametrize("term", ["法", "调解", "依法行政"])
def test_page_offsets_point_at_the_term_and_match_a_brute_force_count(store, term):
    page = search_page(store, term, limit=10**6)
    assert spans(page) == live_brute_force(store, term)
    for hit in page:
        text = store.document(hit.document_id).text
        assert fold(text[hit.start:hit.end]) == fold(term)
        before, marked, after = hit.context
        assert marked == text[hit.start:hit.end]
        assert before.lstrip("…") == text[hit.start - len(before.lstrip("…")):hit.start]


@pytest.mark.parametrize("query", ["法", "调解", "依法行政", "依法 调解", "总体情况 -调解"])
def test_counts_per_report_are_a_brute_force_count_and_the_total_is_search_s(store, query):
    counts = count_hits(store, query)
    assert counts.total == search(store, query).total
    assert sum(n for _doc, _title, n in counts.per_report) == counts.total
    expected = Counter(h.document_id for h in search(store, query).hits)
    assert [(doc, n) for doc, _title, n in counts.per_report] == sorted(expected.items())
    if " " not in query:
        assert Counter(d for d, _s, _e in live_brute_force(store, query)) == expected
    titles = {info.id: info.title for info in store.documents()}
    assert all(title == titles[doc] for doc, title, _n in counts.per_report)


def test_a_report_in_the_trash_is_neither_paged_nor_counted(store):
    assert 5 not in {h.document_id for h in search_page(store, "法", limit=10**6)}
    assert 5 not in {doc for doc, _t, _n in count_hits(store, "法").per_report}


def test_counting_stops_when_asked_and_says_so(store):
    assert count_hits(store, "法", stop=lambda: True) is None


def test_filters_keep_only_the_reports_they_let_through(store):
    year = SearchFilters(year=2016)
    kept = {h.document_id for h in search_page(store, "依法", limit=10**6, filters=year)}
    assert kept and all("2016" in store.document_info(d).title for d in kept)
    assert {doc for doc, _t, _n in count_hits(store, "依法", year).per_report} == kept
    assert search_page(store, "依法", filters=SearchFilters(year=1990)) == []
    assert count_hits(store, "依法", SearchFilters(year=1990)).total == 0


def test_a_page_past_the_end_is_empty_and_a_bad_query_is_refused(store):
    total = search(store, "调解").total
    assert search_page(store, "调解", offset=total, limit=50) == []
    assert search_page(store, "调解", limit=0) == []
    assert count_hits(store, "量子计算").total == 0 and search_page(store, "量子计算") == []
    for bad in ("-法", '"依法', "   "):
        with pytest.raises(ReportViewerError):
            search_page(store, bad)
        with pytest.raises(ReportViewerError):
            count_hits(store, bad)


@pytest.mark.parametrize("query", ["法", "调解", "依法 调解", "依法行政"])
def test_a_page_after_the_last_hit_shown_goes_on_from_it_without_gaps_or_overlap(store, query):
    full = search(store, query).hits
    for size in (1, 7, 50):
        pages, last = [], None
        while True:
            page = search_page(store, query, limit=size, after=last)
            if not page:
                break
            pages.extend(page)
            last = (page[-1].document_id, page[-1].start)
        assert pages == full
    middle = full[len(full) // 2]
    rest = full[len(full) // 2 + 1:]
    assert search_page(store, query, limit=10**6, after=(middle.document_id, middle.start)) == rest
    assert search_page(store, query, offset=3, limit=5, after=(middle.document_id, middle.start)) == rest[3:8]


@pytest.mark.parametrize("window", [1, 2, 5])
@pytest.mark.parametrize("query", ["依法行政", "依法行政 调解", "存在问题 -顾问", "法律顾问 -依法行政", "总体情况"])
def test_reports_past_the_scanned_window_are_found_through_the_index_the_same(store, monkeypatch, window, query):
    from viewer.store import hit_pages

    full = search(store, query).hits
    counts = count_hits(store, query)
    monkeypatch.setattr(hit_pages, "SCAN_WINDOW", window)
    pages, last = [], None
    while page := search_page(store, query, limit=3, after=last):
        pages.extend(page)
        last = (page[-1].document_id, page[-1].start)
    assert pages == full
    assert count_hits(store, query) == counts


def test_a_hit_names_its_section_path_with_the_innermost_title(store):
    hit = search_page(store, "部分单位", limit=1)[0]
    assert hit.section == "二、" and hit.heading == "二、存在问题"
    assert search_page(store, "法治政府建设情况报告", limit=1)[0].heading == ""      # the title line
