"""The catalogue's rows: each report's detected kind, issuer, date and year, its counts and folded
search key (migration 9), and the 书库's paged, sorted, filtered queries over them.

Every listing query reads one covering index (documents_catalogue) and never the documents
rows themselves, whose raw bytes and body text would be read through on the way to the columns
stored after them.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Callable, ContextManager, Mapping

from viewer.core.errors import StoreError
from viewer.core.model import CatalogueEntry, CatalogueFacets, CatalogueFilter
from viewer.core.vocab import REPORT_KINDS
from viewer.store import clock
from viewer.store.settings import LAST_OPENED

if TYPE_CHECKING:
    from viewer.core.catalogue import ReportFacts

_NOTES = "(SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.deleted = 0)"
#: When the report was last opened: per-report state (report_state), not a documents column, since
#: an UPDATE of a documents row rewrites its raw bytes and body (0.4 s and 8 MB of log for a 2 MB report).
_OPENED = (f"(SELECT json_extract(s.value, '$') FROM report_state s WHERE s.document_id = d.id"
           f" AND s.key = '{LAST_OPENED.name}')")
#: The listing's columns, in CatalogueEntry's order (the notes count is a subquery over annotations_live).
_ENTRY = ("SELECT d.id, d.title, d.issuer, d.issued, d.year, d.kind, d.source_name, d.section_count,"
          f" d.figure_count, {_NOTES}, d.imported_at, {_OPENED}, d.removed_at FROM documents d")
_LISTING = f"{_ENTRY} INDEXED BY documents_catalogue"
#: Kinds sort in REPORT_KINDS order (政府工作报告 first, 其他 last), not by their ids' spelling.
_KIND_ORDER = "CASE d.kind " + " ".join(f"WHEN '{kind}' THEN {n}" for n, kind in enumerate(REPORT_KINDS)) + \
    f" ELSE {len(REPORT_KINDS)} END"
#: Sort key -> its SQL expression; an unknown value (an empty issuer or date, never opened) is NULL.
SORT_COLUMNS: dict[str, str] = {
    "title": "d.title", "issuer": "NULLIF(d.issuer, '')", "issued": "NULLIF(d.issued, '')", "kind": _KIND_ORDER,
    "source_name": "d.source_name", "sections": "d.section_count", "figures": "d.figure_count", "notes": _NOTES,
    "imported_at": "d.imported_at", "last_opened_at": _OPENED,
}
_INDEXED = ("removed_at", "kind", "year", "issuer", "issued", "title", "source_name", "section_count",
            "figure_count", "imported_at", "search_key")


def add_columns(conn: sqlite3.Connection) -> None:
    """Migration 9's schema: the detected facts, the counts, the search key and their indexes."""
    for ddl in ("kind TEXT NOT NULL DEFAULT 'other'", "issuer TEXT NOT NULL DEFAULT ''",
                "issued TEXT NOT NULL DEFAULT ''", "year INTEGER",
                "section_count INTEGER NOT NULL DEFAULT 0", "figure_count INTEGER NOT NULL DEFAULT 0",
                "search_key TEXT NOT NULL DEFAULT ''"):
        conn.execute(f"ALTER TABLE documents ADD COLUMN {ddl}")
    conn.execute(f"CREATE INDEX documents_catalogue ON documents ({', '.join(_INDEXED)})")
    conn.execute("CREATE INDEX annotations_live ON annotations (document_id, deleted) WHERE deleted = 0")


def has_columns(conn: sqlite3.Connection) -> bool:
    """Whether this library has the catalogue columns (an old schema in the migration tests has not)."""
    return any(row[1] == "search_key" for row in conn.execute("PRAGMA table_info(documents)"))


def search_key(title: str, issuer: str, source_name: str) -> str:
    """What the text filter looks in: title, issuer and source name, folded as find folds."""
    from viewer.core.search import fold

    return fold(f"{title}\n{issuer}\n{source_name}")


def write_facts(conn: sqlite3.Connection, doc_id: int, facts: "ReportFacts", sections: int, figures: int) -> None:
    """Store a report's detected facts and counts (its title and source name as stored)."""
    title, source_name = conn.execute("SELECT title, source_name FROM documents WHERE id = ?", (doc_id,)).fetchone()
    conn.execute("UPDATE documents SET kind = ?, issuer = ?, issued = ?, year = ?, section_count = ?,"
                 " figure_count = ?, search_key = ? WHERE id = ?",
                 (facts.kind, facts.issuer, facts.issued, facts.year, sections, figures,
                  search_key(title, facts.issuer, source_name or ""), doc_id))


def describe(title: str, text: str, metadata: Mapping[str, str]) -> "ReportFacts":
    from viewer.core.catalogue import describe_report

    return describe_report(title, text, metadata)


