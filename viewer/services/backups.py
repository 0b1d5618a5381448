"""Backup use cases for the 备份与恢复 dialog: list the backups with what each holds, back up now, check one, restore one.

    entries = list_backups(store.path)        # newest first: BackupEntry(path, taken, size, reports, notes)
    entry = back_up_now(store)                # into the backups folder beside the library (the last 7 kept)
    check(store.path, entry.path)             # StoreError store.bad_backup if it cannot become the library
    done = restore(library_path, entry.path)  # the library closed first; Restored(library, backup, aside)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.store import backup as store_backup
from viewer.store.health import backups_folder

if TYPE_CHECKING:
    from viewer.store import LibraryStore
    from viewer.store.backup import Restored

#: How many automatic backups are kept.
KEEP = store_backup.KEEP


@dataclass(frozen=True)
class BackupEntry:
    """One backup file: where, when it was written (UTC; None if its name does not say), its size in
    bytes, and how many reports and notes it holds (None when it cannot be read)."""

    path: Path
    taken: datetime | None
    size: int
    reports: int | None
    notes: int | None


def entry(path: str | os.PathLike) -> BackupEntry:
    """What one backup file is (each is opened read-only for its counts)."""
    path = Path(path)
    counts = store_backup.backup_contents(path)
    reports, notes = counts if counts is not None else (None, None)
    return BackupEntry(path, store_backup.taken_at(path), path.stat().st_size, reports, notes)


def list_backups(library_path: str | os.PathLike) -> list[BackupEntry]:
    """The library's automatic backups, newest first."""
    found = []
    for path in store_backup.backups(library_path):
        try:
            found.append(entry(path))
        except OSError:                  # deleted while listing
            continue
    return found


def folder(library_path: str | os.PathLike) -> Path:
    """Where the library's backups are kept (it may not exist yet)."""
    return backups_folder(library_path)


def back_up_now(store: "LibraryStore") -> BackupEntry | None:
    """Back the library up now (the whole file is read: run it off the UI thread on its own
    connection); the last 7 are kept. None for a library in memory."""
    written = store_backup.back_up(store)
    return None if written is None else entry(written)


def check(library_path: str | os.PathLike, backup: str | os.PathLike) -> int:
    """The backup can become the library (full integrity check, reports, not newer); its schema version."""
    return store_backup.check_backup(backup, library_path)


def restore(library_path: str | os.PathLike, backup: str | os.PathLike) -> "Restored":
    """Make a checked backup the library, keeping the current one aside; the library must be closed
    (no connection open on it) while this runs."""
    return store_backup.restore_backup(library_path, backup)


def aside_name(library_path: str | os.PathLike) -> str:
    """The name the current library gets when a restore keeps it aside (with the time as a pattern)."""
    return store_backup.restore_aside_name(library_path)
