"""The main window as a user meets it: tree navigation, figure colours, find, languages, restart."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from tests.conftest import SAMPLE
from viewer.core.model import iter_sections, section_path
from viewer.ui import palette
from viewer.ui.app import Translations
from viewer.ui.main_window import MainWindow


def _heading_top(view, offset):
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(offset))
    return view.cursorRect(cursor).top()


def _proxy_index_of(panel, node):
    return panel.proxy.mapFromSource(panel.model.index_for_node(node))


def test_click_on_section_scrolls_to_heading(window, qtbot):
    target = window.sections[0].children[1]
    index = _proxy_index_of(window.tree_panel, target)
    window.tree_panel.view.scrollTo(index)
    rect = window.tree_panel.view.visualRect(index)
    qtbot.mouseClick(window.tree_panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert 0 <= _heading_top(window.view, target.start) < window.view.fontMetrics().height() * 2
    assert window.view.top_offset() <= target.start
    assert window.path_label.text().startswith("一、 › (二)")


def test_click_on_run_in_heading_brings_its_line_to_top(window, qtbot):
    target = [n for n in iter_sections(window.sections) if n.run_in][1]
    window.tree_panel.sectionActivated.emit(target)
    assert 0 <= _heading_top(window.view, target.start) < window.view.fontMetrics().height() * 2


def test_scrolling_moves_the_tree_selection_and_status_path(window, qtbot):
    deep = [n for n in iter_sections(window.sections) if n.level == 3][4]
    window.view.scroll_to_offset(deep.start + 1)
    top = window.view.top_offset()
    expected = section_path(window.sections, top)[-1]
    assert window.tree_panel.current_node() is expected
    path = section_path(window.sections, top)
    assert window.path_label.text() == " › ".join(n.number for n in path)
    bar = window.view.verticalScrollBar()
    bar.setValue(0)
    assert window.tree_panel.current_node() is None


def test_every_figure_is_tinted_with_its_kind_colour(window):
    for fig in window.figures:
        fmt = window.view.format_at(fig.start)
        assert fmt.background().color() == palette.figure_background(fig.kind), fig
        assert fmt.underlineColor() == palette.figure_underline(fig.kind)
    between = window.figures[0].end
    assert window.view.format_at(between).background().color() != palette.figure_background("date")


def test_hiding_a_kind_removes_its_tint_and_showing_restores_it(window):
    fig = next(f for f in window.figures if f.kind == "percent")
    window.kind_actions["percent"].trigger()
    assert window.view.format_at(fig.start).background().style() == Qt.BrushStyle.NoBrush
    window.kind_actions["percent"].trigger()
    assert window.view.format_at(fig.start).background().color() == palette.figure_background("percent")


def test_headings_are_bold_and_larger_by_level(window):
    top = window.sections[0]
    fmt = window.view.format_at(top.start + 2)
    assert fmt.fontWeight() >= 700
    assert fmt.fontPointSize() > window.view.font().pointSizeF()
    run_in = next(n for n in iter_sections(window.sections) if n.run_in)
    assert window.view.format_at(run_in.start + 2).fontWeight() >= 700
    assert window.view.format_at(run_in.heading_end + 3).fontWeight() < 700


def test_formatting_is_lazy_on_a_large_report(make_window, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    head, body = text.split("\n", 1)
    big.write_text(head + "\n" + body * 140, encoding="utf-8")   # ~2 MB
    win = make_window(big, size=(1200, 800))
    blocks = win.view.document().blockCount()
    assert blocks > 5000
    assert len(win.view._formatted) < 200
    win.view.scroll_to_offset(len(win.view.text()) // 2)
    fig = next(f for f in win.figures if f.start > win.view.top_offset())
    assert win.view.format_at(fig.start).background().color() == palette.figure_background(fig.kind)
    assert len(win.view._formatted) < 400


def test_find_counts_hits_and_steps_with_enter_and_shift_enter(window, qtbot):
    window.find_action.trigger()
    assert window.find_bar.isVisible()
    for ch in "法治":                       # typed one character at a time (QTest cannot type CJK)
        window.find_bar.edit.insert(ch)
    current, total = window.find_count()
    expected = window.view.text().count("法治")
    assert total == expected > 10
    assert window.find_bar.counter.text() == f"{current + 1}/{total}"
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_count()[0] == (current + 1) % total
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_count()[0] == current
    assert len(window.view.extraSelections()) == total
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.view.extraSelections() == []


def test_find_one_character_and_width_insensitive(window, qtbot):
    window.find_action.trigger()
    window.find_bar.edit.setText("局")
    assert window.find_count()[1] == window.view.text().count("局")
    window.find_bar.edit.setText("（一）")
    assert window.find_count()[1] == window.view.text().count("(一)")
    window.find_bar.edit.setText("不存在的内容")
    assert window.find_count() == (-1, 0) and window.find_bar.counter.text() == "0/0"


def test_switching_language_changes_the_menus(window, qtbot):
    app = QApplication.instance()
    translations = Translations(app)
    window.languageRequested.connect(translations.set_language)
    try:
        assert window.file_menu.title() == "文件(&F)"
        window.lang_en_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
        assert window.tree_dock.windowTitle() == "Contents"
        assert window.side_tabs.tabText(0) == "Figures"
        assert window.kinds_menu.actions()[0].text() == "Count"
        window.lang_zh_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    finally:
        translations.set_language("zh")


def test_restart_restores_report_position_and_zoom(qtbot, store, make_window):
    from viewer.ui.app import open_initial_report

    first = MainWindow(store)
    qtbot.addWidget(first)
    first.resize(1200, 800)
    first.show()
    open_initial_report(first, store, None)
    assert first.doc_id is not None
    target = [n for n in iter_sections(first.sections)][8]
    first.go_to_section(target)
    first.set_zoom(2)
    first.go_to_section(target)
    position = first.view.top_offset()
    first.close()

    second = make_window(size=(1200, 800), restore=True)
    qtbot.wait(20)                     # the first layout pass, as a user's first frame
    assert second.doc_id == first.doc_id
    assert second.view.zoom == 2
    assert abs(second.view.top_offset() - position) <= 60


def test_bad_file_shows_a_message_box_and_changes_nothing(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    before = window.store.documents()
    assert not window.import_and_open(bad)
    assert len(shown) == 1 and "empty.txt" in shown[0]
    assert window.store.documents() == before


def test_an_empty_file_in_the_chinese_ui_gets_a_chinese_message_box(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert not window.import_and_open(empty)
    assert shown == [("无法打开报告", "empty.txt：文件是空的；请选择含有文字的报告文件。")]
    assert "the file is empty" not in shown[0][1] and "choose" not in shown[0][1]


def test_an_empty_file_in_the_english_ui_gets_an_english_message_box(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    translations = Translations(QApplication.instance())
    window.languageRequested.connect(translations.set_language)
    try:
        window.lang_en_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
        assert not window.import_and_open(empty)
        window.lang_zh_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
        assert not window.import_and_open(empty)
    finally:
        translations.set_language("zh")
    assert shown == [("Cannot Open Report", "empty.txt: the file is empty; choose a report file that has text in it"),
                     ("无法打开报告", "empty.txt：文件是空的；请选择含有文字的报告文件。")]


def test_tooltip_shows_normalised_value(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QToolTip
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtCore import QEvent

    fig = next(f for f in window.figures if f.text == "2万余人次")
    window.view.scroll_to_offset(fig.start)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.to_qt(fig.start + 1))
    rect = window.view.cursorRect(cursor)
    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, text, *a: shown.append(text))
    pos = window.view.viewport().mapToParent(rect.center() + QPoint(2, 0))
    event = QHelpEvent(QEvent.Type.ToolTip, pos, window.view.mapToGlobal(pos))
    window.view.event(event)
    assert shown and "20,000+" in shown[0] and "人次" in shown[0]


def test_screenshots_of_chinese_and_english_ui(window, qtbot, screenshot_dir):
    app = QApplication.instance()
    translations = Translations(app)
    window.languageRequested.connect(translations.set_language)
    try:
        window.go_to_path(["一、", "（二）"])
        window.find_action.trigger()
        window.find_bar.edit.setText("调解")
        qtbot.wait(50)
        zh = screenshot_dir / "window-zh.png"
        assert window.grab().save(str(zh))
        window.lang_en_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
        en = screenshot_dir / "window-en.png"
        assert window.grab().save(str(en))
    finally:
        translations.set_language("zh")
    assert zh.stat().st_size > 20_000 and en.stat().st_size > 20_000


def test_first_start_at_1280_gives_the_report_most_of_the_width(make_window):
    win = make_window(SAMPLE, size=(1280, 800))
    docks = win.tree_dock.width() + win.side_dock.width()
    assert win.view.width() > docks
    assert win.view.width() >= 0.5 * win.width()
    per_line = win.view.viewport().width() // win.view.fontMetrics().horizontalAdvance("中")
    assert per_line >= 35
    assert win.side_dock.width() >= 0.24 * win.width() and win.tree_dock.width() >= 0.17 * win.width()


def test_a_saved_layout_keeps_its_dock_widths(qtbot, store, make_window):
    first = make_window(SAMPLE, size=(1280, 800))
    first.resizeDocks([first.side_dock], [500], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(first.side_dock.width() - 500) <= 10)
    first.close()
    second = make_window(size=(1280, 800), restore=True)
    assert abs(second.side_dock.width() - 500) <= 20          # not the first-start 26 %


def test_find_says_when_a_large_report_has_more_hits_than_it_marks(make_window, tmp_path):
    from viewer.core.search import MAX_HITS

    big = tmp_path / "big.txt"
    paragraphs = "\n".join(f"第{i}段：推进法治政府建设，落实法治责任。" for i in range(MAX_HITS // 2 + 100))
    big.write_text("某区法治政府建设情况报告\n" + paragraphs + "\n", encoding="utf-8")
    window = make_window(big)
    window.find_action.trigger()
    for ch in "法治":
        window.find_bar.edit.insert(ch)
    assert window.view.text().count("法治") > MAX_HITS
    current, total = window.find_count()
    assert total == MAX_HITS
    assert window.find_bar.counter.text() == f"{current + 1}/{MAX_HITS}+"
    assert window.find_bar.counter.toolTip() == f"结果过多，仅显示前 {MAX_HITS} 处；请输入更长的查找内容"
    assert window.notice_label.text() == window.find_bar.counter.toolTip()
    for ch in "政府建设":                       # a longer query fits under the limit: no "+" any more
        window.find_bar.edit.insert(ch)
    current, total = window.find_count()
    assert window.find_bar.counter.text() == f"{current + 1}/{total}" and window.find_bar.counter.toolTip() == ""


def test_the_first_window_fits_the_screens_free_area(qapp, monkeypatch):
    from PySide6.QtCore import QRect

    from viewer.ui import main_window

    class Screen:
        def __init__(self, width, height):
            self.free = QRect(0, 0, width, height)

        def availableGeometry(self):  # noqa: N802 (Qt name)
            return self.free

    monkeypatch.setattr(main_window.QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    for (width, height), expected in (((1280, 800), (1280, 760)), ((1366, 768), (1280, 728)),
                                      ((1920, 1080), (1280, 860))):
        monkeypatch.setattr(main_window.QGuiApplication, "primaryScreen", staticmethod(lambda: Screen(width, height)))
        assert main_window.default_size() == expected
