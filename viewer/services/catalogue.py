"""The 书库 (library view) use cases: list the reports a page at a time, sorted and filtered, count
them, offer the filters' values, rename one, note when one was opened, and the list as CSV.

    page = entries(store, CatalogueFilter(kind="work_report", year=2024), sort="issued", limit=200)
    total = count_entries(store, CatalogueFilter(text="法治"))
    change = rename_report(store, page[0].id, "2024年政府工作报告")   # CatalogueChange(..., "renamed")
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from viewer.core.errors import ReportViewerError
from viewer.core.model import CatalogueEntry, CatalogueFacets, CatalogueFilter
from viewer.core.vocab import REPORT_KINDS

if TYPE_CHECKING:
    from viewer.store import LibraryStore

__all__ = ["SORT_KEYS", "CatalogueChange", "CatalogueEntry", "CatalogueFacets", "CatalogueFilter",
           "all_entries", "catalogue_csv", "count_entries", "document_ids", "entries", "entry", "facets", "mark_opened",
           "rename_report"]

#: What the listing sorts by (every column of the 书库).
SORT_KEYS = ("title", "issuer", "issued", "kind", "source_name", "sections", "figures", "notes",
             "imported_at", "last_opened_at")
#: The longest page one call returns.
MAX_PAGE = 10_000


@dataclass(frozen=True)
class CatalogueChange:
    """What changed, for widgets to refresh only that: which reports, and how."""

    document_ids: frozenset[int]
    what: str            # "renamed" | "removed" | "restored" | "imported"


def _checked(flt: CatalogueFilter) -> CatalogueFilter:
    """The filter with its kind as an id (a label such as 政府工作报告 names one too); an unknown kind is refused."""
    if flt.kind is None or flt.kind in REPORT_KINDS:
        return flt
    from viewer.core.catalogue import kind_named

    kind = kind_named(flt.kind)
    if kind is None:
        raise ReportViewerError("catalogue.unknown_kind", kind=flt.kind, kinds=", ".join(REPORT_KINDS))
    return replace(flt, kind=kind)


def count_entries(store: "LibraryStore", flt: CatalogueFilter = CatalogueFilter()) -> int:
    """How many reports pass the filter (in the library, or in the 回收站 with removed=True)."""
    return store.count_catalogue(_checked(flt))


def entries(store: "LibraryStore", flt: CatalogueFilter = CatalogueFilter(), *, sort: str = "imported_at",
            descending: bool = True, offset: int = 0, limit: int = 200) -> list[CatalogueEntry]:
    """One page of the reports passing the filter, sorted by `sort` (one of SORT_KEYS; ties by id,
    unknown values last either way). Titles sort by Unicode code point, not by pinyin."""
    if sort not in SORT_KEYS:
        raise ReportViewerError("catalogue.unknown_sort", sort=sort, keys=", ".join(SORT_KEYS))
    return store.catalogue_entries(_checked(flt), sort, descending, max(0, offset), min(max(0, limit), MAX_PAGE))


def all_entries(store: "LibraryStore", flt: CatalogueFilter = CatalogueFilter(), *, sort: str = "imported_at",
                descending: bool = False) -> list[CatalogueEntry]:
    """Every report passing the filter, sorted as entries() sorts (the CLI's list and CSV), read a page at a time."""
    found: list[CatalogueEntry] = []
    while True:
        page = entries(store, flt, sort=sort, descending=descending, offset=len(found), limit=MAX_PAGE)
        found.extend(page)
        if len(page) < MAX_PAGE:
            return found


def entry(store: "LibraryStore", doc_id: int) -> CatalogueEntry:
    """One report's entry, whether in the library or in the 回收站 (an unknown id is a StoreError)."""
    return store.catalogue_entry(doc_id)


def document_ids(store: "LibraryStore", flt: CatalogueFilter) -> set[int]:
    """The ids of the reports passing the filter (search narrows its hits by these)."""
    return store.catalogue_ids(_checked(flt))


def facets(store: "LibraryStore", removed: bool = False) -> CatalogueFacets:
    """The kinds (in REPORT_KINDS order), years (newest first) and issuers (most reports first) present,
    each with its count of reports, in the library or the 回收站."""
    found = store.catalogue_facets(removed)
    counts = dict(found.kinds)
    return CatalogueFacets([(kind, counts[kind]) for kind in REPORT_KINDS if kind in counts]
                           + [(kind, n) for kind, n in found.kinds if kind not in REPORT_KINDS],
                           found.years, found.issuers)


def rename_report(store: "LibraryStore", doc_id: int, title: str) -> CatalogueChange:
    """Give a report a new title (spaces around it dropped) in one transaction; a blank title is refused."""
    cleaned = " ".join(title.split()) if isinstance(title, str) else ""
    if not cleaned:
        raise ReportViewerError("library.empty_title", id=doc_id)
    store.rename_document(doc_id, cleaned)
    return CatalogueChange(frozenset({doc_id}), "renamed")


def mark_opened(store: "LibraryStore", doc_id: int) -> None:
    """Record that the report was opened now (the 书库's last-opened column)."""
    store.mark_opened(doc_id)


def catalogue_csv(rows: Iterable[CatalogueEntry], language: str) -> str:
    """The listed reports as CSV text (no BOM): the header in `language`, kinds by their label, times local."""
    from viewer.core.export.catalogue_csv import catalogue_csv as render

    return render(rows, language)
