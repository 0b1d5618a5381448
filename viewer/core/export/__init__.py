"""Exports of a report's data: its figures table as CSV, and its annotations as Markdown, HTML, CSV or JSON-LD."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence

from viewer.core.model import Figure, SectionNode, section_path
from viewer.core.times import local_time

if TYPE_CHECKING:
    from viewer.store import LibraryStore
    from viewer.core.model import Annotation

    Group = tuple[list[SectionNode] | None, list[Annotation]]   # (section path, its annotations)

PATH_SEPARATOR = " › "

KIND_LABELS = {"count": "计数", "percent": "百分比", "money": "金额", "date": "日期", "number": "数字"}

FIGURE_CSV_HEADER = ["原文", "数值", "单位", "类型", "限定词", "章节", "起", "止"]

DEFAULT_COLOUR_NAMES = {"yellow": "重点", "blue": "疑问", "green": "待办", "pink": "数据", "purple": "引用"}
KIND_NAMES = {"note": "批注", "bookmark": "书签", "highlight": "高亮"}
ANNOTATION_CSV_HEADER = ["类型", "颜色", "章节", "原文", "内容", "作者", "创建", "修改", "起", "止", "id"]
UNPLACED_LABEL = "未定位"
EXPORT_HEADING = "批注、书签和高亮"
NO_ANNOTATIONS = "暂无批注、书签或高亮。"

def section_path_label(sections: Sequence[SectionNode], offset: int) -> str:
    """`一、 › (二) › 三是` for the sections holding `offset`; "" before the first section."""
    return PATH_SEPARATOR.join(node.number or node.title for node in section_path(sections, offset))


def figures_csv(figures: Sequence[Figure], sections: Sequence[SectionNode]) -> bytes:
    """The figures table as CSV in UTF-8 with a BOM, so Excel on Chinese Windows opens it.

        Path("figures.csv").write_bytes(figures_csv(report.figures, report.sections))
    """
    from viewer.core.figures import unit_word    # the scanner's module loads when first needed

    return _csv_bytes(FIGURE_CSV_HEADER, (
        [fig.text, _plain_number(fig.value), unit_word(fig), KIND_LABELS.get(fig.kind, fig.kind),
         fig.qualifier, section_path_label(sections, fig.start), fig.start, fig.end] for fig in figures))


def _plain_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- annotations: grouping ----------------------------------------------------------------------


def group_by_section(annotations: Sequence[Annotation], sections: Sequence[SectionNode]) -> list[Group]:
    """(section path, annotations) runs in reading order (start, end, created), deleted ones left out.

    Each placed annotation goes with the innermost section holding its start; the path lists that
    section's ancestors first. Annotations before the first section get the path []; unplaced ones
    come last with the path None (shown as 未定位).

        for path, anns in group_by_section(store.annotations(doc_id), report.sections): ...
    """
    live = sorted((a for a in annotations if not a.deleted), key=lambda a: (a.start, a.end, a.created))
    groups: list[Group] = []
    for ann in live:
        if not ann.unplaced:
            path = section_path(sections, ann.start)
            if groups and groups[-1][0] is not None and _same_path(groups[-1][0], path):
                groups[-1][1].append(ann)
            else:
                groups.append((path, [ann]))
    unplaced = [a for a in live if a.unplaced]
    return groups + [(None, unplaced)] if unplaced else groups


def _same_path(a: Sequence[SectionNode], b: Sequence[SectionNode]) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


def _walk(groups: list[Group]) -> Iterator[tuple[list[tuple[int, str]], list[Annotation]]]:
    """Each group with the headings to print before it: (level, text) for every level that changed."""
    previous: list[SectionNode] = []
    for path, anns in groups:
        if path is None:
            yield [(1, UNPLACED_LABEL)], anns
            continue
        same = 0
        while same < min(len(path), len(previous)) and path[same] is previous[same]:
            same += 1
        if path and same == len(path) and not _same_path(path, previous):
            same -= 1   # back in an outer section after a nested one: repeat its heading
        yield [(node.level, _heading(node)) for node in path[same:]], anns
        previous = path


def _heading(node: SectionNode) -> str:
    return " ".join(part for part in (node.number, node.title) if part)


# --- annotations: shared bits -------------------------------------------------------------------

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(text: str) -> str:
    """User text for Markdown and HTML: newlines as \\n; other C0 controls and DEL dropped."""
    return _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split("\n"))


def _label(ann: Annotation, colour_names: Mapping[str, str]) -> str:
    """`高亮 · 重点`: the kind, then the colour's meaning (an unknown colour key shows as itself)."""
    kind = KIND_NAMES.get(ann.kind, ann.kind)
    return f"{kind} · {_colour_name(ann, colour_names)}" if ann.colour else kind


