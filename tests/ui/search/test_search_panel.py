"""The 全库搜索 panel: results grouped by report with brute-force counts, lazy pages, a hit opening its
report selected and marked, a newer query replacing an older one, a bad query's one line, English labels."""

from collections import Counter

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import SAMPLE
from tests.services.test_search import REPORTS
from tests.services.test_search_pages import EXTRA
from viewer.core.errors import ReportViewerError
from viewer.core.report import parse_bytes
from viewer.core.search import TextSearcher
from viewer.core.search_query import parse_query
from viewer.services.library import import_file
from viewer.ui import palette
from viewer.ui.search.results_model import HIT_ROLE, PAGE_SIZE
from viewer.ui.ui_language import error_text


@pytest.fixture
def win(make_window, store):
    for name, text in {**REPORTS, **EXTRA}.items():
        store.import_report(parse_bytes(text.encode("utf-8"), name))
    sample = import_file(store, SAMPLE).document_id
    window = make_window()
    window.open_document(sample)
    return window


def run(qtbot, window, query):
    """Search from the panel as a user does (Ctrl+Shift+F, type, Enter) and wait for the count."""
    window.search_all_action.trigger()
    panel = window.library_search.panel
    panel.query_edit.setText(query)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.counting)
    return panel


def brute_counts(store, term):
    """Hits of `term` per report, counted over the stored body texts (no index)."""
    return {info.id: n for info in store.documents()
            if (n := len(TextSearcher(store.document(info.id).text).find_all(term, limit=10**9)))}


def load_all(model):
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def hit_index(panel, document_id, nth=0):
    model = panel.model
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        hits = [model.index(r, 0, group) for r in range(model.rowCount(group))]
        hits = [i for i in hits if getattr(i.data(HIT_ROLE), "document_id", None) == document_id
                and not hasattr(i.data(HIT_ROLE), "uuid")]
        if hits:
            return hits[nth]
    raise AssertionError(f"no hit of report {document_id} loaded")


def click(qtbot, panel, index):
    panel.tree.scrollTo(index)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualRect(index).center())


@pytest.mark.parametrize("term", ["法", "调解", "依法行政"])
def test_results_are_grouped_by_report_with_the_counts_a_brute_force_count_gives(qtbot, win, store, term):
    panel = run(qtbot, win, term)
    expected = brute_counts(store, term)
    load_all(panel.model)
    groups = panel.model.report_groups()
    assert [(doc, n) for doc, _title, n in groups] == sorted(expected.items())
    for row, (doc, title, n) in enumerate(groups):
        assert panel.model.index(row, 0).data() == f"{title} — {n} 处"
    assert panel.status_label.text() == f"共 {sum(expected.values())} 处，{len(expected)} 份报告"


def test_the_first_page_is_shown_before_every_hit_and_more_come_as_the_view_scrolls(qtbot, win, store):
    for i in range(6):                                 # long reports: a page is a part of one
        store.import_report(parse_bytes(f"第{i}份法治报告\n\n".encode() + "依法治理，依法办事。\n".encode() * 120,
                                        f"long{i}.txt"))
    panel = run(qtbot, win, "法")
    model = panel.model
    total = sum(brute_counts(store, "法").values())
    assert total > 20 * PAGE_SIZE
    first = model.loaded_hits
    assert PAGE_SIZE <= first < total and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.loaded_hits == first + PAGE_SIZE
    panel.tree.verticalScrollBar().setValue(panel.tree.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: model.loaded_hits > first + PAGE_SIZE)
    load_all(model)
    assert model.loaded_hits == total and not model.canFetchMore(QModelIndex())
    assert model.rowCount() == len(model.report_groups())          # the "more" row is gone


