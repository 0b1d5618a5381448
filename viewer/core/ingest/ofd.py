"""OFD documents (GB/T 33190-2016): a zip holding OFD.xml; each page's text by position, rebuilt like a PDF's."""

from __future__ import annotations

import io
import posixpath
import unicodedata
import zipfile
import zlib


from viewer.core.errors import IngestError
from viewer.core.ingest import registry
from viewer.core.ingest._cleanup import make_document
from viewer.core.ingest._errors import advise, fail
from viewer.core.ingest._layout import PageRuns, rebuild
from viewer.core.ingest._safe_xml import parse_part
from viewer.core.ingest._ofd_page import MM_TO_PT, BadValue, Font, box, page_runs, reading_order
from viewer.core.model import IngestedDocument
from viewer.core.tables import valid_tables

MAX_PART_BYTES = 64 * 1024 * 1024       # a part that unpacks to more is refused (zip bombs)
MAX_TOTAL_BYTES = 256 * 1024 * 1024     # so are parts that together unpack to more
MAX_MEMBERS = 20_000                    # a zip listing more members is refused
ENTRY = "OFD.xml"
GARBLED_SHARE = 0.3                     # text with more private-use/unassigned characters is refused
_A4_MM = (0.0, 0.0, 210.0, 297.0)
_BOLD_FONT_WORDS = ("bold", "黑体", "hei", "粗")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
               NotImplementedError, RuntimeError, zlib.error, KeyError)