def _colour_name(ann: Annotation, colour_names: Mapping[str, str]) -> str:
    return colour_names.get(ann.colour, ann.colour) if ann.colour else ""


def _quote(ann: Annotation) -> str:
    """The quoted text; a bookmark (an empty span) shows the start of the text after it."""
    if ann.exact or ann.kind != "bookmark":
        return ann.exact
    after = ann.suffix.strip().split("\n")[0]
    return after[:30] + "…" if after else ""


def annotation_times(ann: Annotation) -> list[tuple[str, str]]:
    """[("created", …), ("modified", …)] in local time with offset (see times.local_time); the creation
    time only when it reads differently from the last change. The notes panel, print and every
    export show the same: the last change, labelled 修改于, and the creation where it differs.
    """
    if not (ann.modified or ann.created):
        return []
    changed = local_time(ann.modified or ann.created)
    made = local_time(ann.created) if ann.created else changed
    return ([("created", made)] if made != changed else []) + [("modified", changed)]


TIME_LABELS = {"created": "创建于", "modified": "修改于"}


def _byline(ann: Annotation) -> str:
    """`张三 · 创建于 2026-11-26 18:00 (+08:00) · 修改于 2026-11-26 18:05 (+08:00)`."""
    times = [f"{TIME_LABELS[field]} {when}" for field, when in annotation_times(ann)]
    return " · ".join(part for part in (ann.author, *times) if part)


def _summary(groups: list[Group], exported_at: datetime | None) -> tuple[str, str]:
    """(`批注、书签和高亮 · 导出于 2026-11-26 18:00 (+08:00)`, `共 3 条：批注 1 条，…`) for the export's header."""
    line = f"{EXPORT_HEADING} · 导出于 {local_time(exported_at or datetime.now(timezone.utc))}"
    anns = [ann for _, group in groups for ann in group]
    if not anns:
        return line, NO_ANNOTATIONS
    kinds = "，".join(f"{name} {n} 条" for kind, name in KIND_NAMES.items()
                     if (n := sum(a.kind == kind for a in anns)))
    unplaced = sum(len(group) for path, group in groups if path is None)
    return line, f"共 {len(anns)} 条：{kinds}" + (f"，其中 {unplaced} 条{UNPLACED_LABEL}" if unplaced else "")


# --- annotations: Markdown ----------------------------------------------------------------------

_MD_INLINE_RE = re.compile(r"([\\`*_\[\]<>~|&#])")
_MD_LINE_START_RE = re.compile(r"^([-+>=])|^(\d+)([.)])")


def _md_escape(line: str) -> str:
    """One line of user text shown literally: inline markup escaped everywhere, list/quote/heading
    markers at the line start escaped, leading ASCII spaces dropped (they would make a code block)."""
    line = _MD_INLINE_RE.sub(r"\\\1", line.lstrip(" \t"))
    return _MD_LINE_START_RE.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def _md_block(text: str, prefix: str) -> list[str]:
    """Escaped lines of `text`, each after `prefix`; lines of one paragraph end in a hard break."""
    lines = [_md_escape(line).rstrip() for line in _clean(text).split("\n")]
    return [prefix + line + ("  " if i + 1 < len(lines) and lines[i + 1] else "") if line else prefix.rstrip()
            for i, line in enumerate(lines)]


