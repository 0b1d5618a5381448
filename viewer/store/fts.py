"""Full-text search over reports' titles and text (FTS5 trigram; LIKE for queries under 3 characters)."""

from __future__ import annotations

import sqlite3


def search_documents(conn: sqlite3.Connection, query: str) -> list[int]:
    """Ids of reports whose title or text contains `query`, in id order."""
    if len(query) < 3:               # a trigram index cannot match fewer than 3 characters
        like = f"%{query}%"
        rows = conn.execute("SELECT id FROM documents WHERE title LIKE ? OR body LIKE ? ORDER BY id",
                            (like, like)).fetchall()
    else:
        phrase = '"' + query.replace('"', '""') + '"'
        rows = conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid",
                            (phrase,)).fetchall()
    return [r[0] for r in rows]
