"""One window's reading session: the library, the open report and its annotations, and the
settings; every change goes through here and is announced as a signal of what changed, by every
session on the same library (a second window follows the first).

    session = ReportSession(store)
    session.annotationsChanged.connect(lambda changes: pane.apply_annotation_changes(session.changes_here(changes)))
    session.open_document(doc_id)                        # documentOpened(doc_id)
    session.add_annotation("note", 10, 20, body="核对")   # annotationsChanged(AnnotationChanges)
"""

from __future__ import annotations

import copy
import os
import weakref
from typing import TYPE_CHECKING, Any, Callable

import shiboken6
from PySide6.QtCore import QObject, Signal

from viewer.core.errors import StoreError
from viewer.core.model import Annotation, Figure, ImportResult, SectionNode, TextTable, page_of
from viewer.services import annotations as annotation_service
from viewer.services import catalogue as catalogue_service
from viewer.services.changes import AnnotationChanges
from viewer.store import LibraryStore
from viewer.store.settings import LAST_DOCUMENT, READING_POSITION, Setting, declared

if TYPE_CHECKING:
    from viewer.core.share import ImportPlan
    from viewer.services.catalogue import CatalogueChange
    from viewer.services.library import TrashChange
    from viewer.services.library import BatchResult
    from viewer.services.sharing import ImportOutcome

_SESSIONS: "weakref.WeakSet[ReportSession]" = weakref.WeakSet()