def annotations_markdown(title: str, sections: Sequence[SectionNode], annotations: Sequence[Annotation],
                         colour_names: Mapping[str, str] | None = None, *,
                         exported_at: datetime | None = None) -> str:
    """The annotations as Markdown for a briefing: under `##`/`###`/`####` section headings (by level), each a bullet
    (kind · colour), the quote as `> ` lines, the body, then `— 作者 · 修改于 2026-11-26 18:00 (+08:00)` (local time).

        Path("notes.md").write_text(annotations_markdown(report.title, report.sections, anns), "utf-8")
    """
    names = DEFAULT_COLOUR_NAMES if colour_names is None else colour_names
    groups = group_by_section(annotations, sections)
    meta, counts = _summary(groups, exported_at)
    out = [f"# {_md_escape(_one_line(title))}", "", meta, "", counts]
    for headings, anns in _walk(groups):
        for level, text in headings:
            out += ["", f"{'#' * (min(level, 3) + 1)} {_md_escape(_one_line(text))}"]
        for ann in anns:
            out += ["", f"- **{_md_escape(_label(ann, names))}**"]
            if quote := _quote(ann):
                out += _md_block(quote, "  > ")
            if _clean(ann.body).strip():
                out += ["", *_md_block(ann.body, "  ")]
            if byline := _byline(ann):
                out += ["", f"  — {_md_escape(byline)}"]
    return "\n".join(out) + "\n"


# --- annotations: HTML --------------------------------------------------------------------------

# (border, quote tint) of each card tone: highlight colour keys, then plain notes and bookmarks.
# The highlight tones are viewer/ui/palette.py's HIGHLIGHT_COLOURS (a test keeps them equal).
_TONES = {"yellow": ("#b08d00", "#f5df7c"), "blue": ("#c45f00", "#ffb26b"), "green": ("#5b8c1a", "#b3dd7a"),
          "pink": ("#cc3d66", "#ff9eb4"), "purple": ("#7a52b3", "#c6aaf5"), "note": ("#d55e00", "#fde0cf"),
          "bookmark": ("#0072b2", "#d6eaf5")}

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
_CSS += "".join(f".{tone} {{ --c: {border}; --q: {tint}; }}\n" for tone, (border, tint) in _TONES.items())
_CSS += """@media print {
  body { margin: 0; max-width: none; padding: 0; }
  .card { box-shadow: none; break-inside: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, h4 { break-after: avoid; }
}
@page { margin: 18mm; }
"""


def _h(text: str) -> str:
    return html.escape(_clean(text), quote=True)


def _tone(ann: Annotation) -> str:
    """The card's colour: its colour key if known, else plain notes vermilion, bookmarks blue, highlights yellow."""
    if ann.colour in DEFAULT_COLOUR_NAMES:
        return ann.colour
    return ann.kind if ann.kind in ("note", "bookmark") else "yellow"


def _html_card(ann: Annotation, colour_names: Mapping[str, str]) -> str:
    parts = [f'<article class="card {_tone(ann)}">', f'<p class="kind">{_h(_label(ann, colour_names))}</p>']
    if quote := _quote(ann):
        parts.append(f"<blockquote>{_h(quote)}</blockquote>")
    if _clean(ann.body).strip():
        parts.append(f'<div class="body">{_h(ann.body)}</div>')
    if byline := _byline(ann):
        parts.append(f'<p class="by">— {_h(byline)}</p>')
    return "\n".join(parts) + "\n</article>"


