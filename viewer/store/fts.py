"""Full-text search rows: the paragraph index (FTS5 trigram over folded paragraph text) and its queries."""

from __future__ import annotations

import json
import sqlite3
from typing import Iterable, NamedTuple

from viewer.store import char_index

#: Terms this long or longer go through the trigram index; shorter ones scan the paragraphs (instr).
TRIGRAM_MIN = 3


class ParagraphRow(NamedTuple):
    """One indexed paragraph: its report, its span in the body text, its text and that folded."""

    id: int
    document_id: int
    start: int
    end: int
    text: str
    folded: str


def create_paragraph_index(conn: sqlite3.Connection) -> None:
    """The paragraphs table (removed with its report) and its FTS5 trigram index, kept in step by
    triggers (migration 10 drops the insert one: index_paragraphs fills the index itself)."""
    conn.execute("CREATE TABLE paragraphs ("
                 " id INTEGER PRIMARY KEY,"
                 " document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                 " start INTEGER NOT NULL, [end] INTEGER NOT NULL, text TEXT NOT NULL, folded TEXT NOT NULL)")
    conn.execute("CREATE INDEX paragraphs_document ON paragraphs (document_id, start)")
    conn.execute("CREATE VIRTUAL TABLE paragraphs_fts USING fts5("
                 "folded, content='paragraphs', content_rowid='id', tokenize='trigram')")
    conn.execute("CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN"
                 " INSERT INTO paragraphs_fts (rowid, folded) VALUES (new.id, new.folded); END")
    conn.execute("CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN"
                 " INSERT INTO paragraphs_fts (paragraphs_fts, rowid, folded)"
                 " VALUES ('delete', old.id, old.folded); END")


def has_paragraph_index(conn: sqlite3.Connection) -> bool:
    """Whether this library has the paragraph index (an old schema in the migration tests has not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'paragraphs'"
                        ).fetchone() is not None


def split_paragraphs(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each non-blank line of `text` (a paragraph of the body text)."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def index_paragraphs(conn: sqlite3.Connection, doc_id: int, body: str) -> None:
    """Replace a report's indexed paragraphs with those of `body` (folded, so offsets carry over)."""
    from viewer.core.search import fold      # (here: the first paint of a stored report loads no search code)

    conn.execute("DELETE FROM paragraphs WHERE document_id = ?", (doc_id,))
    rows = [(doc_id, s, e, body[s:e], fold(body[s:e])) for s, e in split_paragraphs(body)]
    conn.executemany("INSERT INTO paragraphs (document_id, start, [end], text, folded) VALUES (?,?,?,?,?)", rows)
    if not _indexed_by_trigger(conn):          # (migration 10 on: the paragraphs' characters too)
        conn.execute("INSERT INTO paragraphs_fts (rowid, folded) SELECT id, folded FROM paragraphs"
                     " WHERE document_id = ?", (doc_id,))
        char_index.put(conn, doc_id, (row[4] for row in rows))


def drop_insert_trigger(conn: sqlite3.Connection) -> None:
    """From migration 10 on, index_paragraphs adds a report's paragraphs to the index in one
    statement: a trigger per paragraph cost a third of an import."""
    conn.execute("DROP TRIGGER IF EXISTS paragraphs_ai")


