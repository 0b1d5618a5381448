"""Exports of a report's data, rendered from plain records: its figures table as CSV, and its annotations as
Markdown, HTML or CSV (viewer.services.exports writes them, and JSON-LD, for a stored report)."""

from viewer.core.vocab import DEFAULT_COLOUR_NAMES, EXPORT_FORMATS
from viewer.core.export.grouping import PATH_SEPARATOR, UNPLACED_LABEL, group_by_section, page_text, section_path_label
from viewer.core.export.labels import (
    EXPORT_HEADING, KIND_NAMES, NO_ANNOTATIONS, TIME_LABELS, annotation_times, colour_names,
)

#: The renderers load when first asked for (PEP 562): the reader's start-up needs only the section
#: path labels above, not the CSV, HTML and Markdown writers (and the csv and html modules they use).
_RENDERERS = {
    "ANNOTATION_CSV_HEADER": "csv_tables", "FIGURE_CSV_HEADER": "csv_tables", "KIND_LABELS": "csv_tables",
    "PAGE_COLUMN": "csv_tables",
    "annotations_csv": "csv_tables", "figures_csv": "csv_tables",
    "annotations_html": "html_page", "annotations_markdown": "markdown",
}


def __getattr__(name: str):
    if name in _RENDERERS:
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{_RENDERERS[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ANNOTATION_CSV_HEADER", "DEFAULT_COLOUR_NAMES", "EXPORT_FORMATS", "EXPORT_HEADING", "FIGURE_CSV_HEADER",
    "KIND_LABELS", "KIND_NAMES", "NO_ANNOTATIONS", "PAGE_COLUMN", "PATH_SEPARATOR", "TIME_LABELS", "UNPLACED_LABEL",
    "annotation_times", "annotations_csv", "annotations_html", "annotations_markdown", "colour_names",
    "figures_csv", "file_stem", "group_by_section", "page_text", "section_path_label",
]



def file_stem(title: str) -> str:
    """A report title made safe as a file name on Windows and Linux: `TITLE.rvshare.json`, `TITLE.pdf`."""
    return "".join(c for c in title if c not in '\\/:*?"<>|').strip()[:60] or "report"
