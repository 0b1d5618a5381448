"""The report pane: read-only text with headings styled and figures tinted, formatted lazily per block."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QHelpEvent, QPalette, QTextBlock, QTextCharFormat,
                           QTextCursor, QTextLayout)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from viewer.core.figures import Figure, describe_value
from viewer.core.structure import SectionNode, iter_sections
from viewer.ui import palette
from viewer.ui.offsets import Utf16Map

BASE_POINT_SIZE = 13
MAX_TEXT_WIDTH_EM = 44          # line length kept readable on wide windows
MAX_BLOCKS_PER_PASS = 400       # a screen never holds more; guards against unlaid-out zero heights
PRELOAD_PX = 600                # format this far below the visible area, so scrolling never shows raw text


@dataclass(frozen=True)
class _Span:
    """A formatted range in Qt (UTF-16) positions."""

    start: int
    end: int
    style: str                   # "heading0".."headingN", "runin", or "figure:<kind>"
    payload: object = None


class ReportView(QPlainTextEdit):
    """Shows one report. Offsets in its API are code points; Qt positions stay inside this class."""

    #: code-point offset of the text at the top of the view, emitted as the user scrolls
    topOffsetChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, QColor("#fbfaf7"))
        pal.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
        self.setPalette(pal)
        self._zoom = 0
        self._apply_font()
        self._text = ""
        self._map = Utf16Map("")
        self._spans: list[_Span] = []
        self._span_starts: list[int] = []
        self._figures: list[Figure] = []
        self._figure_starts: list[int] = []
        self._hidden_kinds: set[str] = set()
        self._formatted: set[int] = set()
        self._format_cache: dict[str, QTextCharFormat | None] = {}
        self._last_top = -1
        self._anchor = 0               # the offset to keep at the top across resizes
        self._scrolling = False
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.updateRequest.connect(lambda *_: self._format_visible())

    # -- content ----------------------------------------------------------------------------

    def set_report(self, text: str, sections: list[SectionNode], figures: list[Figure]) -> None:
        """Show a report; formatting happens block by block as blocks come into view."""
        self._text = text
        self._map = Utf16Map(text)
        to_qt = self._map.to_qt
        spans: list[_Span] = []
        first_line_end = text.find("\n")
        spans.append(_Span(0, to_qt(first_line_end if first_line_end >= 0 else len(text)), "heading0"))
        for node in iter_sections(sections):
            style = "runin" if node.run_in else f"heading{node.level}"
            spans.append(_Span(to_qt(node.start), to_qt(node.heading_end), style, node))
        self._figures = list(figures)
        self._figure_starts = [f.start for f in self._figures]
        for fig in self._figures:
            spans.append(_Span(to_qt(fig.start), to_qt(fig.end), "figure:" + fig.kind, fig))
        spans.sort(key=lambda s: (s.start, s.style.startswith("figure")))
        self._spans = spans
        self._span_starts = [s.start for s in spans]
        self._formatted.clear()
        self._last_top = -1
        self._anchor = 0
        self.setPlainText(text)
        self._format_visible()

    def text(self) -> str:
        return self._text

    # -- offsets <-> Qt ------------------------------------------------------------------------

    def to_qt(self, offset: int) -> int:
        return self._map.to_qt(offset)

    def from_qt(self, position: int) -> int:
        return self._map.from_qt(position)

    def top_offset(self) -> int:
        """Code-point offset of the first character shown at the top of the view."""
        cursor = self.cursorForPosition(QPoint(4, 4))
        return self.from_qt(cursor.position())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding `offset` is the first line of the view."""
        offset = max(0, min(offset, len(self._text)))
        pos = self.to_qt(offset)
        block = self.document().findBlock(pos)
        self._format_block(block)
        layout = block.layout()
        line_no = 0
        if layout is not None and layout.lineCount():
            line_no = layout.lineForTextPosition(pos - block.position()).lineNumber()
        bar = self.verticalScrollBar()
        self._scrolling = True
        try:
            bar.setValue(block.firstLineNumber() + max(0, line_no))
        finally:
            self._scrolling = False
        self._anchor = offset
        self._format_visible()

    def select_offsets(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_offsets(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.from_qt(cursor.selectionStart()), self.from_qt(cursor.selectionEnd())

    def figure_at(self, offset: int) -> Figure | None:
        i = bisect_right(self._figure_starts, offset) - 1
        if i >= 0 and self._figures[i].start <= offset < self._figures[i].end:
            return self._figures[i]
        return None

    # -- figure kinds -----------------------------------------------------------------------

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        if visible:
            self._hidden_kinds.discard(kind)
        else:
            self._hidden_kinds.add(kind)
        self._reformat_all()

    def is_kind_visible(self, kind: str) -> bool:
        return kind not in self._hidden_kinds

    # -- find hits ----------------------------------------------------------------------------

    def set_find_hits(self, hits: list[tuple[int, int]], current: int = -1) -> None:
        """Mark every hit (code-point ranges); the current one stronger, and scrolled into view."""
        selections = []
        for i, (start, end) in enumerate(hits):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_qt(start))
            cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format.setBackground(palette.FIND_CURRENT if i == current else palette.FIND_HIT)
            selections.append(sel)
        self.setExtraSelections(selections)
        if 0 <= current < len(hits):
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.to_qt(hits[current][0]))
            self.setTextCursor(cursor)
            self.centerCursor()

    # -- zoom -----------------------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Zoom in font steps (0 = default), clamped to a readable range; keeps the reading place."""
        steps = max(-6, min(12, steps))
        if steps == self._zoom:
            return
        top = self.top_offset() if self._text else 0
        self._zoom = steps
        self._apply_font()
        self._reformat_all()
        if self._text:
            self.scroll_to_offset(top)

    def _apply_font(self) -> None:
        font = QFont()
        font.setFamilies(["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei",
                          "PingFang SC", "SimSun", "Sans Serif"])
        font.setPointSize(BASE_POINT_SIZE + self._zoom)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._update_margins()

    def _update_margins(self) -> None:
        em = self.fontMetrics().horizontalAdvance("中")
        max_width = MAX_TEXT_WIDTH_EM * em
        side = max(24, (self.width() - max_width) // 2)
        self.setViewportMargins(side, 16, side, 16)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._format_visible()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        anchor = self._anchor          # relayout moves the scroll bar: keep the reading place instead
        self._scrolling = True
        try:
            super().resizeEvent(event)
            self._update_margins()
        finally:
            self._scrolling = False
        if self._text:
            self.scroll_to_offset(anchor)

    # -- lazy formatting --------------------------------------------------------------------

    def _char_format(self, span: _Span) -> QTextCharFormat | None:
        """The format of a span's style, built once per style until zoom or kind toggles change."""
        if span.style not in self._format_cache:
            self._format_cache[span.style] = self._build_format(span.style)
        return self._format_cache[span.style]

    def _build_format(self, style: str) -> QTextCharFormat | None:
        fmt = QTextCharFormat()
        if style.startswith("figure:"):
            kind = style.split(":", 1)[1]
            if kind in self._hidden_kinds:
                return None
            fmt.setBackground(palette.figure_background(kind))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(palette.figure_underline(kind))
            return fmt
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setForeground(palette.HEADING_COLOUR)
        if style.startswith("heading"):
            level = int(style[len("heading"):])
            step = palette.HEADING_SIZE_STEP.get(level, 0)
            if step:
                fmt.setFontPointSize(self.font().pointSizeF() + step)
        return fmt

    def _block_ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        start, end = block.position(), block.position() + block.length()
        ranges = []
        # spans are sorted by start; a heading may begin before this block only in theory
        i = bisect_left(self._span_starts, start)
        while i > 0 and self._spans[i - 1].end > start:
            i -= 1
        while i < len(self._spans) and self._spans[i].start < end:
            span = self._spans[i]
            i += 1
            lo, hi = max(span.start, start), min(span.end, end)
            fmt = self._char_format(span) if hi > lo else None
            if fmt is None:
                continue
            rng = QTextLayout.FormatRange()
            rng.start, rng.length, rng.format = lo - start, hi - lo, fmt
            ranges.append(rng)
        return ranges

    def _format_block(self, block: QTextBlock) -> None:
        if not block.isValid() or block.blockNumber() in self._formatted:
            return
        self._formatted.add(block.blockNumber())
        layout = block.layout()
        ranges = self._block_ranges(block)
        if ranges or layout.formats():
            layout.setFormats(ranges)
            self.document().markContentsDirty(block.position(), block.length())

    def _format_visible(self) -> None:
        if not self._text or not self.isVisible():
            return
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        limit = self.viewport().height() + PRELOAD_PX
        budget = MAX_BLOCKS_PER_PASS
        while block.isValid() and budget:
            budget -= 1
            self._format_block(block)
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > limit:
                break
            block = block.next()

    def _reformat_all(self) -> None:
        self._format_cache.clear()
        done = sorted(self._formatted)
        self._formatted.clear()
        doc = self.document()
        for number in done:
            self._format_block(doc.findBlockByNumber(number))
        self._format_visible()

    def format_at(self, offset: int) -> QTextCharFormat:
        """The char format drawn at code-point `offset` (formats its block first)."""
        pos = self.to_qt(offset)
        block = self.document().findBlock(pos)
        self._format_block(block)
        rel = pos - block.position()
        merged = QTextCharFormat()      # overlapping ranges merge in order, as Qt draws them
        for rng in block.layout().formats():
            if rng.start <= rel < rng.start + rng.length:
                merged.merge(rng.format)
        return merged

    # -- events ---------------------------------------------------------------------------------

    def _on_scrolled(self, _value: int) -> None:
        self._format_visible()
        top = self.top_offset()
        if not self._scrolling:
            self._anchor = top
        if top != self._last_top:
            self._last_top = top
            self.topOffsetChanged.emit(top)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            viewport_pos = self.viewport().mapFromParent(event.pos())
            cursor = self.cursorForPosition(viewport_pos)
            rect = self.cursorRect(cursor)
            fig = None
            if abs(rect.center().y() - viewport_pos.y()) <= rect.height():
                fig = self.figure_at(self.from_qt(cursor.position()))
                if fig is None and cursor.position() > 0:
                    fig = self.figure_at(self.from_qt(cursor.position() - 1))
            if fig is not None and fig.kind not in self._hidden_kinds:
                QToolTip.showText(event.globalPos(), f"{fig.text} → {describe_value(fig)}", self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
