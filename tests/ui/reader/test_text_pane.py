"""The report pane: figures at the right place (also after characters outside the BMP), headings
styled, zoom, and a second report styled like the first."""

from PySide6.QtGui import QFont, QTextCursor

from tests.conftest import SAMPLE
from viewer.core.report import parse_bytes
from viewer.ui import palette
from viewer.ui.reader.text_pane import ReportView


def test_figure_after_non_bmp_character_is_tinted_exactly(qtbot):
    text = "某区报告\n\n一、总体情况\n\n𠀀𠀀村全年办理案件41件，增长5.2%。\n"
    report = parse_bytes(text.encode("utf-8"), "r.txt")
    fig = next(f for f in report.figures if f.text == "41件")
    view = ReportView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.set_report(report.text, report.sections, report.figures)
    view.show()
    assert view.format_at(fig.start).background().color() == palette.figure_background("count")
    assert view.format_at(fig.end - 1).background().color() == palette.figure_background("count")
    assert view.format_at(fig.start - 1).background().style().name == "NoBrush"
    view.select_offsets(fig.start, fig.end)
    assert view.textCursor().selectedText() == "41件"
    assert view.selected_offsets() == (fig.start, fig.end)


def test_zoom_changes_font_and_is_clamped(qtbot):
    view = ReportView()
    qtbot.addWidget(view)
    size = view.font().pointSize()
    view.set_zoom(2)
    assert view.font().pointSize() == size + 2
    view.set_zoom(100)
    assert view.zoom == 12
    view.set_zoom(0)
    assert view.font().pointSize() == size


def test_second_report_opened_gets_its_whole_title_styled_and_its_year_tinted(make_window, tmp_path):
    window = make_window(SAMPLE)                                     # report A, shown
    other = tmp_path / "b.txt"
    other.write_text("某区2021年政府工作报告\n\n一、总体情况\n\n全年办理案件41件。\n", encoding="utf-8")
    assert window.import_and_open(other)                             # report B in the same window
    view = window.view
    title_end = view.text().index("\n")
    heading = view.format_at(0)
    assert heading.fontWeight() == QFont.Weight.Bold and heading.foreground().color() == palette.HEADING_COLOUR
    for offset in range(title_end):
        fmt = view.format_at(offset)
        assert fmt.fontWeight() == QFont.Weight.Bold, offset
        assert fmt.fontPointSize() == heading.fontPointSize(), offset
    year = next(f for f in window.figures if f.text == "2021年")
    for offset in range(year.start, year.end):
        assert view.format_at(offset).background().color() == palette.figure_background("date"), offset


TABLE_PAGE = ("<html><head><title>某区2021年统计公报</title></head><body><h1>某区2021年统计公报</h1>"
              "<p>一、总体情况</p><p>全年各项指标如下表。</p>"
              "<table><tr><th>指标</th><th>2020年</th><th>2021年</th></tr>"
              "<tr><td>人民调解成功率</td><td>41件</td><td>52件</td></tr>"
              "<tr><td>办案</td><td>96.5%</td><td>1.5亿元</td></tr></table>"
              "<p>以上数据由区统计局提供。</p></body></html>")


def _cell_starts(text, row):
    """Code-point offsets where each cell of the line `row` starts in `text`."""
    offsets, position = [], text.index(row)
    for cell in row.split("\t"):
        offsets.append(position)
        position += len(cell) + 1
    return offsets


def _x(view, offset):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(offset))
    return view.cursorRect(cursor).left()


def test_a_3x3_html_table_shows_its_columns_aligned_with_figures_tinted(make_window, tmp_path):
    page = tmp_path / "table.html"
    page.write_text(TABLE_PAGE, encoding="utf-8")
    window = make_window(page)
    view, text = window.view, window.view.text()
    rows = ["指标\t2020年\t2021年", "人民调解成功率\t41件\t52件", "办案\t96.5%\t1.5亿元"]
    assert "\n".join(rows) in text                                     # the rows are lines of the body text
    starts = [_cell_starts(text, row) for row in rows]
    for column in range(3):
        xs = {_x(view, offsets[column]) for offsets in starts}
        assert len(xs) == 1, (column, xs)                              # each column starts at one x
    lefts = [_x(view, starts[0][column]) for column in range(3)]
    assert lefts[0] < lefts[1] < lefts[2]
    widest = view.fontMetrics().horizontalAdvance("人民调解成功率")
    assert lefts[1] - lefts[0] > widest                                # the long cell does not push
    for fig in window.figures:
        if text.index(rows[0]) <= fig.start < text.index(rows[-1]) + len(rows[-1]):
            assert view.format_at(fig.start).background().color() == palette.figure_background(fig.kind), fig
    assert {f.text for f in window.figures} >= {"41件", "96.5%", "1.5亿元"}
    view.select_offsets(starts[1][1], starts[1][1] + 3)                # selection and find: same characters
    assert view.textCursor().selectedText() == "41件"
    window.find_bar.open_bar("1.5亿元")
    window.run_find("1.5亿元")
    assert window.find_count() == (0, 1)
    note = window.session.add_annotation("note", starts[2][0], starts[2][0] + 2, body="核对")
    assert view.annotations_at(starts[2][0]) == [note] and view.format_at(starts[2][0]).background().color() \
        == palette.annotation_background("note", "")


def test_table_columns_stay_aligned_after_zoom(make_window, tmp_path):
    page = tmp_path / "table.html"
    page.write_text(TABLE_PAGE, encoding="utf-8")
    window = make_window(page)
    view, text = window.view, window.view.text()
    window.view.set_zoom(4)
    second = [text.index("2020年"), text.index("41件"), text.index("96.5%")]
    assert len({_x(view, o) for o in second}) == 1
    assert _x(view, second[1]) - _x(view, text.index("人民调解成功率")) > \
        view.fontMetrics().horizontalAdvance("人民调解成功率")


def test_a_table_in_a_narrow_pane_closes_its_gaps_but_stays_aligned(qtbot):
    report = parse_bytes(TABLE_PAGE.encode("utf-8"), "table.html")
    view = ReportView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_report(report.text, report.sections, report.figures, report.tables)
    view.show()
    qtbot.waitExposed(view)
    text = view.text()
    second = [text.index("2020年"), text.index("41件"), text.index("96.5%")]
    widest = view.fontMetrics().horizontalAdvance("人民调解成功率")
    wide_gap = _x(view, second[1]) - _x(view, text.index("人民调解成功率")) - widest
    natural = _x(view, text.index("1.5亿元")) - _x(view, text.index("办案")) \
        + view.fontMetrics().horizontalAdvance("1.5亿元")
    target = int(natural) - wide_gap // 2                              # room for narrower gaps
    for _ in range(2):                                                 # the side margins shrink too
        view.resize(view.width() - view.viewport().width() + target, 600)
    assert view.viewport().width() == target
    narrow_gap = _x(view, second[1]) - _x(view, text.index("人民调解成功率")) - widest
    assert len({_x(view, o) for o in second}) == 1
    assert 0 < narrow_gap < wide_gap
