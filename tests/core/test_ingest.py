"""Ingest: source bytes (txt, html, docx) become one canonical body text, metadata and hints."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core import ingest
from viewer.core.errors import IngestError
from viewer.core.ingest import MAX_SOURCE_BYTES, decode_text, fingerprint, ingest_bytes, ingest_path
from viewer.core.model import HeadingHint, IngestedDocument
from viewer.core.errors import Phrase
from viewer.core.messages import CATALOGUE

from tests.conftest import GOLD, SAMPLE

SAMPLE_TITLE = "重庆市渝中区司法局2020年法治政府建设工作情况报告"
CHROME_LINES = ("打印", "打印 打印", "纠错", "纠错 纠错", "分享到", "扫一扫在手机打开当前页")


def assert_ingest_error(excinfo, name: str, code: str | None = None) -> None:
    """The error names the file (as data and in its one English line), and has the expected code."""
    error = excinfo.value
    assert error.params["file"] == name
    assert error.code in CATALOGUE and (code is None or error.code == code)
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")


# --------------------------------------------------------------------------- the sample report


@pytest.fixture(scope="module")
def sample_doc() -> IngestedDocument:
    return ingest_bytes(SAMPLE.read_bytes(), SAMPLE.name)


def test_sample_text_starts_with_title_line_then_preamble(sample_doc):
    assert sample_doc.text.startswith(f"{SAMPLE_TITLE}\n\n2020年,区司法局")
    assert sample_doc.title == SAMPLE_TITLE


def test_sample_text_has_no_web_page_chrome(sample_doc):
    lines = sample_doc.text.split("\n")
    for chrome in CHROME_LINES:
        assert chrome not in lines
    assert "来源:" not in sample_doc.text
    assert "发布时间" not in sample_doc.text
    assert "扫一扫" not in sample_doc.text


def test_sample_text_ends_with_last_paragraph(sample_doc):
    body = sample_doc.text
    assert body.rstrip("\n").endswith("打造“渝中调解讲师团”。")
    assert body.endswith("。") or body.endswith("。\n")


def test_sample_source_and_publish_time_become_metadata(sample_doc):
    assert sample_doc.metadata["source"] == "区司法局"
    assert sample_doc.metadata["published"] == "2021-05-31 16:19"
    assert sample_doc.metadata["encoding"] == "utf-8"
    assert sample_doc.metadata["format"] == "txt"


def test_sample_body_is_the_source_minus_its_chrome_lines(sample_doc):
    source = SAMPLE.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else None
    start = gold["document"]["preamble"]["start"] if gold else source.index("2020年,区司法局")
    footer = source.index("扫一扫在手机打开当前页")
    assert sample_doc.text == f"{SAMPLE_TITLE}\n\n" + source[start:footer].rstrip() + "\n"


def test_sample_keeps_source_characters_unchanged(sample_doc):
    # the sample mixes ASCII ,(): with full-width forms; nothing is "fixed"
    assert "\n(一)深化全面依法治区工作实践," in sample_doc.text
    assert "两地”“两高目标" in sample_doc.text


def test_sample_keeps_raw_bytes_and_name(sample_doc):
    assert sample_doc.raw == SAMPLE.read_bytes()
    assert sample_doc.source_name == SAMPLE.name
    assert sample_doc.hints == []
    assert sample_doc.fingerprint == fingerprint(sample_doc.text)


def test_ingest_path_reads_the_same_document_as_ingest_bytes(sample_doc):
    from_path = ingest_path(SAMPLE)
    assert from_path.text == sample_doc.text
    assert from_path.metadata == sample_doc.metadata
    assert from_path.source_name == SAMPLE.name


# --------------------------------------------------------------------------- encodings

REPORT = "某区2020年工作报告\n\n一、总体情况\n\n2020年，全区经济运行平稳，完成目标任务98%以上。\n"


@pytest.mark.parametrize(
    ("payload", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (REPORT.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + REPORT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb2312"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "gbk", "gb2312"],
)
def test_text_in_each_supported_encoding_decodes_to_the_same_body(payload, encoding):
    doc = ingest_bytes(payload, "report.txt")
    assert doc.text == REPORT
    assert doc.metadata["encoding"] == encoding
    assert doc.title == "某区2020年工作报告"


def test_gb18030_four_byte_characters_decode():
    text = "报告人：王𠀋\n\n内容：全年办理案件41件。\n"
    assert decode_text(text.encode("gb18030"), "a.txt") == (text, "gb18030")


def test_decode_text_prefers_utf8_when_bytes_are_valid_utf8():
    assert decode_text("法治政府".encode("utf-8"), "a.txt") == ("法治政府", "utf-8")


def test_undecodable_bytes_are_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"\x80\x81\xff\xfe\x80 abc \x80", "garbage.txt")
    assert_ingest_error(excinfo, "garbage.txt")


def test_gb18030_decodable_mojibake_of_another_encoding_is_rejected():
    big5 = "這是一份繁體中文的報告，說明政府工作情況。".encode("big5")
    with pytest.raises(IngestError) as excinfo:
        decode_text(big5, "big5.txt")
    assert_ingest_error(excinfo, "big5.txt")


def test_nul_bytes_mean_binary_data():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"abc\x00def\x00" * 10, "data.txt")
    assert_ingest_error(excinfo, "data.txt", "ingest.not_text")
    assert excinfo.value.params["kind"] == Phrase("kind.binary_nul")


# --------------------------------------------------------------------------- text rules


def test_crlf_and_cr_line_endings_become_newlines():
    doc = ingest_bytes("标题\r\n\r\n第一段。\r第二行。\r\n".encode("utf-8"), "a.txt")
    assert doc.text == "标题\n\n第一段。\n第二行。\n"


def test_trailing_whitespace_is_stripped_and_blank_line_runs_collapse():
    doc = ingest_bytes("标题   \n\n\n\n\n第一段。\t \n\n\n第二段。\n\n\n".encode("utf-8"), "a.txt")
    assert doc.text == "标题\n\n第一段。\n\n第二段。\n"


def test_text_ends_with_exactly_one_newline():
    doc = ingest_bytes("标题\n\n正文。".encode("utf-8"), "a.txt")
    assert doc.text == "标题\n\n正文。\n"


def test_punctuation_and_width_are_kept_as_in_the_source():
    source = "标题(一)\n\n1.完成率达100%,较上年提高2.5个百分点:见附表（一）；ＡＢＣ１２３。\n"
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == source


def test_title_is_the_first_non_empty_line():
    doc = ingest_bytes("\n\n\n  关于2020年工作的报告\n\n正文内容。\n".encode("utf-8"), "a.txt")
    assert doc.title == "关于2020年工作的报告"
    assert doc.text.startswith("关于2020年工作的报告\n\n正文内容。")


def test_chrome_lines_before_the_title_are_removed():
    source = "当前位置：首页 > 政务公开 > 工作报告\n【字体：大 中 小】\n\n某局2020年工作报告\n\n2020年，我局认真贯彻落实各项决策部署，圆满完成全年目标任务，现将情况报告如下：\n"
    doc = ingest_bytes(source.encode("utf-8"), "a.txt")
    assert doc.title == "某局2020年工作报告"
    assert doc.text.startswith("某局2020年工作报告\n\n2020年")
    assert "当前位置" not in doc.text and "字体" not in doc.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("来源:区司法局 发布时间:2021-05-31 16:19", {"source": "区司法局", "published": "2021-05-31 16:19"}),
        ("来源：区司法局　发布时间：2021-05-31 16:19", {"source": "区司法局", "published": "2021-05-31 16:19"}),
        ("发布日期：2021年05月31日  信息来源：区政府办", {"source": "区政府办", "published": "2021年05月31日"}),
        ("作者：张三 来源：区司法局 发布时间：2021-05-31 浏览次数：128",
         {"source": "区司法局", "published": "2021-05-31", "author": "张三"}),
        ("发布时间：2021-05-31 16:19:05 【字体：大 中 小】【打印】【关闭】", {"published": "2021-05-31 16:19:05"}),
    ],
)
def test_metadata_lines_in_the_head_become_metadata_and_leave_the_text(line, expected):
    source = f"某局2020年工作报告\n{line}\n打印 纠错\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。\n"
    doc = ingest_bytes(source.encode("utf-8"), "a.txt")
    assert doc.text == "某局2020年工作报告\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。\n"
    for key, value in expected.items():
        assert doc.metadata[key] == value


@pytest.mark.parametrize(
    "chrome",
    ["打印", "打印 打印", "纠错", "分享到", "分享到：", "扫一扫在手机打开当前页", "【字体：大 中 小】", "关闭窗口",
     "【打印本页】 【关闭窗口】", "上一篇：关于2019年工作的报告", "下一篇：没有了", "当前位置：首页 > 政务公开",
     "浏览次数：", "责任编辑：李四", "首页 > 政务公开 > 工作报告"],
)
def test_each_kind_of_chrome_line_is_removed_from_head_and_tail(chrome):
    body = "2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。"
    source = f"某局工作报告\n\n{chrome}\n\n{body}\n\n{chrome}\n"
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == f"某局工作报告\n\n{body}\n"


def test_chrome_words_inside_report_sentences_are_kept():
    source = ("某局工作报告\n\n打印机采购项目已完成，共打印宣传资料2万份，分享到基层单位。\n\n"
              "全年纠错案件3件，扫一扫在手机打开当前页功能已上线。\n")
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == source


def test_chrome_like_lines_between_real_paragraphs_are_kept():
    source = ("某局工作报告\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。\n\n打印\n\n"
              "2021年，我局将继续深入推进法治政府建设，不断提升依法行政水平和服务效能。\n")
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == source


def test_signature_lines_after_the_last_paragraph_are_kept():
    source = ("某局工作报告\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。\n\n"
              "某区司法局\n2021年3月1日\n")
    assert ingest_bytes(source.encode("utf-8"), "a.txt").text == source


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某区2020年法治政府建设工作情况报告_某区人民政府</title>
<style>p { color: red }</style><script>var x = "打印";</script></head>
<body>
<div class="header"><h1>某区人民政府</h1><ul class="nav"><li>首页</li><li>政务公开</li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 工作报告</div>
<div class="main">
  <h1 class="title">某区2020年法治政府建设工作情况报告</h1>
  <div class="info"><span>来源：区司法局</span>&nbsp;<span>发布时间：2021-05-31 16:19</span>
    <span>浏览次数：<script>document.write(5)</script></span></div>
  <div class="share">分享到：<a>微信</a> <a>微博</a></div>
  <div class="TRS_Editor">
    <p>　　2020年，全区生产总值达到<span>216045</span>
    <span>亿元</span>，同比增长5%。全区上下坚持以人民为中心，各项工作取得新进展。</p>
    <h2>一、主要工作</h2>
    <p><strong>一是加强组织领导。</strong>成立领导小组，定期研究部署法治政府建设工作。</p>
    <p><b>二是</b><b>完善制度体系。</b>出台制度4项，修订完善规范性文件12件。</p>
    <table><tr><td>项目</td><td>数量</td></tr><tr><td>行政复议案件</td><td><span>41</span>件</td></tr></table>
    <p>第一行<br>第二行<br><br>新的段落，全年共办理法律援助案件300余件。</p>
  </div>
  <div class="toolbar">【打印】【关闭窗口】</div>
</div>
<div class="footer">版权所有：某区人民政府　网站标识码：5001030001</div>
<div>扫一扫在手机打开当前页</div>
</body></html>"""

