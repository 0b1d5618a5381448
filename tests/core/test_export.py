"""Annotation exports: Markdown for briefings, one self-contained HTML page, CSV for Excel."""

import csv
import io
import re
from datetime import datetime, timezone

import lxml.html
import pytest
from hypothesis import given, settings, strategies as st

from viewer.core.export import (
    figures_csv, ANNOTATION_CSV_HEADER, DEFAULT_COLOUR_NAMES, KIND_NAMES, annotations_csv, annotations_html, annotations_markdown, group_by_section,
)
from viewer.core.report import parse_bytes
from viewer.core.model import Annotation, SectionNode

TEXT = "标题\n一、总体要求\n正文41件。\n（一）具体任务\n更多文字。\n二、保障措施\n结尾。\n"
REPORT = parse_bytes(TEXT.encode(), "t.txt")
SECTIONS = REPORT.sections
WHEN = datetime(2026, 11, 26, 10, 0, tzinfo=timezone.utc)
# Every time a person reads is local wall time with its offset: these tests run on a computer in China.
pytestmark = pytest.mark.usefixtures("china_time")
NASTY = '<script>alert(1)</script><a href="http://x">x</a><img src=x onerror=alert(1)>'


def ann(uuid, quote, body="", *, kind="note", colour="", occurrence=0, **fields):
    """An annotation on the `occurrence`-th `quote` in TEXT ("" with at=… for a bookmark)."""
    start = fields.pop("at", None)
    if start is None:
        start = TEXT.index(quote)
        for _ in range(occurrence):
            start = TEXT.index(quote, start + 1)
    values = dict(uuid=uuid, document_id=1, kind=kind, start=start, end=start + len(quote), exact=quote,
                  prefix="", suffix=TEXT[start + len(quote):start + len(quote) + 8], body=body, colour=colour,
                  author="张三", created="2026-11-26T10:00:00.000000+00:00",
                  modified="2026-11-26T10:05:00.000000+00:00")
    values.update(fields)
    return Annotation(**values)


def markdown(annotations, **kw):
    return annotations_markdown(REPORT.title, SECTIONS, annotations, exported_at=WHEN, **kw)


def html_page(annotations, title=None, **kw):
    return annotations_html(title or REPORT.title, SECTIONS, annotations, exported_at=WHEN, **kw)


def csv_rows(annotations, **kw):
    data = annotations_csv(REPORT.title, SECTIONS, annotations, **kw)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_sample_report_parses_into_the_sections_these_tests_rely_on():
    assert [(n.number, n.title, n.level) for n in SECTIONS] == [("一、", "总体要求", 1), ("二、", "保障措施", 1)]
    assert [(n.number, n.title, n.level) for n in SECTIONS[0].children] == [("（一）", "具体任务", 2)]


# --- grouping -----------------------------------------------------------------------------------


def test_grouping_follows_reading_order_and_the_innermost_section_of_each_start():
    late = ann("late", "结尾")
    sub_b = ann("sub-b", "更多文字", created="2026-11-26T11:00:00.000000+00:00")
    sub_a = ann("sub-a", "更多文字")
    top = ann("top", "41件")
    preamble = ann("pre", "标题")
    groups = group_by_section([late, sub_b, top, sub_a, preamble], SECTIONS)
    assert [([n.number for n in path], [a.uuid for a in anns]) for path, anns in groups] == [
        ([], ["pre"]), (["一、"], ["top"]), (["一、", "（一）"], ["sub-a", "sub-b"]), (["二、"], ["late"])]


def test_grouping_puts_unplaced_last_and_leaves_deleted_out():
    groups = group_by_section([ann("lost", "标题", unplaced=True), ann("gone", "41件", deleted=True),
                               ann("kept", "结尾")], SECTIONS)
    assert [(path if path is None else [n.number for n in path], [a.uuid for a in anns])
            for path, anns in groups] == [(["二、"], ["kept"]), (None, ["lost"])]


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_groups_notes_under_their_section_numbers_with_a_heading_per_changed_level():
    out = markdown([ann("a", "41件", "核实口径"), ann("b", "更多文字", "补充"), ann("c", "结尾", "收尾")])
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings == ["# 标题", "## 一、 总体要求", "### （一） 具体任务", "## 二、 保障措施"]
    assert out.index("核实口径") < out.index("### （一）") < out.index("补充") < out.index("## 二、") < out.index("收尾")


