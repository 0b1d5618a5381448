"""Annotations grouped under the sections that hold them, and the headings an export prints between groups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Sequence

from viewer.core.model import SectionNode, page_of, section_path

if TYPE_CHECKING:
    from viewer.core.model import Annotation

    Group = tuple[list[SectionNode] | None, list[Annotation]]   # (section path, its annotations)

PATH_SEPARATOR = " › "
UNPLACED_LABEL = "未定位"


def section_path_label(sections: Sequence[SectionNode], offset: int) -> str:
    """`一、 › (二) › 三是` for the sections holding `offset`; "" before the first section."""
    return PATH_SEPARATOR.join(node.number or node.title for node in section_path(sections, offset))


def page_text(pages: Sequence[int], offset: int) -> str:
    """`第2页` for the page holding `offset` in a paged report; "" when the report is not paged."""
    page = page_of(pages, offset)
    return f"第{page}页" if page is not None else ""


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


def walk_headings(groups: list[Group]) -> Iterator[tuple[list[tuple[int, str]], list[Annotation]]]:
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
        yield [(node.level, heading_text(node)) for node in path[same:]], anns
        previous = path


def heading_text(node: SectionNode) -> str:
    return " ".join(part for part in (node.number, node.title) if part)
