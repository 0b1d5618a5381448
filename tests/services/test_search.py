"""Search all reports: hits checked against a brute-force count of the same texts, offsets exact, filters."""

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import ReportViewerError
from viewer.core.export import section_path_label
from viewer.core.report import parse_bytes
from viewer.core.search import TextSearcher, fold
from viewer.services.library import import_file
from viewer.services.search import MARK_CLOSE, MARK_OPEN, search, snippet
from viewer.store import LibraryStore

REPORTS = {
    "a.txt": "2020年关于调解工作的报告\n\n一、总体情况\n\n全年调解纠纷41件，人民调解员120名。\n\n二、下一步打算\n\n依法调解。\n",
    "b.txt": "2021年关于依法行政的报告\n\n一、总体情况\n\n坚持依法行政，推进法治政府建设，ＧＤＰ增长５.２%。\n",
    "c.txt": "政府工作报告\n\n一、过去一年\n\n经济运行稳中有进，GDP增长5.2%，行政复议案件办结。\n",
}


@pytest.fixture
def store():
    with LibraryStore() as s:
        for name, text in REPORTS.items():
            s.import_report(parse_bytes(text.encode("utf-8"), name))
        import_file(s, SAMPLE)
        yield s


def bodies(store):
    return {info.id: store.document(info.id).text for info in store.documents()}


def brute_force(store, term):
    """(document, start, end) of every occurrence of `term`, folded, in every stored body text."""
    return [(doc_id, s, e) for doc_id, text in sorted(bodies(store).items())
            for s, e in TextSearcher(text).find_all(term, limit=10**9)
            if "\n" not in text[s:e]]


@pytest.mark.parametrize("term", ["法", "调解", "依法行政", "GDP", "5.2%", "一、", "的"])
def test_a_single_term_finds_exactly_the_hits_a_brute_force_count_finds(store, term):
    result = search(store, term)
    expected = brute_force(store, term)
    assert expected and result.total == len(expected)
    assert [(h.document_id, h.start, h.end) for h in result.hits] == expected


def test_every_hit_offset_points_at_the_term_in_its_reports_text(store):
    texts = bodies(store)
    for term in ["法", "调解", "依法行政", "ｇｄｐ"]:
        for hit in search(store, term).hits:
            assert fold(texts[hit.document_id][hit.start:hit.end]) == fold(term)


def test_full_and_half_width_forms_find_each_other(store):
    wide = search(store, "ＧＤＰ增长5.2%")
    narrow = search(store, "gdp增长５.２%")
    assert wide.total == narrow.total == 2
    assert wide.hits == narrow.hits


def test_several_terms_keep_only_reports_holding_all_and_find_every_hit_of_each(store):
    both = {d for d, _s, _e in brute_force(store, "调解")} & {d for d, _s, _e in brute_force(store, "人民")}
    assert both == {1, 4}                               # the sample names 人民调解 too; b and c hold neither
    expected = sorted(span for term in ("调解", "人民") for span in brute_force(store, term) if span[0] in both)
    result = search(store, "调解 人民")
    assert result.total == len(expected)
    assert [(h.document_id, h.start, h.end) for h in result.hits] == expected


def test_a_quoted_phrase_is_found_as_one_string(store):
    result = search(store, '"依法行政"')
    assert [(h.document_id, h.start, h.end) for h in result.hits] == brute_force(store, "依法行政")


def test_an_excluded_term_drops_every_report_holding_it(store):
    assert {h.document_id for h in search(store, "总体情况").hits} == {1, 2}
    assert {h.document_id for h in search(store, "总体情况 -调解").hits} == {2}
    assert {h.document_id for h in search(store, "总体情况 -行政").hits} == {1}
    assert search(store, "总体情况 -法").total == 0      # 依法 in both


def test_limit_cuts_the_hits_but_total_counts_them_all(store):
    full = search(store, "法")
    first = search(store, "法", limit=5)
    assert first.total == full.total > 5
    assert first.hits == full.hits[:5]
    assert search(store, "法", limit=0).hits == []
    several = search(store, "调解 人民")
    assert search(store, "调解 人民", limit=3) == type(several)(several.total, several.hits[:3])


