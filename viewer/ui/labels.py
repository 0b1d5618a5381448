"""The UI's translated labels of viewer.core.vocab's ids: annotation kinds, figure kinds, report kinds,
highlight colours.

Every widget names a kind or a colour through these functions, so each label is translated once.
The Chinese source texts are vocab's Chinese names (a test keeps them equal); an unknown id is shown
as it is.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication

from viewer.core.vocab import HIGHLIGHT_KEYS

# Every label is in the one translation context "Labels"; pyside6-lupdate reads the literal
# (context, source) of each QCoreApplication.translate call (not of an alias), hence the lambdas.
_ANNOTATION_KINDS: dict[str, Callable[[], str]] = {
    "note": lambda: QCoreApplication.translate("Labels", "批注"),
    "bookmark": lambda: QCoreApplication.translate("Labels", "书签"),
    "highlight": lambda: QCoreApplication.translate("Labels", "高亮"),
}
_ANNOTATION_KINDS_PLURAL: dict[str, Callable[[], str]] = {
    "note": lambda: QCoreApplication.translate("Labels", "批注", "plural: a tab or filter of notes"),
    "bookmark": lambda: QCoreApplication.translate("Labels", "书签", "plural: a tab or filter of bookmarks"),
    "highlight": lambda: QCoreApplication.translate("Labels", "高亮", "plural: a tab or filter of highlights"),
}
_FIGURE_KINDS: dict[str, Callable[[], str]] = {
    "count": lambda: QCoreApplication.translate("Labels", "计数"),
    "percent": lambda: QCoreApplication.translate("Labels", "百分比"),
    "money": lambda: QCoreApplication.translate("Labels", "金额"),
    "date": lambda: QCoreApplication.translate("Labels", "日期"),
    "number": lambda: QCoreApplication.translate("Labels", "数字"),
}
_REPORT_KINDS: dict[str, Callable[[], str]] = {
    "work_report": lambda: QCoreApplication.translate("Labels", "政府工作报告"),
    "rule_of_law_report": lambda: QCoreApplication.translate("Labels", "法治政府建设报告"),
    "regulation": lambda: QCoreApplication.translate("Labels", "条例/办法/规定"),
    "notice": lambda: QCoreApplication.translate("Labels", "通知/意见"),
    "other": lambda: QCoreApplication.translate("Labels", "其他", "a report of no known kind"),
}
_COLOURS: dict[str, Callable[[], str]] = {
    "yellow": lambda: QCoreApplication.translate("Labels", "重点", "highlight colour"),
    "blue": lambda: QCoreApplication.translate("Labels", "疑问", "highlight colour"),
    "green": lambda: QCoreApplication.translate("Labels", "待办", "highlight colour"),
    "pink": lambda: QCoreApplication.translate("Labels", "数据", "highlight colour"),
    "purple": lambda: QCoreApplication.translate("Labels", "引用", "highlight colour"),
}


def _label(labels: dict[str, Callable[[], str]], key: str) -> str:
    label = labels.get(key)
    return label() if label is not None else key


def annotation_kind_label(kind: str) -> str:
    """One mark's kind: 批注 / 书签 / 高亮 (Note / Bookmark / Highlight)."""
    return _label(_ANNOTATION_KINDS, kind)


def annotation_kinds_label(kind: str) -> str:
    """A kind as a group, for a tab or a filter: 批注 / 书签 / 高亮 (Notes / Bookmarks / Highlights)."""
    return _label(_ANNOTATION_KINDS_PLURAL, kind)


def mark_label(kind: str, colour_name: str = "") -> str:
    """A mark's kind with its colour's meaning when it has one: `高亮 · 重点`; a bookmark never has one."""
    label = annotation_kind_label(kind)
    return f"{label} · {colour_name}" if colour_name and kind != "bookmark" else label


def figure_kind_label(kind: str) -> str:
    """A figure's kind: 计数 / 百分比 / 金额 / 日期 / 数字 (Count / Percent / Money / Date / Number)."""
    return _label(_FIGURE_KINDS, kind)


def report_kind_label(kind: str) -> str:
    """A report's kind: 政府工作报告 / 法治政府建设报告 / 条例/办法/规定 / 通知/意见 / 其他."""
    return _label(_REPORT_KINDS, kind)


def colour_label(colour: str) -> str:
    """A highlight colour's default meaning: 重点 / 疑问 / 待办 / 数据 / 引用 (Key point / Question / …)."""
    return _label(_COLOURS, colour)


def default_colour_names() -> dict[str, str]:
    """Every highlight colour's default meaning in the UI language, in the colours' order."""
    return {key: colour_label(key) for key in HIGHLIGHT_KEYS}


def page_label(page: int | None) -> str:
    """Where a paged report's offset stands: `第2页` (p. 2); "" when the report is not paged."""
    if page is None:
        return ""
    return QCoreApplication.translate("Labels", "第{0}页", "the page a place in a report is on").format(page)


def page_of_total_label(page: int | None, total: int) -> str:
    """The status bar's page: `第2页 / 共13页` (page 2 of 13); "" when the report is not paged."""
    if page is None:
        return ""
    return QCoreApplication.translate("Labels", "第{0}页 / 共{1}页", "status bar: the reading page of all pages"
                                      ).format(page, total)
