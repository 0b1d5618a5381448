"""Plain text (.txt): decoded, line endings unified, paragraphs at blank lines, chrome lines dropped."""

from __future__ import annotations

from viewer.core.ingest import registry
from viewer.core.ingest._cleanup import make_document, finish
from viewer.core.ingest._decode import decode
from viewer.core.ingest._markers import NONCHAR_RE
from viewer.core.model import IngestedDocument

_TEXT_STRIP = " \t\f\v\u3000\xa0\ufeff\u200b"


def sniff(probe: registry.Probe) -> int:
    """Anything without a binary signature may be text; what is not decodable is refused by read()."""
    return registry.NO if probe.is_binary else registry.FALLBACK


def read(data: bytes, name: str) -> IngestedDocument:
    """The body text of a plain-text file: paragraphs at blank lines, head and tail chrome dropped."""
    text, encoding = decode(data, name)
    text = NONCHAR_RE.sub("", text).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    paras: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip().strip(_TEXT_STRIP).strip()
        if line:
            paras[-1].append(line)
        elif paras[-1]:
            paras.append([])
    metadata: dict[str, str] = {}
    body, title, hints, _tables = finish(paras, metadata, None)
    metadata.update(encoding=encoding, format="txt")
    return make_document(body, title, metadata, hints, name, data, "ingest.blank_text")


IMPORTER = registry.register(registry.Importer(
    name="txt", extensions=(".txt",), other_extensions=(".text",), media_label="format.text",
    sniff=sniff, read=read))
