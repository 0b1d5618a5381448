"""Sharing between libraries: round trip, the merge rules, pending annotations, and what a broken file does."""

import copy
import re
import json

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import Phrase, ShareError
from viewer.core.messages import render
from viewer.core.report import parse_bytes, parse_path
from viewer.core.share import MAX_ANNOTATIONS, MAX_DEPTH, MAX_FILE_BYTES, read_share, share_bytes
from viewer.services.sharing import apply_import, build_share, import_share
from viewer.store import LibraryStore

SMALL = "关于2025年工作的报告\n一、总体情况\n全年共办理案件41件，同比增长12.5%。\n二、下一步工作\n继续完善制度，加强监督检查。\n"
SMALL_HTML = ("<html><head><title>关于2025年工作的报告</title></head><body><h1>关于2025年工作的报告</h1>"
              "<h2>一、总体情况</h2><p>全年共办理案件41件，同比增长12.5%。</p>"
              "<h2>二、下一步工作</h2><p>继续完善制度，加强监督检查。</p></body></html>")


def library(author: str) -> LibraryStore:
    store = LibraryStore(":memory:")
    store.set_setting("author", author)
    return store


def snapshot(store: LibraryStore) -> list[str]:
    return store.dump()


@pytest.fixture
def sender():
    """Library A (张三) with the sample report and a note, a highlight, a bookmark and a deleted note."""
    store = library("张三")
    doc_id = store.import_report(parse_path(SAMPLE)).document_id
    text = store.document(doc_id).text
    at = text.index("41件")
    store.add_annotation(doc_id, "note", at, at + 3, body="核对这个数字\n第二行")
    store.add_annotation(doc_id, "highlight", at + 10, at + 24, colour="blue")
    store.add_annotation(doc_id, "bookmark", 200, 200, body="读到这里")
    gone = store.add_annotation(doc_id, "note", 300, 320, body="作废")
    store.set_annotation_deleted(gone.uuid)
    yield store, doc_id
    store.close()


@pytest.fixture
def exchanged(sender):
    """A's library, its report id, B (李四) after importing A's file with the report, and A's note."""
    a, doc_id = sender
    b = library("李四")
    import_share(b, share_bytes(build_share(a, [doc_id], include_report=True)), "a")
    yield a, doc_id, b, a.annotations(doc_id, kinds=("note",))[0]
    b.close()


def items(data: bytes) -> list[dict]:
    return json.loads(data)["first"]["items"]


def test_round_trip_keeps_ids_bodies_quotes_positions_authors_and_times(sender):
    a, doc_id = sender
    first = share_bytes(build_share(a, [doc_id], include_report=True))
    b = library("李四")
    plan = import_share(b, first, "a.rvshare.json")
    assert plan.counts()["new"] == 3 and len(plan.new_reports) == 1
    again = share_bytes(build_share(b, [b.documents()[0].id], include_report=True))
    assert items(again) == items(first)
    assert json.loads(again)["report-viewer"]["documents"] == json.loads(first)["report-viewer"]["documents"]


def test_importing_the_same_file_twice_changes_nothing(sender):
    a, doc_id = sender
    data = share_bytes(build_share(a, [doc_id], include_report=True))
    b = library("李四")
    import_share(b, data, "a")
    before = snapshot(b)
    plan = import_share(b, data, "a")
    assert plan.is_empty() and snapshot(b) == before


def test_dry_run_reports_the_plan_and_writes_nothing(sender):
    a, doc_id = sender
    b = library("李四")
    before = snapshot(b)
    plan = import_share(b, share_bytes(build_share(a, [doc_id], include_report=True)), "a", dry_run=True)
    assert plan.counts()["new"] == 3 and snapshot(b) == before


def test_only_bookmarks_shares_just_the_bookmarks(sender):
    a, doc_id = sender
    shared = items(share_bytes(build_share(a, [doc_id], only="bookmarks")))
    assert [i["motivation"] for i in shared] == ["bookmarking"]


