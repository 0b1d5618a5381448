"""Annotation rows: each Annotation field has its named column, and every value survives a write and a read."""

import sqlite3
from dataclasses import asdict, fields

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.model import Annotation
from viewer.core.report import parse_bytes
from viewer.store import LibraryStore
from viewer.store.annotations import COLUMNS, annotation_from_row, annotation_to_row

SMALL = "关于某项工作的报告\n\n一、总体情况\n\n全年办理案件41件，增长5.2%。\n"

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
annotations = st.builds(
    Annotation, uuid=st.uuids().map(str), document_id=st.just(1),
    kind=st.sampled_from(["note", "bookmark", "highlight"]), start=st.integers(0, 2**31 - 1),
    end=st.integers(0, 2**31 - 1), exact=text, prefix=text, suffix=text, body=text, colour=text, author=text,
    created=text, modified=text, deleted=st.booleans(), unplaced=st.booleans(), shared_modified=text)


@pytest.fixture(scope="module")
def store():
    with LibraryStore(":memory:") as s:
        s.import_report(parse_bytes(SMALL.encode(), "r.txt"))
        yield s


def test_every_annotation_field_has_a_column_of_the_table(tmp_path):
    path = tmp_path / "lib.sqlite3"
    LibraryStore(path).close()
    conn = sqlite3.connect(path)
    table = {row[1] for row in conn.execute("PRAGMA table_info(annotations)")}
    conn.close()
    assert set(COLUMNS) == {f.name for f in fields(Annotation)}
    assert set(COLUMNS.values()) == table


@given(ann=annotations)
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_field_survives_a_write_and_a_read(store, ann):
    store.write_annotation(ann)
    assert store.annotation(ann.uuid) == ann
    assert store.find_annotation(ann.uuid) == ann


@given(ann=annotations)
def test_a_row_maps_back_to_the_same_annotation_by_column_name(ann):
    row = annotation_to_row(ann)
    assert set(row) == set(COLUMNS)
    assert annotation_from_row([row[name] for name in COLUMNS]) == ann
    assert {row["deleted"], row["unplaced"]} <= {0, 1}


@given(ann=annotations)
@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_pending_annotation_survives_waiting_unchanged(store, ann):
    store.write_pending("f" * 64, "某报告", ann)
    assert store.pending_annotation(ann.uuid) == ann
    assert asdict(store.pending_annotation(ann.uuid)) == asdict(ann)
