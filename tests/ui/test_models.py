"""The tree and figures models pass Qt's model checks; the figures table sorts and filters."""

from PySide6.QtCore import Qt

from viewer.core.report import parse_path
from viewer.ui.figures_panel import COLUMNS, FigureRole, FiguresPanel, FiguresTableModel
from viewer.ui.section_tree import SectionTreeModel, SectionTreePanel
from tests.conftest import SAMPLE


def test_section_tree_model_passes_qtmodeltester(qtmodeltester):
    model = SectionTreeModel()
    model.set_sections(parse_path(SAMPLE).sections)
    qtmodeltester.check(model)


def test_figures_model_passes_qtmodeltester(qtmodeltester):
    report = parse_path(SAMPLE)
    model = FiguresTableModel()
    model.set_figures(report.figures, [""] * len(report.figures))
    qtmodeltester.check(model)


def test_figures_table_sorts_by_numeric_value(qtbot):
    report = parse_path(SAMPLE)
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    panel.set_figures(report.figures, [""] * len(report.figures))
    panel.table.sortByColumn(COLUMNS.index("value"), Qt.SortOrder.DescendingOrder)
    values = [panel.proxy.index(r, 0).data(FigureRole).value for r in range(panel.proxy.rowCount())]
    assert values == sorted(values, reverse=True)
    assert values[0] == 15_000_000_000


def test_figures_table_filters_by_kind_and_text(qtbot):
    report = parse_path(SAMPLE)
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    panel.set_figures(report.figures, [""] * len(report.figures))
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("percent"))
    kinds = {panel.proxy.index(r, 0).data(FigureRole).kind for r in range(panel.proxy.rowCount())}
    assert kinds == {"percent"}
    panel.filter_edit.setText("人次")
    texts = [panel.proxy.index(r, 0).data(FigureRole).text for r in range(panel.proxy.rowCount())]
    assert texts == []
    panel.kind_combo.setCurrentIndex(0)
    texts = [panel.proxy.index(r, 0).data(FigureRole).text for r in range(panel.proxy.rowCount())]
    assert texts and all("人次" in t for t in texts)


def test_tree_filter_keeps_matching_titles_and_their_ancestors(qtbot):
    panel = SectionTreePanel()
    qtbot.addWidget(panel)
    panel.set_sections(parse_path(SAMPLE).sections)
    panel.filter_edit.setText("普法")
    shown = []

    def walk(parent):
        for r in range(panel.proxy.rowCount(parent)):
            index = panel.proxy.index(r, 0, parent)
            shown.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex
    walk(QModelIndex())
    assert any("普法" in s for s in shown)
    assert shown == ["三、 2020年推进法治政府建设存在的不足和原因",
                     "四是 普法宣传的形式有待进一步丰富,吸引力、感召力、影响力需要进一步增强",
                     "四、 2021年及“十四五”期间推进法治政府建设的工作思路目标举措",
                     "(五) 深入推进普法宣传工作"]
