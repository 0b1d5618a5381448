"""Where the 书库's rows come from: a small protocol (count, page, facets, entry) and its service-backed form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, Sequence

if TYPE_CHECKING:
    from viewer.core.model import CatalogueEntry, CatalogueFacets, CatalogueFilter
    from viewer.store import LibraryStore


class CatalogueSource(Protocol):
    """What the library model asks for; the app passes a StoreSource, tests a fake."""

    def count(self, flt: "CatalogueFilter") -> int: ...

    def page(self, flt: "CatalogueFilter", sort: str, descending: bool, offset: int,
             limit: int) -> Sequence["CatalogueEntry"]: ...

    def facets(self, removed: bool) -> "CatalogueFacets": ...

    def entry(self, doc_id: int) -> "CatalogueEntry": ...


class StoreSource:
    """The catalogue services over one library (sorting, filtering and paging happen in SQL there)."""

    def __init__(self, store: "LibraryStore"):
        self.store = store

    def count(self, flt: "CatalogueFilter") -> int:
        from viewer.services import catalogue

        return catalogue.count_entries(self.store, flt)

    def page(self, flt: "CatalogueFilter", sort: str, descending: bool, offset: int,
             limit: int) -> Sequence["CatalogueEntry"]:
        from viewer.services import catalogue

        return catalogue.entries(self.store, flt, sort=sort, descending=descending, offset=offset, limit=limit)

    def facets(self, removed: bool) -> "CatalogueFacets":
        from viewer.services import catalogue

        return catalogue.facets(self.store, removed=removed)

    def entry(self, doc_id: int) -> "CatalogueEntry":
        from viewer.services import catalogue

        return catalogue.entry(self.store, doc_id)
