"""The 回收站 use cases: remove and restore a report, re-import every report, and shares of removed reports."""

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import StoreError
from viewer.core.report import parse_bytes, parse_path
from viewer.core.share import share_bytes
from viewer.services.library import (
    import_file, list_removed, list_reports, reimport_all, remove_report, restore_report,
)
from viewer.services.sharing import build_share, import_share
from viewer.store import LibraryStore

SMALL = "关于2025年工作的报告\n一、总体情况\n全年共办理案件41件，同比增长12.5%。\n二、下一步工作\n继续完善制度，加强监督检查。\n"


@pytest.fixture
def store():
    with LibraryStore(":memory:") as s:
        s.set_setting("author", "张三")
        yield s


@pytest.fixture
def noted(store):
    """The sample imported, with one note on it."""
    doc_id = import_file(store, SAMPLE).document_id
    at = store.document(doc_id).text.index("41件")
    note = store.add_annotation(doc_id, "note", at, at + 3, body="核对这个数字")
    return store, doc_id, note


def test_remove_and_restore_say_what_changed_and_keep_the_notes(noted):
    store, doc_id, note = noted
    removed = remove_report(store, doc_id)
    assert (removed.document_id, removed.changed, removed.annotations) == (doc_id, True, 1)
    assert list_reports(store) == [] and [r.info.id for r in list_removed(store)] == [doc_id]
    assert remove_report(store, doc_id).changed is False
    restored = restore_report(store, doc_id)
    assert (restored.changed, restored.annotations, restored.title) == (True, 1, removed.title)
    assert store.annotations(doc_id) == [note] and list_removed(store) == []


def test_reimport_all_reparses_every_live_report_and_reports_progress(noted):
    store, doc_id, note = noted
    other = store.import_report(parse_bytes(SMALL.encode("utf-8"), "small.txt")).document_id
    trashed = store.import_report(parse_bytes(SMALL.replace("41", "52").encode("utf-8"), "b.txt")).document_id
    store.remove_report(trashed)
    seen = []
    result = reimport_all(store, progress=lambda n, total, title: seen.append((n, total, title)))
    assert [r.document_id for r in result.reimported] == [doc_id, other] and result.failed == ()
    assert seen == [(1, 2, store.document_info(doc_id).title), (2, 2, store.document_info(other).title)]
    assert result.reimported[0].counts()["position"] == 1
    assert [(a.start, a.end, a.body) for a in store.annotations(doc_id)] == [(note.start, note.end, note.body)]
    assert store.is_removed(trashed)


def test_reimport_all_keeps_going_past_a_report_that_no_longer_parses(noted, monkeypatch):
    store, doc_id, _note = noted
    other = store.import_report(parse_bytes(SMALL.encode("utf-8"), "small.txt")).document_id
    store._conn.execute("UPDATE documents SET raw = ? WHERE id = ?", (b"\x00\x01\x02" * 50, doc_id))
    before = store.document(doc_id)
    result = reimport_all(store)
    assert [r.document_id for r in result.reimported] == [other]
    assert [(i, title) for i, title, _exc in result.failed] == [(doc_id, before.title)]
    assert store.document(doc_id) == before


def test_a_share_of_a_removed_report_is_refused(noted):
    store, doc_id, _note = noted
    store.remove_report(doc_id)
    with pytest.raises(StoreError) as excinfo:
        build_share(store, [doc_id])
    assert excinfo.value.code == "store.report_removed"


def test_an_incoming_share_for_a_removed_report_reaches_it_and_its_deletions_hold_after_restore(noted):
    store, doc_id, mine = noted
    with LibraryStore(":memory:") as colleague:
        colleague.set_setting("author", "李四")
        import_share(colleague, share_bytes(build_share(store, [doc_id], include_report=True)), "a")
        theirs = colleague.find_by_fingerprint(store.document(doc_id).fingerprint)
        at = colleague.document(theirs).text.index("41件") + 10
        doomed = colleague.add_annotation(theirs, "note", at, at + 4, body="再议")
        kept = colleague.add_annotation(theirs, "highlight", at + 5, at + 9, colour="blue")
        import_share(store, share_bytes(build_share(colleague, [theirs])), "b")
        assert store.find_annotation(doomed.uuid) is not None
        colleague.set_annotation_deleted(doomed.uuid)
        reply = share_bytes(build_share(colleague, [theirs]))
    store.remove_report(doc_id)
    plan = import_share(store, reply, "c")
    assert plan.counts()["deleted"] == 1
    assert list_reports(store) == [] and store.is_removed(doc_id)
    restore_report(store, doc_id)
    assert {a.uuid for a in store.annotations(doc_id)} == {mine.uuid, kept.uuid}
    assert store.find_annotation(doomed.uuid).deleted


def test_reimport_all_backs_the_library_up_before_touching_any_report(tmp_path):
    from viewer.store.backup import backups
    from viewer.store.settings import LAST_BACKUP

    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        doc_id = import_file(store, SAMPLE).document_id
        store.add_annotation(doc_id, "note", 0, 4, body="要点")
        store.set_setting(LAST_BACKUP, "2999-01-01T00:00:00+00:00")   # the daily one would not be due
        first = reimport_all(store)
        second = reimport_all(store)
    assert first.backup is not None and second.backup is not None and first.backup != second.backup
    assert backups(tmp_path / "lib.sqlite3") == [second.backup, first.backup]
    with LibraryStore(first.backup) as copy:
        assert [a.body for a in copy.annotations(doc_id)] == ["要点"]


def test_reimport_all_reparses_nothing_when_the_backup_cannot_be_written(tmp_path):
    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        doc_id = import_file(store, SAMPLE).document_id
        (tmp_path / "backups").write_text("a file where the folder should be")
        before = store.dump()
        with pytest.raises(StoreError) as excinfo:
            reimport_all(store)
        assert excinfo.value.code == "store.backup_failed" and store.dump() == before
        assert store.document(doc_id).imported_at == store.document(doc_id).imported_at
