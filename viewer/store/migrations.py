"""The library's schema, as numbered migrations: each runs once, in order, in the transaction that records it."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Callable, ContextManager, Protocol

from viewer.core.errors import StoreError
from viewer.store import catalogue, char_index, clock, fts, health
from viewer.store.report_rows import insert_tables

if TYPE_CHECKING:
    import sqlite_utils


class MigratingStore(Protocol):
    """What migrating needs of LibraryStore (named here so this module does not import the library)."""

    path: str
    _conn: sqlite3.Connection

    def schema_version(self) -> int: ...
    def transaction(self) -> ContextManager[None]: ...
    def _database(self) -> "sqlite_utils.Database": ...


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
            insert_tables(db.conn, doc_id, source.tables)


def _migration_5_report_state(db: "sqlite_utils.Database") -> None:
    """Per-report state (the reading position) in its own table, removed with its report; the
    `position:{id}` rows of the settings table move there (those of reports no longer here are dropped)."""
    conn = db.conn
    conn.execute("CREATE TABLE report_state ("
                 " document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                 " key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (document_id, key))")
    conn.execute("INSERT INTO report_state (document_id, key, value)"
                 " SELECT CAST(substr(s.key, 10) AS INTEGER), 'position', s.value FROM settings s"
                 " WHERE s.key GLOB 'position:[0-9]*' AND NOT substr(s.key, 10) GLOB '*[^0-9]*'"
                 " AND CAST(substr(s.key, 10) AS INTEGER) IN (SELECT id FROM documents)")
    conn.execute("DELETE FROM settings WHERE key GLOB 'position:*'")


def _migration_6_pages(db: "sqlite_utils.Database") -> None:
    """The page map of paged sources (PDF, OFD, text with form feeds): where each page starts in
    the body text, removed with its report. Reports imported before have none (not paged)."""
    db.conn.execute("CREATE TABLE document_pages ("
                    " document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                    " number INTEGER NOT NULL, start INTEGER NOT NULL, PRIMARY KEY (document_id, number))")


def _migration_7_removed_reports(db: "sqlite_utils.Database") -> None:
    """The 回收站 (trash): a removed report keeps its rows and notes and gets `removed_at`
    (NULL: in the library); restoring it clears that."""
    db["documents"].add_column("removed_at", str)
    db["documents"].create_index(["removed_at"])


def _migration_8_paragraph_index(db: "sqlite_utils.Database") -> None:
    """Search across reports: each report's paragraphs (folded text and their span in the body)
    under an FTS5 trigram index; reports already in the library are indexed here."""
    fts.create_paragraph_index(db.conn)
    for doc_id, body in db.conn.execute("SELECT id, body FROM documents").fetchall():
        fts.index_paragraphs(db.conn, doc_id, body)


def _migration_9_catalogue(db: "sqlite_utils.Database") -> None:
    """The 书库 (library view): each report's detected kind, issuer, date and year, its section and
    figure counts and a folded search key, under one covering index (when it was last opened is
    per-report state); the reports already in the library are described here."""
    catalogue.add_columns(db.conn)
    catalogue.backfill(db.conn)


def _migration_10_one_search_index(db: "sqlite_utils.Database") -> None:
    """Cheaper imports: the whole-report FTS index (documents_fts, a second trigram index of every
    body) goes, as the paragraph index of migration 8 finds the same text (indexing each body
    twice cost a third of an import and a quarter of the library's size); and the paragraph
    index is filled by index_paragraphs in one statement a report, not by a trigger a paragraph;
    and each report's characters are indexed (store.char_index), so that a 1-2 character term
    reads only the reports holding its characters."""
    db["documents"].disable_fts()
    fts.drop_insert_trigger(db.conn)
    char_index.create(db.conn)


MIGRATIONS: list[tuple[int, str, Callable[["sqlite_utils.Database"], None]]] = [
    (1, "initial schema", _migration_1_initial),
    (2, "unplaced annotations", _migration_2_unplaced_annotations),
    (3, "sharing: received versions and pending annotations", _migration_3_sharing),
    (4, "tables of HTML and .docx sources", _migration_4_tables),
    (5, "per-report state (reading position) in its own table", _migration_5_report_state),
    (6, "page maps of paged sources", _migration_6_pages),
    (7, "the trash: removed reports", _migration_7_removed_reports),
    (8, "paragraph index for search across reports", _migration_8_paragraph_index),
    (9, "the catalogue: detected kind, issuer, date and year, counts, search key", _migration_9_catalogue),
    (10, "one search index, filled a report at a time", _migration_10_one_search_index),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def migrate(store: MigratingStore, before_migrating: Callable[[], object] | None = None) -> None:
    """Bring the store's library up to SCHEMA_VERSION; a library from a newer version is refused.

    `before_migrating` runs once before the first migration of a library that already existed
    (its version is older, not 0): the backup taken before its schema changes.
    """
    current = store.schema_version()
    if current > SCHEMA_VERSION:
        raise health.refuse("store.newer_schema", store.path, found=current, known=SCHEMA_VERSION)
    if 0 < current < SCHEMA_VERSION and before_migrating is not None:
        before_migrating()
    for version, name, apply in MIGRATIONS:
        if version <= current:
            continue
        with store.transaction():
            db = store._database()
            if "migrations" not in db.table_names():
                db["migrations"].create({"version": int, "name": str, "applied_at": str}, pk="version")
            apply(db)
            db["migrations"].insert({"version": version, "name": name, "applied_at": clock.now()})
            db.conn.execute(f"PRAGMA user_version = {version}")


def applied_migrations(store: MigratingStore) -> list[int]:
    rows = store._conn.execute("SELECT version FROM migrations ORDER BY version").fetchall()
    return [version for (version,) in rows]
