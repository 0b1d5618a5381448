"""Shared finishing of every format: paragraphs without head/tail chrome become the body text, its
title, heading hints and tables; and the format-independent fingerprint."""

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
    for lines in paras:
        group: list[str] = []
        for line in lines:
            if unmark(line).strip():
                group.append(line)
            elif group:
                out.append(group)
                group = []
        if group:
            out.append(group)
    return out


def finish(paras: list[list[str]], metadata: dict[str, str], hints: Hints | None
            ) -> tuple[str, str, list[HeadingHint], list[TextTable]]:
    """Drop head/tail chrome (collecting its metadata), join paragraphs, turn markers into heading
    hints and table spans."""
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
    for i, (pi, line, _) in enumerate(flat):
        if keep[i]:
            grouped.setdefault(pi, []).append(line)
    joined = "\n\n".join("\n".join(lines) for _, lines in sorted(grouped.items()))
    text, spans = extract_markers(joined)
    text = text + "\n" if text else ""
    title = text.split("\n", 1)[0]
    table_spans = [(start, end) for start, end, n in spans if hints is not None and hints.info[n][0] == "table"]
    heading_spans = [span for span in spans if hints is None or hints.info[span[2]][0] != "table"]
    return text, title, make_hints(text, heading_spans, hints), _make_tables(text, table_spans)


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
                  data: bytes, blank_code: str, tables: list[TextTable] | None = None) -> IngestedDocument:
    if not text.strip():
        raise advise(blank_code, name)
    return IngestedDocument(text=text, title=title, metadata=metadata, hints=hints,
                            source_name=clean_name(name), raw=data, fingerprint=fingerprint(text),
                            tables=tables or [])

