"""Batch import in the window: files and folders imported off the UI thread, a progress dialog, a summary."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from viewer.core.errors import ReportViewerError
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from viewer.services.library import BatchResult
    from viewer.ui.session import ReportSession

# Failures listed one by one in the summary; the rest are counted.
SUMMARY_FAILURES = 10


class ImportThread(QThread):
    """Imports `paths` into the library file at `db_path` through its own connection (a SQLite
    connection never crosses threads); tells its progress and its BatchResult by signals."""

    progressed = Signal(int, int, str)      # n (1-based), total, path of the file being read
    finishedImport = Signal(object)         # BatchResult
    failedToOpen = Signal(object)           # ReportViewerError: the library did not open

    def __init__(self, db_path: str, paths: list[str], parent: QObject | None = None):
        super().__init__(parent)
        self._db_path = db_path
        self._paths = paths
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Stop after the file being read now (safe from any thread)."""
        self._stop.set()

    def run(self) -> None:
        from viewer.services.library import import_paths
        from viewer.store import LibraryStore

        try:
            with LibraryStore(self._db_path) as store:
                result = import_paths(store, self._paths, self.progressed.emit, self._stop.is_set)
        except ReportViewerError as exc:
            self.failedToOpen.emit(exc)
            return
        self.finishedImport.emit(result)


class BatchImport(QObject):
    """File › 导入文件夹… and many dropped files: runs an ImportThread with a QProgressDialog
    (n / N, the current file, Cancel), then a summary box; the session hears of the new reports."""

    finished = Signal(object)               # BatchResult, after the summary is shown

    def __init__(self, session: "ReportSession", window: "QWidget"):
        super().__init__(window)
        self._session = session
        self._window = window
        self.thread: ImportThread | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.summary_box: QMessageBox | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def running(self) -> bool:
        return self.thread is not None

    def choose_folder(self) -> None:
        """Ask for a folder and import every report under it."""
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("导入文件夹"))
        if folder:
            self.start([folder])

    def start(self, paths: list[str | os.PathLike]) -> bool:
        """Import `paths` (files and folders) in the background; False when an import is running."""
        if self.running:
            return False
        paths = [os.fspath(p) for p in paths]
        if self._session.store.path == ":memory:":      # a second connection would be another, empty library
            from viewer.services.library import import_paths

            self._done(import_paths(self._session.store, paths))
            return True
        self.thread = ImportThread(self._session.store.path, paths)
        self.thread.progressed.connect(self._show_progress)
        self.thread.finishedImport.connect(self._done)
        self.thread.failedToOpen.connect(self._failed)
        dialog = QProgressDialog(self.tr("正在准备导入…"), self.tr("取消"), 0, 0, self._window)
        dialog.setWindowTitle(self.tr("导入报告"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)    # the window stays usable; modal setValue re-enters the loop
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("导") * 32)   # long file names, the title
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(self.thread.cancel)
        self.progress_dialog = dialog
        dialog.show()
        self.thread.start()
        return True

    def cancel(self) -> None:
        """What the dialog's Cancel does: the import stops after the current file."""
        if self.thread is not None:
            self.thread.cancel()
        if self.progress_dialog is not None:
            self.progress_dialog.cancel()

    def stop(self) -> None:
        """Cancel and wait for the thread (the app is quitting)."""
        if self.thread is not None:
            self.thread.cancel()
            self.thread.wait()

    def _show_progress(self, n: int, total: int, path: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        dialog.setLabelText(self.tr("{0} / {1}：{2}").format(n, total, os.path.basename(path)))
        dialog.setMaximum(total)
        dialog.setValue(n - 1)

    def _finish_thread(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog.hide()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
            self.thread = None

    def _failed(self, error: ReportViewerError) -> None:
        self._finish_thread()
        QMessageBox.warning(self._window, self.tr("无法导入"), error_text(error))

    def _done(self, result: "BatchResult") -> None:
        self._finish_thread()
        self._session.announce_imported(result)
        box = QMessageBox(QMessageBox.Icon.Information if not result.failed else QMessageBox.Icon.Warning,
                          self.tr("导入完成"), self.summary_text(result), QMessageBox.StandardButton.Ok,
                          self._window)
        if result.failed:
            box.setDetailedText("\n".join(error_text(error) for _path, error in result.failed))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_box = box
        box.open()
        self.finished.emit(result)

    def summary_text(self, result: "BatchResult") -> str:
        """Imported, already in the library, failed with each reason (the first SUMMARY_FAILURES)."""
        lines = [self.tr("已导入 {0} 份，已在资料库中 {1} 份，失败 {2} 份。").format(
            len(result.imported), len(result.already), len(result.failed))]
        if result.cancelled:
            lines.append(self.tr("导入已取消，其余文件没有导入。"))
        for _path, error in result.failed[:SUMMARY_FAILURES]:
            lines.append("• " + error_text(error))
        if len(result.failed) > SUMMARY_FAILURES:
            lines.append(self.tr("……另有 {0} 个文件失败（见详细信息）。").format(
                len(result.failed) - SUMMARY_FAILURES))
        return "\n".join(lines)