def test_a_newer_version_from_the_sender_updates_and_a_tombstone_deletes(exchanged):
    a, doc_id, b, note = exchanged
    highlight = a.annotations(doc_id, kinds=("highlight",))[0]
    a.update_annotation(note.uuid, body="已核对")
    a.set_annotation_deleted(highlight.uuid)
    plan = import_share(b, share_bytes(build_share(a, [doc_id])), "a")
    assert plan.counts()["updated"] == 1 and plan.counts()["deleted"] == 1
    assert b.annotation(note.uuid).body == "已核对"
    assert b.annotation(highlight.uuid).deleted


def test_edited_on_both_sides_keeps_the_newer_in_place_and_the_other_as_a_copy(exchanged):
    a, doc_id, b, note = exchanged
    a.update_annotation(note.uuid, body="张三的修改")          # older
    b.update_annotation(note.uuid, body="李四的修改")          # newer
    data = share_bytes(build_share(a, [doc_id]))
    plan = import_share(b, data, "a")
    assert plan.counts()["conflict"] == 1
    b_doc = b.documents()[0].id
    bodies = sorted(n.body for n in b.annotations(b_doc, kinds=("note",)))
    assert bodies == ["张三的修改", "李四的修改"]
    assert b.annotation(note.uuid).body == "李四的修改"
    before = snapshot(b)
    assert import_share(b, data, "a").is_empty() and snapshot(b) == before


def test_the_senders_newer_edit_wins_and_the_receivers_edit_is_kept_as_a_copy(exchanged):
    a, doc_id, b, note = exchanged
    b.update_annotation(note.uuid, body="李四的修改")
    a.update_annotation(note.uuid, body="张三的修改")          # newer
    import_share(b, share_bytes(build_share(a, [doc_id])), "a")
    assert b.annotation(note.uuid).body == "张三的修改"
    assert "李四的修改" in [n.body for n in b.annotations(b.documents()[0].id)]


def test_the_receivers_own_annotations_are_never_deleted_or_overwritten(sender):
    a, doc_id = sender
    b = library("李四")
    b_doc = b.import_report(parse_path(SAMPLE)).document_id
    mine = b.add_annotation(b_doc, "note", 10, 20, body="我的批注")
    hostile = json.loads(share_bytes(build_share(a, [doc_id])))
    forged = copy.deepcopy(hostile["first"]["items"][0])
    forged["id"] = f"urn:uuid:{mine.uuid}"
    forged["modified"] = "2099-01-01T00:00:00+00:00"
    forged["body"] = {"type": "TextualBody", "value": "别人改的", "format": "text/plain"}
    tombstone = dict(copy.deepcopy(forged), **{"report-viewer": {"deleted": True}})
    for item in (forged, tombstone):
        hostile["first"]["items"] = [item]
        import_share(b, json.dumps(hostile).encode(), "forged")
        assert b.annotation(mine.uuid) == mine
    assert "别人改的" in [n.body for n in b.annotations(b_doc)]       # kept beside it, as a copy


def test_annotations_for_a_missing_report_wait_and_attach_when_it_is_imported(sender):
    a, doc_id = sender
    b = library("李四")
    data = share_bytes(build_share(a, [doc_id]))
    plan = import_share(b, data, "a")
    assert plan.counts()["pending"] == 3 and b.documents() == []
    assert import_share(b, data, "a").is_empty()
    b_doc = b.import_report(parse_path(SAMPLE)).document_id
    mine = {n.uuid: n for n in b.annotations(b_doc)}
    theirs = {n.uuid: n for n in a.annotations(doc_id)}
    assert {u: (n.start, n.end, n.body) for u, n in mine.items()} == \
           {u: (n.start, n.end, n.body) for u, n in theirs.items()}
    assert b.pending_annotations() == []


