"""The 书库's use cases: pages, every sort order, filters, facets, rename, the 回收站, live counts, CSV."""

import csv
import io

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import ReportViewerError, StoreError
from viewer.core.report import parse_bytes
from viewer.core.vocab import REPORT_KINDS
from viewer.services import catalogue
from viewer.services.annotations import add_annotation, delete_annotation
from viewer.services.catalogue import CatalogueFilter
from viewer.services.library import import_file, remove_report
from viewer.store import LibraryStore

REPORTS = {
    "work.txt": "成都市人民政府2024年政府工作报告\n\n一、过去一年\n\n经济增长5.2%。\n\n二、今年安排\n\n稳中求进。\n",
    "law.txt": "浙江省2023年法治政府建设年度报告\n\n一、主要举措\n\n浙江省人民政府推进依法行政。\n",
    "notice.txt": "成都市人民政府关于做好防汛工作的通知\n\n各区县：\n\n一、总体要求\n\n做好准备。\n\n成都市人民政府\n2024年1月15日\n",
    "Rules.TXT": "电动自行车管理\n\n第一条 为了规范。\n\n第二条 本市适用。\n\n第三条 职责。\n",
    "other.txt": "关于某项工作的报告\n\n一、情况\n\n全年办理案件41件。\n",
    "other2.txt": "２０２２年工作总结的思考\n\n一、情况\n\n全年办理案件52件。\n",
}


@pytest.fixture
def store():
    with LibraryStore() as s:
        for name, text in REPORTS.items():
            s.import_report(parse_bytes(text.encode("utf-8"), name))
        import_file(s, SAMPLE)
        yield s


def ids_of(name_to_text, store):
    return {e.source_name: e.id for e in catalogue.all_entries(store)}


def test_the_entries_show_what_was_detected_and_counted(store):
    by_name = {e.source_name: e for e in catalogue.all_entries(store)}
    assert (by_name["work.txt"].kind, by_name["work.txt"].issuer, by_name["work.txt"].year) == (
        "work_report", "成都市人民政府", 2024)
    assert (by_name["law.txt"].kind, by_name["law.txt"].issuer) == ("rule_of_law_report", "浙江省人民政府")
    assert (by_name["notice.txt"].kind, by_name["notice.txt"].issued) == ("notice", "2024-01-15")
    assert by_name["Rules.TXT"].kind == "regulation" and by_name["other.txt"].kind == "other"
    sample = by_name[SAMPLE.name]
    assert (sample.sections, sample.figures) == (store.document_info(sample.id).sections,
                                                 store.document_info(sample.id).figures)
    assert catalogue.entry(store, sample.id) == sample
    with pytest.raises(StoreError):
        catalogue.entry(store, 999)


def test_pages_join_up_to_the_whole_list_and_the_count_agrees(store):
    whole = catalogue.entries(store, sort="title", descending=False, limit=100)
    assert len(whole) == catalogue.count_entries(store) == len(REPORTS) + 1
    pages = [catalogue.entries(store, sort="title", descending=False, offset=n, limit=2) for n in range(0, 8, 2)]
    assert [e for page in pages for e in page] == whole and [len(p) for p in pages] == [2, 2, 2, 1]
    assert catalogue.entries(store, offset=100) == [] and catalogue.entries(store, limit=0) == []


def _missing(key, entry):
    return key in ("issuer", "issued", "last_opened_at") and not getattr(entry, key)


def _value(key, entry):
    return REPORT_KINDS.index(entry.kind) if key == "kind" else getattr(entry, key)


