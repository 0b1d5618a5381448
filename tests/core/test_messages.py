"""The message catalogue: every code in both languages, used by the source, rendered on one line."""

import ast
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.core.errors import IngestError, Phrase, ReportViewerError, ShareError, StoreError
from viewer.core.ingest import ingest_bytes
from viewer.core.messages import CATALOGUE, LANGUAGES, language_from_environment, render, render_code

VIEWER = Path(__file__).resolve().parents[2] / "viewer"
CODE_RE = re.compile(r"(?:ingest|store|search|share|cli|gui|print|kind|format|size|where|type|catalogue|library)\.(?!sqlite3\b)[a-z0-9_]+")
#: The only Latin words a Chinese line may hold: formats, file types, options, commands, JSON terms.
TECHNICAL_WORDS = {
    "Annotation", "DOC", "DTD", "EPUB", "Excel", "FILE", "GB18030", "GBK", "GIF", "ISO", "JPEG", "JSON", "KB",
    "MB", "Markdown", "NUL", "OFD", "OUT", "OpenDocument", "PDF", "PNG", "PowerPoint", "RAR", "RTF", "SQLite", "T10", "TIFF",
    "TextQuoteSelector", "TextualBody", "UTF-8", "UUID", "WPS", "Web", "WebP", "Word", "XML", "ZIP", "Zip",
    "add", "all", "db", "doc", "docx", "end", "exact", "false", "goto", "gzip", "help", "html", "import", "json", "ofd",
    "list", "markdown", "md", "notes", "null", "o", "pdf", "plain", "png", "report-viewer", "restore-backup", "rvshare", "screenshot", "sha256", "size",
    "reimport", "restore", "start", "text", "tree", "true", "txt", "urn", "uuid", "wps", "x", "x900",
}


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def codes_in_source() -> dict[str, str]:
    """Every message code written as a string in viewer/, with the file it is in."""
    found = {}
    for path in sorted(VIEWER.rglob("*.py")):
        if path.name == "messages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE_RE.fullmatch(node.value):
                found.setdefault(node.value, path.relative_to(VIEWER.parent).as_posix())
    return found


def strict_render(message, language: str) -> str:
    """Render as render() does, but let a missing code or argument raise instead of falling back."""
    values = {key: strict_render(value, language) if isinstance(value, (Phrase, ReportViewerError)) else value
              for key, value in message.params.items()}
    return CATALOGUE[message.code][language].format(**values)


# --- the catalogue ------------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_has_a_chinese_and_an_english_line_with_the_same_placeholders(code):
    templates = CATALOGUE[code]
    assert set(templates) == set(LANGUAGES)
    assert all(templates[language].strip() for language in LANGUAGES)
    assert placeholders(templates["zh"]) == placeholders(templates["en"])


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_a_chinese_line_holds_no_english_words(code):
    template = CATALOGUE[code]["zh"]
    text = re.sub(r"\{[^}]*\}", "", template)
    assert set(re.findall(r"[A-Za-z][A-Za-z0-9-]*", text)) <= TECHNICAL_WORDS, template
    if CATALOGUE[code]["en"] != template:          # not a language-neutral piece such as `{n} MB`
        assert re.search(r"[\u4e00-\u9fff]", template), template


def test_every_code_the_source_raises_is_in_the_catalogue():
    used = codes_in_source()
    assert len(used) > 80
    missing = {code: where for code, where in used.items() if code not in CATALOGUE}
    assert not missing


def test_every_code_in_the_catalogue_is_used_somewhere():
    assert not set(CATALOGUE) - set(codes_in_source())


# --- rendering ----------------------------------------------------------------------------------


def test_an_error_renders_in_chinese_and_english_and_str_is_english():
    error = IngestError("ingest.empty", file="empty.txt")
    assert render(error, "zh") == "empty.txt：文件是空的；请选择含有文字的报告文件。"
    assert render(error, "en") == str(error) == "empty.txt: the file is empty; choose a report file that has text in it"


def test_a_phrase_argument_is_rendered_in_the_same_language():
    error = IngestError("ingest.not_text", file="a.txt", kind=Phrase("kind.pdf"), formats=(".txt", ".docx"))
    assert "looks like a PDF document" in render(error, "en")
    assert "PDF文档" in render(error, "zh") and "document" not in render(error, "zh")