def test_clicking_a_hit_opens_its_report_at_the_hit_selected_with_the_term_marked(qtbot, win, store):
    panel = run(qtbot, win, "调解")
    index = hit_index(panel, 1, nth=1)                 # a.txt's second 调解; the sample is open
    hit = index.data(HIT_ROLE)
    click(qtbot, panel, index)
    assert win.doc_id == 1
    assert win.view.selected_offsets() == (hit.start, hit.end)
    assert win.view.text()[hit.start:hit.end] == "调解"
    marks = [(win.view.from_qt(s.cursor.selectionStart()), win.view.from_qt(s.cursor.selectionEnd()),
              s.format.background().color()) for s in win.view.extraSelections()]
    assert [(s, e) for s, e, _c in marks] == TextSearcher(win.view.text()).find_all("调解")
    assert (hit.start, hit.end, palette.FIND_CURRENT) in marks
    assert win.find_bar.isVisible() and win.find_bar.query() == "调解"
    assert win.find_count() == (1, len(marks))


def test_enter_on_a_hit_of_a_two_term_query_marks_both_terms(qtbot, win, store):
    panel = run(qtbot, win, "依法 调解")
    index = hit_index(panel, 1)
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(index)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    hit = index.data(HIT_ROLE)
    assert win.doc_id == 1 and win.view.selected_offsets() == (hit.start, hit.end)
    text = win.view.text()
    marked = {text[win.view.from_qt(s.cursor.selectionStart()):win.view.from_qt(s.cursor.selectionEnd())]
              for s in win.view.extraSelections()}
    assert marked == {"依法", "调解"}
    assert panel.tree.hasFocus()                       # ↓ and Enter go on to the next hit


def test_a_note_hit_is_listed_in_its_own_group_and_opens_its_report_at_the_note(qtbot, win, store):
    text = store.document(2).text
    start = text.index("依法行政")
    win.open_document(2)
    note = win.session.add_annotation("note", start, start + 4, body="核对口径")
    win.open_document(1)
    panel = run(qtbot, win, "核对")
    group = panel.model.index(0, 0)
    assert group.data() == "批注与书签 — 1 条"
    index = panel.model.index(0, 0, group)
    assert index.data(HIT_ROLE).uuid == note.uuid
    click(qtbot, panel, index)
    assert win.doc_id == 2 and win.view.selected_offsets() == (start, start + 4)
    assert panel.status_label.text() == "共 0 处，0 份报告；批注与书签 1 条"


def test_a_newer_query_replaces_an_older_one_and_the_older_count_is_ignored(qtbot, win, store):
    win.search_all_action.trigger()
    panel = win.library_search.panel
    panel.search("法")
    older = panel._generation
    panel.search("调解")
    qtbot.waitUntil(lambda: not panel._threads)
    expected = brute_counts(store, "调解")
    assert panel.status_label.text() == f"共 {sum(expected.values())} 处，{len(expected)} 份报告"
    assert all(hit.data(HIT_ROLE) is None or "调解" == win.store.document(hit.data(HIT_ROLE).document_id).text[
        hit.data(HIT_ROLE).start:hit.data(HIT_ROLE).end] for hit in _all_hit_indexes(panel))
    from viewer.services.search import count_hits

    panel._counted(older, count_hits(store, "法"), 0)       # a late answer to the older query
    assert panel.status_label.text() == f"共 {sum(expected.values())} 处，{len(expected)} 份报告"


def _all_hit_indexes(panel):
    model = panel.model
    return [model.index(r, 0, model.index(g, 0)) for g in range(model.rowCount())
            for r in range(model.rowCount(model.index(g, 0)))]


@pytest.mark.parametrize("query", ["-法", '"依法', "-依法 -调解"])
def test_a_bad_query_says_so_in_one_line_in_the_panel_without_a_message_box(qtbot, win, query):
    panel = run(qtbot, win, "法")
    panel.query_edit.setText(query)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    with pytest.raises(ReportViewerError) as excinfo:
        parse_query(query)
    assert panel.status_label.text() == error_text(excinfo.value)
    assert "\n" not in panel.status_label.text()
    assert panel.model.rowCount() == 0
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_an_empty_box_clears_the_results_and_says_nothing(qtbot, win):
    panel = run(qtbot, win, "法")
    panel.search("  ")
    assert panel.model.rowCount() == 0 and panel.status_label.text() == ""


