"""Tables of HTML and .docx sources: their rows stay lines of the body text, and their span is kept."""

import html

from hypothesis import given, settings, strategies as st

from tests.core.ingest.support import make_docx, para as _para
from viewer.core.ingest import ingest_bytes
from viewer.core.report import parse_bytes
from viewer.store import LibraryStore
from viewer.core.tables import valid_tables
from viewer.core.model import TextTable

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def page(table: str) -> bytes:
    return ("<html><head><title>某区2021年统计公报</title></head><body><h1>某区2021年统计公报</h1>"
            "<p>一、总体情况</p><p>全年各项指标如下表。</p>" + table +
            "<p>以上数据由区统计局提供。</p></body></html>").encode("utf-8")


TABLE_3X3 = ("<table><tr><th>指标</th><th>2020年</th><th>2021年</th></tr>"
             "<tr><td>办理案件</td><td>41件</td><td>52件</td></tr>"
             "<tr><td>调解成功率</td><td>96.5%</td><td>98%</td></tr></table>")


def cell_texts(text, table):
    return [[text[s:e] for s, e in row] for row in table.rows(text)]


def test_an_html_3x3_table_is_three_lines_of_tab_separated_cells_and_its_span_is_kept():
    doc = ingest_bytes(page(TABLE_3X3), "t.html")
    assert "\n指标\t2020年\t2021年\n办理案件\t41件\t52件\n调解成功率\t96.5%\t98%\n" in doc.text
    [table] = doc.tables
    assert doc.text[table.start:table.end] == "指标\t2020年\t2021年\n办理案件\t41件\t52件\n调解成功率\t96.5%\t98%"
    assert cell_texts(doc.text, table) == [["指标", "2020年", "2021年"], ["办理案件", "41件", "52件"],
                                           ["调解成功率", "96.5%", "98%"]]


def test_thead_and_tbody_rows_form_one_table_across_the_blank_line_between_them():
    source = TABLE_3X3.replace("<tr><th>", "<thead><tr><th>").replace("</th></tr>", "</th></tr></thead><tbody>")
    doc = ingest_bytes(page(source.replace("</table>", "</tbody></table>")), "t.html")
    [table] = doc.tables
    assert "\n\n" in doc.text[table.start:table.end]             # as ingest has always written it
    assert [row[0] for row in cell_texts(doc.text, table)] == ["指标", "办理案件", "调解成功率"]


def test_layout_tables_and_tables_with_line_breaks_are_not_tables():
    layout = "<table><tr><td><p>第一段很长的正文内容。</p><p>第二段。</p></td><td>侧栏</td></tr></table>"
    broken = "<table><tr><td>甲<br>乙</td><td>丙</td></tr><tr><td>1</td><td>2</td></tr></table>"
    for source in (layout, broken):
        assert ingest_bytes(page(source), "t.html").tables == [], source


def test_a_table_holding_a_table_is_layout_and_only_the_inner_one_is_a_table():
    nested = "<table><tr><td><table><tr><td>甲</td><td>乙</td></tr></table></td><td>丙</td></tr></table>"
    doc = ingest_bytes(page(nested), "t.html")
    assert [cell_texts(doc.text, t) for t in doc.tables] == [[["甲", "乙"]]]


def test_the_table_changes_no_heading_hint_or_section():
    plain = ingest_bytes(page("<p>指标 2020年</p>"), "t.html")
    with_table = ingest_bytes(page(TABLE_3X3), "t.html")
    assert [(h.kind, h.level) for h in with_table.hints] == [(h.kind, h.level) for h in plain.hints]
    report = parse_bytes(page(TABLE_3X3), "t.html")
    assert [n.number for n in report.sections] == ["一、"]


def test_a_docx_table_keeps_its_span():
    body = (_para(("某局2020年工作报告", False)) + _para(("全年办理案件情况如下。", False))
            + "<w:tbl>" + "".join(
                "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in row) + "</w:tr>"
                for row in (("项目", "数量"), ("案件", "41件"))) + "</w:tbl>"
            + _para(("以上。", False)))
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W_NS}"><w:body>{body}</w:body></w:document>'
    doc = ingest_bytes(make_docx(xml), "r.docx")
    [table] = doc.tables
    assert cell_texts(doc.text, table) == [["项目", "数量"], ["案件", "41件"]]


def test_plain_text_has_no_tables_even_with_tabs():
    assert ingest_bytes("报告\n\n甲\t乙\n1\t2\n".encode(), "r.txt").tables == []


def test_rows_may_start_and_end_with_empty_cells():
    source = TABLE_3X3.replace("<td>调解成功率</td>", "<td></td>").replace("<td>98%</td>", "<td></td>")
    doc = ingest_bytes(page(source), "t.html")
    [table] = doc.tables
    assert cell_texts(doc.text, table)[-1] == ["", "96.5%", ""]


def test_only_whole_lines_with_a_cell_separator_make_a_table():
    text = "标题\n甲\t乙\n1\t2\n说明\n"
    assert valid_tables(text, [(3, 10)]) == [TextTable(3, 10)]
    assert valid_tables(text, [(4, 10), (11, 13), (3, 99)]) == []     # mid-line, no tab, out of range


CELL = st.text(alphabet="表格数据一二三0123456789%年件", max_size=6)     # "" is an empty cell
ROW = st.lists(CELL, min_size=2, max_size=4).filter(any)                # a row of empty cells is no line


@settings(max_examples=80, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=5))
def test_any_data_table_becomes_its_rows_as_lines_and_text_outside_is_unchanged(rows):
    width = max(map(len, rows))
    rows = [row + [""] * (width - len(row)) for row in rows]
    table_html = "<table>" + "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
    doc = ingest_bytes(page(table_html), "t.html")
    [table] = doc.tables
    assert cell_texts(doc.text, table) == rows
    assert doc.text[table.start:table.end] == "\n".join("\t".join(row) for row in rows)
    assert doc.text.startswith("某区2021年统计公报\n") and doc.text.endswith("\n\n以上数据由区统计局提供。\n")
    assert not any("\ufdd0" <= ch <= "\ufdef" for ch in doc.text)


def test_the_store_keeps_a_reports_tables_and_a_reimport_replaces_them(tmp_path):
    report = parse_bytes(page(TABLE_3X3), "t.html")
    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        doc_id = store.import_report(report).document_id
        assert store.tables(doc_id) == report.tables != []
        store.replace_report(doc_id, parse_bytes(page("<p>没有表格了。</p>"), "t.html"))
        assert store.tables(doc_id) == []
