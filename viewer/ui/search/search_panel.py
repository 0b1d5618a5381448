"""The 全库搜索 panel: a query box (Enter searches), a one-line hint of the syntax, filters, the results
tree grouped by report and a status line; the first page shows at once, the counts follow from a thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTreeView,
                               QVBoxLayout, QWidget)

from viewer.core.errors import ReportViewerError
from viewer.ui.search.count_thread import CountThread
from viewer.ui.search.filter_row import SearchFilterRow
from viewer.ui.search.hit_delegate import HitDelegate
from viewer.ui.search.results_model import HIT_ROLE, SearchResultsModel
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:
    from viewer.services.search import HitCounts, SearchFilters
    from viewer.ui.session import ReportSession

ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: palette(placeholder-text);"
TREE_INDENT = 14          # px: the snippets keep the width


class SearchPanel(QWidget):
    """Runs a query through viewer.services.search for the session's library and shows its hits."""

    hitActivated = Signal(object, object)     # SearchHit, the query's folded terms
    noteActivated = Signal(object)            # NoteHit

    def __init__(self, session: "ReportSession", parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._generation = 0
        self._awaiting = 0                  # the generation whose count has not come yet (0: none)
        self._threads: set[CountThread] = set()
        self._status: Callable[[], str] = lambda: ""
        self._terms: tuple[str, ...] = ()
        self._query = ""
        self.query_edit = QLineEdit(self)
        self.query_edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.hint_label = QLabel(self)
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.hint_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(TREE_INDENT)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(HitDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        box = QHBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.query_edit, 1)
        box.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(box)
        layout.addWidget(self.hint_label)
        self.filter_row = SearchFilterRow(self)
        layout.addWidget(self.filter_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tree, 1)
        self.query_edit.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.filter_row.filtersChanged.connect(self.refresh)
        self.tree.clicked.connect(self._activate)
        self.tree.installEventFilter(self)
        self.query_edit.installEventFilter(self)
        self.model.rowsInserted.connect(self._expand_new_groups)
        self.model.modelReset.connect(self.tree.expandAll)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self.retranslate()

    # -- texts ------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.query_edit.setPlaceholderText(self.tr("在所有报告中搜索…"))
        self.search_button.setText(self.tr("搜索"))
        self.hint_label.setText(self.tr("空格分开的词须都出现；\"引号\"内为短语；-词 排除含该词的报告"))
        self.status_label.setText(self._status())
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, 0))

    def _set_status(self, text: Callable[[], str], error: bool = False) -> None:
        """The status line, kept as a function of the UI's language so a language switch re-renders it."""
        self._status = text
        self.status_label.setText(text())
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")

    # -- searching --------------------------------------------------------------------------------

    @property
    def terms(self) -> tuple[str, ...]:
        """The folded terms of the query shown."""
        return self._terms

    def filters(self) -> "SearchFilters":
        """What the 类别, 年份 and 发文机关 combos let through."""
        return self.filter_row.current()

    def load_facets(self) -> None:
        """The combos' values from the library as it is now (the 书库's facets, with their counts)."""
        from viewer.services.catalogue import facets

        self.filter_row.set_facets(facets(self._session.store))

    def search(self, query: str | None = None) -> None:
        """Run `query` (or the box's text): the old results and count go, the first page shows now."""
        from viewer.core.search_query import parse_query
        from viewer.services.search import search_notes, search_page

        if query is not None:
            self.query_edit.setText(query)
        text = self.query_edit.text()
        self._generation += 1
        self._stop_counts()
        self._query = text
        if not text.strip():                # an empty box: nothing asked, nothing to say
            self._terms = ()
            self.model.clear()
            self._set_status(lambda: "")
            return
        try:
            parsed = parse_query(text)
        except ReportViewerError as exc:
            self._terms = ()
            self.model.clear()
            self._set_status(lambda: error_text(exc), error=True)
            return
        store, filters = self._session.store, self.filters()
        self._terms = parsed.terms
        self._set_status(lambda: self.tr("正在搜索…"))
        notes = search_notes(store, parsed, kind=filters.kind, year=filters.year, issuer=filters.issuer)
        self.model.start(lambda after, limit: search_page(store, parsed, after=after, limit=limit, filters=filters),
                         parsed.terms, notes)
        if not self.model.loaded_hits:
            self._show_counted(None, len(notes))
            return
        self._set_status(lambda: self.tr("已列出前 {0} 处，正在统计…").format(self.model.loaded_hits))
        self._count(text, filters, len(notes))
        first = self.model.index(0, 0, self.model.index(0, 0))
        self.tree.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)

    def refresh(self) -> None:
        """The filters or the library changed: the query shown runs again."""
        if self._terms:
            self.search(self._query)

    def _count(self, query: str, filters: "SearchFilters", notes: int) -> None:
        """The library's counts: in a thread on its own connection (inline for an in-memory library)."""
        generation = self._awaiting = self._generation
        store = self._session.store
        if store.path == ":memory:":        # a second connection would be another, empty library
            from viewer.services.search import count_hits

            self._counted(generation, count_hits(store, query, filters), notes)
            return
        thread = CountThread(store.path, query, filters, generation, self)
        thread.counted.connect(lambda gen, counts: self._counted(gen, counts, notes))
        thread.failed.connect(self._count_failed)
        thread.finished.connect(lambda: self._forget(thread))
        self._threads.add(thread)
        thread.start()

    def _counted(self, generation: int, counts: "HitCounts", notes: int) -> None:
        if generation != self._generation:
            return                          # an older query's count: a newer one is shown
        self._awaiting = 0
        self.model.set_counts(counts)
        self._show_counted(counts, notes)

    def _show_counted(self, counts: "HitCounts | None", notes: int) -> None:
        query = self._query.strip()
        total = counts.total if counts is not None else 0
        if not total and not notes:
            self._set_status(lambda: self.tr("没有找到“{0}”").format(query))
        else:
            reports = len(counts.per_report) if counts is not None else 0
            self._set_status(lambda: self.tr("共 %n 处", "hits in the library", total)
                             + self.tr("，%n 份报告", "reports holding them", reports)
                             + (self.tr("；批注与书签 %n 条", "notes found", notes) if notes else ""))

    def _count_failed(self, generation: int, error: ReportViewerError) -> None:
        if generation == self._generation:
            self._awaiting = 0
            self._set_status(lambda: error_text(error), error=True)

    @property
    def counting(self) -> bool:
        """The query shown waits for its count."""
        return self._awaiting == self._generation != 0

    def _forget(self, thread: CountThread) -> None:
        self._threads.discard(thread)
        thread.deleteLater()

    def _stop_counts(self) -> None:
        for thread in self._threads:
            thread.cancel()

    def stop(self) -> None:
        """Stop every count and wait for it (the app is quitting)."""
        for thread in list(self._threads):
            thread.cancel()
            thread.wait()

    # -- the results ------------------------------------------------------------------------------

    def _expand_new_groups(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for row in range(first, last + 1):
                self.tree.expand(self.model.index(row, 0))

    def _activate(self, index: QModelIndex) -> None:
        if self.model.is_more_row(index):
            self.model.fetchMore(QModelIndex())
            return
        item = index.data(HIT_ROLE)
        if item is None:
            return
        if hasattr(item, "uuid"):
            self.noteActivated.emit(item)
        else:
            self.hitActivated.emit(item, self._terms)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.query_edit and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.model.rowCount():
            self.tree.setFocus()            # ↓ from the query box: into the results, at the first hit
            self.tree.setCurrentIndex(self.tree.currentIndex())
            return True
        if obj is self.tree and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.tree.currentIndex()
            if index.isValid() and index.data(HIT_ROLE) is None:
                self.tree.setExpanded(index, not self.tree.isExpanded(index))
            else:
                self._activate(index)
            return True
        return super().eventFilter(obj, event)
