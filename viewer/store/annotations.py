"""Annotation rows: the column each Annotation field is stored in (both ways), and the pending ones."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, fields, replace
from typing import TYPE_CHECKING, Any, Callable, ContextManager, Iterable, Sequence

from viewer.core.vocab import ANNOTATION_KINDS
from viewer.core.errors import StoreError
from viewer.core.model import Annotation
from viewer.store import clock
from viewer.store.settings import AUTHOR

if TYPE_CHECKING:
    from viewer.core.model import StoredDocument


#: The annotations table's column for each Annotation field, by name (both the same today).
COLUMNS: dict[str, str] = {
    "uuid": "uuid", "document_id": "document_id", "kind": "kind", "start": "start", "end": "end",
    "exact": "exact", "prefix": "prefix", "suffix": "suffix", "body": "body", "colour": "colour",
    "author": "author", "created": "created", "modified": "modified", "deleted": "deleted",
    "unplaced": "unplaced", "shared_modified": "shared_modified",
}
#: Fields stored as 0/1 integers.
_FLAGS = frozenset({"deleted", "unplaced"})
_SELECT = ", ".join(f"[{column}]" for column in COLUMNS.values())
_VALUES = f"({_SELECT}) VALUES ({', '.join(':' + field for field in COLUMNS)})"
_INSERT = f"INSERT INTO annotations {_VALUES}"
_UPSERT = f"INSERT OR REPLACE INTO annotations {_VALUES}"


def annotation_to_row(ann: Annotation) -> dict[str, Any]:
    """The column values of an annotation, by field name (flags as 0/1)."""
    return {field: int(getattr(ann, field)) if field in _FLAGS else getattr(ann, field) for field in COLUMNS}


def annotation_from_row(row: Sequence[Any]) -> Annotation:
    """An annotation from a row selected as `_SELECT` (the columns in COLUMNS' order)."""
    values = dict(zip(COLUMNS, row))
    return Annotation(**{field: bool(value) if field in _FLAGS else value for field, value in values.items()})


def _record_json(ann: Annotation) -> str:
    """A pending annotation as kept while it waits: its fields by name, as JSON."""
    return json.dumps(asdict(ann), ensure_ascii=False)


def _record(text: str) -> Annotation:
    """A pending annotation back from its JSON (fields this version does not know are left out)."""
    known = {f.name for f in fields(Annotation)}
    return Annotation(**{k: v for k, v in json.loads(text).items() if k in known})


class AnnotationStore:
    """The annotation part of LibraryStore: add, read, edit, delete, and the waiting (pending) ones."""

    path: str
    _conn: sqlite3.Connection
    transaction: Callable[[], ContextManager[None]]
    _statement: Callable[[], ContextManager[None]]
    document: Callable[[int], "StoredDocument"]
    get_setting: Callable[..., Any]

    def author(self) -> str:
        """The name written on new annotations: the saved one, else the OS user name."""
        import getpass

        saved = self.get_setting(AUTHOR)
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
        now = clock.now_precise()
        record = Annotation(uuid or str(uuid_module.uuid4()), doc_id, kind, start, end, quote.exact,
                            quote.prefix, quote.suffix, body, colour,
                            self.author() if author is None else author, now, now)
        with self._statement():
            self._conn.execute(_INSERT, annotation_to_row(record))
        return record

    def annotation(self, uuid: str) -> Annotation:
        found = self.find_annotation(uuid)
        if found is None:
            raise StoreError("store.no_such_annotation", uuid=uuid, library=self.path)
        return found

    def find_annotation(self, uuid: str) -> Annotation | None:
        """The annotation with this id, or None when the library has none."""
        row = self._conn.execute(f"SELECT {_SELECT} FROM annotations WHERE uuid = ?", (uuid,)).fetchone()
        return annotation_from_row(row) if row else None

    def has_annotation(self, uuid: str) -> bool:
        return self._conn.execute("SELECT 1 FROM annotations WHERE uuid = ?", (uuid,)).fetchone() is not None

    def annotations(self, doc_id: int, *, include_deleted: bool = False,
                    kinds: tuple[str, ...] = ANNOTATION_KINDS) -> list[Annotation]:
        """A report's annotations in reading order (unplaced ones last)."""
        marks = ",".join("?" * len(kinds))
        deleted = "" if include_deleted else " AND deleted = 0"
        rows = self._conn.execute(
            f"SELECT {_SELECT} FROM annotations WHERE document_id = ?"
            f" AND kind IN ({marks}){deleted} ORDER BY unplaced, start, [end], created",
            (doc_id, *kinds)).fetchall()
        return [annotation_from_row(row) for row in rows]

    def update_annotation(self, uuid: str, *, body: str | None = None,
                          colour: str | None = None) -> Annotation:
        """Change an annotation's body or colour; `modified` moves on. Committed at once."""
        current = self.annotation(uuid)
        changes = {"body": current.body if body is None else body,
                   "colour": current.colour if colour is None else colour}
        if changes["body"] == current.body and changes["colour"] == current.colour:
            return current
        with self._statement():
            self._conn.execute("UPDATE annotations SET body = ?, colour = ?, modified = ? WHERE uuid = ?",
                               (changes["body"], changes["colour"], clock.now_precise(), uuid))
        return self.annotation(uuid)

    def set_annotation_deleted(self, uuid: str, deleted: bool = True) -> Annotation:
        """Delete (keeping a tombstone a share file can carry) or bring back an annotation."""
        self.annotation(uuid)
        with self._statement():
            self._conn.execute("UPDATE annotations SET deleted = ?, modified = ? WHERE uuid = ?",
                               (int(deleted), clock.now_precise(), uuid))
        return self.annotation(uuid)

    def write_annotation(self, record: Annotation) -> None:
        """Insert or replace an annotation exactly as given (a received or re-anchored version)."""
        self.write_annotations([record])

    def write_annotations(self, records: Iterable[Annotation]) -> None:
        """Insert or replace annotations exactly as given, all or none."""
        with self._statement():
            self._conn.executemany(_UPSERT, map(annotation_to_row, records))

    # -- pending annotations (received before their report) ------------------------------------

    def pending_annotations(self) -> list[tuple[str, str, Annotation]]:
        """(fingerprint, title, annotation) of every annotation waiting for its report."""
        rows = self._conn.execute("SELECT fingerprint, title, record FROM pending_annotations"
                                  " ORDER BY received_at, uuid").fetchall()
        return [(fp, title, _record(record)) for fp, title, record in rows]

    def pending_annotation(self, uuid: str) -> Annotation | None:
        row = self._conn.execute("SELECT record FROM pending_annotations WHERE uuid = ?", (uuid,)).fetchone()
        return _record(row[0]) if row else None

    def write_pending(self, fingerprint: str, title: str, record: Annotation) -> None:
        """Keep an annotation until a report with this fingerprint or title arrives."""
        with self._statement():
            self._conn.execute(
                "INSERT OR REPLACE INTO pending_annotations (uuid, fingerprint, title, record, received_at)"
                " VALUES (?,?,?,?,?)", (record.uuid, fingerprint, title, _record_json(record), clock.now_precise()))

    def attach_pending(self, doc_id: int, fingerprint: str, title: str,
                       text: str) -> tuple[list[Annotation], list[Annotation]]:
        """Place the annotations waiting for this report; returns those written: (added, updated).

        They wait for a fingerprint; a report of the same title takes them only when most of their
        quotes stand in its text (another year's report of the same name does not). A waiting
        version newer than one already here (from a later file) replaces its content.
        """
        from viewer.core.anchors import quotes_match

        rows = self._conn.execute("SELECT fingerprint, record FROM pending_annotations"
                                  " WHERE fingerprint = ? OR title = ?", (fingerprint, title)).fetchall()
        waiting = [(fp, _record(record)) for fp, record in rows]
        by_title = [ann for fp, ann in waiting if fp != fingerprint]
        if by_title and not quotes_match(text, [ann.exact for ann in by_title]):
            waiting = [(fp, ann) for fp, ann in waiting if fp == fingerprint]
        added: list[Annotation] = []
        updated: list[Annotation] = []
        with self.transaction():
            for _fp, ann in waiting:
                here = self.find_annotation(ann.uuid)
                if here is None:
                    added.append(replace(ann.placed_in(text)[0], document_id=doc_id))
                elif ann.modified > here.modified:
                    updated.append(ann.positioned_like(here))
                self._conn.execute("DELETE FROM pending_annotations WHERE uuid = ?", (ann.uuid,))
            self.write_annotations(added + updated)
        return added, updated