PAGE_TEXT = (
    "某区2020年法治政府建设工作情况报告\n\n"
    "2020年，全区生产总值达到216045亿元，同比增长5%。全区上下坚持以人民为中心，各项工作取得新进展。\n\n"
    "一、主要工作\n\n"
    "一是加强组织领导。成立领导小组，定期研究部署法治政府建设工作。\n\n"
    "二是完善制度体系。出台制度4项，修订完善规范性文件12件。\n\n"
    "项目\t数量\n行政复议案件\t41件\n\n"
    "第一行\n第二行\n\n新的段落，全年共办理法律援助案件300余件。\n"
)


@pytest.fixture(scope="module")
def page_doc() -> IngestedDocument:
    return ingest_bytes(PAGE.encode("gb18030"), "report.html")


def test_html_page_becomes_its_article_text(page_doc):
    assert page_doc.text == PAGE_TEXT
    assert page_doc.metadata["format"] == "html"


def test_html_declared_gb2312_is_decoded_as_gb18030(page_doc):
    assert page_doc.metadata["encoding"] == "gb18030"


def test_html_title_is_the_visible_h1_and_stays_on_top(page_doc):
    assert page_doc.title == "某区2020年法治政府建设工作情况报告"
    assert page_doc.text.startswith(page_doc.title + "\n\n")