def test_a_query_found_nowhere_says_so(qtbot, win):
    panel = run(qtbot, win, "量子计算")
    assert panel.status_label.text() == "没有找到“量子计算”"
    assert panel.model.rowCount() == 0


def test_ctrl_shift_f_opens_the_panel_with_the_query_box_focused(qtbot, win):
    assert win.search_all_action.shortcut().toString() == "Ctrl+Shift+F"
    assert win.search_all_action in win.edit_menu.actions()
    win.search_all_action.trigger()
    search = win.library_search
    assert search.dock.isVisible() and search.dock.windowTitle() == "全库搜索"
    qtbot.waitUntil(search.panel.query_edit.hasFocus)


def test_the_panel_speaks_english_in_the_english_ui(qtbot, win, store):
    from viewer.ui.app import Translations

    translations = Translations(QApplication.instance())
    try:
        assert translations.set_language("en")
        panel = run(qtbot, win, "调解")
        expected = brute_counts(store, "调解")
        assert win.library_search.dock.windowTitle() == "Search All Reports"
        assert win.search_all_action.text() == "Search &All Reports…"
        assert panel.search_button.text() == "Search"
        assert panel.query_edit.placeholderText() == "Search all reports…"
        assert panel.status_label.text() == f"{sum(expected.values())} hits in {len(expected)} reports"
        _doc, title, n = panel.model.report_groups()[0]
        assert panel.model.index(0, 0).data() == f"{title} — {n} hit" + ("s" if n != 1 else "")
        assert "Notes" not in panel.status_label.text()
        assert panel.filter_row.year_combo.itemText(0) == "All years"
        assert panel.filter_row.kind_combo.itemText(0) == "All kinds"
        assert panel.filter_row.issuer_combo.itemText(0) == "All issuers"
        assert panel.hint_label.text().startswith("Words apart by spaces must all occur")
        panel.search("量子计算")
        assert panel.status_label.text() == "No hits for “量子计算”"
    finally:
        translations.set_language("zh")


def test_closing_the_window_while_counting_waits_for_the_count_to_stop(qtbot, win):
    win.search_all_action.trigger()
    panel = win.library_search.panel
    panel.search("法")
    threads = list(panel._threads)
    win.close()
    assert all(thread.isFinished() for thread in threads)


def test_down_from_the_query_box_then_enter_opens_the_first_hit(qtbot, win):
    panel = run(qtbot, win, "调解")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Down)
    assert panel.tree.hasFocus()
    first = panel.model.index(0, 0, panel.model.index(0, 0)).data(HIT_ROLE)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert win.doc_id == first.document_id and win.view.selected_offsets() == (first.start, first.end)


def test_a_hit_row_shows_its_page_in_a_paged_report_and_its_section(qtbot, win, store):
    from tests.paged_report import PAGE_3_WORD, paged_bytes

    doc = store.import_report(parse_bytes(paged_bytes(), "paged.txt")).document_id
    panel = run(qtbot, win, PAGE_3_WORD)
    index = hit_index(panel, doc)
    assert index.data(Qt.ItemDataRole.UserRole + 3) == f"{index.data(HIT_ROLE).heading} · 第3页"


def test_the_hit_is_painted_in_the_find_colour_and_the_snippet_has_no_brackets(qtbot, win):
    panel = run(qtbot, win, "调解")
    index = hit_index(panel, 1)
    before, hit, after = index.data(Qt.ItemDataRole.UserRole + 2)
    assert hit == "调解" and "【" not in before + hit + after
    panel.tree.scrollTo(index)
    image = panel.tree.viewport().grab(panel.tree.visualRect(index)).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert palette.FIND_HIT.name() in colours
    group = panel.tree.visualRect(index.parent())
    image = panel.tree.viewport().grab(group).toImage()
    assert palette.FIND_HIT.name() not in {image.pixelColor(x, y).name() for x in range(image.width())
                                           for y in range(image.height())}


