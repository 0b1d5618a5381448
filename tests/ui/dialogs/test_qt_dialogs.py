"""Qt's own Open and Save dialogs speak the UI language only: labels, buttons, columns, dates."""

import re

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import (QAbstractButton, QApplication, QFileDialog, QHeaderView, QLabel,
                               QListView, QTreeView)

from viewer.ui.app import Translations
from viewer.ui.dialogs.file_dialogs import DATE_COLUMN, make_file_dialog

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def ui_language():
    """Set the app's language as View › Language does; afterwards no translators and the locale before."""
    app = QApplication.instance()
    translations = Translations(app)
    before = QLocale()
    yield translations.set_language
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "报告").mkdir()
    (tmp_path / "2020年工作报告.txt").write_text("正文", encoding="utf-8")
    return tmp_path


def _shown_dialog(qtbot, folder, save):
    dialog = make_file_dialog(None, "报告", str(folder), "报告 (*.txt)", save=save)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)   # what Linux without a portal shows
    qtbot.addWidget(dialog)
    dialog.resize(900, 500)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 2)
    return dialog, tree


def _words_a_user_reads(dialog, tree):
    """Labels, buttons, tooltips, column headers, the sidebar, and each row's type and date."""
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.toolTip() for w in dialog.findChildren(QAbstractButton) if w.isVisible()]
    texts += [a.text() for a in dialog.actions()]
    model = tree.model()
    header: QHeaderView = tree.header()
    texts += [model.headerData(c, header.orientation()) for c in range(header.count())]
    sidebar = dialog.findChild(QListView, "sidebar")
    texts += [sidebar.model().index(r, 0).data() for r in range(sidebar.model().rowCount())]
    for row in range(model.rowCount(tree.rootIndex())):
        texts.append(model.index(row, 2, tree.rootIndex()).data())   # 文件夹, 纯文本文档 …
        texts.append(model.index(row, DATE_COLUMN, tree.rootIndex()).data())
    return [t for t in texts if t and t not in ("报告", "root", str(dialog.directory().dirName()))]


@pytest.mark.parametrize("save", [False, True], ids=["open", "save"])
def test_file_dialog_in_chinese_has_no_english_words(qtbot, ui_language, folder, save):
    ui_language("zh")
    dialog, tree = _shown_dialog(qtbot, folder, save)
    texts = _words_a_user_reads(dialog, tree)
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts and "文件夹" in texts
    assert "大小" in texts and "修改日期" in texts and "纯文本文档" in texts
    english = [t for t in texts if LATIN_WORD.search(t)]
    assert english == []


@pytest.mark.parametrize("save", [False, True], ids=["open", "save"])
def test_file_dialog_in_english_has_no_chinese_on_a_chinese_system(qtbot, ui_language, folder, save):
    QLocale.setDefault(QLocale("zh_CN"))      # what QLocale() is on a Chinese system until the app sets it
    ui_language("en")
    dialog, tree = _shown_dialog(qtbot, folder, save)
    texts = _words_a_user_reads(dialog, tree)
    assert "&Look in:" in texts and "Files of &type:" in texts and "Folder" in texts and "Size" in texts
    assert "plain text document" in texts
    chinese = [t for t in texts if CJK.search(t)]
    assert chinese == []


def test_file_dialog_dates_follow_the_ui_language(qtbot, ui_language, folder):
    for language, locale in (("zh", "zh_CN"), ("en", "en_US")):
        ui_language(language)
        dialog, tree = _shown_dialog(qtbot, folder, save=False)
        model = tree.model()
        index = model.index(0, DATE_COLUMN, tree.rootIndex())
        source = model.sourceModel()
        modified = source.lastModified(model.mapToSource(index))
        assert index.data() == QLocale(locale).toString(modified, QLocale.FormatType.ShortFormat)
        dialog.close()
