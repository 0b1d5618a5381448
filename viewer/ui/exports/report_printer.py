"""Print or save as PDF a report with its highlights, notes and bookmarks, paged with header and footer."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QFontMetricsF, QPageLayout, QPageSize, QPainter,
                           QPagedPaintDevice, QPdfWriter, QRawFont, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument, QTextLine)
from PySide6.QtPrintSupport import QPrinter

from viewer.core.errors import ReportViewerError
from viewer.core.export import annotation_times
from viewer.core.model import Annotation, SectionNode, iter_sections, page_of
from viewer.ui import palette
from viewer.ui.labels import mark_label
from viewer.ui.reader.offsets import Utf16Map

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimSun")
MAX_PROBED_FAMILIES = 8      # other Chinese families tried after CJK_FAMILIES, so a font-rich machine stays quick
CREATOR = "报告阅览器 Report Viewer"
PAGE_MARGIN_MM = 18
PDF_RESOLUTION = 300
LINE_PITCH_EM = 1.6          # baseline to baseline, in font sizes, whatever the font's own ascent and descent
NOTE_GREY = QColor("#555555")
LINE_SEPARATOR = "\u2028"   # a line break inside one block (a note body never opens a new paragraph)
_BMP = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF)


def _faces(family: str) -> list[QRawFont]:
    """The regular and bold faces Qt would draw `family` with (headings are bold)."""
    faces = []
    for bold in (False, True):
        font = QFont(family)
        font.setPixelSize(32)
        font.setBold(bold)
        faces.append(QRawFont.fromFont(font))
    return faces


def _lowest_character_of_glyph(face: QRawFont) -> dict[int, str]:
    """Glyph -> the lowest BMP character the font maps to it: what Qt's PDF writer names the glyph in ToUnicode."""
    owners: dict[int, str] = {}
    for char, glyph in zip(_BMP, face.glyphIndexesForString(_BMP)):
        if glyph and glyph not in owners:
            owners[glyph] = char
    return owners


def pdf_aliases(family: str, text: str) -> dict[str, str]:
    """Characters a PDF in `family` would give back instead of those of `text`, wrong -> right (Noto CJK: ⼯ for 工)."""
    chars = "".join(sorted({c for c in text if " " <= c <= "\uffff" and not 0xD800 <= ord(c) <= 0xDFFF}))
    aliases: dict[str, str] = {}
    for face in _faces(family):
        owners = _lowest_character_of_glyph(face)
        for char, glyph in zip(chars, face.glyphIndexesForString(chars)):
            owner = owners.get(glyph, char) if glyph else char
            if owner != char:
                aliases.setdefault(owner, char)
    return aliases


def _font_fit(family: str, text: str) -> tuple[bool, bool]:
    """(has a glyph for every character of `text`, a PDF's text would be `text` itself) for `family`."""
    chars = "".join(sorted({c for c in text if c > " " and not c.isspace() and c != LINE_SEPARATOR}))
    covers = all(all(face.glyphIndexesForString(chars)) for face in _faces(family)[:1])
    return covers, covers and not pdf_aliases(family, chars)


def choose_font_family(text: str = "") -> str:
    """The family to print `text` in, chosen by what each installed font does, not by its name.

    The first of CJK_FAMILIES (then other Simplified Chinese families) that has every character and
    whose cmap gives no glyph two characters (Noto Sans CJK maps ⼯ U+2F2F and 工 to one glyph, so
    a PDF would say ⼯); else the first that has every character; else the first installed."""
    installed = QFontDatabase.families()
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    candidates = [family for family in CJK_FAMILIES if family in installed]
    candidates += [family for family in chinese if family not in candidates][:MAX_PROBED_FAMILIES]
    if not candidates:
        return QFont().family()
    covering = None
    for family in candidates:
        covers, faithful = _font_fit(family, text)
        if faithful:
            return family
        if covers and covering is None:
            covering = family
    return covering or candidates[0]


