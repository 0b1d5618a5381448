"""Repairing a PDF's ToUnicode CMaps: radicals a font aliases become the text's ideographs, in an incremental update."""

import re
import zlib

from viewer.core.pdf_text import _parse_cmap, repair_cmap, repair_tounicode, text_corrections

CMAP_HEAD = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
             b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
CMAP_TAIL = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"


def cmap(body: bytes) -> bytes:
    return CMAP_HEAD + body + CMAP_TAIL


def build_pdf(tounicode: bytes, *, compressed: bool = False) -> bytes:
    """A one-font PDF written the way Qt writes one: classic xref, the ToUnicode as its own stream object."""
    stream = zlib.compress(tounicode) if compressed else tounicode
    filters = b" /Filter /FlateDecode" if compressed else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /ToUnicode 4 0 R >>",
        b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), filters, stream),
        b"<< /Producer (test) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def latest_tounicode(pdf: bytes) -> dict[int, str]:
    """Follow the last startxref to the update's entry for object 4, as a reader does, and parse that CMap."""
    xref = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    offset = int(re.compile(rb"xref\n4 1\n(\d{10}) 00000 n \n").match(pdf, xref).group(1))
    assert pdf.startswith(b"4 0 obj", offset)
    header = re.compile(rb"4 0 obj\s*<<(.*?)>>\s*stream\n", re.S).match(pdf, offset)
    length = int(re.search(rb"/Length (\d+)", header.group(1)).group(1))
    data = pdf[header.end():header.end() + length]
    return _parse_cmap(zlib.decompress(data) if b"/Filter" in header.group(1) else data)


QT_STYLE = cmap(b"2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0004> [<5DE5> <2F2F> <4F5C> <2EDA>]\nendbfrange\n")


def test_corrections_turn_radicals_the_text_lacks_into_their_ideographs():
    corrections = text_corrections("工作报告", {"⻚": "页"})
    assert corrections["⼯"] == "工" and corrections["⼈"] == "人"
    assert corrections["⻚"] == "页"               # a supplement radical without NFKC form: from the font
    assert "⼯" not in text_corrections("部首⼯与工作", {})   # a radical the text has stays itself


def test_radicals_in_a_cmap_become_the_texts_characters():
    fixed = repair_tounicode(build_pdf(QT_STYLE), text_corrections("工作页", {"⻚": "页"}))
    assert latest_tounicode(fixed) == {0: "\0", 1: "工", 2: "工", 3: "作", 4: "页"}


def test_the_repair_appends_and_moves_nothing_before_it():
    original = build_pdf(QT_STYLE)
    fixed = repair_tounicode(original, text_corrections("工作", {}))
    assert fixed.startswith(original)
    tail = fixed[len(original):]
    assert b"/Prev %d" % int(re.findall(rb"startxref\s+(\d+)", original)[-1]) in tail
    assert b"/Root 1 0 R" in tail and b"/Info 5 0 R" in tail and tail.endswith(b"%%EOF\n")


def test_linear_ranges_and_bfchar_entries_are_repaired_too():
    body = (b"1 beginbfchar\n<0007> <2F00>\nendbfchar\n"
            b"1 beginbfrange\n<0010> <0013> <2F2E>\nendbfrange\n")   # ⼮ ⼯ ⼰ ⼱ in a row
    fixed = repair_tounicode(build_pdf(cmap(body)), text_corrections("一", {}))
    assert latest_tounicode(fixed) == {7: "一", 0x10: "巛", 0x11: "工", 0x12: "己", 0x13: "巾"}


def test_a_compressed_cmap_is_read_and_repaired():
    fixed = repair_tounicode(build_pdf(QT_STYLE, compressed=True), text_corrections("工作", {}))
    assert latest_tounicode(fixed)[2] == "工"


def test_a_pdf_naming_only_the_texts_characters_is_left_byte_for_byte():
    clean = build_pdf(cmap(b"1 beginbfrange\n<0001> <0002> [<5DE5> <4F5C>]\nendbfrange\n"))
    assert repair_tounicode(clean, text_corrections("工作", {})) == clean
    assert repair_tounicode(b"not a pdf", text_corrections("工作", {})) == b"not a pdf"


def test_a_cmap_with_odd_hex_digits_is_left_alone():
    assert repair_cmap(cmap(b"1 beginbfchar\n<0001> <2F2>\nendbfchar\n"), {"⼯": "工"}) is None
