"""The tree and figures models pass Qt's model checks; the figures table sorts and filters."""

from PySide6.QtCore import Qt

from viewer.core.report import parse_path
from viewer.ui.reader.figures_panel import COLUMNS, FigureRole, FiguresPanel, FiguresTableModel
from viewer.ui.reader.section_tree import SectionTreeModel, SectionTreePanel
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


def _shown_panel(qtbot, figures, width=330):
    panel = FiguresPanel()
    qtbot.addWidget(panel)
    panel.resize(width, 600)
    panel.set_figures(figures, [""] * len(figures))
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_value_column_shows_every_value_in_full_without_eliding(qtbot):
    from PySide6.QtWidgets import QStyleOptionViewItem

    from viewer.core.figures import find_figures

    figures = parse_path(SAMPLE).figures + find_figures("全年投入12.3亿元，共1234567890.5万元，2021年5月31日。")
    panel = _shown_panel(qtbot, figures)
    column = COLUMNS.index("value")
    width = panel.table.columnWidth(column)
    option = QStyleOptionViewItem()
    panel.table.initViewItemOption(option)
    for row in range(panel.model.rowCount()):
        index = panel.proxy.index(row, column)
        assert panel.table.itemDelegate().sizeHint(option, index).width() <= width, index.data()
    assert "1,230,000,000" in [panel.model.index(r, column).data() for r in range(panel.model.rowCount())]
    text = COLUMNS.index("text")
    for row in range(panel.model.rowCount()):          # as written, too, up to 8 characters
        index = panel.proxy.index(row, text)
        if len(index.data()) <= 8:
            assert panel.table.itemDelegate().sizeHint(option, index).width() <= panel.table.columnWidth(text)
    assert panel.table.columnViewportPosition(column) + width <= panel.table.viewport().width()


def test_a_calendar_date_has_a_translated_unit_not_an_internal_word(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from viewer.core.figures import find_figures
    from viewer.ui.app import Translations

    figures = find_figures("2021年5月31日召开会议，5月份完成，共41件，2020年。")
    panel = _shown_panel(qtbot, figures)
    unit = COLUMNS.index("unit")
    units = {panel.model.index(r, 0).data(): panel.model.index(r, unit).data()
             for r in range(panel.model.rowCount())}
    assert units == {"2021年5月31日": "日期", "5月": "月", "41件": "件", "2020年": "年"}
    panel.filter_edit.setText("日期")
    assert panel.proxy.rowCount() == 1
    panel.filter_edit.setText("date")
    assert panel.proxy.rowCount() == 0
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # earlier tests' windows go first
    translations = Translations(QApplication.instance())
    try:
        assert translations.set_language("en")
        panel.retranslate()
        assert panel.model.index(0, unit).data() == "Date"
    finally:
        translations.set_language("zh")


def test_clearing_the_title_filter_restores_the_expansion_the_user_had(qtbot):
    panel = SectionTreePanel()
    qtbot.addWidget(panel)
    sections = parse_path(SAMPLE).sections
    panel.set_sections(sections)
    panel.show()

    def index(node):
        return panel.proxy.mapFromSource(panel.model.index_for_node(node))

    def expanded():
        from PySide6.QtCore import QModelIndex
        found = []

        def walk(parent):
            for row in range(panel.proxy.rowCount(parent)):
                child = panel.proxy.index(row, 0, parent)
                if panel.view.isExpanded(child):
                    found.append(panel.proxy.mapToSource(child).data())
                    walk(child)

        walk(QModelIndex())
        return found

    first, fourth = sections[0], sections[3]
    deep = next(child for child in first.children if child.children)
    panel.view.collapse(index(fourth))                 # the user folds 四、 and opens a subsection
    panel.view.expand(index(deep))
    before = expanded()
    assert f"{deep.number} {deep.title}" in before and not any(s.startswith("四、") for s in before)
    panel.filter_edit.setText("普法")
    assert any(s.startswith("四、") for s in expanded())            # matches are shown expanded
    panel.filter_edit.clear()
    assert expanded() == before
    panel.filter_edit.setText("法")                    # typing on and clearing again: the same
    panel.filter_edit.setText("法治")
    panel.filter_edit.setText("")
    assert expanded() == before
