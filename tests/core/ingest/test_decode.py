"""The one decoder: BOMs, UTF-8, GB18030/GBK, binary data refused."""

from __future__ import annotations


import pytest

from viewer.core.errors import IngestError, Phrase
from viewer.core.ingest import decode_text, ingest_bytes

from tests.core.ingest.support import assert_ingest_error


# --------------------------------------------------------------------------- encodings

REPORT = "某区2020年工作报告\n\n一、总体情况\n\n2020年，全区经济运行平稳，完成目标任务98%以上。\n"


@pytest.mark.parametrize(
    ("payload", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (REPORT.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + REPORT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb2312"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "gbk", "gb2312"],
)
def test_text_in_each_supported_encoding_decodes_to_the_same_body(payload, encoding):
    doc = ingest_bytes(payload, "report.txt")
    assert doc.text == REPORT
    assert doc.metadata["encoding"] == encoding
    assert doc.title == "某区2020年工作报告"


def test_gb18030_four_byte_characters_decode():
    text = "报告人：王𠀋\n\n内容：全年办理案件41件。\n"
    assert decode_text(text.encode("gb18030"), "a.txt") == (text, "gb18030")


def test_decode_text_prefers_utf8_when_bytes_are_valid_utf8():
    assert decode_text("法治政府".encode("utf-8"), "a.txt") == ("法治政府", "utf-8")


def test_undecodable_bytes_are_an_ingest_error():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"\x80\x81\xff\xfe\x80 abc \x80", "garbage.txt")
    assert_ingest_error(excinfo, "garbage.txt")


def test_gb18030_decodable_mojibake_of_another_encoding_is_rejected():
    big5 = "這是一份繁體中文的報告，說明政府工作情況。".encode("big5")
    with pytest.raises(IngestError) as excinfo:
        decode_text(big5, "big5.txt")
    assert_ingest_error(excinfo, "big5.txt")


def test_nul_bytes_mean_binary_data():
    with pytest.raises(IngestError) as excinfo:
        ingest_bytes(b"abc\x00def\x00" * 10, "data.txt")
    assert_ingest_error(excinfo, "data.txt", "ingest.not_text")
    assert excinfo.value.params["kind"] == Phrase("kind.binary_nul")


