"""Exports of a report's data, rendered from plain records: its figures table as CSV, and its annotations as
Markdown, HTML or CSV (viewer.services.exports writes them, and JSON-LD, for a stored report)."""

from viewer.core.vocab import DEFAULT_COLOUR_NAMES, EXPORT_FORMATS
from viewer.core.export.csv_tables import (
    ANNOTATION_CSV_HEADER, FIGURE_CSV_HEADER, KIND_LABELS, PAGE_COLUMN, annotations_csv, figures_csv,
)
from viewer.core.export.grouping import PATH_SEPARATOR, UNPLACED_LABEL, group_by_section, page_text, section_path_label
from viewer.core.export.html_page import annotations_html
from viewer.core.export.labels import (
    EXPORT_HEADING, KIND_NAMES, NO_ANNOTATIONS, TIME_LABELS, annotation_times, colour_names,
)
from viewer.core.export.markdown import annotations_markdown

__all__ = [
    "ANNOTATION_CSV_HEADER", "DEFAULT_COLOUR_NAMES", "EXPORT_FORMATS", "EXPORT_HEADING", "FIGURE_CSV_HEADER",
    "KIND_LABELS", "KIND_NAMES", "NO_ANNOTATIONS", "PAGE_COLUMN", "PATH_SEPARATOR", "TIME_LABELS", "UNPLACED_LABEL",
    "annotation_times", "annotations_csv", "annotations_html", "annotations_markdown", "colour_names",
    "figures_csv", "file_stem", "group_by_section", "page_text", "section_path_label",
]



def file_stem(title: str) -> str:
    """A report title made safe as a file name on Windows and Linux: `TITLE.rvshare.json`, `TITLE.pdf`."""
    return "".join(c for c in title if c not in '\\/:*?"<>|').strip()[:60] or "report"
