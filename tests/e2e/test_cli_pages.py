"""The command line says the page of a paged report's notes (notes list, export); an unpaged one's never."""

from __future__ import annotations

import json

from tests.paged_report import PAGE_2_WORD, PAGED_TEXT


def _library_with_a_note(run_cli, tmp_path, text: str):
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    run_cli("--db", db, "import", source, check_exit=0)
    parsed = json.loads(run_cli("parse", source, "--json", check_exit=0).stdout_text)
    offset = parsed["text"].index(PAGE_2_WORD)
    run_cli("--db", db, "notes", "1", "add", "--start", str(offset), "--end", str(offset + len(PAGE_2_WORD)),
            "--text", "核对数字", check_exit=0)
    return db


def test_the_notes_list_and_the_exports_of_a_paged_report_say_the_page(run_cli, tmp_path):
    db = _library_with_a_note(run_cli, tmp_path, PAGED_TEXT)
    listing = run_cli("--db", db, "notes", "1", check_exit=0).stdout_text
    assert "第2页" in listing and "核对数字" in listing
    markdown = run_cli("--db", db, "export", "1", "--format", "md", check_exit=0).stdout_text
    assert "第2页" in markdown
    table = run_cli("--db", db, "export", "1", "--format", "csv", check_exit=0).stdout_text
    header, row = table.lstrip("\ufeff").splitlines()[:2]
    assert "章节,页码" in header and ",2," in row
    figures = run_cli("--db", db, "figures", "1", "--csv", check_exit=0).stdout_text
    assert "页码" in figures.splitlines()[0]


def test_the_notes_list_and_the_exports_of_an_unpaged_report_never_say_page(run_cli, tmp_path):
    db = _library_with_a_note(run_cli, tmp_path, PAGED_TEXT.replace("\f", "\n"))
    for argv in (("notes", "1"), ("export", "1", "--format", "md"), ("export", "1", "--format", "csv"),
                 ("figures", "1"), ("figures", "1", "--csv")):
        assert "页" not in run_cli("--db", db, *argv, check_exit=0).stdout_text
