"""Web pages: the article, its title, hints, tables, charsets; hostile markup never expands."""

from __future__ import annotations


import pytest

from viewer.core.errors import IngestError
from viewer.core.ingest import ingest_bytes
from viewer.core.model import HeadingHint, IngestedDocument

from tests.core.ingest.support import BILLION_LAUGHS, assert_ingest_error, ingest_or_error, xxe_page


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


@pytest.mark.parametrize("name", ["laughs.html", "laughs.xhtml", "laughs.bin"])
def test_billion_laughs_is_not_expanded_and_does_not_hang(name):
    text = ingest_or_error(BILLION_LAUGHS.encode("utf-8"), name)
    assert "lollol" not in text
    assert len(text) < 1000


@pytest.mark.parametrize("name", ["xxe.html", "xxe.xhtml", "xxe.htm"])
def test_external_entities_never_pull_in_local_files(name, secret_file):
    text = ingest_or_error(xxe_page(secret_file).encode("utf-8"), name)
    assert "TOP-SECRET" not in text

