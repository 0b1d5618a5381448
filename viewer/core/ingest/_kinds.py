"""What a file that is not text looks like, from its signature or a zip's members (the {kind} of errors)."""

from __future__ import annotations

#: signature, its offset, and the message code of the kind of file it marks
MAGIC: list[tuple[bytes, int, str]] = [
    (b"\x89PNG\r\n\x1a\n", 0, "kind.png"),
    (b"\xff\xd8\xff", 0, "kind.jpeg"),
    (b"GIF87a", 0, "kind.gif"),
    (b"GIF89a", 0, "kind.gif"),
    (b"%PDF-", 0, "kind.pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "kind.old_office"),
    (b"{\\rtf", 0, "kind.rtf"),
    (b"Rar!\x1a\x07", 0, "kind.rar"),
    (b"7z\xbc\xaf\x27\x1c", 0, "kind.7z"),
    (b"\x1f\x8b", 0, "kind.gzip"),
    (b"II*\x00", 0, "kind.tiff"),
    (b"MM\x00*", 0, "kind.tiff"),
    (b"WEBP", 8, "kind.webp"),
    (b"\x7fELF", 0, "kind.program"),
    (b"SQLite format 3\x00", 0, "kind.sqlite"),
]


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the stream a binary Word document (.doc, and the .wps WPS writes) keeps its text in, as its
#: compound-file directory names it (UTF-16LE)
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def binary_kind(data: bytes) -> str | None:
    """The kind code of what a binary (non-text, non-zip) file looks like, or None when it may be text.

    Given a whole compound file (not only its head), a binary Word/WPS document is told apart from
    the other old Office files by its directory naming a WordDocument stream."""
    for magic, offset, kind in MAGIC:
        if data[offset:offset + len(magic)] == magic:
            if magic == OLE_MAGIC and data.find(_WORD_STREAM, 512) >= 0:
                return "kind.binary_word"
            return kind
    return None


def zip_kind(names: frozenset[str] | set[str]) -> str:
    """The kind code of a ZIP file no format reads, from the names inside it."""
    if "word/document.xml" in names:
        return "kind.incomplete_word"
    if "xl/workbook.xml" in names:
        return "kind.excel"
    if "ppt/presentation.xml" in names:
        return "kind.powerpoint"
    if "content.xml" in names and "mimetype" in names:
        return "kind.opendocument"
    if "META-INF/container.xml" in names:
        return "kind.epub"
    return "kind.zip"