def test_a_report_imported_from_html_and_from_text_still_matches():
    a = library("张三")
    a_doc = a.import_report(parse_bytes(SMALL_HTML.encode(), "r.html")).document_id
    text = a.document(a_doc).text
    at = text.index("12.5%")
    note = a.add_annotation(a_doc, "note", at, at + 5, body="增幅")
    b = library("李四")
    b_doc = b.import_report(parse_bytes(SMALL.encode(), "r.txt")).document_id
    plan = import_share(b, share_bytes(build_share(a, [a_doc])), "a")
    assert plan.counts()["new"] == 1
    placed = b.annotation(note.uuid)
    assert b.document(b_doc).text[placed.start:placed.end] == "12.5%" and not placed.unplaced


def test_a_quote_missing_from_the_receivers_copy_is_kept_unplaced(sender):
    a, doc_id = sender
    b = library("李四")
    b.import_report(parse_path(SAMPLE))
    data = json.loads(share_bytes(build_share(a, [doc_id])))
    sel = data["first"]["items"][0]["target"]["selector"]
    sel[0].update(exact="完全不在这份报告里的一句话，绝对找不到", prefix="", suffix="")
    plan = import_share(b, json.dumps(data).encode(), "a")
    assert plan.counts()["unplaced"] == 1
    uuid = data["first"]["items"][0]["id"].removeprefix("urn:uuid:")
    assert b.annotation(uuid).unplaced


def report_of(year: int, extra: str = "") -> bytes:
    return (f"政府工作报告\n一、{year}年工作回顾\n{extra}过去一年，全年新增就业{year - 1000}万人，"
            f"重点抓好第{year}号任务。\n二、下一步安排\n继续推进改革。\n").encode()


def test_a_different_report_with_the_same_title_does_not_take_the_notes():
    a, b, c = library("张三"), library("李四"), library("王五")
    a_doc = a.import_report(parse_bytes(report_of(2025), "r.txt")).document_id
    text = a.document(a_doc).text
    at = text.index("第2025号任务")
    a.add_annotation(a_doc, "note", at, at + 8, body="今年的")
    b.import_report(parse_bytes(report_of(2024), "r.txt"))
    plan = import_share(b, share_bytes(build_share(a, [a_doc], include_report=True)), "a")
    assert len(plan.new_reports) == 1 and len(b.documents()) == 2       # the 2025 report came with it
    c.import_report(parse_bytes(report_of(2024), "r.txt"))
    assert import_share(c, share_bytes(build_share(a, [a_doc])), "a").counts()["pending"] == 1
    assert len(c.pending_annotations()) == 1                             # not attached to 2024's
    c_doc = c.import_report(parse_bytes(report_of(2025), "r.txt")).document_id
    assert [n.body for n in c.annotations(c_doc)] == ["今年的"] and c.pending_annotations() == []


def test_a_report_of_the_same_title_from_another_format_takes_waiting_notes():
    a, b = library("张三"), library("李四")
    a_doc = a.import_report(parse_bytes(SMALL_HTML.encode(), "r.html")).document_id
    at = a.document(a_doc).text.index("12.5%")
    a.add_annotation(a_doc, "note", at, at + 5, body="增幅")
    data = json.loads(share_bytes(build_share(a, [a_doc])))
    data["report-viewer"]["documents"][0]["source"] = "urn:sha256:" + "a" * 64     # another fingerprint
    data["first"]["items"][0]["target"]["source"] = "urn:sha256:" + "a" * 64
    import_share(b, json.dumps(data).encode(), "a")
    b_doc = b.import_report(parse_bytes(SMALL.encode(), "r.txt")).document_id
    assert [n.body for n in b.annotations(b_doc)] == ["增幅"]


