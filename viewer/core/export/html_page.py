"""Annotations as one self-contained HTML page (inline CSS only) that reads and prints well."""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, Mapping, Sequence

from viewer.core.vocab import BOOKMARK_COLOURS, DEFAULT_COLOUR_NAMES, HIGHLIGHT_COLOURS, NOTE_COLOURS
from viewer.core.export.grouping import group_by_section, walk_headings
from viewer.core.export.labels import EXPORT_HEADING, byline, clean, label, one_line, shown_quote, summary

if TYPE_CHECKING:
    from viewer.core.model import Annotation, SectionNode

# (border, quote tint) of each card tone: highlight colour keys, then plain notes and bookmarks.
# The highlight tones are viewer/ui/palette.py's HIGHLIGHT_COLOURS (a test keeps them equal).
TONES = {**{key: (line, tint) for key, (tint, line) in HIGHLIGHT_COLOURS.items()},
         "note": NOTE_COLOURS[::-1], "bookmark": BOOKMARK_COLOURS[::-1]}

_CSS = """
:root { color-scheme: light; }
body { margin: 2em auto; max-width: 46em; padding: 0 1.2em; color: #222; background: #fff; line-height: 1.75;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 1.6em; line-height: 1.4; margin: 0 0 .3em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .6em; padding-bottom: .2em; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05em; margin: 1.2em 0 .5em; }
h4 { font-size: 1em; margin: 1em 0 .4em; color: #333; }
.meta, .by { color: #666; font-size: .85em; }
.meta { margin: 0 0 1.5em; }
.card { margin: 0 0 1em; padding: .6em 1em; border-left: 4px solid var(--c); border-radius: 4px;
  background: #fafafa; box-shadow: 0 1px 3px rgba(0, 0, 0, .12); }
.kind { margin: 0 0 .4em; font-size: .85em; font-weight: bold; color: var(--c); }
blockquote { margin: 0 0 .5em; padding: .3em .7em; background: var(--q); border-radius: 3px;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; white-space: pre-wrap; }
.body { white-space: pre-wrap; margin: 0 0 .4em; }
.by { margin: 0; }
"""
_CSS += "".join(f".{tone} {{ --c: {border}; --q: {tint}; }}\n" for tone, (border, tint) in TONES.items())
_CSS += """@media print {
  body { margin: 0; max-width: none; padding: 0; }
  .card { box-shadow: none; break-inside: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; }
}
@page { margin: 18mm; }
"""


def _h(text: str) -> str:
    return html.escape(clean(text), quote=True)


def _tone(ann: Annotation) -> str:
    """The card's colour: its colour key if known, else plain notes vermilion, bookmarks blue, highlights yellow."""
    if ann.colour in DEFAULT_COLOUR_NAMES:
        return ann.colour
    return ann.kind if ann.kind in ("note", "bookmark") else "yellow"


def _html_card(ann: Annotation, colour_names: Mapping[str, str], pages: Sequence[int] = ()) -> str:
    parts = [f'<article class="card {_tone(ann)}">', f'<p class="kind">{_h(label(ann, colour_names))}</p>']
    if quote := shown_quote(ann):
        parts.append(f"<blockquote>{_h(quote)}</blockquote>")
    if clean(ann.body).strip():
        parts.append(f'<div class="body">{_h(ann.body)}</div>')
    if line := byline(ann, pages):
        parts.append(f'<p class="by">— {_h(line)}</p>')
    return "\n".join(parts) + "\n</article>"


def annotations_html(title: str, sections: Sequence[SectionNode], annotations: Sequence[Annotation],
                     colour_names: Mapping[str, str] | None = None, *, exported_at: datetime | None = None,
                     pages: Sequence[int] = ()) -> str:
    """The annotations as one self-contained HTML5 page (inline CSS only: no scripts, links, fonts or
    images) that reads and prints well: h2/h3/h4 section headings, one card per annotation. All user
    text is escaped; C0 control characters other than \\n and \\t are dropped. A paged report's
    cards say their page (`第2页`) in the byline.

        Path("notes.html").write_text(annotations_html(report.title, report.sections, anns), "utf-8")
    """
    names = DEFAULT_COLOUR_NAMES if colour_names is None else colour_names
    groups = group_by_section(annotations, sections)
    meta, counts = summary(groups, exported_at)
    heading = _h(one_line(title))
    out = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{heading} · {EXPORT_HEADING}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           "<header>", f"<h1>{heading}</h1>", f'<p class="meta">{_h(meta)}<br>{_h(counts)}</p>', "</header>",
           "<main>"]
    for headings, anns in walk_headings(groups):
        for level, text in headings:
            tag = f"h{min(level, 3) + 1}"
            out.append(f"<{tag}>{_h(one_line(text))}</{tag}>")
        out += [_html_card(ann, names, pages) for ann in anns]
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
