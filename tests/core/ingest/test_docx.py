"""Word documents: paragraphs, headings, bold run-ins, tables; DTDs, entities and zip bombs refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import IngestError, Phrase
from viewer.core.ingest import docx as docx_format
from viewer.core.ingest import ingest_bytes
from viewer.core.model import IngestedDocument

from tests.core.ingest.support import (BILLION_LAUGHS, CHINESE_STYLES, assert_ingest_error, document_xml,
                                       make_docx, para)


@pytest.fixture(scope="module")
def docx_doc() -> IngestedDocument:
    body = "".join([
        para(("某局2020年工作报告", False)),
        para(("2020年，我局全面推进法治政府建设，取得明显成效。", False)),
        para(("一、主要工作", False), style="1"),
        para(("（一）组织领导", False), style="2"),
        para(("一是", True), ("健全机制。", True), ("全年召开会议", False), ("12", False), ("次。", False)),
        para(("全年办理", False), ("41件", True), ("案件。", False)),
        para(("二、下一步打算", False), style="Heading1"),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>案件</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>41件</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>",
        "<w:p/>",
    ])
    return ingest_bytes(make_docx(document_xml(body), CHINESE_STYLES), "report.docx")


def test_docx_paragraphs_are_separated_by_blank_lines(docx_doc):
    assert docx_doc.text == (
        "某局2020年工作报告\n\n2020年，我局全面推进法治政府建设，取得明显成效。\n\n一、主要工作\n\n（一）组织领导\n\n"
        "一是健全机制。全年召开会议12次。\n\n全年办理41件案件。\n\n二、下一步打算\n\n项目\t数量\n案件\t41件\n\n第一行\n第二行\n"
    )
    assert docx_doc.title == "某局2020年工作报告"
    assert docx_doc.metadata["format"] == "docx"


def test_docx_heading_styles_become_heading_hints(docx_doc):
    headings = [(docx_doc.text[h.start:h.end], h.level) for h in docx_doc.hints if h.kind == "heading"]
    assert headings == [("一、主要工作", 1), ("（一）组织领导", 2), ("二、下一步打算", 1)]


def test_docx_bold_runs_at_paragraph_start_become_one_bold_hint(docx_doc):
    bold = [docx_doc.text[h.start:h.end] for h in docx_doc.hints if h.kind == "bold"]
    assert bold == ["一是健全机制。"]


def test_utf16_docx_part_hiding_a_dtd_is_refused(secret_file):
    document = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
                + document_xml("<w:p><w:r><w:t>正文&xxe;</w:t></w:r></w:p>").split("?>", 1)[1])
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(document.encode("utf-16")), "utf16.docx")
    assert_ingest_error(excinfo, "utf16.docx")


def test_docx_part_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(docx_format, "MAX_PART_BYTES", 100)
    data = make_docx(document_xml(para(("正文" * 200, False))))
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(data, "bomb.docx")
    assert_ingest_error(excinfo, "bomb.docx", "ingest.docx_part_too_big")
    assert excinfo.value.params["part"] == "word/document.xml"


def test_docx_outline_level_and_text_boxes():
    body = ('<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>（一）标题</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>'
            "</w:txbxContent></w:pict></w:r><w:r><w:t>结束。</w:t></w:r></w:p>")
    doc = ingest_bytes(make_docx(document_xml(body)), "a.docx")
    assert doc.text == "（一）标题\n\n正文结束。\n"
    assert [(h.kind, h.level) for h in doc.hints] == [("heading", 2)]


def test_docx_named_txt_is_still_read_as_docx():
    data = make_docx(document_xml(para(("标题", False)) + para(("正文。", False))))
    assert ingest_bytes(data, "report.txt").text == "标题\n\n正文。\n"


def test_zip_that_is_not_a_docx_is_an_ingest_error():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("photos/a.txt", "hello")
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(buf.getvalue(), "archive.zip")
    assert_ingest_error(excinfo, "archive.zip", "ingest.unsupported_zip")
    assert excinfo.value.params["kind"] == Phrase("kind.zip")


def test_damaged_docx_is_an_ingest_error():
    data = make_docx(document_xml(para(("标题", False))))[:60]
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(data, "broken.docx")
    assert_ingest_error(excinfo, "broken.docx")


def test_docx_with_malformed_xml_is_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx("<w:document><w:body><w:p>"), "bad.docx")
    assert_ingest_error(excinfo, "bad.docx")


def test_docx_with_no_text_is_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(document_xml("<w:p/>")), "empty.docx")
    assert_ingest_error(excinfo, "empty.docx")


def test_external_entity_in_a_docx_is_refused(secret_file):
    document = document_xml("<w:p><w:r><w:t>正文&xxe;</w:t></w:r></w:p>").replace(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>')
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(document), "xxe.docx")
    assert_ingest_error(excinfo, "xxe.docx")
    assert "TOP-SECRET" not in str(excinfo.value)


def test_billion_laughs_in_a_docx_is_refused():
    document = BILLION_LAUGHS.split("<html>")[0].replace("lolz", "w:document") + document_xml(
        "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>").split("?>", 1)[1]
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(document), "laughs.docx")
    assert_ingest_error(excinfo, "laughs.docx")


@settings(max_examples=60, deadline=1000, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=st.lists(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
                                   min_size=1, max_size=30), min_size=1, max_size=8))
def test_docx_paragraph_text_round_trips(paragraphs):
    body = "".join(para((p, i % 2 == 0)) for i, p in enumerate(paragraphs))
    doc = ingest_bytes(make_docx(document_xml(body)), "r.docx")
    assert doc.text == "\n\n".join(paragraphs) + "\n"