def test_markdown_header_has_the_export_time_and_counts():
    out = markdown([ann("a", "41件", "x"), ann("b", "更多文字", kind="highlight", colour="yellow"),
                    ann("c", "", kind="bookmark", at=TEXT.index("结尾")), ann("d", "标题", "y", unplaced=True)])
    assert out.startswith("# 标题\n")
    assert "批注、书签和高亮 · 导出于 2026-11-26 18:00 (+08:00)\n" in out and "UTC" not in out
    assert "共 4 条：批注 2 条，书签 1 条，高亮 1 条，其中 1 条未定位" in out


def test_markdown_annotation_block_has_label_quote_body_and_byline():
    out = markdown([ann("a", "更多文字", "第一行\n第二行", kind="highlight", colour="yellow")])
    block = out[out.index("- **"):]
    assert block.splitlines() == ["- **高亮 · 重点**", "  > 更多文字", "", "  第一行  ", "  第二行", "",
                                  "  — 张三 · 创建于 2026-11-26 18:00 (+08:00) · 修改于 2026-11-26 18:05 (+08:00)"]


def test_markdown_shows_local_minutes_and_falls_back_to_created():
    out = markdown([ann("a", "41件", "x", created="2026-01-02T03:04:05.678901+00:00", modified="")])
    assert "— 张三 · 修改于 2026-01-02 11:04 (+08:00)\n" in out


def test_markdown_shows_one_time_when_the_note_was_never_changed():
    out = markdown([ann("a", "41件", "x", modified="2026-11-26T10:00:00.000000+00:00")])
    assert "— 张三 · 修改于 2026-11-26 18:00 (+08:00)\n" in out and "创建于" not in out


def test_markdown_puts_unplaced_last_under_weiding_wei_and_leaves_deleted_out():
    out = markdown([ann("lost", "标题", "找不到了", unplaced=True), ann("del", "41件", "已删除", deleted=True),
                    ann("ok", "结尾", "还在")])
    assert "已删除" not in out
    assert out.index("## 二、 保障措施") < out.index("还在") < out.index("## 未定位") < out.index("找不到了")


def test_markdown_escapes_markup_in_user_text():
    body = "**x** [a](http://e)\n# heading\n<script>\n1. item\n- dash\n> quote"
    out = markdown([ann("a", "41件", body)])
    for literal in (r"\*\*x\*\* \[a\](http://e)", r"\# heading", r"\<script\>", r"1\. item", r"\- dash",
                    r"\> quote"):
        assert literal in out
    assert "<script>" not in out and "**x**" not in out


def test_markdown_escapes_the_title_and_keeps_multiline_quotes_quoted():
    quote = "更多文字。\n二、保障措施"
    out = annotations_markdown("# *要点* <b>", SECTIONS, [ann("a", quote, "x")], exported_at=WHEN)
    assert out.startswith(r"# \# \*要点\* \<b\>" + "\n")
    assert "  > 更多文字。  \n  > 二、保障措施\n" in out


def test_markdown_names_colours_from_the_given_map_and_unknown_keys_as_themselves():
    anns = [ann("a", "41件", "x", colour="blue"), ann("b", "结尾", kind="highlight", colour="teal")]
    assert "**批注 · 疑问**" in markdown(anns) and "**高亮 · teal**" in markdown(anns)
    assert "**批注 · 问题**" in markdown(anns, colour_names={"blue": "问题"})


def test_markdown_of_no_annotations_says_there_are_none():
    out = markdown([ann("gone", "41件", deleted=True)])
    assert "暂无批注、书签或高亮" in out and "##" not in out


# --- HTML ---------------------------------------------------------------------------------------


def test_html_is_one_self_contained_page_with_no_external_resources_or_script():
    out = html_page([ann("a", "41件", "核实"), ann("b", "结尾", kind="highlight", colour="green"),
                     ann("c", "", kind="bookmark", at=TEXT.index("更多"))])
    assert out.startswith("<!DOCTYPE html>\n") and '<html lang="zh-CN">' in out and '<meta charset="utf-8">' in out
    lowered = out.lower()
    for forbidden in ("src=", "href=", "url(", "@import", "<script", "<link", "<img", "<a "):
        assert forbidden not in lowered
    assert "@media print" in out and "break-inside: avoid" in out and "@page { margin: 18mm; }" in out


