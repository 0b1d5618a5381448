"""Search all reports: a parsed query's hits across the library, each with its report, offsets, section and snippet.

    result = search(store, '依法 "行政复议" -调解', limit=50)   # SearchResult(total, hits)
    notes = search_notes(store, '依法 -调解')                     # [NoteHit]: quote or body holds the terms
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.core.export import section_path_label
from viewer.core.model import CatalogueFilter, page_of
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
        hits.append(SearchHit(doc_id, titles[doc_id], body_start, row.start + end,
                              section_path_label(sections[doc_id], body_start),
                              page_of(pages[doc_id], body_start), snippet(row.text, start, end)))
    return hits


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    """`…前文【hit】后文…`: the hit in `text[start:end]` marked, with up to `context` characters each side."""
    before = text[max(0, start - context):start]
    after = text[end:end + context]
    return ("…" if start > context else "") + before + MARK_OPEN + text[start:end] + MARK_CLOSE + after \
        + ("…" if end + context < len(text) else "")
