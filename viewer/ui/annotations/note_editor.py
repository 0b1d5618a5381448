"""The inline editor of a note card body: plain text, saved after a pause in typing."""

from __future__ import annotations


from PySide6.QtCore import (QTimer, Signal)
from PySide6.QtGui import (QTextOption)
from PySide6.QtWidgets import (QPlainTextEdit, QWidget)



SAVE_DELAY_MS = 700          # a pause in typing this long saves the body


class NoteBodyEditor(QPlainTextEdit):
    """A plain-text body editor that asks to be saved 700 ms after the last keystroke and on
    focus-out, so what is typed is never more than a second from the library."""

    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._dirty = False
        self._saving = False
        self.textChanged.connect(self._on_changed)

    def set_text_quietly(self, text: str) -> None:
        """Set the text without counting it as typing."""
        if text != self.toPlainText():
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)
            self.moveCursor(self.textCursor().MoveOperation.End)

    def _on_changed(self) -> None:
        self._dirty = True
        self._timer.start()

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_saved(self) -> None:
        """What the editor holds is in the library now (saved by whoever asked)."""
        self._timer.stop()
        self._dirty = False

    def save_failed(self) -> None:
        """The save did not reach the library (a full disk): the text stays here, unsaved, and the
        next pause in typing, focus-out or flush saves it again."""
        self._dirty = True

    def is_saving(self) -> bool:
        """A save asked for by flush is running (a message box it shows must not start another)."""
        return self._saving

    def flush(self) -> None:
        """Ask for a save now if anything was typed since the last one."""
        self._timer.stop()
        if self._dirty and not self._saving:
            self._dirty = False
            self._saving = True
            try:
                self.saveRequested.emit()
            finally:
                self._saving = False

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)
