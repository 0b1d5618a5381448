"""Search all reports: a parsed query's hits across the library, each with its report, offsets, section and snippet.

    result = search(store, '依法 "行政复议" -调解', limit=50)   # SearchResult(total, hits)
    notes = search_notes(store, '依法 -调解')                     # [NoteHit]: quote or body holds the terms
    page = search_page(store, '法', offset=50, limit=50)           # hits 50-99, without counting the library
    counts = count_hits(store, '法')                               # HitCounts(total, per_report) (a worker thread)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from viewer.core.export import PATH_SEPARATOR, section_path_label
from viewer.core.model import CatalogueFilter, page_of, section_path
from viewer.core.search import fold
from viewer.core.search_query import SearchQuery, parse_query
from viewer.services import catalogue

if TYPE_CHECKING:
    from viewer.store import LibraryStore
    from viewer.store.fts import ParagraphRow

#: Characters of context shown on each side of a hit in its snippet.
SNIPPET_CONTEXT = 30
#: The marks around the hit in a snippet.
MARK_OPEN, MARK_CLOSE = "【", "】"


@dataclass(frozen=True)
class SearchHit:
    """One occurrence of a query term: `start`/`end` are code-point offsets into the report's body text."""

    document_id: int
    title: str
    start: int
    end: int
    section: str
    page: int | None
    snippet: str
    #: The snippet unmarked, in three parts: (text before the hit, the hit, text after it), for a
    #: view that marks the hit itself (the report's own text may hold 【】).
    context: tuple[str, str, str] = ("", "", "")
    #: The section path with the innermost section's title: `一、 › （二） › 三是加强学习` ("" before the first).
    heading: str = ""

    def to_dict(self) -> dict:
        return {"document": self.document_id, "title": self.title, "start": self.start, "end": self.end,
                "section": self.section, "page": self.page, "snippet": self.snippet}


@dataclass(frozen=True)
class SearchResult:
    """How many hits the library holds for the query (`total`), and the first `limit` of them."""

    total: int
    hits: list[SearchHit]


def search(store: "LibraryStore", query: str | SearchQuery, limit: int | None = None,
           kind: str | None = None, year: int | None = None, issuer: str | None = None) -> SearchResult:
    """Every hit of `query` in the reports that hold all its terms and none of its excluded ones,
    in (report, offset) order. `kind`, `year` and `issuer` keep the reports the 书库 detected as
    such (viewer.services.catalogue). Raises ReportViewerError for a query with nothing to find."""
    parsed = parse_query(query) if isinstance(query, str) else query
    by_term = [store.paragraphs_containing(term) for term in parsed.terms]
    documents = set.intersection(*({row.document_id for row in rows} for rows in by_term))
    for term in parsed.excluded:
        documents -= {row.document_id for row in store.paragraphs_containing(term)}
    if kind is not None or year is not None or issuer is not None:
        documents &= catalogue.document_ids(store, CatalogueFilter(kind=kind, year=year, issuer=issuer))
    titles = {doc_id: store.document_info(doc_id).title for doc_id in documents}
    paragraphs = {row.id: row for rows in by_term for row in rows if row.document_id in documents}
    room = None if limit is None else max(0, limit)
    total, shown = 0, []
    for row in sorted(paragraphs.values(), key=lambda r: (r.document_id, r.start)):
        if room is not None and len(shown) >= room and len(parsed.terms) == 1:
            total += row.folded.count(parsed.terms[0])     # past the page a lone term is only counted
            continue
        spans = _paragraph_hits(row, parsed.terms)
        total += len(spans)
        shown.extend(spans if room is None else spans[:room - len(shown)])
    return SearchResult(total, _describe(store, shown, titles))


@dataclass(frozen=True)
class NoteHit:
    """A note, bookmark or highlight whose quote or body holds every term of a query (and no excluded one)."""

    document_id: int
    title: str
    uuid: str
    kind: str
    quote: str
    body: str

    def to_dict(self) -> dict:
        return {"document": self.document_id, "title": self.title, "uuid": self.uuid, "kind": self.kind,
                "quote": self.quote, "body": self.body}


