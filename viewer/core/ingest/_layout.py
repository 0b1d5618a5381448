"""Positioned text (PDF, OFD) -> body text: lines by baseline, paragraphs, tables, page map, title and header metadata.

The rules are general ones about how printed reports are laid out: a paragraph starts at a
first-line indent, after a vertical gap, at a heading, or after a line that ends short; running
headers, footers and page numbers are not body text (_page_chrome); a table is one line per row
with its cells separated by tabs (_table_layout); the red header and the document number
(X发〔2025〕5号) become metadata and the title (the largest text on page 1) the first line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Sequence

from viewer.core.ingest._lines import SENTENCE_END, Line, PageRuns, TextRun, joiner, page_lines, tidy, tidy_pieces
from viewer.core.ingest._markers import Hints, extract_markers, make_hints
from viewer.core.ingest._page_chrome import TITLE_SCALE, drop_chrome, is_page_number, page_head
from viewer.core.ingest._table_layout import table_blocks, table_rows
from viewer.core.model import HeadingHint

__all__ = ["PageRuns", "RebuiltText", "TextRun", "is_page_number", "rebuild", "tidy"]


@dataclass(frozen=True)
class RebuiltText:
    """The body text rebuilt from positioned runs, with what was learnt on the way."""

    text: str                       # title line first, paragraphs separated by a blank line, ends "\n"
    pages: list[int]                # start offset of each page in text (IngestedDocument.pages)
    hints: list[HeadingHint]        # heading lines (bigger/bold font, centred short lines), bold run-ins
    tables: list[tuple[int, int]]   # spans of table rows (one line per row, cells split by CELL_SEPARATOR)
    metadata: dict[str, str] = field(default_factory=dict)   # doc_number, issuer


# --- paragraphs and tables --------------------------------------------------------------
@dataclass
class _Frame:
    """The text block of one page: its left and right edges, and the document's body metrics."""

    left: float
    right: float
    size: float
    gap: float

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2


def _frames(per_page: list[list[Line]], size: float) -> list[_Frame]:
    """Each page's text block: left edge where its body lines start (the leftmost near the usual
    edge, since a page may hold only indented first lines), right edge where the longest ends."""
    body = [[ln for ln in lines if abs(ln.size - size) <= 0.2 * size] for lines in per_page]
    every = [ln for lines in body for ln in lines]
    usual = Counter(round(ln.x0) for ln in every).most_common(1)[0][0] if every else 0.0
    widest = max((ln.x1 for ln in every), default=usual + 30 * size)
    gaps = [b.top - a.bottom for lines in body for a, b in zip(lines, lines[1:])
            if a.page == b.page and 0 <= b.top - a.bottom < 3 * size]
    gap = median(gaps) if gaps else size * 0.5
    frames = []
    for lines in body:
        lefts = [ln.x0 for ln in lines if ln.x0 >= usual - 3 * size]
        left = min(lefts) if lefts else usual
        right = max((ln.x1 for ln in lines), default=widest)
        frames.append(_Frame(left, right if right - left > 10 * size else widest, size, gap))
    return frames


def _is_heading(ln: Line, frame: _Frame) -> bool:
    short = ln.x1 < frame.right - 2 * frame.size
    centred = (ln.x0 > frame.left + 2 * frame.size and short
               and abs((ln.x0 + ln.x1) / 2 - frame.middle) < 1.5 * frame.size)
    bigger = ln.size >= frame.size * TITLE_SCALE
    return (bigger or (ln.bold and short) or centred) and len(ln.text) <= 60


