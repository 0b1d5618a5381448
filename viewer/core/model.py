"""The plain records every layer shares: a report, its sections, figures, tables, annotations."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator, Sequence


@dataclass(frozen=True)
class HeadingHint:
    """A heading the source marked up (HTML <h1>-<h6>, or a bold run-in at paragraph start)."""

    start: int                # code-point offsets into the body text
    end: int
    kind: str                 # "heading" (from <h1>-<h6>) or "bold" (a <strong>/<b> run-in)
    level: int | None = None  # 1-6 for html headings, None for bold


@dataclass
class SectionNode:
    """One numbered (or hinted) section; it spans from its number to its next sibling."""

    number: str        # verbatim marker ("一、", "(一)", "1．", "一是", "第三条"; "" when unnumbered)
    title: str
    level: int         # 1 = top numbering level of this document
    start: int         # offset of the number's first character
    heading_end: int   # end of the title (title_end == heading_end)
    end: int           # start of the next sibling / ancestor's next sibling, or end of text
    run_in: bool = False
    children: list["SectionNode"] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "number": self.number, "title": self.title, "level": self.level, "start": self.start,
            "heading_end": self.heading_end, "end": self.end, "run_in": self.run_in,
            "children": [child.to_dict() for child in self.children],
        }


def iter_sections(nodes: Iterable[SectionNode]) -> Iterator[SectionNode]:
    """Every node, depth-first in document order."""
    todo = list(nodes)[::-1]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(reversed(node.children))


def section_path(nodes: Sequence[SectionNode], offset: int) -> list[SectionNode]:
    """The nodes containing `offset` (start <= offset < end), outermost first."""
    path: list[SectionNode] = []
    level = nodes
    while level:
        i = bisect_right(level, offset, key=lambda node: node.start) - 1
        if i < 0:
            break
        node = level[i]
        if not node.start <= offset < node.end:
            break
        path.append(node)
        level = node.children
    return path


@dataclass(frozen=True)
class Figure:
    """One statistic: `text == body[start:end]`, its kind, normalised value, unit and qualifier."""

    start: int
    end: int
    text: str
    kind: str
    value: float | int
    unit: str
    qualifier: str
    multiplier: str = ""
    end_value: float | int | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "value": self.value, "unit": self.unit, "qualifier": self.qualifier,
                "multiplier": self.multiplier, "end_value": self.end_value}


CELL_SEPARATOR = "\t"     # how ingest writes a table row (HTML <td>/<th>, .docx <w:tc>)


@dataclass(frozen=True)
class TextTable:
    """A table's rows in the body text, text[start:end] (code points): from the first row's start to
    the last row's end. Blank lines inside (a <thead>/<tbody> boundary) belong to no row."""

    start: int
    end: int

    def rows(self, text: str) -> list[list[tuple[int, int]]]:
        """Each row's cells as (start, end) spans of the body text, in order; blank lines skipped.

            TextTable(0, 9).rows("甲\t乙\n1\t2\n")  ->  [[(0, 1), (2, 3)], [(4, 5), (6, 7)]]
        """
        rows: list[list[tuple[int, int]]] = []
        line_start = self.start
        for line in text[self.start:self.end].split("\n"):
            if line.strip():
                cells, cell_start = [], line_start
                for cell in line.split(CELL_SEPARATOR):
                    cells.append((cell_start, cell_start + len(cell)))
                    cell_start += len(cell) + len(CELL_SEPARATOR)
                rows.append(cells)
            line_start += len(line) + 1
        return rows


@dataclass
class IngestedDocument:
    """One imported source: its canonical body text and everything learnt while reading it."""

    text: str
    title: str
    metadata: dict[str, str]
    hints: list[HeadingHint]
    source_name: str
    raw: bytes = field(repr=False)
    fingerprint: str
    tables: list[TextTable] = field(default_factory=list)   # HTML/.docx tables: their rows' span
    pages: list[int] = field(default_factory=list)   # where each page starts (offsets, ascending); [] = not paged


def page_of(pages: Sequence[int], offset: int) -> int | None:
    """The 1-based page holding `offset`, for a page map of start offsets; None when not paged.

        page_of([0, 120, 300], 150)  ->  2
    """
    if not pages:
        return None
    return max(1, bisect_right(pages, offset))


#: Bumped whenever ingest, structure or figure rules change what a stored document holds.
PARSER_VERSION = "2"


