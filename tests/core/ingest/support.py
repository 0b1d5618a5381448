"""Shared by the ingest tests: the error check, hostile payloads, and small .docx files made in memory."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from viewer.core.errors import IngestError
from viewer.core.ingest import ingest_bytes
from viewer.core.messages import CATALOGUE


def assert_ingest_error(excinfo, name: str, code: str | None = None) -> None:
    """The error names the file (as data and in its one English line), and has the expected code."""
    error = excinfo.value
    assert error.params["file"] == name
    assert error.code in CATALOGUE and (code is None or error.code == code)
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{name}: ")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><h1>报告</h1><p>&lol9;</p></body></html>"""


def xxe_page(secret: Path) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
            "<html><body><h1>报告</h1><p>正文&xxe;结束</p></body></html>")


def ingest_or_error(data: bytes, name: str) -> str:
    """The text a hostile file produced, or '' when it was (acceptably) refused."""
    try:
        return ingest_bytes(data, name).text
    except IngestError as exc:
        assert name in str(exc)
        return ""


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def document_xml(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{_W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>')


def para(*runs: tuple[str, bool], style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    out = []
    for text, bold in runs:
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>')
    return f"<w:p>{ppr}{''.join(out)}</w:p>"


def make_docx(document_xml: str | bytes, styles_xml: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("word/document.xml", document_xml)
        if styles_xml is not None:
            zf.writestr("word/styles.xml", styles_xml)
    return buf.getvalue()


CHINESE_STYLES = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{_W_NS}">'
                  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Normal"/></w:style>'
                  "</w:styles>")