class _Builder:
    """Paragraph groups with inline hint markers; a zero-width 'page' marker where each page starts."""

    def __init__(self, n_pages: int) -> None:
        self.hints = Hints()
        self.groups: list[str] = []
        self.current: list[tuple[str, bool]] | None = None
        self.current_heading: int | None = None
        self.page_marks = [self.hints.new("page") for _ in range(n_pages)]
        self.next_page = 0       # the first page whose start is not marked yet

    def _marks(self, upto: int) -> str:
        """Markers for the starts of pages next_page..upto (pages without text share the next start)."""
        out = []
        while self.next_page <= min(upto, len(self.page_marks) - 1):
            n = self.page_marks[self.next_page]
            out.append(self.hints.start(n) + self.hints.end(n))
            self.next_page += 1
        return "".join(out)

    def end_paragraph(self) -> None:
        if self.current is None:
            return
        pieces = self.current
        text = "".join(t for t, _ in pieces)
        if self.current_heading is not None:
            n = self.hints.new("heading", self.current_heading)
            marked = self.hints.start(n) + text + self.hints.end(n)
        else:
            prefix = ""
            for t, bold in pieces:
                if not bold and t.strip():
                    break
                prefix += t
            rest = text[len(prefix):]
            if prefix.strip() and rest.strip():
                n = self.hints.new("bold")
                marked = self.hints.start(n) + prefix + self.hints.end(n) + rest
            else:
                marked = text
        self.groups.append(marked)
        self.current = None
        self.current_heading = None

    def add_line(self, pieces: list[tuple[str, bool]], page: int, new_paragraph: bool,
                 heading_level: int | None) -> None:
        """Add a line's (text, bold) pieces, as a new paragraph or joined to the current one."""
        pieces = tidy_pieces(pieces)
        if not pieces:
            return
        if new_paragraph or self.current is None:
            self.end_paragraph()
            self.current = []
            self.current_heading = heading_level
        elif self.current:
            last = "".join(t for t, _ in self.current)
            joint = joiner(last[-1:], pieces[0][0][:1])
            if joint:
                self.current.append((joint, self.current[-1][1]))
        marks = self._marks(page)
        if marks:         # a marker rides with the bold state of its text, so run-ins stay whole
            pieces[0] = (marks + pieces[0][0], pieces[0][1])
        self.current.extend(pieces)

    def add_table(self, rows: list[str], page: int) -> None:
        self.end_paragraph()
        n = self.hints.new("table")
        self.groups.append(self._marks(page) + self.hints.start(n) + "\n".join(rows) + self.hints.end(n))

    def finish(self) -> str:
        self.end_paragraph()
        tail = self._marks(len(self.page_marks) - 1)
        if tail and self.groups:
            self.groups[-1] += tail
        return "\n\n".join(self.groups)


def _heading_levels(lines: list[Line], frames: list[_Frame], title: list[Line]) -> dict[int, int]:
    """id(line) -> level of each heading line: bigger characters first, then bold, then centred."""
    sizes = sorted({round(ln.size) for ln in lines
                    if ln not in title and _is_heading(ln, frames[ln.page]) and
                    ln.size >= frames[ln.page].size * TITLE_SCALE}, reverse=True)
    levels = {}
    for ln in lines:
        if ln in title or not _is_heading(ln, frames[ln.page]):
            continue
        if ln.size >= frames[ln.page].size * TITLE_SCALE:
            levels[id(ln)] = min(6, 1 + sizes.index(round(ln.size)))
        else:
            levels[id(ln)] = min(6, len(sizes) + 1)
    return levels


