"""Undo/redo steps for notes, bookmarks and highlights: each step is a use case of the session.

The actions do the first write themselves (so a busy library is reported before anything is pushed)
and push a command marked as done; undo and redo then go through the session, which commits at once
and announces what changed, so every view follows.

    note = session.add_annotation("note", 10, 20, body="核对")
    stack.push(AddAnnotationCommand(session, note, "添加批注", failed=warn))
    stack.undo()        # the note is a tombstone (deleted) again
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QUndoCommand

from viewer.core.errors import StoreError
from viewer.core.model import Annotation

if TYPE_CHECKING:
    from viewer.ui.session import ReportSession

EDIT_COMMAND_ID = 4101

Failed = Callable[[StoreError], None]


class _AnnotationCommand(QUndoCommand):
    """Shared plumbing: the first redo is skipped (already done), errors go to `failed`."""

    def __init__(self, session: "ReportSession", uuid: str, name: Callable[[], str], failed: Failed):
        super().__init__(name())
        self.name = name                 # the step's name in the UI's language now (see retitle)
        self.session = session
        self.uuid = uuid
        self._failed = failed
        self._done = True                # pushed after its first write

    def retitle(self) -> None:
        """Name the step anew, in the language the UI has switched to."""
        self.setText(self.name())

    def _run(self, write: Callable[[], object]) -> None:
        try:
            write()
        except StoreError as exc:
            self._failed(exc)

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

    def __init__(self, session: "ReportSession", added: Annotation, name: Callable[[], str], failed: Failed):
        super().__init__(session, added.uuid, name, failed)

    def _redo(self) -> None:
        self.session.restore_annotation(self.uuid)

    def _undo(self) -> None:
        self.session.delete_annotation(self.uuid)


class DeleteAnnotationCommand(_AnnotationCommand):
    """The annotation becomes a tombstone; undo restores it."""

    def _redo(self) -> None:
        self.session.delete_annotation(self.uuid)

    def _undo(self) -> None:
        self.session.restore_annotation(self.uuid)


class EditAnnotationCommand(_AnnotationCommand):
    """A new body and/or colour; undo puts back the ones before.

    Saves made while one editor stays open (`editing`) merge into one step, so typing a long
    note, saved every pause, is undone at once.
    """

    def __init__(self, session: "ReportSession", before: Annotation, name: Callable[[], str], failed: Failed, *,
                 body: str | None = None, colour: str | None = None, editing: object = None):
        super().__init__(session, before.uuid, name, failed)
        self.old_body, self.old_colour = before.body, before.colour
        self.new_body = before.body if body is None else body
        self.new_colour = before.colour if colour is None else colour
        self.editing = editing

    def id(self) -> int:
        return EDIT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt name)
        if not isinstance(other, EditAnnotationCommand) or other.uuid != self.uuid \
                or self.editing is None or other.editing != self.editing:
            return False
        self.new_body, self.new_colour = other.new_body, other.new_colour
        return True

    def _redo(self) -> None:
        self.session.update_annotation(self.uuid, body=self.new_body, colour=self.new_colour)

    def _undo(self) -> None:
        self.session.update_annotation(self.uuid, body=self.old_body, colour=self.old_colour)
