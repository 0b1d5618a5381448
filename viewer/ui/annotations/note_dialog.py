"""The dialog that writes or edits a note on a selection."""

from __future__ import annotations


from PySide6.QtCore import (Qt, Signal)
from PySide6.QtGui import (QKeySequence)
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QVBoxLayout,
                               QWidget)

from viewer.ui import palette
from viewer.ui.annotations.note_editor import NoteBodyEditor


class NoteDialog(QDialog):
    """The body of a new note: the quote above a plain-text box. What is typed is saved as it is
    typed (700 ms after the last key, on focus-out, on OK): the note exists from the start."""

    bodyChanged = Signal(str)

    def __init__(self, quote: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加批注"))
        self.quote_label = QLabel(self)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_label.setWordWrap(True)
        self.quote_label.setStyleSheet("color:#5f5f5f; padding:4px; background:#fbfaf7;"
                                       f"border-left:3px solid {palette.NOTE_COLOURS[1]};")
        short = " ".join(quote.split())
        self.quote_label.setText(f"“{short[:160]}{'…' if len(short) > 160 else ''}”")
        self.editor = NoteBodyEditor(self)
        self.editor.setPlaceholderText(self.tr("写下批注…（输入后自动保存）"))
        self.editor.setMinimumSize(420, 140)
        self.editor.saveRequested.connect(lambda: self.bodyChanged.emit(self.editor.toPlainText()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("完成"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setShortcut(QKeySequence("Ctrl+Return"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def flush(self) -> None:
        self.editor.flush()

    def accept(self) -> None:
        """Done: saved and closed; if the save failed (a full disk) it stays open with the text."""
        self.flush()
        if self.editor.is_dirty():
            return
        super().accept()

    def reject(self) -> None:
        self.flush()                   # even a cancelled text is saved: it can be redone
        super().reject()
