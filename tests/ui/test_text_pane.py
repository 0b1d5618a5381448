"""The report pane: figures at the right place (also after characters outside the BMP), headings
styled, zoom, and a second report styled like the first."""

from PySide6.QtGui import QFont, QTextCursor

from tests.conftest import SAMPLE
from viewer.core.report import parse_bytes
from viewer.ui import palette
from viewer.ui.text_pane import ReportView


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
