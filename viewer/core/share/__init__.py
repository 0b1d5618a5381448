"""Share files (.rvshare.json, a W3C Web Annotation collection): write, validate, plan and apply an import."""

from __future__ import annotations

import json
import os
import re
import uuid as uuid_module
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, NoReturn, Sequence

from viewer.core.anchors import quotes_match
from viewer.core.errors import Phrase, ReportViewerError, ShareError
from viewer.core.vocab import HIGHLIGHT_KEYS, SHARE_SELECTIONS, SHARE_SUFFIX
from viewer.store import LibraryStore
from viewer.core.model import Annotation

if TYPE_CHECKING:
    from viewer.core.model import Report

FORMAT_VERSION = 1
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXTENSION = "report-viewer"
SUFFIX = SHARE_SUFFIX

#: Limits on a share file, each named in the message of the file that breaks it.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ANNOTATIONS = 100_000
MAX_DEPTH = 32
MAX_DOCUMENTS = 1_000
MAX_POSITION = 2**31 - 1          # far beyond any report (sources are at most 50 MB)
#: Longest text per field, by the field's key in the file (body.value, creator.name, ...).
MAX_FIELD_CHARS = {"value": 100_000, "exact": 2_000_000, "prefix": 1_000, "suffix": 1_000,
                   "name": 200, "title": 1_000, "colour": 40, "sourceName": 1_000, "text": 50 * 1024 * 1024}
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?")

MOTIVATIONS = {"note": "commenting", "bookmark": "bookmarking", "highlight": "highlighting"}
KINDS = {motivation: kind for kind, motivation in MOTIVATIONS.items()}
ONLY_CHOICES = SHARE_SELECTIONS
KNOWN_COLOURS = HIGHLIGHT_KEYS

#: C0/C1 controls (tab, newline and carriage return aside) and the bidi embeddings, overrides and
#: isolates that can make text display in an order other than it reads (Trojan Source).
_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_COPY_NAMESPACE = uuid_module.UUID("6f1c1f3e-4b0a-4e57-9a53-7f1d0c2b8e11")


# --- writing ----------------------------------------------------------------------------------


def build_share(store: LibraryStore, doc_ids: Sequence[int], *, only: str = "all",
                include_report: bool = False, include_deleted: bool = True) -> dict:
    """The share collection of some reports' annotations (tombstones included), as a JSON-able dict.

        data = build_share(store, [1], only="bookmarks", include_report=True)
        Path("批注.rvshare.json").write_bytes(share_bytes(data))
    """
    kinds = ONLY_CHOICES[only]
    documents, items = [], []
    for doc_id in doc_ids:
        doc = store.document(doc_id)
        entry = {"source": f"urn:sha256:{doc.fingerprint}", "title": _plain(doc.title)[:MAX_FIELD_CHARS["title"]],
                 "sourceName": _plain(doc.source_name)[:MAX_FIELD_CHARS["sourceName"]]}
        if include_report:
            entry["text"] = _plain(doc.text)
        documents.append(entry)
        items += [annotation_to_jsonld(ann, doc.fingerprint)
                  for ann in store.annotations(doc_id, include_deleted=include_deleted, kinds=kinds)]
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid_module.uuid4()}",
        "type": "AnnotationCollection",
        "label": "、".join(d["title"] for d in documents),
        "generator": "报告阅览器 Report Viewer",
        "generated": _now(),
        "total": len(items),
        EXTENSION: {"format": FORMAT_VERSION, "documents": documents},
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def share_bytes(collection: dict) -> bytes:
    """A share collection as UTF-8 JSON, readable in a text editor."""
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")


def _plain(text: str) -> str:
    """Text as a share file may carry it: a control or text-direction character (a form feed from a
    PDF conversion, say) becomes a space, one for one, so offsets and re-anchoring still hold."""
    return _FORBIDDEN_RE.sub(" ", text)


