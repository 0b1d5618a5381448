"""The report pane draws figures at the right place even after characters outside the BMP."""

from PySide6.QtGui import QTextCursor

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