def expected_order(entries, key, descending):
    """The order the contract promises: by the value, ties by id, unknown values last both ways."""
    known = sorted((e for e in entries if not _missing(key, e)), key=lambda e: (_value(key, e), e.id),
                   reverse=descending)
    unknown = sorted((e for e in entries if _missing(key, e)), key=lambda e: e.id, reverse=descending)
    return [e.id for e in known + unknown]


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("key", catalogue.SORT_KEYS)
def test_every_sort_key_orders_by_its_value_ties_by_id_unknown_last(store, key, descending):
    ids = ids_of(REPORTS, store)
    catalogue.mark_opened(store, ids["law.txt"])
    catalogue.mark_opened(store, ids["work.txt"])
    add_annotation(store, ids["other.txt"], "bookmark", 0, 0)
    add_annotation(store, ids["other.txt"], "note", 0, 2, body="看")
    add_annotation(store, ids["law.txt"], "note", 0, 2, body="看")
    everything = catalogue.all_entries(store)
    listed = catalogue.entries(store, sort=key, descending=descending)
    assert [e.id for e in listed] == expected_order(everything, key, descending)
    if key in ("issuer", "issued", "last_opened_at"):
        assert any(_missing(key, e) for e in listed) and _missing(key, listed[-1])
    halves = (catalogue.entries(store, sort=key, descending=descending, limit=3)
              + catalogue.entries(store, sort=key, descending=descending, offset=3, limit=10))
    assert halves == listed


def test_an_unknown_sort_key_or_kind_is_refused(store):
    with pytest.raises(ReportViewerError) as excinfo:
        catalogue.entries(store, sort="colour")
    assert excinfo.value.code == "catalogue.unknown_sort"
    with pytest.raises(ReportViewerError) as excinfo:
        catalogue.count_entries(store, CatalogueFilter(kind="novel"))
    assert excinfo.value.code == "catalogue.unknown_kind"


def test_filters_by_folded_text_kind_year_and_issuer(store):
    ids = ids_of(REPORTS, store)

    def found(**given):
        flt = CatalogueFilter(**given)
        listed = {e.id for e in catalogue.entries(store, flt)}
        assert catalogue.count_entries(store, flt) == len(listed) and catalogue.document_ids(store, flt) == listed
        return listed

    assert found(text="防汛") == {ids["notice.txt"]}
    assert found(text="rules.txt") == {ids["Rules.TXT"]}                      # the source name, case folded
    assert found(text="2022年") == {ids["other2.txt"]}                          # full-width digits folded
    assert found(text="成都市人民政府") == {ids["work.txt"], ids["notice.txt"]}   # the issuer too
    assert found(text="  防汛 ") == {ids["notice.txt"]} and len(found(text="")) == len(ids)
    assert found(kind="work_report") == {ids["work.txt"]}
    assert found(kind="法治政府建设报告") == {ids["law.txt"], ids[SAMPLE.name]}      # a label names a kind
    assert found(year=2024) == {ids["work.txt"], ids["notice.txt"]}
    assert found(issuer="成都市人民政府") == {ids["work.txt"], ids["notice.txt"]}
    assert found(issuer="成都市") == set()                                       # exact
    assert found(issuer="成都市人民政府", kind="notice", year=2024, text="防汛") == {ids["notice.txt"]}
    assert found(issuer="成都市人民政府", kind="notice", year=2023) == set()


def test_facets_count_kinds_in_order_years_newest_first_and_issuers(store):
    facets = catalogue.facets(store)
    assert facets.kinds == [("work_report", 1), ("rule_of_law_report", 2), ("regulation", 1), ("notice", 1),
                            ("other", 2)]
    assert facets.years == [(2024, 2), (2023, 1), (2022, 1), (2020, 1)]
    assert facets.issuers[0] == ("成都市人民政府", 2)
    assert set(facets.issuers[1:]) == {("浙江省人民政府", 1), ("重庆市渝中区司法局", 1)}
    assert catalogue.facets(store, removed=True) == catalogue.CatalogueFacets([], [], [])


def test_removed_lists_the_trash_and_only_the_trash(store):
    ids = ids_of(REPORTS, store)
    remove_report(store, ids["notice.txt"])
    assert ids["notice.txt"] not in {e.id for e in catalogue.all_entries(store)}
    trash = catalogue.entries(store, CatalogueFilter(removed=True))
    assert [e.id for e in trash] == [ids["notice.txt"]] and trash[0].removed_at
    assert catalogue.count_entries(store, CatalogueFilter(removed=True)) == 1
    assert catalogue.count_entries(store) == len(ids) - 1
    assert catalogue.facets(store, removed=True).kinds == [("notice", 1)]
    assert ("成都市人民政府", 1) in catalogue.facets(store).issuers


