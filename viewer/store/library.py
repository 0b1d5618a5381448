"""LibraryStore: the library's one SQLite file opened, its reports written and read, its transactions."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from viewer.core.errors import StoreError
from viewer.core.model import (
    Annotation, DocumentInfo, Figure, ImportResult, RemovedReport, SectionNode, StoredDocument, TextTable,
)
from viewer.store import backup, catalogue, clock, fts, health, hit_pages, migrations, report_rows
from viewer.store.annotations import AnnotationStore
from viewer.store.catalogue import CatalogueStore
from viewer.store.settings import SettingsStore

if TYPE_CHECKING:  # imported lazily: reading the library needs neither the parsers nor sqlite-utils
    import sqlite_utils

    from viewer.core.model import Report

BUSY_TIMEOUT_MS = 5000

_DOCUMENT_INFO = ("SELECT d.id, d.title, d.fingerprint, d.source_name, d.source_path, d.parser_version,"
                  " d.imported_at,"
                  " (SELECT count(*) FROM sections s WHERE s.document_id = d.id),"
                  " (SELECT count(*) FROM figures f WHERE f.document_id = d.id)"
                  " FROM documents d")
_LIVE = "d.removed_at IS NULL"
_DISK_FAILURES = (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR)


def is_disk_failure(exc: sqlite3.Error) -> bool:
    """SQLite could not write to the disk: it is full ("database or disk is full") or failing ("disk I/O error")."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DISK_FAILURES          # (extended codes such as SQLITE_IOERR_WRITE too)
    text = str(exc).lower()
    return "disk is full" in text or "disk i/o error" in text


