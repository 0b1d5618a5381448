"""The 书库's list as CSV text: one row per report, the header in the user's language, kinds by their label, times local."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Iterable

from viewer.core.catalogue import kind_label
from viewer.core.export.csv_tables import _cell
from viewer.core.times import local_time

if TYPE_CHECKING:
    from viewer.core.model import CatalogueEntry

#: The columns, by language; the last (移入回收站) only when some listed report is in the 回收站.
CATALOGUE_CSV_HEADER: dict[str, tuple[str, ...]] = {
    "zh": ("编号", "标题", "发文机关", "日期", "年份", "类型", "来源文件", "章节数", "数据数", "批注数", "导入时间",
           "最近打开", "移入回收站"),
    "en": ("ID", "Title", "Issuer", "Date", "Year", "Kind", "Source file", "Sections", "Figures", "Notes",
           "Imported", "Last opened", "Removed"),
}


def _time(moment: str | None) -> str:
    return local_time(moment) if moment else ""


def catalogue_csv(entries: Iterable["CatalogueEntry"], language: str) -> str:
    """The reports as CSV text (no BOM, CRLF rows), in the order given; times in local time with
    their offset as the other exports show them; text cells guarded against Excel formulas.

        Path("书库.csv").write_text(catalogue_csv(rows, "zh"), encoding="utf-8-sig")
    """
    rows = list(entries)
    header = CATALOGUE_CSV_HEADER.get(language, CATALOGUE_CSV_HEADER["en"])
    trash = any(entry.removed_at for entry in rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header if trash else header[:-1])
    for e in rows:
        row = [e.id, _cell(e.title), _cell(e.issuer), e.issued, "" if e.year is None else e.year,
               kind_label(e.kind, language), _cell(e.source_name), e.sections, e.figures, e.notes,
               _time(e.imported_at), _time(e.last_opened_at)]
        writer.writerow(row + [_time(e.removed_at)] if trash else row)
    return buffer.getvalue()