def test_html_source_and_publish_time_become_metadata(page_doc):
    assert page_doc.metadata["source"] == "区司法局"
    assert page_doc.metadata["published"] == "2021-05-31 16:19"


def test_html_scripts_styles_menus_and_share_bars_are_not_text(page_doc):
    for junk in ("var x", "color: red", "首页", "政务公开", "微信", "打印", "关闭窗口", "版权所有", "扫一扫", "浏览次数"):
        assert junk not in page_doc.text


def test_html_inline_elements_join_without_spaces(page_doc):
    assert "216045亿元" in page_doc.text


def test_html_span_joining_keeps_spaces_between_latin_words():
    doc = ingest_bytes(b"<p>\xe6\xa0\x87\xe9\xa2\x98</p><p><span>GDP</span>\n<span>growth</span> <span>5%</span></p>",
                       "a.html")
    assert doc.text == "标题\n\nGDP growth 5%\n"


def test_html_heading_hints_point_at_heading_text(page_doc):
    headings = [h for h in page_doc.hints if h.kind == "heading"]
    assert all(isinstance(h, HeadingHint) for h in page_doc.hints)
    assert [(page_doc.text[h.start:h.end], h.level) for h in headings] == [
        ("某区2020年法治政府建设工作情况报告", 1),
        ("一、主要工作", 2),
    ]


def test_html_bold_run_ins_at_paragraph_start_are_hints(page_doc):
    bold = [page_doc.text[h.start:h.end] for h in page_doc.hints if h.kind == "bold"]
    assert bold == ["一是加强组织领导。", "二是完善制度体系。"]
    assert all(h.level is None for h in page_doc.hints if h.kind == "bold")


def test_html_bold_in_the_middle_of_a_paragraph_is_not_a_hint():
    doc = ingest_bytes("<h1>标题</h1><p>全年办理<strong>41件</strong>案件。</p>".encode("utf-8"), "a.html")
    assert [h.kind for h in doc.hints] == ["heading"]


def test_html_hints_are_sorted_and_inside_the_text(page_doc):
    starts = [h.start for h in page_doc.hints]
    assert starts == sorted(starts)
    assert all(0 <= h.start < h.end <= len(page_doc.text) for h in page_doc.hints)


def test_html_table_rows_become_tab_separated_lines(page_doc):
    assert "项目\t数量\n行政复议案件\t41件" in page_doc.text


