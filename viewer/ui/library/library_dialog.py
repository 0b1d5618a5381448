"""The 书库 window: the 书库 / 回收站 tabs, the filter row, the lazily fetched table, a status line and the
row actions (open, rename, move to the 回收站, restore, export the list); what they do is asked of its owner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QMenu,
                               QPushButton, QTabBar, QTableView, QVBoxLayout, QWidget)

from viewer.core.model import CatalogueFilter
from viewer.ui.library.columns import COLUMNS, TITLE_COLUMN, column_of
from viewer.ui.library.filter_bar import LibraryFilterBar
from viewer.ui.library.library_model import LibraryTableModel
from viewer.ui.library.source import CatalogueSource

LIBRARY_TAB, TRASH_TAB = range(2)
DIALOG_SIZE = (1220, 720)          # inside a 1280 x 800 screen with its panel and title bar


class LibraryTable(QTableView):
    """The table: whole rows selected one at a time, headers that sort, no grid, elided cells."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("libraryTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSortingEnabled(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.empty_label = QLabel(self.viewport())
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 15px;")
        self.empty_label.hide()

    def fit_columns(self) -> None:
        """Each column as wide as its typical text in bold (the open report's row) and its header with
        the sort arrow, the 类别 column as its longest label in the UI's language; the title gets the rest."""
        from viewer.core.vocab import REPORT_KINDS
        from viewer.ui.labels import report_kind_label

        bold_font = QFont(self.font())
        bold_font.setBold(True)
        bold, header = QFontMetrics(bold_font), self.horizontalHeader()
        heading = header.fontMetrics()
        samples = [c.fits for c in COLUMNS]
        samples[column_of("kind")] = max((report_kind_label(k) for k in REPORT_KINDS), key=bold.horizontalAdvance)
        widths = [max(bold.horizontalAdvance(text) + 14, heading.horizontalAdvance(c.header()) + 26)
                  for text, c in zip(samples, COLUMNS)]
        others = sum(w for i, w in enumerate(widths) if i != TITLE_COLUMN)
        widths[TITLE_COLUMN] = max(bold.horizontalAdvance(COLUMNS[TITLE_COLUMN].fits) // 2,
                                   self.viewport().width() - others - 2)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.empty_label.setGeometry(self.viewport().rect().adjusted(24, 24, -24, -24))


class LibraryDialog(QDialog):
    """Lists the library (or the 回收站) through a LibraryTableModel; its requests go out as signals
    carrying the report's id, and its owner answers them through the session."""

    openRequested = Signal(int)
    renameRequested = Signal(int)
    removeRequested = Signal(int)
    restoreRequested = Signal(int)
    exportRequested = Signal()

    def __init__(self, source: CatalogueSource, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("libraryDialog")
        self.source = source
        self.model = LibraryTableModel(source, self)
        self.tabs = QTabBar(self)
        self.tabs.setDrawBase(False)
        self.tabs.addTab("")
        self.tabs.addTab("")
        self.filter_bar = LibraryFilterBar(self)
        self.table = LibraryTable(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), self.model.sort_order())
        self.status_label = QLabel(self)
        self.export_button = QPushButton(self)
        self.primary_button = QPushButton(self)       # 打开 in the library, 恢复 in the 回收站
        self.close_button = QPushButton(self)
        for button in (self.export_button, self.primary_button, self.close_button):
            button.setAutoDefault(False)               # Enter in the table opens the row, not a button
        self._init_actions()
        self._layout()
        self._connect()
        self._columns_fitted = False
        self.resize(*DIALOG_SIZE)
        self.retranslate()
        self._update_status()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.tabs)
        top.addSpacing(12)
        top.addWidget(self.filter_bar, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.primary_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _init_actions(self) -> None:
        def action(shortcut=None) -> QAction:
            made = QAction(self)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.table.addAction(made)
            return made

        self.open_action = action()                 # Enter and double-click come as `activated`
        self.rename_action = action(Qt.Key.Key_F2)
        self.remove_action = action(QKeySequence.StandardKey.Delete)
        self.restore_action = action()
        self.export_action = action()
        self.find_action = action(QKeySequence.StandardKey.Find)      # Ctrl+F: back to the filter box
        self.find_action.triggered.connect(lambda: (self.filter_bar.text_box.setFocus(),
                                                    self.filter_bar.text_box.selectAll()))
        self.open_action.triggered.connect(lambda: self._request(self.openRequested))
        self.rename_action.triggered.connect(lambda: self._request(self.renameRequested))
        self.remove_action.triggered.connect(lambda: self._request(self.removeRequested))
        self.restore_action.triggered.connect(lambda: self._request(self.restoreRequested))
        self.export_action.triggered.connect(self.exportRequested.emit)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._on_tab)
        self.filter_bar.filterChanged.connect(self.set_filter)
        self.filter_bar.listRequested.connect(self.focus_list)
        self.table.activated.connect(self._on_activated)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        self.model.modelReset.connect(self._update_status)
        self.model.rowsRemoved.connect(lambda *_: self._update_status())
        self.export_button.clicked.connect(self.exportRequested.emit)
        self.primary_button.clicked.connect(lambda: self._request(
            self.restoreRequested if self.in_trash() else self.openRequested))
        self.close_button.clicked.connect(self.close)

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("书库"))
        self.open_action.setText(self.tr("打开"))
        self.rename_action.setText(self.tr("重命名…"))
        self.remove_action.setText(self.tr("移到回收站…"))
        self.restore_action.setText(self.tr("恢复"))
        self.export_action.setText(self.tr("导出列表为 CSV…"))
        self.export_button.setText(self.tr("导出列表为 CSV…"))
        self.close_button.setText(self.tr("关闭"))
        self.filter_bar.retranslate()
        self._update_tabs()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
            self.model.reload()
        super().changeEvent(event)

    # -- what is listed --------------------------------------------------------------------------

    def in_trash(self) -> bool:
        return self.tabs.currentIndex() == TRASH_TAB

    def set_filter(self, flt: CatalogueFilter) -> None:
        kept = self.current_id()
        self.model.set_filter(flt)
        self.select_id(kept)

    def _on_tab(self, tab: int) -> None:
        """The other tab: its own facets, the filter row cleared, its first page."""
        self.filter_bar.set_removed(tab == TRASH_TAB)
        self.filter_bar.clear()
        self.filter_bar.set_facets(self.source.facets(tab == TRASH_TAB))
        self.model.set_filter(self.filter_bar.current())
        self.select_id(None)
        self._update_status()

    def show_trash(self, trash: bool = True) -> None:
        self.tabs.setCurrentIndex(TRASH_TAB if trash else LIBRARY_TAB)

    def reload(self) -> None:
        """Read everything again (the dialog is shown, reports imported or restored): facets, counts,
        rows; the selected report stays selected when it is still listed."""
        kept = self.current_id()
        self.filter_bar.set_facets(self.source.facets(self.in_trash()))
        self.model.set_filter(self.filter_bar.current())   # a value gone from the facets is dropped
        self.model.reload()
        self.select_id(kept)
        self._update_tabs()

    def apply_change(self, doc_ids, what: str) -> None:
        """Reports were renamed, removed, restored or imported: change just their rows when that is enough."""
        ids = set(doc_ids)
        if what in ("renamed", "notes"):
            self.model.refresh_rows(ids)
        elif what in ("removed", "restored") and self.in_trash() == (what == "restored"):
            self.model.drop_rows(ids)      # they left this tab; the other tab counts them
            self.filter_bar.set_facets(self.source.facets(self.in_trash()))
            self._update_tabs()
        else:
            self.reload()

    def _update_tabs(self) -> None:
        library = self.source.count(CatalogueFilter())
        trash = self.source.count(CatalogueFilter(removed=True))
        self.tabs.setTabText(LIBRARY_TAB, self.tr("书库 ({0})").format(library))
        self.tabs.setTabText(TRASH_TAB, self.tr("回收站 ({0})").format(trash))

    def _update_status(self) -> None:
        total, flt = self.model.total, self.model.filter
        filtered = bool(flt.text or flt.kind or flt.year or flt.issuer)
        if self.in_trash():
            text = self.tr("回收站中共 %n 份报告；恢复后，报告及其批注回到书库", "", total)
        else:
            text = self.tr("共 %n 份报告", "", total)
        if filtered:
            text += self.tr("（已筛选）")
        self.status_label.setText(text)
        if total:
            self.table.empty_label.hide()
        else:
            self.table.empty_label.setText(
                self.tr("没有符合筛选条件的报告") if filtered else
                self.tr("回收站是空的") if self.in_trash() else
                self.tr("书库里还没有报告。\n用 文件 › 打开… 或 导入文件夹… 添加报告"))
            self.table.empty_label.show()
        self.primary_button.setText(self.tr("恢复") if self.in_trash() else self.tr("打开"))
        self._update_actions()

    def _update_actions(self) -> None:
        has_row = self.current_id() is not None
        trash = self.in_trash()
        self.open_action.setEnabled(has_row and not trash)
        self.remove_action.setEnabled(has_row and not trash)
        self.restore_action.setEnabled(has_row and trash)
        self.rename_action.setEnabled(has_row)
        self.primary_button.setEnabled(has_row)
        self.export_action.setEnabled(self.model.total > 0)
        self.export_button.setEnabled(self.model.total > 0)

    # -- the selected report -----------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.entry(index.row()).id

    def select_id(self, doc_id: int | None) -> None:
        """Select a listed report (None, or one not fetched: the first row)."""
        row = self.model.row_of(doc_id) if doc_id is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, TITLE_COLUMN))
            self.table.selectRow(row)
        self._update_actions()

    def _request(self, signal) -> None:
        doc_id = self.current_id()
        if doc_id is not None:
            signal.emit(doc_id)

    def _on_activated(self, index: QModelIndex) -> None:
        """Enter or a double-click: open the report (restore it, in the 回收站)."""
        if index.isValid():
            (self.restoreRequested if self.in_trash() else self.openRequested).emit(self.model.entry(index.row()).id)

    def context_menu(self) -> QMenu:
        """The row menu: 打开 / 重命名… / 移到回收站… (恢复 in the 回收站), then 导出列表为 CSV…."""
        menu = QMenu(self)
        if self.in_trash():
            menu.addAction(self.restore_action)
        else:
            menu.addAction(self.open_action)
        menu.addAction(self.rename_action)
        if not self.in_trash():
            menu.addAction(self.remove_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        return menu

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if index.isValid():
            self.table.setCurrentIndex(index)
        self.context_menu().exec(self.table.viewport().mapToGlobal(point))

    # -- showing and remembering -------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._columns_fitted:
            self._columns_fitted = True
            self.table.fit_columns()
        self.filter_bar.text_box.setFocus()            # type to filter, Enter or Down to the list
        self.filter_bar.text_box.selectAll()

    def focus_list(self) -> None:
        """Into the table, a row selected (the first when none is)."""
        if self.current_id() is None:
            self.select_id(None)
        self.table.setFocus()

    def state(self) -> dict[str, Any]:
        """What to remember: the sort and the header's column widths and order."""
        header = bytes(self.table.horizontalHeader().saveState().toBase64()).decode("ascii")
        return {"sort": self.model.sort_key, "descending": self.model.descending, "header": header}

    def restore_state(self, state: dict[str, Any]) -> None:
        """Take back a remembered state (a bad or foreign one is ignored)."""
        header = state.get("header")
        if isinstance(header, str) and header:
            if self.table.horizontalHeader().restoreState(QByteArray.fromBase64(header.encode("ascii"))):
                self._columns_fitted = True
        sort = state.get("sort")
        if isinstance(sort, str) and any(c.key == sort for c in COLUMNS):
            order = Qt.SortOrder.DescendingOrder if state.get("descending") else Qt.SortOrder.AscendingOrder
            self.table.horizontalHeader().setSortIndicator(column_of(sort), order)   # sorts the model
