"""What an export shows of one annotation: its cleaned text, kind and colour label, quote, times and byline,
the export's header lines, and the colour names used."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Mapping, Sequence

from viewer.core.vocab import ANNOTATION_KIND_NAMES, DEFAULT_COLOUR_NAMES
from viewer.core.export.grouping import UNPLACED_LABEL, page_text
from viewer.core.times import local_time

if TYPE_CHECKING:
    from viewer.core.export.grouping import Group
    from viewer.core.model import Annotation

KIND_NAMES = ANNOTATION_KIND_NAMES
EXPORT_HEADING = "批注、书签和高亮"
NO_ANNOTATIONS = "暂无批注、书签或高亮。"

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str) -> str:
    """User text for Markdown and HTML: newlines as \\n; other C0 controls and DEL dropped."""
    return _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    return " ".join(clean(text).split("\n"))


def label(ann: Annotation, colour_names: Mapping[str, str]) -> str:
    """`高亮 · 重点`: the kind, then the colour's meaning (an unknown colour key shows as itself)."""
    kind = KIND_NAMES.get(ann.kind, ann.kind)
    return f"{kind} · {colour_name(ann, colour_names)}" if ann.colour else kind


def colour_name(ann: Annotation, colour_names: Mapping[str, str]) -> str:
    return colour_names.get(ann.colour, ann.colour) if ann.colour else ""


def shown_quote(ann: Annotation) -> str:
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


def byline(ann: Annotation, pages: Sequence[int] = ()) -> str:
    """`第2页 · 张三 · 创建于 2026-11-26 18:00 (+08:00) · 修改于 2026-11-26 18:05 (+08:00)` (the page
    only in a paged report, and not for an unplaced annotation)."""
    times = [f"{TIME_LABELS[field]} {when}" for field, when in annotation_times(ann)]
    page = "" if ann.unplaced else page_text(pages, ann.start)
    return " · ".join(part for part in (page, ann.author, *times) if part)


def summary(groups: list[Group], exported_at: datetime | None) -> tuple[str, str]:
    """(`批注、书签和高亮 · 导出于 2026-11-26 18:00 (+08:00)`, `共 3 条：批注 1 条，…`) for the export's header."""
    line = f"{EXPORT_HEADING} · 导出于 {local_time(exported_at or datetime.now(timezone.utc))}"
    anns = [ann for _, group in groups for ann in group]
    if not anns:
        return line, NO_ANNOTATIONS
    kinds = "，".join(f"{name} {n} 条" for kind, name in KIND_NAMES.items()
                     if (n := sum(a.kind == kind for a in anns)))
    unplaced = sum(len(group) for path, group in groups if path is None)
    return line, f"共 {len(anns)} 条：{kinds}" + (f"，其中 {unplaced} 条{UNPLACED_LABEL}" if unplaced else "")


def colour_names(saved: object = None, defaults: Mapping[str, str] = DEFAULT_COLOUR_NAMES) -> dict[str, str]:
    """Each highlight colour's meaning: the user's saved names (the `highlight_names` setting) over the
    defaults (the UI passes its translated ones).

        colour_names({"yellow": "必读"})["yellow"]  # "必读"; colour_names()["yellow"] is "重点"
    """
    names = dict(defaults)
    if isinstance(saved, dict):
        names.update({k: str(v) for k, v in saved.items() if k in names and str(v).strip()})
    return names
