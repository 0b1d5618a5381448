"""Library use cases: import a report file, re-import a stored report, list the reports.

    result = import_file(store, "report.txt")      # ImportResult: created False if already there
    moved = reimport(store, result.document_id)    # ReimportResult: where each annotation went
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.core.model import Annotation, DocumentInfo, ImportResult

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
