"""Planning a share file's import against what the library holds (the merge rules), and the writes it makes.

The library is seen only through LibraryFacts: the few look-ups the rules need, which the
sharing service answers from the store.
"""

from __future__ import annotations

import uuid as uuid_module
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol, Sequence

from viewer.core.anchors import quotes_match
from viewer.core.errors import Phrase, ReportViewerError, ShareError
from viewer.core.model import Annotation
from viewer.core.share.reader import ShareFile, SharedDocument, moment

if TYPE_CHECKING:
    from viewer.core.model import Report

ACTIONS = ("new", "updated", "unchanged", "deleted", "unplaced", "conflict", "pending")
_COPY_NAMESPACE = uuid_module.UUID("6f1c1f3e-4b0a-4e57-9a53-7f1d0c2b8e11")


@dataclass(frozen=True)
class KnownReport:
    """A report the library holds: its id, title and text."""

    id: int
    title: str
    text: str


class LibraryFacts(Protocol):
    """What planning an import needs to know of the library."""

    def report_with_fingerprint(self, fingerprint: str) -> KnownReport | None: ...

    def reports_titled(self, title: str) -> Sequence[KnownReport]: ...

    def annotation(self, uuid: str) -> Annotation | None: ...

    def live_annotations(self, doc_id: int) -> Sequence[Annotation]: ...

    def pending_annotation(self, uuid: str) -> Annotation | None: ...


@dataclass
class PlannedChange:
    """What importing one shared annotation does: `writes` go to the library, `pending` waits."""

    action: str                 # one of ACTIONS
    incoming: Annotation
    title: str                  # the report it belongs to
    detail: Phrase | None = None  # what it does, when the action alone does not say (messages.render)
    writes: list[Annotation] = field(default_factory=list)
    pending: tuple[str, str] | None = None       # (fingerprint, title) while its report is missing
    new_report: int | None = None                # index into ImportPlan.new_reports for its report
    seen_modified: str | None = None             # the local version's `modified` when planned

    def changes_library(self) -> bool:
        return bool(self.writes) or self.pending is not None


@dataclass
class ImportPlan:
    """Everything an import will do, shown before it is applied (the preview and --dry-run)."""

    source_name: str
    changes: list[PlannedChange]
    new_reports: list["Report"]                  # embedded reports the library lacks

    def counts(self) -> dict[str, int]:
        counted = Counter(change.action for change in self.changes)
        return {action: counted.get(action, 0) for action in ACTIONS}

    def is_empty(self) -> bool:
        """True when applying would write nothing at all (the same file imported again)."""
        return not self.new_reports and not any(c.changes_library() for c in self.changes)

    def summary(self) -> str:
        """One line: `2 new, 1 updated, 0 unchanged, …; 1 report added`."""
        counts = ", ".join(f"{n} {action}" for action, n in self.counts().items())
        reports = f"; {len(self.new_reports)} report(s) added" if self.new_reports else ""
        return counts + reports


@dataclass(frozen=True)
class PlannedWrites:
    """The rows applying a plan writes once its new reports have ids: annotations, then pending ones."""

    annotations: tuple[Annotation, ...]
    pending: tuple[tuple[str, str, Annotation], ...]     # (fingerprint, title, annotation)
    new_uuids: frozenset[str] = frozenset()             # the annotations not in the library when planned