def _indexed_by_trigger(conn: sqlite3.Connection) -> bool:
    """Whether the index still fills itself by trigger (a library before migration 10)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'paragraphs_ai'"
                        ).fetchone() is not None


def paragraphs_containing(conn: sqlite3.Connection, term: str) -> list[ParagraphRow]:
    """Every paragraph whose folded text contains the folded `term`, in (report, start) order.

    3+ characters: the trigram index; 1-2 characters (too short for trigrams): instr over all
    paragraphs, so that no hit is missed."""
    from viewer.core.search import fold

    needle = fold(term)
    if not needle:
        return []
    if len(needle) >= TRIGRAM_MIN:
        phrase = '"' + needle.replace('"', '""') + '"'
        rows = conn.execute(
            "SELECT p.id, p.document_id, p.start, p.[end], p.text, p.folded FROM paragraphs_fts f"
            " JOIN paragraphs p ON p.id = f.rowid WHERE paragraphs_fts MATCH ?"
            " AND p.document_id NOT IN (SELECT id FROM documents WHERE removed_at IS NOT NULL)"
            " ORDER BY p.document_id, p.start", (phrase,)).fetchall()
    else:
        rows = conn.execute(
            "SELECT id, document_id, start, [end], text, folded FROM paragraphs WHERE instr(folded, ?) > 0"
            " AND document_id NOT IN (SELECT id FROM documents WHERE removed_at IS NOT NULL)"
            " ORDER BY document_id, start", (needle,)).fetchall()
    return [ParagraphRow(*row) for row in rows]


#: A 3+ character term matched by fewer paragraphs than this has them all sorted; past it, the
#: paragraphs are walked in order (its matches are then dense enough for a page to come early).
SORT_AT_MOST = 2000


def first_paragraphs_containing(conn: sqlite3.Connection, term: str, limit: int,
                                after: tuple[int, int] | None = None) -> list[ParagraphRow]:
    """The first `limit` paragraphs (of reports not in the 回收站) whose folded text contains the
    folded `term`, in (report, start) order, from just after the paragraph `after` = (report id,
    start): a page of paragraphs_containing without finding every one.

    A 3+ character term matched by fewer than SORT_AT_MOST paragraphs: the trigram index's
    matches, sorted; any other term: the paragraphs walked in (report, start) order, keeping
    those whose folded text holds it, until `limit` (a common term fills a page early)."""
    from viewer.core.search import fold

    needle = fold(term)
    if not needle or limit <= 0:
        return []
    doc_id, start = after if after is not None else (0, -1)
    columns = "p.id, p.document_id, p.start, p.[end], p.text, p.folded"
    live = "p.document_id NOT IN (SELECT id FROM documents WHERE removed_at IS NOT NULL)"
    if len(needle) >= TRIGRAM_MIN:
        phrase = '"' + needle.replace('"', '""') + '"'
        matched = conn.execute("SELECT count(*) FROM (SELECT 1 FROM paragraphs_fts WHERE paragraphs_fts MATCH ?"
                               " LIMIT ?)", (phrase, SORT_AT_MOST)).fetchone()[0]
        if matched < SORT_AT_MOST:
            rows = conn.execute(
                f"SELECT {columns} FROM paragraphs_fts f JOIN paragraphs p ON p.id = f.rowid"
                f" WHERE paragraphs_fts MATCH ? AND (p.document_id, p.start) > (?, ?) AND {live}"
                " ORDER BY p.document_id, p.start LIMIT ?", (phrase, doc_id, start, limit)).fetchall()
            return [ParagraphRow(*row) for row in rows]
    # (the index's match is the folded text's substring: the same paragraphs as instr finds)
    reports = char_index.reports_holding(conn, needle) if len(needle) < TRIGRAM_MIN and char_index.exists(conn) else None
    if reports is not None and 2 * len(reports) > conn.execute("SELECT count(*) FROM documents").fetchone()[0]:
        reports = None                        # most reports hold them: walking them all costs no more
    if reports is not None:                   # only the reports holding the term's characters
        live += " AND p.document_id IN (SELECT value FROM json_each(?))"
        params = (doc_id, start, needle, json.dumps([r for r in reports if r >= doc_id]), limit)
    else:
        params = (doc_id, start, needle, limit)
    sql = (f"SELECT {columns} FROM paragraphs p INDEXED BY paragraphs_document"
           f" WHERE (p.document_id, p.start) > (?, ?) AND instr(p.folded, ?) > 0 AND {live}"
           " ORDER BY p.document_id, p.start LIMIT ?")
    return [ParagraphRow(*row) for row in conn.execute(sql, params).fetchall()]


def report_contains(conn: sqlite3.Connection, doc_id: int, term: str) -> bool:
    """Whether one report's folded paragraphs hold the folded `term` (a multi-term page's check)."""
    from viewer.core.search import fold

    needle = fold(term)
    return bool(needle) and conn.execute(
        "SELECT 1 FROM paragraphs WHERE document_id = ? AND instr(folded, ?) > 0 LIMIT 1",
        (doc_id, needle)).fetchone() is not None


def annotation_texts(conn: sqlite3.Connection) -> list[tuple[str, int, str, str, str]]:
    """(uuid, document id, kind, quote, body) of every annotation not deleted, on a report not in the 回收站, in (report, start) order
    (notes are few next to paragraphs: the search folds and matches them in Python)."""
    return conn.execute("SELECT uuid, document_id, kind, exact, body FROM annotations WHERE deleted = 0"
                        " AND document_id NOT IN (SELECT id FROM documents WHERE removed_at IS NOT NULL)"
                        " ORDER BY document_id, start, uuid").fetchall()


def search_documents(conn: sqlite3.Connection, query: str) -> list[int]:
    """Ids of reports whose title or (folded) text contains `query`, in id order: the titles by
    LIKE, the text through the paragraph index (see paragraphs_containing)."""
    like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found = {row[0] for row in conn.execute("SELECT id FROM documents WHERE title LIKE ? ESCAPE '\\'", (like,))}
    if has_paragraph_index(conn):
        found.update(row.document_id for row in paragraphs_containing(conn, query))
    return sorted(found)
