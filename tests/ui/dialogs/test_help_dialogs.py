"""Help › 快捷键 lists every shortcut the window has, in the current language; Help › 使用说明 guides."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from viewer.ui.app import Translations
from viewer.ui.dialogs.help_dialogs import key_text, plain_text


def _listed(action, rows):
    """The action is a row: its text (after any submenu path such as `高亮 › `) with its keys."""
    text = plain_text(action.text())
    return any((shown == text or shown.endswith(" › " + text)) and keys == key_text(action)
               for shown, keys in rows)


def _with_shortcuts(window):
    return [a for a in window.findChildren(QAction) if any(not k.isEmpty() for k in a.shortcuts())]


def test_plain_text_drops_mnemonics_in_both_languages():
    assert plain_text("打开(&O)…") == "打开…"
    assert plain_text("&Open…") == "Open…"
    assert plain_text("Notes && Bookmarks") == "Notes & Bookmarks"


def test_every_action_with_a_shortcut_is_in_the_shortcut_list(window):
    actions = _with_shortcuts(window)
    assert len(actions) >= 20
    dialog = window.help.show_shortcuts()
    rows = dialog.rows()
    for action in actions:
        assert _listed(action, rows), action.text()
    assert ("打开…", QKeySequence(QKeySequence.StandardKey.Open).toString(
        QKeySequence.SequenceFormat.NativeText)) in rows
    assert not any("&" in text for text, _ in rows)
    assert ("高亮 › 疑问", "Ctrl+Alt+2") in rows
    redo = [keys for text, keys in rows if text.startswith("重做")]
    assert redo and " / " in redo[0]                  # both of redo's shortcuts


def test_the_shortcut_list_follows_a_language_change(window, qtbot):
    translations = Translations(QApplication.instance())
    window.languageRequested.connect(translations.set_language)
    dialog = window.help.show_shortcuts()
    try:
        window.lang_en_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
        rows = dialog.rows()
        assert dialog.windowTitle() == "Keyboard Shortcuts"
        assert ("Open…", key_text(window.open_action)) in rows
        assert ("Find…", key_text(window.find_action)) in rows
        for action in _with_shortcuts(window):
            assert _listed(action, rows), action.text()
        assert ("Highlight › Question", "Ctrl+Alt+2") in rows
    finally:
        window.lang_zh_action.trigger()
        translations.set_language("zh")
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert ("打开…", key_text(window.open_action)) in dialog.rows()


def test_the_user_guide_covers_every_task_in_both_languages(window, qtbot):
    assert window.help.guide_action.shortcuts()[0] == QKeySequence(QKeySequence.StandardKey.HelpContents)
    guide = window.help.show_guide()
    text = guide.text()
    for heading in ("打开报告", "目录", "数据", "查找", "批注、书签和高亮", "导出", "分享", "打印"):
        assert heading in text
    assert key_text(window.find_action) in text and key_text(window.annotating.add_note_action) in text
    translations = Translations(QApplication.instance())
    window.languageRequested.connect(translations.set_language)
    try:
        window.lang_en_action.trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
        text = guide.text()
        for heading in ("Opening a report", "Contents", "Figures", "Find", "Notes, bookmarks and highlights",
                        "Export", "Sharing", "Printing"):
            assert heading in text
        assert "打开" not in text and "导出" not in text and "Import" in text
    finally:
        translations.set_language("zh")


def test_help_menu_offers_guide_shortcuts_and_about(window):
    texts = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert texts == ["使用说明(&G)", "快捷键(&K)", "关于报告阅览器(&A)"]