def annotation_to_jsonld(ann: Annotation, fingerprint: str) -> dict:
    """One Web Annotation; the colour and a deletion travel in the `report-viewer` extension."""
    item: dict[str, Any] = {
        "id": f"urn:uuid:{ann.uuid}",
        "type": "Annotation",
        "motivation": MOTIVATIONS[ann.kind],
        "created": ann.created,
        "modified": ann.modified,
        "creator": {"type": "Person", "name": _plain(ann.author)[:MAX_FIELD_CHARS["name"]]},
        "target": {
            "source": f"urn:sha256:{fingerprint}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": _plain(ann.exact), "prefix": _plain(ann.prefix),
                 "suffix": _plain(ann.suffix)},
                {"type": "TextPositionSelector", "start": ann.start, "end": ann.end},
            ],
        },
        EXTENSION: {"colour": ann.colour, "deleted": ann.deleted},
    }
    if ann.body:
        item["body"] = {"type": "TextualBody", "value": _plain(ann.body), "format": "text/plain"}
    return item


# --- reading and validating -------------------------------------------------------------------


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
        bad = _FORBIDDEN_RE.search(value)
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
            return _moment(value).astimezone(timezone.utc).isoformat(timespec="microseconds")
        except ValueError:
            raise self.fail(where, "share.bad_time", value=value[:40]) from None


def _json_type(value: Any) -> Phrase:
    """The phrase naming a parsed JSON value's type (`a number`, `null` …)."""
    codes = {dict: "type.object", list: "type.list", str: "type.text", bool: "type.boolean",
             type(None): "type.null", int: "type.number", float: "type.number"}
    return Phrase(codes.get(type(value), "type.number"))


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdefABCDEF" for c in text)


