"""The report pane: read-only text with headings styled, figures tinted, tables in aligned columns
and the reader's notes, highlights and bookmarks marked, formatted lazily per block."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPainterPath, QPalette,
                           QPen, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument, QTextLayout,
                           QTextOption)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from viewer.core.model import Annotation, Figure, SectionNode, TextTable, iter_sections
from viewer.services.changes import AnnotationChanges
from viewer.ui import palette
from viewer.ui.labels import mark_label
from viewer.ui.reader.offsets import Utf16Map

BASE_POINT_SIZE = 13
MAX_TEXT_WIDTH_EM = 44          # line length kept readable on wide windows
MAX_BLOCKS_PER_PASS = 400       # a screen never holds more; guards against unlaid-out zero heights
PRELOAD_PX = 600                # format this far below the visible area, so scrolling never shows raw text
FLASH_MS = 800                  # a jumped-to passage glows this long, fading out
TABLE_GAP_EM = 1.5              # space between a table's columns
TABLE_MIN_GAP_EM = 0.6          # narrower than this, a wide table keeps the plain tab grid


@dataclass(frozen=True)
class _Span:
    """A formatted range in Qt (UTF-16) positions."""

    start: int
    end: int
    style: str                   # "heading0".."headingN", "runin", "figure:<kind>", "ann:<kind>:<colour>"
    payload: object = None


def _same_mark(before: Annotation | None, after: Annotation) -> bool:
    """True when `after` draws exactly as `before` (only its body or times differ)."""
    return before is not None and not after.deleted and not after.unplaced and \
        (before.start, before.end, before.kind, before.colour) == (after.start, after.end, after.kind, after.colour)


class _BookmarkMargin(QWidget):
    """The strip left of the text where bookmarks show as small ribbons beside their line."""

    def __init__(self, view: "ReportView"):
        super().__init__(view)
        self._view = view
        self.setMouseTracking(True)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        markers = self._view.bookmark_markers()
        if not markers:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for ann, rect in markers:
            painter.setBrush(palette.annotation_line(ann.kind, ann.colour))
            path = QPainterPath()        # a ribbon pointing at the text: ▶
            path.moveTo(QPointF(rect.left(), rect.top()))
            path.lineTo(QPointF(rect.right(), rect.center().y()))
            path.lineTo(QPointF(rect.left(), rect.bottom()))
            path.closeSubpath()
            painter.drawPath(path)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            for ann, rect in self._view.bookmark_markers():
                if rect.adjusted(-4, -4, 4, 4).contains(event.pos()):
                    QToolTip.showText(event.globalPos(), self._view.annotation_tooltip([ann]), self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)


@dataclass
class _TableRows:
    """A table as the pane lays it out: its rows' blocks, each row's cells (Qt positions), the
    columns' start x (from the line start), and the table's width."""

    blocks: list[int]
    cells: list[list[tuple[int, int]]]
    columns: list[float]
    width: float
    gap: float


class _TableLayout(QPlainTextDocumentLayout):
    """QPlainTextDocumentLayout lays every block out with the document's one text option, so tabs
    fall on one grid; a table row's block is laid out here with its table's own tab stops instead,
    so its cells line up in columns. The characters stay as they are: only their x changes."""

    def __init__(self, document: QTextDocument, text_width: Callable[[], float]):
        super().__init__(document)
        self._text_width = text_width
        self.tab_stops: dict[int, list[float]] = {}     # block number -> tab positions

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802 (Qt name)
        if self.tab_stops and block.isValid():
            stops = self.tab_stops.get(block.blockNumber())
            if stops:
                self._layout_with_tabs(block, stops)
        return super().blockBoundingRect(block)

    def _layout_with_tabs(self, block: QTextBlock, stops: list[float]) -> None:
        """Lay the block out as QPlainTextDocumentLayout does, with `stops` as its tab positions
        (again whenever Qt laid it out with the document's own option)."""
        layout = block.layout()
        if layout.lineCount() and [tab.position for tab in layout.textOption().tabs()] == stops:
            return
        document = self.document()
        option = QTextOption(document.defaultTextOption())
        option.setTabs([QTextOption.Tab(x, QTextOption.TabType.LeftTab) for x in stops])
        layout.setTextOption(option)
        margin = document.documentMargin()
        width = self._text_width()
        available = (width if width > 0 else float(2 ** 31 - 1)) - 2 * margin
        lines_before = document.lineCount()
        height = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLeadingIncluded(True)
            line.setLineWidth(available)
            line.setPosition(QPointF(margin, height))
            height += line.height() + (math.ceil(line.leading()) if line.leading() < 0 else 0)
        layout.endLayout()
        block.setLineCount(layout.lineCount() if block.isVisible() else 0)
        if document.lineCount() != lines_before:
            self.documentSizeChanged.emit(self.documentSize())


class ReportView(QPlainTextEdit):
    """Shows one report. Offsets in its API are code points; Qt positions stay inside this class."""

    # code-point offset of the text at the top of the view, emitted as the user scrolls
    topOffsetChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # Start-up: a viewport made here, so PySide6 knows its type; asked for the one Qt made, it
        # would first set up every QWidget subclass's Python type to find its exact type (~10 ms).
        # Set up as QAbstractScrollArea and QPlainTextEdit set up theirs.
        viewport = QWidget(self)
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        viewport.setCursor(Qt.CursorShape.IBeamCursor)
        self.setViewport(viewport)
        document = QTextDocument(self)
        self._layout = _TableLayout(document, lambda: self.viewport().width())
        document.setDocumentLayout(self._layout)
        self.setDocument(document)
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
        self._margin = _BookmarkMargin(self)
        self._zoom = 0
        self._apply_font()
        self._text = ""
        self._map = Utf16Map("")
        self._spans: list[_Span] = []
        self._span_starts: list[int] = []
        self._figures: list[Figure] = []
        self._figure_starts: list[int] = []
        self._hidden_kinds: set[str] = set()
        self._annotations: list[Annotation] = []
        self._ann_spans: list[_Span] = []         # notes and highlights, by start
        self._ann_starts: list[int] = []
        self._ann_max_end: list[int] = []         # running maximum of ends: finds long spans
        self._bookmarks: list[tuple[int, Annotation]] = []   # (Qt position, bookmark)
        self._colour_names: dict[str, str] = {}
        self._flash: tuple[int, int] | None = None
        self._flash_strength = 0.0
        self._flash_animation = None   # made by the first flash_offsets (start-up: not before)
        self._tables: list[TextTable] = []
        self._table_widths: list[tuple[list, list[float]]] | None = None   # per table, for this font
        self._table_rows: list[_TableRows] = []
        self._formatted: set[int] = set()
        self._loading = False          # set_report is replacing the text: format nothing yet
        self._format_cache: dict[str, QTextCharFormat | None] = {}
        self._last_top = -1
        self._anchor = 0               # the offset to keep at the top across resizes
        self._scrolling = False
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.updateRequest.connect(self._on_update_request)
        self._place_margin()

    # -- content ----------------------------------------------------------------------------

    def set_report(self, text: str, sections: list[SectionNode], figures: list[Figure],
                   tables: Sequence[TextTable] = ()) -> None:
        """Show a report; formatting happens block by block as blocks come into view. Each table's
        rows are laid out in aligned columns."""
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
        self._annotations = []
        self._set_annotation_spans([])
        self._bookmarks = []
        self._end_flash()
        self._last_top = -1
        self._anchor = 0
        # setPlainText scrolls to the top while the document is still empty: a block formatted then
        # (the first, one character long) would count as done and keep its one-character heading.
        self._tables = [t for t in tables if 0 <= t.start < t.end <= len(text)]
        self._table_widths = None
        self._table_rows = []
        self._layout.tab_stops = {}
        self._loading = True
        try:
            self.setPlainText(text)
        finally:
            self._loading = False
        self._formatted.clear()
        self._lay_out_tables()
        self._format_visible()

    def text(self) -> str:
        return self._text

    # -- tables ---------------------------------------------------------------------------------

    def _lay_out_tables(self) -> None:
        """Tab stops for each table's rows: a column starts after the widest cell before it (measured
        in bold, so a bold cell fits too) and a gap, narrowed when the table is wider than the text;
        a table too wide even so keeps Qt's plain tab grid. Again after a font change or resize."""
        doc = self.document()
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        em = metrics.horizontalAdvance("中")
        available = self.viewport().width() - 2 * doc.documentMargin()
        if self._table_widths is None:
            self._table_widths = [self._column_widths(table, metrics) for table in self._tables]
        to_qt = self._map.to_qt
        old_stops, stops = self._layout.tab_stops, {}
        self._table_rows = []
        for table, (rows, widths) in zip(self._tables, self._table_widths):
            spare = available - sum(widths)
            gap = min(TABLE_GAP_EM * em, spare / (len(widths) - 1)) if len(widths) > 1 else 0.0
            fits = gap >= TABLE_MIN_GAP_EM * em or len(widths) == 1
            columns = list(accumulate((w + gap for w in widths[:-1]), initial=0.0)) if fits else [0.0]
            blocks = [doc.findBlock(to_qt(row[0][0])).blockNumber() for row in rows]
            if fits:
                stops.update((number, columns[1:]) for number in blocks)
            width = columns[-1] + widths[-1] if fits and widths else available
            self._table_rows.append(_TableRows(blocks, [[(to_qt(s), to_qt(e)) for s, e in row] for row in rows],
                                               columns, width, gap))
        self._layout.tab_stops = stops
        for number in set(stops) | set(old_stops):    # laid out again, with their stops, when next drawn
            block = doc.findBlockByNumber(number)
            doc.markContentsDirty(block.position(), block.length())

    def _column_widths(self, table: TextTable, metrics: QFontMetricsF) -> tuple[list, list[float]]:
        """(the table's rows of cell spans, each column's widest cell)."""
        rows = table.rows(self._text)
        widths: list[float] = []
        for row in rows:
            for column, (start, end) in enumerate(row):
                width = metrics.horizontalAdvance(self._text[start:end])
                if column < len(widths):
                    widths[column] = max(widths[column], width)
                else:
                    widths.append(width)
        return rows, widths

    def _paint_tables(self, painter: QPainter) -> None:
        """A light band behind each row (the first, a header, a little darker; a blank line between
        rows, paler) and hairlines between the columns, under the text."""
        offset = self.contentOffset()
        height = self.viewport().height()
        margin = self.document().documentMargin()
        first = self.firstVisibleBlock().blockNumber()
        rule = QPen(palette.TABLE_RULE)
        rule.setWidthF(1.0)
        painter.setPen(rule)
        for table in self._table_rows:
            if not table.blocks or table.blocks[-1] < first or table.blocks[0] > first + MAX_BLOCKS_PER_PASS:
                continue
            rows = set(table.blocks)
            for index, number in enumerate(range(max(first, table.blocks[0]), table.blocks[-1] + 1)):
                block = self.document().findBlockByNumber(number)
                geometry = self.blockBoundingGeometry(block).translated(offset)
                if geometry.top() > height:
                    return
                left = geometry.left() + margin
                band = QRectF(left - 4, geometry.top(), table.width + 8, geometry.height())
                if number not in rows:
                    painter.fillRect(band, palette.TABLE_ROW_ALT)
                    continue
                row = table.blocks.index(number)
                painter.fillRect(band, palette.TABLE_HEADER if row == 0 else
                                 palette.TABLE_ROW if row % 2 else palette.TABLE_ROW_ALT)
                for x in table.columns[1:]:
                    painter.drawLine(QPointF(left + x - table.gap / 2, geometry.top()),
                                     QPointF(left + x - table.gap / 2, geometry.bottom()))

    # -- offsets <-> Qt ------------------------------------------------------------------------

    def to_qt(self, offset: int) -> int:
        return self._map.to_qt(offset)

    def from_qt(self, position: int) -> int:
        return self._map.from_qt(position)

    def top_offset(self) -> int:
        """Code-point offset of the first character shown at the top of the view."""
        cursor = self.cursorForPosition(QPoint(4, 4))
        return self.from_qt(cursor.position())

    def scroll_to_offset(self, offset: int, context_lines: int = 0) -> None:
        """Scroll so the line holding `offset` is the first line of the view (or is preceded by
        `context_lines` lines, to show a passage with what leads to it)."""
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
            bar.setValue(max(0, block.firstLineNumber() + max(0, line_no) - context_lines))
        finally:
            self._scrolling = False
        self._anchor = self.top_offset() if context_lines else offset
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

    # -- annotations --------------------------------------------------------------------------

    def set_annotations(self, annotations: list[Annotation]) -> None:
        """Mark notes and highlights as colour bands and bookmarks in the margin; only the blocks
        whose marks changed are formatted again. Unplaced and deleted annotations are not drawn."""
        placed = [a for a in annotations if not a.unplaced and not a.deleted
                  and 0 <= a.start <= a.end <= len(self._text)]
        self._annotations = placed
        to_qt = self._map.to_qt
        spans = [_Span(to_qt(a.start), to_qt(a.end), f"ann:{a.kind}:{a.colour}", a)
                 for a in placed if a.kind != "bookmark" and a.end > a.start]
        old = {(s.start, s.end, s.style) for s in self._ann_spans}
        new = {(s.start, s.end, s.style) for s in spans}
        self._set_annotation_spans(spans)
        self._bookmarks = sorted(((to_qt(a.start), a) for a in placed if a.kind == "bookmark"),
                                 key=lambda item: item[0])
        for start, end in sorted({(start, end) for start, end, _style in old ^ new}):   # a recolour: once
            self._reformat_range(start, end)
        self._format_visible()
        self._margin.update()

    def apply_annotation_changes(self, changes: AnnotationChanges) -> None:
        """Take in what changed among this report's annotations: only the changed marks' blocks
        are coloured again (see set_annotations); a changed body alone recolours nothing."""
        known = {a.uuid: a for a in self._annotations}
        changed = {a.uuid: a for a in changes.added + changes.updated}
        if not changes.removed and all(_same_mark(known.get(uuid), ann) for uuid, ann in changed.items()):
            self._annotations = [changed.get(a.uuid, a) for a in self._annotations]
            self._ann_spans = [replace(span, payload=changed[span.payload.uuid])
                               if span.payload.uuid in changed else span for span in self._ann_spans]
            self._bookmarks = [(pos, changed.get(a.uuid, a)) for pos, a in self._bookmarks]
            return
        for uuid in changes.removed:
            known.pop(uuid, None)
        known.update(changed)
        self.set_annotations(sorted(known.values(), key=lambda a: (a.start, a.end)))

    def annotations(self) -> list[Annotation]:
        return list(self._annotations)

    def set_colour_names(self, names: dict[str, str]) -> None:
        """The meaning of each highlight colour (重点, 疑问, …), shown when hovering a mark."""
        self._colour_names = dict(names)

    def _set_annotation_spans(self, spans: list[_Span]) -> None:
        spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._ann_spans = spans
        self._ann_starts = [s.start for s in spans]
        self._ann_max_end = list(accumulate((s.end for s in spans), max))

    def _annotation_spans_in(self, start: int, end: int) -> list[_Span]:
        """Note and highlight spans overlapping Qt range [start, end), highlights before notes."""
        i = bisect_left(self._ann_starts, end)
        found = []
        j = i - 1
        while j >= 0 and self._ann_max_end[j] > start:
            if self._ann_spans[j].end > start:
                found.append(self._ann_spans[j])
            j -= 1
        found.reverse()
        found.sort(key=lambda s: s.style.startswith("ann:note"))    # stable: notes drawn last
        return found

    def annotations_at(self, offset: int) -> list[Annotation]:
        """The notes and highlights covering code-point `offset`."""
        pos = self.to_qt(offset)
        return [s.payload for s in self._annotation_spans_in(pos, pos + 1)]

    def annotation_tooltip(self, annotations: list[Annotation]) -> str:
        """Rich text whose every user string is escaped: a note's body shows as typed, never as HTML."""
        import html                   # with the first tooltip (start-up)

        parts = []
        for ann in annotations:
            name = self._colour_names.get(ann.colour, ann.colour) if ann.kind == "highlight" else ""
            head = mark_label(ann.kind, name)
            if ann.author:
                head += f" · {ann.author}"
            colour = palette.annotation_line(ann.kind, ann.colour).name()
            body = html.escape(ann.body) if ann.body else ""
            parts.append(f"<p style='white-space:pre-wrap; margin:0'><b style='color:{colour}'>"
                         f"{html.escape(head)}</b>" + (f"<br>{body}" if body else "") + "</p>")
        return "<qt>" + "<hr>".join(parts) + "</qt>"

    # -- bookmarks in the margin -------------------------------------------------------------

    def bookmark_markers(self) -> list[tuple[Annotation, QRect]]:
        """Visible bookmark markers and their rectangles in the margin strip's coordinates."""
        if not self._bookmarks or not self._text:
            return []
        markers = []
        offset = self.contentOffset()
        height = self.viewport().height()
        width = self._margin.width()
        first = self.firstVisibleBlock().position()
        start = bisect_left(self._bookmarks, first, key=lambda item: item[0])
        for pos, ann in self._bookmarks[start:]:
            block = self.document().findBlock(pos)
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            layout = block.layout()
            top, line_height = geometry.top(), geometry.height()
            if layout is not None and layout.lineCount():
                line = layout.lineForTextPosition(pos - block.position())
                if line.isValid():
                    top, line_height = geometry.top() + line.y(), line.height()
            size = max(8, min(14, int(line_height * 0.6)))
            y = int(top + (line_height - size) / 2)
            if y + size < 0:
                continue
            markers.append((ann, QRect(width - size - 4, y, size * 3 // 4 + 1, size)))
        return markers

    def bookmark_margin(self) -> QWidget:
        return self._margin

    def _place_margin(self) -> None:
        viewport = self.viewport().geometry()
        left = self.contentsRect().left()
        self._margin.setGeometry(QRect(left, viewport.top(), max(0, viewport.left() - left),
                                       viewport.height()))
        self._margin.update()

    def _on_update_request(self, *_args) -> None:
        self._format_visible()
        self._margin.update()

    # -- flash ---------------------------------------------------------------------------------

    def flash_offsets(self, start: int, end: int) -> None:
        """Let the passage [start, end) glow and fade (a zero-length span: its whole line)."""
        if self._flash_animation is None:
            from PySide6.QtCore import QEasingCurve, QVariantAnimation

            self._flash_animation = QVariantAnimation(self)
            self._flash_animation.setStartValue(1.0)
            self._flash_animation.setEndValue(0.0)
            self._flash_animation.setDuration(FLASH_MS)
            self._flash_animation.setEasingCurve(QEasingCurve.Type.InQuad)
            self._flash_animation.valueChanged.connect(self._on_flash_step)
            self._flash_animation.finished.connect(self._end_flash)
        self._flash_animation.stop()
        self._flash = (self.to_qt(start), self.to_qt(end))
        self._flash_strength = 1.0
        self._flash_animation.start()
        self.viewport().update()

    def is_flashing(self) -> bool:
        return self._flash is not None

    def _on_flash_step(self, value) -> None:
        self._flash_strength = float(value)
        self.viewport().update()

    def _end_flash(self) -> None:
        if self._flash is not None:
            self._flash = None
            self.viewport().update()

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering Qt range [start, end) line by line (the line, if empty)."""
        rects: list[QRectF] = []
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            layout, base = block.layout(), block.position()
            for i in range(layout.lineCount() if geometry.bottom() >= 0 else 0):
                line = layout.lineAt(i)
                line_start = base + line.textStart()
                line_end = line_start + line.textLength()
                top = geometry.top() + line.y()
                if start == end:
                    if line_start <= start < line_end or (start == line_end and i == layout.lineCount() - 1):
                        rects.append(QRectF(geometry.left(), top, geometry.width(), line.height()))
                    continue
                lo, hi = max(start, line_start), min(end, line_end)
                if hi <= lo:
                    continue
                x1 = line.cursorToX(lo - base)[0]
                x2 = line.cursorToX(hi - base)[0]
                rects.append(QRectF(geometry.left() + x1, top, x2 - x1, line.height()))
            block = block.next()
        return rects

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._table_rows:
            painter = QPainter(self.viewport())
            self._paint_tables(painter)
            painter.end()
        super().paintEvent(event)
        if self._flash is None or self._flash_strength <= 0:
            return
        colour = QColor(palette.FLASH_COLOUR)
        colour.setAlphaF(0.55 * self._flash_strength)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for rect in self.range_rects(*self._flash):
            painter.drawRoundedRect(rect.adjusted(-2, -1, 2, 1), 3, 3)

    # -- figure kinds -----------------------------------------------------------------------

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        if visible:
            self._hidden_kinds.discard(kind)
        else:
            self._hidden_kinds.add(kind)
        self._reformat_all()

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
        if getattr(self, "_tables", None):
            self._table_widths = None
            self._lay_out_tables()

    def _update_margins(self, width: int | None = None) -> None:
        """Centre a text column of at most MAX_TEXT_WIDTH_EM characters in a pane `width` wide (now: its width)."""
        em = self.fontMetrics().horizontalAdvance("中")
        max_width = MAX_TEXT_WIDTH_EM * em
        side = max(24, ((self.width() if width is None else width) - max_width) // 2)
        self.setViewportMargins(side, 16, side, 16)
        self._place_margin()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self._format_visible()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        anchor = self._anchor          # relayout moves the scroll bar: keep the reading place instead
        self._scrolling = True
        try:
            # The margins first: QPlainTextEdit lays the text out for the viewport's width in its
            # resizeEvent, and a margin changed after that left the lines too long for the column.
            self._update_margins(event.size().width())
            super().resizeEvent(event)
            if getattr(self, "_tables", None):
                self._lay_out_tables()
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
        if style.startswith("ann:"):
            # Only the band (and a note's dotted line): a figure inside keeps its solid underline.
            _, kind, colour = style.split(":", 2)
            fmt.setBackground(palette.annotation_background(kind, colour))
            if kind == "note":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(palette.annotation_line(kind, colour))
            return fmt
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
        for span in self._annotation_spans_in(start, end):    # after the rest: their band wins
            lo, hi = max(span.start, start), min(span.end, end)
            if hi > lo:
                rng = QTextLayout.FormatRange()
                rng.start, rng.length, rng.format = lo - start, hi - lo, self._char_format(span)
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
        if not self._text or not self.isVisible() or self._loading:
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

    def _reformat_range(self, start: int, end: int) -> None:
        """Format again the already formatted blocks touching Qt range [start, end]."""
        doc = self.document()
        block = doc.findBlock(start)
        while block.isValid() and block.position() <= end:
            if block.blockNumber() in self._formatted:
                self._formatted.discard(block.blockNumber())
                self._format_block(block)
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
            from viewer.core.figures import describe_value    # the scanner's module: not at start

            viewport_pos = self.viewport().mapFromParent(event.pos())
            cursor = self.cursorForPosition(viewport_pos)
            rect = self.cursorRect(cursor)
            fig, notes = None, []
            if abs(rect.center().y() - viewport_pos.y()) <= rect.height():
                # the character under the mouse: the cursor lands on its left or right edge
                offsets = [self.from_qt(cursor.position())]
                if cursor.position() > 0:
                    offsets.append(self.from_qt(cursor.position() - 1))
                fig = next((f for f in map(self.figure_at, offsets) if f is not None), None)
                notes = next((a for a in map(self.annotations_at, offsets) if a), [])
            if fig is not None and fig.kind in self._hidden_kinds:
                fig = None
            if notes:
                tip = self.annotation_tooltip(notes)
                if fig is not None:
                    import html

                    tip = tip.replace("<qt>", f"<qt><p style='margin:0'>{html.escape(fig.text)} → "
                                      f"{html.escape(describe_value(fig))}</p><hr>", 1)
                QToolTip.showText(event.globalPos(), tip, self)
            elif fig is not None:
                QToolTip.showText(event.globalPos(), f"{fig.text} → {describe_value(fig)}", self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
