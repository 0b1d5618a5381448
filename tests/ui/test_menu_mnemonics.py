"""Every menu's access keys are unique, in both languages: Alt+F then a letter does one thing."""

import re

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMenu

from viewer.ui.app import Translations

_MNEMONIC = re.compile(r"&([^&])")


def _clashes(menu: QMenu) -> list[str]:
    """The access keys used by more than one visible item of `menu` (and, recursively, its submenus)."""
    seen: dict[str, list[str]] = {}
    clashes = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        match = _MNEMONIC.search(action.text().replace("&&", ""))
        if match:
            seen.setdefault(match.group(1).lower(), []).append(action.text())
        if action.menu() is not None:
            clashes += _clashes(action.menu())
    clashes += [f"{menu.title()}: {' / '.join(texts)}" for texts in seen.values() if len(texts) > 1]
    return clashes


def _menus(window) -> list[QMenu]:
    return [action.menu() for action in window.menuBar().actions() if action.menu() is not None]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_two_items_of_a_menu_share_an_access_key(window, qtbot, language):
    # Windows of earlier tests (their libraries closed) are deleted first: a language change reaches every window.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    translations = Translations(QApplication.instance())
    window.languageRequested.connect(translations.set_language)
    try:
        (window.lang_en_action if language == "en" else window.lang_zh_action).trigger()
        qtbot.waitUntil(lambda: window.file_menu.title() == ("&File" if language == "en" else "文件(&F)"))
        clashes = [clash for menu in _menus(window) for clash in _clashes(menu)]
        assert clashes == []
        bar_keys = [_MNEMONIC.search(menu.title()).group(1).lower() for menu in _menus(window)]
        assert len(bar_keys) == len(set(bar_keys))
    finally:
        translations.set_language("zh")
