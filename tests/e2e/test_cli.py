"""The command line as a user runs it: verbs, --db placement, one-line errors with exit 2."""

import json
import sqlite3
import struct
import zipfile
import zlib

import pytest

from tests.conftest import SAMPLE


def _library_state(db):
    if not db.exists():
        return None
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_parse_json_has_the_contract_keys(run_cli):
    proc = run_cli("parse", SAMPLE, "--json", check_exit=0)
    data = json.loads(proc.stdout_text)
    assert {"title", "metadata", "text", "sections", "figures"} <= data.keys()
    assert data["text"].startswith(data["title"])
    first = data["sections"][0]
    assert {"number", "title", "level", "start", "heading_end", "end", "children"} <= first.keys()
    assert data["text"][first["start"]:].startswith(first["number"])
    for fig in data["figures"]:
        assert data["text"][fig["start"]:fig["end"]] == fig["text"]


def test_import_then_list_and_tree_by_id_and_by_path(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite3"
    proc = run_cli("--db", db, "import", SAMPLE, check_exit=0)
    assert "imported" in proc.stdout_text and "重庆市渝中区司法局" in proc.stdout_text
    again = run_cli("import", SAMPLE, "--db", db, check_exit=0)
    assert "already in library" in again.stdout_text
    docs = json.loads(run_cli("list", "--json", "--db", db, check_exit=0).stdout_text)
    assert len(docs) == 1 and docs[0]["sections"] > 0 and docs[0]["figures"] > 0
    assert docs[0]["source_path"] == str(SAMPLE)
    by_id = run_cli("--db", db, "tree", str(docs[0]["id"]), check_exit=0).stdout_text
    by_path = run_cli("--db", db, "tree", SAMPLE, check_exit=0).stdout_text
    assert by_id == by_path
    assert "一、" in by_id and "  (一)" in by_id


def test_db_default_is_the_user_data_dir(run_cli, tmp_path):
    run_cli("import", SAMPLE, check_exit=0)
    assert (tmp_path / "cli-data" / "library.sqlite3").exists()


def _png_bytes():
    raw = b"\x00\xff\x00\x00"
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _make_bad_inputs(tmp_path):
    bad = {}
    bad["missing"] = tmp_path / "nope.txt"
    bad["directory"] = tmp_path / "adir"
    bad["directory"].mkdir()
    bad["empty"] = tmp_path / "empty.txt"
    bad["empty"].write_bytes(b"")
    bad["png"] = tmp_path / "picture.png"
    bad["png"].write_bytes(_png_bytes())
    bad["zip"] = tmp_path / "archive.zip"
    with zipfile.ZipFile(bad["zip"], "w") as zf:
        zf.writestr("readme.txt", "hello")
    bad["undecodable"] = tmp_path / "garbage.txt"
    bad["undecodable"].write_bytes(bytes(range(0x80, 0x100)) * 40)
    bad["html_no_text"] = tmp_path / "blank.html"
    bad["html_no_text"].write_text("<html><head><script>var a=1;</script></head><body> </body></html>")
    bad["oversize"] = tmp_path / "huge.txt"
    with open(bad["oversize"], "wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)
    return bad


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "png", "zip", "undecodable",
                                  "html_no_text", "oversize"])
def test_bad_input_gets_one_line_exit_2_and_changes_nothing(run_cli, tmp_path, case):
    db = tmp_path / "lib.sqlite3"
    run_cli("--db", db, "import", SAMPLE, check_exit=0)
    before = _library_state(db)
    path = _make_bad_inputs(tmp_path)[case]
    proc = run_cli("--db", db, "import", path)
    assert proc.returncode == 2
    lines = proc.stderr_text.strip().splitlines()
    assert len(lines) == 1, proc.stderr_text
    assert path.name in lines[0] and "Traceback" not in proc.stderr_text
    assert _library_state(db) == before
    parse = run_cli("parse", path, "--json")
    assert parse.returncode == 2 and len(parse.stderr_text.strip().splitlines()) == 1


def test_failed_import_on_a_new_library_creates_no_file(run_cli, tmp_path):
    db = tmp_path / "fresh.sqlite3"
    proc = run_cli("--db", db, "import", tmp_path / "missing.txt")
    assert proc.returncode == 2 and not db.exists()


def test_mixed_import_reports_each_file_and_exits_2(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite3"
    proc = run_cli("--db", db, "import", SAMPLE, tmp_path / "missing.txt")
    assert proc.returncode == 2
    assert "imported" in proc.stdout_text and "missing.txt" in proc.stderr_text


def test_unknown_document_and_bad_usage_exit_2_without_traceback(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite3"
    proc = run_cli("--db", db, "tree", "42")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr_text
    proc = run_cli("list", "--bogus")
    assert proc.returncode == 2 and len(proc.stderr_text.strip().splitlines()) == 1


def test_figures_csv_has_bom_header_and_every_figure(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite3"
    run_cli("--db", db, "import", SAMPLE, check_exit=0)
    out = tmp_path / "figures.csv"
    run_cli("--db", db, "figures", "1", "--csv", "-o", out, check_exit=0)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv, io
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["原文", "数值", "单位", "类型"]
    parsed = json.loads(run_cli("parse", SAMPLE, "--json", check_exit=0).stdout_text)
    assert [r[0] for r in rows[1:]] == [f["text"] for f in parsed["figures"]]
    assert ["150亿元", "15000000000", "元", "金额", "逾", "一、 › (三) › 三是"] == \
        next(r[:6] for r in rows if r[0] == "150亿元")


def test_screenshot_renders_a_png_offscreen_with_goto_and_find(run_cli, tmp_path):
    out = tmp_path / "shot.png"
    proc = run_cli("--db", tmp_path / "lib.sqlite3", "--screenshot", out, "--lang", "en",
                   "--goto", "四、/（二）", "--find", "调解", "--size", "1200x800", check_exit=0)
    assert out.read_bytes().startswith(b"\x89PNG") and out.stat().st_size > 20_000, proc.stderr_text
    bad = run_cli("--db", tmp_path / "lib.sqlite3", "--screenshot", out, "--goto", "九、")
    assert bad.returncode == 2 and "九、" in bad.stderr_text and "Traceback" not in bad.stderr_text


def test_without_a_display_one_line_explains_headless_use(run_cli, tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["REPORT_VIEWER_DATA_DIR"] = str(tmp_path / "d")
    proc = subprocess.run([sys.executable, "-m", "viewer"], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "--screenshot" in proc.stderr


def test_notes_add_and_list_through_the_cli(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite3"
    run_cli("--db", db, "import", SAMPLE, check_exit=0)
    added = run_cli("--db", db, "notes", "1", "add", "--start", "291", "--end", "293",
                    "--text", "第一部分", check_exit=0)
    assert "added note" in added.stdout_text
    run_cli("--db", db, "notes", SAMPLE, "add", "--start", "400", "--end", "400", "--kind", "bookmark",
            check_exit=0)
    notes = json.loads(run_cli("--db", db, "notes", "1", "--json", check_exit=0).stdout_text)
    assert [(n["kind"], n["start"], n["body"]) for n in notes] == [("note", 291, "第一部分"),
                                                                   ("bookmark", 400, "")]
    listing = run_cli("--db", db, "notes", "1", check_exit=0).stdout_text
    assert "第一部分" in listing
    bad = run_cli("--db", db, "notes", "1", "add", "--start", "5", "--end", "1")
    assert bad.returncode == 2 and len(bad.stderr_text.strip().splitlines()) == 1
    assert len(json.loads(run_cli("--db", db, "notes", "1", "--json").stdout_text)) == 2
