"""Annotations as Markdown for a briefing, under their section headings."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Mapping, Sequence

from viewer.core.vocab import DEFAULT_COLOUR_NAMES
from viewer.core.export.grouping import group_by_section, walk_headings
from viewer.core.export.labels import byline, clean, label, one_line, shown_quote, summary

if TYPE_CHECKING:
    from viewer.core.model import Annotation, SectionNode

_MD_INLINE_RE = re.compile(r"([\\`*_\[\]<>~|&#])")
_MD_LINE_START_RE = re.compile(r"^([-+>=])|^(\d+)([.)])")


def _md_escape(line: str) -> str:
    """One line of user text shown literally: inline markup escaped everywhere, list/quote/heading
    markers at the line start escaped, leading ASCII spaces dropped (they would make a code block)."""
    line = _MD_INLINE_RE.sub(r"\\\1", line.lstrip(" \t"))
    return _MD_LINE_START_RE.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def _md_block(text: str, prefix: str) -> list[str]:
    """Escaped lines of `text`, each after `prefix`; lines of one paragraph end in a hard break."""
    lines = [_md_escape(line).rstrip() for line in clean(text).split("\n")]
    return [prefix + line + ("  " if i + 1 < len(lines) and lines[i + 1] else "") if line else prefix.rstrip()
            for i, line in enumerate(lines)]


def annotations_markdown(title: str, sections: Sequence[SectionNode], annotations: Sequence[Annotation],
                         colour_names: Mapping[str, str] | None = None, *,
                         exported_at: datetime | None = None, pages: Sequence[int] = ()) -> str:
    """The annotations as Markdown for a briefing: under `##`/`###`/`####` section headings (by level), each a bullet
    (kind · colour), the quote as `> ` lines, the body, then `— 作者 · 修改于 2026-11-26 18:00 (+08:00)` (local time),
    led by `第2页` when `pages` (the report's page map) is not empty.

        Path("notes.md").write_text(annotations_markdown(report.title, report.sections, anns), "utf-8")
    """
    names = DEFAULT_COLOUR_NAMES if colour_names is None else colour_names
    groups = group_by_section(annotations, sections)
    meta, counts = summary(groups, exported_at)
    out = [f"# {_md_escape(one_line(title))}", "", meta, "", counts]
    for headings, anns in walk_headings(groups):
        for level, text in headings:
            out += ["", f"{'#' * (min(level, 3) + 1)} {_md_escape(one_line(text))}"]
        for ann in anns:
            out += ["", f"- **{_md_escape(label(ann, names))}**"]
            if quote := shown_quote(ann):
                out += _md_block(quote, "  > ")
            if clean(ann.body).strip():
                out += ["", *_md_block(ann.body, "  ")]
            if line := byline(ann, pages):
                out += ["", f"  — {_md_escape(line)}"]
    return "\n".join(out) + "\n"
