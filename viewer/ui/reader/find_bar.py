"""The find bar (Ctrl+F): incremental search with every hit marked and an n/N counter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Only the widgets: the window runs the search and tells the bar the count."""

    queryChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.counter = QLabel(self)
        self.counter.setMinimumWidth(70)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("▲")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.label = QLabel(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.retranslate()
        self.edit.textChanged.connect(self.queryChanged)
        self.edit.returnPressed.connect(self._on_return)
        self.prev_button.clicked.connect(self.previousRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.close_button.clicked.connect(self.close_bar)
        self.edit.installEventFilter(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("查找"))
        self.edit.setPlaceholderText(self.tr("在报告中查找…"))
        self.prev_button.setToolTip(self.tr("上一个 (Shift+Enter)"))
        self.next_button.setToolTip(self.tr("下一个 (Enter)"))
        self.close_button.setToolTip(self.tr("关闭 (Esc)"))

    def open_bar(self, text: str = "") -> None:
        self.show()
        if text:
            self.edit.setText(text)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def query(self) -> str:
        return self.edit.text()

    def set_count(self, current: int, total: int, more: bool = False, page: str = "") -> None:
        """Show `3/17`; `0/0` in red when a non-empty query has no hit; `3/10000+` with a tooltip
        when the search stopped at `total` hits and the report holds more; `3/17 · 第2页` with the
        current hit's page (a label) in a paged report."""
        if not self.edit.text():
            self.counter.setText("")
        else:
            count = f"{current + 1 if total else 0}/{total}" + ("+" if more else "")
            self.counter.setText(f"{count} · {page}" if page and total else count)
        self.counter.setToolTip(self.too_many_message(total) if more and self.edit.text() else "")
        self.counter.setStyleSheet("color: #c62828;" if self.edit.text() and not total else "")

    def too_many_message(self, shown: int) -> str:
        return self.tr("结果过多，仅显示前 {0} 处；请输入更长的查找内容").format(shown)

    def _on_return(self) -> None:
        self.nextRequested.emit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.edit and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previousRequested.emit()
                return True
        return super().eventFilter(obj, event)
