"""文件 › 书库…: the action, the 书库 window (made on first use) and what its rows ask for, done through
the session: open in the main window, rename, move to the 回收站 (as 文件 › 移到回收站… does), restore,
export the listed reports as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from viewer.core.errors import ReportViewerError
from viewer.store.settings import LIBRARY_VIEW
from viewer.ui import ui_language
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from viewer.services.changes import AnnotationChanges
    from viewer.ui.library.library_dialog import LibraryDialog

SHORTCUT = "Ctrl+L"
TITLE_BOX_EM = 50              # the rename box shows a long 法治政府建设 title whole


def ask_title(parent: QWidget, caption: str, label: str, title: str) -> str | None:
    """A small dialog asking for a report's new title; None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(caption)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(title)
    dialog.resize(dialog.fontMetrics().horizontalAdvance("国") * TITLE_BOX_EM, dialog.sizeHint().height())
    return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None


def get_save_file_name(*args, **kwargs) -> tuple[str, str]:
    """file_dialogs.get_save_file_name, its module loaded on first use."""
    from viewer.ui.dialogs import file_dialogs

    return file_dialogs.get_save_file_name(*args, **kwargs)


class LibraryActions(QObject):
    """The 书库… action of a main window and the one 书库 window it shows (kept while the app runs,
    so its tab, filter and sort stay as they were left)."""

    def __init__(self, window: "QMainWindow"):    # the MainWindow: session, open_document, notify, trash
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.library_action = QAction(window)
        self.library_action.setShortcut(QKeySequence(SHORTCUT))
        self.library_action.triggered.connect(lambda _checked=False: self.show_library())
        self._dialog: LibraryDialog | None = None
        self.session.catalogueChanged.connect(self._on_catalogue_changed)
        self.session.reportsImported.connect(lambda _result: self._reload_if_shown())
        self.session.annotationsChanged.connect(self._on_annotations_changed)
        self.session.languageChanged.connect(lambda _lang: self.retranslate())
        self.session.documentOpened.connect(
            lambda doc_id: self._dialog is not None and self._dialog.model.set_open_id(doc_id))
        self.retranslate()

    def retranslate(self) -> None:
        self.library_action.setText(self.tr("书库(&L)…"))
        self.library_action.setStatusTip(self.tr("所有报告：排序、筛选、打开、重命名、移到回收站"))

    @property
    def dialog(self) -> "LibraryDialog":
        """The 书库 window (built on first use, with the remembered sort and column widths)."""
        if self._dialog is None:
            from viewer.ui.library.library_dialog import LibraryDialog
            from viewer.ui.library.source import StoreSource

            dialog = self._dialog = LibraryDialog(StoreSource(self.session.store), self.window)
            dialog.restore_state(self.session.get_setting(LIBRARY_VIEW))
            dialog.openRequested.connect(self.open_report)
            dialog.renameRequested.connect(self.rename_report)
            dialog.removeRequested.connect(self.remove_report)
            dialog.restoreRequested.connect(self.restore_report)
            dialog.exportRequested.connect(self.export_csv)
            dialog.finished.connect(lambda _result: self.save_state())
        return self._dialog

    def show_library(self) -> "LibraryDialog":
        """Show the 书库 (read afresh), the open report selected."""
        dialog = self.dialog
        dialog.model.set_open_id(self.session.doc_id)
        dialog.reload()
        if self.session.doc_id is not None and not dialog.in_trash():
            dialog.select_id(self.session.doc_id)
        dialog.show()
        if QGuiApplication.platformName() != "offscreen":     # (no window stack to raise it in)
            dialog.raise_()
        dialog.activateWindow()
        return dialog

    def save_state(self) -> None:
        if self._dialog is not None:
            state = self._dialog.state()
            self.session.best_effort(lambda: self.session.set_setting(LIBRARY_VIEW, state))

    # -- what the rows ask for ---------------------------------------------------------------------

    def open_report(self, doc_id: int) -> None:
        """Open the report in the main window; the 书库 closes (Ctrl+L brings it back as it was)."""
        try:
            self.window.open_document(doc_id)
        except ReportViewerError as exc:
            QMessageBox.warning(self.dialog, self.tr("无法打开报告"), error_text(exc))
            return
        self.dialog.accept()

    def rename_report(self, doc_id: int) -> bool:
        """Ask for a new title and keep it; a blank one is refused with a message and nothing changes."""
        entry = self.dialog.source.entry(doc_id)
        title = ask_title(self.dialog, self.tr("重命名报告"), self.tr("《{0}》的新标题：").format(entry.title),
                          entry.title)
        if title is None or title.strip() == entry.title:
            return False
        try:
            self.session.rename_report(doc_id, title)
        except ReportViewerError as exc:
            QMessageBox.warning(self.dialog, self.tr("重命名报告"), error_text(exc))
            return False
        return True

    def remove_report(self, doc_id: int) -> bool:
        """Into the 回收站 after the confirmation 文件 › 移到回收站… asks (the open report: another opens)."""
        return self.window.trash.remove_report(doc_id, parent=self.dialog) is not None

    def restore_report(self, doc_id: int) -> bool:
        """Back from the 回收站 with its notes."""
        try:
            change = self.session.restore_report(doc_id)
        except ReportViewerError as exc:
            QMessageBox.warning(self.dialog, self.tr("恢复"), error_text(exc))
            return False
        self.window.notify(self.tr("已恢复：{0}").format(change.title))
        return True

    def export_csv(self) -> None:
        path, _ = get_save_file_name(self.dialog, self.tr("导出列表为 CSV"),
                                     str(Path.home() / (self.tr("书库") + ".csv")), "CSV (*.csv)")
        if path:
            self.write_csv(path if path.lower().endswith(".csv") else path + ".csv")

    def write_csv(self, path: str) -> bool:
        """Every report the 书库 lists now (not only the fetched rows), in its order, in the UI's
        language; UTF-8 with a BOM like the app's other CSV files, so Excel opens it."""
        from viewer.services.catalogue import catalogue_csv

        entries = self.dialog.model.all_entries()
        try:
            Path(path).write_text(catalogue_csv(entries, ui_language.current()), encoding="utf-8-sig", newline="")
        except OSError as exc:
            QMessageBox.warning(self.dialog, self.tr("导出失败"),
                                self.tr("{0}：无法写入（{1}）；请另选位置").format(path, exc.strerror))
            return False
        self.window.notify(self.tr("已导出 %n 份报告：{0}", "", len(entries)).format(path))
        return True

    # -- what changed elsewhere --------------------------------------------------------------------

    def _reload_if_shown(self) -> None:
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.reload()

    def _on_catalogue_changed(self, change) -> None:
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.apply_change(change.document_ids, change.what)

    def _on_annotations_changed(self, changes: "AnnotationChanges") -> None:
        """A note written or deleted: the 笔记 count of its report (the open one) is read again."""
        if self._dialog is not None and self._dialog.isVisible():
            ids = {a.document_id for a in changes.added + changes.updated}
            if self.session.doc_id is not None:
                ids.add(self.session.doc_id)
            self._dialog.apply_change(ids, "notes")
