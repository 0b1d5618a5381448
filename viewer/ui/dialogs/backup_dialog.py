"""The 备份与恢复 dialog: the library's backups (time, size, reports, notes), back up now off the UI
thread, restore the selected one (checked first, the current library kept aside, then reopened), open the folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from viewer.core.errors import ReportViewerError
from viewer.services import backups
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:
    from viewer.services.backups import BackupEntry

TIME, SIZE, REPORTS, NOTES = range(4)


class BackupThread(QThread):
    """Backs the library at `db_path` up through its own connection (the whole file is read; the
    window's connection keeps writing meanwhile, SQLite's write-ahead log lets both)."""

    backedUp = Signal(object)               # BackupEntry
    failed = Signal(object)                 # ReportViewerError

    def __init__(self, db_path: str, parent: QObject | None = None):
        super().__init__(parent)
        self._db_path = db_path

    def run(self) -> None:
        from viewer.store import LibraryStore

        try:
            with LibraryStore(self._db_path) as store:
                self.backedUp.emit(backups.back_up_now(store))
        except ReportViewerError as exc:
            self.failed.emit(exc)


def local_time_text(entry: "BackupEntry") -> str:
    """When a backup was written, in the computer's time zone, to the second."""
    if entry.taken is None:
        return entry.path.name
    return f"{entry.taken.astimezone():%Y-%m-%d %H:%M:%S}"


