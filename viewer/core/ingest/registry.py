"""The source formats ingest reads: one Importer per format, registered by its module, chosen by content."""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from viewer.core.ingest._kinds import binary_kind
from viewer.core.model import IngestedDocument

__all__ = [
    "CERTAIN", "FALLBACK", "LIKELY", "NAMED_ONLY", "NO",
    "Importer", "Probe", "advertised_extensions", "advice_extensions", "importer_for", "importer_named",
    "importers", "open_dialog_filters", "register", "supported_extensions", "unregister",
]

# How sure an importer is that it can read a file (what `Importer.sniff` returns). An importer the
# file's extension names beats any other, except one whose content signature is CERTAIN.
NO = 0            # the content cannot be this format
NAMED_ONLY = 1    # it could be, but only read it so when the name says so (plain text in a .html)
FALLBACK = 2      # it could be, and nothing more specific has claimed it (any text is .txt)
LIKELY = 3        # the content looks like this format (markup tags at the start of a page)
CERTAIN = 4       # the content's own signature says so (a zip holding word/document.xml)

HEAD_BYTES = 4096
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class Probe:
    """What importers look at to recognise a file: its first bytes, extension, and a zip's members."""

    def __init__(self, data: bytes, name: str):
        self.data = data
        self.name = name
        self.head = data[:HEAD_BYTES]
        self.extension = os.path.splitext(str(name).replace("\\", "/").rstrip("/"))[1].strip().lower()

    @property
    def is_zip(self) -> bool:
        return self.head[:4] in ZIP_MAGIC

    @property
    def is_binary(self) -> bool:
        """A zip, or a signature of an image, archive, program or other file that is never text."""
        return self.is_zip or binary_kind(self.head) is not None

    @cached_property
    def zip_members(self) -> frozenset[str] | None:
        """The member names of a zip file; None when it is not a zip or cannot be opened."""
        if not self.is_zip:
            return None
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as zf:
                return frozenset(zf.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
                NotImplementedError, RuntimeError, zlib.error):
            return None


@dataclass(frozen=True)
class Importer:
    """One source format: how to recognise it, how to read it, and how the Open dialog lists it.

    `extensions` are the usual names, listed in the Open dialog and the README (the first one is
    named in error advice); `other_extensions` are also taken as a hint but not advertised.
    `media_label` is the message code of the Open dialog's label for these files.
    `wrong_content_code` is the error for a file named like this format that holds something else.
    """

    name: str
    extensions: tuple[str, ...]
    media_label: str
    sniff: Callable[[Probe], int]
    read: Callable[[bytes, str], IngestedDocument]
    other_extensions: tuple[str, ...] = ()
    wrong_content_code: str = "ingest.not_text"
    all_extensions: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = self.extensions + self.other_extensions
        if not self.extensions or any(not e.startswith(".") or e != e.lower() for e in names):
            raise ValueError(f"importer {self.name!r}: extensions must be lower-case and start with '.'")
        object.__setattr__(self, "all_extensions", frozenset(names))


_IMPORTERS: list[Importer] = []


def register(importer: Importer) -> Importer:
    """Add a format (replacing one of the same name, keeping its place); returns it."""
    for i, known in enumerate(_IMPORTERS):
        if known.name == importer.name:
            _IMPORTERS[i] = importer
            return importer
    _IMPORTERS.append(importer)
    return importer


def unregister(name: str) -> None:
    """Remove the format called `name` (nothing happens if there is none)."""
    _IMPORTERS[:] = [known for known in _IMPORTERS if known.name != name]


def importers() -> tuple[Importer, ...]:
    """The registered formats, in the order they were registered."""
    return tuple(_IMPORTERS)


def importer_named(extension: str) -> Importer | None:
    """The first format whose extensions include `extension` ('.docx'), or None."""
    return next((imp for imp in _IMPORTERS if extension.lower() in imp.all_extensions), None)


def importer_for(data: bytes, name: str) -> Importer | None:
    """The format to read `data` as: content first, the name's extension as a hint; None if none fits."""
    probe = Probe(data, name)
    best: tuple[tuple[bool, bool, int, int], Importer] | None = None
    for order, imp in enumerate(_IMPORTERS):
        confidence = imp.sniff(probe)
        if confidence <= NO:
            continue
        named = probe.extension in imp.all_extensions
        if confidence <= NAMED_ONLY and not named:
            continue
        key = (confidence >= CERTAIN, named, confidence, -order)
        if best is None or key > best[0]:
            best = (key, imp)
    return best[1] if best else None


def advertised_extensions() -> tuple[str, ...]:
    """Every usual extension of every format, in order: ('.txt', '.html', '.htm', '.docx')."""
    return tuple(ext for imp in _IMPORTERS for ext in imp.extensions)


def supported_extensions() -> frozenset[str]:
    """Every extension some format takes as a hint, advertised or not."""
    return frozenset(ext for imp in _IMPORTERS for ext in imp.all_extensions)


def advice_extensions() -> tuple[str, ...]:
    """The extension named for each format when telling the user what to choose: ('.txt', '.html', '.docx')."""
    return tuple(imp.extensions[0] for imp in _IMPORTERS)


def open_dialog_filters() -> list[tuple[str, tuple[str, ...]]]:
    """(label message code, glob patterns) of each format, for the Open dialog's file types."""
    return [(imp.media_label, tuple(f"*{ext}" for ext in imp.extensions)) for imp in _IMPORTERS]
