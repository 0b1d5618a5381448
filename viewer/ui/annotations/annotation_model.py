"""The annotations of the open report as a list model (card roles), and the filter proxy each tab views it through."""

from __future__ import annotations

import html
from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal)

from viewer.core.export import annotation_times, section_path_label
from viewer.core.model import Annotation, SectionNode, page_of
from viewer.services.changes import AnnotationChanges
from viewer.ui.labels import mark_label, page_label

if TYPE_CHECKING:
    from viewer.ui.session import ReportSession

AnnotationRole = Qt.ItemDataRole.UserRole + 1


KindRole = Qt.ItemDataRole.UserRole + 2


ColourRole = Qt.ItemDataRole.UserRole + 3


QuoteRole = Qt.ItemDataRole.UserRole + 4


BodyRole = Qt.ItemDataRole.UserRole + 5


PathRole = Qt.ItemDataRole.UserRole + 6


MetaRole = Qt.ItemDataRole.UserRole + 7


UnplacedRole = Qt.ItemDataRole.UserRole + 8


LabelRole = Qt.ItemDataRole.UserRole + 9


NO_COLOUR = "-"              # colour filter value: annotations without a colour (plain notes)


def reading_order(ann: Annotation) -> tuple:
    """Where an annotation's row goes: placed ones by position, unplaced ones last (as the store lists them)."""
    return (ann.unplaced, ann.start, ann.end, ann.created)