def plan_merge(library: LibraryFacts, share: ShareFile, source_name: str = "share file") -> ImportPlan:
    """Work out, without writing, what importing a validated share file does to the library."""
    quotes: dict[str, list[str]] = {}
    for fingerprint, ann in share.annotations:
        quotes.setdefault(fingerprint, []).append(ann.exact)
    texts: dict[str, tuple[int | None, str, str | None]] = {}   # fingerprint -> (doc id, title, text)
    new_reports: list[Report] = []
    for doc in share.documents:
        texts[doc.fingerprint] = _resolve_document(library, doc, quotes.get(doc.fingerprint, []),
                                                   new_reports, source_name)
    twins: dict[int, set[tuple]] = {}           # per report: what its live annotations say, where
    changes = []
    for fingerprint, incoming in share.annotations:
        doc_id, title, text = texts[fingerprint]
        if text is None:
            changes.append(_plan_pending(library, incoming, fingerprint, title))
            continue
        if doc_id is not None and doc_id not in twins:
            twins[doc_id] = {_twin_key(a) for a in library.live_annotations(doc_id)}
        local = library.annotation(incoming.uuid)
        change = _plan_one(library, local, incoming, doc_id or 0, title, text, twins.get(doc_id, set()))
        change.seen_modified = local.modified if local is not None else None
        if doc_id is None:
            change.new_report = next(i for i, r in enumerate(new_reports) if r.text is text)
        changes.append(change)
    return ImportPlan(source_name, changes, new_reports)


def is_stale(library: LibraryFacts, plan: ImportPlan) -> bool:
    """True when the library changed since the plan was made (a note edited, a report imported meanwhile)."""
    if any(library.report_with_fingerprint(r.fingerprint) is not None for r in plan.new_reports):
        return True
    for change in plan.changes:
        if change.writes:
            now = library.annotation(change.incoming.uuid)
            if (now.modified if now is not None else None) != change.seen_modified:
                return True
    return False


def planned_writes(plan: ImportPlan, new_document_ids: Sequence[int]) -> PlannedWrites:
    """The plan's writes, each annotation for an embedded report given that report's new id."""
    annotations: list[Annotation] = []
    pending: list[tuple[str, str, Annotation]] = []
    new_uuids: set[str] = set()
    for change in plan.changes:
        if change.pending is not None:
            pending.append((*change.pending, replace(change.incoming, shared_modified=change.incoming.modified)))
        for record in change.writes:
            if change.new_report is not None:
                record = replace(record, document_id=new_document_ids[change.new_report])
            annotations.append(record)
            # a conflict's copy is only planned when its id is not in the library
            if record.uuid != change.incoming.uuid or change.seen_modified is None:
                new_uuids.add(record.uuid)
    return PlannedWrites(tuple(annotations), tuple(pending), frozenset(new_uuids))


def _resolve_document(library: LibraryFacts, doc: SharedDocument, quotes: Sequence[str],
                      new_reports: list["Report"], source_name: str) -> tuple[int | None, str, str | None]:
    """The receiver's copy of a shared report: the report inside the file when there is one (matched
    by fingerprint, else added); otherwise by fingerprint, then by title when the quotes agree."""
    if doc.text is None:
        known = library.report_with_fingerprint(doc.fingerprint)
        if known is None:       # the same report from another format; same-titled reports of other years are not
            known = next((r for r in library.reports_titled(doc.title) if quotes_match(r.text, quotes)), None)
        if known is None:
            return None, doc.title, None
        return known.id, known.title, known.text
    from viewer.core.report import parse_bytes

    stem = (doc.source_name.rsplit(".", 1)[0] or "report")[:80]
    try:
        report = parse_bytes(doc.text.encode("utf-8"), f"{stem}.txt")
    except ReportViewerError as exc:
        raise ShareError("share.embedded_report_unparsable", file=source_name, title=doc.title[:40],
                         reason=exc) from None
    for fingerprint in (report.fingerprint, doc.fingerprint):
        known = library.report_with_fingerprint(fingerprint)
        if known is not None:
            return known.id, known.title, known.text
    same = next((r for r in new_reports if r.fingerprint == report.fingerprint), None)
    if same is not None:
        return None, same.title, same.text
    new_reports.append(report)
    return None, report.title, report.text


def _plan_pending(library: LibraryFacts, incoming: Annotation, fingerprint: str, title: str) -> PlannedChange:
    """An annotation for a report not here: it waits; a newer version or a deletion replaces what waits."""
    waiting = library.pending_annotation(incoming.uuid)
    if waiting is not None and moment(incoming.modified) <= moment(waiting.modified):
        return PlannedChange("unchanged", incoming, title)
    if incoming.deleted:     # recorded, so the report's arrival cannot bring back a deleted note
        action = "deleted" if waiting is not None and not waiting.deleted else "unchanged"
        return PlannedChange(action, incoming, title, pending=(fingerprint, title))
    return PlannedChange("pending", incoming, title, Phrase("share.plan_pending"), pending=(fingerprint, title))


