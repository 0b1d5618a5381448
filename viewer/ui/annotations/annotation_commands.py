"""Undo/redo steps for notes, bookmarks and highlights: each step writes straight to the store.

The window does the first write itself (so a busy library is reported before anything is pushed)
and pushes a command marked as done; undo and redo then call the store, which commits at once.

    note = store.add_annotation(doc_id, "note", 10, 20, body="核对")
    stack.push(AddAnnotationCommand(store, note, "添加批注", changed=refresh, failed=warn))
    stack.undo()        # the note is a tombstone (deleted) again
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from viewer.core.errors import StoreError
from viewer.store import LibraryStore
from viewer.core.model import Annotation

EDIT_COMMAND_ID = 4101

Changed = Callable[[str], None]          # the uuid of the annotation that changed
Failed = Callable[[StoreError], None]


class _AnnotationCommand(QUndoCommand):
    """Shared plumbing: the first redo is skipped (already done), errors go to `failed`."""

    def __init__(self, store: LibraryStore, uuid: str, text: str, changed: Changed, failed: Failed):
        super().__init__(text)
        self.store = store
        self.uuid = uuid
        self._changed = changed
        self._failed = failed
        self._done = True                # pushed after its first write

    def _run(self, write: Callable[[], object]) -> None:
        try:
            write()
        except StoreError as exc:
            self._failed(exc)
        self._changed(self.uuid)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddAnnotationCommand(_AnnotationCommand):
    """Undo marks the new annotation deleted (a tombstone); redo brings it back."""

    def __init__(self, store: LibraryStore, added: Annotation, text: str, changed: Changed,
                 failed: Failed):
        super().__init__(store, added.uuid, text, changed, failed)

    def _redo(self) -> None:
        self.store.set_annotation_deleted(self.uuid, False)

    def _undo(self) -> None:
        self.store.set_annotation_deleted(self.uuid, True)


class DeleteAnnotationCommand(_AnnotationCommand):
    """The annotation becomes a tombstone; undo restores it."""

    def _redo(self) -> None:
        self.store.set_annotation_deleted(self.uuid, True)

    def _undo(self) -> None:
        self.store.set_annotation_deleted(self.uuid, False)


class EditAnnotationCommand(_AnnotationCommand):
    """A new body and/or colour; undo puts back the ones before.

    Saves made while one editor stays open (`session`) merge into one step, so typing a long
    note, saved every pause, is undone at once.
    """

    def __init__(self, store: LibraryStore, before: Annotation, text: str, changed: Changed,
                 failed: Failed, *, body: str | None = None, colour: str | None = None,
                 session: object = None):
        super().__init__(store, before.uuid, text, changed, failed)
        self.old_body, self.old_colour = before.body, before.colour
        self.new_body = before.body if body is None else body
        self.new_colour = before.colour if colour is None else colour
        self.session = session

    def id(self) -> int:
        return EDIT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt name)
        if not isinstance(other, EditAnnotationCommand) or other.uuid != self.uuid \
                or self.session is None or other.session != self.session:
            return False
        self.new_body, self.new_colour = other.new_body, other.new_colour
        return True

    def _redo(self) -> None:
        self.store.update_annotation(self.uuid, body=self.new_body, colour=self.new_colour)

    def _undo(self) -> None:
        self.store.update_annotation(self.uuid, body=self.old_body, colour=self.old_colour)
