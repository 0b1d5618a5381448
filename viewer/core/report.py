"""The parse pipeline: an ingested source becomes a Report (body text, section tree, figures)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from viewer.core.figures import Figure, find_figures
from viewer.core.ingest import IngestedDocument, ingest_bytes, ingest_path
from viewer.core.structure import SectionNode, build_sections, iter_sections
from viewer.core.tables import TextTable

#: Bumped whenever ingest, structure or figure rules change what a stored document holds.
PARSER_VERSION = "1"


@dataclass
class Report:
    """One parsed report: everything the store keeps and the UI shows."""

    source: IngestedDocument
    sections: list[SectionNode] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def title(self) -> str:
        return self.source.title

    @property
    def tables(self) -> list[TextTable]:
        return self.source.tables

    @property
    def parser_version(self) -> str:
        return PARSER_VERSION

    @property
    def fingerprint(self) -> str:
        return self.source.fingerprint

    def section_count(self) -> int:
        return sum(1 for _ in iter_sections(self.sections))

    def to_json(self) -> dict:
        """The `parse --json` contract: title, metadata, text, nested sections, figures, tables."""
        return {
            "title": self.title,
            "metadata": dict(self.source.metadata),
            "fingerprint": self.fingerprint,
            "parser_version": PARSER_VERSION,
            "text": self.text,
            "sections": [node.to_dict() for node in self.sections],
            "figures": [fig.to_dict() for fig in self.figures],
            "tables": [{"start": t.start, "end": t.end} for t in self.tables],
        }


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
    """Ingest and parse bytes named `name` (its extension picks the format)."""
    return parse_document(ingest_bytes(data, name))
