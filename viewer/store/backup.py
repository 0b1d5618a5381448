"""Backups of the library with SQLite's online backup API: written beside it, the last 7 kept, checked and restored.

    back_up(store)                      # <library dir>/backups/library-20261202-151500.sqlite3
    backup_if_due(store)                # at most once a day (LAST_BACKUP)
    restore_backup(library_path, file)  # checks the file, keeps the current library aside, copies it in
    backup_contents(file)               # (reports, notes) in a backup, read-only
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol

from viewer.core.errors import Phrase, StoreError
from viewer.store import health
from viewer.store.health import backups_folder
from viewer.store.migrations import SCHEMA_VERSION
from viewer.store.settings import LAST_BACKUP



class BackedUpStore(Protocol):
    """What backing up needs of LibraryStore (named here so this module does not import the library)."""

    path: str
    _conn: sqlite3.Connection

    def get_setting(self, key: Any) -> Any: ...
    def set_setting(self, key: Any, value: Any) -> None: ...

#: How many automatic backups are kept (the oldest beyond these are deleted).
KEEP = 7
#: The least time between two automatic backups.
INTERVAL = timedelta(days=1)
_NAME_RE = re.compile(r"library-\d{8}-\d{6}(-\d+)?\.sqlite3")
_SIDE_FILES = ("-wal", "-shm")


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _stamp(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y%m%d-%H%M%S")


def backups(library_path: str | os.PathLike) -> list[Path]:
    """The automatic backups of a library, newest first."""
    folder = backups_folder(library_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME_RE.fullmatch(p.name) and p.is_file()]
    return sorted(found, key=_order, reverse=True)


def _order(path: Path) -> tuple[str, int]:
    """(time stamp, number in that second): library-…-2 is newer than library-… of the same second."""
    match = _NAME_RE.fullmatch(path.name)
    stamp = path.name[len("library-"):len("library-") + 15]
    return stamp, int(match.group(1)[1:]) if match and match.group(1) else 1


def _free_name(folder: Path, when: datetime) -> Path:
    """library-YYYYMMDD-HHMMSS.sqlite3, with -2, -3… when a backup of that second exists."""
    target = folder / f"library-{_stamp(when)}.sqlite3"
    number = 2
    while target.exists():
        target = folder / f"library-{_stamp(when)}-{number}.sqlite3"
        number += 1
    return target


def write_backup(conn: sqlite3.Connection, target: str | os.PathLike) -> Path:
    """Copy the database behind `conn` into `target` (one self-contained file, no write-ahead log),
    through a temporary file so that a failed backup leaves no half file behind."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StoreError("store.backup_failed", path=str(target), reason=reason) from None
    return target


def prune(library_path: str | os.PathLike, keep: int = KEEP) -> list[Path]:
    """Delete the automatic backups beyond the newest `keep`; returns those deleted."""
    old = backups(library_path)[keep:]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def back_up(store: BackedUpStore, target: str | os.PathLike | None = None, *,
            now: datetime | None = None) -> Path | None:
    """Write a backup of the store's library: to `target`, or into its backups folder (then only the
    last KEEP are kept, and LAST_BACKUP records the time). None for a library in memory."""
    if store.path == ":memory:":
        return None
    health.check_pages(store._conn, store.path)    # a damaged library must not push the good backups out
    if target is not None:
        return write_backup(store._conn, target)
    when = now or _utc_now()
    written = write_backup(store._conn, _free_name(backups_folder(store.path), when))
    prune(store.path)
    if "settings" in _tables(store._conn):         # (a library being migrated from nothing has none yet)
        store.set_setting(LAST_BACKUP, when.isoformat(timespec="seconds"))
    return written