def test_reports_imported_in_a_batch_join_the_results_shown(qtbot, win, store, tmp_path):
    panel = run(qtbot, win, "鑫源")
    assert panel.model.rowCount() == 0
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "new.txt").write_text("鑫源公司报告\n\n一、概况\n\n鑫源公司依法经营。\n", encoding="utf-8")
    win.batch_import.start([tmp_path / "in"])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    qtbot.waitUntil(lambda: not panel.counting)
    assert panel.status_label.text() == "共 2 处，1 份报告"


def test_the_panel_opens_where_the_last_session_left_it(qtbot, make_window, store):
    first = make_window()
    first.search_all_action.trigger()
    dock = first.library_search.dock
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    first.close()                                        # saves the layout
    second = make_window(restore=True)
    second.search_all_action.trigger()
    assert second.dockWidgetArea(second.library_search.dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_the_kind_year_and_issuer_filters_keep_only_the_reports_they_let_through(qtbot, win, store):
    from viewer.core.model import CatalogueFilter
    from viewer.services.catalogue import document_ids, entry, facets

    panel = run(qtbot, win, "依法")
    row = panel.filter_row
    library = facets(store)
    assert row.year_combo.itemText(0) == "全部年份" and row.kind_combo.itemText(0) == "全部类别"
    assert [row.year_combo.itemData(i) for i in range(1, row.year_combo.count())] == [y for y, _n in library.years]
    assert row.year_combo.itemText(1) == f"{library.years[0][0]} ({library.years[0][1]})"
    every = brute_counts(store, "依法")
    year = 2016
    chosen = entry(store, min(document_ids(store, CatalogueFilter(year=year)) & set(every)))
    kind, issuer = chosen.kind, chosen.issuer
    assert issuer and len(library.kinds) > 1
    for combo, value, flt in ((row.year_combo, year, CatalogueFilter(year=year)),
                              (row.kind_combo, kind, CatalogueFilter(year=year, kind=kind)),
                              (row.issuer_combo, issuer, CatalogueFilter(year=year, kind=kind, issuer=issuer))):
        row.choose(combo, value)
        qtbot.waitUntil(lambda: not panel.counting)
        load_all(panel.model)
        expected = {doc: n for doc, n in every.items() if doc in document_ids(store, flt)}
        assert {doc: n for doc, _t, n in panel.model.report_groups()} == expected
        text = panel.status_label.text()
        assert 0 < len(expected) < len(every)
        assert text == (f"共 {sum(expected.values())} 处，{len(expected)} 份报告" if expected else "没有找到“依法”")
    for combo in row.combos():
        row.choose(combo, None)
    qtbot.waitUntil(lambda: not panel.counting)
    assert panel.status_label.text() == f"共 {sum(every.values())} 处，{len(every)} 份报告"


def test_switching_the_language_re_renders_the_results_shown(qtbot, win, store):
    from viewer.ui.app import Translations

    panel = run(qtbot, win, "调解")
    expected = brute_counts(store, "调解")
    translations = Translations(QApplication.instance())
    try:
        assert translations.set_language("en")
        qtbot.waitUntil(lambda: panel.status_label.text() == f"{sum(expected.values())} hits in {len(expected)} reports")
        assert win.library_search.dock.windowTitle() == "Search All Reports"
        assert panel.filter_row.year_combo.itemText(0) == "All years"
        assert panel.model.index(0, 0).data().endswith(" hits") or panel.model.index(0, 0).data().endswith(" hit")
    finally:
        translations.set_language("zh")
    qtbot.waitUntil(lambda: panel.status_label.text() == f"共 {sum(expected.values())} 处，{len(expected)} 份报告")
