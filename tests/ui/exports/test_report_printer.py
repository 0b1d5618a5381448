"""Printing and Save as PDF: headings, highlight tints at exact offsets, notes as plain text, paged PDF
whose copied text is the report's own (whatever CJK fonts are installed), with sensible spacing."""

import re
import shutil
import statistics
import subprocess

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import ReportViewerError
from viewer.core.report import parse_path
from viewer.core.model import Annotation, iter_sections
from viewer.ui import palette
from viewer.ui.reader.offsets import Utf16Map
from viewer.ui.exports.report_printer import build_print_document, choose_font_family, pdf_aliases, write_pdf

COLOUR_NAMES = {"yellow": "重点", "blue": "存疑"}
NOTO, WQY = "Noto Sans CJK SC", "WenQuanYi Micro Hei"     # Noto aliases radicals (⼯ = 工), WenQuanYi does not
RADICAL = re.compile("[\u2e80-\u2fdf]")


def pdftotext(path, *options):
    assert shutil.which("pdftotext"), "pdftotext is missing: install poppler-utils (the Makefile's APT_PACKAGES)"
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def squeeze(text):
    return re.sub(r"\s+", "", text)


def body_text(path):
    """The PDF's text without each page's running title (its first line) and folio (its last line)."""
    lines = []
    for page in pdftotext(path).split("\f"):
        page_lines = [line for line in page.split("\n") if line.strip()]
        assert not page_lines or re.fullmatch(r"第\d+页/共\d+页", squeeze(page_lines[-1])), page_lines[-1:]
        lines += page_lines[1:-1]
    return "\n".join(lines)


def line_steps(path):
    """Per page, the distances between the tops of consecutive body lines, from pdftotext's bounding boxes."""
    xhtml = pdftotext(path, "-bbox-layout")
    steps = []
    for page in re.findall(r"<page .*?</page>", xhtml, re.S):
        tops = sorted(float(top) for top in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)"', page))[1:-1]
        steps.append([b - a for a, b in zip(tops, tops[1:])])
    return steps


@pytest.fixture(scope="module")
def both_fonts(qapp):
    """Noto Sans CJK and WenQuanYi side by side, as the Makefile installs them (the case that went wrong)."""
    from PySide6.QtGui import QFontDatabase

    missing = [family for family in (NOTO, WQY) if family not in QFontDatabase.families()]
    assert not missing, f"install fonts-noto-cjk and fonts-wqy-microhei (the Makefile's APT_PACKAGES): {missing}"


def make_annotation(text, needle, *, kind="note", body="", colour="", uuid="a", **extra):
    start = text.index(needle)
    return Annotation(uuid=uuid, document_id=1, kind=kind, start=start, end=start + len(needle), exact=needle,
                      prefix="", suffix="", body=body, colour=colour, author="张三",
                      created="2026-11-26T10:00:00.000000+00:00", modified="2026-11-26T10:00:00.000000+00:00",
                      **extra)