def rebuild(pages: Sequence[PageRuns]) -> RebuiltText:
    """The body text of positioned pages: title first, paragraphs as the page shows them, tables as rows."""
    per_page = [page_lines(i, page) for i, page in enumerate(pages)]
    per_page = drop_chrome(pages, per_page)
    lines = [ln for page_lines in per_page for ln in page_lines]
    weights = Counter()
    for ln in lines:
        weights[round(ln.size * 2) / 2] += len(ln.text)
    body_size = weights.most_common(1)[0][0] if weights else 12.0
    frames = _frames(per_page, body_size)
    header, title, metadata = page_head(lines, body_size)
    skip = {id(ln) for ln in header + title}
    body = [ln for ln in lines if id(ln) not in skip]
    levels = _heading_levels(body, frames, title)

    builder = _Builder(len(pages))
    if title:
        title_text = title[0].text
        for ln in title[1:]:
            title_text += joiner(title_text[-1:], ln.text[:1]) + ln.text
        builder.add_line([(title_text, False)], 0, True, None)
        builder.end_paragraph()
    blocks = dict(table_blocks(body, body_size))
    prev: Line | None = None
    i = 0
    while i < len(body):
        ln = body[i]
        if i in blocks:
            builder.add_table(table_rows(body[i:blocks[i]], body_size), ln.page)
            prev = None
            i = blocks[i]
            continue
        level = levels.get(id(ln))
        if prev is not None and level is not None and levels.get(id(prev)) == level:
            new = not _wraps_heading(prev, ln, frames[prev.page])
        else:
            new = (prev is None or level is not None or id(prev) in levels
                   or _starts_paragraph(prev, ln, frames[prev.page], frames[ln.page]))
        builder.add_line(ln.pieces(), ln.page, new, level)
        prev = ln
        i += 1
    text, spans = extract_markers(builder.finish())
    text = text + "\n" if text else ""
    info = builder.hints.info
    page_of_mark = {n: p for p, n in enumerate(builder.page_marks)}
    starts = [0] * len(pages)
    for start, _, n in spans:
        if n in page_of_mark:
            starts[page_of_mark[n]] = start
    if starts:
        starts[0] = 0
    heading_spans = [s for s in spans if info[s[2]][0] in ("heading", "bold")]
    table_spans = [(s, e) for s, e, n in spans if info[n][0] == "table"]
    return RebuiltText(text=text, pages=starts, hints=make_hints(text, heading_spans, builder.hints),
                       tables=table_spans, metadata=metadata)


def _wraps_heading(prev: Line, ln: Line, frame: _Frame) -> bool:
    """Whether heading line `ln` goes on with heading line `prev`: same size, `prev` filled the line."""
    return (ln.page == prev.page and abs(ln.size - prev.size) <= 0.5 and prev.x1 > frame.right - 2 * prev.size
            and ln.top - prev.bottom < frame.gap + 0.4 * frame.size + (ln.size - frame.size))


_NUMBERED_RE = re.compile(r"(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[)）]|[（(]\d{1,2}[)）]"
                          r"|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百零〇\d]+[编章节条])")
_LATIN_WORD_RE = re.compile(r"[A-Za-z0-9.,:;%()\[\]'\"/+\-]+")


def _first_word_width(text: str, size: float) -> float:
    """About how wide the first word of `text` is: one CJK character, or a Latin word at half a size per letter."""
    word = _LATIN_WORD_RE.match(text)
    return len(word.group(0)) * size / 2 if word else size


def _starts_paragraph(prev: Line, ln: Line, prev_frame: _Frame, frame: _Frame) -> bool:
    """Whether `ln` starts a new paragraph after `prev` (its page-wrapped predecessor otherwise)."""
    size = frame.size
    indent = ln.x0 - frame.left
    if indent > 1.2 * size:                                     # first-line indent, centred, right-aligned
        return True
    if prev.x0 - prev_frame.left > 4 * size:                    # after a centred or right-aligned line
        return True
    room = prev_frame.right - prev.x1
    if room > 1.5 * size and prev.text.endswith(SENTENCE_END):
        return True
    if prev.text.endswith(SENTENCE_END) and _NUMBERED_RE.match(ln.text):   # a sentence ends, a numbered
        return True                                                     # heading starts (across a page too)
    if room > 0.3 * (prev_frame.right - prev_frame.left) or room > _first_word_width(ln.text, size) + 2 * size:
        return True                                             # the next line's first word would have fit
    if ln.page == prev.page and ln.top - prev.bottom > frame.gap + 0.4 * size:
        return True
    return abs(ln.size - prev.size) > 0.2 * size
