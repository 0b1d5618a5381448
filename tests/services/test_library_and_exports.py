"""The library and export use cases: import a file, re-import a report, list; export annotations and figures."""

import json

import pytest

from tests.conftest import SAMPLE
from viewer.core.errors import ReportViewerError
from viewer.core.export import figures_csv
from viewer.core.report import parse_path
from viewer.services.exports import export_annotations, export_figures_csv, saved_colour_names
from viewer.services.library import import_file, list_reports, reimport
from viewer.store import LibraryStore
from viewer.store.settings import HIGHLIGHT_NAMES


@pytest.fixture
def store():
    with LibraryStore(":memory:") as s:
        yield s


def test_importing_a_file_returns_the_new_report_and_again_returns_it_unchanged(store):
    first = import_file(store, SAMPLE)
    again = import_file(store, SAMPLE)
    assert first.created and not again.created and again.document_id == first.document_id
    assert [d.id for d in list_reports(store)] == [first.document_id]
    assert first.sections == store.document_info(first.document_id).sections > 0


def test_a_file_that_does_not_read_is_refused_and_adds_nothing(store, tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    before = store.dump()
    with pytest.raises(ReportViewerError):
        import_file(store, bad)
    assert store.dump() == before


def test_a_reimport_returns_how_each_annotation_was_placed(store):
    doc_id = import_file(store, SAMPLE).document_id
    text = store.document(doc_id).text
    at = text.index("41件")
    note = store.add_annotation(doc_id, "note", at, at + 3, body="核对")
    result = reimport(store, doc_id)
    assert [(ann.uuid, how) for ann, how in result.moved] == [(note.uuid, "position")]
    assert result.counts() == {"position": 1, "exact": 0, "fuzzy": 0, "unplaced": 0}
    assert result.sections == store.document_info(doc_id).sections


def test_exports_of_a_stored_report_carry_its_notes_in_every_format(store):
    doc_id = import_file(store, SAMPLE).document_id
    at = store.document(doc_id).text.index("41件")
    store.add_annotation(doc_id, "highlight", at, at + 3, colour="yellow", author="张三")
    store.set_setting(HIGHLIGHT_NAMES, {"yellow": "必读"})
    names = saved_colour_names(store)
    assert names["yellow"] == "必读" and names["blue"] == "疑问"
    assert "必读" in export_annotations(store, doc_id, "md", names).decode("utf-8")
    assert "必读" in export_annotations(store, doc_id, "html", names).decode("utf-8")
    assert "必读" in export_annotations(store, doc_id, "csv", names).decode("utf-8-sig")
    (item,) = json.loads(export_annotations(store, doc_id, "jsonld", names))["first"]["items"]
    assert item["motivation"] == "highlighting"
    with pytest.raises(ValueError):
        export_annotations(store, doc_id, "pdf", names)


def test_the_figures_csv_of_a_stored_report_is_that_of_its_parse(store):
    doc_id = import_file(store, SAMPLE).document_id
    report = parse_path(SAMPLE)
    assert export_figures_csv(store, doc_id) == figures_csv(report.figures, report.sections)
