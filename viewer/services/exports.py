"""Export use cases: a stored report's annotations in a chosen format, its figures table, the colour names to use.

    data = export_annotations(store, 1, "md", saved_colour_names(store))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

from viewer.core import export
from viewer.core.vocab import DEFAULT_COLOUR_NAMES
from viewer.core.export import EXPORT_FORMATS
from viewer.store.settings import HIGHLIGHT_NAMES

if TYPE_CHECKING:
    from viewer.store import LibraryStore


def saved_colour_names(store: "LibraryStore", defaults: Mapping[str, str] = DEFAULT_COLOUR_NAMES) -> dict[str, str]:
    """Each highlight colour's meaning: the user's saved names over `defaults` (the UI passes translated ones)."""
    return export.colour_names(store.get_setting(HIGHLIGHT_NAMES), defaults)


def export_annotations(store: "LibraryStore", doc_id: int, fmt: str, names: Mapping[str, str]) -> bytes:
    """A stored report's live annotations as a file in one of EXPORT_FORMATS (the CLI and the app).

        Path("批注.md").write_bytes(export_annotations(store, 1, "md", saved_colour_names(store)))
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "jsonld":
        from viewer.core.share import share_bytes
        from viewer.services.sharing import build_share

        return share_bytes(build_share(store, [doc_id], include_deleted=False))
    args = (store.document_info(doc_id).title, store.sections(doc_id), store.annotations(doc_id), names)
    pages = store.pages(doc_id)
    if fmt == "csv":
        return export.annotations_csv(*args, pages=pages)
    writer = export.annotations_markdown if fmt == "md" else export.annotations_html
    return writer(*args, pages=pages).encode("utf-8")


def export_figures_csv(store: "LibraryStore", doc_id: int) -> bytes:
    """A stored report's figures table as CSV (UTF-8 with a BOM, for Excel)."""
    return export.figures_csv(store.figures(doc_id), store.sections(doc_id), store.pages(doc_id))
