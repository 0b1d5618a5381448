"""The export and share verbs as a user runs them: files written, --dry-run, a second library."""

import csv
import io
import json

import pytest

from tests.conftest import SAMPLE


@pytest.fixture
def annotated_db(run_cli, tmp_path):
    """A library (张三's) with the sample and one note, one highlight, one bookmark."""
    db = tmp_path / "a.sqlite3"
    run_cli("import", SAMPLE, "--db", db, check_exit=0)
    run_cli("notes", "1", "add", "--start", 120, "--end", 130, "--text", "核对 =SUM(A1)", "--db", db, check_exit=0)
    run_cli("notes", "1", "add", "--kind", "highlight", "--colour", "green", "--start", 200, "--end", 210,
            "--db", db, check_exit=0)
    run_cli("notes", "1", "add", "--kind", "bookmark", "--start", 300, "--end", 300, "--text", "这里",
            "--db", db, check_exit=0)
    return db


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "jsonld"])
def test_export_writes_each_format(run_cli, annotated_db, tmp_path, fmt):
    out = tmp_path / f"notes.{fmt}"
    proc = run_cli("export", "1", "--format", fmt, "-o", out, "--db", annotated_db, check_exit=0)
    assert "3 notes, bookmarks and highlights" in proc.stdout_text
    data = out.read_bytes()
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert data.startswith(b"\xef\xbb\xbf") and len(rows) == 4
        assert any(cell == "'核对 =SUM(A1)" or cell == "核对 =SUM(A1)" for row in rows for cell in row)
    elif fmt == "jsonld":
        assert json.loads(data)["type"] == "AnnotationCollection"
    else:
        assert "这里" in data.decode("utf-8")


def test_share_export_then_import_into_an_empty_library_with_dry_run_first(run_cli, annotated_db, tmp_path):
    share = tmp_path / "a.rvshare.json"
    run_cli("share", "export", "1", "-o", share, "--include-report", "--db", annotated_db, check_exit=0)
    other = tmp_path / "b.sqlite3"
    dry = run_cli("share", "import", share, "--dry-run", "--db", other, check_exit=0)
    assert dry.stdout_text.startswith("would import: 3 new") and "1 report(s) added" in dry.stdout_text
    assert "The library is empty" in run_cli("list", "--db", other, check_exit=0).stdout_text
    run_cli("share", "import", share, "--db", other, check_exit=0)
    again = run_cli("share", "import", share, "--db", other, check_exit=0)
    assert again.stdout_text.startswith("imported: 0 new, 0 updated, 3 unchanged")
    listed = run_cli("notes", "1", "--json", "--db", other, check_exit=0)
    assert sorted(n["body"] for n in json.loads(listed.stdout_text)) == ["", "核对 =SUM(A1)", "这里"]


def test_share_export_only_bookmarks(run_cli, annotated_db, tmp_path):
    share = tmp_path / "b.rvshare.json"
    run_cli("share", "export", "1", "--only", "bookmarks", "-o", share, "--db", annotated_db, check_exit=0)
    assert [i["motivation"] for i in json.loads(share.read_bytes())["first"]["items"]] == ["bookmarking"]


@pytest.mark.parametrize("content", [b"{not json", b"[" * 100_000, b'{"@context": "x", "type": "AnnotationCollection"}'])
def test_a_broken_share_file_is_one_line_exit_2_and_creates_no_library(run_cli, tmp_path, content):
    bad = tmp_path / "bad.rvshare.json"
    bad.write_bytes(content)
    db = tmp_path / "new.sqlite3"
    proc = run_cli("share", "import", bad, "--db", db, check_exit=2)
    assert proc.stderr_text.count("\n") == 1 and "Traceback" not in proc.stderr_text
    assert not db.exists()