def test_each_hit_has_its_section_path_and_a_snippet_with_the_hit_marked(store):
    hit = next(h for h in search(store, "调解员").hits if h.document_id == 1)
    assert hit.section == section_path_label(store.sections(1), hit.start) == "一、"
    assert hit.title == "2020年关于调解工作的报告"
    assert f"{MARK_OPEN}调解员{MARK_CLOSE}" in hit.snippet
    assert hit.page is None


def test_a_snippet_shows_context_either_side_and_ellipses_where_it_is_cut():
    text = "甲" * 40 + "调解" + "乙" * 40
    assert snippet(text, 40, 42, context=3) == f"…甲甲甲{MARK_OPEN}调解{MARK_CLOSE}乙乙乙…"
    assert snippet("调解", 0, 2) == f"{MARK_OPEN}调解{MARK_CLOSE}"


def test_kind_year_and_issuer_filter_by_what_the_library_detected(store):
    assert {h.document_id for h in search(store, "总体情况", year=2021).hits} == {2}
    assert {h.document_id for h in search(store, "增长", kind="work_report").hits} == {3}
    assert {h.document_id for h in search(store, "增长", kind="政府工作报告").hits} == {3}     # its label names it too
    assert {h.document_id for h in search(store, "法治", kind="rule_of_law_report").hits} == {2, 4}   # 依法行政的报告 too
    assert {h.document_id for h in search(store, "法治", issuer="重庆市渝中区司法局").hits} == {4}
    assert search(store, "增长", year=1999).total == 0
    with pytest.raises(ReportViewerError) as excinfo:
        search(store, "增长", kind="小说")
    assert excinfo.value.code == "catalogue.unknown_kind"


def test_a_query_with_nothing_to_find_is_refused(store):
    with pytest.raises(ReportViewerError) as excinfo:
        search(store, "-法")
    assert excinfo.value.code == "search.empty_query"


def test_a_query_found_nowhere_gives_no_hits(store):
    assert search(store, "量子计算").total == 0
    assert search(store, "鑫").total == 0


def test_notes_and_bookmarks_are_found_by_their_body_or_quote_folded(store):
    from viewer.services.annotations import add_annotation, delete_annotation
    from viewer.services.search import search_notes

    text = bodies(store)[1]
    start = text.index("人民调解员")
    note = add_annotation(store, 1, "note", start, start + 5, body="核对ＧＤＰ口径").added[0]
    mark = add_annotation(store, 2, "bookmark", 0, 4, body="行政复议").added[0]
    assert [n.uuid for n in search_notes(store, "gdp")] == [note.uuid]             # the body, width-folded
    assert [n.uuid for n in search_notes(store, "调解员 口径")] == [note.uuid]      # quote and body together
    assert [n.uuid for n in search_notes(store, "复议")] == [mark.uuid]
    assert search_notes(store, "调解员 -口径") == []
    assert [n.uuid for n in search_notes(store, "复议", year=2021)] == [mark.uuid]
    assert search_notes(store, "复议", year=2020) == []
    hit = search_notes(store, "口径")[0]
    assert (hit.document_id, hit.kind, hit.quote, hit.title) == (1, "note", "人民调解员", REPORTS["a.txt"].split("\n")[0])
    delete_annotation(store, note.uuid)
    assert search_notes(store, "gdp") == []


def test_a_report_in_the_trash_is_not_searched_until_it_is_restored(tmp_path):
    from viewer.core.report import parse_bytes
    from viewer.services.search import search, search_notes
    from viewer.store import LibraryStore

    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        store.set_setting("author", "张三")
        doc = store.import_report(parse_bytes("甲报告\n\n依法调解纠纷。\n".encode(), "a.txt")).document_id
        store.add_annotation(doc, "note", 3, 5, body="调解要点")
        assert search(store, "调解").total == 1 and search_notes(store, "调解")
        store.remove_report(doc)
        assert search(store, "调解").total == 0 and search(store, "依法调解").total == 0
        assert search_notes(store, "调解") == []
        store.restore_report(doc)
        assert search(store, "调解").total == 1
