"""The 书库's table model: rows fetched from a CatalogueSource a page at a time, sorted and filtered by it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from viewer.core.model import CatalogueFilter
from viewer.core.times import local_time
from viewer.ui.library.columns import COLUMNS, TITLE_COLUMN, column_of
from viewer.ui.library.source import CatalogueSource

if TYPE_CHECKING:
    from viewer.core.model import CatalogueEntry

PAGE_SIZE = 200
EXPORT_PAGE = 5_000            # services.catalogue returns at most 10,000 a call
DocumentIdRole = Qt.ItemDataRole.UserRole + 1


class LibraryTableModel(QAbstractTableModel):
    """Reports as rows: the first page at a reset, the next when the view scrolls near the end
    (canFetchMore / fetchMore); sort() and set_filter() ask the source again, never sort here."""

    def __init__(self, source: CatalogueSource, parent: QObject | None = None, *,
                 sort: str = "imported_at", descending: bool = True, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.source = source
        self.page_size = page_size
        self._filter = CatalogueFilter()
        self._sort, self._descending = sort, descending
        self._rows: list[CatalogueEntry] = []
        self._total = 0
        self._open_id: int | None = None        # the report the window shows: its row in bold
        self._reload()

    # -- what is listed ---------------------------------------------------------------------------

    @property
    def filter(self) -> CatalogueFilter:
        return self._filter

    @property
    def total(self) -> int:
        """How many reports pass the filter (fetched or not)."""
        return self._total

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    def set_filter(self, flt: CatalogueFilter) -> None:
        """List what passes `flt`: the model starts again from its first page."""
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def reload(self) -> None:
        """Ask the source again (after an import, a restore, a change of filter or order)."""
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def _reload(self) -> None:
        self._total = self.source.count(self._filter)
        self._rows = list(self.source.page(self._filter, self._sort, self._descending, 0, self.page_size))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key, descending = COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.reload()                    # the header keeps its widths and order over a reset

    def sort_column(self) -> int:
        return column_of(self._sort)

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    # -- lazy fetching -----------------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = list(self.source.page(self._filter, self._sort, self._descending, len(self._rows), self.page_size))
        if not more:                        # the library shrank since the count: nothing further
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def all_entries(self) -> list["CatalogueEntry"]:
        """Every report passing the filter in the model's order, fetched or not (for the CSV export),
        read in large pages (the source caps a page)."""
        found = list(self._rows)
        while len(found) < self._total:
            more = self.source.page(self._filter, self._sort, self._descending, len(found), EXPORT_PAGE)
            if not more:
                break
            found.extend(more)
        return found

    # -- rows --------------------------------------------------------------------------------------

    def entry(self, row: int) -> "CatalogueEntry":
        return self._rows[row]

    def row_of(self, doc_id: int) -> int:
        """The fetched row of a report, -1 when it is not among them."""
        return next((i for i, e in enumerate(self._rows) if e.id == doc_id), -1)

    def refresh_rows(self, doc_ids) -> None:
        """Read these reports again (renamed, notes changed) and repaint just their rows."""
        for doc_id in doc_ids:
            row = self.row_of(doc_id)
            if row >= 0:
                self._rows[row] = self.source.entry(doc_id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_open_id(self, doc_id: int | None) -> None:
        """The report the main window shows (its row is drawn in bold)."""
        before, self._open_id = self._open_id, doc_id
        for changed in {before, doc_id} - {None}:
            row = self.row_of(changed)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1),
                                      [Qt.ItemDataRole.FontRole])

    def drop_rows(self, doc_ids) -> None:
        """These reports left the listing (moved into or out of the 回收站): take out just their rows."""
        for doc_id in doc_ids:
            row = self.row_of(doc_id)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self._total -= 1
                self.endRemoveRows()

    # -- Qt's model interface ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment()
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            return column.first_order
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = column.tip(entry) if column.tip is not None else None
            if tip and entry.removed_at and index.column() == TITLE_COLUMN:
                tip += "\n" + self.tr("移入回收站于 {0}").format(local_time(entry.removed_at))
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment()
        if role == DocumentIdRole:
            return entry.id
        if role == Qt.ItemDataRole.FontRole and entry.id == self._open_id:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