def test_the_notes_count_follows_adding_and_deleting_notes(store):
    doc_id = ids_of(REPORTS, store)["other.txt"]
    assert catalogue.entry(store, doc_id).notes == 0
    note = add_annotation(store, doc_id, "note", 0, 2, body="核对").added[0]
    add_annotation(store, doc_id, "highlight", 3, 5, colour="yellow")
    assert catalogue.entry(store, doc_id).notes == 2
    assert [e.notes for e in catalogue.entries(store, sort="notes", limit=1)] == [2]
    delete_annotation(store, note.uuid)
    assert catalogue.entry(store, doc_id).notes == 1


def test_rename_gives_a_new_title_the_text_filter_follows(store):
    doc_id = ids_of(REPORTS, store)["other.txt"]
    change = catalogue.rename_report(store, doc_id, "  关于调解工作的报告 ")
    assert change == catalogue.CatalogueChange(frozenset({doc_id}), "renamed")
    assert catalogue.entry(store, doc_id).title == store.document_info(doc_id).title == "关于调解工作的报告"
    assert catalogue.document_ids(store, CatalogueFilter(text="调解")) == {doc_id}
    assert catalogue.document_ids(store, CatalogueFilter(text="某项工作")) == set()


@pytest.mark.parametrize("blank", ["", "   ", "\n\t"])
def test_a_blank_title_is_refused_and_nothing_changes(store, blank):
    doc_id = ids_of(REPORTS, store)["other.txt"]
    before = store.dump()
    with pytest.raises(ReportViewerError) as excinfo:
        catalogue.rename_report(store, doc_id, blank)
    assert excinfo.value.code == "library.empty_title"
    assert store.dump() == before


def test_renaming_or_marking_an_unknown_report_is_a_clear_error(store):
    with pytest.raises(StoreError):
        catalogue.rename_report(store, 999, "新标题")
    with pytest.raises(StoreError):
        catalogue.mark_opened(store, 999)


def test_mark_opened_records_when_the_report_was_opened(store):
    doc_id = ids_of(REPORTS, store)["law.txt"]
    assert catalogue.entry(store, doc_id).last_opened_at is None
    catalogue.mark_opened(store, doc_id)
    opened = catalogue.entry(store, doc_id).last_opened_at
    assert opened and opened >= catalogue.entry(store, doc_id).imported_at
    assert catalogue.entries(store, sort="last_opened_at", descending=True)[0].id == doc_id


def test_the_csv_has_a_header_in_the_language_kind_labels_and_local_times(store, china_time):
    ids = ids_of(REPORTS, store)
    catalogue.mark_opened(store, ids["work.txt"])
    catalogue.rename_report(store, ids["other.txt"], "=SUM(A1)")
    listed = catalogue.entries(store, sort="title", descending=False)
    zh = list(csv.reader(io.StringIO(catalogue.catalogue_csv(listed, "zh"))))
    en = list(csv.reader(io.StringIO(catalogue.catalogue_csv(listed, "en"))))
    assert zh[0][:6] == ["编号", "标题", "发文机关", "日期", "年份", "类型"] and "移入回收站" not in zh[0]
    assert en[0][:6] == ["ID", "Title", "Issuer", "Date", "Year", "Kind"]
    assert len(zh) == len(en) == len(listed) + 1
    work = next(row for row in zh if row[0] == str(ids["work.txt"]))
    assert work[5] == "政府工作报告" and work[3] == "" and work[4] == "2024"
    assert work[10].endswith("(+08:00)") and work[11].endswith("(+08:00)")
    assert next(row for row in en if row[0] == str(ids["work.txt"]))[5] == "Government work report"
    assert next(row for row in zh if row[0] == str(ids["other.txt"]))[1] == "'=SUM(A1)"      # no formula for Excel
    assert not catalogue.catalogue_csv(listed, "zh").startswith("\ufeff")
    remove_report(store, ids["work.txt"])
    trash = list(csv.reader(io.StringIO(catalogue.catalogue_csv(
        catalogue.entries(store, CatalogueFilter(removed=True)), "zh"))))
    assert trash[0][-1] == "移入回收站" and trash[1][-1].endswith("(+08:00)")
