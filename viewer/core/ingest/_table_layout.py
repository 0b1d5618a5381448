"""Tables in positioned text: lines of several cells whose gaps line up become rows, cells joined by tabs."""

from __future__ import annotations

from viewer.core.ingest._lines import Line, joiner
from viewer.core.model import CELL_SEPARATOR


def _gutters(ln: Line) -> list[tuple[float, float]]:
    return [(a.x1, b.x0) for a, b in zip(ln.cells, ln.cells[1:])]


def _aligned(a: Line, b: Line) -> bool:
    """Whether two lines of several cells are rows of one table: no cell of one crosses a gap
    between the cells of the other."""
    def crosses(row: Line, gaps: list[tuple[float, float]]) -> bool:
        return any(c.x0 < g0 and g1 < c.x1 for c in row.cells for g0, g1 in gaps)

    return not crosses(a, _gutters(b)) and not crosses(b, _gutters(a))


def table_blocks(lines: list[Line], size: float) -> list[tuple[int, int]]:
    """(first, last+1) index ranges of lines that are table rows: runs of two or more aligned lines
    of several cells, and the lines that wrap a cell's text between them."""
    blocks = []
    i = 0
    while i < len(lines):
        if len(lines[i].cells) < 2:
            i += 1
            continue
        j = i + 1
        rows, last_row = 1, lines[i]
        while j < len(lines):
            ln, prev = lines[j], lines[j - 1]
            wraps = (ln.page == prev.page and ln.top - prev.bottom < 0.45 * size
                     and _aligned(last_row, ln) and _overlaps_columns(ln, lines[i:j]))
            if len(ln.cells) >= 2 and _aligned(last_row, ln):
                rows, last_row = rows + 1, ln
            elif not wraps:
                break
            j += 1
        if rows >= 2:
            blocks.append((i, j))
            i = j
        else:
            i += 1
    return blocks


def _overlaps_columns(ln: Line, rows: list[Line]) -> bool:
    return any(c.x0 < ln.x1 and ln.x0 < c.x1 for r in rows for c in r.cells)


def table_rows(lines: list[Line], size: float) -> list[str]:
    """The rows of a table block, cells in columns found by overlap, wrapped cell lines joined."""
    columns: list[list[float]] = []
    for cell in sorted((c for ln in lines for c in ln.cells), key=lambda c: c.x0):
        if columns and cell.x0 < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], cell.x1)
        else:
            columns.append([cell.x0, cell.x1])
    rows: list[list[str]] = []
    prev: Line | None = None
    for ln in lines:
        wraps = (prev is not None and ln.page == prev.page and ln.top - prev.bottom < 0.45 * size)
        if not wraps:
            rows.append([""] * len(columns))
        row = rows[-1]
        for cell in ln.cells:
            k = next((k for k, (a, b) in enumerate(columns) if a <= cell.x0 < b), len(columns) - 1)
            row[k] = row[k] + joiner(row[k][-1:], cell.text[:1]) + cell.text if row[k] else cell.text
        prev = ln
    return [CELL_SEPARATOR.join(cell.replace(CELL_SEPARATOR, " ") for cell in row) for row in rows]


