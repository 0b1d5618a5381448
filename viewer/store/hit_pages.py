"""Paging over the paragraph index: the next reports holding a query's terms, and one report's paragraphs holding any of them.

A search page walks reports in id order and reads only the paragraphs of the reports it shows, so the
first page of hits costs a few reports' paragraphs however large the library is.
"""

from __future__ import annotations

import sqlite3

from viewer.store.fts import TRIGRAM_MIN, ParagraphRow

_HOLDS_SHORT = "EXISTS (SELECT 1 FROM paragraphs p WHERE p.document_id = d.id AND instr(p.folded, ?) > 0)"
_HOLDS_LONG = ("d.id IN (SELECT p.document_id FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid"
               " WHERE paragraphs_fts MATCH ?)")


def _holds(term: str) -> tuple[str, str]:
    """The condition that report `d` has a paragraph holding the folded `term`, and its parameter:
    3+ characters through the trigram index (one match for the whole query), shorter ones by instr."""
    if len(term) >= TRIGRAM_MIN:
        return _HOLDS_LONG, '"' + term.replace('"', '""') + '"'
    return _HOLDS_SHORT, term


def reports_holding(conn: sqlite3.Connection, terms: tuple[str, ...], excluded: tuple[str, ...],
                    after: int, limit: int) -> list[int]:
    """Ids above `after` of live reports (not in the 回收站) with, for every folded term, a paragraph
    holding it and no paragraph holding an excluded one; ascending, at most `limit`."""
    where, params = ["d.removed_at IS NULL", "d.id > ?"], [after]
    for term, negate in [(t, False) for t in terms if t] + [(t, True) for t in excluded if t]:
        condition, param = _holds(term)
        where.append(f"NOT {condition}" if negate else condition)
        params.append(param)
    sql = f"SELECT d.id FROM documents d WHERE {' AND '.join(where)} ORDER BY d.id LIMIT ?"
    return [row[0] for row in conn.execute(sql, (*params, limit))]


def paragraphs_holding(conn: sqlite3.Connection, doc_id: int, terms: tuple[str, ...]) -> list[ParagraphRow]:
    """The paragraphs of one report whose folded text holds any of the folded `terms`, in start order."""
    terms = tuple(t for t in terms if t)
    if not terms:
        return []
    anyone = " OR ".join("instr(folded, ?) > 0" for _ in terms)
    rows = conn.execute("SELECT id, document_id, start, [end], text, folded FROM paragraphs"
                        f" WHERE document_id = ? AND ({anyone}) ORDER BY start", (doc_id, *terms)).fetchall()
    return [ParagraphRow(*row) for row in rows]
