"""Print or save as PDF a report with its highlights, notes and bookmarks, paged with header and footer."""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QFontMetricsF, QPageLayout, QPageSize, QPainter,
                           QPagedPaintDevice, QPdfWriter, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument)
from PySide6.QtPrintSupport import QPrinter

from viewer.core.errors import ReportViewerError
from viewer.core.export import annotation_times
from viewer.core.store import Annotation
from viewer.core.structure import SectionNode, iter_sections
from viewer.ui import palette
from viewer.ui.offsets import Utf16Map

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimSun")
CREATOR = "报告阅览器 Report Viewer"
PAGE_MARGIN_MM = 18
PDF_RESOLUTION = 300
NOTE_GREY = QColor("#555555")
LINE_SEPARATOR = "\u2028"   # a line break inside one block (a note body never opens a new paragraph)


def cjk_font_family() -> str:
    """The first installed CJK family of CJK_FAMILIES, else the application's default family."""
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), QFont().family())


def _char_format(point_size: float, *, bold: bool = False, colour: QColor | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(max(point_size, 4))
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setForeground(colour if colour is not None else QColor(Qt.GlobalColor.black))
    return fmt


def _block_format(*, top: float = 0, bottom: float = 0, indent: float = 0) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(indent)
    fmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return fmt


def _kind_label(ann: Annotation, colour_names: dict[str, str]) -> str:
    """批注 / 高亮 / 书签, and the colour's meaning when it has one (高亮 · 重点)."""
    label = {"note": QCoreApplication.translate("ReportPrinter", "批注"),
             "highlight": QCoreApplication.translate("ReportPrinter", "高亮"),
             "bookmark": QCoreApplication.translate("ReportPrinter", "书签")}.get(ann.kind, ann.kind)
    meaning = colour_names.get(ann.colour, "") if ann.kind != "bookmark" else ""
    return f"{label} · {meaning}" if meaning else label


def _note_line(ann: Annotation, colour_names: dict[str, str]) -> str:
    """批注（张三）：正文, then 修改于 2026-12-02 15:30 (+08:00) on a line of its own (the time as the
    notes panel and the exports show it) — plain text, one block."""
    head = _kind_label(ann, colour_names)
    if ann.author:
        head += QCoreApplication.translate("ReportPrinter", "（{author}）").format(author=ann.author)
    body = ann.body.replace("\r\n", "\n").replace("\n", LINE_SEPARATOR)
    changed = "".join(LINE_SEPARATOR + QCoreApplication.translate("ReportPrinter", "修改于 {when}").format(when=when)
                      for field, when in annotation_times(ann) if field == "modified")
    return head + QCoreApplication.translate("ReportPrinter", "：") + body + changed


def build_print_document(title: str, text: str, sections: Sequence[SectionNode], annotations: Sequence[Annotation],
                         colour_names: dict[str, str], *, base_point_size: float = 11) -> QTextDocument:
    """The report laid out for paper: title, styled headings, tinted highlights, notes after their paragraph."""
    document = QTextDocument()
    font = QFont(cjk_font_family())
    font.setPointSizeF(base_point_size)
    document.setDefaultFont(font)
    body_fmt = _char_format(base_point_size)
    note_fmt = _char_format(base_point_size - 2, colour=NOTE_GREY)
    title_fmt = _char_format(base_point_size + palette.HEADING_SIZE_STEP.get(0, 0), bold=True,
                             colour=palette.HEADING_COLOUR)
    lines = text.split("\n")
    line_starts, pos = [], 0
    for line in lines:
        line_starts.append(pos)
        pos += len(line) + 1
    # The text's first non-blank line is its title: shown as the heading when it matches `title`.
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    title_in_text = first is not None and lines[first].strip() == title.strip()
    live = [a for a in annotations if not a.deleted]
    placed = [a for a in live if not a.unplaced and 0 <= a.start <= a.end <= len(text)]
    after_line: dict[int, list[Annotation]] = {}
    for ann in sorted(placed, key=lambda a: (a.end, a.start)):
        line_index = bisect_right(line_starts, max(ann.start, ann.end - 1)) - 1
        after_line.setdefault(line_index, []).append(ann)

    cursor = QTextCursor(document)
    paragraph_fmt = _block_format(bottom=base_point_size * 0.6)
    cursor.setBlockFormat(paragraph_fmt)
    block_open = False   # the current block holds text: the next paragraph needs a new one
    if not title_in_text:
        cursor.setBlockFormat(_block_format(bottom=base_point_size))
        cursor.insertText(title, title_fmt)
        block_open = True
    text_map = Utf16Map(text)
    block_positions: list[int] = []   # document position of each line's first character
    for index, line in enumerate(lines):
        if line:   # blank lines print as paragraph spacing, not as empty blocks
            if block_open:
                cursor.insertBlock(paragraph_fmt, body_fmt)
            block_open = True
        block_positions.append(cursor.position())
        cursor.insertText(line, body_fmt)
        notes = after_line.get(index, ())
        for ann in notes:
            if ann.kind == "bookmark":
                label = (ann.body or ann.exact).strip()[:40]
                marker = QCoreApplication.translate("ReportPrinter", "［书签：{label}］").format(label=label)
                cursor.insertText(marker, _char_format(base_point_size - 2, bold=True,
                                                       colour=palette.annotation_line("bookmark", "")))
        for ann in notes:
            if ann.kind != "bookmark" and ann.body.strip():
                cursor.insertBlock(_block_format(indent=base_point_size * 2, bottom=base_point_size * 0.6),
                                   note_fmt)
                block_open = True
                cursor.insertText(_note_line(ann, colour_names), note_fmt)

    def qt_position(offset: int) -> int:
        line_index = bisect_right(line_starts, offset) - 1
        return block_positions[line_index] + text_map.to_qt(offset) - text_map.to_qt(line_starts[line_index])

    def apply(start: int, end: int, fmt: QTextCharFormat) -> None:
        """Merge `fmt` over text[start:end], one line at a time (note blocks between lines stay untouched)."""
        first_line = bisect_right(line_starts, start) - 1
        for line_index in range(first_line, len(lines)):
            line_start = line_starts[line_index]
            line_end = line_start + len(lines[line_index])
            if line_start >= end:
                break
            lo, hi = max(start, line_start), min(end, line_end)
            if hi > lo:
                cursor.setPosition(qt_position(lo))
                cursor.setPosition(qt_position(hi), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)

    if title_in_text:
        apply(line_starts[first], line_starts[first] + len(lines[first]), title_fmt)
        cursor.setPosition(qt_position(line_starts[first]))
        cursor.setBlockFormat(_block_format(bottom=base_point_size))
    for node in iter_sections(sections):
        step = 0 if node.run_in else palette.HEADING_SIZE_STEP.get(node.level, 0)
        apply(node.start, node.heading_end, _char_format(base_point_size + step, bold=True,
                                                         colour=palette.HEADING_COLOUR))
        if not node.run_in:
            cursor.setPosition(qt_position(node.start))
            block_fmt = cursor.blockFormat()
            block_fmt.setTopMargin(base_point_size * (1.2 if node.level <= 1 else 0.6))
            cursor.setBlockFormat(block_fmt)
    for ann in placed:
        if ann.kind != "bookmark":
            band = QTextCharFormat()
            band.setBackground(palette.annotation_background(ann.kind, ann.colour))
            if ann.kind == "note":
                band.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                band.setUnderlineColor(palette.annotation_line(ann.kind, ann.colour))
            apply(ann.start, ann.end, band)

    unplaced = [a for a in live if a.unplaced]
    if unplaced:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock(_block_format(top=base_point_size * 1.5, bottom=base_point_size * 0.5),
                           _char_format(base_point_size + palette.HEADING_SIZE_STEP.get(1, 0), bold=True,
                                        colour=palette.HEADING_COLOUR))
        cursor.insertText(QCoreApplication.translate("ReportPrinter", "未定位的批注"))
        for ann in unplaced:
            cursor.insertBlock(_block_format(indent=base_point_size, bottom=base_point_size * 0.4), note_fmt)
            quote = ann.exact.replace("\n", " ").strip()
            cursor.insertText(QCoreApplication.translate("ReportPrinter", "「{quote}」").format(quote=quote) + LINE_SEPARATOR if quote else "", note_fmt)
            cursor.insertText(_note_line(ann, colour_names) if ann.body.strip() else _kind_label(ann, colour_names),
                              note_fmt)
    return document


def _scale_block_margins(document: QTextDocument, factor: float) -> None:
    """Block margins are built in points; a document laid out on a device measures them in its pixels."""
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        fmt.setTopMargin(fmt.topMargin() * factor)
        fmt.setBottomMargin(fmt.bottomMargin() * factor)
        fmt.setLeftMargin(fmt.leftMargin() * factor)
        QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


def _paint_pages(document: QTextDocument, device: QPagedPaintDevice, title: str) -> None:
    """Paint `document` page by page on a QPdfWriter or QPrinter: running title on top, 第 N 页 / 共 M 页 below."""
    pages_doc = document.clone()
    pages_doc.documentLayout().setPaintDevice(device)   # lay out at the device's resolution
    pages_doc.setDocumentMargin(0)
    _scale_block_margins(pages_doc, device.logicalDpiY() / 72)
    painter = QPainter()
    if not painter.begin(device):
        raise ReportViewerError(QCoreApplication.translate("ReportPrinter", "无法开始打印：{title}").format(title=title))
    try:
        small = QFont(cjk_font_family())
        small.setPointSizeF(8.5)
        painter.setFont(small)
        line_height = QFontMetricsF(small, device).height()
        page = QRectF(0, 0, device.width(), device.height())
        body = page.adjusted(0, line_height * 2.2, 0, -line_height * 2.2)
        pages_doc.setPageSize(body.size())
        count = pages_doc.pageCount()
        first, last = 1, count
        if isinstance(device, QPrinter) and device.fromPage() > 0:
            first, last = max(1, device.fromPage()), min(count, device.toPage() or count)
        for number in range(first, last + 1):
            if number > first:
                device.newPage()
            painter.setPen(QColor("#666666"))
            header = QRectF(page.left(), page.top(), page.width(), line_height)
            elided = painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideMiddle, int(page.width()))
            painter.drawText(header, Qt.AlignmentFlag.AlignCenter, elided)
            rule_y = page.top() + line_height * 1.4
            painter.drawLine(int(page.left()), int(rule_y), int(page.right()), int(rule_y))
            footer = QRectF(page.left(), page.bottom() - line_height, page.width(), line_height)
            painter.drawText(footer, Qt.AlignmentFlag.AlignCenter,
                             QCoreApplication.translate("ReportPrinter", "第 {page} 页 / 共 {pages} 页").format(page=number, pages=count))
            painter.save()
            painter.translate(body.left(), body.top() - (number - 1) * body.height())
            pages_doc.drawContents(painter, QRectF(0, (number - 1) * body.height(), body.width(), body.height()))
            painter.restore()
    finally:
        painter.end()


def write_pdf(document: QTextDocument, path: str, *, title: str) -> None:
    """Save `document` as an A4 PDF (fonts embedded); raises ReportViewerError when `path` cannot be written."""
    try:
        with open(path, "wb"):
            pass
    except OSError as error:
        raise ReportViewerError(QCoreApplication.translate("ReportPrinter", "{path}：无法写入（{reason}）；请另选文件").format(
            path=path, reason=error.strerror or error)) from None
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(*[PAGE_MARGIN_MM] * 4), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    _paint_pages(document, writer, title)


def print_document(document: QTextDocument, printer: QPrinter, *, title: str = "") -> None:
    """Print `document` on `printer` (as set up by a QPrintDialog), same pages as the PDF."""
    _paint_pages(document, printer, title or printer.docName())
