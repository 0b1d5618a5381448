"""Shared finishing of every format: paragraphs without head/tail chrome become the body text, its
title, heading hints, tables and page starts; and the format-independent fingerprint."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from viewer.core.ingest._chrome import is_real_paragraph, line_kind
from viewer.core.ingest._errors import advise, clean_name
from viewer.core.ingest._markers import Hints, extract_markers, make_hints, unmark
from viewer.core.model import HeadingHint, IngestedDocument, TextTable
from viewer.core.tables import valid_tables

WS_RE = re.compile(r"\s+")

#: Put before the first character of a page's first line (pages 2, 3, …) by a paged source: a
#: noncharacter, so it rides through chrome removal like the hint markers; finish_paged() turns
#: each into the offset its page starts at. A mark on a dropped line moves to the next kept line.
PAGE_MARK = "\ufdd3"
_ANY_NONCHAR_RE = re.compile("[\ufdd0-\ufdef]")


def fingerprint(text: str) -> str:
    """SHA-256 hex of the text after NFKC with all whitespace removed (format-independent)."""
    squashed = WS_RE.sub("", unicodedata.normalize("NFKC", text))
    return hashlib.sha256(squashed.encode("utf-8")).hexdigest()


def squash(text: str) -> str:
    """Text as compared for sameness: markers and whitespace removed, NFKC (full-width = half-width)."""
    return WS_RE.sub("", unicodedata.normalize("NFKC", unmark(text)))


def split_at_blank_lines(paras: list[list[str]]) -> list[list[str]]:
    """Paragraphs split wherever one holds a blank line (markers alone count as blank)."""
    out: list[list[str]] = []
    carried = ""                                   # page marks of blank lines go to the next line
    for lines in paras:
        group: list[str] = []
        for line in lines:
            if unmark(line).strip():
                group.append(carried + line)
                carried = ""
            else:
                carried += PAGE_MARK * line.count(PAGE_MARK)
                if group:
                    out.append(group)
                    group = []
        if group:
            out.append(group)
    if carried and out:
        out[-1][-1] += carried                     # pages with nothing left stay counted, at the end
    return out


def finish(paras: list[list[str]], metadata: dict[str, str], hints: Hints | None
            ) -> tuple[str, str, list[HeadingHint], list[TextTable]]:
    """Drop head/tail chrome (collecting its metadata), join paragraphs, turn markers into heading
    hints and table spans."""
    return finish_paged(paras, metadata, hints)[:4]


def finish_paged(paras: list[list[str]], metadata: dict[str, str], hints: Hints | None
                 ) -> tuple[str, str, list[HeadingHint], list[TextTable], list[int]]:
    """finish(), and the page starts its PAGE_MARKs give: [0, start of page 2, …]; [] if none.

    A page whose lines were all dropped starts where the next kept text does (so `pages` may
    repeat an offset, and still holds one start per page)."""
    paras = split_at_blank_lines(paras)
    flat = [(pi, line, unmark(line).strip()) for pi, lines in enumerate(paras) for line in lines]
    kinds = [line_kind(plain) for _, _, plain in flat]
    body = [i for i, k in enumerate(kinds) if k is False]
    keep = [True] * len(flat)
    if body:
        title_i = body[0]
        after = [i for i in body if i > title_i]
        reals = [i for i in after if is_real_paragraph(flat[i][2])]
        first_real = reals[0] if reals else (after[0] if after else len(flat))
        last_real = max(reals[-1] if reals else -1, after[-1] if after else title_i)
        for i, kind in enumerate(kinds):
            if kind is not False and (i < first_real or i > last_real):
                keep[i] = False
                if isinstance(kind, dict):
                    for key, value in kind.items():
                        metadata.setdefault(key, value)
    else:
        keep = [False] * len(flat)
    grouped: dict[int, list[str]] = {}
    carried = ""                                   # page marks of dropped lines go to the next kept one
    for i, (pi, line, _) in enumerate(flat):
        if keep[i]:
            grouped.setdefault(pi, []).append(carried + line)
            carried = ""
        else:
            carried += PAGE_MARK * line.count(PAGE_MARK)
    joined = "\n\n".join("\n".join(lines) for _, lines in sorted(grouped.items())) + carried
    joined, page_starts = _take_page_marks(joined)
    text, spans = extract_markers(joined)
    text = text + "\n" if text else ""
    pages = [0] + [min(start, len(text)) for start in page_starts] if page_starts else []
    title = text.split("\n", 1)[0]
    table_spans = [(start, end) for start, end, n in spans if hints is not None and hints.info[n][0] == "table"]
    heading_spans = [span for span in spans if hints is None or hints.info[span[2]][0] != "table"]
    return text, title, make_hints(text, heading_spans, hints), _make_tables(text, table_spans), pages


def _take_page_marks(marked: str) -> tuple[str, list[int]]:
    """The text without page marks, and where each stood in the text once all markers are gone."""
    out: list[str] = []
    starts: list[int] = []
    visible = 0                                    # characters before here that are not markers
    for chunk_no, chunk in enumerate(marked.split(PAGE_MARK)):
        if chunk_no:
            starts.append(visible)
        out.append(chunk)
        visible += len(chunk) - len(_ANY_NONCHAR_RE.findall(chunk))
    return "".join(out), starts


def _make_tables(text: str, spans: list[tuple[int, int]]) -> list[TextTable]:
    """Table spans trimmed to their rows' text (the markers may stand beside edge whitespace)."""
    trimmed = []
    for start, end in spans:
        while start < end and text[start] in " \t\n":
            start += 1
        while end > start and text[end - 1] in " \t\n":
            end -= 1
        line_end = text.find("\n", end)                             # whole lines: rows may start or
        trimmed.append((text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text)))
    return valid_tables(text, trimmed)                                # end with an empty cell


def make_document(text: str, title: str, metadata: dict[str, str], hints: list, name: str,
                  data: bytes, blank_code: str, tables: list[TextTable] | None = None,
                  pages: list[int] | None = None) -> IngestedDocument:
    if not text.strip():
        raise advise(blank_code, name)
    return IngestedDocument(text=text, title=title, metadata=metadata, hints=hints,
                            source_name=clean_name(name), raw=data, fingerprint=fingerprint(text),
                            tables=tables or [], pages=pages or [])

