"""The share format's JSON Schema accepts every exported file and rejects the broken ones; the importer
survives random input (hypothesis) with a result or a ShareError."""

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.test_sharing import BROKEN, library, sender, valid_file  # noqa: F401 (sender: a fixture)
from viewer import paths
from tests.core.test_messages import strict_render
from viewer.core.errors import ShareError
from viewer.core.report import parse_bytes
from viewer.core.share import read_share, share_bytes
from viewer.services.sharing import build_share, import_share

SCHEMA = json.loads(paths.resource_path("schema", "rvshare.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Cases the schema can see (the rest are about bytes, sizes or the receiver's library).
SCHEMA_CASES = sorted(set(BROKEN) - {"unknown source", "embedded report does not parse"})


def test_the_schema_itself_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("only", ["all", "notes", "bookmarks", "highlights"])
@pytest.mark.parametrize("include_report", [False, True])
def test_every_exported_file_validates_against_the_schema(sender, only, include_report):
    a, doc_id = sender
    VALIDATOR.validate(json.loads(share_bytes(build_share(a, [doc_id], only=only, include_report=include_report))))


def test_an_exported_empty_library_file_validates(sender):
    a, _ = sender
    doc_id = a.import_report(parse_bytes("空报告\n一、正文\n内容。\n".encode(), "e.txt")).document_id
    VALIDATOR.validate(json.loads(share_bytes(build_share(a, [doc_id]))))


@pytest.mark.parametrize("case", SCHEMA_CASES)
def test_the_schema_rejects_the_broken_examples(sender, case):
    mutate, _code, _params = BROKEN[case]
    assert not VALIDATOR.is_valid(mutate(valid_file(sender)))


def test_the_schema_rejects_a_million_annotations_and_deep_nesting(sender):
    doc = valid_file(sender)
    doc["first"]["items"] = [doc["first"]["items"][0]] * 100_001
    assert not VALIDATOR.is_valid(doc)
    nested: list = []
    deep = nested
    for _ in range(200):
        deep.append([])
        deep = deep[0]
    doc = valid_file(sender)
    doc["first"]["items"][0]["body"]["value"] = nested
    assert not VALIDATOR.is_valid(doc)


# --- fuzzing --------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**12) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_random_bytes_give_a_share_error_never_a_crash(data):
    try:
        read_share(data, "fuzz")
    except ShareError as exc:
        assert str(exc).startswith("fuzz: ") and "\n" not in str(exc)
        assert strict_render(exc, "zh").startswith("fuzz：")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_valid_file_with_one_random_field_replaced_imports_or_says_why(sender, data):
    doc = valid_file(sender)
    item = doc["first"]["items"][0]
    target = data.draw(st.sampled_from([doc, doc["report-viewer"], doc["first"], item, item["target"],
                                        item["target"]["selector"][0], item["target"]["selector"][1],
                                        item["creator"], doc["report-viewer"]["documents"][0]]))
    key = data.draw(st.sampled_from(sorted(target)) if target else st.text(max_size=5))
    target[key] = data.draw(json_values)
    receiver = library("李四")
    before = receiver.dump()
    try:
        import_share(receiver, json.dumps(doc).encode(), "fuzz")
    except ShareError as exc:
        assert "\n" not in str(exc) and strict_render(exc, "zh").startswith("fuzz：")
        assert receiver.dump() == before
    finally:
        receiver.close()
