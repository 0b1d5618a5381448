"""Backups (online backup API, the last 7, once a day, before a migration), refusing a library that
cannot be opened without touching it, and restoring a checked backup with the old library kept aside."""

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import StoreError
from viewer.core.messages import render
from viewer.core.report import parse_bytes, parse_path
from viewer.store import SCHEMA_VERSION, LibraryStore
from viewer.store import backup, health
from viewer.store import migrations as store_module
from viewer.store.settings import LAST_BACKUP

SMALL = "关于某项工作的报告\n\n一、总体情况\n\n全年办理案件41件，增长5.2%。\n\n二、下一步打算\n\n一是加强学习。\n"
T0 = datetime(2026, 12, 1, 9, 30, 0, tzinfo=timezone.utc)


def contents(path) -> list[str]:
    """The database as SQL, read by a plain connection (what a backup must reproduce)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def library_with_a_note(path):
    """A library file holding the sample report and one note on it; returns the note's uuid."""
    from viewer.services.annotations import add_annotation

    with LibraryStore(path) as store:
        doc_id = store.import_report(parse_path(SAMPLE)).document_id
        return add_annotation(store, doc_id, "note", 0, 4, body="要点").added[0].uuid


def notes_of(path) -> list[tuple[str, str]]:
    with LibraryStore(path) as store:
        return [(n.uuid, n.body) for d in store.documents() for n in store.annotations(d.id)]


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "lib.sqlite3"
    library_with_a_note(path)
    return path


# --- writing backups ----------------------------------------------------------------------------


def test_a_backup_is_a_self_contained_copy_in_the_backups_folder_beside_the_library(library):
    with LibraryStore(library) as store:
        expected = store.dump()
        written = backup.back_up(store, now=T0)
    assert written == library.parent / "backups" / "library-20261201-093000.sqlite3"
    assert not written.with_name(written.name + "-wal").exists()
    assert contents(written) == expected


def test_only_the_last_seven_backups_are_kept(library):
    with LibraryStore(library) as store:
        for day in range(9):
            backup.back_up(store, now=T0 + timedelta(days=day))
    names = [p.name for p in backup.backups(library)]
    assert names == [f"library-202612{d:02d}-093000.sqlite3" for d in range(9, 2, -1)]


def test_two_backups_in_one_second_are_both_kept(library):
    with LibraryStore(library) as store:
        first, second = backup.back_up(store, now=T0), backup.back_up(store, now=T0)
        third = backup.back_up(store, now=T0)
    assert first != second and first.exists() and second.exists()
    assert backup.backups(library) == [third, second, first]        # newest first: -3, -2, then the plain name


def test_backup_if_due_backs_up_at_most_once_a_day(library):
    with LibraryStore(library) as store:
        assert backup.backup_if_due(store, now=T0) is not None
        assert store.get_setting(LAST_BACKUP) == T0.isoformat(timespec="seconds")
        assert backup.backup_if_due(store, now=T0 + timedelta(hours=23)) is None
        assert backup.backup_if_due(store, now=T0 + timedelta(days=1)) is not None
    assert len(backup.backups(library)) == 2


def test_an_empty_or_in_memory_library_is_not_backed_up(tmp_path):
    with LibraryStore(tmp_path / "new.sqlite3") as store:
        assert backup.backup_if_due(store, now=T0) is None
    with LibraryStore(":memory:") as store:
        assert backup.backup_if_due(store, now=T0) is None
    assert not (tmp_path / "backups").exists()