def _same_content(a: Annotation, b: Annotation) -> bool:
    return (a.kind, a.body, a.colour, a.deleted) == (b.kind, b.body, b.colour, b.deleted)


def _twin_key(ann: Annotation) -> tuple:
    """What an annotation says and where: two live ones with the same key are the same note."""
    return ann.kind, ann.start, ann.end, ann.body, ann.colour, ann.unplaced


def _copy_of(version: Annotation, local: Annotation) -> Annotation:
    """The losing version of a conflict, kept live as its own annotation at the local position.

    Its id is derived from the version's id and time, so importing the file again adds no second copy.
    """
    copy_id = str(uuid_module.uuid5(_COPY_NAMESPACE, f"{version.uuid}@{version.modified}"))
    return replace(version.positioned_like(local), uuid=copy_id, deleted=False, shared_modified=version.modified)


def _plan_one(library: LibraryFacts, local: Annotation | None, incoming: Annotation, doc_id: int,
              title: str, text: str, twins: set[tuple]) -> PlannedChange:
    """The rules: new, same, newer from the sender, edited on both sides, or the receiver's own.

    The receiver's own annotations are those never received in a share file (no `shared_modified`):
    what the author field says cannot make another's version overwrite or delete them.
    """
    received = replace(incoming, shared_modified=incoming.modified)
    unchanged = PlannedChange("unchanged", incoming, title)

    def keep_copy(version: Annotation, writes: list[Annotation]) -> list[Annotation]:
        copy = _copy_of(version, local)
        if version.deleted or library.annotation(copy.uuid) is not None or _twin_key(copy) in twins:
            return writes
        twins.add(_twin_key(copy))
        return writes + [copy]

    if local is None:
        placed = replace(received.placed_in(text)[0], document_id=doc_id)
        if incoming.deleted:       # a deletion of something never received: kept, so it stays deleted
            return PlannedChange("unchanged", incoming, title, writes=[placed])
        if _twin_key(placed) in twins:      # the same note already here (e.g. a copy coming back)
            return unchanged
        twins.add(_twin_key(placed))
        return PlannedChange("unplaced" if placed.unplaced else "new", incoming, title, writes=[placed])
    if _same_content(local, incoming) or incoming.modified == local.modified:
        return unchanged
    kept_in_place = received.positioned_like(local)
    if not local.shared_modified or local.author != incoming.author:
        # Never deleted or overwritten by another's version: a newer live one is kept as a copy.
        if incoming.deleted or moment(incoming.modified) <= moment(local.modified):
            return unchanged
        writes = keep_copy(received, [])
        if not writes:
            return unchanged
        return PlannedChange("conflict", incoming, title, Phrase("share.plan_yours_kept"), writes)
    if incoming.modified == local.shared_modified:          # the sender has not changed it since
        return unchanged
    if local.modified == local.shared_modified:             # the receiver has not changed it since
        if moment(incoming.modified) < moment(local.modified):
            return unchanged                                # an older file
        action = "deleted" if incoming.deleted and not local.deleted else "updated"
        return PlannedChange(action, incoming, title, writes=[kept_in_place])
    # Edited on both sides: the newer stays in place, the other is kept as a copy.
    newer_incoming = moment(incoming.modified) > moment(local.modified)
    winner = kept_in_place if newer_incoming else replace(local, shared_modified=incoming.modified)
    if newer_incoming:                  # the local text moves into the copy: it is no twin of itself
        twins.discard(_twin_key(local))
        twins.add(_twin_key(winner))
    writes = keep_copy(local if newer_incoming else received, [winner])
    detail = Phrase("share.plan_newer_kept_other_copied" if len(writes) > 1 else "share.plan_newer_kept")
    return PlannedChange("conflict", incoming, title, detail, writes)
