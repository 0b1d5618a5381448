"""Word documents (.docx): a zip holding word/document.xml, its parts parsed with DTDs and entities off."""

from __future__ import annotations

import io
import re
import zipfile
import zlib


from viewer.core.errors import IngestError
from viewer.core.ingest import registry
from viewer.core.ingest._cleanup import make_document, finish
from viewer.core.ingest._errors import fail, advise, unsupported_zip
from viewer.core.ingest._markers import NONCHAR_RE, Hints, strip_marked
from viewer.core.ingest._safe_xml import parse_part
from viewer.core.model import IngestedDocument

MAX_PART_BYTES = 128 * 1024 * 1024      # a part that unpacks to more is refused (zip bombs)
_REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME_RE = re.compile(r"^(?:heading|标题)\s*([1-6])$", re.I)


def _safe_xml(raw: bytes, name: str, part: str):
    """Parse a docx part with entities, DTDs and network off; a part with a DTD is refused."""
    return parse_part(raw, fail("ingest.docx_declares_dtd", name, part=part),
                      fail("ingest.docx_bad_xml", name, part=part))


def _read_member(zf: zipfile.ZipFile, member: str, name: str) -> bytes:
    info = zf.getinfo(member)
    if info.file_size > MAX_PART_BYTES:
        raise advise("ingest.docx_part_too_big", name, part=member,
                    limit_mb=MAX_PART_BYTES // (1024 * 1024))
    with zf.open(info) as fh:
        raw = fh.read(MAX_PART_BYTES + 1)
    if len(raw) > MAX_PART_BYTES:
        raise advise("ingest.docx_part_too_big", name, part=member,
                    limit_mb=MAX_PART_BYTES // (1024 * 1024))
    return raw


def _style_levels(zf: zipfile.ZipFile, name: str, names: set[str]) -> dict[str, int]:
    """styleId -> heading level, from word/styles.xml (Chinese Word uses ids like "1", "2")."""
    levels: dict[str, int] = {}
    if "word/styles.xml" not in names:
        return levels
    root = _safe_xml(_read_member(zf, "word/styles.xml", name), name, "word/styles.xml")
    for style in root.iter(_W + "style"):
        sid = style.get(_W + "styleId") or ""
        name_el = style.find(_W + "name")
        sname = (name_el.get(_W + "val") if name_el is not None else "") or ""
        m = _HEADING_NAME_RE.match(sname.strip()) or _HEADING_NAME_RE.match(sid.strip())
        if m:
            levels[sid] = int(m.group(1))
            continue
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        if outline is not None and (outline.get(_W + "val") or "").isdigit():
            lvl = int(outline.get(_W + "val")) + 1
            if 1 <= lvl <= 6:
                levels[sid] = lvl
    return levels


def _on(el) -> bool:
    return el is not None and (el.get(_W + "val") or "true").lower() not in ("0", "false", "off", "none")


def _run_text(run) -> str:
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
    return NONCHAR_RE.sub("", "".join(parts))


def _paragraph_runs(p) -> list[tuple[str, bool]]:
    runs = []
    for r in p.iter(_W + "r"):
        owner = next(r.iterancestors(_W + "p"), None)
        if owner is not p:
            continue  # text boxes and other nested paragraphs
        rpr = r.find(_W + "rPr")
        bold = rpr is not None and _on(rpr.find(_W + "b"))
        runs.append((_run_text(r), bold))
    return runs


def _docx_paragraph(p, levels: dict[str, int], hints: Hints) -> list[str]:
    runs = _paragraph_runs(p)
    text = "".join(t for t, _ in runs)
    if not text.strip():
        return []
    ppr = p.find(_W + "pPr")
    level = None
    if ppr is not None:
        style = ppr.find(_W + "pStyle")
        if style is not None:
            level = levels.get(style.get(_W + "val") or "")
            if level is None:
                m = _HEADING_NAME_RE.match((style.get(_W + "val") or "").strip())
                level = int(m.group(1)) if m else None
        outline = ppr.find(_W + "outlineLvl")
        if level is None and outline is not None and (outline.get(_W + "val") or "").isdigit():
            lvl = int(outline.get(_W + "val")) + 1
            level = lvl if 1 <= lvl <= 6 else None
    if level is not None:
        n = hints.new("heading", level)
        marked = hints.start(n) + text + hints.end(n)
    else:
        prefix = 0
        for t, bold in runs:
            if not t.strip():
                prefix += len(t)
                continue
            if not bold:
                break
            prefix += len(t)
        bold_text = text[:prefix]
        if bold_text.strip():
            n = hints.new("bold")
            marked = hints.start(n) + bold_text + hints.end(n) + text[prefix:]
        else:
            marked = text
    return [strip_marked(line) for line in marked.split("\n")]


def _docx_table(tbl) -> list[str]:
    rows = []
    for tr in tbl.iter(_W + "tr"):
        if next(tr.iterancestors(_W + "tbl"), None) is not tbl:
            continue
        cells = []
        for tc in tr.iter(_W + "tc"):
            if next(tc.iterancestors(_W + "tr"), None) is not tr:
                continue
            texts = ["".join(t for t, _ in _paragraph_runs(p)).strip() for p in tc.iter(_W + "p")]
            cells.append(" ".join(t for t in texts if t).replace("\n", " "))
        if any(cells):
            rows.append("\t".join(cells))
    return rows


def sniff(probe: registry.Probe) -> int:
    """CERTAIN for a zip holding both [Content_Types].xml and word/document.xml; any other file NO."""
    members = probe.zip_members
    return registry.CERTAIN if members is not None and all(p in members for p in _REQUIRED_PARTS) else registry.NO


def read(data: bytes, name: str) -> IngestedDocument:
    """The body paragraphs and tables of word/document.xml, with heading styles and bold run-ins as hints."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError, zlib.error):
        raise fail("ingest.damaged_zip", name) from None
    with zf:
        if not all(part in names for part in _REQUIRED_PARTS):
            raise unsupported_zip(name, names)
        try:
            levels = _style_levels(zf, name, names)
            raw = _read_member(zf, "word/document.xml", name)
        except IngestError:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError, zlib.error, KeyError):
            raise fail("ingest.docx_damaged", name) from None
    root = _safe_xml(raw, name, "word/document.xml")
    body = root.find(_W + "body")
    hints = Hints()
    paras: list[list[str]] = []
    stack = [iter([body] if body is not None else [])]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        if el.tag == _W + "p":
            lines = _docx_paragraph(el, levels, hints)
            if lines:
                paras.append(lines)
        elif el.tag == _W + "tbl":
            rows = _docx_table(el)
            if rows:
                n = hints.new("table")               # marks the rows' span (viewer.core.tables)
                marked = list(rows)
                marked[0] = hints.start(n) + marked[0]
                marked[-1] += hints.end(n)
                paras.append(marked)
        elif isinstance(el.tag, str) and el.tag != _W + "sectPr":
            stack.append(iter(el))
    metadata: dict[str, str] = {}
    text, title, hint_list, tables = finish(paras, metadata, hints)
    metadata["format"] = "docx"
    return make_document(text, title, metadata, hint_list, name, data, "ingest.blank_document", tables)


IMPORTER = registry.register(registry.Importer(
    name="docx", extensions=(".docx",), media_label="format.docx", sniff=sniff, read=read,
    wrong_content_code="ingest.not_docx"))
