"""Annotations in the store: every change committed at once, tombstones, and no loss on a kill."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO, SAMPLE
from viewer.core.errors import StoreError
from viewer.core.report import parse_path
from viewer.store import LibraryStore


@pytest.fixture
def store_with_doc(tmp_path):
    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        doc_id = store.import_report(parse_path(SAMPLE)).document_id
        store.set_setting("author", "张三")
        yield store, doc_id


def test_added_note_keeps_quote_with_32_characters_of_context(store_with_doc):
    store, doc_id = store_with_doc
    text = store.document(doc_id).text
    start = text.index("41件")
    note = store.add_annotation(doc_id, "note", start, start + 3, body="核对")
    assert note.exact == "41件" and note.body == "核对" and note.author == "张三"
    assert note.prefix == text[start - 32:start] and note.suffix == text[start + 3:start + 35]
    assert note.created == note.modified and not note.deleted


def test_every_change_is_visible_to_a_second_connection_at_once(store_with_doc, tmp_path):
    store, doc_id = store_with_doc
    note = store.add_annotation(doc_id, "highlight", 40, 50, colour="yellow")
    other = LibraryStore(store.path)
    try:
        assert other.annotation(note.uuid).colour == "yellow"
        store.update_annotation(note.uuid, colour="blue", body="疑问")
        assert other.annotation(note.uuid).colour == "blue"
        store.set_annotation_deleted(note.uuid)
        assert other.annotations(doc_id) == []
        assert other.annotations(doc_id, include_deleted=True)[0].deleted
    finally:
        other.close()


def test_edit_moves_modified_forward_and_delete_keeps_a_tombstone(store_with_doc):
    store, doc_id = store_with_doc
    note = store.add_annotation(doc_id, "note", 40, 50, body="一")
    edited = store.update_annotation(note.uuid, body="二")
    assert edited.modified > note.modified and edited.created == note.created
    gone = store.set_annotation_deleted(note.uuid)
    assert gone.deleted and gone.body == "二"
    back = store.set_annotation_deleted(note.uuid, False)
    assert not back.deleted and store.annotations(doc_id) == [back]


def test_annotations_list_in_reading_order_and_filter_by_kind(store_with_doc):
    store, doc_id = store_with_doc
    b = store.add_annotation(doc_id, "bookmark", 300, 300, body="二、")
    n = store.add_annotation(doc_id, "note", 100, 110)
    h = store.add_annotation(doc_id, "highlight", 200, 210, colour="green")
    assert [a.uuid for a in store.annotations(doc_id)] == [n.uuid, h.uuid, b.uuid]
    assert [a.uuid for a in store.annotations(doc_id, kinds=("bookmark",))] == [b.uuid]


@pytest.mark.parametrize("start,end,kind", [(-1, 5, "note"), (5, 4, "note"), (5, 5, "note"),
                                            (0, 10**7, "highlight"), (1, 2, "comment")])
def test_bad_spans_and_kinds_are_refused_and_change_nothing(store_with_doc, start, end, kind):
    store, doc_id = store_with_doc
    with pytest.raises(StoreError):
        store.add_annotation(doc_id, kind, start, end)
    assert store.annotations(doc_id, include_deleted=True) == []


WRITER = r"""
import sys
from viewer.store import LibraryStore
store = LibraryStore(sys.argv[1])
doc_id = int(sys.argv[2])
version = 0
uuids = []
while True:
    version += 1
    if version % 3 == 1 or not uuids:
        note = store.add_annotation(doc_id, "note", 100 + version % 50, 120 + version % 50, body=f"v{version}")
        uuids.append(note.uuid)
    else:
        note = store.update_annotation(uuids[version % len(uuids)], body=f"v{version}")
    print(note.uuid, version, flush=True)
"""


def test_sigkill_at_random_moments_loses_no_saved_change(tmp_path):
    db = tmp_path / "lib.sqlite3"
    with LibraryStore(db) as store:
        doc_id = store.import_report(parse_path(SAMPLE)).document_id
    rng = random.Random(20261126)
    saved: dict[str, int] = {}
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for _round in range(20):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(doc_id)],
                                stdout=subprocess.PIPE, text=True, env=env, cwd=REPO)
        first = proc.stdout.readline()          # the writer is up and has saved once
        assert first, "writer did not start"
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        for line in (first + out).splitlines():
            if len(line.split()) != 2:
                continue        # the kill cut this line short: its save returned, the print did not
            uuid, version = line.split()
            saved[uuid] = max(saved.get(uuid, 0), int(version))
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {u: int(b[1:]) for u, b in conn.execute("SELECT uuid, body FROM annotations")}
        finally:
            conn.close()
        for uuid, version in saved.items():
            assert uuid in stored, f"round {_round}: saved note {uuid} lost"
            assert stored[uuid] >= version, f"round {_round}: edit v{version} of {uuid} lost"
    assert len(saved) > 20


def test_two_processes_writing_one_library_both_succeed(tmp_path):
    db = tmp_path / "lib.sqlite3"
    with LibraryStore(db) as store:
        doc_id = store.import_report(parse_path(SAMPLE)).document_id
    script = ("import sys\nfrom viewer.store import LibraryStore\ns = LibraryStore(sys.argv[1])\n"
              "for i in range(60):\n    s.add_annotation(int(sys.argv[2]), 'note', 10, 20, body=str(i))\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [subprocess.Popen([sys.executable, "-c", script, str(db), str(doc_id)], env=env, cwd=REPO,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with LibraryStore(db) as store:
        assert len(store.annotations(doc_id)) == 120
        assert store.integrity_ok()


def test_a_library_locked_too_long_says_so_and_changes_nothing(store_with_doc):
    _store, doc_id = store_with_doc
    store = LibraryStore(_store.path, busy_timeout_ms=100)
    blocker = sqlite3.connect(store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as excinfo:
            store.add_annotation(doc_id, "note", 10, 20)
        assert excinfo.value.code == "store.busy"
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.annotations(doc_id) == []
    store.close()


def test_reimport_with_changed_text_moves_notes_by_quote_and_keeps_orphans(store_with_doc):
    from viewer.core.report import parse_bytes

    store, doc_id = store_with_doc
    text = store.document(doc_id).text
    a = text.index("全年共调解矛盾纠纷6085件")
    kept = store.add_annotation(doc_id, "note", a, a + len("全年共调解矛盾纠纷6085件"), body="调解数")
    b = text.index("专职调解员增至133名")
    orphan = store.add_annotation(doc_id, "highlight", b, b + len("专职调解员增至133名"), colour="yellow")
    head, rest = text.split("\n", 1)
    changed = head + "\n\n（此处新增一段说明文字。）\n" + rest.replace("专职调解员增至133名", "另有若干人员")
    moved = dict((n.uuid, how) for n, how in store.replace_report(doc_id, parse_bytes(changed.encode(), "r.txt")))
    new_text = store.document(doc_id).text
    note = store.annotation(kept.uuid)
    assert moved[kept.uuid] == "exact" and new_text[note.start:note.end] == "全年共调解矛盾纠纷6085件"
    assert moved[orphan.uuid] == "unplaced" and store.annotation(orphan.uuid).unplaced
    assert store.annotation(orphan.uuid).exact == "专职调解员增至133名"
    assert len(store.annotations(doc_id)) == 2
