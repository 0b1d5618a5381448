"""The parse pipeline: an ingested source becomes a Report (body text, section tree, figures)."""

from __future__ import annotations

import os

from viewer.core.figures import find_figures
from viewer.core.model import IngestedDocument, Report
from viewer.core.ingest import ingest_bytes, ingest_path
from viewer.core.structure import build_sections


def parse_document(source: IngestedDocument) -> Report:
    """Build the section tree and figure list of an ingested source."""
    return Report(
        source=source,
        sections=build_sections(source.text, source.hints),
        figures=find_figures(source.text),
    )


def parse_path(path: str | os.PathLike) -> Report:
    """Ingest and parse a file; raises IngestError with a one-line message."""
    return parse_document(ingest_path(path))


def parse_bytes(data: bytes, name: str) -> Report:
    """Ingest and parse bytes named `name` (their content picks the format, the name is a hint)."""
    return parse_document(ingest_bytes(data, name))
