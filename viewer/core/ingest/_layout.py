"""Positioned text (PDF, OFD) -> body text: lines by baseline, paragraphs, tables, page map, title and header metadata.

The rules are general ones about how printed reports are laid out: a paragraph starts at a
first-line indent, after a vertical gap, at a heading, or after a line that ends short; running
headers, footers and page numbers are not body text; a table is one line per row with its cells
separated by tabs; the red header and the document number (X发〔2025〕5号) become metadata and the
title (the largest text on page 1) the first line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median
from typing import Sequence

from viewer.core.ingest._markers import NONCHAR_RE, Hints, extract_markers, make_hints
from viewer.core.model import CELL_SEPARATOR, HeadingHint

__all__ = ["PageRuns", "RebuiltText", "TextRun", "rebuild"]


@dataclass(frozen=True)
class TextRun:
    """One run of text on a page, in points (1/72 in), origin top-left, y grows down."""

    x: float
    y: float
    width: float
    height: float
    text: str
    font_size: float = 0.0
    bold: bool = False


@dataclass(frozen=True)
class PageRuns:
    """The text runs of one page (number is 1-based), in any order."""

    number: int
    width: float
    height: float
    runs: tuple[TextRun, ...]


@dataclass(frozen=True)
class RebuiltText:
    """The body text rebuilt from positioned runs, with what was learnt on the way."""

    text: str                       # title line first, paragraphs separated by a blank line, ends "\n"
    pages: list[int]                # start offset of each page in text (IngestedDocument.pages)
    hints: list[HeadingHint]        # heading lines (bigger/bold font, centred short lines), bold run-ins
    tables: list[tuple[int, int]]   # spans of table rows (one line per row, cells split by CELL_SEPARATOR)
    metadata: dict[str, str] = field(default_factory=dict)   # doc_number, issuer


# --- characters -------------------------------------------------------------------------
_WIDE = ("\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
         "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd")
_WIDE_RE = re.compile(f"[{_WIDE}]")
_GAP = " \t\u00a0\u2002\u2003\u2009\u3000"
# a visual gap next to a wide (CJK) character is no text: `增长 5.2%`, `115 家`, `通  知`
_WIDE_GAP_RE = re.compile(f"(?<=[{_WIDE}])[{_GAP}]+(?=\\S)|(?<=\\S)[{_GAP}]+(?=[{_WIDE}])")
_SENTENCE_END = tuple("。：:；;！!？?")

_PAGE_NUMBER_RE = re.compile(
    r"[-—–－~～\s]*\d{1,4}[-—–－~～\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,16}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,5}\s*号")
_DIGITS_RE = re.compile(r"\d+")


def is_wide(ch: str) -> bool:
    """A CJK (full-width) character, between which lines join with no space."""
    return bool(_WIDE_RE.match(ch))


def tidy(text: str) -> str:
    """A line's text: no gap next to a CJK character, other runs of spaces as one space, edges stripped."""
    return "".join(t for t, _ in _tidy_pieces([(text, False)]))


_WORD_END = re.compile(r"[A-Za-z0-9,.;:!?)\]}'\"]")
_WORD_START = re.compile(r"[A-Za-z0-9(\[{'\"]")


def _joiner(left: str, right: str) -> str:
    """What goes between two pieces of text that the layout set apart: a space between Latin words only."""
    if left and right and _WORD_END.fullmatch(left[-1]) and _WORD_START.fullmatch(right[0]):
        return " "
    return ""


# --- lines ------------------------------------------------------------------------------
@dataclass
class _Cell:
    x0: float
    x1: float
    pieces: list[tuple[str, bool]]     # (text, bold)

    @property
    def text(self) -> str:
        return tidy("".join(t for t, _ in self.pieces))


@dataclass
class _Line:
    page: int                 # index into the pages given
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    cells: list[_Cell]

    @property
    def text(self) -> str:
        return tidy(" ".join(c.text for c in self.cells)) if len(self.cells) > 1 else self.cells[0].text

    def pieces(self) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        for cell in self.cells:
            if out and cell.pieces:
                out.append((_joiner(out[-1][0][-1:] or " ", cell.text[:1]), False))
            out.extend(cell.pieces)
        return out


CELL_GAP = 0.5   # a horizontal gap wider than this many character sizes may separate table cells


