"""The 回收站 (trash) in the store: a removed report leaves every listing, keeps its notes, and comes back."""

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.errors import StoreError
from viewer.core.report import parse_bytes
from viewer.store import SCHEMA_VERSION, LibraryStore

SMALL = "关于2025年工作的报告\n一、总体情况\n全年共办理案件41件，同比增长12.5%。\n二、下一步工作\n继续完善制度，加强监督检查。\n"
OTHER = "关于2024年工作的报告\n一、总体情况\n全年共办理案件30件。\n"


@pytest.fixture
def store():
    with LibraryStore(":memory:") as s:
        yield s


@pytest.fixture
def two(store, tmp_path):
    """A library with two reports (the first imported from small.txt) and two notes on the first, one deleted."""
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    first = store.import_report(parse_bytes(SMALL.encode("utf-8"), "small.txt"), source_path=path).document_id
    second = store.import_report(parse_bytes(OTHER.encode("utf-8"), "other.txt")).document_id
    text = store.document(first).text
    at = text.index("41件")
    store.add_annotation(first, "note", at, at + 3, body="核对这个数字")
    gone = store.add_annotation(first, "note", 0, 4, body="作废")
    store.set_annotation_deleted(gone.uuid)
    return store, first, second, path


def test_migration_7_adds_removed_at_and_every_existing_report_stays_in_the_library(tmp_path, monkeypatch):
    import viewer.store.library as store_module
    from viewer.store import migrations

    path = tmp_path / "lib.sqlite3"
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 6)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:6])
    with LibraryStore(path) as old:
        doc_id = old.import_report(parse_bytes(SMALL.encode("utf-8"), "small.txt")).document_id
        assert old.schema_version() == 6
    monkeypatch.undo()
    assert store_module.migrations.SCHEMA_VERSION == SCHEMA_VERSION >= 7
    with LibraryStore(path) as new:
        assert 7 in new.applied_migrations()
        assert [d.id for d in new.documents()] == [doc_id] and new.removed_documents() == []
        assert not new.is_removed(doc_id)
    columns = [row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(documents)")]
    assert "removed_at" in columns


def test_a_removed_report_leaves_every_listing_and_resolve(two):
    store, first, second, path = two
    assert store.remove_report(first) is True
    assert [d.id for d in store.documents()] == [second]
    assert store.documents_titled("关于2025年工作的报告") == []
    assert [d.id for d in store.documents_titled("关于2025年工作的报告", include_removed=True)] == [first]
    assert store.documents_imported_from(path) == []
    assert store.search_documents("办理案件41") == []
    with pytest.raises(StoreError) as by_id:
        store.resolve_document(str(first))
    assert by_id.value.code == "store.report_removed"
    with pytest.raises(StoreError) as by_path:
        store.resolve_document(str(path))
    assert by_path.value.code == "store.not_in_library"


def test_the_trash_lists_a_removed_report_with_its_time_and_live_notes(two):
    store, first, _second, _path = two
    store.remove_report(first)
    [removed] = store.removed_documents()
    assert removed.info.id == first and removed.info.title == "关于2025年工作的报告"
    assert removed.removed_at and removed.annotations == 1
    assert removed.to_dict()["removed_at"] == removed.removed_at


def test_removing_and_restoring_leave_the_notes_and_tombstones_exactly_as_they_were(two):
    store, first, second, _path = two
    before = store.annotations(first, include_deleted=True)
    store.remove_report(first)
    assert store.annotations(first, include_deleted=True) == before
    assert store.restore_report(first) is True
    assert store.annotations(first, include_deleted=True) == before
    assert [d.id for d in store.documents()] == [first, second] and store.removed_documents() == []


def test_removing_twice_or_restoring_a_live_report_changes_nothing(two):
    store, first, _second, _path = two
    live = store.dump()
    assert store.restore_report(first) is False
    assert store.dump() == live
    store.remove_report(first)
    removed = store.dump()
    assert store.remove_report(first) is False
    assert store.dump() == removed


def test_an_unknown_id_is_refused_and_changes_nothing(two):
    store = two[0]
    before = store.dump()
    for change in (store.remove_report, store.restore_report):
        with pytest.raises(StoreError) as excinfo:
            change(999)
        assert excinfo.value.code == "store.no_such_id"
    assert store.dump() == before


def test_a_failed_removal_rolls_back(two, monkeypatch):
    store, first, _second, _path = two
    before = store.dump()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.remove_report(first)
            raise RuntimeError("interrupted")
    assert store.dump() == before and not store.is_removed(first)


def test_importing_a_report_that_is_in_the_trash_restores_it_with_its_notes(two):
    store, first, _second, _path = two
    notes = store.annotations(first, include_deleted=True)
    store.remove_report(first)
    result = store.import_report(parse_bytes(SMALL.encode("utf-8"), "again.txt"))
    assert (result.document_id, result.created, result.restored) == (first, False, True)
    assert not store.is_removed(first) and store.annotations(first, include_deleted=True) == notes
    again = store.import_report(parse_bytes(SMALL.encode("utf-8"), "again.txt"))
    assert (again.created, again.restored) == (False, False)


@settings(max_examples=40, deadline=None)
@given(steps=st.lists(st.tuples(st.sampled_from(["remove", "restore"]), st.integers(0, 2)), max_size=12))
def test_any_sequence_of_removes_and_restores_keeps_every_note_and_lists_exactly_the_live_reports(steps):
    with LibraryStore(":memory:") as store:
        ids = [store.import_report(parse_bytes(f"{SMALL}第{n}份\n".encode("utf-8"), f"{n}.txt")).document_id
               for n in range(3)]
        assert len(set(ids)) == 3
        for doc_id in ids:
            store.add_annotation(doc_id, "note", 0, 4, body=f"批注{doc_id}")
        notes = {doc_id: store.annotations(doc_id, include_deleted=True) for doc_id in ids}
        removed: set[int] = set()
        for action, index in steps:
            doc_id = ids[index]
            if action == "remove":
                assert store.remove_report(doc_id) is (doc_id not in removed)
                removed.add(doc_id)
            else:
                assert store.restore_report(doc_id) is (doc_id in removed)
                removed.discard(doc_id)
        assert [d.id for d in store.documents()] == [i for i in ids if i not in removed]
        assert {r.info.id for r in store.removed_documents()} == removed
        assert {doc_id: store.annotations(doc_id, include_deleted=True) for doc_id in ids} == notes
