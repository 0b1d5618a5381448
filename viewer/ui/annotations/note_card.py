"""The card list of the 批注 and 书签 tabs: how one annotation card is measured and painted (kind,
colour, quote, body, path, times), in a list view with a hint in its empty viewport."""

from __future__ import annotations

from dataclasses import dataclass


from PySide6.QtCore import (QEvent, QModelIndex, QObject, QPersistentModelIndex,
                            QRect, QSize, QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import (QColor, QFont, QFontMetrics, QPainter,
                           QPalette, QTextLayout, QTextOption)
from PySide6.QtWidgets import (QAbstractItemView, QListView, QPlainTextEdit, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QWidget)

from viewer.core.model import Annotation
from viewer.ui import palette
from viewer.ui.annotations.annotation_model import AnnotationRole, BodyRole, KindRole, LabelRole, MetaRole, PathRole, QuoteRole, UnplacedRole
from viewer.ui.annotations.note_editor import NoteBodyEditor


class _Metrics:
    """Fonts and line heights of one card layout."""

    PAD = 8
    STRIPE = 4
    GAP = 3
    BODY_LINES = 4
    EDIT_LINES = 4

    def __init__(self, font: QFont):
        self.font = QFont(font)
        self.small = QFont(font)
        self.small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.fm = QFontMetrics(self.font)
        self.small_fm = QFontMetrics(self.small)
        self.line = self.fm.lineSpacing()
        self.small_line = self.small_fm.lineSpacing()


@dataclass(frozen=True)
class _Card:
    """One card being painted: its metrics, row, annotation, layout, frame and text geometry and colours."""

    m: "_Metrics"
    index: QModelIndex
    ann: Annotation
    parts: dict
    frame: QRect
    top: int
    left: int
    inner: int
    text: QColor          # the body's colour (the selection's text colour when selected)
    muted: QColor         # quote and meta (grey, or the selection's text colour)


class NoteCardDelegate(QStyledItemDelegate):
    """Draws a card: colour stripe, kind chip and section path, the quote, the body, author · date."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self._view = view
        self._editing = QPersistentModelIndex()
        self._editor: NoteBodyEditor | None = None
        self._session = 0
        self.unplaced_title = ""
        self.empty_body = ""
        self.closeEditor.connect(lambda editor, _hint: self._forget_editor(editor))

    # -- geometry -------------------------------------------------------------------------------

    def _width(self, option: QStyleOptionViewItem) -> int:
        width = self._view.viewport().width()
        return max(160, width if width > 0 else option.rect.width())

    @staticmethod
    def _heading_needed(index: QModelIndex) -> bool:
        """The first unplaced row of the (filtered) list carries the 未定位 heading."""
        if not index.data(UnplacedRole):
            return False
        return index.row() == 0 or not index.model().index(index.row() - 1, 0).data(UnplacedRole)

    def _body_lines(self, m: _Metrics, text: str, width: int, max_lines: int) -> list[str]:
        """The body wrapped to `width`, at most `max_lines`, the last one elided if cut."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            layout = QTextLayout(paragraph, m.font)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines.append(paragraph[line.textStart():line.textStart() + line.textLength()])
                if len(lines) > max_lines:
                    break
            layout.endLayout()
            if len(lines) > max_lines:
                break
        if len(lines) > max_lines:
            lines = lines[:max_lines]
            lines[-1] = m.fm.elidedText(lines[-1] + "…………", Qt.TextElideMode.ElideRight, width)
        return lines

    def _layout(self, option: QStyleOptionViewItem, index: QModelIndex) -> dict:
        m = _Metrics(option.font)
        width = self._width(option)
        inner = width - m.STRIPE - 2 * m.PAD
        kind = index.data(KindRole)
        body = index.data(BodyRole) or ""
        editing = QPersistentModelIndex(index) == self._editing and self._editing.isValid()
        y = m.PAD
        parts: dict = {"m": m, "inner": inner}
        if self._heading_needed(index):
            parts["heading"] = y
            y += m.line + m.PAD
            parts["card_top"] = y - m.PAD // 2
        else:
            parts["card_top"] = 0
        parts["header"] = y
        y += m.small_line + m.GAP
        if index.data(QuoteRole):
            parts["quote"] = y
            y += m.line + m.GAP
        if editing:
            parts["body"] = y
            parts["body_lines"] = []
            y += m.line * m.EDIT_LINES + 10 + m.GAP
        elif body or kind == "note":
            lines = self._body_lines(m, body, inner, m.BODY_LINES) if body else []
            parts["body"] = y
            parts["body_lines"] = lines
            y += m.line * max(1, len(lines)) + m.GAP
        parts["meta"] = y
        y += m.small_line + m.PAD
        parts["height"] = y
        return parts

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        return QSize(self._width(option), self._layout(opt, index)["height"])

    # -- painting -------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        parts = self._layout(opt, index)
        painter.save()
        painter.setClipRect(opt.rect)
        card = self._paint_card(painter, opt, index, parts)
        self._paint_header(painter, card)
        if "quote" in parts:
            self._paint_quote(painter, card)
        if "body" in parts and parts["body_lines"] is not None:
            self._paint_body(painter, card)
        self._paint_meta(painter, card)
        if opt.state & QStyle.StateFlag.State_HasFocus and self._view.hasFocus():
            painter.setPen(QColor("#1f78b4"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(card.frame.adjusted(0, 0, -1, -1))
        painter.restore()

    def _paint_card(self, painter: QPainter, opt: QStyleOptionViewItem, index: QModelIndex, parts: dict) -> "_Card":
        """The 未定位 heading above the first unplaced card, the card's background and colour stripe."""
        m: _Metrics = parts["m"]
        rect = opt.rect
        ann: Annotation = index.data(AnnotationRole)
        if "heading" in parts:
            painter.setFont(m.bold)
            painter.setPen(QColor(palette.NOTE_COLOURS[1]))
            painter.drawText(QRect(rect.left() + m.PAD, rect.top() + parts["heading"], rect.width() - 2 * m.PAD,
                                   m.line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.unplaced_title)
        frame = QRect(rect.left(), rect.top() + parts["card_top"], rect.width(), rect.height() - parts["card_top"])
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(frame, opt.palette.color(QPalette.ColorRole.Highlight))
        elif opt.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(frame, QColor("#f3f6fa"))
        painter.fillRect(QRect(frame.left(), frame.top() + 2, m.STRIPE, frame.height() - 4),
                         palette.annotation_line(ann.kind, ann.colour))
        painter.setPen(QColor("#e2e2e2"))
        painter.drawLine(frame.bottomLeft(), frame.bottomRight())
        text = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        return _Card(m, index, ann, parts, frame, rect.top(), rect.left() + m.STRIPE + m.PAD, parts["inner"],
                     text, QColor("#5f5f5f") if not selected else text)

    def _paint_header(self, painter: QPainter, card: "_Card") -> None:
        """A chip with the kind (and the colour's meaning), the section path on the right."""
        m, ann = card.m, card.ann
        painter.setFont(m.small)
        label = card.index.data(LabelRole)
        chip_w = min(card.inner, m.small_fm.horizontalAdvance(label) + 12)
        chip = QRect(card.left, card.top + card.parts["header"], chip_w, m.small_line)
        tint = (palette.annotation_background(ann.kind, ann.colour) if ann.kind != "bookmark"
                else QColor(palette.BOOKMARK_COLOURS[0]))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(chip, 4, 4)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter,
                         m.small_fm.elidedText(label, Qt.TextElideMode.ElideRight, chip_w - 8))
        path = card.index.data(PathRole) or ""
        if path:
            room = card.inner - chip_w - 10
            painter.setPen(QColor("#5f5f5f"))
            painter.drawText(QRect(card.left + chip_w + 10, chip.top(), room, m.small_line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             m.small_fm.elidedText(path, Qt.TextElideMode.ElideLeft, room))

    def _paint_quote(self, painter: QPainter, card: "_Card") -> None:
        """The quoted text, on one line."""
        m = card.m
        painter.setFont(m.font)
        painter.setPen(card.muted)
        quote = " ".join(card.index.data(QuoteRole).split())
        painter.drawText(QRect(card.left, card.top + card.parts["quote"], card.inner, m.line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         m.fm.elidedText(f"“{quote}”", Qt.TextElideMode.ElideRight, card.inner))

    def _paint_body(self, painter: QPainter, card: "_Card") -> None:
        """The body, wrapped (plain text, drawn line by line); an empty note says so, in italics."""
        m, ann = card.m, card.ann
        painter.setFont(m.bold if ann.kind == "bookmark" else m.font)
        y = card.top + card.parts["body"]
        lines = card.parts["body_lines"]
        if not lines and ann.kind == "note" and QPersistentModelIndex(card.index) != self._editing:
            painter.setPen(QColor("#8a8a8a"))
            italic = QFont(m.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.drawText(QRect(card.left, y, card.inner, m.line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.empty_body)
        painter.setPen(card.text)
        for line in lines:
            painter.drawText(QRect(card.left, y, card.inner, m.line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += m.line

    def _paint_meta(self, painter: QPainter, card: "_Card") -> None:
        """Page, author and times, on one line."""
        m = card.m
        painter.setFont(m.small)
        painter.setPen(card.muted)
        painter.drawText(QRect(card.left, card.top + card.parts["meta"], card.inner, m.small_line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         m.small_fm.elidedText(card.index.data(MetaRole) or "", Qt.TextElideMode.ElideRight,
                                               card.inner))

    # -- editing --------------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = NoteBodyEditor(parent)
        editor.setFrameShape(QPlainTextEdit.Shape.Box)
        self._session += 1
        editor.setProperty("session", self._session)
        editor.saveRequested.connect(lambda e=editor: self.commitData.emit(e))
        editor.destroyed.connect(lambda *_a: self._forget_editor(None))
        self._editor = editor
        self._editing = QPersistentModelIndex(index)
        self.sizeHintChanged.emit(index)        # the card grows to hold the editor
        return editor

    def _forget_editor(self, editor: QWidget | None) -> None:
        """The editor closed (or is gone): the card takes its usual size again."""
        if editor is not None and editor is not self._editor:
            return
        if isinstance(editor, NoteBodyEditor) and editor.is_dirty():
            return                               # refused (a full disk): CardList keeps it open
        self._editor = None
        index = QModelIndex(self._editing)
        self._editing = QPersistentModelIndex()
        if index.isValid():
            self.sizeHintChanged.emit(index)

    def open_editor(self) -> NoteBodyEditor | None:
        return self._editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        # Called again whenever the row changes; the row changes because of this editor's own
        # save, so only an outside change (undo while editing) replaces the text.
        if isinstance(editor, NoteBodyEditor) and not editor.is_dirty():
            editor.set_text_quietly(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        if not isinstance(editor, NoteBodyEditor):
            return
        source = model
        while isinstance(source, QSortFilterProxyModel):
            source = source.sourceModel()
        if source.edit_session is not None:      # a save is running (its message box took the focus)
            editor.save_failed()
            return
        source.edit_session = ("editor", id(self), editor.property("session"))
        editor.mark_saved()
        text = editor.toPlainText()
        try:
            model.setData(index, text, Qt.ItemDataRole.EditRole)
        finally:
            source.edit_session = None
        if index.isValid() and (index.data(Qt.ItemDataRole.EditRole) or "") != text:
            editor.save_failed()                 # not stored (a full disk): the editor keeps it, unsaved

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        parts = self._layout(opt, index)
        m: _Metrics = parts["m"]
        top = option.rect.top() + parts.get("body", parts["meta"]) - 3
        editor.setGeometry(QRect(option.rect.left() + m.STRIPE + m.PAD - 4, top, parts["inner"] + 8,
                                 m.line * m.EDIT_LINES + 10))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(editor, NoteBodyEditor) and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            done = key == Qt.Key.Key_Escape or (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods & Qt.KeyboardModifier.ControlModifier)
            if done:                   # Esc or Ctrl+Enter: keep what was typed and close
                editor._dirty = True
                editor.flush()
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)   # (not if unsaved)
                return True
        return super().eventFilter(editor, event)


class CardList(QListView):
    """The card list, with a hint in its empty viewport."""

    deletePressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.empty_text = ""

    def closeEditor(self, editor: QWidget, hint) -> None:  # noqa: N802 (Qt name)
        """An editor whose text did not reach the library (a full disk) stays open: nothing typed is lost."""
        if isinstance(editor, NoteBodyEditor) and editor.is_dirty():
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.deletePressed.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#7a7a7a"))
            painter.drawText(self.viewport().rect().adjusted(16, 24, -16, -16),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