def _run_size(run: TextRun) -> float:
    return run.font_size if run.font_size > 0 else max(run.height, 1.0)


def _page_lines(index: int, page: PageRuns) -> list[_Line]:
    """The runs of a page clustered into lines by their vertical middle, each line's runs left to right."""
    runs = [r for r in page.runs if NONCHAR_RE.sub("", r.text).strip() and r.height > 0]
    runs.sort(key=lambda r: (r.y + r.height / 2, r.x))
    groups: list[list[TextRun]] = []
    for run in runs:
        mid = run.y + run.height / 2
        if groups:
            last = groups[-1]
            top = min(r.y for r in last)
            bottom = max(r.y + r.height for r in last)
            line_mid = (top + bottom) / 2
            if abs(mid - line_mid) <= 0.5 * min(run.height, bottom - top):
                last.append(run)
                continue
        groups.append([run])
    lines = []
    for group in groups:
        group.sort(key=lambda r: r.x)
        size = median(_run_size(r) for r in group)
        cells: list[_Cell] = []
        for run in group:
            if cells:
                cell = cells[-1]
                last_text = cell.pieces[-1][0] if cell.pieces else ""
                if run.text == last_text and abs(run.x - (cell.x1 - run.width)) < 1.0:
                    continue                                    # text drawn twice (simulated bold)
                gap = run.x - cell.x1
                if gap <= CELL_GAP * size:
                    sep = " " if gap > 0.15 * size else ""
                    cell.pieces.append((sep + run.text, run.bold))
                    cell.x1 = max(cell.x1, run.x + run.width)
                    continue
            cells.append(_Cell(run.x, run.x + run.width, [(run.text, run.bold)]))
        cells = [c for c in cells if c.text]
        if not cells:
            continue
        lines.append(_Line(
            page=index, x0=cells[0].x0, x1=max(c.x1 for c in cells),
            top=min(r.y for r in group), bottom=max(r.y + r.height for r in group),
            size=max(_run_size(r) for r in group),
            bold=all(r.bold for r in group if r.text.strip()), cells=cells))
    return lines


# --- page chrome ------------------------------------------------------------------------
EDGE_LINES = 3        # how many lines at the top and at the bottom of a page may be page chrome
EDGE_ZONE = 0.15      # and within this fraction of the page height from its top or bottom (or the very
                      # first or last line, for a page number)


def is_page_number(text: str) -> bool:
    """`— 3 —`, `-3-`, `第3页`, `3/16`, `第 3 页 共 16 页`, `Page 3`, a lone number."""
    return bool(_PAGE_NUMBER_RE.fullmatch(text.strip()))