def _moment(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --- planning and applying an import ----------------------------------------------------------

ACTIONS = ("new", "updated", "unchanged", "deleted", "unplaced", "conflict", "pending")


@dataclass
class PlannedChange:
    """What importing one shared annotation does: `writes` go to the library, `pending` waits."""

    action: str                 # one of ACTIONS
    incoming: Annotation
    title: str                  # the report it belongs to
    detail: Phrase | None = None  # what it does, when the action alone does not say (messages.render)
    writes: list[Annotation] = field(default_factory=list)
    pending: tuple[str, str] | None = None       # (fingerprint, title) while its report is missing
    new_report: int | None = None                # index into ImportPlan.new_reports for its report
    seen_modified: str | None = None             # the local version's `modified` when planned

    def changes_library(self) -> bool:
        return bool(self.writes) or self.pending is not None


@dataclass
class ImportPlan:
    """Everything an import will do, shown before it is applied (the preview and --dry-run)."""

    source_name: str
    changes: list[PlannedChange]
    new_reports: list["Report"]                  # embedded reports the library lacks

    def counts(self) -> dict[str, int]:
        counted = Counter(change.action for change in self.changes)
        return {action: counted.get(action, 0) for action in ACTIONS}

    def is_empty(self) -> bool:
        """True when applying would write nothing at all (the same file imported again)."""
        return not self.new_reports and not any(c.changes_library() for c in self.changes)

    def summary(self) -> str:
        """One line: `2 new, 1 updated, 0 unchanged, …; 1 report added`."""
        counts = ", ".join(f"{n} {action}" for action, n in self.counts().items())
        reports = f"; {len(self.new_reports)} report(s) added" if self.new_reports else ""
        return counts + reports


def plan_import(store: LibraryStore, share: ShareFile, source_name: str = "share file") -> ImportPlan:
    """Work out, without writing, what importing a validated share file does to the library.

        plan = plan_import(store, read_share(data, name), name)
        print(plan.summary()); apply_import(store, plan)
    """
    quotes: dict[str, list[str]] = {}
    for fingerprint, ann in share.annotations:
        quotes.setdefault(fingerprint, []).append(ann.exact)
    texts: dict[str, tuple[int | None, str, str | None]] = {}   # fingerprint -> (doc id, title, text)
    new_reports: list[Report] = []
    for doc in share.documents:
        texts[doc.fingerprint] = _resolve_document(store, doc, quotes.get(doc.fingerprint, []),
                                                   new_reports, source_name)
    twins: dict[int, set[tuple]] = {}           # per report: what its live annotations say, where
    changes = []
    for fingerprint, incoming in share.annotations:
        doc_id, title, text = texts[fingerprint]
        if text is None:
            changes.append(_plan_pending(store, incoming, fingerprint, title))
            continue
        if doc_id is not None and doc_id not in twins:
            twins[doc_id] = {_twin_key(a) for a in store.annotations(doc_id)}
        local = store.annotation(incoming.uuid) if store.has_annotation(incoming.uuid) else None
        change = _plan_one(store, local, incoming, doc_id or 0, title, text, twins.get(doc_id, set()))
        change.seen_modified = local.modified if local is not None else None
        if doc_id is None:
            change.new_report = next(i for i, r in enumerate(new_reports) if r.text is text)
        changes.append(change)
    return ImportPlan(source_name, changes, new_reports)


def _resolve_document(store: LibraryStore, doc: SharedDocument, quotes: Sequence[str],
                      new_reports: list["Report"], source_name: str) -> tuple[int | None, str, str | None]:
    """The receiver's copy of a shared report: the report inside the file when there is one (matched
    by fingerprint, else added); otherwise by fingerprint, then by title when the quotes agree."""
    if doc.text is None:
        doc_id = store.find_by_fingerprint(doc.fingerprint)
        if doc_id is None:       # the same report from another format; same-titled reports of other years are not
            same_title = [d.id for d in store.documents_where("title = ?", (doc.title,))]
            doc_id = next((d for d in same_title if quotes_match(store.document(d).text, quotes)), None)
        if doc_id is None:
            return None, doc.title, None
        return doc_id, store.document_info(doc_id).title, store.document(doc_id).text
    from viewer.core.report import parse_bytes

    stem = (doc.source_name.rsplit(".", 1)[0] or "report")[:80]
    try:
        report = parse_bytes(doc.text.encode("utf-8"), f"{stem}.txt")
    except ReportViewerError as exc:
        raise ShareError("share.embedded_report_unparsable", file=source_name, title=doc.title[:40],
                         reason=exc) from None
    for fingerprint in (report.fingerprint, doc.fingerprint):
        existing = store.find_by_fingerprint(fingerprint)
        if existing is not None:
            return existing, store.document_info(existing).title, store.document(existing).text
    same = next((r for r in new_reports if r.fingerprint == report.fingerprint), None)
    if same is not None:
        return None, same.title, same.text
    new_reports.append(report)
    return None, report.title, report.text


def _plan_pending(store: LibraryStore, incoming: Annotation, fingerprint: str, title: str) -> PlannedChange:
    """An annotation for a report not here: it waits; a newer version or a deletion replaces what waits."""
    waiting = store.pending_annotation(incoming.uuid)
    if waiting is not None and _moment(incoming.modified) <= _moment(waiting.modified):
        return PlannedChange("unchanged", incoming, title)
    if incoming.deleted:     # recorded, so the report's arrival cannot bring back a deleted note
        action = "deleted" if waiting is not None and not waiting.deleted else "unchanged"
        return PlannedChange(action, incoming, title, pending=(fingerprint, title))
    return PlannedChange("pending", incoming, title, Phrase("share.plan_pending"), pending=(fingerprint, title))


def _same_content(a: Annotation, b: Annotation) -> bool:
    return (a.kind, a.body, a.colour, a.deleted) == (b.kind, b.body, b.colour, b.deleted)


def _twin_key(ann: Annotation) -> tuple:
    """What an annotation says and where: two live ones with the same key are the same note."""
    return ann.kind, ann.start, ann.end, ann.body, ann.colour, ann.unplaced


def _copy_of(version: Annotation, local: Annotation) -> Annotation:
    """The losing version of a conflict, kept live as its own annotation at the local position.

    Its id is derived from the version's id and time, so importing the file again adds no second copy.
    """
    copy_id = str(uuid_module.uuid5(_COPY_NAMESPACE, f"{version.uuid}@{version.modified}"))
    return replace(version.positioned_like(local), uuid=copy_id, deleted=False, shared_modified=version.modified)


def _plan_one(store: LibraryStore, local: Annotation | None, incoming: Annotation, doc_id: int,
              title: str, text: str, twins: set[tuple]) -> PlannedChange:
    """The rules: new, same, newer from the sender, edited on both sides, or the receiver's own.

    The receiver's own annotations are those never received in a share file (no `shared_modified`):
    what the author field says cannot make another's version overwrite or delete them.
    """
    received = replace(incoming, shared_modified=incoming.modified)
    unchanged = PlannedChange("unchanged", incoming, title)

    def keep_copy(version: Annotation, writes: list[Annotation]) -> list[Annotation]:
        copy = _copy_of(version, local)
        if version.deleted or store.has_annotation(copy.uuid) or _twin_key(copy) in twins:
            return writes
        twins.add(_twin_key(copy))
        return writes + [copy]

    if local is None:
        placed = replace(received.placed_in(text)[0], document_id=doc_id)
        if incoming.deleted:       # a deletion of something never received: kept, so it stays deleted
            return PlannedChange("unchanged", incoming, title, writes=[placed])
        if _twin_key(placed) in twins:      # the same note already here (e.g. a copy coming back)
            return unchanged
        twins.add(_twin_key(placed))
        return PlannedChange("unplaced" if placed.unplaced else "new", incoming, title, writes=[placed])
    if _same_content(local, incoming) or incoming.modified == local.modified:
        return unchanged
    kept_in_place = received.positioned_like(local)
    if not local.shared_modified or local.author != incoming.author:
        # Never deleted or overwritten by another's version: a newer live one is kept as a copy.
        if incoming.deleted or _moment(incoming.modified) <= _moment(local.modified):
            return unchanged
        writes = keep_copy(received, [])
        if not writes:
            return unchanged
        return PlannedChange("conflict", incoming, title, Phrase("share.plan_yours_kept"), writes)
    if incoming.modified == local.shared_modified:          # the sender has not changed it since
        return unchanged
    if local.modified == local.shared_modified:             # the receiver has not changed it since
        if _moment(incoming.modified) < _moment(local.modified):
            return unchanged                                # an older file
        action = "deleted" if incoming.deleted and not local.deleted else "updated"
        return PlannedChange(action, incoming, title, writes=[kept_in_place])
    # Edited on both sides: the newer stays in place, the other is kept as a copy.
    newer_incoming = _moment(incoming.modified) > _moment(local.modified)
    winner = kept_in_place if newer_incoming else replace(local, shared_modified=incoming.modified)
    if newer_incoming:                  # the local text moves into the copy: it is no twin of itself
        twins.discard(_twin_key(local))
        twins.add(_twin_key(winner))
    writes = keep_copy(local if newer_incoming else received, [winner])
    detail = Phrase("share.plan_newer_kept_other_copied" if len(writes) > 1 else "share.plan_newer_kept")
    return PlannedChange("conflict", incoming, title, detail, writes)


@dataclass(frozen=True)
class ImportOutcome:
    """What apply_import wrote: counts per action and the ids of reports it added."""

    counts: dict[str, int]
    new_document_ids: tuple[int, ...]


def apply_import(store: LibraryStore, plan: ImportPlan) -> ImportOutcome:
    """Carry out a plan in one transaction: reports first, then annotations and pending ones.

    If the library changed since the plan was made (a note edited, the report imported meanwhile),
    nothing is written and ShareError asks for a fresh preview.
    """
    added: list[int] = []
    with store.transaction() as conn:
        _check_still_current(store, plan)
        for report in plan.new_reports:
            added.append(store.insert_report(conn, report)[0])
        for change in plan.changes:
            if change.pending is not None:
                store.write_pending(conn, *change.pending, replace(change.incoming,
                                                                   shared_modified=change.incoming.modified))
            for record in change.writes:
                if change.new_report is not None:
                    record = replace(record, document_id=added[change.new_report])
                store.write_annotation(conn, record)
        for doc_id, report in zip(added, plan.new_reports):
            store.attach_pending(conn, doc_id, report.fingerprint, report.title, report.text)
    return ImportOutcome(plan.counts(), tuple(added))


def _check_still_current(store: LibraryStore, plan: ImportPlan) -> None:
    stale = any(store.find_by_fingerprint(r.fingerprint) is not None for r in plan.new_reports)
    for change in plan.changes:
        if stale or not change.writes:
            continue
        uuid = change.incoming.uuid
        now = store.annotation(uuid).modified if store.has_annotation(uuid) else None
        stale = now != change.seen_modified
    if stale:
        raise ShareError("share.library_changed", file=plan.source_name)


def import_share(store: LibraryStore, data: bytes | ShareFile, name: str, *, dry_run: bool = False) -> ImportPlan:
    """Read (unless already read), plan and (unless dry_run) apply a share file; the plan says what happened."""
    share = data if isinstance(data, ShareFile) else read_share(data, name)
    plan = plan_import(store, share, name)
    if not dry_run:
        apply_import(store, plan)
    return plan
