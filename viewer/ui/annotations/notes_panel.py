"""The 批注 and 书签 tabs: the reader's annotations as cards in reading order, with filters,
inline editing of the body (saved as it is typed) and the unplaced ones last, under 未定位.

One `AnnotationListModel` (owned by the window) feeds both tabs through their own
`AnnotationFilterProxy`. The model never writes: an edited body leaves as `bodyEdited`, and the
window turns it into an undoable command that goes to the store. Every user string is plain
text: drawn with QPainter.drawText, shown in plain-text labels, escaped in tooltips.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex,
                            QRect, QSize, QSortFilterProxyModel, Qt, QTimer, Signal)
from PySide6.QtGui import (QAction, QColor, QFont, QFontMetrics, QIcon, QKeySequence, QPainter,
                           QPalette, QPixmap, QTextLayout, QTextOption)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QLabel, QLineEdit, QListView, QMenu, QPlainTextEdit, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QToolButton, QVBoxLayout,
                               QWidget)

from viewer.core.export import annotation_times, section_path_label
from viewer.core.model import Annotation, SectionNode
from viewer.ui import palette

SAVE_DELAY_MS = 700          # a pause in typing this long saves the body

AnnotationRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
ColourRole = Qt.ItemDataRole.UserRole + 3
QuoteRole = Qt.ItemDataRole.UserRole + 4
BodyRole = Qt.ItemDataRole.UserRole + 5
PathRole = Qt.ItemDataRole.UserRole + 6
MetaRole = Qt.ItemDataRole.UserRole + 7
UnplacedRole = Qt.ItemDataRole.UserRole + 8
LabelRole = Qt.ItemDataRole.UserRole + 9

NO_COLOUR = "-"              # colour filter value: annotations without a colour (plain notes)


def colour_swatch(colour: QColor, size: int = 14) -> QIcon:
    """A rounded square of `colour`; still coloured (paler) when its action is disabled."""
    icon = QIcon()
    for mode, opacity in ((QIcon.Mode.Normal, 1.0), (QIcon.Mode.Disabled, 0.45)):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(opacity)
        painter.setPen(colour.darker(140))
        painter.setBrush(colour)
        painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon


class AnnotationListModel(QAbstractListModel):
    """Rows are a report's annotations in reading order, unplaced ones last (as the store lists them)."""

    # uuid, new body, editing session (saves within one session merge into one undo step)
    bodyEdited = Signal(str, str, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._items: list[Annotation] = []
        self._sections: list[SectionNode] = []
        self._paths: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self.edit_session: object = None
        self.retranslate()

    # -- content --------------------------------------------------------------------------------

    def set_annotations(self, annotations: list[Annotation],
                        sections: list[SectionNode] | None = None) -> None:
        """Show `annotations`; with `sections` (another report) the model resets, else rows are
        inserted, removed and changed in place, so an open editor and the selection survive."""
        annotations = [a for a in annotations if not a.deleted]
        if sections is not None:
            self.beginResetModel()
            self._sections = list(sections)
            self._paths.clear()
            self._items = annotations
            self.endResetModel()
            return
        wanted = {a.uuid for a in annotations}
        for row in range(len(self._items) - 1, -1, -1):
            if self._items[row].uuid not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self.endRemoveRows()
        kept = [a.uuid for a in self._items]
        kept_set = set(kept)
        if kept != [a.uuid for a in annotations if a.uuid in kept_set]:
            self.beginResetModel()        # the order changed (re-anchored): start over
            self._items = annotations
            self._paths.clear()
            self.endResetModel()
            return
        for row, ann in enumerate(annotations):
            if row < len(self._items) and self._items[row].uuid == ann.uuid:
                if self._items[row] != ann:
                    if self._items[row].start != ann.start:
                        self._paths.pop(ann.uuid, None)
                    self._items[row] = ann
                    index = self.index(row)
                    self.dataChanged.emit(index, index)
            else:
                self.beginInsertRows(QModelIndex(), row, row)
                self._items.insert(row, ann)
                self.endInsertRows()

    def annotations(self) -> list[Annotation]:
        return list(self._items)

    def annotation(self, row: int) -> Annotation:
        return self._items[row]

    def row_of(self, uuid: str) -> int:
        return next((row for row, a in enumerate(self._items) if a.uuid == uuid), -1)

    def set_colour_names(self, names: dict[str, str]) -> None:
        self._names = dict(names)
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def colour_name(self, colour: str) -> str:
        return self._names.get(colour, colour)

    def retranslate(self) -> None:
        self._labels = {"note": self.tr("批注"), "bookmark": self.tr("书签"), "highlight": self.tr("高亮")}
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))

    def kind_label(self, ann: Annotation) -> str:
        """`批注`, `书签`, or `高亮 · 重点` (the colour's meaning); a coloured note names its colour too."""
        label = self._labels.get(ann.kind, ann.kind)
        if ann.colour and ann.kind != "bookmark":
            label += " · " + self.colour_name(ann.colour)
        return label

    def path(self, ann: Annotation) -> str:
        if ann.uuid not in self._paths:
            self._paths[ann.uuid] = "" if ann.unplaced else section_path_label(self._sections, ann.start)
        return self._paths[ann.uuid]

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        ann = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return ann.body or ann.exact
        if role == Qt.ItemDataRole.EditRole or role == BodyRole:
            return ann.body
        if role == AnnotationRole:
            return ann
        if role == KindRole:
            return ann.kind
        if role == ColourRole:
            return ann.colour
        if role == QuoteRole:
            return ann.exact
        if role == PathRole:
            return self.path(ann)
        if role == LabelRole:
            return self.kind_label(ann)
        if role == MetaRole:
            return " · ".join(part for part in (ann.author, self.last_change(ann)) if part)
        if role == UnplacedRole:
            return ann.unplaced
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(ann)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.kind_label(ann)}: {ann.body} “{ann.exact}” {self.path(ann)}"
        return None

    def times(self, ann: Annotation) -> list[str]:
        """`创建于 …` (when it differs from the last change) and `修改于 …`, local time with offset, as the exports."""
        labels = {"created": self.tr("创建于 {0}"), "modified": self.tr("修改于 {0}")}
        return [labels[field].format(when) for field, when in annotation_times(ann)]

    def last_change(self, ann: Annotation) -> str:
        """The card's time: `修改于 2026-12-02 15:30 (+08:00)`, the field the exports lead with too."""
        times = self.times(ann)
        return times[-1] if times else ""

    def tooltip(self, ann: Annotation) -> str:
        """Rich text with every user string escaped, so `<b>` in a note stays literal."""
        rows = [f"<b>{html.escape(self.kind_label(ann))}</b>"]
        if ann.exact:
            rows.append(f"“{html.escape(ann.exact)}”")
        if ann.body:
            rows.append(html.escape(ann.body))
        meta = [self.path(ann), ann.author, *self.times(ann)]
        rows.append(f"<span style='color:#666'>{html.escape(' · '.join(m for m in meta if m))}</span>")
        return "<qt><p style='white-space:pre-wrap; margin:0'>" + "<br>".join(rows) + "</p></qt>"

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """An edited body goes out as `bodyEdited`; the window stores it and the row follows."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self._items):
            return False
        ann = self._items[index.row()]
        text = str(value)
        if text != ann.body:
            self.bodyEdited.emit(ann.uuid, text, self.edit_session)
        return True

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class AnnotationFilterProxy(QSortFilterProxyModel):
    """One tab's rows: its kinds, then the chosen kind and colour, then text in quote or body."""

    def __init__(self, kinds: tuple[str, ...], parent: QObject | None = None):
        super().__init__(parent)
        self._kinds = kinds
        self._kind = ""
        self._colour = ""
        self._needle = ""

    def _change(self, apply) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str) -> None:
        self._change(lambda: setattr(self, "_kind", kind))

    def set_colour(self, colour: str) -> None:
        """A highlight colour key, NO_COLOUR for annotations without one, "" for all."""
        self._change(lambda: setattr(self, "_colour", colour))

    def set_text(self, text: str) -> None:
        self._change(lambda: setattr(self, "_needle", text.strip().casefold()))

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        ann: Annotation = self.sourceModel().annotation(row)
        if ann.kind not in self._kinds or (self._kind and ann.kind != self._kind):
            return False
        if self._colour and (ann.colour or NO_COLOUR) != self._colour:
            return False
        return not self._needle or any(self._needle in s.casefold() for s in (ann.exact, ann.body))


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

    def flush(self) -> None:
        """Ask for a save now if anything was typed since the last one."""
        self._timer.stop()
        if self._dirty:
            self._dirty = False
            self.saveRequested.emit()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.flush()
        super().focusOutEvent(event)


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
        m: _Metrics = parts["m"]
        rect = opt.rect
        ann: Annotation = index.data(AnnotationRole)
        painter.save()
        painter.setClipRect(rect)
        pal = opt.palette
        if "heading" in parts:
            painter.setFont(m.bold)
            painter.setPen(QColor(palette.NOTE_COLOURS[1]))
            painter.drawText(QRect(rect.left() + m.PAD, rect.top() + parts["heading"], rect.width() - 2 * m.PAD,
                                   m.line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.unplaced_title)
        card = QRect(rect.left(), rect.top() + parts["card_top"], rect.width(), rect.height() - parts["card_top"])
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(card, pal.color(QPalette.ColorRole.Highlight))
        elif opt.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(card, QColor("#f3f6fa"))
        line_colour = palette.annotation_line(ann.kind, ann.colour)
        painter.fillRect(QRect(card.left(), card.top() + 2, m.STRIPE, card.height() - 4), line_colour)
        painter.setPen(QColor("#e2e2e2"))
        painter.drawLine(card.bottomLeft(), card.bottomRight())
        left = rect.left() + m.STRIPE + m.PAD
        inner = parts["inner"]
        text_colour = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        grey = QColor("#5f5f5f")

        # header: a chip with the kind (and the colour's meaning), the section path on the right
        painter.setFont(m.small)
        label = index.data(LabelRole)
        chip_w = min(inner, m.small_fm.horizontalAdvance(label) + 12)
        chip = QRect(left, rect.top() + parts["header"], chip_w, m.small_line)
        tint = (palette.annotation_background(ann.kind, ann.colour) if ann.kind != "bookmark"
                else QColor("#d6e9f8"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(chip, 4, 4)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter,
                         m.small_fm.elidedText(label, Qt.TextElideMode.ElideRight, chip_w - 8))
        path = index.data(PathRole) or ""
        if path:
            room = inner - chip_w - 10
            painter.setPen(grey)
            painter.drawText(QRect(left + chip_w + 10, chip.top(), room, m.small_line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             m.small_fm.elidedText(path, Qt.TextElideMode.ElideLeft, room))

        # the quote, one line
        if "quote" in parts:
            painter.setFont(m.font)
            painter.setPen(grey if not selected else text_colour)
            quote = " ".join(index.data(QuoteRole).split())
            painter.drawText(QRect(left, rect.top() + parts["quote"], inner, m.line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             m.fm.elidedText(f"“{quote}”", Qt.TextElideMode.ElideRight, inner))

        # the body, wrapped (plain text, drawn line by line)
        if "body" in parts and parts["body_lines"] is not None:
            painter.setFont(m.bold if ann.kind == "bookmark" else m.font)
            y = rect.top() + parts["body"]
            lines = parts["body_lines"]
            if not lines and ann.kind == "note" and QPersistentModelIndex(index) != self._editing:
                painter.setPen(QColor("#8a8a8a"))
                italic = QFont(m.font)
                italic.setItalic(True)
                painter.setFont(italic)
                painter.drawText(QRect(left, y, inner, m.line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.empty_body)
            painter.setPen(text_colour)
            for line in lines:
                painter.drawText(QRect(left, y, inner, m.line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
                y += m.line

        # author · date
        painter.setFont(m.small)
        painter.setPen(grey if not selected else text_colour)
        painter.drawText(QRect(left, rect.top() + parts["meta"], inner, m.small_line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         m.small_fm.elidedText(index.data(MetaRole) or "", Qt.TextElideMode.ElideRight, inner))
        if opt.state & QStyle.StateFlag.State_HasFocus and self._view.hasFocus():
            painter.setPen(QColor("#1f78b4"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(card.adjusted(0, 0, -1, -1))
        painter.restore()

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
        source.edit_session = ("editor", id(self), editor.property("session"))
        editor.mark_saved()
        try:
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        finally:
            source.edit_session = None

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
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(editor, event)


class _CardList(QListView):
    """The card list, with a hint in its empty viewport."""

    deletePressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.empty_text = ""

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


class NotesPanel(QWidget):
    """One tab (批注: notes and highlights; 书签: bookmarks): filters over a list of cards."""

    annotationActivated = Signal(object)          # Annotation: jump to it
    deleteRequested = Signal(str)                 # uuid
    colourRequested = Signal(str, str)            # uuid, colour key

    def __init__(self, model: AnnotationListModel, kinds: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.kinds = kinds
        self.model = model
        self.proxy = AnnotationFilterProxy(kinds, self)
        self.proxy.setSourceModel(model)
        self._names: dict[str, str] = {}
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox(self)
        self.colour_combo = QComboBox(self)
        self.kind_combo.setVisible(len(kinds) > 1)
        self.colour_combo.setVisible("bookmark" not in kinds)
        self.delete_button = QToolButton(self)
        self.delete_button.setEnabled(False)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setStyleSheet("color:#5f5f5f;")
        self.view = _CardList(self)
        self.view.setModel(self.proxy)
        self.delegate = NoteCardDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setMouseTracking(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pal = self.view.palette()             # a light selection: the card's colours stay readable
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#dcEAF8"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#1a1a1a"))
        self.view.setPalette(pal)
        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.kind_combo)
        top.addWidget(self.colour_combo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.edit_action = QAction(self)
        self.delete_action = QAction(self)
        self.jump_action = QAction(self)
        self.retranslate()
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_combo.currentData() or ""))
        self.colour_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_colour(self.colour_combo.currentData() or ""))
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.view.deletePressed.connect(self.delete_current)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.delete_button.clicked.connect(self.delete_current)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        # The proxy drops a deleted row before the model does (on rowsAboutToBeRemoved), so the
        # model's own signals recount too, once its list holds what the tab shows.
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            signal.connect(lambda *_: self._update_count())
        self.edit_action.triggered.connect(self.edit_current)
        self.delete_action.triggered.connect(self.delete_current)
        self.jump_action.triggered.connect(lambda: self._activate(self.view.currentIndex()))

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("筛选引文和内容…"))
        self.kind_combo.blockSignals(True)
        current = self.kind_combo.currentData() or ""
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("全部类型"), "")
        self.kind_combo.addItem(self.tr("批注"), "note")
        self.kind_combo.addItem(self.tr("高亮"), "highlight")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(current)))
        self.kind_combo.blockSignals(False)
        self.delete_button.setText(self.tr("删除"))
        self.delete_button.setToolTip(self.tr("删除所选 (Del)"))
        self.edit_action.setText(self.tr("编辑内容 (F2)"))
        self.delete_action.setText(self.tr("删除 (Del)"))
        self.jump_action.setText(self.tr("跳到原文"))
        self.delegate.unplaced_title = self.tr("未定位（报告文本已变，找不到这段引文）")
        self.delegate.empty_body = self.tr("（双击或按 F2 填写批注）")
        if "bookmark" in self.kinds:
            self.view.empty_text = self.tr("还没有书签。\n按 Ctrl+D 为当前位置添加书签，"
                                           "或在目录上右键为章节添加书签。")
        else:
            self.view.empty_text = self.tr("还没有批注或高亮。\n"
                                           "选中报告中的文字，右键选择“添加批注”或“高亮”。")
        self.set_colour_names(self._names)
        self._update_count()

    def set_colour_names(self, names: dict[str, str]) -> None:
        """Fill the colour filter with the highlight colours' meanings."""
        self._names = dict(names)
        current = self.colour_combo.currentData() or ""
        self.colour_combo.blockSignals(True)
        self.colour_combo.clear()
        self.colour_combo.addItem(self.tr("全部颜色"), "")
        for key in palette.HIGHLIGHT_KEYS:
            self.colour_combo.addItem(colour_swatch(palette.annotation_background("highlight", key)),
                                      names.get(key, key), key)
        self.colour_combo.addItem(colour_swatch(palette.annotation_background("note", "")),
                                  self.tr("无颜色"), NO_COLOUR)
        self.colour_combo.setCurrentIndex(max(0, self.colour_combo.findData(current)))
        self.colour_combo.blockSignals(False)
        self.view.viewport().update()

    # -- rows -----------------------------------------------------------------------------------

    def annotation_at(self, proxy_row: int) -> Annotation:
        return self.proxy.index(proxy_row, 0).data(AnnotationRole)

    def shown(self) -> list[Annotation]:
        """The annotations the tab shows now, in order."""
        return [self.annotation_at(row) for row in range(self.proxy.rowCount())]

    def current(self) -> Annotation | None:
        index = self.view.currentIndex()
        return index.data(AnnotationRole) if index.isValid() else None

    def select(self, uuid: str) -> bool:
        row = self.model.row_of(uuid)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def edit(self, uuid: str) -> NoteBodyEditor | None:
        """Open the inline body editor on an annotation; returns the editor."""
        if self.select(uuid) and self.delegate.open_editor() is None:
            self.view.edit(self.view.currentIndex())
        return self.delegate.open_editor()

    def edit_current(self) -> None:
        if self.view.currentIndex().isValid():
            self.view.edit(self.view.currentIndex())

    def delete_current(self) -> None:
        ann = self.current()
        if ann is not None:
            self.deleteRequested.emit(ann.uuid)

    def commit_editor(self) -> None:
        """Save what an open editor holds (the window calls this before closing)."""
        editor = self.delegate.open_editor()
        if editor is not None:
            editor._dirty = True
            editor.flush()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.annotationActivated.emit(index.data(AnnotationRole))

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.view.currentIndex().isValid())

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        total = sum(1 for a in self.model.annotations() if a.kind in self.kinds)
        self.count_label.setText(self.tr("共 {0} 条").format(total) if shown == total
                                 else self.tr("显示 {0} / {1} 条").format(shown, total))
        self._update_buttons()

    def context_menu(self, index: QModelIndex) -> QMenu:
        """The menu of a card: jump, edit, colour, delete."""
        menu = QMenu(self)
        if not index.isValid():
            return menu
        ann: Annotation = index.data(AnnotationRole)
        menu.addAction(self.jump_action)
        menu.addAction(self.edit_action)
        if ann.kind != "bookmark":
            colours = menu.addMenu(self.tr("颜色"))
            for key in palette.HIGHLIGHT_KEYS:
                action = colours.addAction(colour_swatch(palette.annotation_background("highlight", key)),
                                           self._names.get(key, key))
                action.setCheckable(True)
                action.setChecked(ann.colour == key)
                action.triggered.connect(lambda _=False, k=key, u=ann.uuid: self.colourRequested.emit(u, k))
            if ann.kind == "note":
                plain = colours.addAction(self.tr("无颜色"))
                plain.setCheckable(True)
                plain.setChecked(not ann.colour)
                plain.triggered.connect(lambda _=False, u=ann.uuid: self.colourRequested.emit(u, ""))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _show_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.context_menu(index).exec(self.view.viewport().mapToGlobal(pos))


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
        self.flush()
        super().accept()

    def reject(self) -> None:
        self.flush()                   # even a cancelled text is saved: it can be redone
        super().reject()
