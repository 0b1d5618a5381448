"""The session's catalogue writes: one signal of what changed, heard by every session on the library."""

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import ReportViewerError
from viewer.ui.session import ReportSession


@pytest.fixture
def two_sessions(qtbot, store):
    first, second = ReportSession(store), ReportSession(store)
    doc_id = first.import_file(SAMPLE).document_id
    second.open_document(doc_id)
    heard = {"first": [], "second": []}
    first.catalogueChanged.connect(heard["first"].append)
    second.catalogueChanged.connect(heard["second"].append)
    return first, second, doc_id, heard


def test_rename_is_announced_to_every_session_and_the_one_showing_it_takes_the_title(two_sessions):
    first, second, doc_id, heard = two_sessions
    change = first.rename_report(doc_id, "  渝中区 2020 年报告 ")
    assert change.document_ids == {doc_id} and change.what == "renamed"
    assert heard["first"] == heard["second"] == [change]
    assert second.title == "渝中区 2020 年报告" and first.store.document_info(doc_id).title == "渝中区 2020 年报告"


def test_a_blank_title_raises_and_announces_nothing(two_sessions):
    first, second, doc_id, heard = two_sessions
    with pytest.raises(ReportViewerError) as raised:
        first.rename_report(doc_id, " \t ")
    assert raised.value.code == "library.empty_title"
    assert heard["first"] == [] and second.title.startswith("重庆市渝中区")


def test_remove_and_restore_are_announced_and_keep_the_notes(two_sessions):
    first, second, doc_id, heard = two_sessions
    note = second.add_annotation("note", 0, 4, body="核对")
    removed = first.remove_report(doc_id)
    assert removed.changed and first.store.is_removed(doc_id)
    assert [(c.document_ids, c.what) for c in heard["second"]] == [({doc_id}, "removed")]
    assert first.remove_report(doc_id).changed is False and len(heard["second"]) == 1   # already there: no news
    first.restore_report(doc_id)
    assert [c.what for c in heard["second"]] == ["removed", "restored"]
    assert first.store.annotations(doc_id) == [note]


def test_a_new_import_is_announced_and_one_already_there_is_not(two_sessions, tmp_path):
    first, _second, _doc_id, heard = two_sessions
    other = tmp_path / "other.txt"
    other.write_text("某市人民政府关于做好防汛工作的通知\n一、总体要求\n做好准备。\n", encoding="utf-8")
    result = first.import_file(other)
    assert [(c.document_ids, c.what) for c in heard["second"]] == [({result.document_id}, "imported")]
    first.import_file(other)
    assert len(heard["second"]) == 1
