"""Which characters each report holds (an FTS5 index of each report's character set): a 1-2 character
term, too short for the trigram index, then reads only the paragraphs of reports holding its characters."""

from __future__ import annotations

import sqlite3
from typing import Iterable

TABLE = "report_chars"


def create(conn: sqlite3.Connection) -> None:
    """The index (a row a report, its rowid the report's id; gone with its report) and the rows of
    the reports already in the library."""
    conn.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(chars, tokenize='ascii', detail=none, columnsize=0)")
    conn.execute(f"CREATE TRIGGER {TABLE}_ad AFTER DELETE ON documents BEGIN"
                 f" DELETE FROM {TABLE} WHERE rowid = old.id; END")
    for doc_id, in conn.execute("SELECT id FROM documents").fetchall():
        folded = [row[0] for row in conn.execute("SELECT folded FROM paragraphs WHERE document_id = ?", (doc_id,))]
        put(conn, doc_id, folded)


def exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone() is not None


class _Tokens(dict):
    """Each character's token, made once: u + its code point in hex (ASCII, one token to the
    ascii tokenizer); blank characters have none."""

    def __missing__(self, ch: str) -> str:
        token = self[ch] = "" if ch.isspace() else f"u{ord(ch):x}"
        return token


_TOKEN = _Tokens()


def _tokens(chars: Iterable[str]) -> str:
    return " ".join(map(_TOKEN.__getitem__, chars))


def put(conn: sqlite3.Connection, doc_id: int, folded_paragraphs: Iterable[str]) -> None:
    """Set a report's row to the characters of its folded paragraphs."""
    conn.execute(f"DELETE FROM {TABLE} WHERE rowid = ?", (doc_id,))
    conn.execute(f"INSERT INTO {TABLE} (rowid, chars) VALUES (?, ?)",
                 (doc_id, _tokens(set().union(*map(set, folded_paragraphs)))))


def reports_holding(conn: sqlite3.Connection, needle: str) -> list[int] | None:
    """Ids of the reports holding every character of the folded `needle`, in id order; None when
    the index cannot tell (a blank needle)."""
    tokens = _tokens(set(needle)).split()
    if not tokens:
        return None
    return [row[0] for row in conn.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ? ORDER BY rowid",
                                           (" AND ".join(tokens),))]
