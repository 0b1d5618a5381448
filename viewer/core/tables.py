"""Tables of a source kept in the body text: one line per row, cells separated by tabs; their cells."""

from __future__ import annotations

from viewer.core.model import CELL_SEPARATOR, TextTable


def valid_tables(text: str, spans: list[tuple[int, int]]) -> list[TextTable]:
    """The spans that are whole lines of `text`, hold a cell separator and overlap no earlier one."""
    tables: list[TextTable] = []
    for start, end in sorted(spans):
        if not 0 <= start < end <= len(text):
            continue
        whole_lines = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
        if whole_lines and CELL_SEPARATOR in text[start:end] and (not tables or start >= tables[-1].end):
            tables.append(TextTable(start, end))
    return tables
