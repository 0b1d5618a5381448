"""The 书库's columns: the sort key each one asks the backend for, its header and how a cell reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Qt

from viewer.core.times import local_time

if TYPE_CHECKING:
    from viewer.core.model import CatalogueEntry


def short_time(moment: str | None) -> str:
    """A stored UTC time as the local wall time, without the offset the tooltip carries: `2026-12-02 15:30`."""
    if not moment:
        return ""
    return local_time(moment).split(" (", 1)[0]


def issued_text(entry: "CatalogueEntry") -> str:
    """The report's date as detected (`2024-03-05`, `2024-03`, `2024`), else its year, else empty."""
    return entry.issued or (str(entry.year) if entry.year else "")


def _kind_text(entry: "CatalogueEntry") -> str:
    from viewer.ui.labels import report_kind_label

    return report_kind_label(entry.kind)


@dataclass(frozen=True)
class Column:
    """One column: `key` is the backend's sort key (services.catalogue.SORT_KEYS)."""

    key: str
    header: Callable[[], str]
    text: Callable[["CatalogueEntry"], str]
    fits: str                       # the first width fits this text (the title column takes the rest)
    numeric: bool = False           # right-aligned; sorts largest first on the first click
    tip: Callable[["CatalogueEntry"], str] | None = None
    newest_first: bool = False      # a date or time: the first click sorts the latest first

    @property
    def first_order(self) -> Qt.SortOrder:
        """The order of a first click on the header: largest or latest first for numbers and times."""
        down = self.numeric or self.newest_first
        return Qt.SortOrder.DescendingOrder if down else Qt.SortOrder.AscendingOrder

    def alignment(self) -> Qt.AlignmentFlag:
        horizontal = Qt.AlignmentFlag.AlignRight if self.numeric else Qt.AlignmentFlag.AlignLeft
        return horizontal | Qt.AlignmentFlag.AlignVCenter


# pyside6-lupdate reads the literal (context, source) of each QCoreApplication.translate call: hence the lambdas.
_TIME = "2026-12-02 16:00"
COLUMNS: tuple[Column, ...] = (
    Column("title", lambda: QCoreApplication.translate("LibraryColumns", "标题"),
           lambda e: e.title, "国" * 24, tip=lambda e: e.title),
    Column("issuer", lambda: QCoreApplication.translate("LibraryColumns", "发文机关"),
           lambda e: e.issuer, "广州市人民政府办公厅", tip=lambda e: e.issuer),
    Column("issued", lambda: QCoreApplication.translate("LibraryColumns", "日期"),
           issued_text, "2024-03-05", newest_first=True),
    Column("kind", lambda: QCoreApplication.translate("LibraryColumns", "类别"), _kind_text, "法治政府建设报告"),
    Column("source_name", lambda: QCoreApplication.translate("LibraryColumns", "源文件"),
           lambda e: e.source_name, "bj-fzzf-2022.txt", tip=lambda e: e.source_name),
    Column("sections", lambda: QCoreApplication.translate("LibraryColumns", "章节"),
           lambda e: str(e.sections), "9999", numeric=True),
    Column("figures", lambda: QCoreApplication.translate(
        "LibraryColumns", "数据", "column: how many figures (statistics) a report has"),
           lambda e: str(e.figures), "9999", numeric=True),
    Column("notes", lambda: QCoreApplication.translate(
        "LibraryColumns", "笔记", "column: notes, bookmarks and highlights of a report"),
           lambda e: str(e.notes) if e.notes else "", "9999", numeric=True),
    Column("imported_at", lambda: QCoreApplication.translate("LibraryColumns", "导入时间"),
           lambda e: short_time(e.imported_at), _TIME, newest_first=True, tip=lambda e: local_time(e.imported_at)),
    Column("last_opened_at", lambda: QCoreApplication.translate("LibraryColumns", "最近打开"),
           lambda e: short_time(e.last_opened_at), _TIME, newest_first=True,
           tip=lambda e: local_time(e.last_opened_at) if e.last_opened_at else ""),
)
TITLE_COLUMN = 0


def column_of(key: str) -> int:
    """The column that sorts by `key` (the title column for an unknown key)."""
    return next((i for i, c in enumerate(COLUMNS) if c.key == key), TITLE_COLUMN)
