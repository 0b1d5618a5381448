"""Plain text (.txt): decoded, line endings unified, paragraphs at blank lines, chrome lines dropped;
a form feed (pdftotext writes one between pages) is a page break, kept in the page map.

At a page break a paragraph goes on when the text before it does not end a sentence (its last
character is not one of 。！？；…」』”) and so on), as a line break does; otherwise the page
starts a paragraph. A blank line is a paragraph break on either side of a page break."""

from __future__ import annotations

from viewer.core.ingest import registry
from viewer.core.ingest._cleanup import PAGE_MARK, finish_paged, make_document
from viewer.core.ingest._decode import decode
from viewer.core.ingest._markers import NONCHAR_RE
from viewer.core.model import IngestedDocument

_TEXT_STRIP = " \t\f\v\u3000\xa0\ufeff\u200b"
_SENTENCE_ENDS = "。！？!?；;…"
_CLOSERS = "」』”’\"')）)》〉】]"


def sniff(probe: registry.Probe) -> int:
    """Anything without a binary signature may be text; what is not decodable is refused by read()."""
    return registry.NO if probe.is_binary else registry.FALLBACK


def read(data: bytes, name: str) -> IngestedDocument:
    """The body text of a plain-text file: paragraphs at blank lines, head and tail chrome dropped."""
    text, encoding = decode(data, name)
    text = NONCHAR_RE.sub("", text).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    paras: list[list[str]] = [[]]
    marks = ""                                     # page breaks not yet put before a line
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()                                # the form feed after the last page ends it
    for page_no, page in enumerate(pages):
        if page_no:
            marks += PAGE_MARK
        for line in page.removesuffix("\n").split("\n"):   # "…\n\f": the last line's own end
            line = line.strip().strip(_TEXT_STRIP).strip()
            if not line:
                if paras[-1]:
                    paras.append([])
                continue
            if marks and paras[-1] and ends_sentence(paras[-1][-1]):
                paras.append([])
            paras[-1].append(marks + line)
            marks = ""
    last = next((lines for lines in reversed(paras) if lines), None)
    if marks and last:
        last[-1] += marks                          # empty pages at the end still count
    metadata: dict[str, str] = {}
    body, title, hints, _tables, page_starts = finish_paged(paras, metadata, None)
    metadata.update(encoding=encoding, format="txt")
    if len(pages) > 1 or "\f" in text:
        page_starts = page_starts or [0]           # one page, ended by its form feed
    return make_document(body, title, metadata, hints, name, data, "ingest.blank_text", pages=page_starts)


def ends_sentence(line: str) -> bool:
    """The line's last character ends a sentence (closing quotes and brackets after it aside)."""
    return line.rstrip(_CLOSERS)[-1:] in tuple(_SENTENCE_ENDS)


IMPORTER = registry.register(registry.Importer(
    name="txt", extensions=(".txt",), other_extensions=(".text",), media_label="format.text",
    sniff=sniff, read=read))
