"""全库搜索 in the window: the search dock (Ctrl+Shift+F), and a hit opened in the report pane at its
place, selected, with the query's terms marked by the find bar's marks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from viewer.ui.search.search_panel import SearchPanel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from viewer.services.search import NoteHit, SearchHit

#: Share of the window's width the dock takes when it first opens (the snippets need room).
DOCK_SHARE = 0.3


class LibrarySearch(QObject):
    """The search dock of one window: tabbed with the 目录 on the left; hits open through the window's session."""

    def __init__(self, window: "QMainWindow"):
        """`window` is the MainWindow (its session, report pane, find bar and docks)."""
        super().__init__(window)
        self._window = window
        self.panel = SearchPanel(window.session, window)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("searchDock")
        self.dock.setWidget(self.panel)
        # where the user last left it (the window's saved layout), else tabbed with the 目录
        self._sized = window.restoreDockWidget(self.dock)
        if not self._sized:
            window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
            window.tabifyDockWidget(window.tree_dock, self.dock)
        window.docks_menu.addAction(self.dock.toggleViewAction())
        self.panel.hitActivated.connect(self.go_to_hit)
        self.panel.noteActivated.connect(self.go_to_note)
        window.session.languageChanged.connect(lambda _lang: self.retranslate())
        window.session.reportsImported.connect(lambda _result: (self.panel.load_facets(), self.panel.refresh()))
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self._window and event.type() == QEvent.Type.Close:
            self.panel.stop()               # a count still running ends before the window goes
        return super().eventFilter(obj, event)

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("全库搜索"))

    def open(self) -> None:
        """Show the dock with the query box focused; a one-line selection in the report is the query."""
        window = self._window
        self.panel.load_facets()
        self.dock.show()
        self.dock.raise_()
        if not self._sized:
            self._sized = True
            window.resizeDocks([self.dock], [round(window.width() * DOCK_SHARE)], Qt.Orientation.Horizontal)
        selected = window.view.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) <= 40:
            self.panel.query_edit.setText(selected)
        self.panel.query_edit.setFocus()
        self.panel.query_edit.selectAll()
        # a dock the saved layout put in a tab group gets its tab only on the next turn of the loop
        QTimer.singleShot(0, self._bring_forward)

    def _bring_forward(self) -> None:
        self.dock.raise_()
        self.panel.query_edit.setFocus()

    def go_to_hit(self, hit: "SearchHit", terms: tuple[str, ...]) -> None:
        """Open the hit's report (if another is open) at the hit, select it, and mark the query's
        terms as find marks: the find bar holds the first term and steps through its hits from here."""
        from viewer.core.search import TextSearcher

        window = self._window
        if window.doc_id != hit.document_id:
            window.open_document(hit.document_id)
        view, bar = window.view, window.find_bar
        focus = window.focusWidget()
        term = terms[0] if terms else ""
        bar.open_bar(term)
        view.scroll_to_offset(hit.start)
        window.run_find(term)                        # marks the term; its current hit is at the top line
        searcher = TextSearcher(window.session.text)
        own = searcher.find(term).hits
        if hit.start in {s for s, _e in own}:
            self._step_to(own.index(next(h for h in own if h[0] == hit.start)))
        if len(terms) > 1:                           # the other terms marked too, in the same marks
            marks = sorted({span for t in terms for span in searcher.find(t).hits})
            view.set_find_hits(marks, next((i for i, (s, _e) in enumerate(marks) if s == hit.start), -1))
        view.select_offsets(hit.start, hit.end)
        view.centerCursor()
        if focus is not None and self.panel.isAncestorOf(focus):
            focus.setFocus()                         # the results keep the keyboard: ↓ Enter opens the next

    def _step_to(self, target: int) -> None:
        """Move the find bar's current hit to `target` by its own next / previous steps (the shorter way)."""
        window = self._window
        current, total = window.find_count()
        if total == 0 or current < 0:
            return
        forward = (target - current) % total
        step, count = (window.next_hit, forward) if forward <= total - forward else (window.previous_hit, total - forward)
        for _ in range(count):
            step()

    def go_to_note(self, note: "NoteHit") -> None:
        """Open the note's report at the note, shown selected in its tab."""
        window = self._window
        if window.doc_id != note.document_id:
            window.open_document(note.document_id)
        annotation = window.session.annotation(note.uuid)
        window.go_to_annotation(annotation)
        window.show_annotation(annotation)