def document_position(document, text, offset):
    """UTF-16 document position of code-point `offset`: its paragraph's block plus the in-line offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    line = text[line_start:text.find("\n", offset) if "\n" in text[offset:] else len(text)]
    block = document.begin()
    while block.isValid() and not block.text().startswith(line):
        block = block.next()
    assert block.isValid(), line
    return block.position() + Utf16Map(line).to_qt(offset - line_start)


def background_at(document, position):
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)   # the format of the character before the cursor
    return cursor.charFormat().background().color().name()


@pytest.fixture(scope="module")
def report():
    return parse_path(SAMPLE)


@pytest.fixture
def sample_annotations(report):
    text = report.text
    return [
        make_annotation(text, "新增四项工作制度", body="核对这个数", uuid="n1"),
        make_annotation(text, "增设规范性文件审查协调小组", kind="highlight", colour="blue", uuid="h1"),
        make_annotation(text, "深化全面依法治区工作实践", kind="bookmark", body="依法治区", uuid="b1"),
        make_annotation(text, "坚强领导", body="已删除的批注", uuid="d1", deleted=True),
        make_annotation(text, "成效", kind="highlight", colour="yellow", body="原文已改", uuid="u1", unplaced=True),
    ]


def test_document_holds_headings_notes_bookmarks_and_unplaced(qapp, report, sample_annotations):
    document = build_print_document(report.title, report.text, report.sections, sample_annotations, COLOUR_NAMES)
    plain = document.toPlainText()
    assert plain.startswith(report.title)
    for node in iter_sections(report.sections):
        assert report.text[node.start:node.heading_end] in plain
    assert "批注（张三）：核对这个数" in plain
    assert "［书签：依法治区］" in plain
    assert "已删除的批注" not in plain
    assert plain.index("未定位的批注") < plain.index("「成效」") < plain.index("高亮 · 重点（张三）：原文已改")
    # the note follows the paragraph holding it
    note_at = report.text.index("新增四项工作制度")
    paragraph_end = report.text.index("\n", note_at)
    assert plain.index(report.text[paragraph_end - 20:paragraph_end]) < plain.index("批注（张三）：核对这个数")


def test_highlight_tint_sits_at_its_offset_after_a_non_bmp_character(qapp):
    text = "小报告\n\n一、概况\n古字𠀀之后是要高亮的数字41件，其余不亮。\n"
    highlight = make_annotation(text, "41件", kind="highlight", colour="green")
    document = build_print_document("小报告", text, [], [highlight], {})
    tint = palette.annotation_background("highlight", "green").name()
    first = document_position(document, text, highlight.start)
    last = document_position(document, text, highlight.end - 1)
    assert document.characterAt(first) == "4"
    assert background_at(document, first) == tint
    assert background_at(document, last) == tint
    assert background_at(document, first - 1) != tint     # 的, just before
    assert background_at(document, last + 1) != tint      # ，, just after


def test_note_body_is_printed_as_plain_text(qapp):
    text = "小报告\n正文一段。\n"
    body = '<b>x</b><a href="http://e">y</a>'
    note = make_annotation(text, "正文", body=body)
    document = build_print_document("小报告", text, [], [note], {})
    assert body in document.toPlainText()


def test_write_pdf_pages_with_embedded_chinese_font(qapp, report, sample_annotations, tmp_path):
    document = build_print_document(report.title, report.text, report.sections, sample_annotations, COLOUR_NAMES)
    out = tmp_path / "报告.pdf"
    write_pdf(document, str(out), title=report.title)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) > 1
    assert b"/FontFile2" in data
    if shutil.which("pdftotext"):
        extracted = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                                   check=True).stdout.decode("utf-8")
        squeezed = re.sub(r"\s+", "", extracted)
        assert "法治政府建设" in squeezed
        assert "批注（张三）：核对这个数" in squeezed
        assert re.search(r"第1页/共\d+页", squeezed)


def test_write_pdf_to_unwritable_path_names_it(qapp, report, tmp_path):
    document = build_print_document(report.title, report.text, report.sections, [], {})
    with pytest.raises(ReportViewerError, match=re.escape(str(tmp_path))):
        write_pdf(document, str(tmp_path), title=report.title)


def test_print_document_honours_the_printers_page_range(qapp, report, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from viewer.ui.exports.report_printer import print_document

    document = build_print_document(report.title, report.text, report.sections, [], {})
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    print_document(document, printer, title=report.title)
    data = (tmp_path / "printed.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1
    if shutil.which("pdftotext"):
        extracted = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "printed.pdf"), "-"],
                                   capture_output=True, check=True).stdout.decode("utf-8")
        assert re.search(r"第2页/共\d+页", re.sub(r"\s+", "", extracted))


def test_noto_cjk_would_name_shared_glyphs_by_their_kangxi_radicals(both_fonts):
    assert pdf_aliases(NOTO, "工作人员") == {"⼯": "工", "⼈": "人"}
    assert pdf_aliases(WQY, "工作人员") == {}


def test_the_print_font_is_chosen_by_what_its_pdf_text_would_be(both_fonts, report):
    family = choose_font_family(report.text)
    assert pdf_aliases(family, report.text) == {}
    assert build_print_document(report.title, report.text, report.sections, [], {}).defaultFont().family() == family


@pytest.mark.parametrize("family", [None, NOTO, WQY], ids=["chosen", "noto", "wenquanyi"])
def test_text_copied_from_the_pdf_is_the_reports_text(qapp, both_fonts, report, sample_annotations, tmp_path, family):
    """Every character as printed (no ⼯ for 工), every paragraph once (no line repeated across a page break)."""
    document = build_print_document(report.title, report.text, report.sections, sample_annotations, COLOUR_NAMES,
                                    family=family)
    out = tmp_path / "报告.pdf"
    write_pdf(document, str(out), title=report.title)
    body = squeeze(body_text(out))
    assert body.count("工作") == report.text.count("工作") == 38
    assert set(RADICAL.findall(pdftotext(out))) <= set(RADICAL.findall(report.text))
    for paragraph in filter(None, map(squeeze, report.text.split("\n"))):
        assert paragraph in body
    assert body == squeeze(document.toPlainText())


def test_digits_after_latin_letters_keep_their_characters(qapp, both_fonts, tmp_path):
    text = "小报告\n借助法网APP12348热线，5G基站覆盖A1区。\n"
    out = tmp_path / "小报告.pdf"
    write_pdf(build_print_document("小报告", text, [], [], {}, family=NOTO), str(out), title="小报告")
    assert "借助法网APP12348热线，5G基站覆盖A1区。" in squeeze(pdftotext(out))


@pytest.mark.parametrize("family", [NOTO, WQY], ids=["noto", "wenquanyi"])
def test_sample_prints_on_at_most_five_pages_without_runs_of_blank_lines(qapp, both_fonts, report, tmp_path,
                                                                       family):
    document = build_print_document(report.title, report.text, report.sections, [], {}, family=family)
    out = tmp_path / "报告.pdf"
    painted = write_pdf(document, str(out), title=report.title)
    assert painted.total == len(re.findall(rb"/Type\s*/Page(?!s)", out.read_bytes())) <= 5
    steps = line_steps(out)
    pitch = statistics.median(step for page in steps for step in page)
    for page in steps:
        # from one line to the next at most a line and a half of space (the title and headings' gap)
        assert max(page) <= 2.5 * pitch, (max(page), pitch)


def test_a_printer_writing_a_pdf_file_gets_the_same_text_repair(qapp, both_fonts, report, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from viewer.ui.exports.report_printer import print_document

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_document(build_print_document(report.title, report.text, report.sections, [], {}, family=NOTO), printer,
                   title=report.title)
    text = pdftotext(tmp_path / "printed.pdf")
    assert "⼯作" not in text and squeeze(text).count("工作") >= report.text.count("工作")