class AnnotationListModel(QAbstractListModel):
    """Rows are a report's annotations in reading order, unplaced ones last (as the store lists them).

    Given a session, it follows it: a report opened resets the rows; a change inserts, updates or
    removes just the rows it names; a language switch relabels."""

    # uuid, new body, editing session (saves within one session merge into one undo step)
    bodyEdited = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None, session: "ReportSession | None" = None):
        super().__init__(parent)
        self._items: list[Annotation] = []
        self._sections: list[SectionNode] = []
        self._pages: list[int] = []                     # the report's page map; [] = not paged
        self._paths: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self.edit_session: object = None
        self.retranslate()
        if session is not None:
            session.documentOpened.connect(
                lambda _doc: self.set_annotations(session.annotations(), session.sections, session.pages))
            session.annotationsChanged.connect(lambda changes: self.apply_changes(session.changes_here(changes)))
            session.languageChanged.connect(lambda _lang: self.retranslate())

    # -- content --------------------------------------------------------------------------------

    def set_annotations(self, annotations: list[Annotation],
                        sections: list[SectionNode] | None = None, pages: list[int] | None = None) -> None:
        """Show `annotations`; with `sections` (and `pages`, of another report) the model resets, else
        rows are inserted, removed and changed in place, so an open editor and the selection survive."""
        annotations = [a for a in annotations if not a.deleted]
        if sections is not None:
            self.beginResetModel()
            self._sections = list(sections)
            self._pages = list(pages or [])
            self._paths.clear()
            self._items = annotations
            self.endResetModel()
            return
        wanted = {a.uuid for a in annotations}
        for row in range(len(self._items) - 1, -1, -1):
            if self._items[row].uuid not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self.endRemoveRows()
        kept = [a.uuid for a in self._items]
        kept_set = set(kept)
        if kept != [a.uuid for a in annotations if a.uuid in kept_set]:
            self.beginResetModel()        # the order changed (re-anchored): start over
            self._items = annotations
            self._paths.clear()
            self.endResetModel()
            return
        for row, ann in enumerate(annotations):
            if row < len(self._items) and self._items[row].uuid == ann.uuid:
                if self._items[row] != ann:
                    if self._items[row].start != ann.start:
                        self._paths.pop(ann.uuid, None)
                    self._items[row] = ann
                    index = self.index(row)
                    self.dataChanged.emit(index, index)
            else:
                self.beginInsertRows(QModelIndex(), row, row)
                self._items.insert(row, ann)
                self.endInsertRows()

    def apply_changes(self, changes: AnnotationChanges) -> None:
        """Rows for just the annotations in `changes` (all of this report): a removed or deleted one
        goes, a new or restored one is inserted in reading order, an edited one changes in place
        (or moves, if it moved in the text)."""
        for uuid in changes.removed:
            self._remove(uuid)
        for ann in changes.added + changes.updated:
            row = self.row_of(ann.uuid)
            if ann.deleted:
                self._remove(ann.uuid)
            elif row >= 0 and reading_order(self._items[row]) == reading_order(ann):
                if self._items[row] != ann:
                    self._items[row] = ann
                    index = self.index(row)
                    self.dataChanged.emit(index, index)
            else:
                self._remove(ann.uuid)
                self._paths.pop(ann.uuid, None)
                row = bisect_right([reading_order(a) for a in self._items], reading_order(ann))
                self.beginInsertRows(QModelIndex(), row, row)
                self._items.insert(row, ann)
                self.endInsertRows()

    def _remove(self, uuid: str) -> None:
        row = self.row_of(uuid)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    def annotations(self) -> list[Annotation]:
        return list(self._items)

    def annotation(self, row: int) -> Annotation:
        return self._items[row]

    def row_of(self, uuid: str) -> int:
        return next((row for row, a in enumerate(self._items) if a.uuid == uuid), -1)

    def set_colour_names(self, names: dict[str, str]) -> None:
        self._names = dict(names)
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def colour_name(self, colour: str) -> str:
        return self._names.get(colour, colour)

    def retranslate(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def kind_label(self, ann: Annotation) -> str:
        """`批注`, `书签`, or `高亮 · 重点` (the colour's meaning); a coloured note names its colour too."""
        return mark_label(ann.kind, self.colour_name(ann.colour) if ann.colour else "")

    def path(self, ann: Annotation) -> str:
        if ann.uuid not in self._paths:
            self._paths[ann.uuid] = "" if ann.unplaced else section_path_label(self._sections, ann.start)
        return self._paths[ann.uuid]

    def page(self, ann: Annotation) -> str:
        """`第2页` (p. 2) in a paged report; "" when it is not paged or the annotation is unplaced."""
        return "" if ann.unplaced else page_label(page_of(self._pages, ann.start))

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        ann = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return ann.body or ann.exact
        if role == Qt.ItemDataRole.EditRole or role == BodyRole:
            return ann.body
        if role == AnnotationRole:
            return ann
        if role == KindRole:
            return ann.kind
        if role == ColourRole:
            return ann.colour
        if role == QuoteRole:
            return ann.exact
        if role == PathRole:
            return self.path(ann)
        if role == LabelRole:
            return self.kind_label(ann)
        if role == MetaRole:
            return " · ".join(part for part in (self.page(ann), ann.author, self.last_change(ann)) if part)
        if role == UnplacedRole:
            return ann.unplaced
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(ann)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.kind_label(ann)}: {ann.body} “{ann.exact}” {self.path(ann)}"
        return None

    def times(self, ann: Annotation) -> list[str]:
        """`创建于 …` (when it differs from the last change) and `修改于 …`, local time with offset, as the exports."""
        labels = {"created": self.tr("创建于 {0}"), "modified": self.tr("修改于 {0}")}
        return [labels[field].format(when) for field, when in annotation_times(ann)]

    def last_change(self, ann: Annotation) -> str:
        """The card's time: `修改于 2026-12-02 15:30 (+08:00)`, the field the exports lead with too."""
        times = self.times(ann)
        return times[-1] if times else ""

    def tooltip(self, ann: Annotation) -> str:
        """Rich text with every user string escaped, so `<b>` in a note stays literal."""
        rows = [f"<b>{html.escape(self.kind_label(ann))}</b>"]
        if ann.exact:
            rows.append(f"“{html.escape(ann.exact)}”")
        if ann.body:
            rows.append(html.escape(ann.body))
        meta = [self.path(ann), self.page(ann), ann.author, *self.times(ann)]
        rows.append(f"<span style='color:#666'>{html.escape(' · '.join(m for m in meta if m))}</span>")
        return "<qt><p style='white-space:pre-wrap; margin:0'>" + "<br>".join(rows) + "</p></qt>"

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """An edited body goes out as `bodyEdited`; the window stores it and the row follows."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self._items):
            return False
        ann = self._items[index.row()]
        text = str(value)
        if text != ann.body:
            self.bodyEdited.emit(ann.uuid, text, self.edit_session)
        return True

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class AnnotationFilterProxy(QSortFilterProxyModel):
    """One tab's rows: its kinds, then the chosen kind and colour, then text in quote or body."""

    def __init__(self, kinds: tuple[str, ...], parent: QObject | None = None):
        super().__init__(parent)
        self._kinds = kinds
        self._kind = ""
        self._colour = ""
        self._needle = ""

    def _change(self, apply) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str) -> None:
        self._change(lambda: setattr(self, "_kind", kind))

    def set_colour(self, colour: str) -> None:
        """A highlight colour key, NO_COLOUR for annotations without one, "" for all."""
        self._change(lambda: setattr(self, "_colour", colour))

    def set_text(self, text: str) -> None:
        self._change(lambda: setattr(self, "_needle", text.strip().casefold()))

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        ann: Annotation = self.sourceModel().annotation(row)
        if ann.kind not in self._kinds or (self._kind and ann.kind != self._kind):
            return False
        if self._colour and (ann.colour or NO_COLOUR) != self._colour:
            return False
        return not self._needle or any(self._needle in s.casefold() for s in (ann.exact, ann.body))
