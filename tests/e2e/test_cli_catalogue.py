"""`report-viewer list` with the 书库's columns, filters, sort and CSV, and `rename`, as a user runs them."""

import csv
import io
import json

import pytest

from tests.conftest import SAMPLE

WORK = "成都市人民政府2024年政府工作报告\n\n一、过去一年\n\n经济增长5.2%。\n"
NOTICE = "成都市人民政府关于做好防汛工作的通知\n\n一、总体要求\n\n做好准备。\n\n成都市人民政府\n2024年1月15日\n"


@pytest.fixture
def library(run_cli, tmp_path):
    """A library of the sample, a work report and a notice: (db, {file name: id})."""
    db = tmp_path / "lib.sqlite3"
    for name, text in (("work.txt", WORK), ("notice.txt", NOTICE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    run_cli("--db", db, "import", SAMPLE, tmp_path / "work.txt", tmp_path / "notice.txt", check_exit=0)
    listed = json.loads(run_cli("--db", db, "list", "--json", check_exit=0).stdout_text)
    return db, {d["source_name"]: d["id"] for d in listed}


def test_list_shows_kind_issuer_and_year_in_the_users_language(run_cli, library):
    db, ids = library
    en = run_cli("--db", db, "list", "--lang", "en", check_exit=0).stdout_text.splitlines()
    zh = run_cli("--db", db, "list", "--lang", "zh", check_exit=0).stdout_text.splitlines()
    assert [int(line.split()[0]) for line in en] == [ids[SAMPLE.name], ids["work.txt"], ids["notice.txt"]]
    assert "Rule-of-law government report  重庆市渝中区司法局  2020" in en[0]
    assert "政府工作报告  成都市人民政府  2024" in zh[1] and "通知/意见  成都市人民政府  2024" in zh[2]


def test_list_json_keeps_the_library_record_and_adds_the_catalogue(run_cli, library):
    db, ids = library
    listed = json.loads(run_cli("--db", db, "list", "--json", check_exit=0).stdout_text)
    assert {"fingerprint", "source_path", "kind", "issuer", "issued", "year", "notes", "last_opened_at"} <= listed[0].keys()
    assert listed[2]["issued"] == "2024-01-15" and listed[2]["kind"] == "notice"


def test_list_filters_and_sorts(run_cli, library):
    db, ids = library

    def listed(*options):
        out = run_cli("--db", db, "list", "--json", *options, check_exit=0).stdout_text
        return [d["id"] for d in json.loads(out)]

    assert listed("--kind", "work_report") == [ids["work.txt"]]
    assert listed("--kind", "通知/意见") == [ids["notice.txt"]]
    assert listed("--year", "2024") == [ids["work.txt"], ids["notice.txt"]]
    assert listed("--issuer", "成都市人民政府", "--year", "2024", "--kind", "notice") == [ids["notice.txt"]]
    assert listed("--sort", "title", "--desc") == [ids[SAMPLE.name], ids["notice.txt"], ids["work.txt"]]
    assert listed("--sort", "issued") == [ids[SAMPLE.name], ids["notice.txt"], ids["work.txt"]]   # unknown last
    nothing = run_cli("--db", db, "list", "--year", "1999", "--lang", "zh", check_exit=0).stdout_text
    assert nothing.strip() == "没有符合条件的报告。"


def test_list_csv_to_stdout_and_to_a_file_in_both_languages(run_cli, library, tmp_path):
    db, ids = library
    out = run_cli("--db", db, "list", "--csv", "--kind", "notice", "--lang", "zh", check_exit=0).stdout_text
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["编号", "标题", "发文机关"] and len(rows) == 2
    assert rows[1][:6] == [str(ids["notice.txt"]), "成都市人民政府关于做好防汛工作的通知", "成都市人民政府", "2024-01-15",
                           "2024", "通知/意见"]
    target = tmp_path / "书库.csv"
    said = run_cli("--db", db, "list", "--csv", "-o", target, "--lang", "en", check_exit=0).stdout_text
    assert said.strip() == f"wrote the list of 3 reports to {target}"
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode("utf-8"))                          # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["ID", "Title", "Issuer"] and len(rows) == 4
    assert {row[5] for row in rows[1:]} == {"Rule-of-law government report", "Government work report", "Notice"}


def test_rename_gives_a_report_a_new_title(run_cli, library):
    db, ids = library
    doc = str(ids["work.txt"])
    assert run_cli("--db", db, "rename", doc, "2024年成都政府工作报告", "--lang", "zh",
                   check_exit=0).stdout_text.strip() == f"已将报告 {doc} 改名为《2024年成都政府工作报告》。"
    listed = json.loads(run_cli("--db", db, "list", "--json", check_exit=0).stdout_text)
    assert [d["title"] for d in listed if d["id"] == ids["work.txt"]] == ["2024年成都政府工作报告"]


@pytest.mark.parametrize("lang, words", [("en", "the title cannot be blank"), ("zh", "标题不能为空")])
def test_a_blank_title_is_one_line_and_exit_2_changing_nothing(run_cli, library, lang, words):
    db, ids = library
    before = run_cli("--db", db, "list", "--json", check_exit=0).stdout_text
    refused = run_cli("--db", db, "rename", str(ids["work.txt"]), "  ", "--lang", lang, check_exit=2)
    assert len(refused.stderr_text.splitlines()) == 1 and words in refused.stderr_text
    assert run_cli("--db", db, "list", "--json", check_exit=0).stdout_text == before


@pytest.mark.parametrize("lang, kind_words, sort_words, year_words", [
    ("en", "unknown report kind", "cannot sort by", "not a year"),
    ("zh", "未知的报告类型", "不能按", "不是年份"),
])
def test_bad_kind_sort_or_year_is_one_line_and_exit_2(run_cli, library, lang, kind_words, sort_words, year_words):
    db, _ids = library
    for options, words in ((("--kind", "novel"), kind_words), (("--sort", "colour"), sort_words),
                           (("--year", "24"), year_words)):
        refused = run_cli("--db", db, "list", *options, "--lang", lang, check_exit=2)
        assert len(refused.stderr_text.splitlines()) == 1 and words in refused.stderr_text, refused.stderr_text
        assert refused.stdout_text == ""


def test_list_removed_filters_the_trash(run_cli, library):
    db, ids = library
    run_cli("--db", db, "remove", str(ids["notice.txt"]), check_exit=0)
    trash = json.loads(run_cli("--db", db, "list", "--removed", "--json", "--kind", "notice", check_exit=0).stdout_text)
    assert [(d["id"], d["annotations"]) for d in trash] == [(ids["notice.txt"], 0)] and trash[0]["removed_at"]
    assert run_cli("--db", db, "list", "--removed", "--kind", "work_report", check_exit=0).stdout_text.strip() \
        == "No reports match."
