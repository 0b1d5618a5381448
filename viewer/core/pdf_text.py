"""Make the text copied out of a written PDF the text that was printed, by rewriting its ToUnicode CMaps."""

from __future__ import annotations

import re
import unicodedata
import zlib
from pathlib import Path
from typing import Mapping

#: CJK Radicals Supplement and Kangxi Radicals: fonts such as Noto Sans CJK draw ⼯ (U+2F2F) with the
#: glyph of 工 (U+5DE5), and a PDF writer that names each glyph by its lowest code point then says ⼯.
RADICALS = range(0x2E80, 0x2FE0)

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_SUBSECTION = re.compile(rb"(\d+)\s+(\d+)\s*\r?\n")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref", re.S)
_TOUNICODE_REF = re.compile(rb"/ToUnicode\s+(\d+)\s+(\d+)\s+R")
_STREAM_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*<<(.*?)>>\s*stream(?:\r\n|\n)", re.S)
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+\d+\s+R)?")
_SECTION = re.compile(rb"(\d+)\s+begin(bfchar|bfrange)(.*?)end\2", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_RANGE_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")


def text_corrections(printed: str, aliases: Mapping[str, str]) -> dict[str, str]:
    """Wrong -> right characters for a PDF of `printed`.

    `aliases` are the font's own (a character the writer names instead of the one printed); any
    radical the printed text lacks becomes its NFKC ideograph. A character the text does contain
    is never changed."""
    present = set(printed)
    corrections = {wrong: right for wrong, right in aliases.items() if wrong not in present}
    for code in RADICALS:
        radical = chr(code)
        ideograph = unicodedata.normalize("NFKC", radical)
        if radical not in present and radical not in corrections and ideograph != radical:
            corrections[radical] = ideograph
    return corrections


def _utf16_hex(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode("ascii")


def _from_hex(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", errors="replace")


def _parse_cmap(cmap: bytes) -> dict[int, str] | None:
    """Code -> text of a ToUnicode CMap's bfchar and bfrange entries, or None when it has none."""
    mapping: dict[int, str] = {}
    sections = list(_SECTION.finditer(cmap))
    if not sections:
        return None
    for section in sections:
        body = section.group(3)
        if section.group(2) == b"bfchar":
            tokens = _HEX.findall(body)
            for source, target in zip(tokens[0::2], tokens[1::2]):
                mapping[int(source, 16)] = _from_hex(target)
            continue
        for entry in _RANGE_ENTRY.finditer(body):
            low, high, target = int(entry.group(1), 16), int(entry.group(2), 16), entry.group(3)
            if target.startswith(b"["):
                for code, item in zip(range(low, high + 1), _HEX.findall(target)):
                    mapping[code] = _from_hex(item)
            else:   # consecutive codes map to consecutive characters (the last UTF-16 unit counts up)
                units = bytearray(bytes.fromhex(target[1:-1].decode("ascii")))
                if len(units) < 2 or len(units) % 2:
                    continue
                for code in range(low, high + 1):
                    mapping[code] = bytes(units).decode("utf-16-be", errors="replace")
                    last = int.from_bytes(units[-2:], "big") + 1
                    units[-2:] = (last & 0xFFFF).to_bytes(2, "big")
    return mapping


def repair_cmap(cmap: bytes, corrections: Mapping[str, str]) -> bytes | None:
    """The CMap with every mapping to a wrong character remapped, as bfchar entries; None when nothing is wrong."""
    try:
        mapping = _parse_cmap(cmap)
    except ValueError:       # odd hex digits: not a CMap this module understands, so leave it alone
        return None
    if not mapping or not any(target in corrections for target in mapping.values()):
        return None
    fixed = {code: corrections.get(target, target) for code, target in mapping.items()}
    sections = list(_SECTION.finditer(cmap))
    first_code = _HEX.search(sections[0].group(3))
    width = len(first_code.group(1)) if first_code and first_code.group(1) else 4
    codes = sorted(fixed)
    chunks = []
    for at in range(0, len(codes), 100):       # a CMap section holds at most 100 entries
        part = codes[at:at + 100]
        lines = b"".join(b"<%s> <%s>\n" % (format(code, f"0{width}X").encode("ascii"), _utf16_hex(fixed[code]))
                         for code in part)
        chunks.append(b"%d beginbfchar\n%sendbfchar\n" % (len(part), lines))
    return cmap[:sections[0].start()] + b"".join(chunks) + cmap[sections[-1].end():]


def _xref_offsets(data: bytes, start: int) -> dict[int, tuple[int, int]] | None:
    """Object number -> (offset, generation) of the classic xref table at `start`, or None."""
    if not data.startswith(b"xref", start):
        return None
    offsets: dict[int, tuple[int, int]] = {}
    position = start + 4
    while True:
        while data[position:position + 1] in (b" ", b"\r", b"\n"):
            position += 1
        header = _XREF_SUBSECTION.match(data, position)
        if not header:
            return offsets
        first, count = int(header.group(1)), int(header.group(2))
        position = header.end()
        for number in range(first, first + count):
            entry = data[position:position + 20]
            if len(entry) < 18 or entry[17:18] not in (b"n", b"f"):
                return None
            if entry[17:18] == b"n":
                offsets[number] = (int(entry[:10]), int(entry[11:16]))
            position += 20


def repair_tounicode(data: bytes, corrections: Mapping[str, str]) -> bytes:
    """`data` with each ToUnicode CMap that names a wrong character replaced, as an incremental update
    (new objects and an xref section appended, nothing before them moved); unchanged when nothing is
    wrong or the file is not a classic-xref PDF."""
    tail = _STARTXREF.search(data)
    trailers = list(_TRAILER.finditer(data, max(0, len(data) - 4096)))
    trailer = trailers[-1] if trailers else None
    if not corrections or not tail or not trailer:
        return data
    xref_at = int(tail.group(1))
    offsets = _xref_offsets(data, xref_at)
    if not offsets:
        return data
    replaced: dict[int, tuple[int, bytes]] = {}
    for reference in _TOUNICODE_REF.finditer(data):
        number = int(reference.group(1))
        if number in replaced or number not in offsets:
            continue
        offset, generation = offsets[number]
        header = _STREAM_OBJECT.match(data, offset)
        length = _LENGTH.search(header.group(3)) if header else None
        if not header or not length or length.group(2) or int(header.group(1)) != number:
            continue
        stream = data[header.end():header.end() + int(length.group(1))]
        filters = header.group(3)
        if b"/Filter" in filters:
            if re.search(rb"/Filter\s*(/FlateDecode|\[\s*/FlateDecode\s*\])", filters) is None:
                continue
            try:
                stream = zlib.decompress(stream)
            except zlib.error:
                continue
        cmap = repair_cmap(stream, corrections)
        if cmap is not None:
            replaced[number] = (generation, cmap)
    if not replaced:
        return data
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    new_offsets = {}
    for number, (generation, cmap) in sorted(replaced.items()):
        new_offsets[number] = (len(out), generation)
        out += b"%d %d obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (number, generation, len(cmap), cmap)
    new_xref = len(out)
    out += b"xref\n"
    for number, (offset, generation) in sorted(new_offsets.items()):
        out += b"%d 1\n%010d %05d n \n" % (number, offset, generation)
    keys = re.sub(rb"/Prev\s+\d+", b"", trailer.group(1)).strip()
    out += b"trailer\n<< %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (keys, xref_at, new_xref)
    return bytes(out)


def repair_file(path: str | Path, corrections: Mapping[str, str]) -> bool:
    """Repair the PDF at `path` in place; True when it was changed. Raises OSError as reading or writing does."""
    path = Path(path)
    data = path.read_bytes()
    fixed = repair_tounicode(data, corrections)
    if fixed == data:
        return False
    path.write_bytes(fixed)
    return True
