"""Sharing use cases: write a share file of some reports, plan an import of one, apply it in one transaction.

    data = share_bytes(build_share(store, [1], include_report=True))
    plan = plan_import(store, read_share(data, "a.rvshare.json"), "a.rvshare.json")
    outcome = apply_import(store, plan)          # outcome.changes: the annotations written
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from viewer.core.errors import ShareError, StoreError
from viewer.core.model import Annotation
from viewer.core.share import (
    ONLY_CHOICES, ImportPlan, KnownReport, ShareFile, is_stale, plan_merge, planned_writes, read_share,
    share_collection,
)
from viewer.services.changes import AnnotationChanges

if TYPE_CHECKING:
    from viewer.store import LibraryStore


def build_share(store: "LibraryStore", doc_ids: Sequence[int], *, only: str = "all",
                include_report: bool = False, include_deleted: bool = True) -> dict:
    """The share collection of some reports' annotations (tombstones included), as a JSON-able dict.

        data = build_share(store, [1], only="bookmarks", include_report=True)
        Path("批注.rvshare.json").write_bytes(share_bytes(data))
    """
    kinds = ONLY_CHOICES[only]
    for doc_id in doc_ids:                  # a report in the 回收站 is not shared until it is restored
        if store.is_removed(doc_id):
            raise StoreError("store.report_removed", id=doc_id, title=store.document_info(doc_id).title)
    reports = [(store.document(doc_id), store.annotations(doc_id, include_deleted=include_deleted, kinds=kinds))
               for doc_id in doc_ids]
    return share_collection(reports, include_report=include_report)


class StoreFacts:
    """The library as the merge rules see it (viewer.core.share.LibraryFacts), answered from the store."""

    def __init__(self, store: "LibraryStore"):
        self.store = store

    def _known(self, doc_id: int) -> KnownReport:
        doc = self.store.document(doc_id)
        return KnownReport(doc.id, doc.title, doc.text)

    def report_with_fingerprint(self, fingerprint: str) -> KnownReport | None:
        doc_id = self.store.find_by_fingerprint(fingerprint)
        return None if doc_id is None else self._known(doc_id)

    def reports_titled(self, title: str) -> list[KnownReport]:
        # (those in the 回收站 too: a share for a removed report still reaches it and its notes)
        return [self._known(info.id) for info in self.store.documents_titled(title, include_removed=True)]

    def annotation(self, uuid: str) -> Annotation | None:
        return self.store.find_annotation(uuid)

    def live_annotations(self, doc_id: int) -> list[Annotation]:
        return self.store.annotations(doc_id)

    def pending_annotation(self, uuid: str) -> Annotation | None:
        return self.store.pending_annotation(uuid)


def plan_import(store: "LibraryStore", share: ShareFile, source_name: str = "share file") -> ImportPlan:
    """Work out, without writing, what importing a validated share file does to the library.

        plan = plan_import(store, read_share(data, name), name)
        print(plan.summary()); apply_import(store, plan)
    """
    return plan_merge(StoreFacts(store), share, source_name)


@dataclass(frozen=True)
class ImportOutcome:
    """What apply_import wrote: counts per action, the ids of reports it added, the annotations it changed."""

    counts: dict[str, int]
    new_document_ids: tuple[int, ...]
    changes: AnnotationChanges = field(default_factory=AnnotationChanges)


def apply_import(store: "LibraryStore", plan: ImportPlan) -> ImportOutcome:
    """Carry out a plan in one transaction: reports first, then annotations and pending ones.

    If the library changed since the plan was made (a note edited, the report imported meanwhile),
    nothing is written and ShareError asks for a fresh preview.
    """
    written: dict[str, tuple[Annotation, bool]] = {}     # uuid -> (last version written, was it new)

    def wrote(record: Annotation, new: bool) -> None:
        written[record.uuid] = (record, written[record.uuid][1] if record.uuid in written else new)

    with store.transaction():
        if is_stale(StoreFacts(store), plan):
            raise ShareError("share.library_changed", file=plan.source_name)
        new_ids = [store.insert_report(report)[0] for report in plan.new_reports]
        writes = planned_writes(plan, new_ids)
        for fingerprint, title, record in writes.pending:
            store.write_pending(fingerprint, title, record)
        store.write_annotations(writes.annotations)
        for record in writes.annotations:
            wrote(record, record.uuid in writes.new_uuids)
        for doc_id, report in zip(new_ids, plan.new_reports):
            attached, refreshed = store.attach_pending(doc_id, report.fingerprint, report.title, report.text)
            for record in attached:
                wrote(record, True)
            for record in refreshed:
                wrote(record, False)
    changes = AnnotationChanges(
        added=tuple(record for record, new in written.values() if new),
        updated=tuple(record for record, new in written.values() if not new),
        documents=tuple(dict.fromkeys(record.document_id for record, _new in written.values())))
    return ImportOutcome(plan.counts(), tuple(new_ids), changes)


def import_share(store: "LibraryStore", data: bytes | ShareFile, name: str, *, dry_run: bool = False) -> ImportPlan:
    """Read (unless already read), plan and (unless dry_run) apply a share file; the plan says what happened."""
    share = data if isinstance(data, ShareFile) else read_share(data, name)
    plan = plan_import(store, share, name)
    if not dry_run:
        apply_import(store, plan)
    return plan
