"""Rebuilding body text from positioned text: lines, paragraphs, page chrome, tables, title and header metadata."""

from __future__ import annotations

from viewer.core.ingest._layout import PageRuns, TextRun, is_page_number, rebuild, tidy
from viewer.core.model import page_of

LEFT = 72.0
SIZE = 12.0
WIDTH = 30 * SIZE          # a line of the text block holds 30 CJK characters
PAGE_W, PAGE_H = LEFT * 2 + WIDTH, 842.0


def line(text: str, y: float, x: float = LEFT, size: float = SIZE, bold: bool = False) -> list[TextRun]:
    """One run per character, as a PDF's text layer gives them: CJK one em wide, Latin half."""
    runs = []
    for ch in text:
        advance = size if ord(ch) > 0x2000 else size / 2
        if ch != " ":
            runs.append(TextRun(x, y, advance * 0.95, size, ch, size, bold))
        x += advance
    return runs


def centred(text: str, y: float, size: float = SIZE, bold: bool = False) -> list[TextRun]:
    width = sum(size if ord(ch) > 0x2000 else size / 2 for ch in text)
    return line(text, y, LEFT + (WIDTH - width) / 2, size, bold)


def page(number: int, *lines: list[TextRun]) -> PageRuns:
    return PageRuns(number, PAGE_W, PAGE_H, tuple(run for runs in lines for run in runs))


def paragraph(text: str, y: float, indent: bool = True) -> tuple[list[list[TextRun]], float]:
    """A paragraph wrapped at 30 characters, its first line indented two characters; (lines, next y)."""
    out, first = [], True
    while text:
        room = 28 if first and indent else 30
        out.append(line(text[:room], y, LEFT + (2 * SIZE if first and indent else 0)))
        text, first, y = text[room:], False, y + 20
    return out, y


FIRST = "今年以来，全市经济运行总体平稳，各项工作取得新进展，主要指标好于预期，群众获得感持续增强。"
SECOND = "全年共办理各类案件一千余件，同比增长明显，办案质量和效率稳步提升，社会反响良好。"


def paragraphs_of(text: str) -> list[str]:
    return [p for p in text.rstrip("\n").split("\n\n") if p]


def test_wrapped_lines_join_without_spaces_and_indents_start_paragraphs():
    first, y = paragraph(FIRST, 100)
    second, _ = paragraph(SECOND, y)
    result = rebuild([page(1, *first, *second)])
    assert paragraphs_of(result.text) == [FIRST, SECOND]
    assert result.text.endswith("\n")
    assert result.pages == [0]


def test_no_space_between_cjk_and_digits_or_latin_where_the_layout_left_a_gap():
    runs = line("地区生产总值增长 5.2%，115 家企业在 2023 年上市。", 100)
    assert paragraphs_of(rebuild([page(1, runs)]).text) == ["地区生产总值增长5.2%，115家企业在2023年上市。"]
    assert tidy("使用 Word  和 WPS 编辑") == "使用Word和WPS编辑"
    assert tidy("GDP  growth rate") == "GDP growth rate"


def test_latin_words_wrapped_across_lines_keep_one_space():
    runs = line("The report covers the year and the", 100) + line("plans for next year.", 120)
    assert paragraphs_of(rebuild([page(1, runs)]).text) == ["The report covers the year and the plans for next year."]


def test_a_line_ending_short_after_a_full_stop_or_colon_ends_the_paragraph():
    runs = (line("各区县人民政府：", 100) + line("现将有关事项通知如下。", 120)
            + line("这是下一段的开头，没有缩进但前一行很短。", 140))
    assert paragraphs_of(rebuild([page(1, runs)]).text) == [
        "各区县人民政府：", "现将有关事项通知如下。", "这是下一段的开头，没有缩进但前一行很短。"]


def test_a_vertical_gap_starts_a_paragraph():
    first, y = paragraph(FIRST[:60], 100, indent=False)
    second, _ = paragraph(SECOND[:60], y + 30, indent=False)
    assert paragraphs_of(rebuild([page(1, *first, *second)]).text) == [FIRST[:60], SECOND[:60]]


def test_a_paragraph_continuing_across_a_page_break_stays_one_and_pages_map_to_their_text():
    text = FIRST * 3
    lines1, _ = paragraph(text[:88], 700)
    lines2, _ = paragraph(text[88:], 80, indent=False)
    result = rebuild([page(1, *lines1, line("— 1 —", 800, LEFT + 13 * SIZE)),
                      page(2, *lines2, line("— 2 —", 800, LEFT + 13 * SIZE))])
    assert paragraphs_of(result.text) == [text]
    assert result.pages == [0, 88]
    assert page_of(result.pages, 87) == 1 and page_of(result.pages, 88) == 2


def test_page_numbers_and_running_headers_and_footers_are_dropped():
    pages = []
    for n in range(1, 5):
        body, _ = paragraph(f"第{n}页的正文，" + SECOND[n:], 140)
        pages.append(page(n, centred("某市人民政府办公室", 40), *body,
                          centred(f"第 {n} 页 共 4 页", 800)))
    result = rebuild(pages)
    assert "办公室" not in result.text and "共 4 页" not in result.text and "共4页" not in result.text
    assert len(paragraphs_of(result.text)) == 4
    assert [result.text[start:start + 3] for start in result.pages] == ["第1页", "第2页", "第3页", "第4页"]


