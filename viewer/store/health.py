"""Whether a library file can be opened: damaged, from a newer version, read-only or locked, each refused with the choices."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from viewer.core.errors import Phrase, StoreError

BACKUPS_FOLDER = "backups"


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
    """Refuse, before anything is written, a library file that exists but is read-only, damaged
    (SQLite's quick check, the integrity check without its index cross-checks) or from a newer version."""
    path = Path(library_path)
    if not path.exists() or path.stat().st_size == 0:
        return                                   # a new library
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise refuse("store.read_only", library_path)
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise refusal_for(exc, library_path) from None
    if problems != ["ok"]:
        raise refuse("store.damaged", library_path, reason="; ".join(problems))
    if found > known_version:
        raise refuse("store.newer_schema", library_path, found=found, known=known_version)