def test_renaming_yourself_does_not_let_another_version_overwrite_your_note(sender):
    a, a_doc = sender
    b = library("李四")
    b_doc = b.import_report(parse_path(SAMPLE)).document_id
    mine = b.add_annotation(b_doc, "note", 10, 20, body="李四原文")
    import_share(a, share_bytes(build_share(b, [b_doc])), "b")
    a.update_annotation(mine.uuid, body="张三改的")
    b.set_setting("author", "李四（新名字）")
    import_share(b, share_bytes(build_share(a, [a_doc])), "a")
    assert b.annotation(mine.uuid).body == "李四原文"
    assert "张三改的" in [n.body for n in b.annotations(b_doc)]


def test_a_deletion_of_a_waiting_note_stays_deleted_when_the_report_arrives(sender):
    a, doc_id = sender
    b = library("李四")
    import_share(b, share_bytes(build_share(a, [doc_id])), "a")
    note = a.annotations(doc_id, kinds=("note",))[0]
    a.set_annotation_deleted(note.uuid)
    plan = import_share(b, share_bytes(build_share(a, [doc_id])), "a")
    assert not plan.is_empty() and plan.counts()["deleted"] == 1
    b_doc = b.import_report(parse_path(SAMPLE)).document_id
    assert note.uuid not in [n.uuid for n in b.annotations(b_doc)]


def test_an_older_file_does_not_roll_back_a_waiting_note(sender):
    a, doc_id = sender
    b = library("李四")
    note = a.annotations(doc_id, kinds=("note",))[0]
    old = share_bytes(build_share(a, [doc_id]))
    a.update_annotation(note.uuid, body="第二版")
    import_share(b, share_bytes(build_share(a, [doc_id])), "a")
    assert import_share(b, old, "old").is_empty()
    b_doc = b.import_report(parse_path(SAMPLE)).document_id
    assert b.annotation(note.uuid).body == "第二版" and b.annotation(note.uuid).document_id == b_doc


def test_the_same_moment_written_another_way_is_not_a_conflict(sender):
    a, doc_id = sender
    b = library("李四")
    data = share_bytes(build_share(a, [doc_id], include_report=True))
    import_share(b, data, "a")
    note = a.annotations(doc_id, kinds=("note",))[0]
    b.update_annotation(note.uuid, body="李四改的")
    before = snapshot(b)
    assert import_share(b, data.replace(b"+00:00", b"Z"), "a-with-z").is_empty()
    assert snapshot(b) == before


def test_a_conflict_copy_coming_back_is_not_a_second_note(exchanged):
    a, a_doc, b, note = exchanged
    b.update_annotation(note.uuid, body="李四补充")
    import_share(a, share_bytes(build_share(b, [b.documents()[0].id])), "b")     # a copy on A's side
    import_share(b, share_bytes(build_share(a, [a_doc])), "a")                   # and back again
    assert [n.body for n in b.annotations(b.documents()[0].id, kinds=("note",))].count("李四补充") == 1


def test_a_report_with_form_feeds_exports_and_imports(tmp_path):
    a, b = library("张三"), library("李四")
    raw = "标题\n一、第一部分\n全年办理案件41件。\x0c\n二、第二部分\n\x0c继续推进。\n"
    a_doc = a.import_report(parse_bytes(raw.encode(), "r.txt")).document_id
    text = a.document(a_doc).text
    at = text.index("继续")
    a.add_annotation(a_doc, "note", at, at + 4, body="跟进")
    plan = import_share(b, share_bytes(build_share(a, [a_doc], include_report=True)), "a")
    assert plan.counts()["new"] == 1


def test_a_library_changed_after_the_preview_is_not_overwritten(exchanged):
    a, doc_id, b, note = exchanged
    a.update_annotation(note.uuid, body="张三第二版")
    plan = import_share(b, share_bytes(build_share(a, [doc_id])), "a", dry_run=True)
    b.update_annotation(note.uuid, body="李四刚改的")               # while the preview is open
    with pytest.raises(ShareError) as err:
        apply_import(b, plan)
    assert err.value.code == "share.library_changed"
    assert b.annotation(note.uuid).body == "李四刚改的"


