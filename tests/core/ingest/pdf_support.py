"""Small PDFs written byte by byte for the PDF importer's tests: text placed where a page shows it, images, outlines."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

PAGE_W, PAGE_H = 595.0, 842.0      # A4 in points


@dataclass
class Text:
    """A piece of text whose baseline starts at (x, y), y measured from the top of the page."""

    x: float
    y: float
    text: str
    size: float = 12.0
    bold: bool = False        # drawn filled and stroked, as writers fake bold


@dataclass
class Page:
    texts: list[Text] = field(default_factory=list)
    image: tuple[float, float, float, float] | None = None    # x, y (top), width, height of a grey image
    outlines: bool = False                                    # letter-like shapes drawn as paths


# A CJK font PDF readers know without embedding (Adobe-GB1), whose codes are UTF-16 code units;
# ASCII (CIDs 1-95) is half as wide as a CJK character.
_CJK_FONT = (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
             b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
             b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
             b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> "
             b"/DW 1000 /W [1 95 500] >>]%s >>")


# The same codes in a font that says nothing of their meaning (Identity-H, as subset fonts are
# written): only a ToUnicode CMap tells what they copy as.
_IDENTITY_FONT = (b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Garbled /Encoding /Identity-H "
                  b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Garbled "
                  b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                  b"/FontDescriptor << /Type /FontDescriptor /FontName /ABCDEF+Garbled /Flags 4 "
                  b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> "
                  b"/DW 1000 >>]%s >>")


def _escape_hex(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _content(page: Page) -> bytes:
    out = []
    if page.image:
        x, y, w, h = page.image
        out.append(b"q %.2f 0 0 %.2f %.2f %.2f cm /Im1 Do Q" % (w, h, x, PAGE_H - y - h))
    if page.outlines:
        for row in range(20):
            for col in range(25):
                x, y = 72 + col * 18, PAGE_H - 90 - row * 24
                out.append(b"%.1f %.1f m %.1f %.1f l %.1f %.1f l h f" % (x, y, x + 12, y + 12, x + 6, y))
    for t in page.texts:
        mode = b"2 Tr 0.3 w " if t.bold else b"0 Tr "
        out.append(b"BT %s/F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm %s Tj ET"
                   % (mode, t.size, t.x, PAGE_H - t.y, _escape_hex(t.text)))
    return b"\n".join(out)


def build_pdf(pages: list[Page], *, tounicode: bytes | None = None, compress: bool = True) -> bytes:
    """A classic-xref PDF of `pages`; `tounicode` replaces what the font's codes mean when copied."""
    objects: list[bytes] = [b"", b""]          # 1: catalog, 2: pages (filled in below)
    font_extra = b""
    if tounicode is not None:
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(tounicode), tounicode))
        font_extra = b" /ToUnicode %d 0 R" % len(objects)
    objects.append((_CJK_FONT if tounicode is None else _IDENTITY_FONT) % font_extra)
    font_ref = len(objects)
    image_ref = None
    if any(p.image for p in pages):
        pixels = zlib.compress(bytes((i * 7) % 256 for i in range(64 * 64)))
        objects.append(b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                       % (len(pixels), pixels))
        image_ref = len(objects)
    kids = []
    for page in pages:
        content = _content(page)
        if compress:
            data = zlib.compress(content)
            objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data))
        else:
            objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        xobjects = b" /XObject << /Im1 %d 0 R >>" % image_ref if page.image else b""
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >>%s >> >>"
                       % (PAGE_W, PAGE_H, len(objects), font_ref, xobjects))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _bfchar_cmap(mapping: dict[str, str]) -> bytes:
    entries = sorted(mapping.items())
    sections = []
    for at in range(0, len(entries), 100):          # a CMap section holds at most 100 entries
        part = entries[at:at + 100]
        sections.append(b"%d beginbfchar\n%s\nendbfchar\n" % (len(part), b"\n".join(
            _escape_hex(code) + b" " + _escape_hex(target) for code, target in part)))
    return (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            b"/CMapName /Test def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + b"".join(sections) + b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")


def identity_cmap(text: str) -> bytes:
    """A ToUnicode CMap sending each character's code to itself: the control for the garbage CMaps below."""
    return _bfchar_cmap({ch: ch for ch in set(text)})


def private_use_cmap(text: str) -> bytes:
    """A ToUnicode CMap sending each character of `text` to the private-use area: a font whose text copies as garbage."""
    return _bfchar_cmap({ch: chr(0xE000 + i) for i, ch in enumerate(sorted(set(text)))})


def latin1_cmap(text: str) -> bytes:
    """A ToUnicode CMap sending each character of `text` to accented Latin letters: Chinese copied through the
    wrong code page."""
    return _bfchar_cmap({ch: chr(0xC0 + i % 60) for i, ch in enumerate(sorted(set(text)))})


def advance(ch: str, size: float) -> float:
    """How far a character moves the pen in the test font: ASCII half a CJK character."""
    return size / 2 if ord(ch) < 0x80 else size


def wrapped(text: str, y: float, *, left: float = 72.0, width: float = 360.0, size: float = 12.0,
            indent: bool = True, pitch: float = 20.0) -> tuple[list[Text], float]:
    """A paragraph set in lines `width` wide, its first line indented two characters; (texts, next baseline)."""
    out, first = [], True
    while text:
        start = left + (2 * size if first and indent else 0)
        used, n = start - left, 0
        while n < len(text) and used + advance(text[n], size) <= width + 0.01:
            used += advance(text[n], size)
            n += 1
        out.append(Text(start, y, text[:n], size))
        text, first, y = text[n:], False, y + pitch
    return out, y
