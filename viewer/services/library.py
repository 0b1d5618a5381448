"""Library use cases: import a report file, re-import one or all stored reports, list them, move one
into the 回收站 (trash) and back.

    result = import_file(store, "report.txt")      # ImportResult: created False if already there
    moved = reimport(store, result.document_id)    # ReimportResult: where each annotation went
    removal = remove_report(store, result.document_id)   # TrashChange: its notes wait with it
    batch = import_paths(store, ["folder/", "a.docx"])  # BatchResult: imported, already, failed
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from viewer.core.errors import ReportViewerError
from viewer.core.model import Annotation, DocumentInfo, ImportResult, RemovedReport

if TYPE_CHECKING:
    from pathlib import Path

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
    backup: "Path | None" = None        # the backup written before any report was touched (None: in memory)


#: progress(n, total, title): called before the n-th report (1-based) of `total` is re-parsed.
Progress = Callable[[int, int, str], None]


def reimport_all(store: "LibraryStore", progress: Progress | None = None,
                 backed_up: "Callable[[Path], None] | None" = None) -> ReimportAllResult:
    """Re-parse every report in the library (not the 回收站) from its kept source bytes, each in its
    own transaction, notes re-anchored; one that no longer parses is left as it was and reported.
    The library is backed up first, always (not once a day; `backed_up(path)` hears where): if that
    fails nothing is re-parsed."""
    from viewer.store.backup import back_up

    written = back_up(store)
    if written is not None and backed_up is not None:
        backed_up(written)
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
    return ReimportAllResult(tuple(done), tuple(failed), written)


@dataclass
class BatchResult:
    """What a batch import did: the reports stored, those already there, and each file that failed."""

    imported: list[ImportResult] = field(default_factory=list)
    already: list[ImportResult] = field(default_factory=list)
    failed: list[tuple[str, ReportViewerError]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def done(self) -> int:
        """How many files were tried."""
        return len(self.imported) + len(self.already) + len(self.failed)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def collect_files(paths: Iterable[str | os.PathLike]) -> list[str]:
    """The files a batch imports: each named file as given, and inside each folder (recursively, in
    name order) every file not hidden, in no hidden folder, whose extension some format reads."""
    return [file for given in paths for file in _files_of(os.fspath(given))]


def _files_of(path: str) -> list[str]:
    """`path` itself when it is not a folder, else the readable files under it (see collect_files)."""
    from viewer.core.ingest import registry

    if not os.path.isdir(path):
        return [path]
    readable = registry.supported_extensions()
    files: list[str] = []
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        files.extend(os.path.join(root, name) for name in sorted(names)
                     if not _hidden(name) and os.path.splitext(name)[1].lower() in readable)
    return files


def import_paths(store: "LibraryStore", paths: Iterable[str | os.PathLike],
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, *,
                 finished: Callable[[str, ImportResult | ReportViewerError], None] | None = None,
                 workers: int | None = None) -> BatchResult:
    """Import files and folders (see collect_files), each file parsed and stored in its own
    transaction: a file that fails is kept in `failed` with its error and the batch goes on.
    `progress(n, total, path)` is called before file n (1-based) is read; `cancelled()` is asked
    between files, and a True stops the batch there (what was imported stays); `finished(path,
    outcome)` hears how each file ended (its ImportResult or its error). A folder holding no
    report file is a failure of its own. The files are parsed ahead in `workers` processes
    (None: as many as the batch is worth, see parse_pool.default_workers; 0: here), and stored
    here in order."""
    from viewer.core.ingest import registry
    from viewer.services import parse_pool

    result = BatchResult()
    files: list[str] = []
    for given in map(os.fspath, paths):
        found = _files_of(given)
        if not found:
            error = ReportViewerError("ingest.folder_has_no_reports", path=given,
                                      extensions=", ".join(registry.advice_extensions()))
            result.failed.append((given, error))
            if finished is not None:
                finished(given, error)
        files.extend(found)
    if workers is None:
        workers = parse_pool.default_workers(len(files))
    parsed = parse_pool.parsed_in_order(files, workers) if workers > 0 else None
    try:
        for n, path in enumerate(files, 1):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            if progress is not None:
                progress(n, len(files), path)
            outcome = _import_one(store, path) if parsed is None else _store_one(store, path, next(parsed)[1])
            if isinstance(outcome, ReportViewerError):
                result.failed.append((path, outcome))
            else:
                (result.imported if outcome.created else result.already).append(outcome)
            if finished is not None:
                finished(path, outcome)
    finally:
        if parsed is not None:
            parsed.close()
    return result


def _import_one(store: "LibraryStore", path: str) -> ImportResult | ReportViewerError:
    """One file of a batch parsed here: its ImportResult, or the error that stopped it (nothing written then)."""
    try:
        return import_file(store, path)
    except ReportViewerError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a parser's bug in one file must not stop the batch
        return ReportViewerError("ingest.import_failed", path=path, reason=f"{type(exc).__name__}: {exc}")


def _store_one(store: "LibraryStore", path: str, parsed: "Report | ReportViewerError") -> ImportResult | ReportViewerError:
    """One file of a batch, parsed: its ImportResult, or the error that stopped it (nothing written then)."""
    if isinstance(parsed, ReportViewerError):
        return parsed
    try:
        return import_parsed(store, parsed, path)
    except ReportViewerError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a parser's bug in one file must not stop the batch
        return ReportViewerError("ingest.import_failed", path=path, reason=f"{type(exc).__name__}: {exc}")