def test_html_br_is_a_line_break_and_double_br_a_paragraph_break(page_doc):
    assert "第一行\n第二行\n\n新的段落" in page_doc.text


@pytest.mark.parametrize(
    ("page_title", "expected"),
    [
        ("某区2020年工作报告_某区人民政府", "某区2020年工作报告"),
        ("2021年政府工作报告-中国政府网", "2021年政府工作报告"),
        ("某区2020年工作报告 | 某区人民政府门户网站", "某区2020年工作报告"),
        ("某区“十四五”规划(2021-2025)", "某区“十四五”规划(2021-2025)"),
    ],
)
def test_html_title_element_suffixes_are_trimmed(page_title, expected):
    page = (f"<html><head><title>{page_title}</title></head><body>"
            "<p>2020年，全区经济运行总体平稳，各项事业取得新进展，人民生活水平持续提高。</p></body></html>")
    doc = ingest_bytes(page.encode("utf-8"), "a.html")
    assert doc.title == expected
    assert doc.text.startswith(expected + "\n\n2020年")


def test_html_without_container_uses_the_whole_body():
    page = "<html><body><h1>某局工作报告</h1><p>第一段内容。</p><div>直接写在div里的文字。</div><ul><li>条目一</li><li>条目二</li></ul></body></html>"
    doc = ingest_bytes(page.encode("utf-8"), "a.htm")
    assert doc.text == "某局工作报告\n\n第一段内容。\n\n直接写在div里的文字。\n\n条目一\n\n条目二\n"


def test_html_utf8_without_charset_declaration_is_decoded():
    doc = ingest_bytes("<p>法治政府建设</p>".encode("utf-8"), "a.html")
    assert doc.text == "法治政府建设\n"
    assert doc.metadata["encoding"] == "utf-8"


def test_html_mislabelled_charset_falls_back_to_what_decodes():
    page = '<meta charset="utf-8"><p>法治政府建设工作情况报告</p>'.encode("gb18030")
    assert ingest_bytes(page, "a.html").text == "法治政府建设工作情况报告\n"


def test_html_with_bom_and_utf16_is_decoded():
    page = "<html><body><p>法治政府建设</p></body></html>"
    assert ingest_bytes(b"\xff\xfe" + page.encode("utf-16-le"), "a.html").text == "法治政府建设\n"