class ReportSession(QObject):
    """The store, the open report (id, title, text, sections, figures, tables, pages) and what is known of
    its annotations; use cases run through the services and their changes go out as signals."""

    documentOpened = Signal(int)            # report id; its text, sections, … are set
    annotationsChanged = Signal(object)     # AnnotationChanges (of any report; see changes_here)
    settingChanged = Signal(str, object)    # key, new value
    languageChanged = Signal(str)           # "zh" or "en": retranslate now
    writeFailed = Signal(object)            # StoreError of a bookkeeping write (reading place, last report)
    reportsImported = Signal(object)        # BatchResult of a batch import: its reports are in the library
    catalogueChanged = Signal(object)       # CatalogueChange: reports renamed, removed, restored or imported
    libraryReplaced = Signal()              # the library file was swapped (a backup restored): show it afresh

    def __init__(self, store: LibraryStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.doc_id: int | None = None
        self.title = ""
        self.text = ""
        self.sections: list[SectionNode] = []
        self.figures: list[Figure] = []
        self.tables: list[TextTable] = []
        self.pages: list[int] = []                       # page starts; [] = not paged
        self._annotations: dict[str, Annotation] = {}    # the open report's, deleted ones too
        self._position: int | None = None                # reading place not yet saved
        _SESSIONS.add(self)

    def _neighbours(self) -> list["ReportSession"]:
        """Every live session on this library, this one first."""
        others = [s for s in list(_SESSIONS) if s is not self and s.store is self.store and shiboken6.isValid(s)]
        return [self, *others]

    # -- the open report ----------------------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        """Load a library report (its annotations once) and announce it; the last one's reading
        place is saved first. A report that cannot be read raises StoreError and changes nothing;
        the bookkeeping writes (reading place, last report, last opened) are best effort (see writeFailed)."""
        doc = self.store.document(doc_id)
        sections, figures, tables = self.store.sections(doc_id), self.store.figures(doc_id), self.store.tables(doc_id)
        annotations = {a.uuid: a for a in self.store.annotations(doc_id)}
        self.best_effort(self.save_position)
        self.doc_id, self.title, self.text = doc_id, doc.title, doc.text
        self.sections, self.figures, self.tables = sections, figures, tables
        self._annotations = annotations
        self.pages = doc.pages
        self._position = None
        self.best_effort(lambda: self.set_setting(LAST_DOCUMENT, doc_id))
        self.best_effort(lambda: catalogue_service.mark_opened(self.store, doc_id))
        self.documentOpened.emit(doc_id)

    def best_effort(self, write: Callable[[], None]) -> None:
        """Run a bookkeeping write; a busy or read-only library is announced (writeFailed), not raised."""
        try:
            write()
        except StoreError as exc:
            self.writeFailed.emit(exc)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of an offset in the open report; None when it is not paged."""
        return page_of(self.pages, offset)

    def import_file(self, path: str | os.PathLike) -> ImportResult:
        """Parse a report file and keep it in the library (nothing new if it is there already)."""
        from viewer.services.library import import_file     # the parsers load only when a file is imported

        result = import_file(self.store, path)
        if result.created:
            self._announce_catalogue({result.document_id}, "imported")
        return result

    def remove_open_report(self) -> "TrashChange":
        """Move the open report into the 回收站 (its notes wait with it); the caller opens another."""
        return self.remove_report(self._open_id())

    # -- the catalogue: titles and the 回收站 ------------------------------------------------------

    def rename_report(self, doc_id: int, title: str) -> "CatalogueChange":
        """A report's new title (a blank one raises ReportViewerError and changes nothing)."""
        from viewer.services.catalogue import rename_report

        change = rename_report(self.store, doc_id, title)
        self._announce_catalogue(change.document_ids, change.what)
        return change

    def remove_report(self, doc_id: int) -> "TrashChange":
        """Move a report into the 回收站, its notes kept with it (the open one: the caller opens another)."""
        from viewer.services.library import remove_report

        change = remove_report(self.store, doc_id)
        if change.changed:
            self._announce_catalogue({doc_id}, "removed")
        return change

    def restore_report(self, doc_id: int) -> "TrashChange":
        """Bring a report back from the 回收站 with its notes as they were."""
        from viewer.services.library import restore_report

        change = restore_report(self.store, doc_id)
        if change.changed:
            self._announce_catalogue({doc_id}, "restored")
        return change

    def _announce_catalogue(self, doc_ids, what: str) -> None:
        """Tell every session on the library; one showing a renamed report takes its new title."""
        from viewer.services.catalogue import CatalogueChange

        change = CatalogueChange(frozenset(doc_ids), what)
        for session in self._neighbours():
            if what == "renamed" and session.doc_id in change.document_ids:
                session.title = self.store.document_info(session.doc_id).title
            session.catalogueChanged.emit(change)

    def announce_imported(self, result: "BatchResult") -> None:
        """A batch import (run on its own connection) stored reports: every session on the library hears."""
        for session in self._neighbours():
            session.reportsImported.emit(result)

    def replace_library(self, replace: Callable[[], Any]) -> Any:
        """Swap the library file under every session on it: the connection is closed (no other
        one may be writing), `replace()` runs (a backup restored), the file is opened again and
        every session forgets its report and hears libraryReplaced. Returns what `replace` returned;
        if it raises, the library as it is then is opened again and the error goes on."""
        old = self.store
        sessions = self._neighbours()
        old.close()
        try:
            result = replace()
        finally:
            new = LibraryStore(old.path)          # (a StoreError here: the caller says so and quits)
            for session in sessions:
                session.store = new
                session._forget_report()
        for session in sessions:
            session.libraryReplaced.emit()
        return result

    def _forget_report(self) -> None:
        self.doc_id, self.title, self.text = None, "", ""
        self.sections, self.figures, self.tables, self.pages = [], [], [], []
        self._annotations = {}
        self._position = None

    # -- annotations of the open report ----------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        """The open report's annotations (not deleted) in reading order, unplaced ones last."""
        live = [a for a in self._annotations.values() if not a.deleted]
        return sorted(live, key=lambda a: (a.unplaced, a.start, a.end, a.created))

    def annotation(self, uuid: str) -> Annotation:
        """One annotation as it is now (known from this session's changes, else read)."""
        known = self._annotations.get(uuid)
        return known if known is not None else self.store.annotation(uuid)

    def add_annotation(self, kind: str, start: int, end: int, *, body: str = "",
                       colour: str = "") -> Annotation:
        """A new annotation on the open report's text[start:end] (StoreError if it cannot be)."""
        changes = annotation_service.add_annotation(self.store, self._open_id(), kind, start, end,
                                                    body=body, colour=colour)
        self.apply(changes)
        return changes.added[0]

    def update_annotation(self, uuid: str, *, body: str | None = None,
                          colour: str | None = None) -> AnnotationChanges:
        return self.apply(annotation_service.update_annotation(self.store, uuid, body=body, colour=colour))

    def delete_annotation(self, uuid: str) -> AnnotationChanges:
        return self.apply(annotation_service.delete_annotation(self.store, uuid))

    def restore_annotation(self, uuid: str) -> AnnotationChanges:
        return self.apply(annotation_service.restore_annotation(self.store, uuid))

    def import_share(self, plan: "ImportPlan") -> "ImportOutcome":
        """Apply a previewed share import (one transaction); returns its ImportOutcome, and announces
        the annotations it wrote."""
        from viewer.services.sharing import apply_import

        outcome = apply_import(self.store, plan)
        self.apply(outcome.changes)
        return outcome

    def apply(self, changes: AnnotationChanges) -> AnnotationChanges:
        """Take in what a use case changed and announce it, here and in every other session on the
        library (nothing when it changed nothing)."""
        for session in self._neighbours():
            session._take(changes)
        return changes

    def _take(self, changes: AnnotationChanges) -> None:
        for uuid in changes.removed:
            self._annotations.pop(uuid, None)
        for ann in changes.added + changes.updated:
            if ann.document_id == self.doc_id:
                self._annotations[ann.uuid] = ann
            else:
                self._annotations.pop(ann.uuid, None)
        if changes:
            self.annotationsChanged.emit(changes)

    def changes_here(self, changes: AnnotationChanges) -> AnnotationChanges:
        """The part of `changes` on the open report."""
        return annotation_service.changes_in(changes, self.doc_id)

    def _open_id(self) -> int:
        if self.doc_id is None:
            raise RuntimeError("no report is open")
        return self.doc_id

    # -- settings: the one place the UI reads and writes them ------------------------------------

    def get_setting(self, key: Setting | str) -> Any:
        """A declared setting's value, or its declared default (the store keeps them cached)."""
        return self.store.get_setting(key)

    def set_setting(self, key: Setting | str, value: Any) -> None:
        """Keep a setting in the library at once (StoreError if busy); settingChanged(name, value),
        in every session on the library, if it differs."""
        setting = declared(key)
        if self.store.get_setting(setting) == value:
            return                          # nothing to write (start-up reopening the last report)
        self.store.set_setting(setting, value)
        for session in self._neighbours():
            session.settingChanged.emit(setting.name, copy.deepcopy(value))

    def saved_position(self) -> int:
        """Where the open report was last read (its code-point offset at the top of the view)."""
        if self.doc_id is None:
            return 0
        return self.store.get_report_setting(self.doc_id, READING_POSITION)

    def note_position(self, offset: int) -> None:
        """The reading place moved (saved by save_position, and before another report opens)."""
        if self.doc_id is not None:
            self._position = offset

    def save_position(self, offset: int | None = None) -> None:
        """Keep the open report's reading place (the last noted one, or `offset`), in the report's own state."""
        if offset is not None:
            self.note_position(offset)
        if self.doc_id is not None and self._position is not None:
            self.store.set_report_setting(self.doc_id, READING_POSITION, int(self._position))
            self._position = None

    # -- language -------------------------------------------------------------------------------

    def announce_language(self, language: str) -> None:
        """The UI's translators changed (Qt's LanguageChange reached the window): everyone retranslates."""
        self.languageChanged.emit(language)
