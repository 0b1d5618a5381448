"""The store's unit of work: `with store.transaction():` makes writes one, nested blocks join it, a failure
writes nothing; no caller is handed the connection."""

import pytest

from viewer.core.report import parse_bytes
from viewer.store import LibraryStore
from viewer.store.settings import LANGUAGE, ZOOM

SMALL = "关于某项工作的报告\n\n一、总体情况\n\n全年办理案件41件，增长5.2%。\n"


@pytest.fixture
def store():
    with LibraryStore(":memory:") as s:
        s.doc_id = s.import_report(parse_bytes(SMALL.encode(), "r.txt")).document_id
        yield s


def test_writes_in_one_transaction_all_land_together(store):
    with store.transaction() as handle:
        store.set_setting(ZOOM, 2)
        note = store.add_annotation(store.doc_id, "note", 0, 4, body="一")
        store.update_annotation(note.uuid, body="二")
    assert handle is None                     # nothing to reach the connection with
    assert store.get_setting(ZOOM) == 2 and store.annotation(note.uuid).body == "二"


def test_a_failure_inside_leaves_nothing_written(store):
    before = store.dump()
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.set_setting(LANGUAGE, "en")
            store.add_annotation(store.doc_id, "note", 0, 4, body="一")
            store.import_report(parse_bytes("另一份报告\n\n一、情况\n\n内容。\n".encode(), "o.txt"))
            raise RuntimeError("power cut")
    assert store.dump() == before
    assert store.get_setting(LANGUAGE) == "zh" and len(store.documents()) == 1


def test_a_nested_failure_caught_inside_undoes_only_its_own_writes(store):
    with store.transaction():
        kept = store.add_annotation(store.doc_id, "note", 0, 4, body="留下")
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_annotation(store.doc_id, "note", 5, 9, body="撤销")
                raise RuntimeError("inner")
        store.set_setting(ZOOM, 1)
    assert [a.body for a in store.annotations(store.doc_id)] == [kept.body]
    assert store.get_setting(ZOOM) == 1


def test_a_write_method_alone_commits_at_once(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with LibraryStore(path) as store:
        doc_id = store.import_report(parse_bytes(SMALL.encode(), "r.txt")).document_id
        note = store.add_annotation(doc_id, "note", 0, 4)
        with LibraryStore(path) as other:
            assert other.annotation(note.uuid) == note


def test_the_store_hands_out_no_connection():
    with LibraryStore(":memory:") as store:
        public = {name for name in dir(store) if not name.startswith("_")}
        assert not {"conn", "db", "connection", "documents_where"} & public
