"""文件 › 备份与恢复…: the action opening the backup dialog, and the window shown afresh when a restored backup replaced the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from viewer.ui.dialogs.backup_dialog import BackupDialog


class BackupActions(QObject):
    """The 备份与恢复… action (the dialog loads on first use) and what the window does after a restore."""

    def __init__(self, window: QMainWindow):         # the MainWindow: its session, open_document, notify
        super().__init__(window)
        self.window = window
        self.dialog: BackupDialog | None = None
        self.backups_action = QAction(window)
        self.backups_action.triggered.connect(lambda _checked=False: self.open_dialog())
        window.session.languageChanged.connect(lambda _lang: self.retranslate())
        window.session.libraryReplaced.connect(self.show_replaced_library)
        self.retranslate()

    def retranslate(self) -> None:
        self.backups_action.setText(self.tr("备份与恢复(&B)…"))
        self.backups_action.setStatusTip(self.tr("查看资料库的备份、立即备份，或用一个备份恢复资料库"))

    def open_dialog(self) -> "BackupDialog":
        """Show the dialog (one per window, its list read afresh each time)."""
        from viewer.ui.dialogs.backup_dialog import BackupDialog      # start-up: loads on first use

        if self.dialog is None:
            self.dialog = BackupDialog(self.window)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def show_replaced_library(self) -> None:
        """The library was replaced under the window: the last report read in it, else its newest."""
        from viewer.store.settings import LAST_DOCUMENT

        session = self.window.session
        last = session.get_setting(LAST_DOCUMENT)
        live = [info.id for info in session.store.documents()]
        if last in live:
            self.window.open_document(last)
        elif live:
            self.window.open_document(live[-1])
