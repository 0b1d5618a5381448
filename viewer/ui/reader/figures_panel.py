"""The 数据 tab: every figure of the report in a sortable, filterable table; a click jumps to it."""

from __future__ import annotations

from PySide6.QtCore import (QAbstractTableModel, QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt,
                            Signal)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from viewer.core.model import Figure
from viewer.core.vocab import FIGURE_KINDS
from viewer.ui import palette
from viewer.ui.labels import figure_kind_label

FigureRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("text", "value", "unit", "kind", "qualifier", "section")
TEXT_COLUMN_EM = 8          # the 原文 column fits `2021年5月31日`; a longer text elides


class FiguresTableModel(QAbstractTableModel):
    """Rows are figures; the value column sorts numerically through SortRole."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._figures: list[Figure] = []
        self._paths: list[str] = []
        self._values: list[str] = []
        self._tips: list[str] = []
        self._units: list[str] = []
        self._date_unit = ""

    def kind_label(self, kind: str) -> str:
        return figure_kind_label(kind)

    def retranslate(self) -> None:
        """Refresh translated labels (called on language change)."""
        self._date_unit = self.tr("日期")
        if self._figures:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._figures) - 1, len(COLUMNS) - 1))

    def set_figures(self, figures: list[Figure], section_paths: list[str]) -> None:
        from viewer.core.figures import describe_value, unit_word   # loaded on first use, not at start

        self.beginResetModel()
        self._figures = list(figures)
        self._paths = list(section_paths)
        self._values = [describe_value(f, with_unit=False) for f in self._figures]
        self._tips = [f"{f.text} → {describe_value(f)}" for f in self._figures]
        self._units = [unit_word(f) for f in self._figures]
        self.endResetModel()

    def unit_label(self, row: int) -> str:
        """The unit column: the measure word, or 日期 for a calendar date (never the internal "date")."""
        fig = self._figures[row]
        if not self._date_unit:
            self.retranslate()
        return self._units[row] or (self._date_unit if fig.kind == "date" and fig.unit == "date" else "")

    def values(self) -> list[str]:
        """The value column's texts (for sizing the column to them)."""
        return list(self._values)

    def figure(self, row: int) -> Figure:
        return self._figures[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._figures)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        names = (self.tr("原文"), self.tr("数值"), self.tr("单位"), self.tr("类型"), self.tr("限定词"),
                 self.tr("章节"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._figures):
            return None
        row = index.row()
        fig = self._figures[row]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "text":
                return fig.text
            if column == "value":
                return self._values[row]
            if column == "unit":
                return self.unit_label(row)
            if column == "kind":
                return self.kind_label(fig.kind)
            if column == "qualifier":
                return fig.qualifier
            return self._paths[row] if row < len(self._paths) else ""
        if role == SortRole:
            if column == "value":
                return float(fig.value)
            if column == "section":
                return fig.start
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.BackgroundRole and column == "kind":
            return QBrush(palette.figure_background(fig.kind))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == FigureRole:
            return fig
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[row]
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class FigureFilterProxy(QSortFilterProxyModel):
    """Keeps rows of one kind (or all) whose text, unit or section contains the filter text."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._kind = ""
        self._needle = ""
        self.setSortRole(SortRole)

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        model: FiguresTableModel = self.sourceModel()
        fig = model.figure(row)
        if self._kind and fig.kind != self._kind:
            return False
        if not self._needle:
            return True
        section = model.index(row, COLUMNS.index("section")).data()
        return any(self._needle in str(s).casefold()
                   for s in (fig.text, model.unit_label(row), fig.qualifier, section))


class FiguresPanel(QWidget):
    """The table with its kind selector, filter box and CSV export button."""

    figureActivated = Signal(object)     # Figure
    exportRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = FiguresTableModel(self)
        self.proxy = FigureFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.kind_combo = QComboBox(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton(self)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.table.setAlternatingRowColors(True)
        top = QHBoxLayout()
        top.addWidget(self.kind_combo)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.retranslate()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_combo.currentData() or ""))
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.table.clicked.connect(self._on_clicked)
        self.table.activated.connect(self._on_clicked)
        self.export_button.clicked.connect(self.exportRequested)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        current = self.kind_combo.currentData() or ""
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("全部类型"), "")
        for kind in FIGURE_KINDS:
            self.kind_combo.addItem(self.model.kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(current)))
        self.kind_combo.blockSignals(False)
        self.filter_edit.setPlaceholderText(self.tr("筛选数据…"))
        self.export_button.setText(self.tr("导出 CSV…"))
        self.model.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._size_columns()

    def _size_columns(self) -> None:
        """Widths from the longest labels and the longest texts and values, not from measuring every
        row: 数值 fits this report's longest value (`15,000,000,000+`), 原文 up to 8 characters."""
        metrics = self.table.fontMetrics()
        pad = 12
        values = sorted(set(self.model.values()), key=len)[-12:]   # the widest are among the longest
        texts = sorted({self.model.figure(r).text for r in range(self.model.rowCount())}, key=len)[-12:]
        longest_text = max(["100余万人次", *texts], key=metrics.horizontalAdvance)
        if metrics.horizontalAdvance(longest_text) > metrics.horizontalAdvance("中") * TEXT_COLUMN_EM:
            longest_text = "中" * TEXT_COLUMN_EM          # longer ones elide; the tooltip has them
        samples = {
            "text": longest_text, "value": max(["20,000,000+", *values], key=metrics.horizontalAdvance),
            "unit": "人次",
            "kind": max((self.model.kind_label(k) for k in FIGURE_KINDS), key=metrics.horizontalAdvance),
            "qualifier": "不少于",
        }
        header = self.table.horizontalHeader()
        for column, sample in samples.items():
            index = COLUMNS.index(column)
            title = str(self.model.headerData(index, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + pad
            header.resizeSection(index, width)

    def set_figures(self, figures: list[Figure], section_paths: list[str]) -> None:
        self.model.set_figures(figures, section_paths)
        self._size_columns()

    def _on_clicked(self, proxy_index: QModelIndex) -> None:
        fig = self.proxy.mapToSource(proxy_index).data(FigureRole)
        if fig is not None:
            self.figureActivated.emit(fig)
