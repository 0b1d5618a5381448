"""Source bytes -> canonical body text, title, metadata and heading hints; the format is chosen by content.

Each format is one module that registers an Importer (viewer.core.ingest.registry) when imported;
a new format (PDF, OFD, Markdown…) is one more such module, imported below.
"""

from __future__ import annotations

import os
import stat

from viewer.core.errors import IngestError
from viewer.core.ingest import registry
from viewer.core.ingest._cleanup import fingerprint
from viewer.core.ingest._decode import decode
from viewer.core.ingest._errors import clean_name, fail, not_text, too_big, unsupported_zip
from viewer.core.ingest._kinds import binary_kind
from viewer.core.model import IngestedDocument

__all__ = [
    "MAX_SOURCE_BYTES",
    "IngestedDocument",
    "fingerprint",
    "decode_text",
    "ingest_bytes",
    "ingest_path",
    "registry",
]

MAX_SOURCE_BYTES = 50 * 1024 * 1024

# The formats read out of the box; each registers itself, and this order is the order in which
# the Open dialog, the README and error advice list them.
from viewer.core.ingest import text  # noqa: E402,F401
from viewer.core.ingest import html  # noqa: E402,F401
from viewer.core.ingest import docx  # noqa: E402,F401
from viewer.core.ingest import pdf  # noqa: E402,F401
from viewer.core.ingest import ofd  # noqa: E402,F401
from viewer.core.ingest import markdown  # noqa: E402,F401


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a plain-text source: BOM, then strict UTF-8, then strict GB18030 (sanity-checked)."""
    return decode(data, name)


def _unreadable(data: bytes, name: str) -> IngestError:
    """Why no format reads these bytes: a zip none claims, or what the binary file looks like."""
    probe = registry.Probe(data, name)
    if probe.is_zip:
        members = probe.zip_members
        return fail("ingest.damaged_zip", name) if members is None else unsupported_zip(name, members)
    named = registry.importer_named(probe.extension)
    code = named.wrong_content_code if named is not None else "ingest.not_text"
    return not_text(name, binary_kind(probe.data) or "kind.binary", code)


def ingest_bytes(data: bytes, name: str) -> IngestedDocument:
    """Turn a source file's bytes into a document: its content picks the format, the name is a hint."""
    data = bytes(data)
    if not data:
        raise fail("ingest.empty", name)
    if len(data) > MAX_SOURCE_BYTES:
        raise too_big(name, len(data), MAX_SOURCE_BYTES)
    importer = registry.importer_for(data, name)
    if importer is None:
        raise _unreadable(data, name)
    try:
        return importer.read(data, name)
    except IngestError as exc:
        raise _as_named_format(exc, importer, name) from None


def _as_named_format(exc: IngestError, importer: registry.Importer, name: str) -> IngestError:
    """A file named for one format (坏文件.pdf) that only the text fallback claimed, and that is
    not text either, is 'not a PDF file' rather than 'not a text file'."""
    named = registry.importer_named(registry.Probe(b"", name).extension)
    if named is None or named is importer or exc.code != "ingest.not_text":
        return exc
    return IngestError(named.wrong_content_code, **exc.params)


def ingest_path(path: str | os.PathLike) -> IngestedDocument:
    """Read and ingest a file; every problem is an IngestError naming the file."""
    path = os.fsdecode(os.fspath(path))
    name = clean_name(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise fail("ingest.not_found", name, path=path) from None
    except OSError as exc:
        raise fail("ingest.unreadable", name, reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise fail("ingest.is_folder", name)
    if not stat.S_ISREG(st.st_mode):
        raise fail("ingest.not_regular_file", name)
    if st.st_size == 0:
        raise fail("ingest.empty", name)
    if st.st_size > MAX_SOURCE_BYTES:
        raise too_big(name, st.st_size, MAX_SOURCE_BYTES)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise fail("ingest.unreadable", name, reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise too_big(name, len(data), MAX_SOURCE_BYTES)
    return ingest_bytes(data, name)
