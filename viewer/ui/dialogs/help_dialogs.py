"""The 帮助 menu's 使用说明 (a short user guide) and 快捷键 (every shortcut, read from the window's
actions, so the list cannot drift from what the keys do)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QMainWindow, QHeaderView, QMenu, QTextBrowser, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from viewer.core.messages import or_list
from viewer.ui import ui_language


_MNEMONIC = re.compile(r"\(&[^)]\)")      # 打开(&O)… -> 打开…


def plain_text(text: str) -> str:
    """An action's text as read aloud: no `(&O)` or `&` mnemonic, `&&` back to `&`."""
    text = _MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def key_text(action: QAction) -> str:
    """An action's shortcuts in the platform's own spelling (`Ctrl+O`, `⌘O`), alternatives by ` / `."""
    return " / ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
                      if not key.isEmpty())


def shortcut_groups(window: QWidget) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action text, keys)]) for every action of the window that has a shortcut, in
    menu order (a submenu's as `高亮 › 重点`); actions in no menu (a toolbar's) come last under 其他."""
    seen: set[int] = set()
    groups: list[tuple[str, list[tuple[str, str]]]] = []

    def collect(menu: QMenu, rows: list[tuple[str, str]], prefix: str = "") -> None:
        for action in menu.actions():
            if action.menu() is not None:           # a submenu's items read `高亮 › 重点`
                collect(action.menu(), rows, f"{prefix}{plain_text(action.menu().title())} › ")
            elif id(action) not in seen and key_text(action):
                seen.add(id(action))
                rows.append((prefix + plain_text(action.text()), key_text(action)))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            rows: list[tuple[str, str]] = []
            collect(top.menu(), rows)
            if rows:
                groups.append((plain_text(top.text()), rows))
    rest = [(plain_text(a.text()), key_text(a)) for a in window.findChildren(QAction)
            if id(a) not in seen and key_text(a) and a.text()]
    if rest:
        groups.append((QCoreApplication.translate("ShortcutsDialog", "其他"), rest))
    return groups


class _HelpDialog(QDialog):
    """A help window: one content widget above a Close button, rebuilt by refresh() on language change."""

    def __init__(self, window: QWidget, content: QWidget, size: tuple[int, int]):
        super().__init__(window)
        self._window = window
        content.setParent(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(content)
        layout.addWidget(self.buttons)
        self.resize(*size)

    def _retranslate_close(self) -> None:
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(QCoreApplication.translate("HelpDialog", "关闭"))


class ShortcutsDialog(_HelpDialog):
    """A two-column list of the window's shortcuts, grouped by menu; refreshed on language change."""

    def __init__(self, window: QWidget):
        self.tree = QTreeWidget()
        super().__init__(window, self.tree, (460, 560))
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.refresh()

    def refresh(self) -> None:
        self.setWindowTitle(self.tr("快捷键"))
        self.tree.setHeaderLabels([self.tr("操作"), self.tr("按键")])
        self._retranslate_close()
        self.tree.clear()
        bold = self.tree.font()
        bold.setBold(True)
        for title, rows in shortcut_groups(self._window):
            heading = QTreeWidgetItem(self.tree, [title, ""])
            heading.setFont(0, bold)
            heading.setFirstColumnSpanned(True)
            for text, keys in rows:
                QTreeWidgetItem(self.tree, [text, keys])

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) as listed, headings left out."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [(item.text(0), item.text(1)) for item in items if item.text(1)]


class GuideDialog(_HelpDialog):
    """A short user guide: opening, contents, figures, find, notes, export, share and print."""

    def __init__(self, window: QMainWindow):
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)               # no links anywhere, and never the network
        super().__init__(window, self.browser, (620, 640))
        self.refresh()

    def _keys(self, action: QAction) -> str:
        return key_text(action) or "—"

    def sections(self) -> list[tuple[str, str]]:
        """(heading, paragraph) of the guide in the current language."""
        from viewer.core.ingest import registry      # the formats ingest reads, listed as in error advice

        w = self._window
        a = w.annotating
        formats = or_list(registry.advice_extensions(), ui_language.current())
        return [
            (self.tr("打开报告"), self.tr(
                "文件 › 打开（{0}）导入 {1} 报告，也可以把文件拖到窗口上。报告存入本机的资料库，"
                "文件 › 最近的报告 列出全部报告（标题、文件名和导入日期）。再次启动时回到上次阅读的位置。"
            ).format(self._keys(w.open_action), formats)),
            (self.tr("目录"), self.tr(
                "左侧目录按报告自己的编号（一、（一）1. 一是……）列出章节，点击即跳到该节；阅读时目录和状态栏跟随当前"
                "章节。目录上方的输入框按标题筛选，清空后恢复原来的展开状态。")),
            (self.tr("数据"), self.tr(
                "报告中的每个数据按类型着色：计数、百分比、金额、日期、数字（视图 › 数据着色 可逐类关闭）。鼠标停在数据上"
                "显示规范化的数值。右侧“数据”表列出全部数据，可按任一列排序、按类型和文字筛选，点击跳到原文，"
                "也可导出 CSV。")),
            (self.tr("查找"), self.tr(
                "按 {0} 打开查找栏：所有结果都会标出，回车和 Shift+回车 在结果间前后移动，Esc 关闭。全角和半角"
                "（如“（一）”和“(一)”）视为相同。").format(self._keys(w.find_action))),
            (self.tr("批注、书签和高亮"), self.tr(
                "选中文字后，用右键菜单、“批注”菜单或工具栏：添加批注（{0}）、添加书签（{1}；{2} 为当前阅读位置"
                "添加书签）、高亮（五种有含义的颜色，可重命名）、复制并注明出处。它们出现在“批注”和“书签”标签页中："
                "点击跳到原文，双击编辑，Del 删除，{3} 撤销。每次修改都立即保存。").format(
                self._keys(a.add_note_action), self._keys(a.add_bookmark_action),
                self._keys(a.bookmark_position_action), self._keys(a.undo_action))),
            (self.tr("导出"), self.tr(
                "文件 › 导出批注和书签 把本报告的批注、书签和高亮按章节顺序导出为 Markdown、网页 HTML、"
                "Excel 可打开的 CSV 或 JSON-LD。")),
            (self.tr("分享"), self.tr(
                "文件 › 分享批注和书签 写出一个 .rvshare.json 文件交给同事（可附上报告全文）。文件 › 导入分享文件 "
                "先预览将发生的变化，按“导入”后才生效；重复导入不会改变任何内容，你自己的批注不会被覆盖或删除。")),
            (self.tr("打印"), self.tr(
                "文件 › 打印（{0}）或 另存为 PDF 输出报告本身，连同高亮、批注、标题层级和页码。"
            ).format(self._keys(w.exports.print_action))),
        ]

    def refresh(self) -> None:
        self.setWindowTitle(self.tr("使用说明"))
        self._retranslate_close()
        parts = [f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>" for title, text in self.sections()]
        self.browser.setHtml("<qt>" + "".join(parts) + "</qt>")

    def text(self) -> str:
        return self.browser.toPlainText()
