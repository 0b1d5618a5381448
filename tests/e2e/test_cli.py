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


# --- the language of messages ------------------------------------------------------------------

ZH = {"LANG": "zh_CN.UTF-8"}


@pytest.mark.parametrize("env,args,language", [
    (ZH, (), "zh"),
    ({"LANG": "C"}, (), "en"),
    ({"LANG": "en_US.UTF-8"}, (), "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, (), "zh"),
    (ZH, ("--lang", "en"), "en"),
    ({"LANG": "C"}, ("--lang", "zh"), "zh"),
], ids=["LANG=zh_CN", "LANG=C", "LANG=en_US", "LC_ALL=zh_CN", "--lang-en-over-zh-locale", "--lang-zh"])
@pytest.mark.parametrize("where", ["before-verb", "after-verb"])
def test_bad_input_is_one_line_in_the_locales_language_or_langs(run_cli, tmp_path, env, args, language, where):
    db = tmp_path / "lib.sqlite3"
    run_cli("--db", db, "import", SAMPLE, check_exit=0)
    before = _library_state(db)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    argv = (*args, "--db", db, "import", empty) if where == "before-verb" else ("--db", db, "import", empty, *args)
    proc = run_cli(*argv, env=env, check_exit=2)
    lines = proc.stderr_text.strip().splitlines()
    assert len(lines) == 1, proc.stderr_text
    if language == "zh":
        assert lines[0] == "错误：empty.txt：文件是空的；请选择含有文字的报告文件。"
    else:
        assert lines[0] == "error: empty.txt: the file is empty; choose a report file that has text in it"
    assert _library_state(db) == before


@pytest.mark.parametrize("argv,chinese", [
    (("tree", "42"), "资料库"),
    (("parse", "nope.txt"), "找不到这个文件"),
    (("share", "import", "nope.rvshare.json"), "无法读取"),
    (("notes", "1", "add"), "必须给出 --start 和 --end"),
])
def test_every_verbs_errors_follow_a_chinese_locale(run_cli, tmp_path, argv, chinese):
    db = tmp_path / "lib.sqlite3"
    run_cli("--db", db, "import", SAMPLE, check_exit=0)
    proc = run_cli("--db", db, *argv, env=ZH, check_exit=2)
    line = proc.stderr_text.strip()
    assert "\n" not in line and line.startswith("错误：") and chinese in line, line
    assert "Traceback" not in proc.stderr_text


def test_a_usage_error_keeps_argparses_words_inside_a_chinese_line(run_cli):
    zh = run_cli("list", "--bogus", env=ZH, check_exit=2).stderr_text.strip()
    assert zh == "错误：report-viewer：unrecognized arguments: --bogus（用法见 'report-viewer --help'）"
    en = run_cli("list", "--bogus", "--lang", "en", env=ZH, check_exit=2).stderr_text.strip()
    assert en == "error: report-viewer: unrecognized arguments: --bogus (see 'report-viewer --help')"
    choice = run_cli("export", "1", "--format", "docx", env=ZH, check_exit=2).stderr_text.strip()
    assert choice.startswith("错误：report-viewer export：argument --format: invalid choice: 'docx'")
    no_verb = run_cli("--lang", "zh", "--db", "x.sqlite3", "--help-me", check_exit=2).stderr_text
    assert no_verb.startswith("错误：report-viewer：") and len(no_verb.strip().splitlines()) == 1


def test_import_and_empty_list_lines_follow_the_language(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite3"
    assert run_cli("--db", db, "list", env=ZH, check_exit=0).stdout_text.startswith("资料库是空的")
    assert run_cli("--db", db, "import", SAMPLE, env=ZH, check_exit=0).stdout_text.startswith("已导入：")
    again = run_cli("--db", db, "import", SAMPLE, "--lang", "en", env=ZH, check_exit=0)
    assert again.stdout_text.startswith("already in library: ")


def test_a_failing_database_is_one_line_in_the_language(monkeypatch, capsys):
    from viewer import cli

    def broken(args):
        raise sqlite3.DatabaseError("disk I/O error")

    monkeypatch.setitem(cli.VERBS, "list", broken)
    assert cli.main(["--lang", "zh", "list"]) == cli.EXIT_FAILED
    assert capsys.readouterr().err == ("错误：资料库数据库出错（disk I/O error）；请关闭其他报告阅览器窗口，"
                                       "或用 --db 另选资料库路径。\n")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert cli.main(["list"]) == cli.EXIT_FAILED
    assert capsys.readouterr().err.startswith("error: the library database failed (disk I/O error); ")


def test_without_a_display_the_line_is_chinese_in_a_chinese_locale(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LC_ALL", "LC_MESSAGES")}
    env.update(REPORT_VIEWER_DATA_DIR=str(tmp_path / "d"), LANG="zh_CN.UTF-8", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "viewer"], env=env, capture_output=True, timeout=60)
    line = proc.stderr.decode("utf-8").strip()
    assert proc.returncode == 2 and "\n" not in line
    assert line.startswith("report-viewer：找不到显示器") and "--screenshot" in line
