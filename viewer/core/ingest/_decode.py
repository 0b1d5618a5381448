"""The one decoder of source bytes: BOM, a declared charset, strict UTF-8, then sanity-checked GB18030."""

from __future__ import annotations

import codecs
import re

from viewer.core.ingest._errors import advise, fail, not_text
from viewer.core.ingest._kinds import binary_kind
from viewer.core.ingest.registry import ZIP_MAGIC

_BOMS: list[tuple[bytes, str]] = [
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_GB_ALIASES = frozenset(
    {"gb2312", "gbk", "gb_2312-80", "gb2312-80", "gb_2312", "x-gbk", "cp936", "ms936", "windows-936",
     "csgb2312", "euc-cn", "euccn", "x-euc-cn", "chinese", "csiso58gb231280", "iso-ir-58", "gb18030"}
)
_WESTERN = frozenset({"ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "cp1252",
                      "windows-1252", "l1"})


def bom_of(data: bytes) -> tuple[str, int] | None:
    """(codec, length) of the byte-order mark the bytes start with, or None."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _plausible(ch: str) -> bool:
    o = ord(ch)
    if o < 0x80:
        return o >= 0x20 or ch in "\t\n\r\f"
    return (
        0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x30FF
        or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x22FF or 0x2460 <= o <= 0x25FF
        or 0x3100 <= o <= 0x312F or 0x3200 <= o <= 0x33FF or 0xF900 <= o <= 0xFAFF
        or 0xFE10 <= o <= 0xFE4F or 0x00A0 <= o <= 0x00FF or 0x0100 <= o <= 0x01FF
        or 0x0391 <= o <= 0x03C9 or 0x0401 <= o <= 0x0451 or 0x2600 <= o <= 0x27BF
        or o >= 0x20000  # supplementary ideographs (rare CJK in names)
    )


def _looks_like_gb_text(text: str) -> bool:
    """Sanity check for a strict GB18030 decode: mostly CJK/ASCII, ideographs mostly common ones."""
    sample = text[:20000]
    if not sample:
        return True
    plausible = sum(1 for ch in sample if _plausible(ch))
    if plausible < 0.95 * len(sample):
        return False
    ideographs = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
    if len(ideographs) >= 8:
        common = 0
        for ch in ideographs:
            try:
                ch.encode("gb2312")
                common += 1
            except UnicodeEncodeError:
                pass
        if common < 0.5 * len(ideographs):
            return False  # mostly rare characters: bytes of some other encoding
    return True


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _mostly_control(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and len(_CONTROL_RE.findall(sample)) > 0.05 * len(sample)


def check_binary(data: bytes, name: str) -> None:
    """Refuse bytes whose signature marks them as an image, archive, program or other non-text."""
    kind = binary_kind(data)
    if kind is None and data[:4] in ZIP_MAGIC:
        kind = "kind.zip"
    if kind is not None:
        raise not_text(name, kind)


def codec_for_label(label: str) -> str | None:
    """The codec a charset label names (gb2312/gbk read as their superset gb18030); None for a label
    that names no codec or one that could not have written ASCII markup (utf-16, EBCDIC...)."""
    label = label.strip().lower()
    if label in _GB_ALIASES:
        return "gb18030"
    try:
        enc = codecs.lookup(label).name
        return enc if "<meta charset>".encode(enc) == b"<meta charset>" else None
    except (LookupError, UnicodeError, TypeError, ValueError):
        return None


def decode(data: bytes, name: str, *, declared: str | None = None, lenient: bool = False) -> tuple[str, str]:
    """(text, encoding) of source bytes: a BOM wins; else the `declared` codec (unless a Western one,
    which ASCII-compatible UTF-8 or GB18030 bytes often wrongly claim), strict UTF-8, strict GB18030
    (sanity-checked unless declared), then the declared one. `lenient` (web pages): a few broken
    bytes become U+FFFD instead of refusing the file."""
    check_binary(data, name)
    bom = bom_of(data)
    if bom is not None:
        enc, skip = bom
        try:
            text = data[skip:].decode(enc, errors="replace" if lenient else "strict")
        except UnicodeDecodeError:
            raise fail("ingest.damaged_bom", name, encoding=enc.upper()) from None
        if _mostly_control(text):
            raise not_text(name, "kind.binary_control")
        return text, enc
    if b"\x00" in data:
        raise not_text(name, "kind.binary_nul")
    order: list[str] = []
    if declared and declared not in _WESTERN:
        order.append(declared)
    order += ["utf-8", "gb18030"]
    if declared:
        order.append(declared)
    for enc in dict.fromkeys(order):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc == "gb18030" and enc != declared and not _looks_like_gb_text(text):
            continue
        if _mostly_control(text):
            raise not_text(name, "kind.binary_control")
        return text, enc
    if not lenient:
        raise advise("ingest.undecodable", name)
    enc = declared if declared and declared != "utf-8" else "utf-8"
    try:
        text = data.decode(enc, errors="replace")
    except LookupError:
        enc, text = "utf-8", data.decode("utf-8", errors="replace")
    if _mostly_control(text):
        raise not_text(name, "kind.binary_control")
    return text, enc
