"""A report's rows: sections, figures, tables and page starts written to and read from their tables."""

from __future__ import annotations

import sqlite3
from typing import Sequence

from viewer.core.model import Figure, SectionNode, TextTable


def insert_sections(conn: sqlite3.Connection, doc_id: int, roots: Sequence[SectionNode]) -> int:
    """Write a section tree (parents before children, in reading order); returns how many sections."""
    position = 0

    def insert(nodes: Sequence[SectionNode], parent_id: int | None) -> None:
        nonlocal position
        for node in nodes:
            cursor = conn.execute(
                "INSERT INTO sections (document_id, parent_id, position, number, title, level,"
                " start, heading_end, [end], run_in) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (doc_id, parent_id, position, node.number, node.title, node.level, node.start,
                 node.heading_end, node.end, int(node.run_in)))
            position += 1
            insert(node.children, cursor.lastrowid)

    insert(roots, None)
    return position


def insert_figures(conn: sqlite3.Connection, doc_id: int, figures: Sequence[Figure]) -> None:
    conn.executemany(
        "INSERT INTO figures (document_id, start, [end], text, kind, value, unit, qualifier,"
        " multiplier, end_value) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, f.start, f.end, f.text, f.kind, f.value, f.unit, f.qualifier, f.multiplier,
          f.end_value) for f in figures])


def insert_tables(conn: sqlite3.Connection, doc_id: int, tables: Sequence[TextTable]) -> None:
    conn.executemany("INSERT INTO text_tables (document_id, start, [end]) VALUES (?,?,?)",
                     [(doc_id, t.start, t.end) for t in tables])


def insert_pages(conn: sqlite3.Connection, doc_id: int, pages: Sequence[int]) -> None:
    """Write a report's page map: page 1, 2, … and the offset each starts at."""
    conn.executemany("INSERT INTO document_pages (document_id, number, start) VALUES (?,?,?)",
                     [(doc_id, number, start) for number, start in enumerate(pages, 1)])


def delete_rows(conn: sqlite3.Connection, doc_id: int) -> None:
    """Remove a report's sections, figures, tables and page map (before writing new ones)."""
    for table in ("sections", "figures", "text_tables", "document_pages"):
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))


def read_sections(conn: sqlite3.Connection, doc_id: int) -> list[SectionNode]:
    """The stored section tree of a report (roots, children nested)."""
    rows = conn.execute(
        "SELECT id, parent_id, number, title, level, start, heading_end, [end], run_in"
        " FROM sections WHERE document_id = ? ORDER BY position", (doc_id,)).fetchall()
    by_id: dict[int, SectionNode] = {}
    roots: list[SectionNode] = []
    for sid, parent_id, number, title, level, start, heading_end, end, run_in in rows:
        node = SectionNode(number=number, title=title, level=level, start=start,
                           heading_end=heading_end, end=end, run_in=bool(run_in))
        by_id[sid] = node
        (by_id[parent_id].children if parent_id in by_id else roots).append(node)
    return roots


def read_figures(conn: sqlite3.Connection, doc_id: int) -> list[Figure]:
    rows = conn.execute(
        "SELECT start, [end], text, kind, value, unit, qualifier, multiplier, end_value"
        " FROM figures WHERE document_id = ? ORDER BY start", (doc_id,)).fetchall()
    return [Figure(start=r[0], end=r[1], text=r[2], kind=r[3], value=_number(r[4]),
                   unit=r[5], qualifier=r[6], multiplier=r[7], end_value=_number(r[8]))
            for r in rows]


def read_tables(conn: sqlite3.Connection, doc_id: int) -> list[TextTable]:
    rows = conn.execute("SELECT start, [end] FROM text_tables WHERE document_id = ? ORDER BY start",
                        (doc_id,)).fetchall()
    return [TextTable(start, end) for start, end in rows]


def read_pages(conn: sqlite3.Connection, doc_id: int) -> list[int]:
    """A report's page map (start offsets, page 1 first); [] when it is not paged."""
    rows = conn.execute("SELECT start FROM document_pages WHERE document_id = ? ORDER BY number",
                        (doc_id,)).fetchall()
    return [start for (start,) in rows]


def _number(value: float | None) -> float | int | None:
    """Integral stored reals come back as ints (41.0 -> 41) so values print as written."""
    if value is not None and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value
