"""Tables of a source kept in the body text: one line per row, cells separated by tabs; their cells."""

from __future__ import annotations

from dataclasses import dataclass

CELL_SEPARATOR = "\t"     # how ingest writes a table row (HTML <td>/<th>, .docx <w:tc>)


@dataclass(frozen=True)
class TextTable:
    """A table's rows in the body text, text[start:end] (code points): from the first row's start to
    the last row's end. Blank lines inside (a <thead>/<tbody> boundary) belong to no row."""

    start: int
    end: int

    def rows(self, text: str) -> list[list[tuple[int, int]]]:
        """Each row's cells as (start, end) spans of the body text, in order; blank lines skipped.

            TextTable(0, 9).rows("甲\t乙\n1\t2\n")  ->  [[(0, 1), (2, 3)], [(4, 5), (6, 7)]]
        """
        rows: list[list[tuple[int, int]]] = []
        line_start = self.start
        for line in text[self.start:self.end].split("\n"):
            if line.strip():
                cells, cell_start = [], line_start
                for cell in line.split(CELL_SEPARATOR):
                    cells.append((cell_start, cell_start + len(cell)))
                    cell_start += len(cell) + len(CELL_SEPARATOR)
                rows.append(cells)
            line_start += len(line) + 1
        return rows


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
