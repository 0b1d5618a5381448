"""PDFs written by Qt (QTextDocument on a QPdfWriter, and the app's own Save as PDF) import as their paragraphs,
with the page map Qt laid out; image-only and outlined-text PDFs are refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QImage, QPageSize, QPainter, QPainterPath, QPdfWriter, QTextBlockFormat,
                           QTextCharFormat, QTextCursor, QTextDocument, QTextFrameFormat, QTextLength,
                           QTextTableFormat)

from tests.conftest import SAMPLE
from viewer.core.errors import IngestError
from viewer.core.ingest import ingest_bytes
from viewer.core.ingest._layout import is_page_number
from viewer.core.model import page_of
from viewer.core.report import parse_bytes, parse_path
from viewer.ui.exports.report_printer import build_print_document, write_pdf

FAMILY = "WenQuanYi Micro Hei"
MARGIN, PAGE_W, PAGE_H = 72.0, 595.0, 842.0
BODY = QRectF(MARGIN, MARGIN, PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN)
HEADER = "某市人民政府办公室"

PARAGRAPHS = [
    "今年以来，全市经济运行总体平稳，地区生产总值增长 5.2%，115 家企业新增上市，2023 年以来累计新增就业岗位"
    "十二万个，居民人均可支配收入稳步提高，各项工作取得新进展。",
    "一是持续深化改革。全年出台改革方案二十余项，营商环境持续优化，市场主体活力不断增强，新登记企业数量创历史"
    "新高，群众和企业办事更加便利，政务服务满意度位居全市前列。",
    "二是加强民生保障。城镇新增就业 3.6 万人，新建改建学校 12 所，新增养老床位 800 张，基本医疗保险参保率"
    "稳定在 95% 以上，困难群众基本生活得到有效保障，社会大局和谐稳定。",
]
TABLE = [("指标", "2024年", "增长"), ("地区生产总值", "1200亿元", "5.2%"), ("一般公共预算收入", "86亿元", "3.1%")]


def no_gaps(text: str) -> str:
    """The text as the body keeps it: no space where the layout set CJK apart from digits."""
    import re
    return re.sub(r"(?<=[\u4e00-\u9fff，。]) (?=\S)|(?<=\S) (?=[\u4e00-\u9fff，。])", "", text)


def report_document(paragraphs: list[str], title_spacing: float = 18) -> QTextDocument:
    """A title, paragraphs with a two-character first-line indent and no spacing between them, a table."""
    document = QTextDocument()
    document.setDefaultFont(QFont(FAMILY, 12))
    document.setDocumentMargin(0)
    cursor = QTextCursor(document)
    title_block = QTextBlockFormat()
    title_block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    title_block.setBottomMargin(title_spacing)
    title = QTextCharFormat()
    title.setFont(QFont(FAMILY, 20))
    cursor.setBlockFormat(title_block)
    cursor.insertText("关于2024年工作情况的报告", title)
    body = QTextBlockFormat()
    body.setTextIndent(24)
    plain = QTextCharFormat()
    plain.setFont(QFont(FAMILY, 12))
    for i, text in enumerate(paragraphs):
        cursor.insertBlock(body, plain)
        cursor.insertText(text, plain)
        if i == 0:
            table_format = QTextTableFormat()
            table_format.setCellPadding(5)
            table_format.setCellSpacing(0)
            table_format.setBorder(0.5)
            table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
            table = cursor.insertTable(len(TABLE), 3, table_format)
            for r, row in enumerate(TABLE):
                for c, cell in enumerate(row):
                    table.cellAt(r, c).firstCursorPosition().insertText(cell, plain)
            cursor.movePosition(QTextCursor.MoveOperation.End)
    return document


def lines_by_page(document: QTextDocument) -> list[list]:
    """Every laid-out line (line, its block's origin, its block) on the page where it starts, as a writer
    places them (a page painted with drawContents would also hold its neighbours' edge lines, clipped)."""
    pages: list[list] = [[] for _ in range(document.pageCount())]
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        origin = document.documentLayout().blockBoundingRect(block).topLeft()   # cells' blocks too
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            page = int((origin.y() + line.y() + 0.5) // BODY.height())
            pages[min(max(page, 0), len(pages) - 1)].append((line, origin, block))
        block = block.next()
    return pages


def first_lines_of_pages(document: QTextDocument) -> dict[int, str]:
    """Page number -> the start of the first body line Qt placed on it (outside tables)."""
    firsts = {}
    for number, lines in enumerate(lines_by_page(document), 1):
        placed = [(origin.y() + line.y(), block.text()[line.textStart():line.textStart() + 6])
                  for line, origin, block in lines if not QTextCursor(block).currentTable()]
        if placed:
            firsts[number] = min(placed)[1]
    return firsts


def write_paged(document: QTextDocument, path, *, header: str | None = HEADER, folio=lambda n, of: f"— {n} —"):
    """Paint `document` line by line on A4 pages of a QPdfWriter at 72 dpi, a running header and a folio on each."""
    writer = a4_writer(path)
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(BODY.width(), BODY.height()))
    pages = lines_by_page(document)
    painter = QPainter(writer)
    small = QFont(FAMILY, 9)
    for n, lines in enumerate(pages, 1):
        if n > 1:
            writer.newPage()
        painter.setFont(small)
        painter.setPen(QColor("#444444"))
        if header:
            painter.drawText(QRectF(0, 30, PAGE_W, 14), Qt.AlignmentFlag.AlignHCenter, header)
        if folio:
            painter.drawText(QRectF(0, PAGE_H - 44, PAGE_W, 14), Qt.AlignmentFlag.AlignHCenter, folio(n, len(pages)))
        painter.save()
        painter.setPen(QColor("black"))
        painter.translate(BODY.left(), BODY.top() - (n - 1) * BODY.height())
        for line, origin, _ in lines:
            line.draw(painter, origin)
        painter.restore()
    painter.end()
    return len(pages)


def crosses_a_page(document: QTextDocument) -> bool:
    """Whether some page starts inside a paragraph (its first line is not its block's first)."""
    document.setPageSize(QSizeF(BODY.width(), BODY.height()))
    return any(min(lines, key=lambda entry: entry[1].y() + entry[0].y())[0].textStart() > 0
               for lines in lines_by_page(document)[1:] if lines)


def a4_writer(path) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    return writer


@pytest.fixture
def long_report(qapp, tmp_path):
    """The three paragraphs, then enough of them again that one paragraph runs across a page break
    (the title's spacing is tried at a few sizes until Qt breaks a page inside a paragraph)."""
    paragraphs = PARAGRAPHS + [f"（{i}）" + PARAGRAPHS[i % 3] * 2 for i in range(1, 12)]
    measure = a4_writer(tmp_path / "layout.pdf")          # lays out as write_paged's writers do
    for spacing in range(18, 60, 6):
        document = report_document(paragraphs, title_spacing=spacing)
        document.documentLayout().setPaintDevice(measure)
        if crosses_a_page(document):
            return paragraphs, document
    raise AssertionError("no title spacing makes a paragraph cross a page")


def test_a_qt_written_report_imports_as_its_paragraphs_and_table_without_header_or_folio(tmp_path, long_report):
    paragraphs, document = long_report
    pages = write_paged(document, tmp_path / "report.pdf")
    assert pages >= 2
    doc = ingest_bytes((tmp_path / "report.pdf").read_bytes(), "report.pdf")
    expected = (["关于2024年工作情况的报告", no_gaps(paragraphs[0]),
                 "\n".join("\t".join(row) for row in TABLE)] + [no_gaps(p) for p in paragraphs[1:]])
    assert doc.text.rstrip("\n").split("\n\n") == expected
    assert HEADER not in doc.text and "—" not in doc.text
    assert len(doc.tables) == 1 and doc.text[doc.tables[0].start:doc.tables[0].end].count("\n") == 2


def test_the_page_map_is_where_qt_put_each_page(tmp_path, long_report):
    paragraphs, document = long_report
    count = write_paged(document, tmp_path / "report.pdf")
    doc = ingest_bytes((tmp_path / "report.pdf").read_bytes(), "report.pdf")
    firsts = first_lines_of_pages(document)
    assert len(doc.pages) == count
    for page in range(2, count + 1):
        start = doc.pages[page - 1]
        assert doc.text[start:start + 6] == no_gaps(firsts[page])[:6]
        assert page_of(doc.pages, start) == page and page_of(doc.pages, start - 1) == page - 1
    crossing = [p for p in doc.pages[1:] if doc.text[p - 1] != "\n"]
    assert crossing, "some paragraph runs across a page break and stays one paragraph"


@pytest.mark.parametrize("folio", [lambda n, of: f"-{n}-", lambda n, of: f"第{n}页", lambda n, of: f"{n}/{of}",
                                   lambda n, of: f"第 {n} 页 共 {of} 页", lambda n, of: str(n)],
                         ids=["dashes", "di-ye", "slash", "di-gong", "lone-number"])
def test_every_folio_style_is_dropped(tmp_path, long_report, folio):
    paragraphs, document = long_report
    write_paged(document, tmp_path / "report.pdf", header=None, folio=folio)
    doc = ingest_bytes((tmp_path / "report.pdf").read_bytes(), "report.pdf")
    body = doc.text.rstrip("\n").split("\n\n")
    assert body[-1] == no_gaps(paragraphs[-1]) and len(body) == len(paragraphs) + 2
    assert not any(is_page_number(line) for line in doc.text.split("\n"))
    assert "页" not in doc.text and "2/" not in doc.text


def test_qt_print_with_its_own_page_numbers_imports_the_same_body(tmp_path, long_report):
    paragraphs, document = long_report
    writer = QPdfWriter(str(tmp_path / "printed.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document.print_(writer)                    # Qt numbers the pages at their bottom right
    del writer
    doc = ingest_bytes((tmp_path / "printed.pdf").read_bytes(), "printed.pdf")
    body = doc.text.rstrip("\n").split("\n\n")
    assert body[0] == "关于2024年工作情况的报告" and body[-1] == no_gaps(paragraphs[-1])
    assert len(body) == len(paragraphs) + 2, "\n".join(p[:20] + "…" + p[-12:] for p in body)
    assert len(doc.pages) >= 2


def test_the_sample_saved_as_pdf_by_the_app_imports_as_the_same_report(tmp_path, qapp):
    source = parse_path(SAMPLE)
    document = build_print_document(source.title, source.text, source.sections, [], {})
    write_pdf(document, str(tmp_path / "sample.pdf"), title=source.title)
    report = parse_bytes((tmp_path / "sample.pdf").read_bytes(), "sample.pdf")
    assert report.text.split("\n\n") == [p for p in source.text.split("\n\n")]
    assert [n.to_dict() for n in report.sections] == [n.to_dict() for n in source.sections]
    assert [f.to_dict() for f in report.figures] == [f.to_dict() for f in source.figures]
    assert len(report.pages) >= 3 and report.pages[0] == 0


# --- no text layer ------------------------------------------------------------------------------

def _paint_pdf(path, paint) -> bytes:
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    paint(painter, writer)
    painter.end()
    del writer
    return path.read_bytes()


def _text_image(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont(FAMILY, 14))
    for row in range(height // 24):
        painter.drawText(QPointF(10, 24 + row * 24), PARAGRAPHS[row % 3][:30])
    painter.end()
    return image


def test_a_scan_written_by_qt_is_refused_as_a_scan(tmp_path, qapp):
    def paint(painter, writer):
        for n in range(2):
            if n:
                writer.newPage()
            painter.drawImage(QRectF(0, 0, writer.width(), writer.height()), _text_image(600, 840))
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(_paint_pdf(tmp_path / "scan.pdf", paint), "scan.pdf")
    assert excinfo.value.code == "ingest.pdf_scanned"


def test_text_drawn_as_a_picture_or_as_outlines_is_refused(tmp_path, qapp):
    def picture(painter, writer):
        painter.drawImage(QRectF(72, 72, 400, 200), _text_image(400, 200))

    def outlines(painter, writer):
        path = QPainterPath()
        for row, text in enumerate(PARAGRAPHS):
            path.addText(QPointF(72, 100 + 30 * row), QFont(FAMILY, 12), text[:30])
        painter.fillPath(path, QColor("black"))
    for name, paint in (("picture.pdf", picture), ("outlines.pdf", outlines)):
        with pytest.raises(IngestError) as excinfo:
            ingest_bytes(_paint_pdf(tmp_path / name, paint), name)
        assert excinfo.value.code == "ingest.pdf_text_as_images", name
