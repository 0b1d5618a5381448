"""Opening a report in the app records when it was opened (the 书库's last-opened column), best effort."""

from tests.conftest import SAMPLE
from viewer.core.errors import StoreError
from viewer.core.report import parse_path
from viewer.services import catalogue
from viewer.store import LibraryStore
from viewer.ui.session import ReportSession


def test_opening_a_report_records_when_it_was_opened(qapp):
    with LibraryStore() as store:
        doc_id = store.import_report(parse_path(SAMPLE)).document_id
        session = ReportSession(store)
        assert catalogue.entry(store, doc_id).last_opened_at is None
        session.open_document(doc_id)
        assert catalogue.entry(store, doc_id).last_opened_at is not None


def test_a_busy_library_does_not_stop_the_report_opening(qapp, monkeypatch):
    with LibraryStore() as store:
        doc_id = store.import_report(parse_path(SAMPLE)).document_id
        session = ReportSession(store)
        failed = []
        session.writeFailed.connect(failed.append)

        def busy(*_args):
            raise StoreError("store.busy", path="lib.sqlite3", seconds=5)

        monkeypatch.setattr(store, "mark_opened", busy)
        session.open_document(doc_id)
        assert session.doc_id == doc_id and [e.code for e in failed] == ["store.busy"]
