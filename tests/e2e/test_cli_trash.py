"""`remove`, `restore`, `list --removed` and `reimport --all` as a user runs them."""

import json
import sqlite3

from tests.conftest import SAMPLE

SMALL = "关于2025年工作的报告\n一、总体情况\n全年共办理案件41件，同比增长12.5%。\n二、下一步工作\n继续完善制度，加强监督检查。\n"


def _state(db):
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _library(run_cli, tmp_path):
    """A library with the sample (one note on it) and a small report; returns (db, sample id, small id)."""
    db = tmp_path / "lib.sqlite3"
    small = tmp_path / "small.txt"
    small.write_text(SMALL, encoding="utf-8")
    run_cli("--db", db, "import", SAMPLE, small, check_exit=0)
    docs = json.loads(run_cli("--db", db, "list", "--json", check_exit=0).stdout_text)
    sample_id, small_id = (d["id"] for d in docs)
    run_cli("--db", db, "notes", str(sample_id), "add", "--start", "0", "--end", "4", "--text", "核对", check_exit=0)
    return db, sample_id, small_id


def test_remove_moves_a_report_to_the_trash_and_restore_brings_it_back_with_its_note(run_cli, tmp_path):
    db, sample_id, small_id = _library(run_cli, tmp_path)
    removed = run_cli("--db", db, "remove", str(sample_id), check_exit=0).stdout_text
    assert "moved to the trash" in removed and "1 notes" in removed
    listed = json.loads(run_cli("--db", db, "list", "--json", check_exit=0).stdout_text)
    assert [d["id"] for d in listed] == [small_id]
    trash = json.loads(run_cli("--db", db, "list", "--removed", "--json", check_exit=0).stdout_text)
    assert [(d["id"], d["annotations"]) for d in trash] == [(sample_id, 1)] and trash[0]["removed_at"]
    assert str(sample_id) in run_cli("--db", db, "list", "--removed", check_exit=0).stdout_text
    refused = run_cli("--db", db, "tree", str(sample_id), check_exit=2)
    assert len(refused.stderr_text.splitlines()) == 1 and "restore" in refused.stderr_text
    run_cli("--db", db, "restore", str(sample_id), check_exit=0)
    notes = json.loads(run_cli("--db", db, "notes", str(sample_id), "--json", check_exit=0).stdout_text)
    assert [n["body"] for n in notes] == ["核对"]
    assert "empty" in run_cli("--db", db, "list", "--removed", check_exit=0).stdout_text


def test_remove_by_path_and_import_again_restores_it(run_cli, tmp_path):
    db, sample_id, _small_id = _library(run_cli, tmp_path)
    run_cli("--db", db, "remove", SAMPLE, check_exit=0)
    again = run_cli("--db", db, "import", SAMPLE, check_exit=0).stdout_text
    assert "restored from the trash" in again and f"id {sample_id}" in again


def test_a_bad_or_unknown_id_is_one_line_exit_2_and_changes_nothing(run_cli, tmp_path):
    db, _sample_id, _small_id = _library(run_cli, tmp_path)
    before = _state(db)
    for args in (("remove", "999"), ("restore", "999"), ("restore", "abc"), ("remove", "nowhere.txt"),
                 ("reimport",), ("reimport", "1", "--all")):
        proc = run_cli("--db", db, *args, check_exit=2)
        assert len(proc.stderr_text.strip().splitlines()) == 1, args
    assert _state(db) == before


def test_restoring_a_report_in_the_library_says_so_in_chinese(run_cli, tmp_path):
    db, sample_id, _small_id = _library(run_cli, tmp_path)
    proc = run_cli("--db", db, "restore", str(sample_id), check_exit=0, env={"LANG": "zh_CN.UTF-8"})
    assert "不在回收站中" in proc.stdout_text


def test_reimport_all_prints_one_line_per_live_report_then_the_totals(run_cli, tmp_path):
    db, sample_id, small_id = _library(run_cli, tmp_path)
    extra = tmp_path / "extra.txt"
    extra.write_text(SMALL.replace("41", "52"), encoding="utf-8")
    run_cli("--db", db, "import", extra, check_exit=0)
    run_cli("--db", db, "remove", extra, check_exit=0)
    lines = run_cli("--db", db, "reimport", "--all", check_exit=0).stdout_text.splitlines()
    assert lines[0].startswith("backed up the library to ")
    assert [line.split("]")[0] for line in lines[1:3]] == ["[1/2", "[2/2"]
    assert lines[3].startswith("re-parsed 2 reports, 0 failed") and "1 in place" in lines[3]
    assert len(lines) == 4


def test_reimport_all_backs_the_library_up_first_every_time_and_says_where_in_one_line(run_cli, tmp_path):
    import sqlite3

    db, _sample_id, _small_id = _library(run_cli, tmp_path)
    run_cli("--db", db, "backup", check_exit=0)            # today's backup: the daily one is not due
    folder = db.parent / "backups"
    for round_ in (1, 2):
        before = set(folder.iterdir())
        out = run_cli("--db", db, "reimport", "--all", check_exit=0, env={"LANG": "zh_CN.UTF-8"}).stdout_text
        (written,) = set(folder.iterdir()) - before
        line = out.splitlines()[0]
        assert line == f"重新解析之前已备份资料库到 {written}"
        conn = sqlite3.connect(written)
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        conn.close()
