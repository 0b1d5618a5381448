"""`report-viewer backup` and `restore-backup` as a user runs them, and a library that cannot be opened refused with exit 2."""

import json
import sqlite3

import pytest

from tests.conftest import SAMPLE
from viewer.store import SCHEMA_VERSION


@pytest.fixture
def library(run_cli, tmp_path):
    """A library with the sample report and one note on it."""
    db = tmp_path / "lib.sqlite3"
    run_cli("--db", db, "import", SAMPLE, check_exit=0)
    run_cli("--db", db, "notes", "1", "add", "--start", "0", "--end", "4", "--text", "要点", check_exit=0)
    return db


def notes(run_cli, db):
    return json.loads(run_cli("--db", db, "notes", "1", "--json", check_exit=0).stdout_text)


def test_backup_to_a_file_then_damage_then_restore_keeps_every_note(run_cli, library, tmp_path):
    kept = notes(run_cli, library)
    copy = tmp_path / "copy.sqlite3"
    proc = run_cli("--db", library, "backup", "-o", copy, check_exit=0)
    assert str(copy) in proc.stdout_text and copy.is_file()
    library.write_bytes(library.read_bytes()[:3000])
    damaged = library.read_bytes()

    refused = run_cli("--db", library, "list", check_exit=2)
    assert refused.stderr_text.count("\n") == 1
    assert str(library) in refused.stderr_text and "restore-backup" in refused.stderr_text
    assert library.read_bytes() == damaged

    restored = run_cli("--db", library, "restore-backup", copy, check_exit=0)
    (aside,) = tmp_path.glob("lib.before-restore-*.sqlite3")
    assert str(aside) in restored.stdout_text and aside.read_bytes() == damaged
    assert notes(run_cli, library) == kept


def test_backup_without_a_file_writes_into_the_backups_folder_and_prints_where(run_cli, library, tmp_path):
    before = set((tmp_path / "backups").glob("library-*.sqlite3"))
    proc = run_cli("--db", library, "backup", check_exit=0)
    (written,) = set((tmp_path / "backups").glob("library-*.sqlite3")) - before
    assert str(written) in proc.stdout_text


def test_the_first_use_of_a_day_backs_the_library_up_once(run_cli, library, tmp_path):
    # importing made the library's first daily backup (it held nothing before); later verbs add none
    before = sorted((tmp_path / "backups").glob("library-*.sqlite3"))
    run_cli("--db", library, "list", check_exit=0)
    assert sorted((tmp_path / "backups").glob("library-*.sqlite3")) == before and len(before) == 1


def test_a_library_of_a_newer_version_is_refused_in_chinese_with_exit_2_and_left_as_it_is(run_cli, library):
    conn = sqlite3.connect(library)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = library.read_bytes()
    proc = run_cli("--db", library, "list", check_exit=2, env={"LANG": "zh_CN.UTF-8"})
    assert proc.stderr_text.startswith("错误：") and str(library) in proc.stderr_text
    assert "restore-backup" in proc.stderr_text and "--db" in proc.stderr_text
    assert library.read_bytes() == before


def test_restore_backup_refuses_a_file_that_is_not_a_library_and_changes_nothing(run_cli, library, tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"not a backup" * 100)
    before = library.read_bytes()
    proc = run_cli("--db", library, "restore-backup", bogus, check_exit=2)
    assert str(bogus) in proc.stderr_text and proc.stderr_text.count("\n") == 1
    assert library.read_bytes() == before and not list(tmp_path.glob("*before-restore*"))
