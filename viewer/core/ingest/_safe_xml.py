"""Parsing one XML part of a zip document (docx, OFD) with entities, DTDs and network off."""

from __future__ import annotations

from lxml import etree

from viewer.core.errors import IngestError


def parse_part(raw: bytes, declares_dtd: IngestError, bad_xml: IngestError):
    """The part's root element; `declares_dtd` is raised for a part with a DTD or entity
    declaration (also one hiding in UTF-16), `bad_xml` for one that does not parse."""
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise declares_dtd
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(raw, parser)
    except (etree.LxmlError, ValueError):
        raise bad_xml from None
    if root.getroottree().docinfo.internalDTD is not None:   # e.g. a UTF-16 part hiding its DTD
        raise declares_dtd
    return root