def test_xhtml_with_xml_declaration_is_read():
    page = ('<?xml version="1.0" encoding="gb2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<head><title>报告</title></head><body><h1>报告</h1><p>正文内容。</p></body></html>")
    doc = ingest_bytes(page.encode("gb18030"), "a.xhtml")
    assert doc.text == "报告\n\n正文内容。\n"


@pytest.mark.parametrize(
    "page",
    [b"<html><head><title></title></head><body>  </body></html>",
     b"<html><body><script>alert(1)</script><style>p{}</style></body></html>",
     b"   \n  ",
     b"<!-- only a comment -->"],
    ids=["empty-body", "only-scripts", "whitespace", "comment"],
)
def test_html_with_no_text_is_an_ingest_error(page):
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(page, "blank.html")
    assert_ingest_error(excinfo, "blank.html")


TABLE_LAYOUT_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>渝中区司法局2020年法治政府建设工作报告--重庆市渝中区人民政府</title></head>
<body><table width="1000"><tr><td><img src="logo.png"><h1>重庆市渝中区人民政府</h1></td></tr>
<tr><td><a>首页</a> | <a>政务公开</a> | <a>办事服务</a> | <a>互动交流</a></td></tr>
<tr><td>您现在的位置：<a>首页</a> &gt; <a>政务公开</a></td></tr>
<tr><td class="bt" align="center">渝中区司法局2020年法治政府建设工作报告</td></tr>
<tr><td align="center">发布日期：2021-05-31　　来源：区司法局　　【字体：<a>大</a> <a>中</a> <a>小</a>】</td></tr>
<tr><td><div id="zoom">
<p>　　2020年，区司法局在区委、区政府的坚强领导下，全面推进法治政府建设，现将有关情况报告如下：</p>
<p>　　<strong>一、主要举措</strong></p>
<p>　　（一）深化依法治区实践。全年审查规范性文件41件，合法性审查率达100%。</p>
<p align="right">重庆市渝中区司法局</p><p align="right">2021年5月31日</p>
</div></td></tr>
<tr><td>上一篇：关于2019年的报告</td></tr><tr><td>下一篇：没有了</td></tr>
<tr><td>【<a>打印本页</a>】 【<a>关闭窗口</a>】</td></tr>
<tr><td>版权所有：重庆市渝中区人民政府 渝ICP备05003300号</td></tr></table></body></html>"""


def test_html_table_layout_page_yields_article_with_title_from_title_cell():
    doc = ingest_bytes(TABLE_LAYOUT_PAGE.encode("gbk"), "old.htm")
    assert doc.text == (
        "渝中区司法局2020年法治政府建设工作报告\n\n"
        "2020年，区司法局在区委、区政府的坚强领导下，全面推进法治政府建设，现将有关情况报告如下：\n\n"
        "一、主要举措\n\n（一）深化依法治区实践。全年审查规范性文件41件，合法性审查率达100%。\n\n"
        "重庆市渝中区司法局\n\n2021年5月31日\n"
    )
    assert doc.metadata["source"] == "区司法局"
    assert doc.metadata["published"] == "2021-05-31"


def test_html_site_logo_h1_is_not_taken_for_the_report_title():
    doc = ingest_bytes(TABLE_LAYOUT_PAGE.encode("gbk"), "old.htm")
    assert doc.title == "渝中区司法局2020年法治政府建设工作报告"
    assert "重庆市渝中区人民政府" not in doc.text.split("\n")[0]


def test_html_bold_after_indentation_still_starts_the_paragraph():
    doc = ingest_bytes(TABLE_LAYOUT_PAGE.encode("gbk"), "old.htm")
    assert [doc.text[h.start:h.end] for h in doc.hints if h.kind == "bold"] == ["一、主要举措"]


def test_html_article_h1_is_the_title_even_when_title_element_names_only_the_site():
    page = ("<html><head><title>某区人民政府</title></head><body><div class='content'><h1>某局2020年工作报告</h1>"
            "<p>2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。</p></div></body></html>")
    doc = ingest_bytes(page.encode("utf-8"), "a.html")
    assert doc.title == "某局2020年工作报告"
    assert "某区人民政府" not in doc.text


def test_html_title_line_below_a_section_label_is_moved_to_the_top():
    page = ("<html><head><title>某局2020年工作报告_某区人民政府</title></head><body><div class='content'>"
            "<div>通知公告</div><p class='title'>某局2020年工作报告</p>"
            "<p>2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。</p></div></body></html>")
    doc = ingest_bytes(page.encode("utf-8"), "a.html")
    assert doc.text.startswith("某局2020年工作报告\n\n")
    assert doc.title == "某局2020年工作报告"


def test_html_blocks_made_of_links_are_menus_not_text():
    page = ("<html><body><div><a>首页</a> | <a>政务公开</a> | <a>办事服务</a></div><h1>某局工作报告</h1>"
            "<p>2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。附件：<a>统计表</a></p>"
            "<ul><li><a>相关文章一</a></li><li><a>相关文章二</a></li><li><a>相关文章三</a></li></ul></body></html>")
    doc = ingest_bytes(page.encode("utf-8"), "a.html")
    assert doc.text == "某局工作报告\n\n2020年，我局认真贯彻落实区委区政府各项决策部署，圆满完成全年目标任务。附件：统计表\n"


def test_html_hidden_elements_are_not_text():
    page = '<h1>报告</h1><p>正文。</p><div style="display: none">隐藏的内容</div><p hidden>也隐藏</p>'
    assert ingest_bytes(page.encode("utf-8"), "a.html").text == "报告\n\n正文。\n"


def test_html_meta_charset_that_cannot_describe_the_bytes_is_ignored():
    page = '<meta charset="utf-16"><p>法治政府建设</p>'.encode("utf-8")
    assert ingest_bytes(page, "a.html").text == "法治政府建设\n"


def test_html_noncharacters_in_the_source_do_not_confuse_hints():
    page = "<title>\ufdd0\ufde1\ufdd1报告</title><h1>报告\ufdd2\ufde0\ufdd1</h1><p><b>一是\ufdd0</b>内容。</p>"
    doc = ingest_bytes(page.encode("utf-8"), "a.html")
    assert doc.text == "报告\n\n一是内容。\n"
    assert [(doc.text[h.start:h.end], h.kind) for h in doc.hints] == [("报告", "heading"), ("一是", "bold")]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><h1>报告</h1><p>&lol9;</p></body></html>"""


def _xxe_page(secret: Path) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
            "<html><body><h1>报告</h1><p>正文&xxe;结束</p></body></html>")


@pytest.fixture
def secret_file(tmp_path) -> Path:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LOCAL-FILE-CONTENT", encoding="utf-8")
    return secret


def _ingest_or_error(data: bytes, name: str) -> str:
    """The text a hostile file produced, or '' when it was (acceptably) refused."""
    try:
        return ingest_bytes(data, name).text
    except IngestError as exc:
        assert name in str(exc)
        return ""


@pytest.mark.parametrize("name", ["laughs.html", "laughs.xhtml", "laughs.bin"])
def test_billion_laughs_is_not_expanded_and_does_not_hang(name):
    started = time.monotonic()
    text = _ingest_or_error(BILLION_LAUGHS.encode("utf-8"), name)
    assert time.monotonic() - started < 2
    assert "lollol" not in text
    assert len(text) < 1000


@pytest.mark.parametrize("name", ["xxe.html", "xxe.xhtml", "xxe.htm"])
def test_external_entities_never_pull_in_local_files(name, secret_file):
    text = _ingest_or_error(_xxe_page(secret_file).encode("utf-8"), name)
    assert "TOP-SECRET" not in text


