"""Web pages (.html, .htm): decoded by their declared charset, parsed safely, reduced to the article."""

from __future__ import annotations

import re

from lxml import etree

from viewer.core.ingest import registry
from viewer.core.ingest._cleanup import WS_RE, make_document, finish
from viewer.core.ingest._decode import bom_of, codec_for_label, decode
from viewer.core.ingest._errors import advise
from viewer.core.ingest._html_article import (choose_container, collect_page_metadata, drop_element, drop_link_lists,
                                              place_title, tag_name, drop_chrome)
from viewer.core.ingest._html_walk import walk_page
from viewer.core.ingest._markers import NONCHAR_RE, Hints
from viewer.core.model import IngestedDocument

_JUNK_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "button", "select", "option", "textarea", "input", "svg", "math", "canvas", "audio",
    "video", "map", "link", "meta", "head", "title", "base",
})
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{1,40})""", re.I)

_HTML_SNIFF_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|h[1-6]|table|br|span)\b", re.I)


def sniff(probe: registry.Probe) -> int:
    """LIKELY when the bytes start with markup; any other text is read as HTML only when named so."""
    if probe.is_binary:
        return registry.NO
    return registry.LIKELY if _looks_like_html(probe.head) else registry.NAMED_ONLY


def _looks_like_html(head: bytes) -> bool:
    bom = bom_of(head)
    try:
        text = head[bom[1]:].decode(bom[0], errors="ignore") if bom else head.decode("latin-1")
    except LookupError:
        return False
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped.startswith("<") and bool(_HTML_SNIFF_RE.search(stripped))


def _declared_charset(data: bytes) -> str | None:
    """The codec an <?xml encoding?> or <meta charset> near the top names, if it can be used."""
    head = data[:8192]
    m = _XML_ENCODING_RE.search(head) or _META_CHARSET_RE.search(head)
    return codec_for_label(m.group(1).decode("ascii", "ignore")) if m else None


def _strip_doctype_subset(text: str) -> str:
    """Cut a DOCTYPE's internal subset (entity declarations) before parsing: never expanded."""
    head = text[:64].lstrip("\ufeff \t\r\n")
    offset = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if head[:2] == "<?":
        end = text.find("?>", offset)
        if end < 0:
            return text
        offset = end + 2
        while offset < len(text) and text[offset] in " \t\r\n":
            offset += 1
    if text[offset:offset + 9].lower() != "<!doctype":
        return text[offset:] if offset else text
    close = text.find(">", offset)
    bracket = text.find("[", offset)
    if bracket != -1 and (close == -1 or bracket < close):
        end = text.find("]>", bracket)
        if end == -1:
            end = text.find("]", bracket)
            return text[end + 1:] if end != -1 else ""
        return text[end + 2:]
    return text[close + 1:] if close != -1 else ""


def read(data: bytes, name: str) -> IngestedDocument:
    """The article of a page: junk and chrome dropped, the container chosen, the title put first."""
    text, encoding = decode(data, name, declared=_declared_charset(data), lenient=True)
    text = _strip_doctype_subset(NONCHAR_RE.sub("", text).lstrip("\ufeff"))
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                              remove_pis=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser) if text.strip() else None
    except (etree.LxmlError, ValueError):
        root = None
    if root is None:
        raise advise("ingest.blank_page", name)
    title_el = next((e for e in root.iter("title")), None)
    page_title = WS_RE.sub(" ", "".join(title_el.itertext())).strip() if title_el is not None else ""
    body = next((e for e in root.iter("body")), None)
    if body is None:
        body = root
    # 1. never text: scripts, styles, widgets, hidden elements
    for el in list(body.iter()):
        if not isinstance(el.tag, str):
            if el.getparent() is not None:
                drop_element(el)
            continue
        if tag_name(el) in _JUNK_TAGS or el.get("hidden") is not None \
                or _HIDDEN_STYLE_RE.search(el.get("style") or ""):
            if el.getparent() is not None and el is not body:
                drop_element(el)
    page_meta = collect_page_metadata(body)
    # 2. page chrome: navigation, headers, footers, share bars (unless it holds the article)
    drop_chrome(root, body)
    drop_link_lists(body)
    container = choose_container(body)
    hints = Hints()
    walked = walk_page(body, container, hints)
    inside = [lines for lines, ins in walked if ins]
    outside = [lines for lines, ins in walked if not ins]
    if container is body:
        inside, outside = [lines for lines, _ in walked], []
    metadata: dict[str, str] = {}

    def in_container(el) -> bool:
        return el is container or any(a is container for a in el.iterancestors())

    for el, meta in page_meta:  # the article's own head and tail are read by finish below
        if container is not body and not in_container(el):
            for key, value in meta.items():
                metadata.setdefault(key, value)
    paras = place_title(inside, outside, page_title, hints)
    body_text, title, hint_list, tables = finish(paras, metadata, hints)
    metadata.update(encoding=encoding, format="html")
    return make_document(body_text, title, metadata, hint_list, name, data, "ingest.blank_page", tables)


IMPORTER = registry.register(registry.Importer(
    name="html", extensions=(".html", ".htm"), other_extensions=(".xhtml", ".shtml"), media_label="format.html",
    sniff=sniff, read=read))
