"""AnnotationChanges: empty is false, and merging keeps both sides' changes with each report once."""

from viewer.core.model import Annotation
from viewer.services.changes import AnnotationChanges


def note(uuid: str, doc_id: int) -> Annotation:
    return Annotation(uuid, doc_id, "note", 0, 1, "x", "", "", "", "", "", "t", "t")


def test_no_changes_is_false_and_any_change_is_true():
    assert not AnnotationChanges()
    assert not AnnotationChanges(documents=(1,))
    assert AnnotationChanges(added=(note("a", 1),), documents=(1,))
    assert AnnotationChanges(removed=("a",), documents=(1,))


def test_merged_changes_keep_both_in_order_with_each_report_once():
    first = AnnotationChanges(added=(note("a", 1),), documents=(1,))
    second = AnnotationChanges(updated=(note("b", 2),), removed=("c",), documents=(2, 1))
    merged = first.merged(second)
    assert [a.uuid for a in merged.added] == ["a"] and [a.uuid for a in merged.updated] == ["b"]
    assert merged.removed == ("c",) and merged.documents == (1, 2)