def search_notes(store: "LibraryStore", query: str | SearchQuery, kind: str | None = None,
                 year: int | None = None, issuer: str | None = None) -> list[NoteHit]:
    """The annotations whose quote and body together hold all the query's terms and none of its
    excluded ones (folded as in find), in (report, position) order; `kind`/`year`/`issuer` as in search()."""
    parsed = parse_query(query) if isinstance(query, str) else query
    narrowed = (None if kind is None and year is None and issuer is None
                else catalogue.document_ids(store, CatalogueFilter(kind=kind, year=year, issuer=issuer)))
    titles: dict[int, str] = {}
    found: list[NoteHit] = []
    for uuid, doc_id, note_kind, quote, body in store.annotation_texts():
        folded = fold(quote) + "\n" + fold(body)
        if not all(term in folded for term in parsed.terms) or any(t in folded for t in parsed.excluded):
            continue
        if doc_id not in titles:
            titles[doc_id] = store.document_info(doc_id).title
        if narrowed is None or doc_id in narrowed:
            found.append(NoteHit(doc_id, titles[doc_id], uuid, note_kind, quote, body))
    return found


def _paragraph_hits(row: "ParagraphRow", terms: tuple[str, ...]) -> list[tuple["ParagraphRow", int, int]]:
    """(paragraph, start, end) of each term's occurrences in one paragraph, in order, overlaps dropped."""
    found: list[tuple[int, int]] = []
    for term in terms:
        pos = row.folded.find(term)
        while pos >= 0:
            found.append((pos, pos + len(term)))
            pos = row.folded.find(term, pos + len(term))
    kept: list[tuple["ParagraphRow", int, int]] = []
    reached = 0
    for start, end in sorted(found):
        if start >= reached:
            kept.append((row, start, end))
            reached = end
    return kept


def _describe(store: "LibraryStore", spans: list[tuple["ParagraphRow", int, int]],
              titles: dict[int, str]) -> list[SearchHit]:
    """The hits with their body offsets, section path, page and marked snippet."""
    sections: dict[int, list] = {}
    pages: dict[int, list[int]] = {}
    hits: list[SearchHit] = []
    for row, start, end in spans:
        doc_id = row.document_id
        if doc_id not in sections:
            sections[doc_id], pages[doc_id] = store.sections(doc_id), store.pages(doc_id)
        body_start = row.start + start
        parts = snippet_parts(row.text, start, end)
        path = section_path(sections[doc_id], body_start)
        heading = PATH_SEPARATOR.join([n.number or n.title for n in path[:-1]]
                                      + [f"{n.number}{n.title}" for n in path[-1:]])
        hits.append(SearchHit(doc_id, titles[doc_id], body_start, row.start + end,
                              section_path_label(sections[doc_id], body_start),
                              page_of(pages[doc_id], body_start), MARK_OPEN.join(parts[:2]) + MARK_CLOSE + parts[2],
                              parts, heading))
    return hits


