"""Paints a search hit's row in two lines: the snippet with the hit marked in the find colour, then its
section path and page in grey; group rows are painted as usual."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from viewer.ui import palette
from viewer.ui.search.results_model import DETAIL_ROLE, PARTS_ROLE

PADDING = 3
#: Share of the snippet's room the text before the hit may take (the hit stays near the left).
BEFORE_SHARE = 0.35
MARK_TEXT = QColor("#1a1a1a")


class HitDelegate(QStyledItemDelegate):
    """Two-line hit rows; the hit's background is palette.FIND_HIT, as the find bar marks it in the report."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt name)
        size = super().sizeHint(option, index)
        if index.data(PARTS_ROLE) is None:
            return QSize(size.width(), size.height() + 2 * PADDING)
        metrics = QFontMetrics(option.font)
        return QSize(size.width(), 2 * metrics.height() + 3 * PADDING)

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        parts = index.data(PARTS_ROLE)
        if parts is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        metrics = QFontMetrics(opt.font)
        rect = opt.rect.adjusted(PADDING + 1, PADDING, -PADDING, -PADDING)
        line = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.save()
        painter.setFont(opt.font)
        self._paint_snippet(painter, metrics, line, parts, text_colour)
        detail_font = opt.font
        painter.setFont(detail_font)
        painter.setPen(text_colour if selected else opt.palette.color(QPalette.ColorRole.PlaceholderText))
        detail = metrics.elidedText(index.data(DETAIL_ROLE) or "", Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(line.translated(0, metrics.height() + PADDING), Qt.AlignmentFlag.AlignVCenter, detail)
        painter.restore()

    @staticmethod
    def _paint_snippet(painter, metrics: QFontMetrics, line: QRect, parts: tuple[str, str, str],
                       text_colour: QColor) -> None:
        before, hit, after = parts
        hit = metrics.elidedText(hit, Qt.TextElideMode.ElideRight, line.width())
        hit_width = metrics.horizontalAdvance(hit)
        room = max(0, line.width() - hit_width)
        before = metrics.elidedText(before, Qt.TextElideMode.ElideLeft, int(room * BEFORE_SHARE)) if before else ""
        x = line.left()
        painter.setPen(text_colour)
        painter.drawText(QRect(x, line.top(), room, line.height()), Qt.AlignmentFlag.AlignVCenter, before)
        x += metrics.horizontalAdvance(before)
        if hit:
            mark = QRect(x, line.top(), hit_width, line.height())
            painter.fillRect(mark.adjusted(-1, 1, 1, -1), palette.FIND_HIT)
            painter.setPen(MARK_TEXT)
            painter.drawText(mark, Qt.AlignmentFlag.AlignVCenter, hit)
            x += hit_width
        rest = line.right() - x
        if rest > 0 and after:
            painter.setPen(text_colour)
            painter.drawText(QRect(x, line.top(), rest, line.height()), Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(after, Qt.TextElideMode.ElideRight, rest))
