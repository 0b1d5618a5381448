"""OFD documents: text placed by TextCode, Boundary and CTM, pages in order, seals skipped; broken or
hostile packages refused with one line."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import IngestError, Phrase
from viewer.core.ingest import ingest_bytes, registry
from viewer.core.ingest import ofd as ofd_format
from viewer.core.ingest._ofd_page import MM_TO_PT, BadValue, deltas
from viewer.core.model import page_of
from viewer.core.report import parse_bytes

from tests.core.ingest.ofd_support import (BILLION_LAUGHS_OFD, FANGSONG, HEI, LEFT, OFD_NS, PITCH, RED_HEADED_BLOCKS,
                                           RED_RULE, REPORT_BLOCKS, SEAL_IMAGE, SEAL_TEXT, SIZE, SONG, TOP, XBS,
                                           advances, make_ofd, ofd_xml, page_xml, text_object, typeset)
from tests.core.ingest.support import assert_ingest_error


def _report_pages() -> list[str]:
    laid = typeset(REPORT_BLOCKS)
    return [page_xml([RED_RULE, *laid.pages[0], SEAL_IMAGE], area=True)] + [page_xml(p) for p in laid.pages[1:]]


@pytest.fixture(scope="module")
def report_ofd() -> bytes:
    return make_ofd(_report_pages())


def _one_object_page(obj: str) -> bytes:
    return make_ofd([page_xml([obj])], seal=False)


def _runs(data: bytes):
    pages, _ = ofd_format.read_pages(data, "t.ofd")
    return [run for page in pages for run in page.runs]


# --------------------------------------------------------------------------- the report as a reader sees it


def test_a_two_page_official_report_reads_as_its_paragraphs_without_page_numbers(report_ofd):
    doc = ingest_bytes(report_ofd, "report.ofd")
    assert doc.text == "\n\n".join(block.text for block in REPORT_BLOCKS) + "\n"
    assert doc.title == "某市2024年法治政府建设情况报告"
    assert doc.metadata == {"author": "某市司法局", "format": "ofd"}
    assert SEAL_TEXT not in doc.text and "— 1 —" not in doc.text


def test_the_page_map_starts_page_two_inside_the_paragraph_that_runs_on(report_ofd):
    doc = ingest_bytes(report_ofd, "report.ofd")
    continued = typeset(REPORT_BLOCKS).page_first_lines[1]
    assert doc.pages == [0, doc.text.index(continued)]
    paragraph = doc.text.index("市政府常务会议专题研究")
    assert page_of(doc.pages, paragraph) == 1 and page_of(doc.pages, doc.text.index("为政府依法决策")) == 2
    assert "\n" not in doc.text[paragraph:doc.text.index("为政府依法决策")]


def test_the_report_has_its_numbered_sections_with_the_heavy_headings_as_hints(report_ofd):
    report = parse_bytes(report_ofd, "report.ofd")
    assert [(s.number, s.title, [c.title for c in s.children]) for s in report.sections] == [
        ("一、", "主要工作", ["完善依法行政制度体系", "推进严格规范公正文明执法", "加强法治政府建设组织保障"]),
        ("二、", "下一步打算", []),
    ]
    text = report.text
    assert [text[h.start:h.end] for h in report.source.hints if h.kind == "heading"] == ["一、主要工作", "二、下一步打算"]


def test_a_red_headed_notice_gives_its_document_number_issuer_title_and_table_and_no_running_head():
    laid = typeset(RED_HEADED_BLOCKS)
    running_head = page_xml([text_object("某市人民政府行政复议办公室", LEFT, 24, size=3.7, font=SONG)])
    doc = ingest_bytes(make_ofd([page_xml(p, template="8") for p in laid.pages], template=running_head), "notice.ofd")
    body, rows = RED_HEADED_BLOCKS[2:], [b.text for b in RED_HEADED_BLOCKS if b.kind == "row"]
    paragraphs = [b.text for b in body if b.kind != "row"]
    paragraphs.insert(paragraphs.index("二、存在的问题"), "\n".join(rows))
    assert doc.text == "\n\n".join(paragraphs) + "\n"
    assert (doc.title, doc.metadata["doc_number"], doc.metadata["issuer"]) == (
        "某市人民政府关于2024年行政复议工作情况的通报", "某政发〔2025〕5号", "某市人民政府")
    assert [doc.text[t.start:t.end] for t in doc.tables] == ["\n".join(rows)]
    assert doc.pages == [0, doc.text.index(laid.page_first_lines[1])]


def _one_object_per_glyph(text: str, x: float, baseline: float, font: str) -> tuple[list[str], float]:
    objects = []
    for char, step in zip(text, advances(text, SIZE)):
        objects.append(text_object(char, x, baseline, font=font))
        x += step
    return objects, x


def test_a_line_written_one_glyph_per_object_reads_whole_with_its_heavy_run_in_as_a_bold_hint():
    title = text_object("关于某项工作的报告", LEFT + 30, TOP + 7.8, size=7.761, font=XBS)
    run_in, x = _one_object_per_glyph("一是健全机制。", LEFT + 2 * SIZE, TOP + 3 * PITCH, HEI)
    rest, _ = _one_object_per_glyph("全年召开会议12次。", x, TOP + 3 * PITCH, FANGSONG)
    doc = ingest_bytes(make_ofd([page_xml([title, *rest, *run_in])]), "glyphs.ofd")
    assert doc.text == "关于某项工作的报告\n\n一是健全机制。全年召开会议12次。\n"
    assert [(h.kind, doc.text[h.start:h.end]) for h in doc.hints] == [("bold", "一是健全机制。")]


# --------------------------------------------------------------------------- positions


def test_a_glyph_is_placed_at_the_boundary_origin_plus_its_textcode_position_in_points():
    obj = ('<ofd:TextObject ID="1" Boundary="20 30 100 10" Font="6" Size="5">'
           '<ofd:TextCode X="2" Y="5" DeltaX="g 2 5">正文字</ofd:TextCode></ofd:TextObject>')
    (run,) = _runs(_one_object_page(obj))
    assert run.text == "正文字"
    assert run.x == pytest.approx(22 * MM_TO_PT)
    assert run.y + 0.88 * run.height == pytest.approx(35 * MM_TO_PT)        # the baseline
    assert run.width == pytest.approx(15 * MM_TO_PT)                         # 2 steps of 5 mm + the last glyph
    assert run.font_size == pytest.approx(5 * MM_TO_PT)


def test_a_ctm_scales_and_moves_the_text_object():
    obj = ('<ofd:TextObject ID="1" Boundary="20 30 100 10" CTM="0.5 0 0 0.5 4 0" Font="6" Size="10">'
           '<ofd:TextCode X="0" Y="10" DeltaX="10">正文</ofd:TextCode></ofd:TextObject>')
    (run,) = _runs(_one_object_page(obj))
    assert run.x == pytest.approx(24 * MM_TO_PT)
    assert run.font_size == pytest.approx(5 * MM_TO_PT)
    assert run.width == pytest.approx(10 * MM_TO_PT)
    assert run.y + 0.88 * run.height == pytest.approx(35 * MM_TO_PT)


def test_a_wide_jump_in_deltax_or_a_new_textcode_line_starts_a_new_run():
    obj = ('<ofd:TextObject ID="1" Boundary="20 30 150 30" Font="6" Size="5">'
           '<ofd:TextCode X="0" Y="5" DeltaX="5 60 5">项目数量</ofd:TextCode>'
           '<ofd:TextCode X="0" Y="15" DeltaY="g 2 0">第二行</ofd:TextCode></ofd:TextObject>')
    assert [run.text for run in _runs(_one_object_page(obj))] == ["项目", "数量", "第二行"]


def test_deltax_lists_expand_the_g_shorthand_and_stop_at_the_text_length():
    assert deltas("g 3 5.5 2 g 2 1", 6, "DeltaX") == [5.5, 5.5, 5.5, 2.0, 1.0, 1.0]
    assert deltas("1 2", 4, "DeltaX") == [1.0, 2.0, None, None]
    assert deltas("g 1000000000000 5", 3, "DeltaX") == [5.0, 5.0, 5.0]       # no huge list is built
    for bad in ("g 2", "g x 5", "1 a", "g -1 5", "nan", "1e999"):
        with pytest.raises(BadValue):
            deltas(bad, 3, "DeltaX")


def test_text_without_a_size_takes_the_height_of_its_boundary():
    obj = ('<ofd:TextObject ID="1" Boundary="20 30 100 6"><ofd:TextCode X="0" Y="5">无字号</ofd:TextCode></ofd:TextObject>')
    (run,) = _runs(_one_object_page(obj))
    assert run.text == "无字号" and run.font_size == pytest.approx(6 * MM_TO_PT)
    assert ingest_bytes(_one_object_page(obj), "t.ofd").text == "无字号\n"


def test_runs_are_in_reading_order_whatever_the_order_of_the_objects():
    lower = text_object("第二行正文", 28, 60)
    upper_right = text_object("右边", 100, 50)
    upper_left = text_object("左边", 28, 50)
    assert [run.text for run in _runs(make_ofd([page_xml([lower, upper_right, upper_left])]))] == [
        "左边", "右边", "第二行正文"]


def test_bold_comes_from_a_bold_font_resource_or_the_weight():
    plain = text_object("正文", 28, 50)
    hei = text_object("标题", 28, 60, font="3")
    heavy = text_object("加粗", 28, 70, weight=700)
    assert [(run.text, run.bold) for run in _runs(make_ofd([page_xml([plain, hei, heavy])]))] == [
        ("正文", False), ("标题", True), ("加粗", True)]


def test_pages_keep_their_order_and_size_in_points(report_ofd):
    pages, metadata = ofd_format.read_pages(report_ofd, "r.ofd")
    assert [page.number for page in pages] == [1, 2]
    assert pages[0].width == pytest.approx(210 * MM_TO_PT) and pages[0].height == pytest.approx(297 * MM_TO_PT)
    assert pages[0].runs[0].text == "某市2024年法治政府建设情况报告"
    assert pages[1].runs[0].text.startswith("100%，全年审查合同协议185件")
    assert metadata == {"author": "某市司法局"}


def test_seal_stamps_signatures_images_and_paths_are_not_text(report_ofd):
    texts = "".join(run.text for run in _runs(report_ofd))
    assert SEAL_TEXT not in texts and "某签章系统" not in texts
    assert len(_runs(report_ofd)) == sum(len(objs) for objs in typeset(REPORT_BLOCKS).pages)


def test_a_template_page_adds_its_text_to_every_page_that_uses_it():
    template = page_xml([text_object("内部资料", 28, 20, size=4)])
    pages = [page_xml([text_object(f"第{i}页正文", 28, 50)], template="8") for i in (1, 2)]
    read, _ = ofd_format.read_pages(make_ofd(pages, template=template), "t.ofd")
    assert [[run.text for run in page.runs] for page in read] == [["内部资料", "第1页正文"], ["内部资料", "第2页正文"]]


def test_absolute_locations_and_a_page_area_of_its_own_are_followed():
    page = page_xml([text_object("正文", 28, 50)]).replace(
        "<ofd:Content>", "<ofd:Area><ofd:PhysicalBox>0 0 297 210</ofd:PhysicalBox></ofd:Area><ofd:Content>")
    data = make_ofd([page], ofd=ofd_xml(doc_root="/Doc_0/Document.xml"))
    (read,), _ = ofd_format.read_pages(data, "t.ofd")
    assert read.width == pytest.approx(297 * MM_TO_PT) and read.runs[0].text == "正文"


# --------------------------------------------------------------------------- telling an OFD apart


def test_a_zip_holding_ofd_xml_is_an_ofd_whatever_its_name(report_ofd):
    for name in ("report.ofd", "report.zip", "report.docx", "report"):
        assert registry.importer_for(report_ofd, name) is ofd_format.IMPORTER


def test_a_plain_zip_named_ofd_is_not_an_ofd():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(buf.getvalue(), "report.ofd")
    assert_ingest_error(excinfo, "report.ofd", "ingest.unsupported_zip")
    assert excinfo.value.params["kind"] == Phrase("kind.zip")


def test_a_file_named_ofd_that_is_not_a_zip_says_so():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40), "report.ofd")
    assert_ingest_error(excinfo, "report.ofd", "ingest.not_ofd")
    assert excinfo.value.params["kind"] == Phrase("kind.png")


# --------------------------------------------------------------------------- broken and hostile packages


def _error(data: bytes, name: str = "bad.ofd") -> IngestError:
    with pytest.raises(IngestError) as excinfo:
        ofd_format.read(data, name)
    assert_ingest_error(excinfo, name)
    return excinfo.value


def test_an_ofd_without_its_document_xml_is_incomplete():
    error = _error(make_ofd([page_xml([text_object("正文", 28, 50)])], omit=("Doc_0/Document.xml",)))
    assert (error.code, error.params["part"]) == ("ingest.ofd_missing_part", "Doc_0/Document.xml")


def test_an_ofd_without_a_page_it_lists_is_incomplete():
    error = _error(make_ofd([page_xml([text_object("正文", 28, 50)])], omit=("Doc_0/Pages/Page_0/Content.xml",)))
    assert error.code == "ingest.ofd_missing_part"


def test_a_location_outside_the_package_is_refused():
    error = _error(make_ofd([page_xml([text_object("正文", 28, 50)])], ofd=ofd_xml(doc_root="../../etc/Document.xml")))
    assert error.code == "ingest.ofd_missing_part"


def test_an_ofd_with_malformed_xml_is_damaged():
    error = _error(make_ofd(["<ofd:Page><ofd:Content><ofd:Layer>"]))
    assert (error.code, error.params["part"]) == ("ingest.ofd_bad_xml", "Doc_0/Pages/Page_0/Content.xml")


def test_a_number_the_standard_does_not_allow_is_damaged():
    obj = '<ofd:TextObject ID="1" Boundary="20 30 abc" Size="5"><ofd:TextCode X="0" Y="5">正文</ofd:TextCode></ofd:TextObject>'
    assert _error(_one_object_page(obj)).code == "ingest.ofd_bad_value"


def test_an_ofd_part_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(ofd_format, "MAX_PART_BYTES", 2000)
    error = _error(make_ofd([page_xml([text_object("正文" * 400, 28, 50)])]))
    assert (error.code, error.params["part"]) == ("ingest.ofd_part_too_big", "Doc_0/Pages/Page_0/Content.xml")


def test_parts_that_together_unpack_too_large_are_refused(monkeypatch):
    monkeypatch.setattr(ofd_format, "MAX_TOTAL_BYTES", 6000)
    pages = [page_xml([text_object("正文" * 20, 28, 50)]) for _ in range(8)]
    assert _error(make_ofd(pages)).code == "ingest.ofd_part_too_big"


def test_a_package_with_too_many_members_is_refused(monkeypatch):
    monkeypatch.setattr(ofd_format, "MAX_MEMBERS", 5)
    assert _error(make_ofd([page_xml([text_object("正文", 28, 50)])])).code == "ingest.ofd_too_many_parts"


def test_an_external_entity_in_an_ofd_is_refused(secret_file):
    page = page_xml([text_object("正文&xxe;", 28, 50)]).replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<?xml version="1.0"?><!DOCTYPE ofd:Page [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>')
    error = _error(make_ofd([page]), "xxe.ofd")
    assert error.code == "ingest.ofd_declares_dtd" and "TOP-SECRET" not in str(error)


def test_a_utf16_part_hiding_a_dtd_is_refused(secret_file):
    body = page_xml([text_object("正文&xxe;", 28, 50)]).split("?>", 1)[1]
    page = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE ofd:Page [<!ENTITY xxe SYSTEM '
            f'"{secret_file.as_uri()}">]>' + body).encode("utf-16")
    assert _error(make_ofd([page]), "utf16.ofd").code in ("ingest.ofd_declares_dtd", "ingest.ofd_bad_xml")


def test_billion_laughs_in_an_ofd_is_refused():
    assert _error(make_ofd([page_xml([])], ofd=BILLION_LAUGHS_OFD)).code == "ingest.ofd_declares_dtd"


def test_an_ofd_of_images_only_has_no_text():
    error = _error(make_ofd([page_xml([SEAL_IMAGE, RED_RULE])]), "scan.ofd")
    assert error.code == "ingest.ofd_no_text"
    assert "OCR" in str(error)


def test_an_ofd_whose_text_is_glyph_codes_in_the_private_use_area_is_refused():
    garbage = "".join(chr(0xE000 + i) for i in range(20)) + "的"
    error = _error(make_ofd([page_xml([text_object(garbage, 28, 50)])]), "glyphs.ofd")
    assert error.code == "ingest.ofd_garbled_text" and "OCR" in str(error)


def test_a_truncated_ofd_is_a_damaged_zip(report_ofd):
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(report_ofd[: len(report_ofd) // 2], "cut.ofd")
    assert_ingest_error(excinfo, "cut.ofd")


_FRAGMENTS = st.sampled_from([
    "<ofd:TextObject Boundary='10 10 50 10' Size='5'>", "</ofd:TextObject>", "<ofd:TextCode X='1' Y='5'>",
    "</ofd:TextCode>", "正文", "DeltaX='g 3 5'", "<ofd:TextCode X='a' DeltaX='g 9999999999 1'>字</ofd:TextCode>",
    "<ofd:Content><ofd:Layer>", "</ofd:Layer></ofd:Content>", "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>",
    "<ofd:Page BaseLoc='Pages/Page_0/Content.xml'/>", "<ofd:Page BaseLoc='../x'/>", "<!DOCTYPE x>", "&amp;",
    "<ofd:TextObject CTM='1 0 0 1 0' Size='1e308'><ofd:TextCode X='1e308' Y='-1e308'>数</ofd:TextCode></ofd:TextObject>",
    "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>", "<ofd:Font ID='6' Bold='true'/>", "\x00", "<",
])
_XML = st.lists(_FRAGMENTS, max_size=12).map(lambda parts: f'<ofd:X xmlns:ofd="{OFD_NS}">' + "".join(parts) + "</ofd:X>")
_MEMBER = st.sampled_from(["OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml", "Doc_0/PublicRes.xml",
                           "Doc_0/Tpls/Tpl_0/Content.xml", "other.bin"])


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(members=st.dictionaries(_MEMBER, st.one_of(_XML, st.binary(max_size=64).map(bytes.hex)), max_size=6),
       keep_real=st.sets(st.sampled_from(["OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"])))
def test_any_zip_holding_ofd_xml_gives_a_document_or_one_ingest_error(members, keep_real, report_ofd):
    real = zipfile.ZipFile(io.BytesIO(report_ofd))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("OFD.xml", real.read("OFD.xml") if "OFD.xml" in keep_real else members.pop("OFD.xml", "<x/>"))
        for name in keep_real - {"OFD.xml"}:
            zf.writestr(name, real.read(name))
        for name, value in members.items():
            if name not in keep_real and name != "OFD.xml":
                zf.writestr(name, value)
    try:
        doc = ingest_bytes(buf.getvalue(), "fuzz.ofd")
    except IngestError as exc:
        assert str(exc).startswith("fuzz.ofd: ") and "\n" not in str(exc)
    else:
        assert doc.text.strip() and doc.metadata["format"] == "ofd"


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=10_000), flip=st.integers(min_value=0, max_value=255))
def test_a_corrupted_ofd_gives_a_document_or_one_ingest_error(cut, flip, report_ofd):
    data = bytearray(report_ofd)
    data[cut % len(data)] ^= flip
    try:
        ingest_bytes(bytes(data), "bits.ofd")
    except IngestError as exc:
        assert str(exc).startswith("bits.ofd: ")