def backup_if_due(store: BackedUpStore, *, now: datetime | None = None) -> Path | None:
    """Back the library up when it holds reports and its last automatic backup is a day old or there is
    none; else None."""
    if store.path == ":memory:":
        return None
    if store._conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None:
        return None                                # nothing to lose yet
    when = now or _utc_now()
    last = store.get_setting(LAST_BACKUP)
    if last:
        try:
            if when - datetime.fromisoformat(last) < INTERVAL:
                return None
        except (ValueError, TypeError):
            pass                                   # an unreadable time: back up
    return back_up(store, now=when)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def check_backup(path: str | os.PathLike, library_path: str | os.PathLike) -> int:
    """Open a backup read-only and check it can become the library: an SQLite file that passes the
    integrity check, holds reports and is not from a newer version. Returns its schema version."""
    path = Path(path)
    folder = str(backups_folder(library_path))

    def refused(reason: Phrase | str) -> StoreError:
        return StoreError("store.bad_backup", path=str(path), reason=reason, backups=folder)

    if not path.is_file():
        raise refused(Phrase("store.why_missing"))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise refused(str(exc)) from None
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(3)").fetchall()]
        if problems != ["ok"]:
            raise refused(Phrase("store.why_damaged", problems="; ".join(problems)))
        if "documents" not in _tables(conn):
            raise refused(Phrase("store.why_no_reports"))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        text = str(exc)
        raise refused(Phrase("store.why_not_a_library") if "not a database" in text else text) from None
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        raise refused(Phrase("store.why_newer", found=version, known=SCHEMA_VERSION))
    return version


@dataclass(frozen=True)
class Restored:
    """What restore_backup did: the library written, the backup it came from, where the old library went (or None)."""

    library: Path
    backup: Path
    aside: Path | None


def restore_backup(library_path: str | os.PathLike, backup: str | os.PathLike, *,
                   now: datetime | None = None) -> Restored:
    """Make a checked backup the library (the library must not be open): the current library file
    (and its write-ahead log) is kept aside as `<name>.before-restore-<time>.sqlite3`, never deleted."""
    library, backup = Path(library_path), Path(backup)
    check_backup(backup, library)
    aside = None
    try:
        if library.exists():
            aside = library.with_name(f"{library.stem}.before-restore-{_stamp(now or _utc_now())}.sqlite3")
            os.replace(library, aside)
            for suffix in _SIDE_FILES:
                side = library.with_name(library.name + suffix)
                if side.exists():
                    os.replace(side, aside.with_name(aside.name + suffix))
        partial = library.with_name(library.name + ".restoring")
        shutil.copyfile(backup, partial)
        os.replace(partial, library)
    except OSError as exc:
        _put_back(library, aside)
        raise StoreError("store.restore_failed", path=str(library), reason=exc.strerror or str(exc)) from None
    return Restored(library, backup, aside)


def taken_at(path: str | os.PathLike) -> datetime | None:
    """When an automatic backup was written (UTC, from its name); None for another name."""
    name = Path(path).name
    if not _NAME_RE.fullmatch(name):
        return None
    return datetime.strptime(name[len("library-"):len("library-") + 15], "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)


def backup_contents(path: str | os.PathLike) -> tuple[int, int] | None:
    """How many reports (not in the 回收站) and live notes, bookmarks and highlights a backup holds,
    read through a read-only connection; None when it cannot be read as a library."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        tables = _tables(conn)
        live = " WHERE removed_at IS NULL" if "removed_at" in _columns(conn, "documents") else ""
        reports = conn.execute(f"SELECT count(*) FROM documents{live}").fetchone()[0]
        notes = (conn.execute("SELECT count(*) FROM annotations WHERE deleted = 0").fetchone()[0]
                 if "annotations" in tables else 0)
        return reports, notes
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def restore_aside_name(library_path: str | os.PathLike) -> str:
    """How the library kept aside by a restore is named (the time filled in when it happens)."""
    library = Path(library_path)
    return f"{library.stem}.before-restore-YYYYMMDD-HHMMSS.sqlite3"


def _put_back(library: Path, aside: Path | None) -> None:
    """After a failed restore: the library kept aside is the library again (nothing half copied stays)."""
    with contextlib.suppress(OSError):
        library.with_name(library.name + ".restoring").unlink(missing_ok=True)
    if aside is None or not aside.exists() or library.exists():
        return
    with contextlib.suppress(OSError):
        os.replace(aside, library)
        for suffix in _SIDE_FILES:
            side = aside.with_name(aside.name + suffix)
            if side.exists():
                os.replace(side, library.with_name(library.name + suffix))