class LibraryStore(AnnotationStore, SettingsStore, CatalogueStore):
    """All reads and writes of the library database; every write is one committed transaction, and
    `with store.transaction():` makes several writes one (nested ones join it).

        store = LibraryStore(path)            # or LibraryStore(":memory:")
        result = store.import_report(parse_path("report.txt"), source_path="report.txt")
        store.sections(result.document_id)
    """

    def __init__(self, path: str | os.PathLike = ":memory:", *, busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = str(path)
        self._busy_timeout_ms = busy_timeout_ms
        self._depth = 0                    # how many transaction() blocks are open
        #: Writes the disk refused (store.disk_full) since the last one that was committed.
        self.disk_failures = 0
        self._db: sqlite_utils.Database | None = None
        if self.path != ":memory:":
            parent = Path(self.path).parent
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("store.cannot_create_folder", path=self.path,
                                 reason=exc.strerror or str(exc)) from None
        try:
            self._conn = sqlite3.connect(self.path, timeout=busy_timeout_ms / 1000,
                                         isolation_level=None, check_same_thread=False)
            if self.path != ":memory:":      # refused before anything is written to it
                health.check_existing_library(self._conn, self.path, migrations.SCHEMA_VERSION)
            self._configure()
            migrations.migrate(self, before_migrating=lambda: backup.back_up(self))
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise health.refusal_for(exc, self.path) from None
        except BaseException:
            self._close_quietly()
            raise

    # -- connection ---------------------------------------------------------------------------

    def _database(self) -> "sqlite_utils.Database":
        """The sqlite-utils view of the connection (for migrations), made on first use (its import is not cheap)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn, execute_plugins=False)
        return self._db

    def _configure(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        self._conn.close()

    def _close_quietly(self) -> None:
        """After a refused open: the connection, if any, is closed (the file stays as it was)."""
        conn = getattr(self, "_conn", None)
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    def __enter__(self) -> "LibraryStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE): committed on success, rolled back on any error.

        Inside another it is a savepoint: its failure undoes its own writes and, unless caught,
        the whole transaction's.
        """
        conn = self._conn
        if self._depth:
            savepoint = f"nested_{self._depth}"
            conn.execute(f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield
            except BaseException as exc:
                if conn.in_transaction:        # (SQLite itself rolls the whole one back on a full disk)
                    conn.execute(f"ROLLBACK TO {savepoint}")
                    conn.execute(f"RELEASE {savepoint}")
                self._forget_cached_settings()
                self._raise_write_failure(exc)
                raise
            else:
                conn.execute(f"RELEASE {savepoint}")
            finally:
                self._depth -= 1
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError("store.busy", path=self.path, seconds=self._busy_timeout_ms // 1000) from None
            self._raise_write_failure(exc)
            raise
        self._depth = 1
        try:
            yield
            conn.execute("COMMIT")             # (in WAL mode a full disk may first show here)
            self.disk_failures = 0
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            self._forget_cached_settings()
            self._raise_write_failure(exc)
            raise
        finally:
            self._depth = 0

    def _raise_write_failure(self, exc: BaseException) -> None:
        """A write the disk refused (full: SQLITE_FULL; or failing: SQLITE_IOERR) becomes the one
        StoreError the CLI and the UI say; the transaction is rolled back by then, the library intact."""
        if isinstance(exc, sqlite3.OperationalError) and is_disk_failure(exc):
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_IOERR and self.path != ":memory:":
                health.mark_for_check(self.path)      # a failing disk: the next open checks every page
            self.disk_failures += 1
            raise StoreError("store.disk_full", path=self.path, reason=str(exc)) from None

    @contextlib.contextmanager
    def _statement(self) -> Iterator[None]:
        """For a write of one SQL statement: inside a transaction it just joins it (SQLite undoes a
        failed statement by itself, so no savepoint is needed); alone it is its own transaction."""
        if self._depth:
            yield
        else:
            with self.transaction():
                yield

    # -- schema and health --------------------------------------------------------------------

    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def applied_migrations(self) -> list[int]:
        return migrations.applied_migrations(self)

    def integrity_ok(self) -> bool:
        """SQLite's integrity check of the whole library passes."""
        return self._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def dump(self) -> list[str]:
        """The library as SQL statements (what tests compare to prove nothing changed)."""
        return list(self._conn.iterdump())

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (the file's size is then its true size)."""
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- importing and replacing reports ------------------------------------------------------

    def find_by_fingerprint(self, fingerprint: str) -> int | None:
        row = self._conn.execute("SELECT id FROM documents WHERE fingerprint = ?", (fingerprint,)).fetchone()
        return row[0] if row else None

    def import_report(self, report: "Report", source_path: str | os.PathLike | None = None) -> ImportResult:
        """Store a parsed report in one transaction; a report already in the library adds nothing,
        and one in the 回收站 is restored (with its notes) rather than added again.

        Annotations waiting for this report (received in a share file before it) attach to it.
        """
        existing = self.find_by_fingerprint(report.fingerprint)
        if existing is not None:
            restored = self.is_removed(existing) and self.restore_report(existing)
            info = self.document_info(existing)
            return ImportResult(existing, info.title, False, info.sections, info.figures, restored=restored)
        with self.transaction():
            doc_id, section_count = self.insert_report(report, source_path)
            self.attach_pending(doc_id, report.fingerprint, report.title, report.text)
        return ImportResult(doc_id, report.title, True, section_count, len(report.figures))

    def insert_report(self, report: "Report", source_path: str | os.PathLike | None = None) -> tuple[int, int]:
        """Add a report with its sections, figures and tables (no pending annotations attached);
        returns (document id, number of sections)."""
        path = str(Path(source_path).resolve()) if source_path else ""
        with self.transaction():
            doc_id = self._conn.execute(
                "INSERT INTO documents (title, fingerprint, source_name, source_path, metadata, raw,"
                " body, parser_version, imported_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (report.title, report.fingerprint, report.source.source_name, path,
                 json.dumps(report.source.metadata, ensure_ascii=False), report.source.raw,
                 report.text, report.parser_version, clock.now())).lastrowid
            section_count = self._insert_sections(doc_id, report.sections)
            self._insert_figures(doc_id, report.figures)
            if report.tables:           # (an old schema in the migration tests has no tables table)
                report_rows.insert_tables(self._conn, doc_id, report.tables)
            if report.pages:            # (nor a pages table)
                report_rows.insert_pages(self._conn, doc_id, report.pages)
            if fts.has_paragraph_index(self._conn):     # (nor a paragraph index)
                fts.index_paragraphs(self._conn, doc_id, report.text)
            if catalogue.has_columns(self._conn):       # (nor the catalogue's columns)
                self._describe(doc_id, report, section_count)
        return doc_id, section_count

    def _describe(self, doc_id: int, report: "Report", section_count: int) -> None:
        """The report's detected kind, issuer, date and year, and its counts, for the 书库."""
        facts = catalogue.describe(report.title, report.text, report.source.metadata)
        catalogue.write_facts(self._conn, doc_id, facts, section_count, len(report.figures))

    def _insert_sections(self, doc_id: int, roots: list[SectionNode]) -> int:
        return report_rows.insert_sections(self._conn, doc_id, roots)

    def _insert_figures(self, doc_id: int, figures: list[Figure]) -> None:
        report_rows.insert_figures(self._conn, doc_id, figures)

    def replace_report(self, doc_id: int, report: "Report") -> list[tuple[Annotation, str]]:
        """Give a stored report new text (a newer parser, or a corrected source) in one transaction.

        Sections and figures are rebuilt; every annotation is re-anchored by its quote, and one
        that cannot be placed is kept as unplaced with its old quote. Returns (annotation, method)
        for each annotation, method being position, exact, fuzzy or unplaced.
        """
        self.document_info(doc_id)            # a clear error for an unknown id
        other = self.find_by_fingerprint(report.fingerprint)
        if other is not None and other != doc_id:
            raise StoreError("store.already_in_library", file=report.source.source_name, id=other)
        moved: list[tuple[Annotation, str]] = []
        with self.transaction():
            self._conn.execute(
                "UPDATE documents SET title = ?, fingerprint = ?, metadata = ?, raw = ?, body = ?,"
                " parser_version = ?, imported_at = ? WHERE id = ?",
                (report.title, report.fingerprint, json.dumps(report.source.metadata, ensure_ascii=False),
                 report.source.raw, report.text, report.parser_version, clock.now(), doc_id))
            report_rows.delete_rows(self._conn, doc_id)
            section_count = self._insert_sections(doc_id, report.sections)
            self._insert_figures(doc_id, report.figures)
            self._describe(doc_id, report, section_count)
            report_rows.insert_tables(self._conn, doc_id, report.tables)
            report_rows.insert_pages(self._conn, doc_id, report.pages)
            fts.index_paragraphs(self._conn, doc_id, report.text)
            for note in self.annotations(doc_id, include_deleted=True):
                placed, method = note.placed_in(report.text)
                moved.append((placed, method))
            self.write_annotations(placed for placed, _method in moved)
        return moved

    # -- reading reports ----------------------------------------------------------------------

    def _document_infos(self, where: str, params: tuple) -> list[DocumentInfo]:
        rows = self._conn.execute(f"{_DOCUMENT_INFO} WHERE {where} ORDER BY d.id", params).fetchall()
        return [DocumentInfo(*row) for row in rows]

    def documents(self) -> list[DocumentInfo]:
        """Every report in the library (not those in the 回收站), oldest import first."""
        return self._document_infos(_LIVE, ())

    def document_info(self, doc_id: int) -> DocumentInfo:
        """A report's library entry, whether in the library or in the 回收站."""
        for info in self._document_infos("d.id = ?", (doc_id,)):
            return info
        raise StoreError("store.no_such_id", id=doc_id, library=self.path)

    def has_document(self, doc_id: int) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def documents_titled(self, title: str, *, include_removed: bool = False) -> list[DocumentInfo]:
        """The reports with exactly this title (and those in the 回收站 if asked), oldest import first."""
        return self._document_infos("d.title = ?" if include_removed else f"d.title = ? AND {_LIVE}", (title,))

    def documents_imported_from(self, path: str | os.PathLike) -> list[DocumentInfo]:
        """The reports in the library imported from this file (its resolved path), oldest import first."""
        return self._document_infos(f"d.source_path = ? AND {_LIVE}", (str(Path(path).resolve()),))

    def resolve_document(self, name: str) -> int:
        """A report in the library named by its id or by the path it was imported from (one in the
        回收站 is refused, saying how to restore it)."""
        if name.strip().isdigit():
            doc_id = self.document_info(int(name)).id
            if self.is_removed(doc_id):
                raise StoreError("store.report_removed", id=doc_id, title=self.document_info(doc_id).title)
            return doc_id
        found = self.documents_imported_from(name)
        if found:
            return found[-1].id
        raise StoreError("store.not_in_library", name=name, library=self.path)

    # -- the 回收站 (trash) ---------------------------------------------------------------------

    def is_removed(self, doc_id: int) -> bool:
        """The report is in the 回收站 (an unknown id is a clear error)."""
        row = self._conn.execute("SELECT removed_at FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError("store.no_such_id", id=doc_id, library=self.path)
        return row[0] is not None

    def removed_documents(self) -> list[RemovedReport]:
        """The reports in the 回收站, most recently removed first, each with its count of notes."""
        rows = self._conn.execute(
            "SELECT d.id, d.removed_at,"
            " (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.deleted = 0)"
            " FROM documents d WHERE d.removed_at IS NOT NULL ORDER BY d.removed_at DESC, d.id DESC").fetchall()
        return [RemovedReport(self.document_info(doc_id), removed_at, count) for doc_id, removed_at, count in rows]

    def remove_report(self, doc_id: int) -> bool:
        """Move a report into the 回收站 in one transaction; its text, rows and notes stay untouched.
        Returns False (nothing written) when it was there already."""
        with self.transaction():
            if self.is_removed(doc_id):
                return False
            self._conn.execute("UPDATE documents SET removed_at = ? WHERE id = ?", (clock.now(), doc_id))
        return True

    def restore_report(self, doc_id: int) -> bool:
        """Bring a report back from the 回收站 in one transaction, with its notes as they were.
        Returns False (nothing written) when it was in the library already."""
        with self.transaction():
            if not self.is_removed(doc_id):
                return False
            self._conn.execute("UPDATE documents SET removed_at = NULL WHERE id = ?", (doc_id,))
        return True

    def document(self, doc_id: int) -> StoredDocument:
        row = self._conn.execute(
            "SELECT id, title, fingerprint, source_name, source_path, metadata, body,"
            " parser_version, imported_at FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError("store.no_such_id", id=doc_id, library=self.path)
        values = list(row)
        values[5] = json.loads(values[5] or "{}")
        return StoredDocument(*values, pages=report_rows.read_pages(self._conn, doc_id))

    def raw_source(self, doc_id: int) -> bytes:
        row = self._conn.execute("SELECT raw FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError("store.no_such_id", id=doc_id, library=self.path)
        return row[0]

    def sections(self, doc_id: int) -> list[SectionNode]:
        """The stored section tree of a document (roots, children nested)."""
        return report_rows.read_sections(self._conn, doc_id)

    def figures(self, doc_id: int) -> list[Figure]:
        return report_rows.read_figures(self._conn, doc_id)

    def tables(self, doc_id: int) -> list[TextTable]:
        """The stored tables of a document (their rows' spans), in reading order."""
        return report_rows.read_tables(self._conn, doc_id)

    def pages(self, doc_id: int) -> list[int]:
        """The stored page map of a document (start offsets, page 1 first); [] when not paged."""
        return report_rows.read_pages(self._conn, doc_id)

    def search_documents(self, query: str) -> list[int]:
        """Ids of reports in the library (not the 回收站) whose title or text contains `query`
        (FTS5 trigram, 3+ characters)."""
        removed = {row[0] for row in self._conn.execute("SELECT id FROM documents WHERE removed_at IS NOT NULL")}
        return [doc_id for doc_id in fts.search_documents(self._conn, query) if doc_id not in removed]

    def paragraphs_containing(self, term: str) -> list[fts.ParagraphRow]:
        """Every indexed paragraph holding `term` (folded), in (report, start) order; see store.fts."""
        return fts.paragraphs_containing(self._conn, term)

    def reports_holding(self, terms: tuple[str, ...], excluded: tuple[str, ...] = (), *,
                        after: int = 0, limit: int = 100) -> list[int]:
        """Ids above `after` of live reports holding every folded term and no excluded one, ascending
        (a search page's next reports); see store.hit_pages."""
        return hit_pages.reports_holding(self._conn, terms, excluded, after, limit)

    def paragraphs_holding(self, doc_id: int, terms: tuple[str, ...]) -> list[fts.ParagraphRow]:
        """One report's indexed paragraphs holding any of the folded terms, in start order."""
        return hit_pages.paragraphs_holding(self._conn, doc_id, terms)

    def annotation_texts(self) -> list[tuple[str, int, str, str, str]]:
        """(uuid, document id, kind, quote, body) of every live annotation, for search; see store.fts."""
        return fts.annotation_texts(self._conn)
