"""Annotations as W3C Web Annotation JSON-LD: one annotation, a share collection, and its bytes."""

from __future__ import annotations

import json
import re
import uuid as uuid_module
from datetime import datetime, timezone
from typing import Any, Sequence

from viewer.core.vocab import HIGHLIGHT_KEYS, SHARE_SELECTIONS, SHARE_SUFFIX
from viewer.core.model import Annotation, StoredDocument

FORMAT_VERSION = 1
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXTENSION = "report-viewer"
SUFFIX = SHARE_SUFFIX

MOTIVATIONS = {"note": "commenting", "bookmark": "bookmarking", "highlight": "highlighting"}
KINDS = {motivation: kind for kind, motivation in MOTIVATIONS.items()}
ONLY_CHOICES = SHARE_SELECTIONS
KNOWN_COLOURS = HIGHLIGHT_KEYS

#: Longest text per field, by the field's key in the file (body.value, creator.name, ...).
MAX_FIELD_CHARS = {"value": 100_000, "exact": 2_000_000, "prefix": 1_000, "suffix": 1_000,
                   "name": 200, "title": 1_000, "colour": 40, "sourceName": 1_000, "text": 50 * 1024 * 1024}

#: C0/C1 controls (tab, newline and carriage return aside) and the bidi embeddings, overrides and
#: isolates that can make text display in an order other than it reads (Trojan Source).
FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: str) -> str:
    """Text as a share file may carry it: a control or text-direction character (a form feed from a
    PDF conversion, say) becomes a space, one for one, so offsets and re-anchoring still hold."""
    return FORBIDDEN_RE.sub(" ", text)


def annotation_to_jsonld(ann: Annotation, fingerprint: str) -> dict:
    """One Web Annotation; the colour and a deletion travel in the `report-viewer` extension."""
    item: dict[str, Any] = {
        "id": f"urn:uuid:{ann.uuid}",
        "type": "Annotation",
        "motivation": MOTIVATIONS[ann.kind],
        "created": ann.created,
        "modified": ann.modified,
        "creator": {"type": "Person", "name": plain(ann.author)[:MAX_FIELD_CHARS["name"]]},
        "target": {
            "source": f"urn:sha256:{fingerprint}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": plain(ann.exact), "prefix": plain(ann.prefix),
                 "suffix": plain(ann.suffix)},
                {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
            ],
        },
        EXTENSION: {"colour": ann.colour, "deleted": ann.deleted},
    }
    if ann.body:
        item["body"] = {"type": "TextualBody", "value": plain(ann.body), "format": "text/plain"}
    return item


def share_collection(reports: Sequence[tuple[StoredDocument, Sequence[Annotation]]], *,
                     include_report: bool = False) -> dict:
    """The share collection (a JSON-able dict) of some reports, each with the annotations to share.

        share_bytes(share_collection([(store.document(1), store.annotations(1))]))
    """
    documents, items = [], []
    for doc, annotations in reports:
        entry = {"source": f"urn:sha256:{doc.fingerprint}", "title": plain(doc.title)[:MAX_FIELD_CHARS["title"]],
                 "sourceName": plain(doc.source_name)[:MAX_FIELD_CHARS["sourceName"]]}
        if include_report:
            entry["text"] = plain(doc.text)
        documents.append(entry)
        items += [annotation_to_jsonld(ann, doc.fingerprint) for ann in annotations]
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid_module.uuid4()}",
        "type": "AnnotationCollection",
        "label": "、".join(d["title"] for d in documents),
        "generator": "报告阅览器 Report Viewer",
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "total": len(items),
        EXTENSION: {"format": FORMAT_VERSION, "documents": documents},
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def share_bytes(collection: dict) -> bytes:
    """A share collection as UTF-8 JSON, readable in a text editor."""
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")
