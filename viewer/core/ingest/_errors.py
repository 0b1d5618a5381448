"""The IngestErrors ingest raises: the file named on one line, the registered formats as advice."""

from __future__ import annotations

import os
import re

from viewer.core.errors import IngestError, Phrase
from viewer.core.ingest import registry
from viewer.core.ingest._kinds import zip_kind


def one_line(text: str) -> str:
    """Control characters and line breaks as single spaces, the edges stripped."""
    return re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029]+", " ", text).strip()


def clean_name(name: str) -> str:
    """The file name a message shows: the last path component, on one line."""
    text = str(name).replace("\\", "/").rstrip("/")
    return one_line(os.path.basename(text) or text) or "(unnamed)"


def fail(code: str, name: str, **params) -> IngestError:
    """The IngestError `code` about the file `name` (shown by its last path component)."""
    return IngestError(code, file=clean_name(name), **params)


def advise(code: str, name: str, **params) -> IngestError:
    """fail() for a message that ends by naming the formats to choose instead ({formats})."""
    return fail(code, name, formats=registry.advice_extensions(), **params)


def not_text(name: str, kind: str, code: str = "ingest.not_text") -> IngestError:
    """The error for a file that is not what was expected; `kind` is the code of what it looks like."""
    if kind == "kind.binary_word":
        code = "ingest.binary_word_file"
    elif kind == "kind.old_office":
        code = "ingest.old_office_file"
    elif kind == "kind.rtf":
        code = "ingest.rtf_file"
    return advise(code, name, kind=Phrase(kind))


def unsupported_zip(name: str, members: frozenset[str] | set[str]) -> IngestError:
    """The error for a zip no format reads (a zip is a document only when a format claims its members)."""
    return advise("ingest.unsupported_zip", name, kind=Phrase(zip_kind(members)))


def size_phrase(n: int) -> Phrase:
    """A byte count as the phrase a message shows: `4 KB`, `50 MB`, `12 bytes`."""
    if n >= 1024 * 1024:
        return Phrase("size.mb", n=f"{n / (1024 * 1024):.1f}".removesuffix(".0"))
    if n >= 1024:
        return Phrase("size.kb", n=f"{n / 1024:.1f}".removesuffix(".0"))
    return Phrase("size.bytes", n=n)


def too_big(name: str, size: int, limit: int) -> IngestError:
    """The error for a file over the size limit, giving both sizes."""
    return fail("ingest.too_big", name, size=size_phrase(size), limit=size_phrase(limit))