def snippet_parts(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> tuple[str, str, str]:
    """(`…前文`, `hit`, `后文…`): `text[start:end]` with up to `context` characters each side."""
    before = ("…" if start > context else "") + text[max(0, start - context):start]
    after = text[end:end + context] + ("…" if end + context < len(text) else "")
    return before, text[start:end], after


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    """`…前文【hit】后文…`: the hit in `text[start:end]` marked, with up to `context` characters each side."""
    before, hit, after = snippet_parts(text, start, end, context)
    return before + MARK_OPEN + hit + MARK_CLOSE + after


# -- a results panel that pages lazily: one page of hits at a time, the counts afterwards ------------

#: Reports asked of the index at a time while a page is filled or the hits are counted.
PAGE_REPORTS = 32
COUNT_REPORTS = 5000


@dataclass(frozen=True)
class SearchFilters:
    """Which reports a search looks in (None: any): kind, year and issuing body."""

    kind: str | None = None
    year: int | None = None
    issuer: str | None = None


@dataclass(frozen=True)
class HitCounts:
    """How many hits the library holds for a query, and per report `(document id, title, count)` in report order."""

    total: int
    per_report: list[tuple[int, str, int]]


def search_page(store: "LibraryStore", query: str | SearchQuery, *, offset: int = 0, limit: int = 50,
                filters: SearchFilters | None = None, after: tuple[int, int] | None = None) -> list[SearchHit]:
    """Hits `offset` to `offset + limit` of `query`, in (report, offset) order, the same ones search()
    lists, without counting the library: the reports are walked in order and only those up to the
    page's end are read. `after` = (document id, start) of the last hit already shown: the page begins
    past it (and `offset` counts from there), so the next page costs no more than the first.
    Raises ReportViewerError for a query with nothing to find."""
    parsed = parse_query(query) if isinstance(query, str) else query
    allowed = _allowed_documents(store, filters)
    lone = parsed.terms[0] if len(parsed.terms) == 1 else None
    skip, spans = max(0, offset), []
    last_doc, last_start = after if after is not None else (0, -1)
    reached = last_doc - 1 if after is not None else 0
    while len(spans) < limit:
        want = max(PAGE_REPORTS, limit + skip - len(spans))      # a report holds at least one hit
        batch = store.reports_holding(parsed.terms, parsed.excluded, after=reached, limit=want)
        for doc_id in batch:
            reached = doc_id
            if allowed is not None and doc_id not in allowed:
                continue
            for row in store.paragraphs_holding(doc_id, parsed.terms):
                if doc_id == last_doc and row.end <= last_start:
                    continue                                     # shown already
                whole = doc_id != last_doc or row.start > last_start      # no hit of it shown yet
                if lone is not None and skip and whole and row.folded.count(lone) <= skip:
                    skip -= row.folded.count(lone)                        # skipped hits are only counted
                    continue
                found = _paragraph_hits(row, parsed.terms)
                if doc_id == last_doc:
                    found = [span for span in found if row.start + span[1] > last_start]
                dropped = min(skip, len(found))
                skip -= dropped
                spans.extend(found[dropped:dropped + limit - len(spans)])
                if len(spans) >= limit:
                    break
            if len(spans) >= limit:
                break
        if len(batch) < want:
            break
    titles = {doc_id: store.document_info(doc_id).title for doc_id in {row.document_id for row, _, _ in spans}}
    return _describe(store, spans, titles)


def count_hits(store: "LibraryStore", query: str | SearchQuery, filters: SearchFilters | None = None,
               stop: Callable[[], bool] | None = None) -> HitCounts | None:
    """The number of hits of `query` in the library and in each report holding it, as search() and
    search_page() find them; None when `stop()` turned true on the way (a newer query came)."""
    parsed = parse_query(query) if isinstance(query, str) else query
    allowed = _allowed_documents(store, filters)
    titles = {info.id: info.title for info in store.documents()}
    lone = parsed.terms[0] if len(parsed.terms) == 1 else None
    per_report: list[tuple[int, str, int]] = []
    after = 0
    while True:
        batch = store.reports_holding(parsed.terms, parsed.excluded, after=after, limit=COUNT_REPORTS)
        for doc_id in batch:
            if stop is not None and stop():
                return None
            if allowed is not None and doc_id not in allowed:
                continue
            rows = store.paragraphs_holding(doc_id, parsed.terms)
            count = sum(row.folded.count(lone) if lone is not None else len(_paragraph_hits(row, parsed.terms))
                        for row in rows)
            if count:
                per_report.append((doc_id, titles.get(doc_id, ""), count))
        if len(batch) < COUNT_REPORTS:
            break
        after = batch[-1]
    return HitCounts(sum(n for _, _, n in per_report), per_report)


def _allowed_documents(store: "LibraryStore", filters: SearchFilters | None) -> set[int] | None:
    """The ids of the reports `filters` lets through (the 书库's detected kind, year and issuer);
    None when it lets every report through."""
    if filters is None or (filters.kind is None and filters.year is None and filters.issuer is None):
        return None
    return catalogue.document_ids(store, CatalogueFilter(kind=filters.kind, year=filters.year, issuer=filters.issuer))
