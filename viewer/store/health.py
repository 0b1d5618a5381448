"""Whether a library file can be opened: damaged, from a newer version, read-only or locked, each refused with the choices.

The full page check (SQLite's quick_check: it reads the whole file, ~0.35 s for 450 MB) runs on
opening only when the last session may not have ended well: its write-ahead log was left behind
(a crash, a kill, or another window still open) or it met a disk error (the check marker). The
cheap checks run on every open: readable header, not shorter than the header says, schema version.
Backups check in full before copying (store.backup), and a backup is checked in full before it is
restored.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from viewer.core.errors import Phrase, StoreError

BACKUPS_FOLDER = "backups"
CHECK_MARKER = ".needs-check"          # beside the library: <library>.needs-check
_HEADER = 100


def marker_path(library_path: str | os.PathLike) -> Path:
    """The file that asks the next open for the full check (left after a disk error)."""
    path = Path(library_path)
    return path.with_name(path.name + CHECK_MARKER)


def mark_for_check(library_path: str | os.PathLike) -> None:
    """Have the next open check the whole library (best effort: the disk may be what failed)."""
    try:
        marker_path(library_path).touch()
    except OSError:
        pass


def needs_full_check(library_path: str | os.PathLike) -> bool:
    """The last session did not close the library (its write-ahead log is still there) or met a disk error."""
    path = Path(library_path)
    return path.with_name(path.name + "-wal").exists() or marker_path(path).exists()


def _truncation(path: Path) -> Phrase | None:
    """Why the file is shorter than its own header says (None when it is not, or the header cannot tell)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER)
    except OSError:
        return None
    if len(header) < _HEADER or not header.startswith(b"SQLite format 3\x00"):
        return None                              # (not SQLite at all: SQLite itself says so)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter, valid_for = header[24:28], header[92:96]
    if counter != valid_for or not pages:        # an old writer: the size in the header is not kept
        return None
    expected, found = pages * page_size, path.stat().st_size
    return Phrase("store.why_truncated", found=found, expected=expected) if found < expected else None


def backups_folder(library_path: str | os.PathLike) -> Path:
    """The folder beside the library where its backups are kept."""
    return Path(library_path).resolve().parent / BACKUPS_FOLDER


def opening_choices(library_path: str | os.PathLike) -> Phrase:
    """What a user can do about a library that cannot be opened: restore a backup, open another, quit."""
    return Phrase("store.open_choices", backups=str(backups_folder(library_path)))


def refuse(code: str, library_path: str | os.PathLike, **params) -> StoreError:
    """The one error for a library that cannot be opened, naming the file and the choices."""
    return StoreError(code, path=str(library_path), choices=opening_choices(library_path), **params)


def is_lock_error(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def refusal_for(exc: sqlite3.Error, library_path: str | os.PathLike) -> StoreError:
    """The refusal for an SQLite error met while opening: locked, read-only, not a database, or damaged."""
    text = str(exc).lower()
    if is_lock_error(exc):
        return refuse("store.locked", library_path)
    if "readonly" in text or "read-only" in text:
        return refuse("store.read_only", library_path)
    if "not a database" in text:
        return refuse("store.not_a_library", library_path, reason=str(exc))
    return refuse("store.damaged", library_path, reason=str(exc))


def check_existing_library(conn: sqlite3.Connection, library_path: str | os.PathLike, known_version: int) -> None:
    """Refuse, before anything is written, a library file that exists but is read-only, damaged or
    from a newer version. Damage: a file shorter than its header says, always; SQLite's quick check
    (the integrity check without its index cross-checks) when `needs_full_check` says so."""
    path = Path(library_path)
    if not path.exists() or path.stat().st_size == 0:
        return                                   # a new library
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise refuse("store.read_only", library_path)
    truncated = _truncation(path)
    if truncated:
        raise refuse("store.damaged", library_path, reason=truncated)
    thorough = needs_full_check(path)
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if thorough:
            check_pages(conn, library_path)
    except sqlite3.DatabaseError as exc:
        raise refusal_for(exc, library_path) from None
    if found > known_version:
        raise refuse("store.newer_schema", library_path, found=found, known=known_version)
    if thorough:
        marker_path(path).unlink(missing_ok=True)


def check_pages(conn: sqlite3.Connection, library_path: str | os.PathLike) -> None:
    """SQLite's quick check of every page (reads the whole file); a damaged library is refused."""
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)").fetchall()]
    if problems != ["ok"]:
        raise refuse("store.damaged", library_path, reason="; ".join(problems))
