"""Reading a share file: its bytes checked against the format and the limits, into plain records."""

from __future__ import annotations

import json
import os
import re
import uuid as uuid_module
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, NoReturn

from viewer.core.errors import Phrase, ShareError
from viewer.core.model import Annotation
from viewer.core.share.jsonld import (
    CONTEXT, EXTENSION, FORBIDDEN_RE, FORMAT_VERSION, KINDS, KNOWN_COLOURS, MAX_FIELD_CHARS,
)

#: Limits on a share file, each named in the message of the file that breaks it.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ANNOTATIONS = 100_000
MAX_DEPTH = 32
MAX_DOCUMENTS = 1_000
MAX_POSITION = 2**31 - 1          # far beyond any report (sources are at most 50 MB)
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")



@dataclass(frozen=True)
class SharedDocument:
    """A report named in a share file, with its text when the sender included it."""

    fingerprint: str
    title: str
    source_name: str = ""
    text: str | None = None


@dataclass(frozen=True)
class ShareFile:
    """A validated share file: its reports and annotations (document_id 0 until placed)."""

    documents: tuple[SharedDocument, ...]
    annotations: tuple[tuple[str, Annotation], ...]    # (document fingerprint, annotation)


def read_share(data: bytes, name: str = "share file") -> ShareFile:
    """Validate a share file's bytes; ShareError (one line, with the limit it breaks) if unusable.

        share = read_share(Path("a.rvshare.json").read_bytes(), "a.rvshare.json")
    """
    if len(data) > MAX_FILE_BYTES:
        _too_big(name, len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ShareError("share.not_utf8", file=name) from None
    try:
        root = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except RecursionError:
        raise ShareError("share.too_deep", file=name, limit=MAX_DEPTH) from None
    except _NotJson as exc:
        raise ShareError(exc.code, file=name, **exc.params) from None
    except json.JSONDecodeError as exc:
        raise ShareError("share.not_json_at", file=name, line=exc.lineno, column=exc.colno) from None
    except ValueError:                      # e.g. a number too long to convert
        raise ShareError("share.not_json", file=name) from None
    _check_depth(root, name)
    return _ShareReader(name).read(root)


def read_share_file(path: str | os.PathLike, name: str | None = None) -> ShareFile:
    """Validate a share file on disk; its size is checked before a byte is read."""
    name = name or str(path)
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            _too_big(name, size)
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ShareError("share.cannot_read", file=name, reason=exc.strerror or str(exc)) from None
    return read_share(data, name)


def _too_big(name: str, size: int) -> NoReturn:
    raise ShareError("share.too_big", file=name, size_mb=size / 2**20, limit_mb=MAX_FILE_BYTES // 2**20)


class _NotJson(ValueError):
    """Raised from inside json.loads for what JSON itself allows but a share file does not."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code, self.params = code, params


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _NotJson("share.duplicate_key", key=Counter(keys).most_common(1)[0][0])
    return dict(pairs)


def _no_constant(token: str) -> None:
    raise _NotJson("share.not_a_number", token=token)


def _check_depth(root: Any, name: str) -> None:
    stack = [(root, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ShareError("share.too_deep", file=name, limit=MAX_DEPTH)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)


@dataclass(frozen=True)
class _Place:
    """Where in a share file a problem is: a field path, inside the N-th annotation (and its id) or not."""

    path: str = ""
    item: int | None = None           # 1-based number of the annotation
    uuid: str = ""                    # the annotation's short id, once it is known

    def at(self, key: str) -> "_Place":
        """The place of a field (`name`) or list entry (`[3]`) inside this one."""
        joined = self.path + key if key.startswith("[") or not self.path else f"{self.path}.{key}"
        return replace(self, path=joined)

    def phrase(self) -> Phrase:
        if self.item is None:
            return Phrase("where.field", path=self.path) if self.path else Phrase("where.top_level")
        if not self.uuid:
            return (Phrase("where.annotation_field", number=self.item, path=self.path) if self.path
                    else Phrase("where.annotation", number=self.item))
        if self.path:
            return Phrase("where.annotation_id_field", number=self.item, id=self.uuid, path=self.path)
        return Phrase("where.annotation_id", number=self.item, id=self.uuid)


_TOP = _Place()
#: the type a field should have -> the message code naming it
_TYPE_CODES = {dict: "type.object", list: "type.list", str: "type.text", int: "type.whole_number",
               bool: "type.boolean"}


class _ShareReader:
    """Checks one parsed share file field by field; the first problem becomes the ShareError."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, where: _Place, code: str, **params: Any) -> ShareError:
        return ShareError(code, file=self.name, where=where.phrase(), **params)

    def read(self, root: Any) -> ShareFile:
        if not isinstance(root, dict):
            raise self.fail(_TOP, "share.not_an_object")
        context = root.get("@context")
        if context != CONTEXT and not (isinstance(context, list) and CONTEXT in context):
            raise self.fail(_TOP.at("@context"), "share.not_web_annotation", context=CONTEXT)
        if root.get("type") != "AnnotationCollection":
            raise self.fail(_TOP.at("type"), "share.wrong_type", expected="AnnotationCollection")
        ext = self.field(root, EXTENSION, dict, _TOP)
        version = ext.get("format")
        if version != FORMAT_VERSION or isinstance(version, bool):
            raise self.fail(_TOP.at(EXTENSION).at("format"), "share.unknown_version",
                            version=repr(version)[:40], supported=FORMAT_VERSION)
        where_docs = _TOP.at(EXTENSION).at("documents")
        docs = self.field(ext, "documents", list, _TOP.at(EXTENSION))
        if len(docs) > MAX_DOCUMENTS:
            raise self.fail(where_docs, "share.too_many_reports", count=len(docs), limit=MAX_DOCUMENTS)
        documents = tuple(self.document(d, where_docs.at(f"[{i}]")) for i, d in enumerate(docs))
        known = {d.fingerprint for d in documents}
        if len(known) != len(documents):
            raise self.fail(where_docs, "share.report_listed_twice")
        page = self.field(root, "first", dict, _TOP)
        if page.get("type") != "AnnotationPage":
            raise self.fail(_TOP.at("first").at("type"), "share.wrong_type", expected="AnnotationPage")
        items = self.field(page, "items", list, _TOP.at("first"))
        where_items = _TOP.at("first").at("items")
        if len(items) > MAX_ANNOTATIONS:
            raise self.fail(where_items, "share.too_many_annotations", count=len(items), limit=MAX_ANNOTATIONS)
        annotations = tuple(self.annotation(item, i, known) for i, item in enumerate(items))
        ids = Counter(ann.uuid for _, ann in annotations)
        if ids and ids.most_common(1)[0][1] > 1:
            raise self.fail(where_items, "share.duplicate_id", id=ids.most_common(1)[0][0])
        return ShareFile(documents, annotations)

    def field(self, obj: dict, key: str, kind: type, where: _Place, *, optional: bool = False) -> Any:
        if key not in obj and optional:
            return None
        value = obj.get(key)
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            if key not in obj:
                raise self.fail(where.at(key), "share.field_missing")
            raise self.fail(where.at(key), "share.field_wrong_type",
                            expected=Phrase(_TYPE_CODES[kind]), actual=_json_type(value))
        if kind is str:
            self.check_text(value, where.at(key), MAX_FIELD_CHARS.get(key))
        return value

    def object(self, value: Any, where: _Place) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, "share.field_wrong_type", expected=Phrase("type.object"),
                            actual=_json_type(value))
        return value

    def check_text(self, value: str, where: _Place, limit: int | None) -> None:
        if limit is not None and len(value) > limit:
            raise self.fail(where, "share.text_too_long", length=len(value), limit=limit)
        bad = FORBIDDEN_RE.search(value)
        if bad is not None:
            raise self.fail(where, "share.forbidden_character", character=f"U+{ord(bad.group()):04X}")

    def document(self, doc: Any, where: _Place) -> SharedDocument:
        doc = self.object(doc, where)
        fingerprint = self.source(self.field(doc, "source", str, where), where.at("source"))
        title = self.field(doc, "title", str, where)
        source_name = self.field(doc, "sourceName", str, where, optional=True) or ""
        text = self.field(doc, "text", str, where, optional=True)
        return SharedDocument(fingerprint, title, source_name, text)

    def source(self, value: str, where: _Place) -> str:
        digest = value.removeprefix("urn:sha256:")
        if not value.startswith("urn:sha256:") or len(digest) != 64 or not _is_hex(digest):
            raise self.fail(where, "share.bad_source")
        return digest.lower()

    def annotation(self, item: Any, index: int, known: set[str]) -> tuple[str, Annotation]:
        where = _Place(item=index + 1)
        item = self.object(item, where)
        raw_id = self.field(item, "id", str, where)
        try:
            ann_uuid = str(uuid_module.UUID(raw_id.removeprefix("urn:uuid:")))
        except ValueError:
            raise self.fail(where.at("id"), "share.bad_id") from None
        where = _Place(item=index + 1, uuid=ann_uuid[:8])
        if item.get("type") != "Annotation":
            raise self.fail(where.at("type"), "share.wrong_type", expected="Annotation")
        motivation = self.field(item, "motivation", str, where)
        if motivation not in KINDS:
            raise self.fail(where.at("motivation"), "share.unknown_motivation", value=motivation[:40],
                            allowed=", ".join(KINDS))
        created = self.time(self.field(item, "created", str, where), where.at("created"))
        modified = self.time(self.field(item, "modified", str, where), where.at("modified"))
        creator = self.field(item, "creator", dict, where)
        author = self.field(creator, "name", str, where.at("creator"))
        body = ""
        if "body" in item:
            body_obj = self.field(item, "body", dict, where)
            if body_obj.get("type") != "TextualBody" or body_obj.get("format", "text/plain") != "text/plain":
                raise self.fail(where.at("body"), "share.body_not_plain_text")
            body = self.field(body_obj, "value", str, where.at("body"))
        target = self.field(item, "target", dict, where)
        fingerprint = self.source(self.field(target, "source", str, where.at("target")),
                                  where.at("target").at("source"))
        if fingerprint not in known:
            raise self.fail(where.at("target").at("source"), "share.unknown_report")
        quote, position = self.selectors(self.field(target, "selector", list, where.at("target")),
                                         where.at("target").at("selector"))
        ext = self.field(item, EXTENSION, dict, where, optional=True) or {}
        colour = self.field(ext, "colour", str, where.at(EXTENSION), optional=True) or ""
        deleted = self.field(ext, "deleted", bool, where.at(EXTENSION), optional=True) or False
        kind = KINDS[motivation]
        if kind != "bookmark" and not quote["exact"]:
            raise self.fail(where.at("target"), "share.quote_missing")
        return fingerprint, Annotation(
            ann_uuid, 0, kind, position[0], position[1], quote["exact"], quote["prefix"], quote["suffix"],
            body, colour if colour in KNOWN_COLOURS else "", author, created, modified, deleted)

    def selectors(self, selectors: list, where: _Place) -> tuple[dict[str, str], tuple[int, int]]:
        quote: dict[str, str] | None = None
        position: tuple[int, int] | None = None
        for i, sel in enumerate(selectors):
            at = where.at(f"[{i}]")
            sel = self.object(sel, at)
            if sel.get("type") == "TextQuoteSelector":
                quote = {k: (self.field(sel, k, str, at, optional=k != "exact") or "")
                         for k in ("exact", "prefix", "suffix")}
            elif sel.get("type") == "TextPositionSelector":
                start, end = self.field(sel, "start", int, at), self.field(sel, "end", int, at)
                if start < 0 or end < start or end > MAX_POSITION:
                    raise self.fail(at, "share.impossible_positions", start=start, end=end, limit=MAX_POSITION)
                position = (start, end)
        if quote is None:
            raise self.fail(where, "share.quote_selector_missing")
        if position is None:
            position = (0, len(quote["exact"]))
        return quote, position

    def time(self, value: str, where: _Place) -> str:
        """A date and time, returned as one canonical UTC form so equal moments compare equal."""
        try:
            if not _TIMESTAMP.fullmatch(value):
                raise ValueError(value)
            return moment(value).astimezone(timezone.utc).isoformat(timespec="microseconds")
        except ValueError:
            raise self.fail(where, "share.bad_time", value=value[:40]) from None


def _json_type(value: Any) -> Phrase:
    """The phrase naming a parsed JSON value's type (`a number`, `null` …)."""
    codes = {dict: "type.object", list: "type.list", str: "type.text", bool: "type.boolean",
             type(None): "type.null", int: "type.number", float: "type.number"}
    return Phrase(codes.get(type(value), "type.number"))


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in text)


def moment(stamp: str) -> datetime:
    """A stored or shared time as an aware datetime (a naive one read as UTC)."""
    when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