def test_external_entity_in_a_docx_is_refused(secret_file):
    document = _document_xml("<w:p><w:r><w:t>正文&xxe;</w:t></w:r></w:p>").replace(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>')
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(document), "xxe.docx")
    assert_ingest_error(excinfo, "xxe.docx")
    assert "TOP-SECRET" not in str(excinfo.value)


def test_billion_laughs_in_a_docx_is_refused():
    document = BILLION_LAUGHS.split("<html>")[0].replace("lolz", "w:document") + _document_xml(
        "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>").split("?>", 1)[1]
    started = time.monotonic()
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(document), "laughs.docx")
    assert time.monotonic() - started < 2
    assert_ingest_error(excinfo, "laughs.docx")


# --------------------------------------------------------------------------- fingerprint


def test_fingerprint_is_sha256_of_nfkc_text_without_whitespace():
    import hashlib
    import unicodedata

    text = "报告 (一)\n\n全年　１２件。"
    expected = hashlib.sha256("".join(unicodedata.normalize("NFKC", text).split()).encode()).hexdigest()
    assert fingerprint(text) == expected


def test_fingerprint_ignores_whitespace_and_width_but_not_content():
    assert fingerprint("报告\n\n全年１２件（一）") == fingerprint("报告 全年12件(一)\n")
    assert fingerprint("报告\n全年12件") != fingerprint("报告\n全年13件")


TWIN_TXT = """某局2020年工作报告

来源：某区司法局 发布时间：2021-03-01 09:30
打印 纠错
分享到

2020年，我局在区委、区政府的坚强领导下，全面推进法治政府建设，现将有关情况报告如下：

一、主要工作

（一）加强组织领导

一是健全工作机制。全年召开专题会议12次，研究解决重点问题41个。

二、下一步打算

2021年，我局将继续深入推进法治政府建设。

扫一扫在手机打开当前页
"""

TWIN_HTML = """<html><head><meta charset="utf-8"><title>某局2020年工作报告_某区人民政府</title></head><body>
<nav><a>首页</a><a>政务公开</a></nav>
<div class="article">
<h1>某局2020年工作报告</h1>
<div class="meta">来源：某区司法局&nbsp;&nbsp;发布时间：2021-03-01 09:30</div>
<div class="content">
<p>&nbsp;&nbsp;&nbsp;&nbsp;2020年，我局在区委、区政府的坚强领导下，全面推进法治政府建设，现将有关情况报告如下：</p>
<h2>一、主要工作</h2>
<h3>（一）加强组织领导</h3>
<p><strong>一是健全工作机制。</strong>全年召开专题会议<span>12</span><span>次</span>，研究解决重点问题41个。</p>
<h2>二、下一步打算</h2>
<p>2021年，我局将继续深入推进法治政府建设。</p>
</div></div>
<footer>扫一扫在手机打开当前页</footer>
</body></html>"""


def test_same_report_from_html_and_txt_has_the_same_fingerprint():
    from_txt = ingest_bytes(TWIN_TXT.encode("gbk"), "report.txt")
    from_html = ingest_bytes(TWIN_HTML.encode("utf-8"), "report.html")
    assert from_html.text == from_txt.text
    assert from_html.fingerprint == from_txt.fingerprint
    assert from_html.metadata["source"] == from_txt.metadata["source"] == "某区司法局"
    assert from_html.metadata["published"] == from_txt.metadata["published"] == "2021-03-01 09:30"


def test_html_twin_has_heading_hints_for_each_heading_level():
    doc = ingest_bytes(TWIN_HTML.encode("utf-8"), "report.html")
    got = [(doc.text[h.start:h.end], h.kind, h.level) for h in doc.hints]
    assert got == [
        ("某局2020年工作报告", "heading", 1),
        ("一、主要工作", "heading", 2),
        ("（一）加强组织领导", "heading", 3),
        ("一是健全工作机制。", "bold", None),
        ("二、下一步打算", "heading", 2),
    ]


