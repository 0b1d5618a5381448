"""Page chrome and the page-1 head of positioned text: running headers, footers, page numbers; red header, document number, title."""

from __future__ import annotations

import re
from statistics import median
from typing import Sequence

from viewer.core.ingest._lines import Line, PageRuns

_PAGE_NUMBER_RE = re.compile(
    r"[-—–－~～\s]*\d{1,4}[-—–－~～\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,16}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,5}\s*号")
_DIGITS_RE = re.compile(r"\d+")


EDGE_LINES = 3        # how many lines at the top and at the bottom of a page may be page chrome
EDGE_ZONE = 0.15      # and within this fraction of the page height from its top or bottom (or the very
                      # first or last line, for a page number)


def is_page_number(text: str) -> bool:
    """`— 3 —`, `-3-`, `第3页`, `3/16`, `第 3 页 共 16 页`, `Page 3`, a lone number."""
    return bool(_PAGE_NUMBER_RE.fullmatch(text.strip()))


def _edge_lines(lines: list[Line]) -> list[Line]:
    """The first and last few lines of a page, where its header and footer stand."""
    if len(lines) <= 2 * EDGE_LINES:
        return list(lines)
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def drop_chrome(pages: Sequence[PageRuns], per_page: list[list[Line]]) -> list[list[Line]]:
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


def page_head(lines: list[Line], body_size: float) -> tuple[list[Line], list[Line], dict[str, str]]:
    """(lines of the red-header block and document number, the title's lines, metadata) of page 1."""
    metadata: dict[str, str] = {}
    first = [ln for ln in lines if ln.page == 0][:HEAD_LINES]
    header: list[Line] = []
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
    title: list[Line] = []
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


