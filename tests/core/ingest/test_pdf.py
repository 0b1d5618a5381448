"""The PDF importer: a PDF's text layer becomes the body text and its page map; PDFs without usable text are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import IngestError
from viewer.core.ingest import ingest_bytes, pdf, registry
from viewer.core.messages import render
from viewer.core.model import iter_sections, page_of
from viewer.core.report import parse_bytes

from tests.core.ingest.pdf_support import (PAGE_W, Page, Text, build_pdf, identity_cmap, latin1_cmap,
                                           private_use_cmap, wrapped)
from tests.core.ingest.support import assert_ingest_error

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pdf"

OPENING = "2024年，全区经济运行总体平稳，地区生产总值增长 5.2%，115 家企业新增上市，各项工作取得新进展。"
CARRIED = ("一是持续深化改革。全年出台改革方案二十余项，营商环境持续优化，市场主体活力不断增强，"
           "新登记企业数量创历史新高，群众和企业办事更加便利，政务服务满意度位居全市前列，得到广泛好评。")
CLOSING = "二是加强组织保障。各部门要提高认识，抓好落实。"


def footer(n: int, of: int) -> Text:
    return Text(PAGE_W / 2 - 30, 810, f"— {n} —")


def header() -> Text:
    return Text(PAGE_W / 2 - 60, 40, "某区人民政府工作报告", 9)


def report_pdf() -> bytes:
    """Two pages: a title, a paragraph, a table, a paragraph that crosses the page break; header, footer, folio."""
    first: list[Text] = [header(), Text(PAGE_W / 2 - 88, 90, "关于2024年工作情况的报告", 16)]
    body, y = wrapped(OPENING, 140)
    first += body
    rows = [("指标", "2024年", "增长"), ("地区生产总值", "1200亿元", "5.2%"), ("一般公共预算收入", "86亿元", "3.1%")]
    for i, row in enumerate(rows):
        first += [Text(72 + 150 * k, y + 24 * i, cell) for k, cell in enumerate(row)]
    y += 24 * len(rows) + 10
    carried, _ = wrapped(CARRIED, 760)                  # its last line falls past the page bottom
    first += [t for t in carried if t.y < 790]
    second = [header(), *[Text(t.x, t.y - 790 + 80, t.text) for t in carried if t.y >= 790]]
    closing, _ = wrapped(CLOSING, second[-1].y + 20)
    return build_pdf([Page(first + [footer(1, 2)]), Page(second + closing + [footer(2, 2)])])


def test_a_pdf_report_becomes_its_paragraphs_with_a_page_map():
    doc = ingest_bytes(report_pdf(), "报告.pdf")
    paragraphs = doc.text.rstrip("\n").split("\n\n")
    assert paragraphs == [
        "关于2024年工作情况的报告",
        "2024年，全区经济运行总体平稳，地区生产总值增长5.2%，115家企业新增上市，各项工作取得新进展。",
        "指标\t2024年\t增长\n地区生产总值\t1200亿元\t5.2%\n一般公共预算收入\t86亿元\t3.1%",
        CARRIED,
        CLOSING,
    ]
    assert doc.title == "关于2024年工作情况的报告" and doc.metadata["format"] == "pdf"
    assert len(doc.pages) == 2 and doc.pages[0] == 0
    second_page = doc.pages[1]
    assert page_of(doc.pages, doc.text.index(CARRIED)) == 1
    assert page_of(doc.pages, doc.text.index(CLOSING)) == 2
    assert CARRIED.startswith(doc.text[doc.text.index(CARRIED):second_page])   # the break is inside it
    assert [doc.text[t.start:t.end].count("\n") + 1 for t in doc.tables] == [3]


def test_the_parsed_pdf_has_its_run_in_sections_and_figures():
    report = parse_bytes(report_pdf(), "报告.pdf")
    assert [node.number for node in report.sections] == ["一是", "二是"]
    texts = {fig.text for fig in report.figures}
    assert {"5.2%", "115家", "1200亿元"} <= texts


def test_a_pdf_is_told_by_its_content_whatever_its_name():
    data = report_pdf()
    assert registry.importer_for(data, "report.txt").name == "pdf"
    assert registry.importer_for(data, "report").name == "pdf"
    assert registry.importer_for(b"\r\n" + data, "report.dat").name == "pdf"     # junk before the signature
    assert ingest_bytes(data, "report.docx").metadata["format"] == "pdf"


def test_a_file_named_pdf_that_is_an_image_says_so():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64), "report.pdf")
    assert_ingest_error(excinfo, "report.pdf", "ingest.not_pdf")
    assert "not a PDF file (looks like a PNG image)" in str(excinfo.value)


@pytest.mark.parametrize("name, code", [("坏文件.pdf", "ingest.not_pdf"), ("坏文件.ofd", "ingest.not_ofd"),
                                        ("坏文件.docx", "ingest.not_docx"), ("坏文件.txt", "ingest.not_text")])
def test_a_file_named_for_a_format_holding_unreadable_bytes_is_refused_as_that_format(name, code):
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"\x00\x01garbage" * 8, name)
    assert_ingest_error(excinfo, name, code)


def test_bold_lines_and_bigger_lines_are_heading_hints_and_radicals_become_ideographs():
    texts = [Text(200, 80, "⼯作报告", 20), Text(96, 130, "一、总体情况", 12, bold=True)]
    body, _ = wrapped("⼈民群众满意度持续提升，各项⼯作稳步推进。", 160)
    doc = ingest_bytes(build_pdf([Page(texts + body)]), "a.pdf")
    assert doc.title == "工作报告"
    assert "人民群众满意度持续提升，各项工作稳步推进。" in doc.text
    assert [(doc.text[h.start:h.end], h.kind) for h in doc.hints] == [("一、总体情况", "heading")]


# --- refusals -------------------------------------------------------------------------------------

def test_a_scan_is_refused_saying_its_pages_are_images_and_ocr_is_not_supported():
    scan = build_pdf([Page(image=(0, 0, 595, 842)), Page(image=(10, 10, 575, 822))])
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(scan, "扫描件.pdf")
    assert_ingest_error(excinfo, "扫描件.pdf", "ingest.pdf_scanned")
    assert "a scan" in render(excinfo.value, "en") and "OCR is not supported" in render(excinfo.value, "en")
    assert "扫描件" in render(excinfo.value, "zh") and "不支持文字识别" in render(excinfo.value, "zh")


def test_a_report_with_scanned_annex_pages_imports_its_text_pages_and_a_scan_with_a_text_cover_is_a_scan():
    body, _ = wrapped(OPENING, 120)
    text_page = Page([Text(200, 80, "工作报告", 20)] + body)
    doc = ingest_bytes(build_pdf([text_page, text_page, Page(image=(0, 0, 595, 842))]), "annex.pdf")
    assert "各项工作取得新进展" in doc.text and len(doc.pages) == 3
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(build_pdf([text_page] + [Page(image=(0, 0, 595, 842))] * 4), "covered.pdf")
    assert_ingest_error(excinfo, "covered.pdf", "ingest.pdf_scanned")


def test_text_drawn_as_outlines_or_small_images_is_refused():
    for pages in ([Page(outlines=True)], [Page(image=(72, 72, 300, 200)), Page(outlines=True)]):
        with pytest.raises(IngestError) as excinfo:
            ingest_bytes(build_pdf(pages), "drawn.pdf")
        assert_ingest_error(excinfo, "drawn.pdf", "ingest.pdf_text_as_images")
        assert "OCR is not supported" in render(excinfo.value, "en")


def test_a_text_layer_mapped_to_private_use_code_points_is_refused():
    body, _ = wrapped(OPENING + CARRIED, 100)
    mapped_right = ingest_bytes(build_pdf([Page(body)], tounicode=identity_cmap(OPENING + CARRIED)), "right.pdf")
    assert CARRIED in mapped_right.text                               # the same font, mapped to its text
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(build_pdf([Page(body)], tounicode=private_use_cmap(OPENING + CARRIED)), "garbled.pdf")
    assert_ingest_error(excinfo, "garbled.pdf", "ingest.pdf_garbled_text")
    assert "private-use" in render(excinfo.value, "en") and "OCR is not supported" in render(excinfo.value, "en")


def test_chinese_text_mapped_to_accented_latin_letters_is_refused():
    body, _ = wrapped(CARRIED, 100)
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(build_pdf([Page(body)], tounicode=latin1_cmap(CARRIED)), "mojibake.pdf")
    assert_ingest_error(excinfo, "mojibake.pdf", "ingest.pdf_garbled_text")


def test_an_english_pdf_is_not_taken_for_garbage():
    texts = [Text(72, 80, "Annual Report", 20), Text(72, 120, "The economy grew by 5.2% and exports rose."),
             Text(72, 140, "Café prices, naïve forecasts and résumés stayed the same.")]
    assert "exports rose." in ingest_bytes(build_pdf([Page(texts)]), "english.pdf").text


def test_an_encrypted_pdf_is_refused():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes((FIXTURES / "encrypted.pdf").read_bytes(), "encrypted.pdf")
    assert_ingest_error(excinfo, "encrypted.pdf", "ingest.pdf_encrypted")
    assert "password" in render(excinfo.value, "en") and "密码" in render(excinfo.value, "zh")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_truncated_pdf_is_refused_as_damaged(cut):
    data = report_pdf()
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(data[:int(len(data) * cut)], "cut.pdf")
    assert_ingest_error(excinfo, "cut.pdf", "ingest.pdf_damaged")


@pytest.mark.parametrize("name", ["report.txt", "report.html", "report.docx", "report"])
def test_a_pdf_signature_alone_is_a_damaged_pdf_whatever_the_name(name):
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", name)
    assert_ingest_error(excinfo, name, "ingest.pdf_damaged")


def test_a_pdf_whose_objects_are_garbage_is_refused_as_damaged():
    data = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(data, "empty.pdf")
    assert_ingest_error(excinfo, "empty.pdf", "ingest.pdf_damaged")


def test_a_pdf_with_more_pages_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(build_pdf([Page([Text(72, 80, f"第{n}页")]) for n in range(3)]), "long.pdf")
    assert_ingest_error(excinfo, "long.pdf", "ingest.pdf_too_many_pages")
    assert excinfo.value.params["pages"] == 3 and excinfo.value.params["limit"] == 2


def test_a_pdf_holding_only_page_numbers_has_no_readable_text():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(build_pdf([Page([footer(1, 2)]), Page([footer(2, 2)])]), "folios.pdf")
    assert_ingest_error(excinfo, "folios.pdf", "ingest.blank_pdf")


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=400).map(lambda b: b"%PDF-1." + b),
                      st.tuples(st.floats(0.05, 1.0), st.binary(max_size=40)).map(
                          lambda cut: (_REPORT[:int(len(_REPORT) * cut[0])] + cut[1]))))
def test_random_or_truncated_bytes_after_a_pdf_signature_give_a_document_or_an_ingest_error(data):
    try:
        doc = ingest_bytes(data, "fuzz.pdf")
    except IngestError as error:
        assert render(error, "en").startswith("fuzz.pdf: ") and render(error, "zh")
    else:
        assert doc.text.endswith("\n") and doc.pages[0] == 0 and doc.pages == sorted(doc.pages)


_REPORT = build_pdf([Page([Text(72, 80, "报告标题", 18), Text(72, 120, "正文第一段。")]),
                     Page([Text(72, 80, "正文第二段。")])], compress=False)


# --- a PDF written by LibreOffice (tests/fixtures/pdf/libreoffice-report.fodt, exported by soffice) --

LO_P2 = "一是持续深化改革。全年出台改革方案二十余项，营商环境持续优化，市场主体活力不断增强，新登记企业数量创历史新高，" \
        "群众和企业办事更加便利，政务服务满意度位居全市前列。"
LO_P3 = "二是加强民生保障。城镇新增就业3.6万人，新建改建学校12所，新增养老床位800张，基本医疗保险参保率稳定在95%以上，" \
        "困难群众基本生活得到有效保障，社会大局和谐稳定。"


def test_a_libreoffice_notice_imports_with_its_red_header_as_metadata_and_its_paragraphs_and_table():
    report = parse_bytes((FIXTURES / "libreoffice-report.pdf").read_bytes(), "通知.pdf")
    doc = report.source
    assert doc.metadata["doc_number"] == "某政发〔2025〕5号" and doc.metadata["issuer"] == "某某市人民政府"
    assert doc.text.rstrip("\n").split("\n\n") == [
        "关于2024年工作情况的报告",
        "各区县人民政府，市政府各部门：",
        "今年以来，全市经济运行总体平稳，地区生产总值增长5.2%，115家企业新增上市，2023年以来累计新增就业岗位十二万个，"
        "居民人均可支配收入稳步提高，各项工作取得新进展。",
        "指标\t2024年\t增长\n地区生产总值\t1200亿元\t5.2%\n一般公共预算收入\t86亿元\t3.1%",
        LO_P2, LO_P3,
        *[f"（{n}）" + LO_P2 + LO_P3 for n in "一二三四五六"],
        "特此报告。",
    ]
    assert "办公室" not in doc.text and "—" not in doc.text
    assert len(doc.pages) == 2 and page_of(doc.pages, doc.text.index("特此报告")) == 2
    numbers = [node.number for node in iter_sections(report.sections)]          # in document order
    assert numbers[:2] == ["一是", "二是"] and [n for n in numbers if n.startswith("（")] == [
        "（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert {"5.2%", "115家", "3.6万人", "95%以上"} <= {fig.text for fig in report.figures}