def test_every_page_number_style_is_recognised_and_body_numbers_are_not():
    for text in ("— 3 —", "-3-", "第3页", "3/16", "第 3 页 共 16 页", "12", "- 12 -", "Page 3 of 9"):
        assert is_page_number(text), text
    for text in ("2023年", "3.5%", "一、总体情况", "第三条"):
        assert not is_page_number(text), text


def test_a_lone_number_inside_the_page_is_body_text():
    runs = line("全年完成投资（亿元）：", 100) + line("128", 120) + line("其余部分见附表。", 140)
    result = rebuild([page(1, runs)])
    assert "128" in result.text


def test_table_rows_are_one_line_each_with_cells_separated_by_tabs():
    before, y = paragraph(FIRST, 100)
    rows = [("指标", "2023年", "增长"), ("地区生产总值", "1200亿元", "5.2%"), ("工业增加值", "380亿元", "6.1%")]
    table = [line(a, y + 20 * i) + line(b, y + 20 * i, LEFT + 10 * SIZE) + line(c, y + 20 * i, LEFT + 20 * SIZE)
             for i, (a, b, c) in enumerate(rows)]
    after, _ = paragraph(SECOND, y + 20 * len(rows) + 10)
    result = rebuild([page(1, *before, *table, *after)])
    assert paragraphs_of(result.text) == [FIRST, "指标\t2023年\t增长\n地区生产总值\t1200亿元\t5.2%\n工业增加值\t380亿元\t6.1%",
                                          SECOND]
    start, end = result.tables[0]
    assert result.text[start:end].split("\n")[0] == "指标\t2023年\t增长"
    assert len(result.tables) == 1


def test_a_cell_wrapped_onto_a_second_line_stays_in_its_row():
    table = (line("项目", 100) + line("说明", 100, LEFT + 10 * SIZE)
             + line("改革", 120) + line("深化放管服", 120, LEFT + 10 * SIZE) + line("改革", 132, LEFT + 10 * SIZE))
    result = rebuild([page(1, table)])
    assert paragraphs_of(result.text) == ["项目\t说明\n改革\t深化放管服改革"]


def test_red_header_and_document_number_become_metadata_and_the_title_the_first_line():
    body, _ = paragraph(FIRST, 300)
    result = rebuild([page(1, centred("某某市人民政府文件", 60, 36), centred("某政发〔2025〕5号", 130),
                           centred("关于加强安全生产工作的", 180, 22), centred("通知", 206, 22),
                           line("各区县人民政府：", 260), *body)])
    assert result.metadata == {"doc_number": "某政发〔2025〕5号", "issuer": "某某市人民政府"}
    assert paragraphs_of(result.text) == ["关于加强安全生产工作的通知", "各区县人民政府：", FIRST]


def test_bigger_and_bold_lines_are_heading_hints_and_a_bold_lead_a_run_in():
    body, y = paragraph(FIRST, 160)
    runs = (centred("工作报告", 60, 22) + line("一、主要成效", 100, LEFT, 16)
            + line("（一）经济平稳", 130, LEFT + 2 * SIZE, bold=True) + [r for ln in body for r in ln]
            + line("一是加强领导。", y + 10, LEFT + 2 * SIZE, bold=True)
            + line("成立工作专班，定期调度。", y + 10, LEFT + 9 * SIZE))
    result = rebuild([page(1, runs)])
    kinds = {result.text[h.start:h.end]: (h.kind, h.level) for h in result.hints}
    assert kinds["一、主要成效"] == ("heading", 1)
    assert kinds["（一）经济平稳"][0] == "heading"
    assert kinds["一是加强领导。"] == ("bold", None)
    assert paragraphs_of(result.text)[0] == "工作报告"


def test_empty_pages_give_empty_text_and_share_the_next_start():
    body, _ = paragraph(FIRST, 100)
    result = rebuild([page(1, *body), page(2), page(3, *body)])
    assert result.pages[1] == result.pages[2]
    assert rebuild([]).text == "" and rebuild([page(1)]).pages == [0]


def test_a_line_ending_where_the_next_word_would_have_fit_ends_its_paragraph_even_at_a_page_break():
    above, _ = paragraph(FIRST, 720)
    first = line("在切实做好各项工作中推进法治政府建设再上新台阶", 780)      # short by six characters
    second = line("有效提升行政决策科学化、民主化、法治化水平，全面落实决策程序规定", 80)
    result = rebuild([page(1, *above, first), page(2, second)])
    assert paragraphs_of(result.text) == [FIRST, "在切实做好各项工作中推进法治政府建设再上新台阶",
                                          "有效提升行政决策科学化、民主化、法治化水平，全面落实决策程序规定"]


def test_a_full_line_ending_a_sentence_before_a_numbered_heading_ends_its_paragraph():
    full = line("为建设法治社会筑牢法治基础，推动领导干部带头尊法学法守法用法落到实处。", 780)
    heading = line("（二）积极参与市域治理现代化试点，打造共建共治共享的社会治理格局并取得成效", 80)
    result = rebuild([page(1, full), page(2, heading)])
    assert len(paragraphs_of(result.text)) == 2
    wrapped_sentence = line("为建设法治社会筑牢法治基础，推动领导干部带头尊法学法守法用法落到实处", 780)
    assert len(paragraphs_of(rebuild([page(1, wrapped_sentence), page(2, heading)]).text)) == 1
