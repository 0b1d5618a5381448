"""Exports of a report's data: the figures table as CSV (annotation exports join later)."""

from __future__ import annotations

import csv
import io
from typing import Sequence

from viewer.core.figures import Figure
from viewer.core.structure import SectionNode, section_path

PATH_SEPARATOR = " › "

KIND_LABELS = {"count": "计数", "percent": "百分比", "money": "金额", "date": "日期", "number": "数字"}

FIGURE_CSV_HEADER = ["原文", "数值", "单位", "类型", "限定词", "章节", "起", "止"]


def section_path_label(sections: Sequence[SectionNode], offset: int) -> str:
    """`一、 › (二) › 三是` for the sections holding `offset`; "" before the first section."""
    return PATH_SEPARATOR.join(node.number or node.title for node in section_path(sections, offset))


def figures_csv(figures: Sequence[Figure], sections: Sequence[SectionNode]) -> bytes:
    """The figures table as CSV in UTF-8 with a BOM, so Excel on Chinese Windows opens it.

        Path("figures.csv").write_bytes(figures_csv(report.figures, report.sections))
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIGURE_CSV_HEADER)
    for fig in figures:
        writer.writerow([fig.text, _plain_number(fig.value), fig.unit, KIND_LABELS.get(fig.kind, fig.kind),
                         fig.qualifier, section_path_label(sections, fig.start), fig.start, fig.end])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _plain_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
