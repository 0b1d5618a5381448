"""The library: one SQLite file (via sqlite-utils) holding reports, sections, figures, annotations, settings."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from typing import TYPE_CHECKING

from viewer.core.errors import StoreError
from viewer.core.vocab import ANNOTATION_KINDS
from viewer.core.model import (
    Annotation, DocumentInfo, Figure, ImportResult, SectionNode, StoredDocument, TextTable,
)

if TYPE_CHECKING:  # imported lazily: reading the library needs neither the parsers nor sqlite-utils
    import sqlite_utils

    from viewer.core.model import Report

BUSY_TIMEOUT_MS = 5000


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _now_precise() -> str:
    """Annotation times: microseconds, so edits in one second still order by `modified`."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


# --- migrations -----------------------------------------------------------------------------
# Each migration runs once, in order, inside the transaction that records it in `migrations`.


def _migration_1_initial(db: "sqlite_utils.Database") -> None:
    db["documents"].create(
        {
            "id": int, "title": str, "fingerprint": str, "source_name": str, "source_path": str,
            "metadata": str, "raw": bytes, "body": str, "parser_version": str, "imported_at": str,
        },
        pk="id",
        not_null={"title", "fingerprint", "body", "raw", "parser_version", "imported_at"},
    )
    db["documents"].create_index(["fingerprint"], unique=True)
    db["documents"].create_index(["source_path"])
    db["sections"].create(
        {
            "id": int, "document_id": int, "parent_id": int, "position": int, "number": str,
            "title": str, "level": int, "start": int, "heading_end": int, "end": int, "run_in": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("parent_id", "sections", "id")],
    )
    db["sections"].create_index(["document_id", "position"])
    db["figures"].create(
        {
            "id": int, "document_id": int, "start": int, "end": int, "text": str, "kind": str,
            "value": float, "unit": str, "qualifier": str, "multiplier": str, "end_value": float,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["figures"].create_index(["document_id", "start"])
    db["annotations"].create(
        {
            "uuid": str, "document_id": int, "kind": str, "start": int, "end": int, "exact": str,
            "prefix": str, "suffix": str, "body": str, "colour": str, "author": str,
            "created": str, "modified": str, "deleted": int,
        },
        pk="uuid",
        foreign_keys=[("document_id", "documents", "id")],
        defaults={"deleted": 0, "body": "", "colour": "", "prefix": "", "suffix": ""},
    )
    db["annotations"].create_index(["document_id", "start"])
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["documents"].enable_fts(["title", "body"], tokenize="trigram", create_triggers=True)


def _migration_2_unplaced_annotations(db: "sqlite_utils.Database") -> None:
    """Annotations that re-anchoring could not place keep their quote and wait as unplaced."""
    db["annotations"].add_column("unplaced", int, not_null_default=0)


def _migration_3_sharing(db: "sqlite_utils.Database") -> None:
    """Share files: each annotation's version last received from one (`shared_modified`, the base
    that tells a local edit from a remote one), and annotations waiting for a report not yet here."""
    db["annotations"].add_column("shared_modified", str, not_null_default="")
    db["pending_annotations"].create(
        {"uuid": str, "fingerprint": str, "title": str, "record": str, "received_at": str},
        pk="uuid", not_null={"fingerprint", "title", "record", "received_at"},
    )
    db["pending_annotations"].create_index(["fingerprint"])
    db["pending_annotations"].create_index(["title"])


def _migration_4_tables(db: "sqlite_utils.Database") -> None:
    """Tables of HTML and .docx sources (the span of their rows in the body text, as
    viewer.core.tables describes), so the pane can align their columns. Reports imported before
    get theirs from their kept source bytes, when those still give the stored text."""
    from viewer.core.ingest import ingest_bytes

    db["text_tables"].create({"id": int, "document_id": int, "start": int, "end": int}, pk="id",
                             foreign_keys=[("document_id", "documents", "id")])
    db["text_tables"].create_index(["document_id", "start"])
    rows = db.conn.execute("SELECT id, source_name, raw, body FROM documents"
                           " WHERE json_extract(metadata, '$.format') IN ('html', 'docx')").fetchall()
    for doc_id, name, raw, body in rows:
        try:
            source = ingest_bytes(raw, name or "report.html")
        except Exception:          # noqa: BLE001  a source that no longer reads keeps no tables
            continue
        if source.text == body:
            _insert_tables(db.conn, doc_id, source.tables)


def _insert_tables(conn: sqlite3.Connection, doc_id: int, tables: list[TextTable]) -> None:
    conn.executemany("INSERT INTO text_tables (document_id, start, [end]) VALUES (?,?,?)",
                     [(doc_id, t.start, t.end) for t in tables])


MIGRATIONS: list[tuple[int, str, Callable[["sqlite_utils.Database"], None]]] = [
    (1, "initial schema", _migration_1_initial),
    (2, "unplaced annotations", _migration_2_unplaced_annotations),
    (3, "sharing: received versions and pending annotations", _migration_3_sharing),
    (4, "tables of HTML and .docx sources", _migration_4_tables),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


# --- records ----------------------------------------------------------------------------------


_ANNOTATION_COLUMNS = ("uuid, document_id, kind, start, [end], exact, prefix, suffix, body, colour,"
                       " author, created, modified, deleted, unplaced, shared_modified")
_ANNOTATION_MARKS = ",".join("?" * 16)


class LibraryStore:
    """All reads and writes of the library database; every write is one committed transaction.

        store = LibraryStore(path)            # or LibraryStore(":memory:")
        result = store.import_report(parse_path("report.txt"), source_path="report.txt")
        store.sections(result.document_id)
    """

    def __init__(self, path: str | os.PathLike = ":memory:"):
        self.path = str(path)
        if self.path != ":memory:":
            parent = Path(self.path).parent
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("store.cannot_create_folder", path=self.path,
                                 reason=exc.strerror or str(exc)) from None
        try:
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                        isolation_level=None, check_same_thread=False)
            self._db: sqlite_utils.Database | None = None
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError("store.not_a_library", path=self.path, reason=str(exc)) from None

    # -- connection ---------------------------------------------------------------------------

    @property
    def db(self) -> "sqlite_utils.Database":
        """The sqlite-utils view of the connection, made on first use (its import is not cheap)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    def _configure(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "LibraryStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE): committed on success, rolled back on any error."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError("store.busy", path=self.path, seconds=BUSY_TIMEOUT_MS // 1000) from None
            raise
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    # -- schema -------------------------------------------------------------------------------

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError("store.newer_schema", path=self.path, found=current, known=SCHEMA_VERSION)
        for version, name, apply in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                db = self.db
                if "migrations" not in db.table_names():
                    db["migrations"].create({"version": int, "name": str, "applied_at": str},
                                            pk="version")
                apply(db)
                db["migrations"].insert({"version": version, "name": name, "applied_at": _now()})
                db.conn.execute(f"PRAGMA user_version = {version}")

    def applied_migrations(self) -> list[int]:
        return [row["version"] for row in self.db["migrations"].rows_where(order_by="version")]

    # -- documents ----------------------------------------------------------------------------

    def find_by_fingerprint(self, fingerprint: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE fingerprint = ?",
                                   (fingerprint,)).fetchone()
        return row[0] if row else None

    def import_report(self, report: "Report", source_path: str | os.PathLike | None = None) -> ImportResult:
        """Store a parsed report in one transaction; a report already in the library adds nothing.

        Annotations waiting for this report (received in a share file before it) attach to it.
        """
        existing = self.find_by_fingerprint(report.fingerprint)
        if existing is not None:
            info = self.document_info(existing)
            return ImportResult(existing, info.title, False, info.sections, info.figures)
        with self.transaction() as conn:
            doc_id, section_count = self.insert_report(conn, report, source_path)
            self.attach_pending(conn, doc_id, report.fingerprint, report.title, report.text)
        return ImportResult(doc_id, report.title, True, section_count, len(report.figures))

    def insert_report(self, conn: sqlite3.Connection, report: "Report",
                      source_path: str | os.PathLike | None = None) -> tuple[int, int]:
        """Inside an open transaction: add a report; returns (document id, number of sections)."""
        path = str(Path(source_path).resolve()) if source_path else ""
        doc_id = conn.execute(
            "INSERT INTO documents (title, fingerprint, source_name, source_path, metadata, raw,"
            " body, parser_version, imported_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (report.title, report.fingerprint, report.source.source_name, path,
             json.dumps(report.source.metadata, ensure_ascii=False), report.source.raw,
             report.text, report.parser_version, _now())).lastrowid
        section_count = self._insert_sections(doc_id, report.sections)
        self._insert_figures(doc_id, report.figures)
        if report.tables:
            _insert_tables(conn, doc_id, report.tables)
        return doc_id, section_count

    def _insert_sections(self, doc_id: int, roots: list[SectionNode]) -> int:
        conn = self.conn
        position = 0

        def insert(nodes: list[SectionNode], parent_id: int | None) -> None:
            nonlocal position
            for node in nodes:
                cursor = conn.execute(
                    "INSERT INTO sections (document_id, parent_id, position, number, title, level,"
                    " start, heading_end, [end], run_in) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (doc_id, parent_id, position, node.number, node.title, node.level, node.start,
                     node.heading_end, node.end, int(node.run_in)))
                position += 1
                insert(node.children, cursor.lastrowid)

        insert(roots, None)
        return position

    def _insert_figures(self, doc_id: int, figures: list[Figure]) -> None:
        self.conn.executemany(
            "INSERT INTO figures (document_id, start, [end], text, kind, value, unit, qualifier,"
            " multiplier, end_value) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, f.start, f.end, f.text, f.kind, f.value, f.unit, f.qualifier, f.multiplier,
              f.end_value) for f in figures])

    def documents(self) -> list[DocumentInfo]:
        """Every report in the library, oldest import first."""
        return self.documents_where("1", ())

    def document_info(self, doc_id: int) -> DocumentInfo:
        for info in self.documents_where("d.id = ?", (doc_id,)):
            return info
        raise StoreError("store.no_such_id", id=doc_id, library=self.path)

    def documents_where(self, where: str, params: tuple) -> list[DocumentInfo]:
        rows = self.conn.execute(
            "SELECT d.id, d.title, d.fingerprint, d.source_name, d.source_path, d.parser_version,"
            " d.imported_at,"
            " (SELECT count(*) FROM sections s WHERE s.document_id = d.id),"
            " (SELECT count(*) FROM figures f WHERE f.document_id = d.id)"
            f" FROM documents d WHERE {where} ORDER BY d.id", params).fetchall()
        return [DocumentInfo(*row) for row in rows]

    def resolve_document(self, name: str) -> int:
        """A document named by its id or by the path it was imported from."""
        if name.strip().isdigit():
            return self.document_info(int(name)).id
        path = str(Path(name).resolve())
        found = self.documents_where("d.source_path = ?", (path,))
        if found:
            return found[-1].id
        raise StoreError("store.not_in_library", name=name, library=self.path)

    def document(self, doc_id: int) -> StoredDocument:
        row = self.conn.execute(
            "SELECT id, title, fingerprint, source_name, source_path, metadata, body,"
            " parser_version, imported_at FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError("store.no_such_id", id=doc_id, library=self.path)
        values = list(row)
        values[5] = json.loads(values[5] or "{}")
        return StoredDocument(*values)

    def raw_source(self, doc_id: int) -> bytes:
        row = self.conn.execute("SELECT raw FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError("store.no_such_id", id=doc_id, library=self.path)
        return row[0]

    def sections(self, doc_id: int) -> list[SectionNode]:
        """The stored section tree of a document (roots, children nested)."""
        rows = self.conn.execute(
            "SELECT id, parent_id, number, title, level, start, heading_end, [end], run_in"
            " FROM sections WHERE document_id = ? ORDER BY position", (doc_id,)).fetchall()
        by_id: dict[int, SectionNode] = {}
        roots: list[SectionNode] = []
        for sid, parent_id, number, title, level, start, heading_end, end, run_in in rows:
            node = SectionNode(number=number, title=title, level=level, start=start,
                               heading_end=heading_end, end=end, run_in=bool(run_in))
            by_id[sid] = node
            (by_id[parent_id].children if parent_id in by_id else roots).append(node)
        return roots

    def figures(self, doc_id: int) -> list[Figure]:
        rows = self.conn.execute(
            "SELECT start, [end], text, kind, value, unit, qualifier, multiplier, end_value"
            " FROM figures WHERE document_id = ? ORDER BY start", (doc_id,)).fetchall()
        return [Figure(start=r[0], end=r[1], text=r[2], kind=r[3], value=_number(r[4]),
                       unit=r[5], qualifier=r[6], multiplier=r[7], end_value=_number(r[8]))
                for r in rows]

    def tables(self, doc_id: int) -> list[TextTable]:
        """The stored tables of a document (their rows' spans), in reading order."""
        rows = self.conn.execute("SELECT start, [end] FROM text_tables WHERE document_id = ? ORDER BY start",
                                 (doc_id,)).fetchall()
        return [TextTable(start, end) for start, end in rows]

    def search_documents(self, query: str) -> list[int]:
        """Ids of documents whose title or text contains `query` (FTS5 trigram, 3+ characters)."""
        if len(query) < 3:
            like = f"%{query}%"
            rows = self.conn.execute(
                "SELECT id FROM documents WHERE title LIKE ? OR body LIKE ? ORDER BY id",
                (like, like)).fetchall()
        else:
            phrase = '"' + query.replace('"', '""') + '"'
            rows = self.conn.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid",
                (phrase,)).fetchall()
        return [r[0] for r in rows]

    # -- annotations --------------------------------------------------------------------------

    def author(self) -> str:
        """The name written on new annotations: the saved one, else the OS user name."""
        import getpass

        saved = self.get_setting("author")
        if saved:
            return saved
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return ""

    def add_annotation(self, doc_id: int, kind: str, start: int, end: int, body: str = "",
                       colour: str = "", author: str | None = None,
                       uuid: str | None = None) -> Annotation:
        """Create an annotation on text[start:end] of a report, committed at once.

            note = store.add_annotation(1, "note", 120, 134, body="核对这个数字")
        """
        import uuid as uuid_module

        from viewer.core.anchors import quote_selector

        if kind not in ANNOTATION_KINDS:
            raise StoreError("store.unknown_kind", kind=kind, allowed=", ".join(ANNOTATION_KINDS))
        text = self.document(doc_id).text
        if not (0 <= start <= end <= len(text)) or (kind != "bookmark" and start == end):
            raise StoreError("store.span_outside", start=start, end=end, id=doc_id, length=len(text))
        quote = quote_selector(text, start, end)
        now = _now_precise()
        record = Annotation(uuid or str(uuid_module.uuid4()), doc_id, kind, start, end, quote.exact,
                            quote.prefix, quote.suffix, body, colour,
                            self.author() if author is None else author, now, now)
        with self.transaction() as conn:
            conn.execute(f"INSERT INTO annotations ({_ANNOTATION_COLUMNS}) VALUES"
                         f" ({_ANNOTATION_MARKS})", (*record.__dict__.values(),))
        return record

    def annotation(self, uuid: str) -> Annotation:
        row = self.conn.execute(f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE uuid = ?",
                                (uuid,)).fetchone()
        if row is None:
            raise StoreError("store.no_such_annotation", uuid=uuid, library=self.path)
        return Annotation.from_row(row)

    def annotations(self, doc_id: int, *, include_deleted: bool = False,
                    kinds: tuple[str, ...] = ANNOTATION_KINDS) -> list[Annotation]:
        """A report's annotations in reading order (unplaced ones last)."""
        marks = ",".join("?" * len(kinds))
        deleted = "" if include_deleted else " AND deleted = 0"
        rows = self.conn.execute(
            f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE document_id = ?"
            f" AND kind IN ({marks}){deleted} ORDER BY unplaced, start, [end], created",
            (doc_id, *kinds)).fetchall()
        return [Annotation.from_row(row) for row in rows]

    def update_annotation(self, uuid: str, *, body: str | None = None,
                          colour: str | None = None) -> Annotation:
        """Change an annotation's body or colour; `modified` moves on. Committed at once."""
        current = self.annotation(uuid)
        changes = {"body": current.body if body is None else body,
                   "colour": current.colour if colour is None else colour}
        if changes["body"] == current.body and changes["colour"] == current.colour:
            return current
        with self.transaction() as conn:
            conn.execute("UPDATE annotations SET body = ?, colour = ?, modified = ? WHERE uuid = ?",
                         (changes["body"], changes["colour"], _now_precise(), uuid))
        return self.annotation(uuid)

    def set_annotation_deleted(self, uuid: str, deleted: bool = True) -> Annotation:
        """Delete (keeping a tombstone a share file can carry) or bring back an annotation."""
        self.annotation(uuid)
        with self.transaction() as conn:
            conn.execute("UPDATE annotations SET deleted = ?, modified = ? WHERE uuid = ?",
                         (int(deleted), _now_precise(), uuid))
        return self.annotation(uuid)

    def write_annotation(self, conn: sqlite3.Connection, record: Annotation) -> None:
        """Inside an open transaction: insert or replace an annotation exactly as given."""
        conn.execute(f"INSERT OR REPLACE INTO annotations ({_ANNOTATION_COLUMNS}) VALUES ({_ANNOTATION_MARKS})",
                     (*record.__dict__.values(),))

    def has_annotation(self, uuid: str) -> bool:
        return self.conn.execute("SELECT 1 FROM annotations WHERE uuid = ?", (uuid,)).fetchone() is not None

    # -- pending annotations (received before their report) ------------------------------------

    def pending_annotations(self) -> list[tuple[str, str, Annotation]]:
        """(fingerprint, title, annotation) of every annotation waiting for its report."""
        rows = self.conn.execute("SELECT fingerprint, title, record FROM pending_annotations"
                                 " ORDER BY received_at, uuid").fetchall()
        return [(fp, title, Annotation(**json.loads(record))) for fp, title, record in rows]

    def pending_annotation(self, uuid: str) -> Annotation | None:
        row = self.conn.execute("SELECT record FROM pending_annotations WHERE uuid = ?", (uuid,)).fetchone()
        return Annotation(**json.loads(row[0])) if row else None

    def write_pending(self, conn: sqlite3.Connection, fingerprint: str, title: str, record: Annotation) -> None:
        """Inside an open transaction: keep an annotation until a report with this fingerprint or title arrives."""
        conn.execute("INSERT OR REPLACE INTO pending_annotations (uuid, fingerprint, title, record, received_at)"
                     " VALUES (?,?,?,?,?)",
                     (record.uuid, fingerprint, title, json.dumps(record.__dict__, ensure_ascii=False),
                      _now_precise()))

    def attach_pending(self, conn: sqlite3.Connection, doc_id: int, fingerprint: str, title: str,
                       text: str) -> int:
        """Inside an open transaction: place the annotations waiting for this report; returns how many.

        They wait for a fingerprint; a report of the same title takes them only when most of their
        quotes stand in its text (another year's report of the same name does not). A waiting
        version newer than one already here (from a later file) replaces its content.
        """
        from viewer.core.anchors import quotes_match

        rows = conn.execute("SELECT uuid, fingerprint, record FROM pending_annotations"
                            " WHERE fingerprint = ? OR title = ?", (fingerprint, title)).fetchall()
        waiting = [(fp, Annotation(**json.loads(record))) for _uuid, fp, record in rows]
        by_title = [ann for fp, ann in waiting if fp != fingerprint]
        if by_title and not quotes_match(text, [ann.exact for ann in by_title]):
            waiting = [(fp, ann) for fp, ann in waiting if fp == fingerprint]
        for _fp, ann in waiting:
            if self.has_annotation(ann.uuid):
                here = self.annotation(ann.uuid)
                if ann.modified > here.modified:
                    self.write_annotation(conn, ann.positioned_like(here))
            else:
                self.write_annotation(conn, replace(ann.placed_in(text)[0], document_id=doc_id))
            conn.execute("DELETE FROM pending_annotations WHERE uuid = ?", (ann.uuid,))
        return len(waiting)

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
        with self.transaction() as conn:
            conn.execute(
                "UPDATE documents SET title = ?, fingerprint = ?, metadata = ?, raw = ?, body = ?,"
                " parser_version = ?, imported_at = ? WHERE id = ?",
                (report.title, report.fingerprint, json.dumps(report.source.metadata, ensure_ascii=False),
                 report.source.raw, report.text, report.parser_version, _now(), doc_id))
            conn.execute("DELETE FROM sections WHERE document_id = ?", (doc_id,))
            conn.execute("DELETE FROM figures WHERE document_id = ?", (doc_id,))
            conn.execute("DELETE FROM text_tables WHERE document_id = ?", (doc_id,))
            self._insert_sections(doc_id, report.sections)
            self._insert_figures(doc_id, report.figures)
            _insert_tables(conn, doc_id, report.tables)
            for note in self.annotations(doc_id, include_deleted=True):
                placed, method = note.placed_in(report.text)
                self.write_annotation(conn, placed)
                moved.append((placed, method))
        return moved

    # -- settings -----------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                            (key, json.dumps(value, ensure_ascii=False)))


def _number(value: float | None) -> float | int | None:
    """Integral stored reals come back as ints (41.0 -> 41) so values print as written."""
    if value is not None and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value
