"""ingest_bytes and ingest_path: dispatch by content, bad input as IngestErrors, and properties."""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core import ingest
from viewer.core.errors import IngestError, Phrase
from viewer.core.ingest import MAX_SOURCE_BYTES, fingerprint, ingest_bytes, ingest_path
from viewer.core.ingest import registry
from viewer.core.messages import or_list

from tests.core.ingest.support import assert_ingest_error


# --------------------------------------------------------------------------- dispatch and bad input


def test_unknown_extension_with_html_content_is_read_as_html():
    doc = ingest_bytes("<!DOCTYPE html><html><body><h1>标题</h1><p>正文。</p></body></html>".encode(), "page.asp")
    assert doc.text == "标题\n\n正文。\n"
    assert doc.metadata["format"] == "html"


def test_unknown_extension_with_plain_text_is_read_as_text():
    doc = ingest_bytes("标题\n\n正文。\n".encode("gbk"), "report")
    assert doc.text == "标题\n\n正文。\n"
    assert doc.metadata["format"] == "txt"


def test_txt_extension_keeps_angle_brackets_as_text():
    doc = ingest_bytes("标题\n\n<p>不是网页</p>\n".encode(), "notes.md")
    assert doc.text == "标题\n\n<p>不是网页</p>\n"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "kind.png"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "kind.jpeg"),
        (b"GIF89a" + bytes(64), "kind.gif"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "kind.old_office"),
    ],
    ids=["png", "jpeg", "gif", "ole-doc"],   # a PDF is read now: see tests/core/ingest/test_pdf.py
)
@pytest.mark.parametrize("name", ["report.txt", "report.html", "report.docx", "report"])
def test_binary_files_are_ingest_errors_that_say_what_they_look_like(data, what, name):
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(data, name)
    assert_ingest_error(excinfo, name)
    assert excinfo.value.params["kind"] == Phrase(what)


def test_png_error_message_names_file_problem_and_remedy():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64), "report.txt")
    assert str(excinfo.value) == (
        "report.txt: not a text or HTML file (looks like a PNG image); choose a "
        f"{or_list(registry.advice_extensions(), 'en')} report")


def test_empty_bytes_are_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"", "empty.txt")
    assert_ingest_error(excinfo, "empty.txt")


def test_blank_text_file_is_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(" \n\n\t\n".encode(), "blank.txt")
    assert_ingest_error(excinfo, "blank.txt")


def test_text_of_only_chrome_lines_is_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes("打印\n纠错\n分享到\n".encode(), "chrome.txt")
    assert_ingest_error(excinfo, "chrome.txt")


def test_missing_path_is_an_ingest_error(tmp_path):
    with pytest.raises(IngestError) as excinfo:
        ingest_path(tmp_path / "nowhere.txt")
    assert_ingest_error(excinfo, "nowhere.txt")


def test_directory_is_an_ingest_error(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(IngestError) as excinfo:
        ingest_path(folder)
    assert_ingest_error(excinfo, "reports", "ingest.is_folder")


def test_empty_file_is_an_ingest_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as excinfo:
        ingest_path(path)
    assert_ingest_error(excinfo, "empty.txt", "ingest.empty")


def test_unreadable_file_is_an_ingest_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("标题\n", encoding="utf-8")
    real_open = open

    def denied(file, *args, **kwargs):      # as chmod 0 would be for anyone but root
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(IngestError) as excinfo:
        ingest_path(path)
    assert_ingest_error(excinfo, "locked.txt", "ingest.unreadable")
    assert excinfo.value.params["reason"] == "Permission denied"


def test_png_file_on_disk_is_an_ingest_error(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(IngestError) as excinfo:
        ingest_path(path)
    assert_ingest_error(excinfo, "report.txt")


def test_over_size_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text("标题\n\n" + "正文。" * 20, encoding="utf-8")
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 16)
    opened = []
    monkeypatch.setattr(ingest, "open", lambda *a, **k: opened.append(a), raising=False)
    with pytest.raises(IngestError) as excinfo:
        ingest_path(path)
    assert_ingest_error(excinfo, "huge.txt", "ingest.too_big")
    assert opened == []


def test_over_size_message_gives_both_sizes(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 2048)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 4096)
    with pytest.raises(IngestError, match=r"too large \(4 KB; the limit is 2 KB\)") as excinfo:
        ingest_path(path)
    assert excinfo.value.params["size"] == Phrase("size.kb", n="4")
    assert excinfo.value.params["limit"] == Phrase("size.kb", n="2")


