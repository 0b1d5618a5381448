"""Hint markers: while the body text is built, heading, bold and table spans ride inline as noncharacters.

Noncharacters (U+FDD0..U+FDEF) occur in no real text, so every step (whitespace, chrome removal,
title moves) keeps the markers in place; they are turned into offsets as the very last step.
"""

from __future__ import annotations

import re

from viewer.core.model import HeadingHint

NONCHAR_RE = re.compile("[\ufdd0-\ufdef]")  # never valid text; source text loses them first
M_START, M_SEP, M_END = "\ufdd0", "\ufdd1", "\ufdd2"
MARK_CLASS = "\ufdd0-\ufdef"
MARKER_RE = re.compile(f"([{M_START}{M_END}])([\ufde0-\ufdef]+){M_SEP}")
_ANY_MARK_RE = re.compile(f"[{MARK_CLASS}]")


def _encode_id(n: int) -> str:
    return "".join(chr(0xFDE0 + int(d, 16)) for d in format(n, "x"))


def decode_id(s: str) -> int:
    """The hint number a marker's digits stand for."""
    return int("".join(format(ord(c) - 0xFDE0, "x") for c in s), 16)


def unmark(s: str) -> str:
    """The text without any marker."""
    return _ANY_MARK_RE.sub("", s)


class Hints:
    """Registry of hint kinds; start()/end() return the inline markers for hint number n."""

    def __init__(self) -> None:
        self.info: list[tuple[str, int | None]] = []

    def new(self, kind: str, level: int | None = None) -> int:
        self.info.append((kind, level))
        return len(self.info) - 1

    @staticmethod
    def start(n: int) -> str:
        return M_START + _encode_id(n) + M_SEP

    @staticmethod
    def end(n: int) -> str:
        return M_END + _encode_id(n) + M_SEP


def edge_space(ch: str) -> bool:
    """Whitespace, zero-width space or BOM: what is stripped at the edges of a line."""
    return ch.isspace() or ch in "\u200b\ufeff"


def strip_marked(line: str) -> str:
    """str.strip() (also of U+200B/U+FEFF) that keeps hint markers found among the stripped chars."""
    i, n = 0, len(line)
    head: list[str] = []
    while i < n:
        m = MARKER_RE.match(line, i)
        if m:
            head.append(m.group(0))
            i = m.end()
        elif edge_space(line[i]):
            i += 1
        else:
            break
    j = n
    tail: list[str] = []
    while j > i:
        if line[j - 1] == M_SEP:
            k = max(line.rfind(M_START, i, j), line.rfind(M_END, i, j))
            m = MARKER_RE.fullmatch(line, k, j) if k >= 0 else None
            if m:
                tail.append(m.group(0))
                j = k
                continue
        if edge_space(line[j - 1]):
            j -= 1
        else:
            break
    return "".join(head) + line[i:j] + "".join(reversed(tail))

def extract_markers(marked: str) -> tuple[str, list[tuple[int, int, int]]]:
    """The text without markers, and the (start, end, hint number) span each start/end pair marked."""
    out: list[str] = []
    pos = 0  # offset in the output text
    last = 0
    open_: dict[int, int] = {}
    spans: list[tuple[int, int, int]] = []
    for m in MARKER_RE.finditer(marked):
        chunk = marked[last:m.start()]
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        n = decode_id(m.group(2))
        if m.group(1) == M_START:
            open_[n] = pos
        elif n in open_:
            spans.append((open_.pop(n), pos, n))
    out.append(marked[last:])
    text = _ANY_MARK_RE.sub("", "".join(out))  # safety: no stray marker survives
    return text, spans


def make_hints(text: str, spans: list[tuple[int, int, int]], hints: Hints | None) -> list[HeadingHint]:
    """Heading hints of the spans, trimmed to their text; a heading wins over a bold run inside it."""
    if hints is None or not spans:
        return []
    trimmed: list[tuple[int, int, str, int | None]] = []
    for start, end, n in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            kind, level = hints.info[n]
            trimmed.append((start, end, kind, level))
    trimmed.sort(key=lambda t: (t[0], -t[1]))
    merged: list[list] = []
    for start, end, kind, level in trimmed:
        if merged:
            prev = merged[-1]
            if start < prev[1]:  # overlaps: a heading wins over a bold run inside it
                if prev[2] == "bold" and kind == "heading":
                    merged[-1] = [start, end, kind, level]
                continue
            gap = text[prev[1]:start]
            if prev[2] == kind == "bold" and not gap.strip() and "\n" not in gap:
                prev[1] = end
                continue
        merged.append([start, end, kind, level])
    return [HeadingHint(start=s, end=e, kind=k, level=lv) for s, e, k, lv in merged]