def backfill(conn: sqlite3.Connection) -> None:
    """Migration 9's data: every stored report described and counted."""
    import json

    rows = conn.execute("SELECT id, title, body, metadata FROM documents").fetchall()
    for doc_id, title, body, metadata in rows:
        try:
            meta = json.loads(metadata or "{}")
        except ValueError:
            meta = {}
        sections = conn.execute("SELECT count(*) FROM sections WHERE document_id = ?", (doc_id,)).fetchone()[0]
        figures = conn.execute("SELECT count(*) FROM figures WHERE document_id = ?", (doc_id,)).fetchone()[0]
        write_facts(conn, doc_id, describe(title, body, meta if isinstance(meta, dict) else {}), sections, figures)


def _where(flt: CatalogueFilter) -> tuple[str, list]:
    from viewer.core.search import fold

    clauses = ["d.removed_at IS NOT NULL" if flt.removed else "d.removed_at IS NULL"]
    params: list = []
    if flt.text.strip():
        clauses.append("instr(d.search_key, ?) > 0")
        params.append(fold(flt.text.strip()))
    if flt.kind is not None:
        clauses.append("d.kind = ?")
        params.append(flt.kind)
    if flt.year is not None:
        clauses.append("d.year = ?")
        params.append(flt.year)
    if flt.issuer is not None:
        clauses.append("d.issuer = ?")
        params.append(flt.issuer)
    return " AND ".join(clauses), params


def _order(sort: str, descending: bool) -> str:
    """ORDER BY for a sort key: ties by id, unknown values (NULL) last both ways."""
    column = SORT_COLUMNS[sort]
    return f"{column} DESC, d.id DESC" if descending else f"{column} ASC NULLS LAST, d.id"


class CatalogueStore:
    """The 书库's reads and its two writes (rename, last opened); mixed into LibraryStore."""

    _conn: sqlite3.Connection
    path: str
    _statement: Callable[[], ContextManager[None]]
    set_report_setting: Callable[..., None]

    def catalogue_entries(self, flt: CatalogueFilter, sort: str, descending: bool, offset: int,
                          limit: int) -> list[CatalogueEntry]:
        """One page of the listing (`sort` one of SORT_COLUMNS)."""
        where, params = _where(flt)
        rows = self._conn.execute(f"{_LISTING} WHERE {where} ORDER BY {_order(sort, descending)} LIMIT ? OFFSET ?",
                                  (*params, max(0, limit), max(0, offset))).fetchall()
        return [CatalogueEntry(*row) for row in rows]

    def catalogue_entry(self, doc_id: int) -> CatalogueEntry:
        row = self._conn.execute(f"{_ENTRY} WHERE d.id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError("store.no_such_id", id=doc_id, library=self.path)
        return CatalogueEntry(*row)

    def count_catalogue(self, flt: CatalogueFilter) -> int:
        where, params = _where(flt)
        return self._conn.execute(f"SELECT count(*) FROM documents d INDEXED BY documents_catalogue WHERE {where}",
                                  params).fetchone()[0]

    def catalogue_ids(self, flt: CatalogueFilter) -> set[int]:
        where, params = _where(flt)
        rows = self._conn.execute(f"SELECT d.id FROM documents d INDEXED BY documents_catalogue WHERE {where}", params)
        return {doc_id for (doc_id,) in rows}

    def catalogue_facets(self, removed: bool) -> CatalogueFacets:
        """Kinds, years (newest first) and issuers (most reports first) of the library or the 回收站, with counts."""
        where, params = _where(CatalogueFilter(removed=removed))
        base = f"FROM documents d INDEXED BY documents_catalogue WHERE {where}"
        kinds = self._conn.execute(f"SELECT d.kind, count(*) {base} GROUP BY d.kind", params).fetchall()
        years = self._conn.execute(f"SELECT d.year, count(*) {base} AND d.year IS NOT NULL GROUP BY d.year"
                                   " ORDER BY d.year DESC", params).fetchall()
        issuers = self._conn.execute(f"SELECT d.issuer, count(*) AS n {base} AND d.issuer != '' GROUP BY d.issuer"
                                     " ORDER BY n DESC, d.issuer", params).fetchall()
        return CatalogueFacets(list(map(tuple, kinds)), list(map(tuple, years)), list(map(tuple, issuers)))

    def rename_document(self, doc_id: int, title: str) -> None:
        """Give a report a new title in one transaction (the search key follows)."""
        row = self._conn.execute("SELECT issuer, source_name FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError("store.no_such_id", id=doc_id, library=self.path)
        issuer, source_name = row
        with self._statement():
            self._conn.execute("UPDATE documents SET title = ?, search_key = ? WHERE id = ?",
                               (title, search_key(title, issuer, source_name or ""), doc_id))

    def mark_opened(self, doc_id: int) -> None:
        """Record that the report was opened now (in its per-report state, a row of its own)."""
        if self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
            raise StoreError("store.no_such_id", id=doc_id, library=self.path)
        self.set_report_setting(doc_id, LAST_OPENED, clock.now())
