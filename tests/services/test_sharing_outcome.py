"""apply_import says what it changed (annotations added and updated, by report) and, failing, writes nothing."""

import pytest

from tests.services.test_sharing import SMALL, library, sender  # noqa: F401 (sender: a fixture)
from viewer.core.report import parse_bytes
from viewer.core.share import read_share, share_bytes
from viewer.services.sharing import apply_import, build_share, plan_import


def share_of(store, doc_id, **options):
    return read_share(share_bytes(build_share(store, [doc_id], **options)), "a.rvshare.json")


def test_a_first_import_reports_every_annotation_written_as_added_to_the_new_report(sender):
    a, doc_id = sender
    b = library("李四")
    outcome = apply_import(b, plan_import(b, share_of(a, doc_id, include_report=True), "a"))
    (new_doc,) = outcome.new_document_ids
    sent = {ann.uuid for ann in a.annotations(doc_id, include_deleted=True)}
    assert {ann.uuid for ann in outcome.changes.added} == sent
    assert outcome.changes.updated == () and outcome.changes.documents == (new_doc,)
    assert {ann.uuid for ann in b.annotations(new_doc, include_deleted=True)} == sent
    assert outcome.counts["new"] == 3


def test_an_edit_from_the_sender_is_reported_as_updated(sender):
    a, doc_id = sender
    b = library("李四")
    apply_import(b, plan_import(b, share_of(a, doc_id, include_report=True), "a"))
    note = a.annotations(doc_id, kinds=("note",))[0]
    a.update_annotation(note.uuid, body="已核对")
    outcome = apply_import(b, plan_import(b, share_of(a, doc_id), "a"))
    assert [ann.uuid for ann in outcome.changes.updated] == [note.uuid]
    assert outcome.changes.updated[0].body == "已核对" and outcome.changes.added == ()
    assert outcome.changes.documents == (b.documents()[0].id,)


def test_the_same_file_again_changes_nothing_and_says_so(sender):
    a, doc_id = sender
    b = library("李四")
    share = share_of(a, doc_id, include_report=True)
    apply_import(b, plan_import(b, share, "a"))
    outcome = apply_import(b, plan_import(b, share, "a"))
    assert not outcome.changes and outcome.new_document_ids == ()


def test_annotations_waiting_for_a_report_are_reported_when_the_file_brings_it(sender):
    a, doc_id = sender
    b = library("李四")
    apply_import(b, plan_import(b, share_of(a, doc_id), "a"))            # no report: they wait
    assert b.pending_annotations() and b.documents() == []
    outcome = apply_import(b, plan_import(b, share_of(a, doc_id, include_report=True), "a"))
    assert b.pending_annotations() == []
    live = {ann.uuid for ann in a.annotations(doc_id)}
    assert live <= {ann.uuid for ann in outcome.changes.added}
    assert outcome.changes.documents == outcome.new_document_ids


def test_a_failure_while_applying_leaves_the_library_as_it_was(sender, monkeypatch):
    a, doc_id = sender
    b = library("李四")
    b.import_report(parse_bytes(SMALL.encode(), "r.txt"))
    before = b.dump()
    plan = plan_import(b, share_of(a, doc_id, include_report=True), "a")
    written = []

    def write_then_fail(records):
        records = list(records)
        type(b).write_annotations(b, records)          # the report and these rows are in ...
        written.extend(records)
        assert b.find_annotation(records[0].uuid) is not None
        raise OSError("disk full")                     # ... when the next step fails

    monkeypatch.setattr(b, "write_annotations", write_then_fail)
    with pytest.raises(OSError):
        apply_import(b, plan)
    assert written and b.dump() == before