# --- broken and hostile files ----------------------------------------------------------------


def valid_file(sender) -> dict:
    a, doc_id = sender
    return json.loads(share_bytes(build_share(a, [doc_id], include_report=True)))


def _mutate(path, value):
    def apply(doc):
        *parents, last = path
        target = doc
        for key in parents:
            target = target[key]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value
        return doc
    return apply


FIRST = ("first", "items", 0)
BROKEN = {   # case: (change to a valid file, the error's code, some of its arguments)
    "wrong @context": (_mutate(("@context",), "http://example.com/ctx"), "share.not_web_annotation",
                       {"where": Phrase("where.field", path="@context")}),
    "wrong type": (_mutate(("type",), "Collection"), "share.wrong_type", {"expected": "AnnotationCollection"}),
    "unknown version": (_mutate(("report-viewer", "format"), 99), "share.unknown_version", {"version": "99"}),
    "missing items": (_mutate(("first", "items"), KeyError), "share.field_missing",
                      {"where": Phrase("where.field", path="first.items")}),
    "mistyped body": (_mutate((*FIRST, "body", "value"), 42), "share.field_wrong_type",
                      {"expected": Phrase("type.text"), "actual": Phrase("type.number")}),
    "missing creator": (_mutate((*FIRST, "creator"), KeyError), "share.field_missing", {}),
    "bad id": (_mutate((*FIRST, "id"), "note-1"), "share.bad_id",
               {"where": Phrase("where.annotation_field", number=1, path="id")}),
    "bad time": (_mutate((*FIRST, "modified"), "yesterday"), "share.bad_time", {"value": "yesterday"}),
    "negative position": (_mutate((*FIRST, "target", "selector", 1, "start"), -5), "share.impossible_positions",
                          {"start": -5}),
    "non-integer position": (_mutate((*FIRST, "target", "selector", 1, "end"), 3.5), "share.field_wrong_type",
                             {"expected": Phrase("type.whole_number")}),
    "string position": (_mutate((*FIRST, "target", "selector", 1, "end"), "9"), "share.field_wrong_type",
                        {"expected": Phrase("type.whole_number"), "actual": Phrase("type.text")}),
    "control character": (_mutate((*FIRST, "body", "value"), "正常\x07响铃"), "share.forbidden_character",
                          {"character": "U+0007"}),
    "bidi override": (_mutate((*FIRST, "creator", "name"), "\u202eevil"), "share.forbidden_character",
                      {"character": "U+202E"}),
    "bidi override in the report text": (_mutate(("report-viewer", "documents", 0, "text"), "标题\n\u2066正文"),
                                         "share.forbidden_character", {"character": "U+2066"}),
    "huge position": (_mutate((*FIRST, "target", "selector", 1, "end"), 10**20), "share.impossible_positions",
                      {"end": 10**20}),
    "date only": (_mutate((*FIRST, "created"), "2025-01-01"), "share.bad_time", {"value": "2025-01-01"}),
    "html body format": (_mutate((*FIRST, "body", "format"), "text/html"), "share.body_not_plain_text", {}),
    "unknown source": (_mutate((*FIRST, "target", "source"), "urn:sha256:" + "0" * 64), "share.unknown_report", {}),
    "embedded report does not parse": (_mutate(("report-viewer", "documents", 0, "text"), "   \n "),
                                       "share.embedded_report_unparsable", {}),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_file_says_why_and_changes_nothing(sender, case):
    mutate, code, params = BROKEN[case]
    b = library("李四")
    before = snapshot(b)
    with pytest.raises(ShareError) as err:
        import_share(b, json.dumps(mutate(valid_file(sender)), ensure_ascii=False).encode(), "x.rvshare.json")
    assert err.value.code == code and err.value.params["file"] == "x.rvshare.json"
    assert params.items() <= err.value.params.items()
    assert str(err.value).startswith("x.rvshare.json: ") and "\n" not in str(err.value)
    assert render(err.value, "zh").startswith("x.rvshare.json：")
    assert snapshot(b) == before


def test_a_place_inside_an_annotation_is_named_in_either_language(sender):
    doc = _mutate((*FIRST, "target", "selector", 1, "start"), -5)(valid_file(sender))
    with pytest.raises(ShareError) as err:
        read_share(json.dumps(doc).encode(), "x.rvshare.json")
    short_id = doc["first"]["items"][0]["id"].removeprefix("urn:uuid:")[:8]
    assert f"annotation 1 ({short_id}).target.selector[1]: positions -5-" in str(err.value)
    assert f"第 1 条批注（{short_id}）的 target.selector[1]：位置 -5-" in render(err.value, "zh")


def test_a_report_inside_the_file_that_does_not_parse_says_why_in_the_same_language(sender):
    doc = _mutate(("report-viewer", "documents", 0, "text"), "   \n ")(valid_file(sender))
    with pytest.raises(ShareError) as err:
        import_share(library("李四"), json.dumps(doc).encode(), "x.rvshare.json")
    assert err.value.params["reason"].code == "ingest.blank_text"
    assert "has no readable text" in str(err.value)
    assert "没有可读的正文" in render(err.value, "zh") and "readable" not in render(err.value, "zh")


def test_duplicated_ids_within_a_file_are_refused(sender):
    doc = valid_file(sender)
    doc["first"]["items"].append(doc["first"]["items"][0])
    with pytest.raises(ShareError, match="appears twice"):
        read_share(json.dumps(doc).encode(), "dup")


@pytest.mark.parametrize("data,code", [
    (b"this is not json", "share.not_json_at"),
    (b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annota', "share.not_json_at"),
    (b"\xff\xfe\x00garbage", "share.not_utf8"),
    (b"[" * 100_000 + b"]" * 100_000, "share.too_deep"),
    (b'{"a": {"b": NaN}}', "share.not_a_number"),
    (b'{"type": 1, "type": 2}', "share.duplicate_key"),
    (b"[]", "share.not_an_object"),
    (b"1" * 5000, "share.not_json"),
])
def test_files_that_are_not_share_files_get_one_clear_line(data, code):
    with pytest.raises(ShareError) as err:
        read_share(data, "f")
    assert err.value.code == code and err.value.params["file"] == "f"
    assert "\n" not in str(err.value) and "\n" not in render(err.value, "zh")


def test_a_file_over_the_size_limit_is_refused_before_reading():
    with pytest.raises(ShareError, match=f"over the {MAX_FILE_BYTES // 2**20} MB limit") as err:
        read_share(b" " * (100 * 2**20), "big")
    assert err.value.code == "share.too_big" and err.value.params["limit_mb"] == MAX_FILE_BYTES // 2**20


def test_a_million_annotations_is_over_the_count_limit(sender):
    doc = valid_file(sender)
    head = json.dumps(doc)[:-1].rsplit('"first"', 1)[0]
    data = (head + '"first": {"type": "AnnotationPage", "items": [' + ",".join(["{}"] * 1_000_000) + "]}}").encode()
    with pytest.raises(ShareError, match=f"over the limit of {MAX_ANNOTATIONS:,}") as err:
        read_share(data, "many")
    assert err.value.code == "share.too_many_annotations" and err.value.params["count"] == 1_000_000


def test_a_note_body_with_markup_stays_plain_text(sender):
    doc = valid_file(sender)
    evil = '<script>alert(1)</script><a href="file:///etc/passwd">x</a>'
    doc["first"]["items"][0]["body"]["value"] = evil
    b = library("李四")
    import_share(b, json.dumps(doc).encode(), "evil")
    uuid = doc["first"]["items"][0]["id"].removeprefix("urn:uuid:")
    assert b.annotation(uuid).body == evil