def test_over_size_bytes_are_an_ingest_error(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_SOURCE_BYTES", 16)
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(("标题\n\n" + "正文。" * 20).encode(), "huge.html")
    assert_ingest_error(excinfo, "huge.html")


def test_size_limit_is_fifty_megabytes():
    assert MAX_SOURCE_BYTES == 50 * 1024 * 1024


# --------------------------------------------------------------------------- properties

NAMES = st.sampled_from(["r.txt", "r.html", "r.docx", "r.xhtml", "r.md", "r", "r.dat"])
CHINESE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("，。、；：？！“”‘’（）《》【】　 \n\r\t0123456789.%-:/<>&;abcXYZ打印纠错分享到来源发布时间")),
        st.sampled_from(["\ufdd0", "\ufdd1", "\ufdd2", "\ufde3", "\ufeff", "\u200b", "\u2028", "\U00020000"]),
    ),
    max_size=300,
)
PROPERTY_SETTINGS = settings(max_examples=60, deadline=1000, database=None,
                             suppress_health_check=[HealthCheck.too_slow])


def _succeeds_or_ingest_error(data: bytes, name: str) -> None:
    try:
        doc = ingest_bytes(data, name)
    except IngestError as exc:
        assert name in str(exc) and "\n" not in str(exc)
        return
    assert doc.text.strip()
    assert doc.title == doc.text.split("\n", 1)[0]
    assert doc.fingerprint == fingerprint(doc.text)
    assert all(0 <= h.start < h.end <= len(doc.text) for h in doc.hints)
    assert not any("\ufdd0" <= ch <= "\ufdef" for ch in doc.text)


@PROPERTY_SETTINGS
@given(data=st.binary(max_size=2000), name=NAMES)
def test_random_bytes_either_ingest_or_raise_ingest_error(data, name):
    _succeeds_or_ingest_error(data, name)


PREFIXES = st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"\x89PNG\r\n\x1a\n", b"%PDF-", b"\xef\xbb\xbf",
                            b"\xff\xfe", b"\xfe\xff", b"<html><body>", b"<?xml version='1.0'?>", b"<!DOCTYPE x [",
                            b"<meta charset=gb2312>", b"{\\rtf1"])


@PROPERTY_SETTINGS
@given(prefix=PREFIXES, data=st.binary(max_size=1000), name=NAMES)
def test_random_bytes_after_a_file_signature_either_ingest_or_raise_ingest_error(prefix, data, name):
    _succeeds_or_ingest_error(prefix + data, name)


@PROPERTY_SETTINGS
@given(text=CHINESE_TEXT, name=NAMES, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_chinese_text_either_ingests_or_raises_ingest_error(text, name, encoding):
    _succeeds_or_ingest_error(text.encode(encoding), name)


@PROPERTY_SETTINGS
@given(text=CHINESE_TEXT, name=NAMES)
def test_random_text_wrapped_in_html_either_ingests_or_raises_ingest_error(text, name):
    page = f"<html><head><title>{text[:20]}</title></head><body><p><strong>{text}</strong></p><h2>{text[::-1]}</h2></body></html>"
    _succeeds_or_ingest_error(page.encode("utf-8"), name)


@PROPERTY_SETTINGS
@given(text=CHINESE_TEXT)
def test_plain_text_body_keeps_every_non_whitespace_character_in_order(text):
    # no chrome in this alphabet's middle lines can vanish except whole chrome lines in head/tail
    try:
        doc = ingest_bytes(text.encode("utf-8"), "r.txt")
    except IngestError:
        return
    squashed = "".join(doc.text.split())
    source = "".join(text.split())
    it = iter(source)
    assert all(ch in it for ch in squashed)  # a subsequence of the source