def _edge_lines(lines: list[_Line]) -> list[_Line]:
    """The first and last few lines of a page, where its header and footer stand."""
    if len(lines) <= 2 * EDGE_LINES:
        return list(lines)
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def _drop_chrome(pages: Sequence[PageRuns], per_page: list[list[_Line]]) -> list[list[_Line]]:
    """Each page's lines without running headers/footers (repeated at one place on most pages) and page numbers."""
    n = len(pages)
    seen: dict[str, list[tuple[int, float]]] = {}
    for i, lines in enumerate(per_page):
        for ln in _edge_lines(lines):
            seen.setdefault(_DIGITS_RE.sub("#", ln.text), []).append((i, ln.top))
    repeated: dict[str, float] = {}
    need = max(2, (n + 1) // 2)
    for key, places in seen.items():
        if len({p for p, _ in places}) < need:
            continue
        where = median(y for _, y in places)
        if len({p for p, y in places if abs(y - where) <= 6.0}) >= need:
            repeated[key] = where
    out = []
    for i, lines in enumerate(per_page):
        height = pages[i].height or max((ln.bottom for ln in lines), default=1.0)
        edges = _edge_lines(lines)
        drop = set()
        for ln in edges:
            key = _DIGITS_RE.sub("#", ln.text)
            in_zone = ln.bottom < EDGE_ZONE * height or ln.top > (1 - EDGE_ZONE) * height
            if in_zone and key in repeated and abs(ln.top - repeated[key]) <= 6.0:
                drop.add(id(ln))
            elif is_page_number(ln.text) and (in_zone or ln is lines[0] or ln is lines[-1]):
                drop.add(id(ln))
        out.append([ln for ln in lines if id(ln) not in drop])
    return out


# --- the page-1 head: red header, document number, title --------------------------------
HEAD_LINES = 12       # the title and document number are looked for among page 1's first lines
TITLE_SCALE = 1.12    # a title or heading line's characters are this much bigger than the body's


def _head(lines: list[_Line], body_size: float) -> tuple[list[_Line], list[_Line], dict[str, str]]:
    """(lines of the red-header block and document number, the title's lines, metadata) of page 1."""
    metadata: dict[str, str] = {}
    first = [ln for ln in lines if ln.page == 0][:HEAD_LINES]
    header: list[_Line] = []
    for i, ln in enumerate(first):
        m = _DOC_NUMBER_RE.search(ln.text.replace(" ", ""))
        if m:
            metadata["doc_number"] = m.group(0)
            header = first[:i + 1]
            issuer = [h.text for h in first[:i] if h.size >= body_size * 1.3]
            if issuer:
                metadata["issuer"] = re.sub(r"文件$", "", "".join(issuer))
            first = first[i + 1:]
            break
    title: list[_Line] = []
    if first:
        biggest = max(ln.size for ln in first)
        if biggest >= body_size * TITLE_SCALE:
            start = next(i for i, ln in enumerate(first) if ln.size >= biggest - 0.5)
            title = [first[start]]
            for ln in first[start + 1:]:
                if abs(ln.size - biggest) > 0.5 or ln.top - title[-1].bottom > ln.size * 1.5:
                    break
                title.append(ln)
    return header, title, metadata


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


def _frames(per_page: list[list[_Line]], size: float) -> list[_Frame]:
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


def _is_heading(ln: _Line, frame: _Frame) -> bool:
    short = ln.x1 < frame.right - 2 * frame.size
    centred = (ln.x0 > frame.left + 2 * frame.size and short
               and abs((ln.x0 + ln.x1) / 2 - frame.middle) < 1.5 * frame.size)
    bigger = ln.size >= frame.size * TITLE_SCALE
    return (bigger or (ln.bold and short) or centred) and len(ln.text) <= 60


def _gutters(ln: _Line) -> list[tuple[float, float]]:
    return [(a.x1, b.x0) for a, b in zip(ln.cells, ln.cells[1:])]


def _aligned(a: _Line, b: _Line) -> bool:
    """Whether two lines of several cells are rows of one table: no cell of one crosses a gap
    between the cells of the other."""
    def crosses(row: _Line, gaps: list[tuple[float, float]]) -> bool:
        return any(c.x0 < g0 and g1 < c.x1 for c in row.cells for g0, g1 in gaps)

    return not crosses(a, _gutters(b)) and not crosses(b, _gutters(a))


def _table_blocks(lines: list[_Line], size: float) -> list[tuple[int, int]]:
    """(first, last+1) index ranges of lines that are table rows: runs of two or more aligned lines
    of several cells, and the lines that wrap a cell's text between them."""
    blocks = []
    i = 0
    while i < len(lines):
        if len(lines[i].cells) < 2:
            i += 1
            continue
        j = i + 1
        rows, last_row = 1, lines[i]
        while j < len(lines):
            ln, prev = lines[j], lines[j - 1]
            wraps = (ln.page == prev.page and ln.top - prev.bottom < 0.45 * size
                     and _aligned(last_row, ln) and _overlaps_columns(ln, lines[i:j]))
            if len(ln.cells) >= 2 and _aligned(last_row, ln):
                rows, last_row = rows + 1, ln
            elif not wraps:
                break
            j += 1
        if rows >= 2:
            blocks.append((i, j))
            i = j
        else:
            i += 1
    return blocks


def _overlaps_columns(ln: _Line, rows: list[_Line]) -> bool:
    return any(c.x0 < ln.x1 and ln.x0 < c.x1 for r in rows for c in r.cells)


def _table_rows(lines: list[_Line], size: float) -> list[str]:
    """The rows of a table block, cells in columns found by overlap, wrapped cell lines joined."""
    columns: list[list[float]] = []
    for cell in sorted((c for ln in lines for c in ln.cells), key=lambda c: c.x0):
        if columns and cell.x0 < columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], cell.x1)
        else:
            columns.append([cell.x0, cell.x1])
    rows: list[list[str]] = []
    prev: _Line | None = None
    for ln in lines:
        wraps = (prev is not None and ln.page == prev.page and ln.top - prev.bottom < 0.45 * size)
        if not wraps:
            rows.append([""] * len(columns))
        row = rows[-1]
        for cell in ln.cells:
            k = next((k for k, (a, b) in enumerate(columns) if a <= cell.x0 < b), len(columns) - 1)
            row[k] = row[k] + _joiner(row[k][-1:], cell.text[:1]) + cell.text if row[k] else cell.text
        prev = ln
    return [CELL_SEPARATOR.join(cell.replace(CELL_SEPARATOR, " ") for cell in row) for row in rows]


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
        pieces = _tidy_pieces(pieces)
        if not pieces:
            return
        if new_paragraph or self.current is None:
            self.end_paragraph()
            self.current = []
            self.current_heading = heading_level
        elif self.current:
            last = "".join(t for t, _ in self.current)
            joint = _joiner(last[-1:], pieces[0][0][:1])
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


