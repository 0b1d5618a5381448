"""CSV exports (UTF-8 with a BOM, for Excel): a report's figures table and its annotations."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from viewer.core.vocab import DEFAULT_COLOUR_NAMES, FIGURE_KIND_NAMES
from viewer.core.export.grouping import UNPLACED_LABEL, group_by_section, section_path_label
from viewer.core.export.labels import KIND_NAMES, colour_name
from viewer.core.model import page_of
from viewer.core.times import local_time

if TYPE_CHECKING:
    from viewer.core.model import Annotation, Figure, SectionNode

KIND_LABELS = FIGURE_KIND_NAMES
FIGURE_CSV_HEADER = ["原文", "数值", "单位", "类型", "限定词", "章节", "起", "止"]
ANNOTATION_CSV_HEADER = ["类型", "颜色", "章节", "原文", "内容", "作者", "创建", "修改", "起", "止", "id"]
PAGE_COLUMN = "页码"      # after 章节, in the CSVs of a paged report only


def _with_page(row: list, number: int | str, pages: Sequence[int], at: int) -> list:
    """The row with its page number (or "" when it has no place) after column `at`, in a paged report."""
    return row[:at + 1] + [number] + row[at + 1:] if pages else row


def _page_number(pages: Sequence[int], offset: int) -> int | str:
    page = page_of(pages, offset)
    return "" if page is None else page


def figures_csv(figures: Sequence[Figure], sections: Sequence[SectionNode], pages: Sequence[int] = ()) -> bytes:
    """The figures table as CSV in UTF-8 with a BOM, so Excel on Chinese Windows opens it; a 页码
    column after 章节 when `pages` (the report's page map) is not empty.

        Path("figures.csv").write_bytes(figures_csv(report.figures, report.sections))
    """
    from viewer.core.figures import unit_word    # the scanner's module loads when first needed (start-up)

    place = FIGURE_CSV_HEADER.index("章节")
    return _csv_bytes(_with_page(FIGURE_CSV_HEADER, PAGE_COLUMN, pages, place), (
        _with_page([fig.text, _plain_number(fig.value), unit_word(fig), KIND_LABELS.get(fig.kind, fig.kind),
                    fig.qualifier, section_path_label(sections, fig.start), fig.start, fig.end],
                   _page_number(pages, fig.start), pages, place) for fig in figures))


def _plain_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A text cell Excel will not run as a formula: one starting with = + - @ tab or CR gets a `'`."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def annotations_csv(title: str, sections: Sequence[SectionNode], annotations: Sequence[Annotation],
                    colour_names: Mapping[str, str] | None = None, *, pages: Sequence[int] = ()) -> bytes:
    """The annotations as CSV (UTF-8 with a BOM, CRLF), in reading order, unplaced ones last with
    章节 未定位 and empty 起/止; times in local time with their offset, as the other exports show them.
    A paged report (`pages` not empty) has a 页码 column after 章节.
    `title` is unused but keeps the writers' signatures alike.

        Path("notes.csv").write_bytes(annotations_csv(report.title, report.sections, anns))
    """
    names = DEFAULT_COLOUR_NAMES if colour_names is None else colour_names
    place_column = ANNOTATION_CSV_HEADER.index("章节")
    rows = []
    for path, anns in group_by_section(annotations, sections):
        for ann in anns:
            place, start, end = ((UNPLACED_LABEL, "", "") if path is None
                                 else (section_path_label(sections, ann.start), ann.start, ann.end))
            text = [KIND_NAMES.get(ann.kind, ann.kind), colour_name(ann, names), place, ann.exact, ann.body,
                    ann.author, local_time(ann.created), local_time(ann.modified)]
            page = "" if path is None else _page_number(pages, ann.start)
            rows.append(_with_page([_cell(value) for value in text] + [start, end, _cell(ann.uuid)],
                                   page, pages, place_column))
    return _csv_bytes(_with_page(ANNOTATION_CSV_HEADER, PAGE_COLUMN, pages, place_column), rows)


def _csv_bytes(header: list[str], rows: Iterable[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