def test_html_escapes_every_user_string():
    nasty_names = {"pink": '<b onclick="x">粉</b>'}
    anns = [ann("a", "41件", NASTY, author='<i>"李四"</i>', colour="pink"),
            ann("b", "结尾", exact="<img src=x>")]
    out = html_page(anns, title="<script>标题</script>", colour_names=nasty_names)
    assert "<script" not in out and "<a " not in out and "<img" not in out and "<i>" not in out
    assert "<b " not in out and 'href="http' not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href=&quot;http://x&quot;&gt;" in out
    doc = lxml.html.fromstring(out)
    assert doc.find_class("body")[0].text_content() == NASTY
    assert doc.find_class("by")[0].text_content() == ('— <i>"李四"</i> · 创建于 2026-11-26 18:00 (+08:00)'
                                                            ' · 修改于 2026-11-26 18:05 (+08:00)')
    assert doc.find_class("kind")[0].text_content() == '批注 · <b onclick="x">粉</b>'
    assert doc.findtext(".//h1") == "<script>标题</script>"
    assert not list(doc.iter("script", "a", "img", "b", "i", "link"))
    assert not [(el.tag, name) for el in doc.iter() for name in el.attrib
                if name in ("src", "href", "onclick", "onerror")]


def test_html_parses_with_one_card_per_exported_annotation_under_h2_and_h3():
    anns = [ann("a", "41件", "x"), ann("b", "更多文字", kind="highlight", colour="purple"),
            ann("c", "结尾", "y", unplaced=True), ann("d", "标题", deleted=True)]
    doc = lxml.html.fromstring(html_page(anns))
    assert len(doc.find_class("card")) == 3
    assert [(h.tag, h.text_content()) for h in doc.iter("h2", "h3")] == [
        ("h2", "一、 总体要求"), ("h3", "（一） 具体任务"), ("h2", "未定位")]
    assert [b.text_content() for b in doc.iter("blockquote")] == ["41件", "更多文字", "结尾"]


def test_html_cards_take_their_colour_from_colour_key_or_kind():
    anns = [ann("a", "41件", "x"), ann("b", "更多文字", kind="highlight", colour="pink"),
            ann("c", "", kind="bookmark", at=TEXT.index("结尾")), ann("d", "标题", "z", colour="teal")]
    doc = lxml.html.fromstring(html_page(anns))
    assert [card.get("class") for card in doc.find_class("card")] == [
        "card note", "card note", "card pink", "card bookmark"]
    style = doc.findtext(".//style")
    assert ".pink { --c: #cc3d66; --q: #ff9eb4; }" in style and ".note { --c: #d55e00; --q: #fde0cf; }" in style
    assert "Noto Sans CJK SC" in style and "max-width: 46em" in style and "white-space: pre-wrap" in style


def test_html_of_no_annotations_is_a_valid_page_saying_there_are_none():
    doc = lxml.html.fromstring(html_page([]))
    assert doc.find_class("card") == [] and "暂无批注、书签或高亮" in doc.text_content()


@settings(max_examples=150, deadline=None)
@given(body=st.text(), author=st.text(max_size=20))
def test_html_survives_any_text_and_round_trips_it_without_control_characters(body, author):
    out = html_page([ann("a", "41件", body, author=author)])
    doc = lxml.html.fromstring(out)
    assert len(doc.find_class("card")) == 1
    expected = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", body.replace("\r\n", "\n").replace("\r", "\n"))
    bodies = doc.find_class("body")
    if expected.strip():
        assert [div.text_content() for div in bodies] == [expected]
    else:
        assert bodies == []
    assert "<script" not in out


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_has_bom_crlf_and_the_chinese_header():
    data = annotations_csv(REPORT.title, SECTIONS, [ann("a", "41件", "x")])
    assert data.startswith("\ufeff类型,颜色,章节,原文,内容,作者,创建,修改,起,止,id\r\n".encode())
    assert data.endswith(b"\r\n") and ANNOTATION_CSV_HEADER == ["类型", "颜色", "章节", "原文", "内容", "作者",
                                                               "创建", "修改", "起", "止", "id"]