class BackupDialog(QDialog):
    """Lists the backups beside the library of `window` (a MainWindow: its session, commit_typing,
    save_position, save_layout, batch_import) and backs up, restores and opens the folder."""

    restored = Signal(object)               # Restored: the library is the backup now, reopened

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window_ = window
        self.thread: BackupThread | None = None
        self.entries: list[BackupEntry] = []
        self._empty_text = ""                   # the hint of an empty list, in the language it was shown in
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 4, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(TIME, QHeaderView.ResizeMode.Stretch)
        for column in (SIZE, REPORTS, NOTES):
            self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_up_button = QPushButton(self)
        self.restore_button = QPushButton(self)
        self.folder_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        window.session.languageChanged.connect(lambda _lang: self.retranslate())
        self.resize(720, 420)
        self.retranslate()

    # -- what is shown --------------------------------------------------------------------------

    @property
    def library_path(self) -> str:
        return self.window_.session.store.path

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("备份与恢复"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("备份时间"), self.tr("大小"), self.tr("报告"), self.tr("批注和书签")])
        self.back_up_button.setText(self.tr("立即备份(&N)"))
        self.restore_button.setText(self.tr("恢复所选备份(&R)…"))
        self.folder_button.setText(self.tr("打开备份文件夹(&F)"))
        self.close_button.setText(self.tr("关闭"))
        self._show_intro()
        self.fill()

    def _show_intro(self) -> None:
        self.intro.setText(self.tr(
            "资料库：{0}\n备份保存在 {1}。每天第一次使用时自动备份一次，结构升级和全部重新解析之前也会备份；"
            "只保留最近 {2} 个。").format(self.library_path, backups.folder(self.library_path), backups.KEEP))

    def refresh(self) -> None:
        """Read the backups folder again (each backup opened read-only for its counts)."""
        self.entries = [] if self.library_path == ":memory:" else backups.list_backups(self.library_path)
        self._show_intro()
        self.fill()

    def fill(self) -> None:
        selected = self.selected()
        locale_size = self.size_text
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (local_time_text(entry), locale_size(entry.size),
                     self.tr("无法读取") if entry.reports is None else str(entry.reports),
                     "" if entry.notes is None else str(entry.notes))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(entry.path))
                if column != TIME:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        empty = self.tr("还没有备份。点“立即备份”备份一次。")
        if not self.entries:
            self.status.setText(empty)
        elif self.status.text() in (empty, self._empty_text):
            self.status.clear()
        self._empty_text = empty
        chosen = next((i for i, e in enumerate(self.entries) if selected and e.path == selected.path), 0)
        if self.entries:
            self.table.selectRow(chosen)
        self._update_buttons()

    def size_text(self, size: int) -> str:
        """A file size as people read it: 2.1 MB (1024-based, the units Chinese file managers show)."""
        return self.locale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)

    def selected(self) -> "BackupEntry | None":
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.entries):
            return None
        return self.entries[rows[0].row()]

    def _update_buttons(self) -> None:
        busy = self.thread is not None
        on_disk = self.library_path != ":memory:"
        self.back_up_button.setEnabled(on_disk and not busy)
        self.restore_button.setEnabled(on_disk and not busy and self.selected() is not None)
        self.folder_button.setEnabled(on_disk)

    # -- back up now ----------------------------------------------------------------------------

    def back_up_now(self) -> bool:
        """Start a backup in a worker thread; its result is said in the dialog. False if one runs."""
        if self.thread is not None or self.library_path == ":memory:":
            return False
        self.window_.commit_typing()             # what is being typed goes into the backup too
        self.thread = BackupThread(self.library_path, self)
        self.thread.backedUp.connect(self._backed_up)
        self.thread.failed.connect(self._backup_failed)
        self.thread.finished.connect(self._thread_done)
        self.status.setText(self.tr("正在备份……资料库越大越久，可以继续阅读。"))
        self._update_buttons()
        self.thread.start()
        return True

    def _backed_up(self, entry: "BackupEntry") -> None:
        self.refresh()
        self.status.setText(self.tr("已备份：{0}（{1}，{2} 份报告，{3} 条批注和书签）。").format(
            entry.path, self.size_text(entry.size), entry.reports, entry.notes))

    def _backup_failed(self, error: ReportViewerError) -> None:
        self.status.setText(self.tr("备份失败。"))
        QMessageBox.warning(self, self.tr("无法备份"), error_text(error))

    def _thread_done(self) -> None:
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
            self.thread = None
        self._update_buttons()

    def wait_for_backup(self) -> None:
        """Block until a running backup ends (closing the window, restoring)."""
        if self.thread is not None:
            self.thread.wait()
            QGuiApplication.processEvents()

    def done(self, result: int) -> None:
        self.wait_for_backup()
        super().done(result)

    # -- restore --------------------------------------------------------------------------------

    def restore_selected(self):
        """Check the selected backup, confirm (saying where the current library is kept), then swap
        it in under the window's session and reopen; returns the Restored, or None if not done."""
        entry, window = self.selected(), self.window_
        if entry is None or self.thread is not None:
            return None
        title = self.tr("恢复备份")
        if window.batch_import.running:
            QMessageBox.information(self, title, self.tr("正在导入报告；请等导入完成后再恢复备份。"))
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backups.check(self.library_path, entry.path)          # the whole backup is read
        except ReportViewerError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, error_text(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        question = self.tr(
            "用 {0} 的备份（{1} 份报告，{2} 条批注和书签）替换当前资料库？\n\n"
            "当前资料库不会删除：它改名为 {3}，保存在 {4}。备份之后的更改（新批注、导入的报告）"
            "不在备份里，但仍在这个保留的文件中。\n\n恢复后资料库重新打开，窗口显示恢复的内容。").format(
            local_time_text(entry), entry.reports, entry.notes, backups.aside_name(self.library_path),
            backups.folder(self.library_path).parent)
        answer = QMessageBox.question(self, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self._restore(entry)

    def _restore(self, entry: "BackupEntry"):
        window, title = self.window_, self.tr("恢复备份")
        window.commit_typing()                   # typed text goes into the library kept aside
        window.save_position()
        window.save_layout()
        session, library = window.session, self.library_path
        before = session.store
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = session.replace_library(lambda: backups.restore(library, entry.path))
        except ReportViewerError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, title, error_text(exc))
            if session.store is before:          # the library did not open again: nothing more can be done here
                window.close()
            self.refresh()
            return None
        QGuiApplication.restoreOverrideCursor()
        self.refresh()
        where = self.tr("原来的资料库保存在 {0}。").format(done.aside) if done.aside else ""
        self.status.setText(self.tr("已用 {0} 的备份恢复资料库。").format(local_time_text(entry)) + where)
        QMessageBox.information(self, title, self.status.text())
        self.restored.emit(done)
        return done

    # -- the folder -----------------------------------------------------------------------------

    def open_folder(self) -> bool:
        """Show the backups folder in the file manager (made if there is none yet)."""
        folder = backups.folder(self.library_path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
