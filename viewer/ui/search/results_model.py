"""The results tree of a library search: one group row per report (`标题 — N 处`) with its hits under
it, a group of notes and bookmarks first; hits arrive a page at a time (fetchMore), counts afterwards.

While hits remain, a last top-level row says more are coming: a view asks for more (fetchMore) when
that row scrolls into sight, i.e. at the end of the hits shown, however many a report has."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from viewer.core.search import fold
from viewer.services.search import snippet_parts
from viewer.ui.labels import annotation_kind_label, page_label

if TYPE_CHECKING:
    from viewer.services.search import HitCounts, NoteHit, SearchHit

#: Hits asked for at a time, when the query runs and each time the view scrolls to the end.
PAGE_SIZE = 50
#: Custom roles: the SearchHit or NoteHit of a row; (before, hit, after) of its first line; its second line.
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PARTS_ROLE = Qt.ItemDataRole.UserRole + 2
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3
_NO_GROUP = 0          # internal id of a group row; a hit row's is its group's row + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Group:
    """A report's hits (document_id set) or the notes and bookmarks (document_id None)."""

    document_id: int | None
    title: str
    rows: list[Any] = field(default_factory=list)     # SearchHit or NoteHit


class SearchResultsModel(QAbstractItemModel):
    """The hits of one query, grouped by report; `fetch(after, limit)` gives the next page of SearchHits
    past `after` = (document id, start) of the last hit loaded (None: from the first)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._fetch: Callable[[tuple[int, int] | None, int], list["SearchHit"]] | None = None
        self._last: tuple[int, int] | None = None         # the last hit loaded
        self._loaded = 0
        self._exhausted = True
        self._counts: dict[int, int] | None = None        # per report, once counted
        self._terms: tuple[str, ...] = ()

    # -- what the panel tells it ------------------------------------------------------------------

    def start(self, fetch: Callable[[tuple[int, int] | None, int], list["SearchHit"]], terms: tuple[str, ...],
              notes: list["NoteHit"]) -> None:
        """A new query: the old rows go, the notes group and the first page come."""
        self.beginResetModel()
        self._groups = [_Group(None, "", list(notes))] if notes else []
        self._fetch, self._loaded, self._exhausted = fetch, 0, False
        self._counts, self._terms = None, terms
        self._last = None
        page = fetch(None, PAGE_SIZE)
        self._loaded, self._exhausted = len(page), len(page) < PAGE_SIZE
        self._append(page, announce=False)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._groups, self._fetch, self._loaded, self._exhausted, self._counts = [], None, 0, True, None
        self.endResetModel()

    def set_counts(self, counts: "HitCounts") -> None:
        """The library's counts arrived: each report row shows its number of hits."""
        self._counts = {doc_id: n for doc_id, _title, n in counts.per_report}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    @property
    def loaded_hits(self) -> int:
        return self._loaded

    @property
    def exhausted(self) -> bool:
        """Every hit of the query is in the model."""
        return self._exhausted

    def report_groups(self) -> list[tuple[int, str, int]]:
        """(document id, title, hits loaded) of each report row, in order (for tests and the status line)."""
        return [(g.document_id, g.title, len(g.rows)) for g in self._groups if g.document_id is not None]

    def note_hits(self) -> list["NoteHit"]:
        return list(self._groups[0].rows) if self._groups and self._groups[0].document_id is None else []

    def index_of_hit(self, document_id: int, start: int) -> QModelIndex:
        """The row of a loaded hit (invalid when it is not loaded)."""
        for row, group in enumerate(self._groups):
            if group.document_id == document_id:
                for child, hit in enumerate(group.rows):
                    if hit.start == start:
                        return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    # -- lazy paging ------------------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 (Qt name)
        return not parent.isValid() and not self._exhausted and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 (Qt name)
        """The next page of hits: under the last report row and in new report rows."""
        if not self.canFetchMore(parent):
            return
        page = self._fetch(self._last, PAGE_SIZE)
        self._loaded += len(page)
        self._append(page)
        if len(page) < PAGE_SIZE:                # every hit is in: the "more" row goes
            self.beginRemoveRows(QModelIndex(), len(self._groups), len(self._groups))
            self._exhausted = True
            self.endRemoveRows()

    def is_more_row(self, index: Index) -> bool:
        """The last top-level row that stands for the hits not loaded yet."""
        return index.isValid() and index.internalId() == _NO_GROUP and index.row() == len(self._groups)

    def _append(self, hits: list["SearchHit"], announce: bool = True) -> None:
        """Add a page: hits of the last report row under it, the others in new report rows (before the "more" row)."""
        if hits:
            self._last = (hits[-1].document_id, hits[-1].start)
        i = 0
        last = self._groups[-1] if self._groups else None
        if last is not None and last.document_id is not None:
            while i < len(hits) and hits[i].document_id == last.document_id:
                i += 1
            if i:
                row = len(self._groups) - 1
                if announce:
                    self.beginInsertRows(self.index(row, 0), len(last.rows), len(last.rows) + i - 1)
                last.rows.extend(hits[:i])
                if announce:
                    self.endInsertRows()
        new: list[_Group] = []
        for hit in hits[i:]:
            if not new or new[-1].document_id != hit.document_id:
                new.append(_Group(hit.document_id, hit.title))
            new[-1].rows.append(hit)
        if new:
            first = len(self._groups)
            if announce:
                self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._groups.extend(new)
            if announce:
                self.endInsertRows()

    # -- the tree ---------------------------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _NO_GROUP) if row < self.rowCount() else QModelIndex()
        if parent.internalId() != _NO_GROUP or parent.row() >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()].rows):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        if not parent.isValid():
            return len(self._groups) + (0 if self._exhausted or self._fetch is None else 1)
        if parent.internalId() == _NO_GROUP and parent.row() < len(self._groups):
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 (Qt name)
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self.is_more_row(index):
            return self.tr("正在载入更多结果…") if role == Qt.ItemDataRole.DisplayRole else None
        if index.internalId() == _NO_GROUP:
            return self._group_data(self._groups[index.row()], role)
        item = self._groups[index.internalId() - 1].rows[index.row()]
        if role == HIT_ROLE:
            return item
        parts, detail = self._note_lines(item) if hasattr(item, "uuid") else self._hit_lines(item)
        if role == PARTS_ROLE:
            return parts
        if role == DETAIL_ROLE:
            return detail
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "".join(parts) + ("\n" + detail if detail else "")
        return None

    def _group_data(self, group: _Group, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if group.document_id is None:
                return self.tr("批注与书签 — %n 条", "notes found", len(group.rows))
            if self._counts is None:
                return self.tr("{0} — 统计中…").format(group.title)
            count = self._counts.get(group.document_id, len(group.rows))
            return self.tr("{0} — %n 处", "a report's hits", count).format(group.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return group.title or None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _hit_lines(self, hit: "SearchHit") -> tuple[tuple[str, str, str], str]:
        page = page_label(hit.page)
        detail = " · ".join(part for part in (hit.heading, page) if part) or self.tr("（正文之前）")
        return hit.context, detail

    def _note_lines(self, note: "NoteHit") -> tuple[tuple[str, str, str], str]:
        """A note's body (or its quote, when the body does not hold the term) with the first term marked."""
        text = note.body if note.body.strip() else note.quote
        for candidate in (note.body, note.quote):
            found = min((pos for pos in (fold(candidate).find(t) for t in self._terms) if pos >= 0), default=-1)
            if found >= 0:
                text = candidate
                term = next(t for t in self._terms if fold(candidate).find(t) == found)
                before, hit, after = snippet_parts(text, found, found + len(term))
                break
        else:
            before, hit, after = text[:60], "", ""
        flat = [part.replace("\n", " ") for part in (before, hit, after)]
        lead = self.tr("{0}：{1}").format(annotation_kind_label(note.kind), flat[0])
        return (lead, flat[1], flat[2]), self.tr("{0} · “{1}”").format(note.title, note.quote.replace("\n", " "))