@dataclass
class Report:
    """One parsed report: everything the store keeps and the UI shows."""

    source: IngestedDocument
    sections: list[SectionNode] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def title(self) -> str:
        return self.source.title

    @property
    def tables(self) -> list[TextTable]:
        return self.source.tables

    @property
    def pages(self) -> list[int]:
        return self.source.pages

    @property
    def parser_version(self) -> str:
        return PARSER_VERSION

    @property
    def fingerprint(self) -> str:
        return self.source.fingerprint

    def section_count(self) -> int:
        return sum(1 for _ in iter_sections(self.sections))

    def to_json(self) -> dict:
        """The `parse --json` contract: title, metadata, text, nested sections, figures, tables, page starts."""
        return {
            "title": self.title,
            "metadata": dict(self.source.metadata),
            "fingerprint": self.fingerprint,
            "parser_version": PARSER_VERSION,
            "text": self.text,
            "sections": [node.to_dict() for node in self.sections],
            "figures": [fig.to_dict() for fig in self.figures],
            "tables": [{"start": t.start, "end": t.end} for t in self.tables],
            "pages": list(self.pages),
        }


@dataclass(frozen=True)
class DocumentInfo:
    """A library entry as listed: no body text or raw bytes."""

    id: int
    title: str
    fingerprint: str
    source_name: str
    source_path: str
    parser_version: str
    imported_at: str
    sections: int
    figures: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class StoredDocument:
    """A stored report's text and metadata."""

    id: int
    title: str
    fingerprint: str
    source_name: str
    source_path: str
    metadata: dict
    text: str
    parser_version: str
    imported_at: str
    pages: list[int] = field(default_factory=list)   # the page map (see IngestedDocument.pages)


@dataclass(frozen=True)
class Annotation:
    """A note, bookmark or highlight on a span of a report's body text (code-point offsets)."""

    uuid: str
    document_id: int
    kind: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    body: str
    colour: str
    author: str
    created: str
    modified: str
    deleted: bool = False
    unplaced: bool = False
    shared_modified: str = ""   # `modified` of the version last received in a share file

    def positioned_like(self, other: "Annotation") -> "Annotation":
        """This annotation's content at `other`'s place (report, span, quote, unplaced)."""
        return replace(self, document_id=other.document_id, start=other.start, end=other.end, exact=other.exact,
                       prefix=other.prefix, suffix=other.suffix, unplaced=other.unplaced)

    def placed_in(self, text: str) -> tuple["Annotation", str]:
        """Re-anchored in (possibly changed) text: moved with a fresh quote, or marked unplaced
        keeping its old quote; with the method (position, exact, fuzzy or unplaced)."""
        from viewer.core.anchors import quote_selector, reanchor

        place = reanchor(text, self.start, self.end, self.exact, self.prefix, self.suffix)
        if not place.placed:
            return replace(self, unplaced=True), place.method
        quote = quote_selector(text, place.start, place.end)
        return replace(self, start=place.start, end=place.end, exact=quote.exact, prefix=quote.prefix,
                       suffix=quote.suffix, unplaced=False), place.method


@dataclass(frozen=True)
class ImportResult:
    """What `import_report` did: `created` is False when the fingerprint was already there;
    `restored` is True when it was in the 回收站 and the import brought it back."""

    document_id: int
    title: str
    created: bool
    sections: int
    figures: int
    restored: bool = False


@dataclass(frozen=True)
class RemovedReport:
    """A report in the 回收站 (trash): its library entry, when it was removed, how many notes wait with it."""

    info: DocumentInfo
    removed_at: str
    annotations: int

    def to_dict(self) -> dict:
        return {**self.info.to_dict(), "removed_at": self.removed_at, "annotations": self.annotations}


@dataclass(frozen=True)
class CatalogueEntry:
    """One report as the 书库 (library view) lists it."""

    id: int
    title: str
    issuer: str            # 发文机关 / issuing body, "" when unknown
    issued: str            # date of the report: "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" when unknown
    year: int | None       # the year the report is about/issued, None when unknown
    kind: str              # one of viewer.core.vocab.REPORT_KINDS
    source_name: str
    sections: int
    figures: int
    notes: int             # live notes+bookmarks+highlights (not deleted)
    imported_at: str       # UTC ISO, as documents.imported_at
    last_opened_at: str | None
    removed_at: str | None  # set for reports in the 回收站

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class CatalogueFilter:
    """Which reports the 书库 lists: all filters given must hold."""

    text: str = ""             # folded (full/half width, case) substring of title, issuer or source name
    kind: str | None = None
    year: int | None = None
    issuer: str | None = None  # exact issuer
    removed: bool = False      # True: list the 回收站 instead of the library


@dataclass(frozen=True)
class CatalogueFacets:
    """What the 书库's filters can offer, each with how many reports have it: kinds, years newest first, issuers."""

    kinds: list[tuple[str, int]]
    years: list[tuple[int, int]]
    issuers: list[tuple[str, int]]