def print_font(family: str, point_size: float) -> QFont:
    """`family` at `point_size`, with the OpenType feature 'locl' off: in a Latin run (APP12348) Noto CJK
    swaps digits for glyphs no character maps to, and a PDF's text would lose them."""
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setFeature(QFont.Tag("locl"), 0)
    return font


def _line_height_percent(font: QFont) -> float:
    """The proportional line height that puts baselines LINE_PITCH_EM font sizes apart in `font`."""
    face = QRawFont.fromFont(font)
    natural = (face.ascent() + face.descent()) / face.pixelSize() if face.isValid() and face.pixelSize() else 1.2
    return 100 * LINE_PITCH_EM / max(natural, 0.5)


def _char_format(point_size: float, *, bold: bool = False, colour: QColor | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontPointSize(max(point_size, 4))
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setForeground(colour if colour is not None else QColor(Qt.GlobalColor.black))
    return fmt


def _block_format(*, top: float = 0, bottom: float = 0, indent: float = 0,
                  line_percent: float = 100) -> QTextBlockFormat:
    """Margins in points (scaled for the device when paged); line height in percent of the font's own."""
    fmt = QTextBlockFormat()
    fmt.setTopMargin(top)
    fmt.setBottomMargin(bottom)
    fmt.setLeftMargin(indent)
    fmt.setLineHeight(line_percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    return fmt


def _kind_label(ann: Annotation, colour_names: dict[str, str]) -> str:
    """批注 / 高亮 / 书签, and the colour's meaning when it has one (高亮 · 重点)."""
    return mark_label(ann.kind, colour_names.get(ann.colour, ""))


def _note_line(ann: Annotation, colour_names: dict[str, str], pages: Sequence[int] = ()) -> str:
    """批注（张三）：正文, then 修改于 2026-12-02 15:30 (+08:00) on a line of its own (the time as the
    notes panel and the exports show it) — plain text, one block. In a paged report the head says
    the page of the source it stands on: 批注（张三） · 原文第2页 (the print has pages of its own)."""
    head = _kind_label(ann, colour_names)
    if ann.author:
        head += QCoreApplication.translate("ReportPrinter", "（{author}）").format(author=ann.author)
    page = None if ann.unplaced else page_of(pages, ann.start)
    if page is not None:
        head += " · " + QCoreApplication.translate("ReportPrinter", "原文第{page}页").format(page=page)
    body = ann.body.replace("\r\n", "\n").replace("\n", LINE_SEPARATOR)
    changed = "".join(LINE_SEPARATOR + QCoreApplication.translate("ReportPrinter", "修改于 {when}").format(when=when)
                      for field, when in annotation_times(ann) if field == "modified")
    return head + QCoreApplication.translate("ReportPrinter", "：") + body + changed


def build_print_document(title: str, text: str, sections: Sequence[SectionNode], annotations: Sequence[Annotation],
                         colour_names: dict[str, str], *, base_point_size: float = 11,
                         family: str | None = None, pages: Sequence[int] = ()) -> QTextDocument:
    """The report laid out for paper: title, styled headings, tinted highlights, notes after their paragraph
    (with the source page they stand on, when `pages`, the report's page map, is not empty).

    The font is `family`, else the one choose_font_family finds for everything printed."""
    document = QTextDocument()
    live = [a for a in annotations if not a.deleted]
    if family is None:
        family = choose_font_family(title + text + "".join(a.body + a.exact for a in live))
    font = print_font(family, base_point_size)
    document.setDefaultFont(font)
    line_percent = _line_height_percent(font)

    def block(**margins: float) -> QTextBlockFormat:
        return _block_format(line_percent=line_percent, **margins)

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
    placed = [a for a in live if not a.unplaced and 0 <= a.start <= a.end <= len(text)]
    after_line: dict[int, list[Annotation]] = {}
    for ann in sorted(placed, key=lambda a: (a.end, a.start)):
        line_index = bisect_right(line_starts, max(ann.start, ann.end - 1)) - 1
        after_line.setdefault(line_index, []).append(ann)

    cursor = QTextCursor(document)
    paragraph_fmt = block(bottom=base_point_size * 0.6)
    cursor.setBlockFormat(paragraph_fmt)
    block_open = False   # the current block holds text: the next paragraph needs a new one
    if not title_in_text:
        cursor.setBlockFormat(block(bottom=base_point_size))
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
                cursor.insertBlock(block(indent=base_point_size * 2, bottom=base_point_size * 0.6),
                                   note_fmt)
                block_open = True
                cursor.insertText(_note_line(ann, colour_names, pages), note_fmt)

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
        cursor.setBlockFormat(block(bottom=base_point_size))
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
        cursor.insertBlock(block(top=base_point_size * 1.5, bottom=base_point_size * 0.5),
                           _char_format(base_point_size + palette.HEADING_SIZE_STEP.get(1, 0), bold=True,
                                        colour=palette.HEADING_COLOUR))
        cursor.insertText(QCoreApplication.translate("ReportPrinter", "未定位的批注"))
        for ann in unplaced:
            cursor.insertBlock(block(indent=base_point_size, bottom=base_point_size * 0.4), note_fmt)
            quote = ann.exact.replace("\n", " ").strip()
            cursor.insertText(QCoreApplication.translate("ReportPrinter", "「{quote}」").format(quote=quote) + LINE_SEPARATOR if quote else "", note_fmt)
            cursor.insertText(_note_line(ann, colour_names) if ann.body.strip() else _kind_label(ann, colour_names),
                              note_fmt)
    return document


def _margin_units_per_point(device: QPagedPaintDevice) -> float:
    """How many block-margin units make one point on `device`, measured on a probe document.

    Qt's layout scales block margins itself (by the device's dpi over the screen's, 300/96 on a
    300 dpi PDF on a 96 dpi screen), so the device's own dpi/72 would count that scaling twice."""
    device_px = []
    for margin in (0.0, 100.0):
        probe = QTextDocument()
        probe.documentLayout().setPaintDevice(device)
        probe.setDocumentMargin(0)
        cursor = QTextCursor(probe)
        cursor.setBlockFormat(_block_format(bottom=margin))
        cursor.insertText("x")
        cursor.insertBlock(_block_format())
        cursor.insertText("x")
        device_px.append(probe.documentLayout().blockBoundingRect(probe.lastBlock()).top())
    px_per_unit = (device_px[1] - device_px[0]) / 100
    px_per_point = device.logicalDpiY() / 72
    return px_per_point / px_per_unit if px_per_unit > 0 else px_per_point


def _scale_block_margins(document: QTextDocument, factor: float) -> None:
    """Block margins are built in points; `factor` turns them into the layout's units on the device."""
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        fmt.setTopMargin(fmt.topMargin() * factor)
        fmt.setBottomMargin(fmt.bottomMargin() * factor)
        fmt.setLeftMargin(fmt.leftMargin() * factor)
        QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


@dataclass
class PaintedPages:
    """What one print run put on paper: the page numbers painted, of how many, and the header and footer text."""

    numbers: list[int]
    total: int
    furniture: str


def _lines_by_page(document: QTextDocument, page_height: float) -> list[list[tuple[QTextLine, QPointF]]]:
    """Every laid-out line of `document`, on the page where it starts, with its block's origin.

    Painting a page with drawContents would also write the neighbouring pages' edge lines into the
    PDF (clipped, so unseen, but copied and found by search): each line goes on one page only."""
    pages: list[list[tuple[QTextLine, QPointF]]] = [[] for _ in range(max(1, document.pageCount()))]
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = layout.position()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            page = int((origin.y() + line.y() + 0.5) // page_height)   # half a device pixel of rounding
            pages[min(max(page, 0), len(pages) - 1)].append((line, origin))
        block = block.next()
    return pages


def _paint_pages(document: QTextDocument, device: QPagedPaintDevice, title: str) -> PaintedPages:
    """Paint `document` page by page on a QPdfWriter or QPrinter: running title on top, 第 N 页 / 共 M 页 below."""
    pages_doc = document.clone()
    pages_doc.documentLayout().setPaintDevice(device)   # lay out at the device's resolution
    pages_doc.setDocumentMargin(0)
    _scale_block_margins(pages_doc, _margin_units_per_point(device))
    painter = QPainter()
    if not painter.begin(device):
        raise ReportViewerError("print.cannot_start", title=title)
    furniture: list[str] = []
    numbers: list[int] = []
    try:
        small = print_font(document.defaultFont().family(), 8.5)
        painter.setFont(small)
        line_height = QFontMetricsF(small, device).height()
        page = QRectF(0, 0, device.width(), device.height())
        body = page.adjusted(0, line_height * 2.2, 0, -line_height * 2.2)
        pages_doc.setPageSize(body.size())
        count = pages_doc.pageCount()
        lines = _lines_by_page(pages_doc, body.height())
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
            folio = QCoreApplication.translate("ReportPrinter", "第 {page} 页 / 共 {pages} 页").format(
                page=number, pages=count)
            painter.drawText(footer, Qt.AlignmentFlag.AlignCenter, folio)
            furniture += [elided, folio]
            painter.save()
            painter.setPen(QColor(Qt.GlobalColor.black))
            painter.translate(body.left(), body.top() - (number - 1) * body.height())
            for line, origin in lines[number - 1]:
                line.draw(painter, origin)
            painter.restore()
            numbers.append(number)
    finally:
        painter.end()
    return PaintedPages(numbers, count, "\n".join(furniture))


def _unwritable(path: str, error: OSError) -> ReportViewerError:
    return ReportViewerError("print.cannot_write", path=str(path), reason=error.strerror or str(error))


def _repair_text_layer(path: str, document: QTextDocument, painted: PaintedPages) -> None:
    """Make the PDF at `path` give back the printed characters when its text is copied (see core.pdf_text)."""
    from viewer.core.pdf_text import repair_file, text_corrections

    printed = document.toPlainText() + "\n" + painted.furniture
    corrections = text_corrections(printed, pdf_aliases(document.defaultFont().family(), printed))
    try:
        repair_file(path, corrections)
    except OSError as error:
        raise _unwritable(path, error) from None


def page_layout() -> QPageLayout:
    """A4 portrait with PAGE_MARGIN_MM all round: the PDF's pages, and where a print starts."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(*[PAGE_MARGIN_MM] * 4), QPageLayout.Unit.Millimeter)


def set_up_printer(printer: QPrinter, title: str) -> None:
    """Start `printer` (a print dialog's or preview's) on the PDF's page layout, named after the report."""
    printer.setPageLayout(page_layout())
    printer.setDocName(title)
    printer.setCreator(CREATOR)


def write_pdf(document: QTextDocument, path: str, *, title: str) -> PaintedPages:
    """Save `document` as an A4 PDF (fonts embedded, text copies as printed); raises ReportViewerError
    when `path` cannot be written."""
    try:
        with open(path, "wb"):
            pass
    except OSError as error:
        raise _unwritable(path, error) from None
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout())
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    painted = _paint_pages(document, writer, title)
    del writer                       # the file is complete and closed once its writer is gone
    _repair_text_layer(str(path), document, painted)
    return painted


def print_document(document: QTextDocument, printer: QPrinter, *, title: str = "") -> PaintedPages:
    """Print `document` on `printer` (as set up by a QPrintDialog or a print preview), same pages as the PDF;
    a printer that writes a PDF file gets the same text repair as Save as PDF."""
    painted = _paint_pages(document, printer, title or printer.docName())
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        _repair_text_layer(printer.outputFileName(), document, painted)
    return painted
