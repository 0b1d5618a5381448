"""`report-viewer search` as a user runs it: the JSON contract, exact offsets, limits, filters, bad queries."""

import json
import sqlite3

from tests.conftest import SAMPLE
from viewer.core.search import TextSearcher, fold

OTHER = "2021年关于调解工作的报告\n\n一、总体情况\n\n全年调解纠纷41件，依法调解。\n"


def _library(run_cli, tmp_path):
    db = tmp_path / "lib.sqlite3"
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    run_cli("--db", db, "import", SAMPLE, other, check_exit=0)
    return db


def _bodies(db):
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT id, body FROM documents"))
    finally:
        conn.close()


def test_search_json_has_the_contract_keys_and_offsets_into_each_body(run_cli, tmp_path):
    db = _library(run_cli, tmp_path)
    bodies = _bodies(db)
    for query in ("法", "调解", "依法行政"):
        data = json.loads(run_cli("--db", db, "search", query, "--json", check_exit=0).stdout_text)
        assert data["query"] == query
        assert data["total"] == sum(len(TextSearcher(b).find_all(query, limit=10**9)) for b in bodies.values())
        assert len(data["hits"]) == data["total"] > 0
        for hit in data["hits"]:
            assert {"document", "title", "start", "end", "section", "snippet"} <= hit.keys()
            assert fold(bodies[hit["document"]][hit["start"]:hit["end"]]) == fold(query)
            assert f"【{bodies[hit['document']][hit['start']:hit['end']]}】" in hit["snippet"]


def test_search_limit_year_and_kind_narrow_the_hits(run_cli, tmp_path):
    db = _library(run_cli, tmp_path)
    limited = json.loads(run_cli("--db", db, "search", "调解", "--json", "--limit", "2", check_exit=0).stdout_text)
    assert len(limited["hits"]) == 2 and limited["total"] > 2
    by_year = json.loads(run_cli("--db", db, "search", "调解", "--json", "--year", "2021", check_exit=0).stdout_text)
    assert {h["title"] for h in by_year["hits"]} == {"2021年关于调解工作的报告"}
    by_kind = json.loads(run_cli("--db", db, "search", "调解", "--json", "--kind", "rule_of_law_report",
                                 check_exit=0).stdout_text)
    assert by_kind["total"] > 0 and all("法治政府建设" in h["title"] for h in by_kind["hits"])
    other = json.loads(run_cli("--db", db, "search", "调解", "--json", "--kind", "other", check_exit=0).stdout_text)
    assert {h["title"] for h in other["hits"]} == {"2021年关于调解工作的报告"}
    by_issuer = json.loads(run_cli("--db", db, "search", "调解", "--json", "--issuer", "重庆市渝中区司法局",
                                   check_exit=0).stdout_text)
    assert by_issuer["total"] == by_kind["total"] and {h["document"] for h in by_issuer["hits"]} == {1}


def test_an_unknown_kind_or_year_is_one_line_and_exit_2_in_the_users_language(run_cli, tmp_path):
    db = _library(run_cli, tmp_path)
    for lang, words in (("en", "unknown report kind"), ("zh", "未知的报告类型")):
        refused = run_cli("--db", db, "--lang", lang, "search", "调解", "--kind", "小说", check_exit=2).stderr_text
        assert len(refused.splitlines()) == 1 and words in refused and "work_report" in refused
    refused = run_cli("--db", db, "--lang", "zh", "search", "调解", "--year", "去年", check_exit=2).stderr_text
    assert len(refused.splitlines()) == 1 and "不是年份" in refused


def test_search_prints_one_line_per_hit_and_a_summary(run_cli, tmp_path):
    db = _library(run_cli, tmp_path)
    out = run_cli("--db", db, "search", "依法调解", check_exit=0).stdout_text.splitlines()
    assert len(out) == 2 and "【依法调解】" in out[0] and out[1] == "1 hits in the library, 1 shown; 0 notes and bookmarks."


def test_a_bad_query_or_limit_is_one_line_and_exit_2_changing_nothing(run_cli, tmp_path):
    db = _library(run_cli, tmp_path)
    before = _bodies(db)
    for args in (["--", "-调解"], ["-法 -调解"], ['"依法'], ["法", "--limit", "-1"], ["法", "--limit", "x"]):
        proc = run_cli("--db", db, "search", *args, check_exit=2)
        assert len(proc.stderr_text.strip().splitlines()) == 1 and proc.stdout_text == ""
    zh = run_cli("--db", db, "search", "--", "-调解", env={"LANG": "zh_CN.UTF-8"}, check_exit=2)
    assert "没有要找的词" in zh.stderr_text
    assert _bodies(db) == before


def test_search_lists_the_notes_holding_the_query_too(run_cli, tmp_path):
    db = _library(run_cli, tmp_path)
    run_cli("--db", db, "notes", "2", "add", "--start", "0", "--end", "4", "--text", "核对ＧＤＰ口径", check_exit=0)
    data = json.loads(run_cli("--db", db, "search", "gdp 口径", "--json", check_exit=0).stdout_text)
    assert data["total"] == 0
    assert [(n["document"], n["kind"], n["body"]) for n in data["notes"]] == [(2, "note", "核对ＧＤＰ口径")]
    lines = run_cli("--db", db, "search", "口径", check_exit=0).stdout_text.splitlines()
    assert "核对ＧＤＰ口径" in lines[0] and lines[-1] == "0 hits in the library, 0 shown; 1 notes and bookmarks."
