"""The annotation use cases: each one commits at once and says exactly what it changed."""

from dataclasses import replace

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import StoreError
from viewer.core.report import parse_bytes, parse_path
from viewer.core.share import read_share, share_bytes
from viewer.services.sharing import apply_import, build_share, plan_import
from viewer.services import annotations as service
from viewer.services.changes import AnnotationChanges
from viewer.store import LibraryStore


@pytest.fixture
def library(tmp_path):
    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        store.set_setting("author", "张三")
        doc_id = store.import_report(parse_path(SAMPLE)).document_id
        yield store, doc_id


def span_of(store, doc_id, fragment):
    start = store.document(doc_id).text.index(fragment)
    return start, start + len(fragment)


def test_add_returns_the_new_annotation_as_stored_and_its_report(library):
    store, doc_id = library
    changes = service.add_annotation(store, doc_id, "note", *span_of(store, doc_id, "41件"), body="核对")
    (note,) = changes.added
    assert changes.updated == () and changes.removed == () and changes.documents == (doc_id,)
    assert store.annotation(note.uuid) == note and note.body == "核对" and note.exact == "41件"


def test_a_span_outside_the_text_changes_nothing(library):
    store, doc_id = library
    with pytest.raises(StoreError):
        service.add_annotation(store, doc_id, "note", 10, 10 ** 9)
    assert store.annotations(doc_id, include_deleted=True) == []


def test_update_returns_the_edited_annotation_and_nothing_when_unchanged(library):
    store, doc_id = library
    note = service.add_annotation(store, doc_id, "highlight", 40, 50, colour="yellow").added[0]
    changes = service.update_annotation(store, note.uuid, body="说明", colour="pink")
    assert [(a.uuid, a.body, a.colour) for a in changes.updated] == [(note.uuid, "说明", "pink")]
    assert changes.updated[0] == store.annotation(note.uuid) and changes.documents == (doc_id,)
    again = service.update_annotation(store, note.uuid, body="说明")
    assert not again and again == AnnotationChanges()
    assert store.annotation(note.uuid).modified == changes.updated[0].modified


def test_delete_and_restore_are_updates_of_the_tombstone(library):
    store, doc_id = library
    note = service.add_annotation(store, doc_id, "bookmark", 30, 30, body="读到这里").added[0]
    deleted = service.delete_annotation(store, note.uuid)
    assert [a.deleted for a in deleted.updated] == [True] and store.annotations(doc_id) == []
    restored = service.restore_annotation(store, note.uuid)
    assert [a.deleted for a in restored.updated] == [False]
    assert store.annotations(doc_id) == list(restored.updated)


def test_an_unknown_annotation_is_a_store_error(library):
    store, _doc_id = library
    for use_case in (service.delete_annotation, service.restore_annotation, service.update_annotation):
        with pytest.raises(StoreError):
            use_case(store, "no-such-uuid")


def test_a_share_import_reports_new_and_updated_annotations(library, tmp_path):
    store, doc_id = library
    with LibraryStore(tmp_path / "other.sqlite3") as other:
        other.set_setting("author", "李四")
        theirs = other.import_report(parse_path(SAMPLE)).document_id
        sent = other.add_annotation(theirs, "note", *span_of(other, theirs, "41件"), body="对方的批注")
        data = share_bytes(build_share(other, [theirs]))
        outcome = apply_import(store, plan_import(store, read_share(data, "a"), "a"))
        changes = outcome.changes
        assert outcome.counts["new"] == 1 and outcome.new_document_ids == ()
        assert [(a.uuid, a.body, a.document_id) for a in changes.added] == [(sent.uuid, "对方的批注", doc_id)]
        assert changes.updated == () and changes.documents == (doc_id,)
        assert changes.added[0] == store.annotation(sent.uuid)
        other.update_annotation(sent.uuid, body="对方改过")
        data = share_bytes(build_share(other, [theirs]))
        _outcome = apply_import(store, plan_import(store, read_share(data, "b"), "b"))
        changes = _outcome.changes
        assert changes.added == () and [a.body for a in changes.updated] == ["对方改过"]


def test_changes_in_keeps_only_one_reports_annotations(library):
    store, doc_id = library
    note = service.add_annotation(store, doc_id, "note", 40, 50).added[0]
    elsewhere = replace(note, uuid="x", document_id=doc_id + 1)
    both = AnnotationChanges(added=(note,), updated=(elsewhere,), documents=(doc_id, doc_id + 1))
    assert service.changes_in(both, doc_id) == AnnotationChanges(added=(note,), documents=(doc_id,))
    assert service.changes_in(both, doc_id + 1).updated == (elsewhere,)
    assert not service.changes_in(both, doc_id + 2) and not service.changes_in(both, None)


def test_merged_changes_keep_each_report_once(library):
    store, doc_id = library
    first = service.add_annotation(store, doc_id, "note", 40, 50)
    second = service.delete_annotation(store, first.added[0].uuid)
    merged = first.merged(second)
    assert merged.added == first.added and merged.updated == second.updated and merged.documents == (doc_id,)


def test_a_share_import_bringing_its_report_names_the_new_report(library, tmp_path):
    store, _doc_id = library
    with LibraryStore(tmp_path / "other.sqlite3") as other:
        other.set_setting("author", "李四")
        report = parse_bytes("另一份报告\n\n一、总体情况\n全年办理案件12件。\n".encode(), "other.txt")
        theirs = other.import_report(report).document_id
        other.add_annotation(theirs, "bookmark", 5, 5, body="他们的书签")
        data = share_bytes(build_share(other, [theirs], include_report=True))
    outcome = apply_import(store, plan_import(store, read_share(data, "c"), "c"))
    changes = outcome.changes
    (new_doc,) = outcome.new_document_ids
    assert [(a.body, a.document_id) for a in changes.added] == [("他们的书签", new_doc)]
    assert changes.documents == (new_doc,) and store.annotations(new_doc) == list(changes.added)