def test_a_backup_that_cannot_be_written_is_one_clear_error_and_leaves_nothing(library, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with LibraryStore(library) as store:
        with pytest.raises(StoreError) as excinfo:
            backup.back_up(store, blocker / "copy.sqlite3")
    assert excinfo.value.code == "store.backup_failed"
    assert blocker.read_text() == "x"


def test_a_library_of_an_older_version_is_backed_up_before_it_is_migrated(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite3"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:1])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", 1)
    with LibraryStore(path) as s:   # as version-1 code stored it
        s.insert_report(parse_bytes(SMALL.encode("utf-8"), "small.txt"))
    before = contents(path)
    monkeypatch.undo()
    with LibraryStore(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
    (taken,) = backup.backups(path)
    assert contents(taken) == before
    conn = sqlite3.connect(taken)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    LibraryStore(path).close()          # up to date now: no second backup
    assert len(backup.backups(path)) == 1


def test_a_new_library_is_not_backed_up_by_its_first_migrations(tmp_path):
    LibraryStore(tmp_path / "lib.sqlite3").close()
    assert backup.backups(tmp_path / "lib.sqlite3") == []


# --- a library that cannot be opened ------------------------------------------------------------


def refused(path, **kwargs) -> StoreError:
    """Open the library expecting a refusal; the file's bytes (and no new side files) are checked unchanged."""
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(StoreError) as excinfo:
        LibraryStore(path, **kwargs)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings
    for language in ("zh", "en"):
        line = render(excinfo.value, language)
        assert str(path) in line and "restore-backup" in line and "--db" in line
    return excinfo.value


def test_a_truncated_library_is_refused_untouched(library):
    data = library.read_bytes()
    library.write_bytes(data[: len(data) // 2])
    assert refused(library).code in ("store.damaged", "store.not_a_library")


def damage_a_page(library) -> None:
    data = bytearray(library.read_bytes())
    page = 4096
    data[2 * page: 3 * page] = b"\xa5" * page          # a b-tree page overwritten with garbage
    library.write_bytes(bytes(data))


def test_a_library_with_a_damaged_page_is_refused_untouched_when_its_last_session_met_a_disk_error(library):
    damage_a_page(library)
    health.mark_for_check(library)                     # what a disk I/O error during a write leaves
    assert refused(library).code == "store.damaged"
    assert health.needs_full_check(library)            # still: the next open checks again


def test_a_library_whose_last_session_did_not_close_it_is_checked_in_full_on_opening(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "lib.sqlite3"
    library_with_a_note(path)
    assert not health.needs_full_check(path)           # closed cleanly: no full check next time
    killed = ("import os, sys; from viewer.store import LibraryStore; s = LibraryStore(sys.argv[1]);"
              " s.set_setting('zoom', 3); os._exit(0)")      # a crash: the library never closed
    subprocess.run([sys.executable, "-c", killed, str(path)], check=True)
    assert health.needs_full_check(path)
    with LibraryStore(path) as store:                  # checked, fine, and the write survived
        assert store.get_setting("zoom") == 3
    assert not health.needs_full_check(path)


def test_a_damaged_page_in_a_cleanly_closed_library_is_found_before_the_next_backup_which_keeps_the_good_ones(
        library):
    with LibraryStore(library) as store:
        good = backup.back_up(store, now=T0)
    damage_a_page(library)
    with LibraryStore(library) as store:               # (no full check due on this open)
        with pytest.raises(StoreError) as excinfo:
            backup.back_up(store, now=T0 + timedelta(days=1))
    assert excinfo.value.code == "store.damaged" and "restore-backup" in render(excinfo.value, "en")
    assert backup.backups(library) == [good]


def test_garbage_is_refused_untouched(tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not sqlite" * 500)
    assert refused(path).code == "store.not_a_library"


def test_a_library_of_a_newer_version_is_refused_untouched(library):
    conn = sqlite3.connect(library)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    error = refused(library)
    assert error.code == "store.newer_schema" and error.params["found"] == SCHEMA_VERSION + 1


def test_a_read_only_library_is_refused_untouched(library, monkeypatch):
    # (the tests may run as root, for whom every file is writable: the permission check is stood in for)
    monkeypatch.setattr(health.os, "access", lambda path, mode: False)
    assert refused(library).code == "store.read_only"


def test_a_library_locked_by_another_program_is_refused_untouched(library):
    holder = sqlite3.connect(library, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE other_program (x)")
    try:
        with pytest.raises(StoreError) as excinfo:
            LibraryStore(library, busy_timeout_ms=50)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert excinfo.value.code == "store.locked"
    assert str(library) in render(excinfo.value, "en")


# --- restoring ----------------------------------------------------------------------------------


def test_backup_damage_restore_keeps_every_note(library):
    notes = notes_of(library)
    with LibraryStore(library) as store:
        taken = backup.back_up(store, now=T0)
    library.write_bytes(library.read_bytes()[:5000])
    damaged = library.read_bytes()
    done = backup.restore_backup(library, taken, now=T0 + timedelta(hours=1))
    assert done.aside == library.with_name("lib.before-restore-20261201-103000.sqlite3")
    assert done.aside.read_bytes() == damaged
    assert notes_of(library) == notes and notes


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated", "newer", "no reports"])
def test_a_backup_that_cannot_become_the_library_is_refused_and_changes_nothing(library, tmp_path, damage):
    candidate = tmp_path / "candidate.sqlite3"
    with LibraryStore(library) as store:
        backup.back_up(store, candidate)
    if damage == "missing":
        candidate.unlink()
    elif damage == "garbage":
        candidate.write_bytes(b"\x00garbage" * 1000)
    elif damage == "truncated":
        candidate.write_bytes(candidate.read_bytes()[:6000])
    else:
        conn = sqlite3.connect(candidate)
        if damage == "newer":
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        else:
            conn.execute("PRAGMA foreign_keys = OFF")
            for table in ("paragraphs_fts", "documents"):
                conn.execute(f"DROP TABLE {table}")
        conn.commit()
        conn.close()
    before = library.read_bytes()
    with pytest.raises(StoreError) as excinfo:
        backup.restore_backup(library, candidate)
    assert excinfo.value.code == "store.bad_backup"
    assert library.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*"))
    assert str(candidate) in render(excinfo.value, "zh")


def test_restoring_where_there_is_no_library_copies_the_backup_in(library, tmp_path):
    with LibraryStore(library) as store:
        taken = backup.back_up(store, now=T0)
    target = tmp_path / "elsewhere" / "new.sqlite3"
    target.parent.mkdir()
    done = backup.restore_backup(target, taken)
    assert done.aside is None and notes_of(target) == notes_of(library)