# --------------------------------------------------------------------------- docx

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document_xml(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{_W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>')


def _para(*runs: tuple[str, bool], style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    out = []
    for text, bold in runs:
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>')
    return f"<w:p>{ppr}{''.join(out)}</w:p>"


def make_docx(document_xml: str | bytes, styles_xml: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", document_xml)
        if styles_xml is not None:
            zf.writestr("word/styles.xml", styles_xml)
    return buf.getvalue()


CHINESE_STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{_W_NS}">'
                  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Normal"/></w:style>'
                  "</w:styles>")


@pytest.fixture(scope="module")
def docx_doc() -> IngestedDocument:
    body = "".join([
        _para(("某局2020年工作报告", False)),
        _para(("2020年，我局全面推进法治政府建设，取得明显成效。", False)),
        _para(("一、主要工作", False), style="1"),
        _para(("（一）组织领导", False), style="2"),
        _para(("一是", True), ("健全机制。", True), ("全年召开会议", False), ("12", False), ("次。", False)),
        _para(("全年办理", False), ("41件", True), ("案件。", False)),
        _para(("二、下一步打算", False), style="Heading1"),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>案件</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>41件</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>",
        "<w:p/>",
    ])
    return ingest_bytes(make_docx(_document_xml(body), CHINESE_STYLES), "report.docx")


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
                + _document_xml("<w:p><w:r><w:t>正文&xxe;</w:t></w:r></w:p>").split("?>", 1)[1])
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(document.encode("utf-16")), "utf16.docx")
    assert_ingest_error(excinfo, "utf16.docx")


def test_docx_part_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(ingest, "_MAX_DOCX_XML_BYTES", 100)
    data = make_docx(_document_xml(_para(("正文" * 200, False))))
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(data, "bomb.docx")
    assert_ingest_error(excinfo, "bomb.docx", "ingest.docx_part_too_big")
    assert excinfo.value.params["part"] == "word/document.xml"


def test_docx_outline_level_and_text_boxes():
    body = ('<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>（一）标题</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>'
            "</w:txbxContent></w:pict></w:r><w:r><w:t>结束。</w:t></w:r></w:p>")
    doc = ingest_bytes(make_docx(_document_xml(body)), "a.docx")
    assert doc.text == "（一）标题\n\n正文结束。\n"
    assert [(h.kind, h.level) for h in doc.hints] == [("heading", 2)]


def test_docx_named_txt_is_still_read_as_docx():
    data = make_docx(_document_xml(_para(("标题", False)) + _para(("正文。", False))))
    assert ingest_bytes(data, "report.txt").text == "标题\n\n正文。\n"


def test_zip_that_is_not_a_docx_is_an_ingest_error():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("photos/a.txt", "hello")
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(buf.getvalue(), "archive.zip")
    assert_ingest_error(excinfo, "archive.zip", "ingest.zip_not_docx")
    assert excinfo.value.params["kind"] == Phrase("kind.zip")


def test_damaged_docx_is_an_ingest_error():
    data = make_docx(_document_xml(_para(("标题", False))))[:60]
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(data, "broken.docx")
    assert_ingest_error(excinfo, "broken.docx")


def test_docx_with_malformed_xml_is_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx("<w:document><w:body><w:p>"), "bad.docx")
    assert_ingest_error(excinfo, "bad.docx")


def test_docx_with_no_text_is_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(_document_xml("<w:p/>")), "empty.docx")
    assert_ingest_error(excinfo, "empty.docx")


# --------------------------------------------------------------------------- dispatch and bad input


def test_unknown_extension_with_html_content_is_read_as_html():
    doc = ingest_bytes("<!DOCTYPE html><html><body><h1>标题</h1><p>正文。</p></body></html>".encode(), "page.asp")
    assert doc.text == "标题\n\n正文。\n"
    assert doc.metadata["format"] == "html"


def test_unknown_extension_with_plain_text_is_read_as_text():
    doc = ingest_bytes("标题\n\n正文。\n".encode("gbk"), "report")
    assert doc.text == "标题\n\n正文。\n"
    assert doc.metadata["format"] == "txt"


def test_txt_extension_keeps_angle_brackets_as_text():
    doc = ingest_bytes("标题\n\n<p>不是网页</p>\n".encode(), "notes.md")
    assert doc.text == "标题\n\n<p>不是网页</p>\n"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "kind.png"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "kind.jpeg"),
        (b"GIF89a" + bytes(64), "kind.gif"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "kind.pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "kind.old_office"),
    ],
    ids=["png", "jpeg", "gif", "pdf", "ole-doc"],
)
@pytest.mark.parametrize("name", ["report.txt", "report.html", "report.docx", "report"])
def test_binary_files_are_ingest_errors_that_say_what_they_look_like(data, what, name):
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(data, name)
    assert_ingest_error(excinfo, name)
    assert excinfo.value.params["kind"] == Phrase(what)


def test_png_error_message_names_file_problem_and_remedy():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64), "report.txt")
    assert str(excinfo.value) == (
        "report.txt: not a text or HTML file (looks like a PNG image); choose a .txt, .html or .docx report")


def test_empty_bytes_are_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"", "empty.txt")
    assert_ingest_error(excinfo, "empty.txt")


def test_blank_text_file_is_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(" \n\n\t\n".encode(), "blank.txt")
    assert_ingest_error(excinfo, "blank.txt")


def test_text_of_only_chrome_lines_is_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes("打印\n纠错\n分享到\n".encode(), "chrome.txt")
    assert_ingest_error(excinfo, "chrome.txt")


def test_missing_path_is_an_ingest_error(tmp_path):
    with pytest.raises(IngestError) as excinfo:
        ingest_path(tmp_path / "nowhere.txt")
    assert_ingest_error(excinfo, "nowhere.txt")


