"""Annotation use cases: add, edit, delete and restore a note, bookmark or highlight, and apply a
share import; each is one committed transaction (LibraryStore writes it) and returns what changed.

    changes = add_annotation(store, doc_id, "note", 120, 134, body="核对这个数字")
    changes.added[0].uuid          # the new note; a view inserts just this one row
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from viewer.core.model import Annotation
from viewer.services.changes import AnnotationChanges

if TYPE_CHECKING:
    from viewer.store import LibraryStore


def add_annotation(store: "LibraryStore", doc_id: int, kind: str, start: int, end: int, *,
                   body: str = "", colour: str = "") -> AnnotationChanges:
    """A new annotation on text[start:end] of a report."""
    added = store.add_annotation(doc_id, kind, start, end, body=body, colour=colour)
    return AnnotationChanges(added=(added,), documents=(doc_id,))


def update_annotation(store: "LibraryStore", uuid: str, *, body: str | None = None,
                      colour: str | None = None) -> AnnotationChanges:
    """A new body and/or colour; no changes when both are as they were."""
    before = store.annotation(uuid)
    after = store.update_annotation(uuid, body=body, colour=colour)
    if after == before:
        return AnnotationChanges()
    return AnnotationChanges(updated=(after,), documents=(after.document_id,))


def delete_annotation(store: "LibraryStore", uuid: str) -> AnnotationChanges:
    """The annotation becomes a tombstone (kept for share files): an update with deleted set."""
    return _updated(store.set_annotation_deleted(uuid, True))


def restore_annotation(store: "LibraryStore", uuid: str) -> AnnotationChanges:
    """A deleted annotation comes back (undo of a delete, redo of an add)."""
    return _updated(store.set_annotation_deleted(uuid, False))


def _updated(ann: Annotation) -> AnnotationChanges:
    return AnnotationChanges(updated=(ann,), documents=(ann.document_id,))


def changes_in(changes: AnnotationChanges, doc_id: int | None) -> AnnotationChanges:
    """The part of `changes` that concerns one report (empty for None or a report not touched)."""
    if doc_id is None or doc_id not in changes.documents:
        return AnnotationChanges()
    return AnnotationChanges(tuple(a for a in changes.added if a.document_id == doc_id),
                             tuple(a for a in changes.updated if a.document_id == doc_id),
                             changes.removed, (doc_id,))
