"""The 书库 window over a fake source: filters, tabs, status line, and the requests its rows send."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.library.conftest import FakeSource, make_entries
from viewer.core.model import CatalogueFilter
from viewer.ui.library.columns import TITLE_COLUMN, column_of
from viewer.ui.library.library_dialog import LibraryDialog


@pytest.fixture
def dialog(qtbot, fake_source):
    made = LibraryDialog(fake_source)
    qtbot.addWidget(made)
    made.reload()
    made.show()
    qtbot.waitExposed(made)
    return made


def _titles(dialog):
    return [dialog.model.entry(r).title for r in range(dialog.model.rowCount())]


def test_status_line_counts_every_report_not_only_the_fetched_rows(dialog):
    assert dialog.status_label.text() == "共 450 份报告"
    assert dialog.model.rowCount() < 450
    assert dialog.tabs.tabText(0) == "书库 (450)" and dialog.tabs.tabText(1) == "回收站 (0)"


def test_typing_filters_after_a_pause(dialog, qtbot):
    dialog.filter_bar.text_box.setText("报告0001")
    assert dialog.model.total == 450                   # not yet: the text is still being typed
    qtbot.waitUntil(lambda: dialog.model.total == 10)
    assert all(t.startswith("报告0001") for t in _titles(dialog))
    assert dialog.status_label.text() == "共 10 份报告（已筛选）"


def test_combos_come_from_the_facets_with_counts_and_filter(dialog, fake_source):
    kinds = [dialog.filter_bar.kind_combo.itemText(i) for i in range(dialog.filter_bar.kind_combo.count())]
    assert kinds[0] == "全部类别" and "政府工作报告 (90)" in kinds
    years = [dialog.filter_bar.year_combo.itemText(i) for i in range(dialog.filter_bar.year_combo.count())]
    assert years[:3] == ["全部年份", "2024 (45)", "2023 (45)"]
    dialog.filter_bar.choose(dialog.filter_bar.kind_combo, "notice")
    dialog.filter_bar.choose(dialog.filter_bar.year_combo, 2018)
    dialog.filter_bar.choose(dialog.filter_bar.issuer_combo, "司法部")
    expected = fake_source.count(CatalogueFilter(kind="notice", year=2018, issuer="司法部"))
    assert dialog.model.total == expected > 0
    assert all(dialog.model.entry(r).issuer == "司法部" for r in range(dialog.model.rowCount()))


def test_the_trash_tab_lists_removed_reports_and_restore_is_its_action(qtbot):
    entries = make_entries(5)
    source = FakeSource(entries)
    source.update(2, removed_at="2026-12-02T01:00:00+00:00")
    made = LibraryDialog(source)
    qtbot.addWidget(made)
    made.reload()
    made.show()
    assert made.tabs.tabText(1) == "回收站 (1)" and made.model.total == 4
    made.show_trash()
    assert _titles(made) == ["报告00002"] and made.primary_button.text() == "恢复"
    assert not made.remove_action.isEnabled() and made.restore_action.isEnabled()
    with qtbot.waitSignal(made.restoreRequested) as restored:
        made.primary_button.click()
    assert restored.args == [2]
    source.update(2, removed_at=None)
    made.apply_change({2}, "restored")
    assert made.model.total == 0 and made.table.empty_label.isVisible()
    assert made.table.empty_label.text() == "回收站是空的"


def test_double_click_and_enter_ask_to_open_that_report(dialog, qtbot):
    row = 5
    doc_id = dialog.model.entry(row).id
    rect = dialog.table.visualRect(dialog.model.index(row, TITLE_COLUMN))
    with qtbot.waitSignal(dialog.openRequested) as opened:    # a double-click: a click, then the second press
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [doc_id]
    dialog.select_id(dialog.model.entry(7).id)
    with qtbot.waitSignal(dialog.openRequested) as opened:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened.args == [dialog.model.entry(7).id]


def test_f2_and_delete_ask_to_rename_and_remove_the_selected_report(dialog, qtbot):
    doc_id = dialog.model.entry(2).id
    dialog.select_id(doc_id)
    dialog.table.setFocus()
    with qtbot.waitSignal(dialog.renameRequested) as renamed:
        qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    assert renamed.args == [doc_id]
    with qtbot.waitSignal(dialog.removeRequested) as removed:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert removed.args == [doc_id]


def test_the_context_menu_has_the_row_actions(dialog):
    texts = [a.text() for a in dialog.context_menu().actions() if not a.isSeparator()]
    assert texts == ["打开", "重命名…", "移到回收站…", "导出列表为 CSV…"]
    dialog.show_trash()
    texts = [a.text() for a in dialog.context_menu().actions() if not a.isSeparator()]
    assert texts == ["恢复", "重命名…", "导出列表为 CSV…"]


def test_clicking_a_header_sorts_by_it_and_a_number_column_starts_largest_first(dialog, qtbot):
    header = dialog.table.horizontalHeader()
    x = header.sectionViewportPosition(column_of("figures")) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert dialog.model.sort_key == "figures" and dialog.model.descending
    x = header.sectionViewportPosition(column_of("title")) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert dialog.model.sort_key == "title" and not dialog.model.descending
    assert _titles(dialog)[:2] == ["报告00001", "报告00002"]


def test_sort_and_columns_are_remembered(dialog, qtbot, fake_source):
    dialog.table.horizontalHeader().setSortIndicator(column_of("issuer"), Qt.SortOrder.AscendingOrder)
    dialog.table.horizontalHeader().resizeSection(column_of("issuer"), 222)
    state = dialog.state()
    again = LibraryDialog(fake_source)
    qtbot.addWidget(again)
    again.restore_state(state)
    again.show()
    assert again.model.sort_key == "issuer" and not again.model.descending
    assert again.table.horizontalHeader().sectionSize(column_of("issuer")) == 222


def test_columns_fit_the_window_at_1280(dialog):
    header = dialog.table.horizontalHeader()
    widths = [header.sectionSize(i) for i in range(header.count())]
    assert sum(widths) <= dialog.table.viewport().width()
    assert widths[TITLE_COLUMN] == max(widths)
    QApplication.processEvents()


def test_the_keyboard_way_type_then_enter_then_enter_opens_the_first_match(dialog, qtbot):
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.filter_bar.text_box.hasFocus())      # the filter box has the focus first
    qtbot.keyClicks(dialog.filter_bar.text_box, "00042")      # (QTest types ASCII only)
    qtbot.keyClick(dialog.filter_bar.text_box, Qt.Key.Key_Return)       # filter now, on to the list
    assert dialog.model.total == 1 and dialog.table.hasFocus()
    with qtbot.waitSignal(dialog.openRequested) as opened:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened.args == [42]