def test_directory_is_an_ingest_error(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(IngestError) as excinfo:
        ingest_path(folder)
    assert_ingest_error(excinfo, "reports", "ingest.is_folder")


def test_empty_file_is_an_ingest_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as excinfo:
        ingest_path(path)
    assert_ingest_error(excinfo, "empty.txt", "ingest.empty")


def test_unreadable_file_is_an_ingest_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("标题\n", encoding="utf-8")
    real_open = open

    def denied(file, *args, **kwargs):      # as chmod 0 would be for anyone but root
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(IngestError) as excinfo:
        ingest_path(path)
    assert_ingest_error(excinfo, "locked.txt", "ingest.unreadable")
    assert excinfo.value.params["reason"] == "Permission denied"


def test_png_file_on_disk_is_an_ingest_error(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(IngestError) as excinfo:
        ingest_path(path)
    assert_ingest_error(excinfo, "report.txt")


def test_over_size_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text("标题\n\n" + "正文。" * 20, encoding="utf-8")
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 16)
    opened = []
    monkeypatch.setattr(ingest, "open", lambda *a, **k: opened.append(a), raising=False)
    with pytest.raises(IngestError) as excinfo:
        ingest_path(path)
    assert_ingest_error(excinfo, "huge.txt", "ingest.too_big")
    assert opened == []


def test_over_size_message_gives_both_sizes(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 2048)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 4096)
    with pytest.raises(IngestError, match=r"too large \(4 KB; the limit is 2 KB\)") as excinfo:
        ingest_path(path)
    assert excinfo.value.params["size"] == Phrase("size.kb", n="4")
    assert excinfo.value.params["limit"] == Phrase("size.kb", n="2")


def test_over_size_bytes_are_an_ingest_error(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 16)
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(("标题\n\n" + "正文。" * 20).encode(), "huge.html")
    assert_ingest_error(excinfo, "huge.html")


def test_size_limit_is_fifty_megabytes():
    assert MAX_SOURCE_BYTES == 50 * 1024 * 1024


# --------------------------------------------------------------------------- properties

NAMES = st.sampled_from(["r.txt", "r.html", "r.docx", "r.xhtml", "r.md", "r", "r.dat"])
CHINESE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("，。、；：？！“”‘’（）《》【】　 \n\r\t0123456789.%-:/<>&;abcXYZ打印纠错分享到来源发布时间")),
        st.sampled_from(["\ufdd0", "\ufdd1", "\ufdd2", "\ufde3", "\ufeff", "\u200b", "\u2028", "\U00020000"]),
    ),
    max_size=300,
)
PROPERTY_SETTINGS = settings(max_examples=60, deadline=1000, database=None,
                             suppress_health_check=[HealthCheck.too_slow])


def _succeeds_or_ingest_error(data: bytes, name: str) -> None:
    try:
        doc = ingest_bytes(data, name)
    except IngestError as exc:
        assert name in str(exc) and "\n" not in str(exc)
        return
    assert doc.text.strip()
    assert doc.title == doc.text.split("\n", 1)[0]
    assert doc.fingerprint == fingerprint(doc.text)
    assert all(0 <= h.start < h.end <= len(doc.text) for h in doc.hints)
    assert not any("\ufdd0" <= ch <= "\ufdef" for ch in doc.text)


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=2000), name=NAMES)
def test_random_bytes_either_ingest_or_raise_ingest_error(data, name):
    _succeeds_or_ingest_error(data, name)


PREFIXES = st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"\x89PNG\r\n\x1a\n", b"%PDF-", b"\xef\xbb\xbf",
                            b"\xff\xfe", b"\xfe\xff", b"<html><body>", b"<?xml version='1.0'?>", b"<!DOCTYPE x [",
                            b"<meta charset=gb2312>", b"{\\rtf1"])


@PROPERTY_SETTINGS
@given(prefix=PREFIXES, data=st.binary(max_size=1000), name=NAMES)
def test_random_bytes_after_a_file_signature_either_ingest_or_raise_ingest_error(prefix, data, name):
    _succeeds_or_ingest_error(prefix + data, name)


@PROPERTY_SETTINGS
@given(text=CHINESE_TEXT, name=NAMES, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_chinese_text_either_ingests_or_raises_ingest_error(text, name, encoding):
    _succeeds_or_ingest_error(text.encode(encoding), name)


@PROPERTY_SETTINGS
@given(text=CHINESE_TEXT, name=NAMES)
def test_random_text_wrapped_in_html_either_ingests_or_raises_ingest_error(text, name):
    page = f"<html><head><title>{text[:20]}</title></head><body><p><strong>{text}</strong></p><h2>{text[::-1]}</h2></body></html>"
    _succeeds_or_ingest_error(page.encode("utf-8"), name)


@PROPERTY_SETTINGS
@given(paragraphs=st.lists(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
                                   min_size=1, max_size=30), min_size=1, max_size=8))
def test_docx_paragraph_text_round_trips(paragraphs):
    body = "".join(_para((p, i % 2 == 0)) for i, p in enumerate(paragraphs))
    doc = ingest_bytes(make_docx(_document_xml(body)), "r.docx")
    assert doc.text == "\n\n".join(paragraphs) + "\n"


@PROPERTY_SETTINGS
@given(text=CHINESE_TEXT)
def test_plain_text_body_keeps_every_non_whitespace_character_in_order(text):
    # no chrome in this alphabet's middle lines can vanish except whole chrome lines in head/tail
    try:
        doc = ingest_bytes(text.encode("utf-8"), "r.txt")
    except IngestError:
        return
    squashed = "".join(doc.text.split())
    source = "".join(text.split())
    it = iter(source)
    assert all(ch in it for ch in squashed)  # a subsequence of the source
