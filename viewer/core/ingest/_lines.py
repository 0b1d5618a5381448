"""Positioned text and the lines it forms: runs on a page, clustered by baseline, split into cells at wide gaps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from statistics import median

from viewer.core.ingest._markers import NONCHAR_RE


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


# --- characters -------------------------------------------------------------------------
_WIDE = ("\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
         "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd")
_WIDE_RE = re.compile(f"[{_WIDE}]")
_GAP = " \t\u00a0\u2002\u2003\u2009\u3000"
# a visual gap next to a wide (CJK) character is no text: `增长 5.2%`, `115 家`, `通  知`
_WIDE_GAP_RE = re.compile(f"(?<=[{_WIDE}])[{_GAP}]+(?=\\S)|(?<=\\S)[{_GAP}]+(?=[{_WIDE}])")
_GAP_RE = re.compile(f"[{_GAP}]")
SENTENCE_END = tuple("。：:；;！!？?")


def is_wide(ch: str) -> bool:
    """A CJK (full-width) character, between which lines join with no space."""
    return bool(_WIDE_RE.match(ch))


def tidy_pieces(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """tidy() of a line's (text, bold) pieces, the bold state kept per character."""
    raw = NONCHAR_RE.sub("", "".join(text for text, _ in pieces))
    if not _GAP_RE.search(raw):                      # nothing to squeeze: the pieces as they are
        out: list[tuple[str, bool]] = []
        for text, bold in pieces:
            text = NONCHAR_RE.sub("", text)
            if not text:
                continue
            if out and out[-1][1] == bold:
                out[-1] = (out[-1][0] + text, bold)
            else:
                out.append((text, bold))
        return out
    chars = [(ch, bold) for text, bold in pieces for ch in NONCHAR_RE.sub("", text)]
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


def tidy(text: str) -> str:
    """A line's text: no gap next to a CJK character, other runs of spaces as one space, edges stripped."""
    return "".join(t for t, _ in tidy_pieces([(text, False)]))


_WORD_END = re.compile(r"[A-Za-z0-9,.;:!?)\]}'\"]")
_WORD_START = re.compile(r"[A-Za-z0-9(\[{'\"]")


def joiner(left: str, right: str) -> str:
    """What goes between two pieces of text that the layout set apart: a space between Latin words only."""
    if left and right and _WORD_END.fullmatch(left[-1]) and _WORD_START.fullmatch(right[0]):
        return " "
    return ""


# --- lines ------------------------------------------------------------------------------
@dataclass
class Cell:
    """A stretch of a line without a wide gap inside: its left and right edges and its (text, bold) pieces."""

    x0: float
    x1: float
    pieces: list[tuple[str, bool]]     # (text, bold)

    @cached_property
    def text(self) -> str:
        return tidy("".join(t for t, _ in self.pieces))


@dataclass
class Line:
    """One line of a page: its box, character size, boldness and cells, left to right."""

    page: int                 # index into the pages given
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    cells: list[Cell]

    @cached_property
    def text(self) -> str:
        return tidy(" ".join(c.text for c in self.cells)) if len(self.cells) > 1 else self.cells[0].text

    def pieces(self) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        for cell in self.cells:
            if out and cell.pieces:
                out.append((joiner(out[-1][0][-1:] or " ", cell.text[:1]), False))
            out.extend(cell.pieces)
        return out


CELL_GAP = 0.5   # a horizontal gap wider than this many character sizes may separate table cells


def _run_size(run: TextRun) -> float:
    return run.font_size if run.font_size > 0 else max(run.height, 1.0)


def page_lines(index: int, page: PageRuns) -> list[Line]:
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
        cells: list[Cell] = []
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
            cells.append(Cell(run.x, run.x + run.width, [(run.text, run.bold)]))
        cells = [c for c in cells if c.text]
        if not cells:
            continue
        lines.append(Line(
            page=index, x0=cells[0].x0, x1=max(c.x1 for c in cells),
            top=min(r.y for r in group), bottom=max(r.y + r.height for r in group),
            size=max(_run_size(r) for r in group),
            bold=all(r.bold for r in group if r.text.strip()), cells=cells))
    return lines


