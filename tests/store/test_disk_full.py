"""A full disk during a save (a real SQLITE_FULL: the library may not grow): one StoreError
store.disk_full naming the library, the write rolled back, the library intact, and the same write
done once there is room again."""

import pytest

from tests.conftest import SAMPLE
from tests.full_disk import cap, fill_the_disk, free_space
from viewer.core.errors import StoreError
from viewer.core.messages import render
from viewer.core.report import parse_bytes, parse_path
from viewer.store import LibraryStore

LONG = "今年要加强执法监督，" * 200          # a long note: more than a page of text
OTHER = "另一份报告\n\n一、情况\n\n" + "全年受理案件四十一件。" * 400 + "\n"


@pytest.fixture
def store(tmp_path):
    with LibraryStore(tmp_path / "lib.sqlite3") as s:
        s.doc_id = s.import_report(parse_path(SAMPLE)).document_id
        s.note = s.add_annotation(s.doc_id, "note", 0, 4, body="要点")
        yield s


def refused_as_disk_full(store, write) -> StoreError:
    before = store.dump()
    with pytest.raises(StoreError) as excinfo:
        write()
    assert excinfo.value.code == "store.disk_full"
    assert store.dump() == before and store.integrity_ok()
    for language in ("zh", "en"):
        assert store.path in render(excinfo.value, language)
    return excinfo.value


WRITES = {
    "add a note": lambda s: s.add_annotation(s.doc_id, "note", 10, 20, body=LONG),
    "edit a note's body": lambda s: s.update_annotation(s.note.uuid, body=LONG),
    "add a bookmark": lambda s: s.add_annotation(s.doc_id, "bookmark", 30, 30, body="一、总体情况"),
    "import a report": lambda s: s.import_report(parse_bytes(OTHER.encode("utf-8"), "other.txt")),
}


@pytest.mark.parametrize("what", WRITES)
def test_a_write_on_a_full_disk_is_one_clear_error_and_changes_nothing_and_works_once_there_is_room(store, what):
    fill_the_disk(store)
    error = refused_as_disk_full(store, lambda: WRITES[what](store))
    assert "database or disk is full" in error.params["reason"]
    free_space(store)
    WRITES[what](store)                  # the same save, again: done
    assert store.integrity_ok()


def test_a_full_disk_inside_a_larger_transaction_undoes_all_of_it(store):
    fill_the_disk(store)
    free_space(store)
    before = store.dump()
    cap(store)
    with pytest.raises(StoreError) as excinfo:
        with store.transaction():
            store.update_annotation(store.note.uuid, body="改了")      # fits
            with store.transaction():                                # a nested one that does not
                store.add_annotation(store.doc_id, "note", 10, 20, body=LONG)
    assert excinfo.value.code == "store.disk_full"
    assert store.dump() == before
    assert store.annotation(store.note.uuid).body == "要点"


def test_the_library_can_be_reopened_and_is_whole_after_a_full_disk(store, tmp_path):
    fill_the_disk(store)
    with pytest.raises(StoreError):
        WRITES["import a report"](store)
    doc_id, notes = store.doc_id, [(n.uuid, n.body) for n in store.annotations(store.doc_id)]
    store.close()
    with LibraryStore(tmp_path / "lib.sqlite3") as again:
        assert again.integrity_ok()
        assert [(n.uuid, n.body) for n in again.annotations(doc_id)] == notes