def annotations_html(title: str, sections: Sequence[SectionNode], annotations: Sequence[Annotation],
                     colour_names: Mapping[str, str] | None = None, *, exported_at: datetime | None = None) -> str:
    """The annotations as one self-contained HTML5 page (inline CSS only: no scripts, links, fonts or
    images) that reads and prints well: h2/h3/h4 section headings, one card per annotation. All user
    text is escaped; C0 control characters other than \\n and \\t are dropped.

        Path("notes.html").write_text(annotations_html(report.title, report.sections, anns), "utf-8")
    """
    names = DEFAULT_COLOUR_NAMES if colour_names is None else colour_names
    groups = group_by_section(annotations, sections)
    meta, counts = _summary(groups, exported_at)
    heading = _h(_one_line(title))
    out = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{heading} · {EXPORT_HEADING}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           "<header>", f"<h1>{heading}</h1>", f'<p class="meta">{_h(meta)}<br>{_h(counts)}</p>', "</header>",
           "<main>"]
    for headings, anns in _walk(groups):
        for level, text in headings:
            tag = f"h{min(level, 3) + 1}"
            out.append(f"<{tag}>{_h(_one_line(text))}</{tag}>")
        out += [_html_card(ann, names) for ann in anns]
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


# --- annotations: CSV ---------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A text cell Excel will not run as a formula: one starting with = + - @ tab or CR gets a `'`."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def annotations_csv(title: str, sections: Sequence[SectionNode], annotations: Sequence[Annotation],
                    colour_names: Mapping[str, str] | None = None) -> bytes:
    """The annotations as CSV (UTF-8 with a BOM, CRLF), in reading order, unplaced ones last with
    章节 未定位 and empty 起/止; times in local time with their offset, as the other exports show them.
    `title` is unused but keeps the writers' signatures alike.

        Path("notes.csv").write_bytes(annotations_csv(report.title, report.sections, anns))
    """
    names = DEFAULT_COLOUR_NAMES if colour_names is None else colour_names
    rows = []
    for path, anns in group_by_section(annotations, sections):
        for ann in anns:
            place, start, end = ((UNPLACED_LABEL, "", "") if path is None
                                 else (section_path_label(sections, ann.start), ann.start, ann.end))
            text = [KIND_NAMES.get(ann.kind, ann.kind), _colour_name(ann, names), place, ann.exact, ann.body,
                    ann.author, local_time(ann.created), local_time(ann.modified)]
            rows.append([_cell(value) for value in text] + [start, end, _cell(ann.uuid)])
    return _csv_bytes(ANNOTATION_CSV_HEADER, rows)


def _csv_bytes(header: list[str], rows: Iterable[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def colour_names(saved: object = None, defaults: Mapping[str, str] = DEFAULT_COLOUR_NAMES) -> dict[str, str]:
    """Each highlight colour's meaning: the user's saved names (the `highlight_names` setting) over the
    defaults (the UI passes its translated ones).

        colour_names(store.get_setting("highlight_names"))["yellow"]  # "重点", or the user's name
    """
    names = dict(defaults)
    if isinstance(saved, dict):
        names.update({k: str(v) for k, v in saved.items() if k in names and str(v).strip()})
    return names


EXPORT_FORMATS = ("md", "html", "csv", "jsonld")


def export_annotations(store: "LibraryStore", doc_id: int, fmt: str, names: Mapping[str, str]) -> bytes:
    """A stored report's live annotations as a file in one of EXPORT_FORMATS (the CLI and the app).

        Path("批注.md").write_bytes(export_annotations(store, 1, "md", colour_names()))
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "jsonld":
        from viewer.core.share import build_share, share_bytes

        return share_bytes(build_share(store, [doc_id], include_deleted=False))
    args = (store.document_info(doc_id).title, store.sections(doc_id), store.annotations(doc_id), names)
    if fmt == "csv":
        return annotations_csv(*args)
    writer = annotations_markdown if fmt == "md" else annotations_html
    return writer(*args).encode("utf-8")


def file_stem(title: str) -> str:
    """A report title made safe as a file name on Windows and Linux: `TITLE.rvshare.json`, `TITLE.pdf`."""
    return "".join(c for c in title if c not in '\\/:*?"<>|').strip()[:60] or "report"
