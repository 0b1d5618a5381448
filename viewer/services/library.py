"""Library use cases: import a report file, re-import one or all stored reports, list them, move one
into the 回收站 (trash) and back.

    result = import_file(store, "report.txt")      # ImportResult: created False if already there
    moved = reimport(store, result.document_id)    # ReimportResult: where each annotation went
    removal = remove_report(store, result.document_id)   # TrashChange: its notes wait with it
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from viewer.core.errors import ReportViewerError
from viewer.core.model import Annotation, DocumentInfo, ImportResult, RemovedReport

if TYPE_CHECKING:
    from viewer.core.model import Report
    from viewer.store import LibraryStore

#: How re-anchoring placed an annotation, best first.
PLACEMENTS = ("position", "exact", "fuzzy", "unplaced")


def import_file(store: "LibraryStore", path: str | os.PathLike) -> ImportResult:
    """Parse a report file and store it in one transaction (ReportViewerError, nothing written, if it
    does not read); a report already in the library adds nothing."""
    from viewer.core.report import parse_path

    return import_parsed(store, parse_path(path), path)


def import_parsed(store: "LibraryStore", report: "Report", path: str | os.PathLike | None = None) -> ImportResult:
    """Store an already parsed report (the CLI parses every file before opening the library)."""
    return store.import_report(report, source_path=path)


@dataclass(frozen=True)
class ReimportResult:
    """What a re-import did: the report's new shape and, per annotation, how it was placed."""

    document_id: int
    sections: int
    figures: int
    moved: tuple[tuple[Annotation, str], ...]      # (annotation as now stored, one of PLACEMENTS)

    def counts(self) -> dict[str, int]:
        """How many annotations each way of placing them placed."""
        counted = Counter(method for _ann, method in self.moved)
        return {method: counted.get(method, 0) for method in PLACEMENTS}


def reimport(store: "LibraryStore", doc_id: int, source: str | os.PathLike | None = None) -> ReimportResult:
    """Re-parse a stored report, from a corrected `source` file or its kept source bytes, in one
    transaction; its annotations are re-anchored by their quotes."""
    from viewer.core.report import parse_bytes, parse_path

    if source:
        report = parse_path(source)
    else:
        info = store.document_info(doc_id)
        report = parse_bytes(store.raw_source(doc_id), info.source_name or "report.txt")
    moved = store.replace_report(doc_id, report)
    return ReimportResult(doc_id, report.section_count(), len(report.figures), tuple(moved))


def list_reports(store: "LibraryStore") -> list[DocumentInfo]:
    """Every report in the library, oldest import first."""
    return store.documents()


def list_removed(store: "LibraryStore") -> list[RemovedReport]:
    """The reports in the 回收站, most recently removed first."""
    return store.removed_documents()


@dataclass(frozen=True)
class TrashChange:
    """What remove_report or restore_report did: `changed` False when the report was already where asked."""

    document_id: int
    title: str
    changed: bool
    annotations: int          # its live notes, bookmarks and highlights (never touched by either)


def _trash_change(store: "LibraryStore", doc_id: int, changed: bool) -> TrashChange:
    return TrashChange(doc_id, store.document_info(doc_id).title, changed, len(store.annotations(doc_id)))


def remove_report(store: "LibraryStore", doc_id: int) -> TrashChange:
    """Move a report into the 回收站 in one transaction; it and its notes can be restored."""
    return _trash_change(store, doc_id, store.remove_report(doc_id))


def restore_report(store: "LibraryStore", doc_id: int) -> TrashChange:
    """Bring a report back from the 回收站 in one transaction, its notes as they were."""
    return _trash_change(store, doc_id, store.restore_report(doc_id))


@dataclass(frozen=True)
class ReimportAllResult:
    """What reimport_all did: a ReimportResult per report re-parsed, and (id, title, error) per one that failed."""

    reimported: tuple[ReimportResult, ...]
    failed: tuple[tuple[int, str, ReportViewerError], ...]


#: progress(n, total, title): called before the n-th report (1-based) of `total` is re-parsed.
Progress = Callable[[int, int, str], None]


def reimport_all(store: "LibraryStore", progress: Progress | None = None) -> ReimportAllResult:
    """Re-parse every report in the library (not the 回收站) from its kept source bytes, each in its
    own transaction, notes re-anchored; one that no longer parses is left as it was and reported."""
    docs = store.documents()
    done: list[ReimportResult] = []
    failed: list[tuple[int, str, ReportViewerError]] = []
    for n, info in enumerate(docs, 1):
        if progress is not None:
            progress(n, len(docs), info.title)
        try:
            done.append(reimport(store, info.id))
        except ReportViewerError as exc:
            failed.append((info.id, info.title, exc))
    return ReimportAllResult(tuple(done), tuple(failed))
