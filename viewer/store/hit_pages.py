"""Paging over the paragraph index: the next reports holding a query's terms, and one report's paragraphs holding any of them.

A search page walks reports in id order and reads only the paragraphs of the reports it shows, so the
first page of hits costs a few reports' paragraphs however large the library is.
"""

from __future__ import annotations

import sqlite3

from viewer.store.fts import TRIGRAM_MIN, ParagraphRow

#: Reports scanned by instr before the trigram index is asked: a common term is found in the first
#: few reports at once (the index would list all its paragraphs first), a rare one costs at most
#: this window before the index finds its few reports.
SCAN_WINDOW = 256

_HOLDS_SHORT = "EXISTS (SELECT 1 FROM paragraphs p WHERE p.document_id = d.id AND instr(p.folded, ?) > 0)"
_HOLDS_LONG = ("d.id IN (SELECT p.document_id FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid"
               " WHERE paragraphs_fts MATCH ?)")


def _holds(term: str, indexed: bool) -> tuple[str, str]:
    """The condition that report `d` has a paragraph holding the folded `term`, and its parameter:
    with `indexed`, 3+ characters through the trigram index (one match for the whole query), else by instr."""
    if indexed and len(term) >= TRIGRAM_MIN:
        return _HOLDS_LONG, '"' + term.replace('"', '""') + '"'
    return _HOLDS_SHORT, term


def _reports(conn: sqlite3.Connection, terms: tuple[str, ...], excluded: tuple[str, ...], after: int,
             limit: int, *, indexed: bool, upto: int | None = None) -> list[int]:
    where, params = ["d.removed_at IS NULL", "d.id > ?"], [after]
    if upto is not None:
        where.append("d.id <= ?")
        params.append(upto)
    for term in terms:
        condition, param = _holds(term, indexed)
        where.append(condition)
        params.append(param)
    for term in excluded:                  # checked on the reports found, by instr
        where.append(f"NOT {_HOLDS_SHORT}")
        params.append(term)
    sql = f"SELECT d.id FROM documents d WHERE {' AND '.join(where)} ORDER BY d.id LIMIT ?"
    return [row[0] for row in conn.execute(sql, (*params, limit))]


def reports_holding(conn: sqlite3.Connection, terms: tuple[str, ...], excluded: tuple[str, ...],
                    after: int, limit: int) -> list[int]:
    """Ids above `after` of live reports (not in the 回收站) with, for every folded term, a paragraph
    holding it and no paragraph holding an excluded one; ascending, at most `limit`. The next
    SCAN_WINDOW reports are scanned first; past them a term of 3+ characters asks the index."""
    terms, excluded = tuple(t for t in terms if t), tuple(t for t in excluded if t)
    if not any(len(t) >= TRIGRAM_MIN for t in terms):
        return _reports(conn, terms, excluded, after, limit, indexed=False)
    found = _reports(conn, terms, excluded, after, limit, indexed=False, upto=after + SCAN_WINDOW)
    if len(found) >= limit:
        return found
    return found + _reports(conn, terms, excluded, after + SCAN_WINDOW, limit - len(found), indexed=True)


def paragraphs_holding(conn: sqlite3.Connection, doc_id: int, terms: tuple[str, ...]) -> list[ParagraphRow]:
    """The paragraphs of one report whose folded text holds any of the folded `terms`, in start order."""
    terms = tuple(t for t in terms if t)
    if not terms:
        return []
    anyone = " OR ".join("instr(folded, ?) > 0" for _ in terms)
    rows = conn.execute("SELECT id, document_id, start, [end], text, folded FROM paragraphs"
                        f" WHERE document_id = ? AND ({anyone}) ORDER BY start", (doc_id, *terms)).fetchall()
    return [ParagraphRow(*row) for row in rows]
