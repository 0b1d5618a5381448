"""Counting a library search's hits off the UI thread, on its own connection; a newer query stops the older count."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from viewer.core.errors import ReportViewerError

if TYPE_CHECKING:
    from viewer.services.search import SearchFilters


class CountThread(QThread):
    """Runs services.search.count_hits for one query (its `generation`) on the library file at
    `db_path` (a SQLite connection never crosses threads) and tells the HitCounts by a signal."""

    counted = Signal(int, object)       # generation, HitCounts
    failed = Signal(int, object)        # generation, ReportViewerError

    def __init__(self, db_path: str, query: str, filters: "SearchFilters", generation: int,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.generation = generation
        self._db_path, self._query, self._filters = db_path, query, filters
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Stop counting soon (safe from any thread); nothing is told."""
        self._stop.set()

    def run(self) -> None:
        from viewer.services.search import count_hits
        from viewer.store import LibraryStore

        try:
            with LibraryStore(self._db_path) as store:
                counts = count_hits(store, self._query, self._filters, stop=self._stop.is_set)
        except ReportViewerError as exc:
            if not self._stop.is_set():
                self.failed.emit(self.generation, exc)
            return
        if counts is not None and not self._stop.is_set():
            self.counted.emit(self.generation, counts)
