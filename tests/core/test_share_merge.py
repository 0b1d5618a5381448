"""The merge rules plan an import from plain library facts alone, no store needed."""

from dataclasses import replace

from viewer.core.model import Annotation
from viewer.core.share import KnownReport, SharedDocument, ShareFile, is_stale, plan_merge, planned_writes

TEXT = "关于某项工作的报告\n一、总体情况\n全年共办理案件41件，同比增长12.5%。\n"
FINGERPRINT = "a" * 64


class Facts:
    """A library of one report, its annotations by id and those waiting, as dicts."""

    def __init__(self, annotations=(), pending=()):
        self.report = KnownReport(7, "关于某项工作的报告", TEXT)
        self.annotations = {a.uuid: a for a in annotations}
        self.pending = {a.uuid: a for a in pending}
        self.fingerprints = {FINGERPRINT}

    def report_with_fingerprint(self, fingerprint):
        return self.report if fingerprint in self.fingerprints else None

    def reports_titled(self, title):
        return [self.report] if title == self.report.title else []

    def annotation(self, uuid):
        return self.annotations.get(uuid)

    def live_annotations(self, doc_id):
        return [a for a in self.annotations.values() if a.document_id == doc_id and not a.deleted]

    def pending_annotation(self, uuid):
        return self.pending.get(uuid)


def incoming(uuid="11111111-1111-1111-1111-111111111111", body="核对", modified="2026-01-02T00:00:00.000000+00:00"):
    at = TEXT.index("41件")
    return Annotation(uuid, 0, "note", at, at + 3, "41件", TEXT[:at], TEXT[at + 3:], body, "", "张三",
                      "2026-01-01T00:00:00.000000+00:00", modified)


def share(*anns, fingerprint=FINGERPRINT, title="关于某项工作的报告"):
    return ShareFile((SharedDocument(fingerprint, title),), tuple((fingerprint, a) for a in anns))


def test_a_new_annotation_is_placed_in_the_known_report():
    plan = plan_merge(Facts(), share(incoming()), "a")
    (change,) = plan.changes
    assert change.action == "new" and change.writes[0].document_id == 7
    writes = planned_writes(plan, [])
    assert [a.uuid for a in writes.annotations] == [incoming().uuid] and writes.pending == ()


def test_an_annotation_for_a_report_not_here_waits():
    facts = Facts()
    facts.fingerprints = set()
    plan = plan_merge(facts, share(incoming(), title="另一份报告"), "a")
    assert plan.counts()["pending"] == 1
    (waiting,) = planned_writes(plan, []).pending
    assert waiting[:2] == (FINGERPRINT, "另一份报告") and waiting[2].shared_modified == incoming().modified


def test_a_sender_update_of_a_received_note_replaces_it_and_a_local_edit_since_makes_it_stale():
    received = replace(incoming(), document_id=7, shared_modified=incoming().modified)
    newer = incoming(body="已核对", modified="2026-01-03T00:00:00.000000+00:00")
    facts = Facts([received])
    plan = plan_merge(facts, share(newer), "a")
    assert plan.changes[0].action == "updated" and plan.changes[0].writes[0].body == "已核对"
    assert not is_stale(facts, plan)
    facts.annotations[received.uuid] = replace(received, body="本地改过", modified="2026-01-02T12:00:00+00:00")
    assert is_stale(facts, plan)
