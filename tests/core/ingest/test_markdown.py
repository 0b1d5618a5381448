"""Markdown: headings as hints at the right offsets, markup, comments and front matter not body text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import IngestError
from viewer.core.ingest import ingest_bytes, registry
from viewer.core.ingest.markdown import inline_text, looks_like_markdown
from viewer.core.model import iter_sections
from viewer.core.structure import build_sections

from tests.conftest import SAMPLE


def md(source: str, name: str = "doc.md"):
    return ingest_bytes(source.encode("utf-8"), name)


def headings(doc) -> list[tuple[str, int | None]]:
    return [(doc.text[h.start:h.end], h.level) for h in doc.hints if h.kind == "heading"]


# --------------------------------------------------------------------------- headings


def test_atx_headings_become_heading_hints_whose_spans_are_their_text():
    doc = md("# 总标题\n\n正文一段。\n\n## 一、总体要求\n\n内容。\n\n### （一）目标 ###\n\n#### **加粗**的标题\n")
    assert doc.text == "总标题\n\n正文一段。\n\n一、总体要求\n\n内容。\n\n（一）目标\n\n加粗的标题\n"
    assert doc.title == "总标题"
    assert headings(doc) == [("总标题", 1), ("一、总体要求", 2), ("（一）目标", 3), ("加粗的标题", 4)]
    assert doc.metadata["format"] == "markdown"


def test_setext_underlines_make_headings_of_the_line_above():
    doc = md("标题\n===\n\n小节\n---\n\n正文。\n")
    assert doc.text == "标题\n\n小节\n\n正文。\n"
    assert headings(doc) == [("标题", 1), ("小节", 2)]


def test_a_hash_without_a_space_or_inside_a_code_fence_is_no_heading():
    doc = md("# 标题\n\n#话题# 正文。\n\n```\n# 不是标题\n```\n")
    assert doc.text == "标题\n\n#话题# 正文。\n\n# 不是标题\n"
    assert headings(doc) == [("标题", 1)]


def test_a_code_fence_inside_a_block_quote_closes_inside_it():
    doc = md("# 标题\n\n> ```\n> # 代码\n> ```\n\n## 小节\n")
    assert doc.text == "标题\n\n# 代码\n\n小节\n"
    assert headings(doc) == [("标题", 1), ("小节", 2)]


# --------------------------------------------------------------------------- what is not body text


def test_yaml_front_matter_is_not_body_text_and_gives_title_and_date():
    doc = md("---\ntitle: \"某某条例\"\ndate: 2025-01-01\nlayout: post\n---\n\n第一条 正文。\n")
    assert doc.text == "某某条例\n\n第一条 正文。\n"
    assert doc.title == "某某条例"
    assert doc.metadata["published"] == "2025-01-01"
    assert "layout" not in doc.text


def test_front_matter_title_is_not_repeated_when_the_first_heading_says_it():
    doc = md("+++\ntitle = \"报告\"\n+++\n# 报告\n\n正文。\n")
    assert doc.text == "报告\n\n正文。\n"


def test_html_comments_are_not_body_text_even_across_lines():
    doc = md("# 标题\n\n<!-- INFO END -->\n\n前文<!-- 说明\n多行 -->后文。\n")
    assert doc.text == "标题\n\n前文后文。\n"


# --------------------------------------------------------------------------- inline markup


@pytest.mark.parametrize(("source", "text"), [
    ("**加粗**和__粗体__", "加粗和粗体"),
    ("*斜体*、_斜_与~~删除~~", "斜体、斜与删除"),
    ("见[通知](http://example.cn/a_(b).html)全文", "见通知全文"),
    ("见[通知][1]全文", "见通知全文"),
    ("图![示意图](a.png)后", "图后"),
    ("[![徽标](logo.png)](http://x.cn)文字", "文字"),
    ("代码`a*b*c`照录", "代码a*b*c照录"),
    ("转义\\*不是强调\\*", "转义*不是强调*"),
    ("file_name_v2 保持", "file_name_v2 保持"),
    ("5*3 与 <br>换行", "5*3 与 换行"),
    ("&lt;规定&gt;&amp;", "<规定>&"),
    ("注释[^1]在此", "注释在此"),
    ("<http://example.cn>", "http://example.cn"),
])
def test_inline_markup_is_dropped_and_its_text_kept(source, text):
    assert inline_text(source) == text


def test_lists_keep_their_text_and_numbers_but_not_bullets():
    doc = md("# 标题\n\n- 第一项\n* 第二项\n+ [x] 第三项\n1. 编号项\n2) 另一项\n")
    assert doc.text == "标题\n\n第一项\n第二项\n第三项\n1. 编号项\n2) 另一项\n"


def test_block_quotes_keep_their_text():
    doc = md("# 标题\n\n> 引用一段。\n> > 嵌套引用。\n")
    assert doc.text == "标题\n\n引用一段。\n嵌套引用。\n"


def test_a_table_is_one_line_per_row_with_tab_separated_cells_and_a_table_span():
    doc = md("# 标题\n\n| 指标 | 数值 |\n|:---|---:|\n| **增长** | 5.2% |\n| 人数 | 115人 |\n\n正文。\n")
    assert doc.text == "标题\n\n指标\t数值\n增长\t5.2%\n人数\t115人\n\n正文。\n"
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert doc.text[table.start:table.end] == "指标\t数值\n增长\t5.2%\n人数\t115人"


def test_a_bold_run_opening_a_paragraph_is_a_bold_hint_at_its_text():
    doc = md("# 标题\n\n**工作要求。**各单位要落实。\n")
    bold = [h for h in doc.hints if h.kind == "bold"]
    assert [doc.text[h.start:h.end] for h in bold] == ["工作要求。"]


# --------------------------------------------------------------------------- choosing the format


def test_a_txt_that_is_clearly_markdown_is_read_as_markdown():
    doc = md("# 报告\n\n## 一、情况\n\n内容。\n\n## 二、打算\n\n内容。\n", "report.txt")
    assert doc.metadata["format"] == "markdown"
    assert doc.text.startswith("报告\n\n一、情况\n")


@pytest.mark.parametrize("source", [
    "报告\n\n# 一个井号行\n\n正文。\n",                     # one hash line is not Markdown
    "报告\n\n一、情况\n\n正文---结尾。\n",
    "<html><body>\n# a\n# b\n# c\n</body></html>\n",        # markup is a web page
])
def test_ordinary_text_is_not_taken_for_markdown(source):
    assert not looks_like_markdown(source)
    assert registry.importer_for(source.encode(), "report.txt").name != "markdown"


def test_the_sample_report_is_still_read_as_plain_text():
    data = SAMPLE.read_bytes()
    assert registry.importer_for(data, SAMPLE.name).name == "txt"


def test_a_markdown_file_in_gb18030_is_decoded():
    doc = ingest_bytes("# 标题\n\n正文：增长5.2%。\n".encode("gb18030"), "doc.md")
    assert doc.text == "标题\n\n正文：增长5.2%。\n" and doc.metadata["encoding"] == "gb18030"


def test_a_markdown_file_with_only_markup_is_refused_with_one_line():
    with pytest.raises(IngestError) as excinfo:
        md("<!-- 空 -->\n\n![图](a.png)\n\n---\n")
    assert excinfo.value.code == "ingest.blank_text"


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from([
    "# ", "## ", "###### ", "#", "\n", "\n\n", "---\n", "+++\n", "===", "title: 题\n", "<!--", "-->", "**", "__",
    "*", "_", "`", "``", "~~", "[", "]", "(", ")", "![", "|", "| --- |", "> ", "- ", "1. ", "```\n", "\\",
    "&amp;", "<b>", "第一章 总则", "第一条 ", "正文。", "增长5.2%", "标题", " ", "\t", "\u3000",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40))
def test_any_markdownish_text_gives_a_document_whose_hints_and_tables_lie_in_its_text(pieces):
    source = "".join(pieces)
    try:
        doc = md(source)
    except IngestError as error:
        assert error.code.startswith("ingest.")
        return
    text = doc.text
    assert text.startswith(doc.title) and not any("\ufdd0" <= c <= "\ufdef" for c in text)
    for hint in doc.hints:
        assert 0 <= hint.start < hint.end <= len(text)
        assert "\n" not in text[hint.start:hint.end]
        assert text[hint.start:hint.end] == text[hint.start:hint.end].strip()
    for table in doc.tables:
        assert 0 <= table.start < table.end <= len(text) and "\t" in text[table.start:table.end]
    for node in iter_sections(build_sections(text, doc.hints)):
        assert 0 <= node.start <= node.heading_end <= node.end <= len(text)
        assert text[node.start:].startswith(node.number)