def test_csv_rows_in_reading_order_with_section_path_and_unplaced_last():
    start = TEXT.index("更多文字")
    rows = csv_rows([ann("u", "标题", "lost", unplaced=True), ann("h", "更多文字", kind="highlight", colour="green"),
                     ann("d", "41件", deleted=True)])
    assert rows[1:] == [
        ["高亮", "待办", "一、 › （一）", "更多文字", "", "张三", "2026-11-26 18:00 (+08:00)",
         "2026-11-26 18:05 (+08:00)", str(start), str(start + 4), "h"],
        ["批注", "", "未定位", "标题", "lost", "张三", "2026-11-26 18:00 (+08:00)",
         "2026-11-26 18:05 (+08:00)", "", "", "u"]]


def test_csv_round_trips_a_multiline_body_with_commas_and_quotes():
    body = '第一行, 有逗号\r\n第二行 "引号"\n第三行，全角逗号'
    rows = csv_rows([ann("a", "41件", body, author="王五, 李四")])
    assert len(rows) == 2 and rows[1][4] == body and rows[1][5] == "王五, 李四"


def test_csv_guards_cells_excel_would_run_as_formulas():
    rows = csv_rows([ann("a", "41件", "=HYPERLINK(\"http://x\")", author="@evil"),
                     ann("b", "结尾", "-2+3", exact="+1"), ann("c", "更多文字", "\tcmd"),
                     ann("d", "标题", "普通 = 文本")])
    by_id = {row[-1]: row for row in rows[1:]}
    assert by_id["a"][4] == "'=HYPERLINK(\"http://x\")" and by_id["a"][5] == "'@evil"
    assert by_id["b"][3] == "'+1" and by_id["b"][4] == "'-2+3"
    assert by_id["c"][4] == "'\tcmd" and by_id["d"][4] == "普通 = 文本"


def test_csv_of_no_annotations_is_just_the_header():
    assert csv_rows([]) == [ANNOTATION_CSV_HEADER]


def test_default_names_cover_every_colour_and_kind():
    assert set(DEFAULT_COLOUR_NAMES) == {"yellow", "blue", "green", "pink", "purple"}
    assert KIND_NAMES == {"note": "批注", "bookmark": "书签", "highlight": "高亮"}


def test_a_note_back_in_an_outer_section_after_a_nested_one_repeats_the_outer_heading():
    child = SectionNode("（一）", "子", 2, 10, 12, 50)
    sections = [SectionNode("一、", "父", 1, 0, 2, 100, children=[child])]
    notes = [ann(str(i), "41件", f"批注{i}", at=at) for i, at in enumerate((5, 20, 60))]
    out = annotations_markdown("T", sections, notes, exported_at=WHEN)
    assert [line for line in out.splitlines() if line.startswith("##")] == ["## 一、 父", "### （一） 子", "## 一、 父"]


def test_a_bookmark_quotes_the_start_of_the_text_after_it():
    out = markdown([ann("b", "", kind="bookmark", at=TEXT.index("二、"))])
    assert "- **书签**\n  > 二、保障措施…\n" in out   # the first line of the text after the bookmark


def test_figures_csv_unit_column_never_shows_the_internal_word_date():
    report = parse_bytes("报告\n2021年5月31日召开会议，5月部署，增长5%。\n".encode("utf-8"), "d.txt")
    data = figures_csv(report.figures, report.sections)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    units = {row[0]: row[2] for row in rows[1:]}
    assert units["2021年5月31日"] == "" and units["5%"] == "%"
    assert "date" not in data.decode("utf-8-sig")


def test_the_renderers_load_on_first_use_and_every_listed_name_is_there():
    import subprocess
    import sys

    child = ("import sys, viewer.core.export as export\n"
             "before = {m for m in sys.modules if m.startswith('viewer.core.export.')}\n"
             "names = {name: getattr(export, name) for name in export.__all__}\n"
             "after = {m for m in sys.modules if m.startswith('viewer.core.export.')}\n"
             "print(sorted(before), sorted(after - before), all(v is not None for v in names.values()))\n")
    out = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True).stdout
    assert out.split("] [")[0] == "['viewer.core.export.grouping', 'viewer.core.export.labels'"
    assert "csv_tables" in out and "html_page" in out and "markdown" in out and out.strip().endswith("True")
    import viewer.core.export as export

    assert export.figures_csv is figures_csv and export.annotations_html is annotations_html
    with pytest.raises(AttributeError):
        export.no_such_renderer