class _Package:
    """The zip's members, read by name with the size limits, each part parsed safely."""

    def __init__(self, zf: zipfile.ZipFile, name: str):
        self.zf = zf
        self.name = name
        self.members = {info.filename: info for info in zf.infolist()}
        self.read_bytes = 0

    def resolve(self, loc: str | None, base: str, what: str) -> str:
        """The member an ST_Loc names: absolute from the package root, else relative to `base`'s folder."""
        loc = (loc or "").strip().replace("\\", "/")
        if not loc:
            raise fail("ingest.ofd_missing_part", self.name, part=what)
        joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(posixpath.dirname(base), loc)
        member = posixpath.normpath(joined)
        if member not in self.members and not loc.startswith("/") and loc in self.members:
            member = loc                          # some writers give package-root paths without the slash
        if member.startswith("../") or member == ".." or member not in self.members:
            raise fail("ingest.ofd_missing_part", self.name, part=loc)
        return member

    def xml(self, member: str):
        """A part parsed with entities, DTDs and network off; a part with a DTD is refused."""
        return parse_part(self._read(member), fail("ingest.ofd_declares_dtd", self.name, part=member),
                          fail("ingest.ofd_bad_xml", self.name, part=member))

    def _read(self, member: str) -> bytes:
        info = self.members[member]
        too_big = advise("ingest.ofd_part_too_big", self.name, part=member,
                         limit_mb=MAX_PART_BYTES // (1024 * 1024))
        if info.file_size > MAX_PART_BYTES or self.read_bytes + info.file_size > MAX_TOTAL_BYTES:
            raise too_big
        try:
            with self.zf.open(info) as fh:
                raw = fh.read(MAX_PART_BYTES + 1)
        except _ZIP_ERRORS:
            raise fail("ingest.ofd_damaged", self.name, part=member) from None
        self.read_bytes += len(raw)
        if len(raw) > MAX_PART_BYTES or self.read_bytes > MAX_TOTAL_BYTES:
            raise too_big
        return raw


def _child(el, local: str):
    return el.find("{*}" + local)


def _text(el, local: str) -> str:
    found = _child(el, local) if el is not None else None
    return (found.text or "").strip() if found is not None else ""


def _fonts(package: _Package, document, doc_member: str) -> dict[str, Font]:
    """Font ID -> Font, from the document's PublicRes and DocumentRes parts."""
    fonts: dict[str, Font] = {}
    common = _child(document, "CommonData")
    for res in ([] if common is None else [*common.iterfind("{*}PublicRes"), *common.iterfind("{*}DocumentRes")]):
        root = package.xml(package.resolve(res.text, doc_member, "PublicRes"))
        for font in root.iter("{*}Font"):
            names = f"{font.get('FontName', '')} {font.get('FamilyName', '')}".lower()
            bold = font.get("Bold", "false").strip().lower() == "true" or any(w in names for w in _BOLD_FONT_WORDS)
            fonts[font.get("ID", "")] = Font(bold=bold)
    return fonts


def _physical_box(area, default: tuple[float, float, float, float], part: str) -> tuple[float, float, float, float]:
    """The PhysicalBox of a PageArea/Area element (millimetres), or `default` when there is none."""
    physical = _child(area, "PhysicalBox") if area is not None else None
    found = box(physical.text, f"{part}: PhysicalBox") if physical is not None else None
    return found or default


def _read_pages(package: _Package) -> tuple[list[PageRuns], dict[str, str]]:
    """Every page of the first document in the package, as runs, and the DocInfo metadata."""
    ofd = package.xml(ENTRY)
    body = next(ofd.iterfind("{*}DocBody"), None)
    if body is None:
        raise fail("ingest.ofd_missing_part", package.name, part="DocBody")
    author = _text(_child(body, "DocInfo"), "Author")
    metadata = {"author": author} if author else {}
    doc_member = package.resolve(_text(body, "DocRoot"), ENTRY, "DocRoot")
    document = package.xml(doc_member)
    fonts = _fonts(package, document, doc_member)
    common = _child(document, "CommonData")
    default_box = _physical_box(_child(common, "PageArea") if common is not None else None, _A4_MM, doc_member)
    templates = {tpl.get("ID", ""): tpl.get("BaseLoc") for tpl in
                 (common.iterfind("{*}TemplatePage") if common is not None else [])}
    pages_el = _child(document, "Pages")
    pages: list[PageRuns] = []
    template_runs: dict[str, list] = {}
    for number, page in enumerate([] if pages_el is None else pages_el.iterfind("{*}Page"), start=1):
        member = package.resolve(page.get("BaseLoc"), doc_member, f"Page {number}")
        root = package.xml(member)
        _, _, width, height = _physical_box(_child(root, "Area"), default_box, member)
        runs = []
        for ref in root.iterfind("{*}Template"):          # a template's text (a running head) is on the page
            loc = templates.get(ref.get("TemplateID", ""))
            if loc:
                tpl_member = package.resolve(loc, doc_member, "TemplatePage")
                if tpl_member not in template_runs:
                    template_runs[tpl_member] = _content_runs(package.xml(tpl_member), fonts, tpl_member)
                runs.extend(template_runs[tpl_member])
        runs.extend(_content_runs(root, fonts, member))
        pages.append(PageRuns(number=number, width=width * MM_TO_PT, height=height * MM_TO_PT,
                              runs=tuple(reading_order(runs))))
    return pages, metadata


def _content_runs(root, fonts: dict[str, Font], member: str) -> list:
    content = _child(root, "Content")
    return [] if content is None else page_runs(content, fonts, member)


def sniff(probe: registry.Probe) -> int:
    """CERTAIN for a zip holding OFD.xml at its root; any other file NO (an .ofd name alone says nothing)."""
    members = probe.zip_members
    return registry.CERTAIN if members is not None and ENTRY in members else registry.NO


def read_pages(data: bytes, name: str) -> tuple[list[PageRuns], dict[str, str]]:
    """An OFD's pages as positioned text runs (points, origin top-left), and its DocInfo metadata."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _ZIP_ERRORS:
        raise fail("ingest.damaged_zip", name) from None
    with zf:
        if len(infos) > MAX_MEMBERS:
            raise fail("ingest.ofd_too_many_parts", name, count=len(infos), limit=MAX_MEMBERS)
        package = _Package(zf, name)
        if ENTRY not in package.members:
            raise fail("ingest.ofd_missing_part", name, part=ENTRY)
        try:
            return _read_pages(package)
        except BadValue as exc:
            raise fail("ingest.ofd_bad_value", name, part=str(exc)) from None
        except IngestError:
            raise
        except (RecursionError, MemoryError, OverflowError):
            raise fail("ingest.ofd_bad_value", name, part=ENTRY) from None


def garbled(pages: list[PageRuns]) -> bool:
    """Whether the text is mostly private-use or unassigned code points (glyph ids, not characters)."""
    chars = [ch for page in pages for run in page.runs for ch in run.text if not ch.isspace()]
    bad = sum(1 for ch in chars if unicodedata.category(ch) in ("Co", "Cn"))
    return bad > GARBLED_SHARE * len(chars)


def read(data: bytes, name: str) -> IngestedDocument:
    """The body text of an OFD's pages, rebuilt into lines and paragraphs, with its page map."""
    pages, metadata = read_pages(data, name)
    if not any(page.runs for page in pages):
        raise advise("ingest.ofd_no_text", name)
    if garbled(pages):
        raise fail("ingest.ofd_garbled_text", name)
    rebuilt = rebuild(pages)
    text = rebuilt.text
    metadata = {**metadata, **rebuilt.metadata, "format": "ofd"}
    title = text.split("\n", 1)[0]
    return make_document(text, title, metadata, list(rebuilt.hints), name, data, "ingest.ofd_no_text",
                         valid_tables(text, list(rebuilt.tables)), pages=list(rebuilt.pages))


IMPORTER = registry.register(registry.Importer(
    name="ofd", extensions=(".ofd",), media_label="format.ofd", sniff=sniff, read=read,
    wrong_content_code="ingest.not_ofd"))