def test_a_nested_error_is_rendered_in_the_same_language_without_its_full_stop():
    inner = IngestError("ingest.blank_text", file="r.txt", formats=(".txt",))
    outer = ShareError("share.embedded_report_unparsable", file="a.rvshare.json", title="报告", reason=inner)
    assert "（r.txt：没有可读的正文" in render(outer, "zh") and "。）" not in render(outer, "zh")
    assert "(r.txt: has no readable text" in render(outer, "en")


def test_a_tuple_argument_is_listed_with_or_in_each_language():
    error = IngestError("ingest.blank_text", file="r.txt", formats=(".txt", ".html", ".docx"))
    assert render(error, "en").endswith("; choose a .txt, .html or .docx report")
    assert render(error, "zh").endswith("；请选择 .txt、.html 或 .docx 格式的报告。")
    single = IngestError("ingest.blank_text", file="r.txt", formats=(".txt",))
    assert render(single, "en").endswith("choose a .txt report") and "请选择 .txt 格式" in render(single, "zh")


def test_format_specs_of_numbers_apply_in_both_languages():
    error = StoreError("store.busy", path="lib.sqlite3", seconds=5)
    assert "5 秒" in render(error, "zh") and "over 5 s" in render(error, "en")
    many = ShareError("share.too_many_annotations", file="f", where=Phrase("where.field", path="first.items"),
                      count=1_000_000, limit=100_000)
    assert "1,000,000" in render(many, "zh") and "100,000" in render(many, "en")


def test_a_rendered_line_is_one_line_even_when_a_file_name_holds_a_newline():
    error = IngestError("ingest.empty", file="bad\nname.txt")
    assert "\n" not in render(error, "zh") and "\n" not in render(error, "en")


def test_an_unknown_code_or_a_missing_argument_still_gives_a_line_not_an_exception():
    assert "no.such_code" in render(ReportViewerError("no.such_code", file="x"), "zh")
    assert render(IngestError("ingest.empty"), "zh")             # {file} missing
    assert render(IngestError("ingest.empty", file="a"), "fr") == render(IngestError("ingest.empty", file="a"), "en")


def test_a_result_line_renders_from_its_code():
    assert render_code("cli.library_empty", "zh").startswith("资料库是空的")
    assert render_code("cli.error_line", "en", message="x") == "error: x"


def test_an_error_survives_pickling_with_its_code_and_arguments():
    import pickle

    error = pickle.loads(pickle.dumps(StoreError("store.no_such_id", id=3, library="lib")))
    assert type(error) is StoreError and error.code == "store.no_such_id" and error.params == {"id": 3, "library": "lib"}


# --- the locale ---------------------------------------------------------------------------------


@pytest.mark.parametrize("environ,language", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, "en"),
    ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C", "LC_ALL": "zh_CN.GB18030"}, "zh"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "zh"),                  # an empty variable does not count
])
def test_the_language_follows_lc_all_then_lc_messages_then_lang(environ, language):
    assert language_from_environment(environ) == language


# --- every error ingest can raise ----------------------------------------------------------------

NAMES = st.sampled_from(["r.txt", "r.html", "r.docx", "r", "r.dat"])
PREFIXES = st.sampled_from([b"", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"%PDF-", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                            b"{\\rtf1", b"\xef\xbb\xbf", b"\xff\xfe", b"<html><body>", b"\x7fELF"])


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=PREFIXES, data=st.binary(max_size=600), name=NAMES)
def test_random_bytes_give_a_report_or_an_error_whose_code_renders_in_both_languages(prefix, data, name):
    try:
        ingest_bytes(prefix + data, name)
    except ReportViewerError as error:
        assert error.code in CATALOGUE
        for language in LANGUAGES:
            line = strict_render(error, language)
            assert line.startswith(name) and render(error, language)
        chinese = render(error, "zh").removeprefix(name)
        for key, value in error.params.items():             # a part's name, an encoding: as they are
            if key != "file" and isinstance(value, str):
                chinese = chinese.replace(value, "")
        assert set(re.findall(r"[A-Za-z][A-Za-z0-9-]*", chinese)) <= TECHNICAL_WORDS, render(error, "zh")
