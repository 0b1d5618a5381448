"""Moving a report into the 回收站 after a confirmation box (文件 › 移到回收站… for the open one, the 书库 for
any); when it was the open one, the window opens another."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.core.errors import ReportViewerError
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from viewer.services.library import TrashChange


class TrashActions(QObject):
    """The 移到回收站 action and the removal the 书库 asks for: asks first, removes through the session,
    opens the newest report left when the open one went."""

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
        if self.window.session.doc_id is None:
            return None
        return self.remove_report(self.window.session.doc_id)

    def remove_report(self, doc_id: int, parent: QWidget | None = None) -> TrashChange | None:
        """Confirm (in a box over `parent`, else the window), move a report into the 回收站; when it is
        the open one, open the newest left (the only report, open, is refused). None if not done."""
        session, window = self.window.session, self.window
        parent = parent or window
        is_open = doc_id == session.doc_id
        title = session.title if is_open else session.store.document_info(doc_id).title
        others = [info.id for info in session.store.documents() if info.id != doc_id]
        if is_open and not others:
            QMessageBox.information(parent, self.tr("移到回收站"), self.tr(
                "《{0}》是资料库中唯一的报告，打开时不能移到回收站；请先导入另一份报告。").format(title))
            return None
        notes = len(session.annotations()) if is_open else len(session.store.annotations(doc_id))
        answer = QMessageBox.question(parent, self.tr("移到回收站"), self.tr(
            "把《{0}》及其 {1} 条批注、书签和高亮移到回收站？\n"
            "可随时恢复：在 文件 › 书库… 的回收站中，再次导入同一文件，或运行 report-viewer restore {2}；"
            "批注不会丢失。").format(title, notes, doc_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            change = session.remove_report(doc_id)
        except ReportViewerError as exc:
            QMessageBox.warning(parent, self.tr("移到回收站"), error_text(exc))
            return None
        if is_open:
            window.open_document(others[-1])
        window.notify(self.tr("已移到回收站：{0}").format(change.title))
        return change
