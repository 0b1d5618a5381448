"""The 目录 dock: the section tree model, a title filter, and selection that follows reading."""

from __future__ import annotations

from PySide6.QtCore import (QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from viewer.core.model import SectionNode

NodeRole = Qt.ItemDataRole.UserRole + 1


class SectionTreeModel(QAbstractItemModel):
    """A read-only tree of SectionNode; one column: number + title."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._roots: list[SectionNode] = []
        self._parent: dict[int, SectionNode | None] = {}
        self._row: dict[int, int] = {}

    def set_sections(self, roots: list[SectionNode]) -> None:
        self.beginResetModel()
        self._roots = list(roots)
        self._parent.clear()
        self._row.clear()

        def walk(nodes: list[SectionNode], parent: SectionNode | None) -> None:
            for row, node in enumerate(nodes):
                self._parent[id(node)] = parent
                self._row[id(node)] = row
                walk(node.children, node)

        walk(self._roots, None)
        self.endResetModel()

    def _children(self, parent: QModelIndex | QPersistentModelIndex) -> list[SectionNode]:
        if not parent.isValid():
            return self._roots
        return parent.internalPointer().children

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        children = self._children(parent)
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, child=QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        parent = self._parent.get(id(child.internalPointer()))
        if parent is None:
            return QModelIndex()
        return self.createIndex(self._row[id(parent)], 0, parent)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: SectionNode = index.internalPointer()
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.number} {node.title}".strip()
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{node.number}{node.title}"
        if role == NodeRole:
            return node
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("章节")
        return None

    def index_for_node(self, node: SectionNode) -> QModelIndex:
        if id(node) not in self._row:
            return QModelIndex()
        return self.createIndex(self._row[id(node)], 0, node)


class SectionTreePanel(QWidget):
    """The dock's content: a filter box over a tree view. Emits the node the user picked."""

    sectionActivated = Signal(object)   # SectionNode

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = SectionTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("筛选标题…"))
        self.view = QTreeView(self)
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)
        self._following = False
        self._expanded_before_filter: list[SectionNode] | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("筛选标题…"))

    def set_sections(self, roots: list[SectionNode]) -> None:
        self.model.set_sections(roots)
        self._expanded_before_filter = None
        if self.proxy.filterRegularExpression().pattern():
            self.view.expandAll()
        else:
            self.view.expandToDepth(0)

    def _on_filter(self, text: str) -> None:
        """Filtering shows every match expanded; clearing the box brings back the user's expansion."""
        needle = text.strip()
        if needle and not self.proxy.filterRegularExpression().pattern():
            self._expanded_before_filter = self.expanded_nodes()
        self.proxy.setFilterFixedString(needle)
        if needle:
            self.view.expandAll()
            return
        self.view.collapseAll()
        if self._expanded_before_filter is None:        # filtered since the report opened
            self.view.expandToDepth(0)
        else:
            for node in self._expanded_before_filter:
                self.view.setExpanded(self.proxy.mapFromSource(self.model.index_for_node(node)), True)
        self._expanded_before_filter = None
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def expanded_nodes(self) -> list[SectionNode]:
        """The sections whose children the tree shows now, in tree order."""
        found: list[SectionNode] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.view.isExpanded(index):
                    found.append(self.proxy.mapToSource(index).data(NodeRole))
                    walk(index)

        walk(QModelIndex())
        return found

    def _on_clicked(self, proxy_index: QModelIndex) -> None:
        if self._following:
            return
        node = self.proxy.mapToSource(proxy_index).data(NodeRole)
        if node is not None:
            self.sectionActivated.emit(node)

    def follow(self, node: SectionNode | None) -> None:
        """Select `node` as the reading position moves, without emitting sectionActivated."""
        if node is None:
            self.view.setCurrentIndex(QModelIndex())
            self.view.clearSelection()
            return
        proxy_index = self.proxy.mapFromSource(self.model.index_for_node(node))
        if not proxy_index.isValid() or proxy_index == self.view.currentIndex():
            return
        self._following = True
        try:
            self.view.setCurrentIndex(proxy_index)
            self.view.scrollTo(proxy_index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._following = False

    def current_node(self) -> SectionNode | None:
        index = self.view.currentIndex()
        return self.proxy.mapToSource(index).data(NodeRole) if index.isValid() else None
