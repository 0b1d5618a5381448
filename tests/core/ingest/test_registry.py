"""The format registry: content picks the importer, the name is a hint; a new format plugs in by
registering itself; zips are told apart by their members; every list of formats comes from here."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import IngestError, Phrase
from viewer.core.ingest import ingest_bytes, registry
from viewer.core.messages import or_list, render
from viewer.core.model import IngestedDocument

from tests.conftest import REPO
from tests.core.ingest.support import assert_ingest_error, document_xml, make_docx, para

FAKE_SIGNATURE = b"RVFAKE1\n"


def _read_fake(data: bytes, name: str) -> IngestedDocument:
    text = data[len(FAKE_SIGNATURE):].decode("utf-8").strip() + "\n"
    return IngestedDocument(text=text, title=text.split("\n", 1)[0], metadata={"format": "rvfake"}, hints=[],
                            source_name=name, raw=data, fingerprint="")


FAKE = registry.Importer(
    name="rvfake", extensions=(".rvfake",), media_label="format.text", read=_read_fake,
    sniff=lambda probe: registry.CERTAIN if probe.head.startswith(FAKE_SIGNATURE) else registry.NO)


@pytest.fixture
def fake_format():
    """A made-up format registered for one test, as a new format module would register itself."""
    registry.register(FAKE)
    try:
        yield FAKE
    finally:
        registry.unregister(FAKE.name)


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for member, content in members.items():
            zf.writestr(member, content)
    return buf.getvalue()


# --------------------------------------------------------------------------- the built-in formats


def test_the_built_in_formats_are_text_html_docx_pdf_ofd_and_markdown_in_that_order():
    assert [imp.name for imp in registry.importers()] == ["txt", "html", "docx", "pdf", "ofd", "markdown"]
    assert registry.advertised_extensions() == (".txt", ".html", ".htm", ".docx", ".pdf", ".ofd", ".md", ".markdown")
    assert registry.advice_extensions() == (".txt", ".html", ".docx", ".pdf", ".ofd", ".md")
    assert {".text", ".md", ".xhtml", ".shtml"} <= registry.supported_extensions()


@pytest.mark.parametrize(("data", "name", "chosen"), [
    ("标题\n\n正文。".encode(), "report", "txt"),                          # any text: plain text
    ("标题\n\n正文。".encode(), "report.html", "html"),                    # named .html: read as a page
    (b"<html><body><p>x</p></body></html>", "page.asp", "html"),          # markup, unknown name
    (b"<html><body><p>x</p></body></html>", "notes.text", "txt"),         # the name beats what it looks like
    (b"<html><body><p>x</p></body></html>", "notes.md", "markdown"),
    ("# 标题\n\n## 一、总体\n\n## 二、要求\n".encode(), "report.txt", "markdown"),   # clearly Markdown
    (make_docx(document_xml(para(("正文", False)))), "report.txt", "docx"),  # a signature beats the name
])
def test_content_picks_the_format_and_the_extension_is_a_hint(data, name, chosen):
    assert registry.importer_for(data, name).name == chosen


def test_bytes_no_format_reads_have_no_importer():
    assert registry.importer_for(b"\x89PNG\r\n\x1a\n" + bytes(32), "report.txt") is None
    assert registry.importer_for(_zip({"a.txt": "hello"}), "report.docx") is None


def test_an_importer_needs_lower_case_dotted_extensions():
    with pytest.raises(ValueError):
        registry.Importer(name="bad", extensions=("PDF",), media_label="format.text",
                          sniff=lambda probe: registry.NO, read=_read_fake)


# --------------------------------------------------------------------------- a new format plugs in


def test_a_registered_format_is_used_by_ingest_bytes_and_listed_everywhere(fake_format):
    doc = ingest_bytes(FAKE_SIGNATURE + "假格式的报告\n正文。".encode(), "report.rvfake")
    assert doc.metadata["format"] == "rvfake" and doc.title == "假格式的报告"
    # its signature wins over a name that says .txt
    assert ingest_bytes(FAKE_SIGNATURE + "标题".encode(), "report.txt").metadata["format"] == "rvfake"
    assert ".rvfake" in registry.supported_extensions()
    assert registry.advertised_extensions()[-1] == ".rvfake"
    assert ("format.text", ("*.rvfake",)) in registry.open_dialog_filters()
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b" \n\n", "blank.txt")
    assert render(excinfo.value, "en").endswith(f"choose a {or_list(registry.advice_extensions(), 'en')} report")
    assert registry.advice_extensions()[-1] == ".rvfake"
    assert "或 .rvfake 格式的报告" in render(excinfo.value, "zh")


def test_an_unregistered_format_is_gone_from_every_list(fake_format):
    registry.unregister(fake_format.name)
    assert ".rvfake" not in registry.supported_extensions()
    assert not any("*.rvfake" in patterns for _, patterns in registry.open_dialog_filters())
    doc = ingest_bytes(FAKE_SIGNATURE + "标题\n\n正文。".encode(), "report.rvfake")
    assert doc.metadata["format"] == "txt"                      # plain text again
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b" \n\n", "blank.txt")
    assert render(excinfo.value, "en").endswith(f"choose a {or_list(registry.advice_extensions(), 'en')} report")
    assert ".rvfake" not in registry.advice_extensions()


def test_registering_a_format_again_replaces_it_in_its_place(fake_format):
    again = registry.Importer(name=FAKE.name, extensions=(".rvfake2",), media_label="format.text",
                              sniff=FAKE.sniff, read=FAKE.read)
    registry.register(again)
    assert [imp.name for imp in registry.importers()].count("rvfake") == 1
    assert registry.advertised_extensions()[-1] == ".rvfake2"


# --------------------------------------------------------------------------- zips


def test_a_zip_with_content_types_and_word_document_is_a_docx():
    data = make_docx(document_xml(para(("标题", False)) + para(("正文。", False))))
    assert ingest_bytes(data, "archive.zip").text == "标题\n\n正文。\n"


@pytest.mark.parametrize(("members", "kind"), [
    ({"photos/a.txt": "hello"}, "kind.zip"),
    ({"word/document.xml": document_xml(para(("正文", False)))}, "kind.incomplete_word"),
    ({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}, "kind.excel"),
    ({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"}, "kind.powerpoint"),
    ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<c/>"}, "kind.opendocument"),
    ({"mimetype": "application/epub+zip", "META-INF/container.xml": "<c/>"}, "kind.epub"),
], ids=["plain", "no-content-types", "excel", "powerpoint", "opendocument", "epub"])
@pytest.mark.parametrize("name", ["report.docx", "report.zip", "report.txt", "report"])
def test_a_zip_that_is_not_a_docx_is_one_clear_error_whatever_its_name(members, kind, name):
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(_zip(members), name)
    assert_ingest_error(excinfo, name, "ingest.unsupported_zip")
    assert excinfo.value.params["kind"] == Phrase(kind)
    english, chinese = render(excinfo.value, "en"), render(excinfo.value, "zh")
    formats = registry.advice_extensions()
    assert "not a supported document" in english and f"only {or_list(formats, 'en')} files are read" in english
    assert "unpack it and choose the report inside" in english
    assert "不是支持的文档" in chinese and f"只读取 {or_list(formats, 'zh')} 文件" in chinese and "请解压后" in chinese


def test_a_zip_that_cannot_be_opened_is_a_damaged_zip():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(make_docx(document_xml(para(("标题", False))))[:60], "broken.docx")
    assert_ingest_error(excinfo, "broken.docx", "ingest.damaged_zip")


# --------------------------------------------------------------------------- the README


def test_the_readme_supported_sources_line_lists_the_registered_formats():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    line = next(par for par in readme.split("\n\n") if par.startswith("Supported sources:"))
    listed = tuple(re.findall(r"`(\.[a-z0-9]+)`", line))
    assert listed == registry.advertised_extensions()


# --------------------------------------------------------------------------- properties

EXTENSIONS = st.sampled_from(sorted(registry.supported_extensions()) + ["", ".zip", ".pdf", ".dat", ".DOCX", ".Html"])
NAMES = st.builds(lambda stem, ext: stem + ext, st.text(max_size=12), EXTENSIONS)
ZIP_MEMBERS = st.sampled_from(["[Content_Types].xml", "word/document.xml", "word/styles.xml", "xl/workbook.xml",
                               "mimetype", "content.xml", "a.txt"])
MEMBER_TEXT = st.one_of(st.text(max_size=200), st.sampled_from([document_xml(para(("正文", True))), "<w:document/>",
                                                                 "<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"]))
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, database=None,
                             suppress_health_check=[HealthCheck.too_slow])


def _document_or_ingest_error(data: bytes, name: str) -> None:
    try:
        doc = ingest_bytes(data, name)
    except IngestError as error:
        assert render(error, "en") and render(error, "zh")
        return
    assert isinstance(doc, IngestedDocument) and doc.text.strip()


@PROPERTY_SETTINGS
@given(data=st.binary(min_size=0, max_size=3000), name=NAMES)
def test_random_bytes_with_random_names_give_a_document_or_an_ingest_error(data, name):
    _document_or_ingest_error(data, name)


@PROPERTY_SETTINGS
@given(members=st.dictionaries(ZIP_MEMBERS, MEMBER_TEXT, max_size=5), name=NAMES, cut=st.integers(0, 40))
def test_random_zips_with_random_names_give_a_document_or_an_ingest_error(members, name, cut):
    data = _zip(members)
    _document_or_ingest_error(data[:len(data) - cut], name)