def _tidy_pieces(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """tidy() of a line's (text, bold) pieces, the bold state kept per character."""
    chars = [(ch, bold) for text, bold in pieces for ch in NONCHAR_RE.sub("", text)]
    raw = "".join(ch for ch, _ in chars)
    keep = [True] * len(chars)
    for m in _WIDE_GAP_RE.finditer(raw):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    out: list[tuple[str, bool]] = []
    for (ch, bold), kept in zip(chars, keep):
        if not kept:
            continue
        if ch in _GAP:
            if not out or out[-1][0].endswith(" "):
                continue
            ch = " "
        if out and out[-1][1] == bold:
            out[-1] = (out[-1][0] + ch, bold)
        else:
            out.append((ch, bold))
    while out and out[-1][0].endswith(" "):
        text = out[-1][0].rstrip(" ")
        out[-1:] = [(text, out[-1][1])] if text else []
    return out


def _heading_levels(lines: list[_Line], frames: list[_Frame], title: list[_Line]) -> dict[int, int]:
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
    per_page = [_page_lines(i, page) for i, page in enumerate(pages)]
    per_page = _drop_chrome(pages, per_page)
    lines = [ln for page_lines in per_page for ln in page_lines]
    weights = Counter()
    for ln in lines:
        weights[round(ln.size * 2) / 2] += len(ln.text)
    body_size = weights.most_common(1)[0][0] if weights else 12.0
    frames = _frames(per_page, body_size)
    header, title, metadata = _head(lines, body_size)
    skip = {id(ln) for ln in header + title}
    body = [ln for ln in lines if id(ln) not in skip]
    levels = _heading_levels(body, frames, title)

    builder = _Builder(len(pages))
    if title:
        title_text = title[0].text
        for ln in title[1:]:
            title_text += _joiner(title_text[-1:], ln.text[:1]) + ln.text
        builder.add_line([(title_text, False)], 0, True, None)
        builder.end_paragraph()
    blocks = dict(_table_blocks(body, body_size))
    prev: _Line | None = None
    i = 0
    while i < len(body):
        ln = body[i]
        if i in blocks:
            builder.add_table(_table_rows(body[i:blocks[i]], body_size), ln.page)
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


def _wraps_heading(prev: _Line, ln: _Line, frame: _Frame) -> bool:
    """Whether heading line `ln` goes on with heading line `prev`: same size, `prev` filled the line."""
    return (ln.page == prev.page and abs(ln.size - prev.size) <= 0.5 and prev.x1 > frame.right - 2 * prev.size
            and ln.top - prev.bottom < frame.gap + 0.4 * frame.size + (ln.size - frame.size))


def _starts_paragraph(prev: _Line, ln: _Line, prev_frame: _Frame, frame: _Frame) -> bool:
    """Whether `ln` starts a new paragraph after `prev` (its page-wrapped predecessor otherwise)."""
    size = frame.size
    indent = ln.x0 - frame.left
    if indent > 1.2 * size:                                     # first-line indent, centred, right-aligned
        return True
    if prev.x0 - prev_frame.left > 4 * size:                    # after a centred or right-aligned line
        return True
    room = prev_frame.right - prev.x1
    if room > 1.5 * size and prev.text.endswith(_SENTENCE_END):
        return True
    if room > 0.3 * (prev_frame.right - prev_frame.left):
        return True
    if ln.page == prev.page and ln.top - prev.bottom > frame.gap + 0.4 * size:
        return True
    return abs(ln.size - prev.size) > 0.2 * size
