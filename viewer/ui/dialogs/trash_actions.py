"""文件 › 移到回收站: the open report into the 回收站 after a confirmation box; the window then opens another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from viewer.core.errors import ReportViewerError
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from viewer.services.library import TrashChange


class TrashActions(QObject):
    """The 移到回收站 action: asks first, removes through the session, opens the newest report left."""

    def __init__(self, window: QMainWindow):         # the MainWindow: its session, open_document, notify
        super().__init__(window)
        self.window = window
        self.remove_action = QAction(window)
        self.remove_action.triggered.connect(lambda _checked=False: self.remove_open_report())
        window.session.languageChanged.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        self.remove_action.setText(self.tr("移到回收站(&D)…"))

    def remove_open_report(self) -> TrashChange | None:
        """Confirm, move the open report into the 回收站 and open the newest one left; None if not done."""
        session, window = self.window.session, self.window
        if session.doc_id is None:
            return None
        others = [info.id for info in session.store.documents() if info.id != session.doc_id]
        if not others:
            QMessageBox.information(window, self.tr("移到回收站"), self.tr(
                "《{0}》是资料库中唯一的报告，打开时不能移到回收站；请先导入另一份报告。").format(session.title))
            return None
        notes = len(session.annotations())
        answer = QMessageBox.question(window, self.tr("移到回收站"), self.tr(
            "把《{0}》及其 {1} 条批注、书签和高亮移到回收站？\n"
            "可随时恢复：再次导入同一文件，或运行 report-viewer restore {2}；批注不会丢失。").format(session.title, notes, session.doc_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            change = session.remove_open_report()
        except ReportViewerError as exc:
            QMessageBox.warning(window, self.tr("移到回收站"), error_text(exc))
            return None
        window.open_document(others[-1])
        window.notify(self.tr("已移到回收站：{0}").format(change.title))
        return change
