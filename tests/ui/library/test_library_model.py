"""The 书库 model: rows fetched a page at a time, sorting and filtering asked of the source, never done here."""

from PySide6.QtCore import Qt

from tests.ui.library.conftest import FakeSource, make_entries
from viewer.core.model import CatalogueFilter
from viewer.ui.library.columns import COLUMNS, column_of
from viewer.ui.library.library_model import PAGE_SIZE, LibraryTableModel


def test_the_first_page_only_then_fetch_more_grows_the_rows(qtbot, fake_source):
    model = LibraryTableModel(fake_source)
    assert model.total == 450 and model.rowCount() == PAGE_SIZE < model.total
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert [p[3] for p in fake_source.pages] == [0, PAGE_SIZE, 2 * PAGE_SIZE]


def test_a_view_scrolled_to_the_end_fetches_the_next_page(qtbot, fake_source):
    from PySide6.QtWidgets import QTableView

    model = LibraryTableModel(fake_source)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE)


def test_sorting_by_a_column_asks_the_source_with_its_key_and_order(qtbot, fake_source):
    model = LibraryTableModel(fake_source)
    model.sort(column_of("title"), Qt.SortOrder.AscendingOrder)
    assert fake_source.pages[-1][1:4] == ("title", False, 0)
    titles = [model.entry(r).title for r in range(model.rowCount())]
    assert titles == sorted(titles) and titles[0] == "报告00001"
    model.sort(column_of("figures"), Qt.SortOrder.DescendingOrder)
    assert fake_source.pages[-1][1:3] == ("figures", True)
    figures = [model.entry(r).figures for r in range(model.rowCount())]
    assert figures == sorted(figures, reverse=True) and figures[0] == 99
    # the rows after the first page come in the same order
    model.fetchMore()
    assert fake_source.pages[-1][1:4] == ("figures", True, PAGE_SIZE)
    assert model.entry(PAGE_SIZE).figures <= model.entry(PAGE_SIZE - 1).figures


def test_a_filter_starts_the_rows_again(qtbot, fake_source):
    model = LibraryTableModel(fake_source)
    model.fetchMore()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_filter(CatalogueFilter(kind="regulation", year=2017))
    assert resets == [1] and model.total == fake_source.count(CatalogueFilter(kind="regulation", year=2017))
    assert all(model.entry(r).kind == "regulation" and model.entry(r).year == 2017 for r in range(model.rowCount()))
    assert fake_source.pages[-1][3] == 0


def test_cells_read_as_a_person_reads_them(qtbot, china_time):
    source = FakeSource(make_entries(3))
    model = LibraryTableModel(source, sort="title", descending=False)
    first = {c.key: model.index(0, i).data() for i, c in enumerate(COLUMNS)}
    assert first["title"] == "报告00001" and first["issuer"] == "国务院" and first["issued"] == "2015-03-05"
    assert first["kind"] == "政府工作报告"
    assert first["imported_at"] == "2026-11-01 16:00"                    # local time (UTC+8)
    assert first["last_opened_at"] == "2026-12-01 17:30"
    assert model.index(0, column_of("imported_at")).data(Qt.ItemDataRole.ToolTipRole) == "2026-11-01 16:00 (+08:00)"
    assert model.index(1, column_of("last_opened_at")).data() == ""       # never opened
    assert model.index(0, column_of("notes")).data() == ""               # no notes: an empty cell, not 0
    assert model.index(1, column_of("notes")).data() == "1"
    assert model.index(0, column_of("sections")).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_all_entries_gives_every_filtered_row_not_only_the_fetched_ones(qtbot, fake_source):
    model = LibraryTableModel(fake_source)
    model.set_filter(CatalogueFilter(text="报告"))
    assert model.rowCount() == PAGE_SIZE
    every = model.all_entries()
    assert len(every) == 450 and model.rowCount() == PAGE_SIZE
    assert [e.id for e in every[:PAGE_SIZE]] == [model.entry(r).id for r in range(PAGE_SIZE)]


def test_a_renamed_row_is_read_again_and_a_removed_one_taken_out(qtbot, fake_source):
    model = LibraryTableModel(fake_source)
    doc_id = model.entry(3).id
    fake_source.update(doc_id, title="新标题")
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    model.refresh_rows({doc_id})
    assert model.entry(3).title == "新标题" and changed == [(3, 3)]
    model.drop_rows({doc_id})
    assert model.row_of(doc_id) == -1 and model.total == 449


def test_a_removed_reports_title_tip_says_when_it_went_into_the_trash(qtbot, china_time):
    source = FakeSource(make_entries(2))
    source.update(2, removed_at="2026-12-02T01:00:00+00:00")
    model = LibraryTableModel(source)
    model.set_filter(CatalogueFilter(removed=True))
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "报告00002\n移入回收站于 2026-12-02 09:00 (+08:00)"


def test_the_open_reports_row_is_bold(qtbot, fake_source):
    model = LibraryTableModel(fake_source)
    doc_id = model.entry(2).id
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), roles)))
    model.set_open_id(doc_id)
    assert model.index(2, 0).data(Qt.ItemDataRole.FontRole).bold() and changed == [(2, [Qt.ItemDataRole.FontRole])]
    assert model.index(3, 0).data(Qt.ItemDataRole.FontRole) is None
