"""Source bytes (txt, html, docx) -> canonical body text, title, metadata and heading hints."""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
import unicodedata
import zipfile
import zlib

from lxml import etree

from viewer.core.errors import IngestError, Phrase
from viewer.core.model import HeadingHint, IngestedDocument, TextTable
from viewer.core.tables import valid_tables

__all__ = [
    "MAX_SOURCE_BYTES",
    "IngestedDocument",
    "fingerprint",
    "decode_text",
    "ingest_bytes",
    "ingest_path",
]

MAX_SOURCE_BYTES = 50 * 1024 * 1024
_MAX_DOCX_XML_BYTES = 128 * 1024 * 1024

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".shtml"})
DOCX_EXTENSIONS = frozenset({".docx"})


# --------------------------------------------------------------------------- errors, fingerprint


def _one_line(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029]+", " ", text).strip()


def _clean_name(name: str) -> str:
    """The file name a message shows: the last path component, on one line."""
    text = str(name).replace("\\", "/").rstrip("/")
    return _one_line(os.path.basename(text) or text) or "(unnamed)"


def _fail(code: str, name: str, **params) -> IngestError:
    """The IngestError `code` about the file `name` (shown by its last path component)."""
    return IngestError(code, file=_clean_name(name), **params)


_WS_RE = re.compile(r"\s+")


def fingerprint(text: str) -> str:
    """SHA-256 hex of the text after NFKC with all whitespace removed (format-independent)."""
    squashed = _WS_RE.sub("", unicodedata.normalize("NFKC", text))
    return hashlib.sha256(squashed.encode("utf-8")).hexdigest()


def _squash(text: str) -> str:
    return _WS_RE.sub("", unicodedata.normalize("NFKC", _unmark(text)))


# --------------------------------------------------------------------------- sniffing and decoding

#: signature, its offset, and the message code of the kind of file it marks
_MAGIC: list[tuple[bytes, int, str]] = [
    (b"\x89PNG\r\n\x1a\n", 0, "kind.png"),
    (b"\xff\xd8\xff", 0, "kind.jpeg"),
    (b"GIF87a", 0, "kind.gif"),
    (b"GIF89a", 0, "kind.gif"),
    (b"%PDF-", 0, "kind.pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "kind.old_office"),
    (b"{\\rtf", 0, "kind.rtf"),
    (b"Rar!\x1a\x07", 0, "kind.rar"),
    (b"7z\xbc\xaf\x27\x1c", 0, "kind.7z"),
    (b"\x1f\x8b", 0, "kind.gzip"),
    (b"II*\x00", 0, "kind.tiff"),
    (b"MM\x00*", 0, "kind.tiff"),
    (b"WEBP", 8, "kind.webp"),
    (b"\x7fELF", 0, "kind.program"),
    (b"SQLite format 3\x00", 0, "kind.sqlite"),
]
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_BOMS: list[tuple[bytes, str]] = [
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]
_GB_ALIASES = frozenset(
    {"gb2312", "gbk", "gb_2312-80", "gb2312-80", "gb_2312", "x-gbk", "cp936", "ms936", "windows-936",
     "csgb2312", "euc-cn", "euccn", "x-euc-cn", "chinese", "csiso58gb231280", "iso-ir-58", "gb18030"}
)
_WESTERN = frozenset({"ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "cp1252",
                      "windows-1252", "l1"})


def _is_zip(data: bytes) -> bool:
    return data[:4] in _ZIP_MAGIC


def _binary_kind(data: bytes) -> str | None:
    """The kind code of what a binary (non-text, non-zip) file looks like, or None when it may be text."""
    for magic, offset, kind in _MAGIC:
        if data[offset:offset + len(magic)] == magic:
            return kind
    return None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _plausible(ch: str) -> bool:
    o = ord(ch)
    if o < 0x80:
        return o >= 0x20 or ch in "\t\n\r\f"
    return (
        0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x30FF
        or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x22FF or 0x2460 <= o <= 0x25FF
        or 0x3100 <= o <= 0x312F or 0x3200 <= o <= 0x33FF or 0xF900 <= o <= 0xFAFF
        or 0xFE10 <= o <= 0xFE4F or 0x00A0 <= o <= 0x00FF or 0x0100 <= o <= 0x01FF
        or 0x0391 <= o <= 0x03C9 or 0x0401 <= o <= 0x0451 or 0x2600 <= o <= 0x27BF
        or o >= 0x20000  # supplementary ideographs (rare CJK in names)
    )


def _looks_like_gb_text(text: str) -> bool:
    """Sanity check for a strict GB18030 decode: mostly CJK/ASCII, ideographs mostly common ones."""
    sample = text[:20000]
    if not sample:
        return True
    plausible = sum(1 for ch in sample if _plausible(ch))
    if plausible < 0.95 * len(sample):
        return False
    ideographs = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
    if len(ideographs) >= 8:
        common = 0
        for ch in ideographs:
            try:
                ch.encode("gb2312")
                common += 1
            except UnicodeEncodeError:
                pass
        if common < 0.5 * len(ideographs):
            return False  # mostly rare characters: bytes of some other encoding
    return True


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _mostly_control(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and len(_CONTROL_RE.findall(sample)) > 0.05 * len(sample)


def _not_text(name: str, kind: str, *, docx: bool = False) -> IngestError:
    """The error for a file that is not text; `kind` is the code of what it looks like."""
    if kind == "kind.old_office":
        code = "ingest.old_office_file"
    elif kind == "kind.rtf":
        code = "ingest.rtf_file"
    else:
        code = "ingest.not_docx" if docx else "ingest.not_text"
    return _fail(code, name, kind=Phrase(kind))


def _check_binary(data: bytes, name: str) -> None:
    kind = _binary_kind(data)
    if kind is None and _is_zip(data):
        kind = "kind.zip"
    if kind is not None:
        raise _not_text(name, kind)


_NONCHAR_RE = re.compile("[\ufdd0-\ufdef]")  # never valid text; used internally as hint markers


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a plain-text source: BOM, then strict UTF-8, then strict GB18030 (sanity-checked)."""
    _check_binary(data, name)
    bom = _bom(data)
    if bom is not None:
        enc, skip = bom
        try:
            text = data[skip:].decode(enc)
        except UnicodeDecodeError:
            raise _fail("ingest.damaged_bom", name, encoding=enc.upper()) from None
        if _mostly_control(text):
            raise _not_text(name, "kind.binary")
        return text, enc
    if b"\x00" in data:
        raise _not_text(name, "kind.binary_nul")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _mostly_control(text):
            raise _not_text(name, "kind.binary_control")
        if enc == "gb18030" and not _looks_like_gb_text(text):
            continue
        return text, enc
    raise _fail("ingest.undecodable", name)


_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]{1,40})""", re.I)


def _declared_charset(data: bytes) -> str | None:
    head = data[:8192]
    m = _XML_ENCODING_RE.search(head) or _META_CHARSET_RE.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").strip().lower()
    if label in _GB_ALIASES:
        return "gb18030"
    try:
        enc = codecs.lookup(label).name
        # a label that could not have been read in the first place (utf-16, EBCDIC...) is ignored
        return enc if "<meta charset>".encode(enc) == b"<meta charset>" else None
    except (LookupError, UnicodeError, TypeError, ValueError):
        return None


def _decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode HTML bytes: BOM, <meta charset> (gb2312/gbk read as gb18030), UTF-8, GB18030."""
    _check_binary(data, name)
    bom = _bom(data)
    if bom is not None:
        enc, skip = bom
        text = data[skip:].decode(enc, errors="replace")
        if _mostly_control(text):
            raise _not_text(name, "kind.binary_control")
        return text, enc
    if b"\x00" in data:
        raise _not_text(name, "kind.binary_nul")
    declared = _declared_charset(data)
    order: list[str] = []
    if declared and declared not in _WESTERN:
        order.append(declared)
    order += ["utf-8", "gb18030"]
    if declared:
        order.append(declared)
    for enc in dict.fromkeys(order):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc == "gb18030" and enc != declared and not _looks_like_gb_text(text):
            continue
        break
    else:  # a page with a few broken bytes is still worth reading
        enc = declared if declared and declared not in ("utf-8",) else "utf-8"
        try:
            text = data.decode(enc, errors="replace")
        except LookupError:
            enc, text = "utf-8", data.decode("utf-8", errors="replace")
    if _mostly_control(text):
        raise _not_text(name, "kind.binary_control")
    return text, enc


# --------------------------------------------------------------------------- hint markers
# While building the body text, hint spans are carried inline as noncharacters (U+FDD0..U+FDEF,
# which no real text contains), so every later step (whitespace, chrome removal, title moves)
# keeps them in place; they are turned into offsets as the very last step.

_M_START, _M_SEP, _M_END = "\ufdd0", "\ufdd1", "\ufdd2"
_MARK_CLASS = "\ufdd0-\ufdef"
_MARKER_RE = re.compile(f"([{_M_START}{_M_END}])([\ufde0-\ufdef]+){_M_SEP}")
_ANY_MARK_RE = re.compile(f"[{_MARK_CLASS}]")


def _encode_id(n: int) -> str:
    return "".join(chr(0xFDE0 + int(d, 16)) for d in format(n, "x"))


def _decode_id(s: str) -> int:
    return int("".join(format(ord(c) - 0xFDE0, "x") for c in s), 16)


def _unmark(s: str) -> str:
    return _ANY_MARK_RE.sub("", s)


class _Hints:
    """Registry of hint kinds; start()/end() return the inline markers for hint number n."""

    def __init__(self) -> None:
        self.info: list[tuple[str, int | None]] = []

    def new(self, kind: str, level: int | None = None) -> int:
        self.info.append((kind, level))
        return len(self.info) - 1

    @staticmethod
    def start(n: int) -> str:
        return _M_START + _encode_id(n) + _M_SEP

    @staticmethod
    def end(n: int) -> str:
        return _M_END + _encode_id(n) + _M_SEP


# --------------------------------------------------------------------------- chrome and metadata

_SEPARATORS = " \t\u3000\xa0|｜/／\\·•・:：,，、>＞»›-—–_【】[]()（）<《》"

_CHROME_TOKEN_RE = re.compile(
    r"扫一扫在手机(?:上)?(?:打开|查看|浏览)(?:当前|本)页(?:面)?"
    r"|(?:手机)?扫一扫(?:分享)?"
    r"|(?:字体|字号)\s*[:：]?\s*[【\[]?\s*(?:[大中小]\s*[|/｜]?\s*){1,3}[】\]]?"
    r"|[大中小](?:\s*[|/｜]?\s*[大中小]){2}"
    r"|(?:我要)?打印(?:本页|此页|本文|文章|页面|正文)?"
    r"|关闭(?:本页|窗口|此页|页面|本窗口)?"
    r"|(?:我要)?纠错"
    r"|分享(?:到|至)?"
    r"|(?:加入)?收藏(?:本页|本站)?"
    r"|返回(?:顶部|首页|列表|上一页)?"
    r"|微信(?:好友|朋友圈|扫一扫)?|朋友圈|(?:新浪|腾讯)?微博|QQ(?:空间|好友)?|人人网|豆瓣"
    r"|复制(?:链接|网址)|更多"
    r"|(?:视力)?保护色|护眼模式|无障碍(?:阅读|浏览)?|长者模式|适老(?:化|版)|简体|繁体"
    r"|下载(?:附件|全文)?|放大|缩小|默认|朗读"
)
_CHROME_PREFIX_RE = re.compile(
    r"(?:当前位置|当前的位置|您(?:现在)?(?:的|所在)?位置|你(?:现在)?(?:的|所在)?位置|所在位置)\s*[:：]"
    r"|首页\s*[>＞»›/]"
    r"|[【\[]?\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇)"
    r"|(?:责任编辑|编辑|审核|审校|校对|责编)\s*[:：]"
    r"|(?:相关链接|相关阅读|相关文章|相关新闻|相关稿件|相关信息|相关文件|相关解读)\s*[:：]?\s*$"
    r"|(?:版权所有|Copyright|©|技术支持|网站标识码|网站地图|联系我们)"
    r"|(?:主办|承办)(?:单位)?\s*[:：]"
)

# metadata key -> metadata field (None: recognised but not kept)
_META_KEYS: dict[str, str | None] = {
    "信息来源": "source", "文章来源": "source", "稿件来源": "source", "新闻来源": "source",
    "来源": "source", "发布机构": "source", "发布单位": "source",
    "发布时间": "published", "发布日期": "published", "发表时间": "published",
    "更新时间": "updated", "成文日期": "written",
    "作者": "author", "撰稿人": "author", "撰稿": "author",
    "索引号": "index_number", "发文字号": "doc_number", "文号": "doc_number",
    "浏览次数": None, "点击数": None, "点击次数": None, "阅读次数": None, "访问次数": None,
    "浏览量": None, "阅读量": None, "访问量": None, "点击量": None,
    "字体": None, "字号": None,
    "时间": "published", "日期": "published",
}
_SHORT_KEYS = ("时间", "日期", "作者", "文号", "撰稿")
_LONG_KEYS = sorted((k for k in _META_KEYS if k not in _SHORT_KEYS), key=len, reverse=True)
_META_KEY_RE = re.compile(
    "(?P<key>" + "|".join(_LONG_KEYS)
    + r"|(?:^|(?<=[\s|｜【\[(（]))(?:" + "|".join(_SHORT_KEYS) + r"))\s*[:：]"
)
_DATE_RE = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*\d{1,2}秒?)?)?"
)
_DATE_FIELDS = frozenset({"published", "updated", "written"})


def _is_chrome_fragment(s: str) -> bool:
    """True if s is only chrome tokens and separators (an empty string counts)."""
    return not _CHROME_TOKEN_RE.sub("", s).strip(_SEPARATORS + " ")


def _is_chrome_line(plain: str) -> bool:
    s = plain.strip()
    if not s or len(s) > 120:
        return False
    if _CHROME_PREFIX_RE.match(s):
        return True
    return bool(_CHROME_TOKEN_RE.search(s)) and _is_chrome_fragment(s)


def _strip_trailing_chrome(value: str) -> str:
    words = value.split()
    while words and _is_chrome_fragment(words[-1]):
        words.pop()
    return " ".join(words)


def _parse_meta_line(plain: str) -> dict[str, str] | None:
    """The metadata of a `来源:X 发布时间:Y` line, or None if the line is not such a line."""
    s = plain.strip()
    if not s or len(s) > 200:
        return None
    matches = list(_META_KEY_RE.finditer(s))
    if not matches or s[:matches[0].start()].strip(_SEPARATORS):
        return None
    found: dict[str, str] = {}
    for i, m in enumerate(matches):
        stop = matches[i + 1].start() if i + 1 < len(matches) else len(s)
        raw = s[m.end():stop]
        target = _META_KEYS[m.group("key")]
        if target in _DATE_FIELDS:
            value = raw.strip(_SEPARATORS)
            if not value:
                continue
            d = _DATE_RE.match(value)
            if not d or not _is_chrome_fragment(value[d.end():]):
                return None
            found.setdefault(target, d.group(0).strip())
            continue
        cut = re.split(r"[【\[|｜]", raw, maxsplit=1)
        value, rest = cut[0], (raw[len(cut[0]):] if len(cut) > 1 else "")
        if rest and not _is_chrome_fragment(rest):
            return None
        if target is None:
            if not re.fullmatch(r"[\s\d,次人]*", value) and not _is_chrome_fragment(value):
                return None
            continue
        value = _strip_trailing_chrome(value).strip(_SEPARATORS)
        if len(value) > 50 or value.endswith(("。", "；", ";", "！", "？")):
            return None
        if value:
            found.setdefault(target, value)
    return found


def _line_kind(plain: str) -> dict[str, str] | bool:
    """A metadata dict for a metadata line, True for other chrome, False for body text."""
    meta = _parse_meta_line(plain)
    if meta is not None:
        return meta
    return _is_chrome_line(plain)


_SENTENCE_END_RE = re.compile(r"[。！？!?；;…：:][”’」』）)]*$")


def _is_real_paragraph(plain: str) -> bool:
    s = plain.strip()
    return len(s) >= 50 or (len(s) >= 8 and bool(_SENTENCE_END_RE.search(s)))


# --------------------------------------------------------------------------- shared finishing


def _split_at_blank_lines(paras: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for lines in paras:
        group: list[str] = []
        for line in lines:
            if _unmark(line).strip():
                group.append(line)
            elif group:
                out.append(group)
                group = []
        if group:
            out.append(group)
    return out


def _finish(paras: list[list[str]], metadata: dict[str, str], hints: _Hints | None
            ) -> tuple[str, str, list[HeadingHint], list[TextTable]]:
    """Drop head/tail chrome (collecting its metadata), join paragraphs, turn markers into heading
    hints and table spans."""
    paras = _split_at_blank_lines(paras)
    flat = [(pi, line, _unmark(line).strip()) for pi, lines in enumerate(paras) for line in lines]
    kinds = [_line_kind(plain) for _, _, plain in flat]
    body = [i for i, k in enumerate(kinds) if k is False]
    keep = [True] * len(flat)
    if body:
        title_i = body[0]
        after = [i for i in body if i > title_i]
        reals = [i for i in after if _is_real_paragraph(flat[i][2])]
        first_real = reals[0] if reals else (after[0] if after else len(flat))
        last_real = max(reals[-1] if reals else -1, after[-1] if after else title_i)
        for i, kind in enumerate(kinds):
            if kind is not False and (i < first_real or i > last_real):
                keep[i] = False
                if isinstance(kind, dict):
                    for key, value in kind.items():
                        metadata.setdefault(key, value)
    else:
        keep = [False] * len(flat)
    grouped: dict[int, list[str]] = {}
    for i, (pi, line, _) in enumerate(flat):
        if keep[i]:
            grouped.setdefault(pi, []).append(line)
    joined = "\n\n".join("\n".join(lines) for _, lines in sorted(grouped.items()))
    text, spans = _extract_markers(joined)
    text = text + "\n" if text else ""
    title = text.split("\n", 1)[0]
    table_spans = [(start, end) for start, end, n in spans if hints is not None and hints.info[n][0] == "table"]
    heading_spans = [span for span in spans if hints is None or hints.info[span[2]][0] != "table"]
    return text, title, _make_hints(text, heading_spans, hints), _make_tables(text, table_spans)


def _make_tables(text: str, spans: list[tuple[int, int]]) -> list[TextTable]:
    """Table spans trimmed to their rows' text (the markers may stand beside edge whitespace)."""
    trimmed = []
    for start, end in spans:
        while start < end and text[start] in " \t\n":
            start += 1
        while end > start and text[end - 1] in " \t\n":
            end -= 1
        line_end = text.find("\n", end)                             # whole lines: rows may start or
        trimmed.append((text.rfind("\n", 0, start) + 1, line_end if line_end >= 0 else len(text)))
    return valid_tables(text, trimmed)                                # end with an empty cell


def _extract_markers(marked: str) -> tuple[str, list[tuple[int, int, int]]]:
    out: list[str] = []
    pos = 0  # offset in the output text
    last = 0
    open_: dict[int, int] = {}
    spans: list[tuple[int, int, int]] = []
    for m in _MARKER_RE.finditer(marked):
        chunk = marked[last:m.start()]
        out.append(chunk)
        pos += len(chunk)
        last = m.end()
        n = _decode_id(m.group(2))
        if m.group(1) == _M_START:
            open_[n] = pos
        elif n in open_:
            spans.append((open_.pop(n), pos, n))
    out.append(marked[last:])
    text = _ANY_MARK_RE.sub("", "".join(out))  # safety: no stray marker survives
    return text, spans


def _make_hints(text: str, spans: list[tuple[int, int, int]], hints: _Hints | None) -> list[HeadingHint]:
    if hints is None or not spans:
        return []
    trimmed: list[tuple[int, int, str, int | None]] = []
    for start, end, n in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            kind, level = hints.info[n]
            trimmed.append((start, end, kind, level))
    trimmed.sort(key=lambda t: (t[0], -t[1]))
    merged: list[list] = []
    for start, end, kind, level in trimmed:
        if merged:
            prev = merged[-1]
            if start < prev[1]:  # overlaps: a heading wins over a bold run inside it
                if prev[2] == "bold" and kind == "heading":
                    merged[-1] = [start, end, kind, level]
                continue
            gap = text[prev[1]:start]
            if prev[2] == kind == "bold" and not gap.strip() and "\n" not in gap:
                prev[1] = end
                continue
        merged.append([start, end, kind, level])
    return [HeadingHint(start=s, end=e, kind=k, level=lv) for s, e, k, lv in merged]


def _document(text: str, title: str, metadata: dict[str, str], hints: list, name: str,
              data: bytes, blank_code: str, tables: list[TextTable] | None = None) -> IngestedDocument:
    if not text.strip():
        raise _fail(blank_code, name)
    return IngestedDocument(text=text, title=title, metadata=metadata, hints=hints,
                            source_name=_clean_name(name), raw=data, fingerprint=fingerprint(text),
                            tables=tables or [])


# --------------------------------------------------------------------------- plain text

_TEXT_STRIP = " \t\f\v\u3000\xa0\ufeff\u200b"


def _ingest_text(data: bytes, name: str) -> IngestedDocument:
    text, encoding = decode_text(data, name)
    text = _NONCHAR_RE.sub("", text).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    paras: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip().strip(_TEXT_STRIP).strip()
        if line:
            paras[-1].append(line)
        elif paras[-1]:
            paras.append([])
    metadata: dict[str, str] = {}
    body, title, hints, _tables = _finish(paras, metadata, None)
    metadata.update(encoding=encoding, format="txt")
    return _document(body, title, metadata, hints, name, data, "ingest.blank_text")


# --------------------------------------------------------------------------- HTML

_JUNK_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "applet", "button", "select", "option", "textarea", "input", "svg", "math", "canvas", "audio",
    "video", "map", "link", "meta", "head", "title", "base",
})
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
_CHROME_ATTR_RE = re.compile(r"nav|menu|share|breadcrumb|crumb|footer|toolbar|sidebar|copyright", re.I)
_CONTAINER_ATTR_RE = re.compile(r"content|article|trs_?editor|zoom|main|text|detail|zhengwen", re.I)
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li",
    "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2",
    "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "figure", "figcaption", "center",
    "form", "fieldset", "legend", "hr", "body", "html", "details", "summary", "menu", "dir",
    "hgroup", "option", "noframes", "listing", "plaintext", "xmp",
})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD_TAGS = frozenset({"b", "strong"})
_BOLD_STYLE_RE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HTML_WS = " \t\n\r\f\v\xa0\u200b\ufeff"
_RUN_RE = re.compile(f"[{_HTML_WS}{_MARK_CLASS}]+")


def _tag(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def _drop(el) -> None:
    """Remove an element but keep its tail text in the document."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _tidy_line(line: str) -> str:
    """HTML whitespace: collapse runs, drop them next to CJK, strip the edges; markers stay put."""
    n = len(line)

    def repl(m: re.Match) -> str:
        run = m.group(0)
        if not any(c in _HTML_WS for c in run):
            return run
        found = _MARKER_RE.findall(run)
        ends = "".join(a + b + _M_SEP for a, b in found if a == _M_END)
        starts = "".join(a + b + _M_SEP for a, b in found if a == _M_START)
        before = line[m.start() - 1] if m.start() > 0 else ""
        after = line[m.end()] if m.end() < n else ""
        sep = "" if not before or not after or _wide(before) or _wide(after) else " "
        return ends + sep + starts

    line = _RUN_RE.sub(repl, line)
    return _strip_marked(line)


def _edge_space(ch: str) -> bool:
    return ch.isspace() or ch in "\u200b\ufeff"


def _strip_marked(line: str) -> str:
    """str.strip() (also of U+200B/U+FEFF) that keeps hint markers found among the stripped chars."""
    i, n = 0, len(line)
    head: list[str] = []
    while i < n:
        m = _MARKER_RE.match(line, i)
        if m:
            head.append(m.group(0))
            i = m.end()
        elif _edge_space(line[i]):
            i += 1
        else:
            break
    j = n
    tail: list[str] = []
    while j > i:
        if line[j - 1] == _M_SEP:
            k = max(line.rfind(_M_START, i, j), line.rfind(_M_END, i, j))
            m = _MARKER_RE.fullmatch(line, k, j) if k >= 0 else None
            if m:
                tail.append(m.group(0))
                j = k
                continue
        if _edge_space(line[j - 1]):
            j -= 1
        else:
            break
    return "".join(head) + line[i:j] + "".join(reversed(tail))


_CELL = "\ufdd3"  # table-cell separator inside a row line; becomes a tab after whitespace tidying


class _Flow:
    """Collects paragraphs (lists of lines) while walking the tree."""

    def __init__(self) -> None:
        self.paras: list[tuple[list[str], bool]] = []
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.inside = False
        self.line_has_plain = False

    def write(self, s: str, *, plain: bool) -> None:
        if s:
            self.cur.append(s)
            if plain and any(not _edge_space(c) for c in s):
                self.line_has_plain = True

    def mark(self, s: str) -> None:
        self.cur.append(s)

    def line_break(self, *, soft: bool = False) -> bool:
        """End the current line; a soft break (a table row) never makes an empty line. True when
        a line was written."""
        raw = "".join(self.cur)
        if soft and not _unmark(raw).strip(_HTML_WS):
            return False
        self.lines.append("\t".join(_tidy_line(cell) for cell in raw.split(_CELL)))
        self.cur = []
        self.line_has_plain = False
        return True

    def last_line(self) -> tuple[list[str], int]:
        """Where the line just written stands (its paragraph's list, index), to mark it later."""
        return self.lines, len(self.lines) - 1

    def para_break(self) -> None:
        self.line_break()
        if any(_unmark(line).strip() for line in self.lines):
            self.paras.append((self.lines, self.inside))
        self.lines = []


def _text_len(el) -> int:
    return sum(len(t.strip()) for t in el.itertext())


def _scores(body) -> dict:
    """Non-link text length of every element's subtree, computed bottom-up in one pass."""
    elements = [e for e in body.iter() if isinstance(e.tag, str)]
    score: dict = {}
    for el in reversed(elements):
        own = len((el.text or "").strip())
        for child in el:
            if isinstance(child.tag, str):
                own += score.get(child, 0)
            own += len((child.tail or "").strip())
        score[el] = 0 if _tag(el) == "a" else own
    return score


_LINK_LIST_TAGS = frozenset({"div", "ul", "ol", "dl", "table", "tr", "td", "p", "section", "span", "li"})


def _drop_link_lists(body) -> None:
    """Drop short blocks that are mostly links (menus, "related articles", site maps)."""
    elements = [e for e in body.iter() if isinstance(e.tag, str)]
    total: dict = {}
    linked: dict = {}
    links: dict = {}
    for el in reversed(elements):
        t = len((el.text or "").strip())
        lk = n = 0
        for child in el:
            if isinstance(child.tag, str):
                t += total[child]
                lk += linked[child]
                n += links[child]
            t += len((child.tail or "").strip())
        if _tag(el) == "a":
            lk, n = t, n + 1
        total[el], linked[el], links[el] = t, lk, n
    page = total.get(body, 0)
    for el in elements:
        if el is body or _tag(el) not in _LINK_LIST_TAGS:
            continue
        if any(a.getparent() is None and a is not body and _tag(a) != "html" for a in el.iterancestors()):
            continue  # inside a block already dropped
        if links[el] >= 3 and total[el] and linked[el] >= 0.8 * total[el] \
                and total[el] <= 600 and total[el] <= 0.5 * page:
            _drop(el)


def _choose_container(body):
    score = _scores(body)
    total = score.get(body, 0)
    if total == 0:
        return body
    depth: dict = {}
    candidates = []
    for el in body.iter():
        if not isinstance(el.tag, str) or el is body:
            continue
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if _tag(el) in ("article", "main") or (attrs and _CONTAINER_ATTR_RE.search(attrs)):
            if score.get(el, 0) >= 0.4 * total:
                candidates.append(el)
    if candidates:
        best = max(score[el] for el in candidates)
        good = [el for el in candidates if score[el] >= 0.85 * best]
        for el in good:
            depth[el] = sum(1 for _ in el.iterancestors())
        return max(good, key=lambda el: depth[el])
    # the element holding most <p> text
    p_text: dict = {}
    for p in body.iter("p"):
        parent = p.getparent()
        if parent is not None:
            p_text[parent] = p_text.get(parent, 0) + score.get(p, 0)
    if p_text:
        parent, amount = max(p_text.items(), key=lambda kv: kv[1])
        if amount >= 0.4 * total:
            return parent
    return body


def _collect_page_metadata(body) -> list[tuple[object, dict[str, str]]]:
    """`来源/发布时间` found anywhere on the page, deepest element first, in document order."""
    elements = [e for e in body.iter() if isinstance(e.tag, str)]
    size: dict = {}
    flagged: set = set()
    found: list[tuple[int, object, dict[str, str]]] = []
    for i in range(len(elements) - 1, -1, -1):
        el = elements[i]
        n = len(el.text or "")
        child_flag = False
        for child in el:
            if isinstance(child.tag, str):
                n += size.get(child, 0)
                child_flag = child_flag or child in flagged
            n += len(child.tail or "")
        size[el] = n
        if child_flag:
            flagged.add(el)
            continue
        if n > 300:
            continue
        text = _WS_RE.sub(" ", "".join(el.itertext())).strip()
        meta = _parse_meta_line(text) if text else None
        if meta:
            flagged.add(el)
            found.append((i, el, meta))
    found.sort(key=lambda t: t[0])
    return [(el, meta) for _, el, meta in found]


_TITLE_STRONG_SEP_RE = re.compile(r"\s*(?:_+|\|+|｜|--+|——+|\s[-—–]\s)\s*([^_|｜]*)$")
_TITLE_DASH_SEP_RE = re.compile(r"\s*[-—–]\s*([^-—–]*)$")
_SITE_SUFFIX_RE = re.compile(r"(?:网|政府|网站|门户|平台|频道|中心|官网|首页|局|委|厅|办|院|部|会)$")


def _trim_page_title(title: str) -> str:
    title = _WS_RE.sub(" ", title).strip()
    for _ in range(4):
        m = _TITLE_STRONG_SEP_RE.search(title)
        if m and len(title[:m.start()].strip()) >= 4:
            title = title[:m.start()].strip()
            continue
        m = _TITLE_DASH_SEP_RE.search(title)
        if m and _SITE_SUFFIX_RE.search(m.group(1).strip()) and len(title[:m.start()].strip()) >= 4:
            title = title[:m.start()].strip()
            continue
        break
    return title


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


def _is_bold(el) -> bool:
    return _tag(el) in _BOLD_TAGS or bool(_BOLD_STYLE_RE.search(el.get("style") or ""))


def _is_data_row(tr) -> bool:
    for d in tr.iter():
        if d is not tr and _tag(d) in _BLOCK_TAGS and _tag(d) not in ("td", "th"):
            return False
    return True


def _is_data_table(table) -> bool:
    """A table of data, not of layout: every row holds only cells of text (no blocks, line breaks
    or nested tables), so each row is one line of the body text."""
    rows = [tr for tr in table.iter() if _tag(tr) == "tr"]
    return bool(rows) and all(_is_data_row(tr) for tr in rows) \
        and not any(_tag(d) in ("br", "table") for d in table.iter() if d is not table)


def _walk_html(body, container, hints: _Hints) -> list[tuple[list[str], bool]]:
    flow = _Flow()
    heading_open = None
    bold_open = None
    pre_depth = 0
    rows: list[list] = []  # [is_data, cells_seen] per open <tr>
    # the data table being walked: [element, hint number, start marked?, (lines, index) of its last row]
    table_open: list | None = None

    def write_text(s: str | None) -> None:
        if not s:
            return
        s = _NONCHAR_RE.sub("", s)
        plain = heading_open is None and bold_open is None
        if pre_depth:
            parts = s.replace("\r\n", "\n").split("\n")
            flow.write(parts[0], plain=plain)
            for part in parts[1:]:
                flow.line_break()
                flow.write(part, plain=plain)
        else:
            flow.write(s, plain=plain)

    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = _tag(el)
        if not tag:
            if event == "end":
                write_text(el.tail)
            continue
        if event == "start":
            if el is container:
                flow.para_break()
                flow.inside = True
            if tag in ("tr",):
                data_row = _is_data_row(el)
                rows.append([data_row, 0])
                if data_row:
                    flow.line_break(soft=True)
                else:
                    flow.para_break()
            elif tag in ("td", "th") and rows and rows[-1][0]:
                if rows[-1][1]:
                    flow.mark(_CELL)
                elif table_open is not None and not table_open[2]:     # the first row's first cell
                    flow.mark(hints.start(table_open[1]))
                    table_open[2] = True
                rows[-1][1] += 1
            elif tag == "br":
                flow.line_break()
            elif tag in _BLOCK_TAGS:
                flow.para_break()
            if tag == "pre":
                pre_depth += 1
            if tag == "table" and table_open is None and _is_data_table(el):
                table_open = [el, hints.new("table"), False, None]
            if tag in _HEADINGS and heading_open is None:
                heading_open = (el, hints.new("heading", _HEADINGS[tag]))
                flow.mark(hints.start(heading_open[1]))
            elif heading_open is None and bold_open is None and not flow.line_has_plain and _is_bold(el):
                bold_open = (el, hints.new("bold"))
                flow.mark(hints.start(bold_open[1]))
            write_text(el.text)
        else:
            if bold_open is not None and bold_open[0] is el:
                flow.mark(hints.end(bold_open[1]))
                bold_open = None
            if heading_open is not None and heading_open[0] is el:
                flow.mark(hints.end(heading_open[1]))
                heading_open = None
            if tag == "pre":
                pre_depth -= 1
            if tag == "table" and table_open is not None and table_open[0] is el:
                if table_open[3] is not None:       # the end marker closes its last row's line
                    lines, index = table_open[3]
                    lines[index] += hints.end(table_open[1])
                table_open = None
            if tag == "tr":
                data_row = rows.pop()[0] if rows else False
                if data_row:
                    if flow.line_break(soft=True) and table_open is not None and table_open[2]:
                        table_open[3] = flow.last_line()
                else:
                    flow.para_break()
            elif tag in ("td", "th") and rows and rows[-1][0]:
                pass
            elif tag in _BLOCK_TAGS and tag != "br":
                flow.para_break()
            if el is container:
                flow.para_break()
                flow.inside = False
            if el is not body:
                write_text(el.tail)
    flow.para_break()
    return flow.paras


def _ingest_html(data: bytes, name: str) -> IngestedDocument:
    text, encoding = _decode_html(data, name)
    text = _strip_doctype_subset(_NONCHAR_RE.sub("", text).lstrip("\ufeff"))
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, remove_comments=True,
                              remove_pis=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser) if text.strip() else None
    except (etree.LxmlError, ValueError):
        root = None
    if root is None:
        raise _fail("ingest.blank_page", name)
    title_el = next((e for e in root.iter("title")), None)
    page_title = _WS_RE.sub(" ", "".join(title_el.itertext())).strip() if title_el is not None else ""
    body = next((e for e in root.iter("body")), None)
    if body is None:
        body = root
    # 1. never text: scripts, styles, widgets, hidden elements
    for el in list(body.iter()):
        if not isinstance(el.tag, str):
            if el.getparent() is not None:
                _drop(el)
            continue
        if _tag(el) in _JUNK_TAGS or el.get("hidden") is not None \
                or _HIDDEN_STYLE_RE.search(el.get("style") or ""):
            if el.getparent() is not None and el is not body:
                _drop(el)
    page_meta = _collect_page_metadata(body)
    # 2. page chrome: navigation, headers, footers, share bars (unless it holds the article)
    total = _text_len(body)
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if any(a.getparent() is None and a is not root for a in el.iterancestors()):
            continue
        tag = _tag(el)
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
        chrome = tag in _CHROME_TAGS or bool(attrs and _CHROME_ATTR_RE.search(attrs))
        if not chrome:
            continue
        if tag == "header" and any(_tag(a) in ("article", "main") for a in el.iterancestors()):
            continue
        if _text_len(el) > 0.5 * total and total > 0:
            continue
        _drop(el)
    _drop_link_lists(body)
    container = _choose_container(body)
    hints = _Hints()
    walked = _walk_html(body, container, hints)
    inside = [lines for lines, ins in walked if ins]
    outside = [lines for lines, ins in walked if not ins]
    if container is body:
        inside, outside = [lines for lines, _ in walked], []
    metadata: dict[str, str] = {}

    def in_container(el) -> bool:
        return el is container or any(a is container for a in el.iterancestors())

    for el, meta in page_meta:  # the article's own head and tail are read by _finish below
        if container is not body and not in_container(el):
            for key, value in meta.items():
                metadata.setdefault(key, value)
    paras = _place_title(inside, outside, page_title, hints)
    body_text, title, hint_list, tables = _finish(paras, metadata, hints)
    metadata.update(encoding=encoding, format="html")
    return _document(body_text, title, metadata, hint_list, name, data, "ingest.blank_page", tables)


def _line_levels(line: str, hints: _Hints) -> list[int]:
    """Heading levels of the heading hints that start in a line."""
    levels = []
    for kind_mark, digits in _MARKER_RE.findall(line):
        if kind_mark == _M_START:
            kind, level = hints.info[_decode_id(digits)]
            if kind == "heading" and level is not None:
                levels.append(level)
    return levels


def _place_title(inside: list[list[str]], outside: list[list[str]], page_title: str,
                 hints: _Hints) -> list[list[str]]:
    """Put the page's visible title line first: an <h1>, or else the trimmed <title>."""
    paras = _split_at_blank_lines(inside)
    trimmed = _trim_page_title(page_title) if page_title else ""
    t_full, t_trim = _squash(page_title), _squash(trimmed)

    def is_h1(line: str) -> bool:
        return 1 in _line_levels(line, hints)

    def names_page(line: str) -> bool:
        """The line is the title the page shows: equal to its <title>, or an <h1> overlapping it."""
        sq = _squash(line)
        if not sq:
            return False
        if t_trim and sq in (t_trim, t_full):
            return True
        if not is_h1(line):
            return False
        return not t_trim or (len(sq) >= 2 and (sq in t_trim or t_trim in sq))

    # lines of the article before its first real paragraph (where a title can stand)
    head: list[tuple[int, int, str]] = []
    for pi, lines in enumerate(paras):
        for li, line in enumerate(lines):
            plain = _unmark(line).strip()
            if _is_real_paragraph(plain) and _line_kind(plain) is False:
                break
            head.append((pi, li, line))
        else:
            continue
        break
    content = [(pi, li, line) for pi, li, line in head if _line_kind(_unmark(line).strip()) is False]

    def move_up(pi: int, li: int, line: str) -> list[list[str]]:
        rest = [[ln for lj, ln in enumerate(lines) if not (pj == pi and lj == li)]
                for pj, lines in enumerate(paras)]
        return [[line]] + [lines for lines in rest if lines]

    # in the head of the article: the line equal to <title>, else its first <h1>
    for test in (names_page, is_h1):
        for k, (pi, li, line) in enumerate(content):
            if test(line):
                return paras if k == 0 else move_up(pi, li, line)
    # a heading outside the article that the page shows as its title
    out_lines = [line for lines in _split_at_blank_lines(outside) for line in lines]
    chosen = next((ln for ln in out_lines if is_h1(ln) and names_page(ln)), None)
    if chosen is None and t_trim:
        chosen = next((ln for ln in out_lines if _squash(ln) == t_trim), None)
    if chosen is None and t_full:
        chosen = next((ln for ln in out_lines if _line_levels(ln, hints) and len(_squash(ln)) >= 4
                       and _squash(ln) in t_full), None)
    if chosen is None and trimmed:
        chosen = trimmed
    if chosen is None:
        return paras
    return [[chosen]] + paras


# --------------------------------------------------------------------------- docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME_RE = re.compile(r"^(?:heading|标题)\s*([1-6])$", re.I)


def _safe_xml(raw: bytes, name: str, part: str):
    """Parse a docx part with entities, DTDs and network off; a part with a DTD is refused."""
    refused = _fail("ingest.docx_declares_dtd", name, part=part)
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise refused
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(raw, parser)
    except (etree.LxmlError, ValueError):
        raise _fail("ingest.docx_bad_xml", name, part=part) from None
    if root.getroottree().docinfo.internalDTD is not None:  # e.g. a UTF-16 part hiding its DTD
        raise refused
    return root


def _read_member(zf: zipfile.ZipFile, member: str, name: str) -> bytes:
    info = zf.getinfo(member)
    if info.file_size > _MAX_DOCX_XML_BYTES:
        raise _fail("ingest.docx_part_too_big", name, part=member,
                    limit_mb=_MAX_DOCX_XML_BYTES // (1024 * 1024))
    with zf.open(info) as fh:
        raw = fh.read(_MAX_DOCX_XML_BYTES + 1)
    if len(raw) > _MAX_DOCX_XML_BYTES:
        raise _fail("ingest.docx_part_too_big", name, part=member,
                    limit_mb=_MAX_DOCX_XML_BYTES // (1024 * 1024))
    return raw


def _zip_kind(names: set[str]) -> str:
    """The kind code of a ZIP file that is not a Word document, from the names inside it."""
    if "xl/workbook.xml" in names:
        return "kind.excel"
    if "ppt/presentation.xml" in names:
        return "kind.powerpoint"
    if "content.xml" in names and "mimetype" in names:
        return "kind.opendocument"
    if "META-INF/container.xml" in names:
        return "kind.epub"
    return "kind.zip"


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
    return _NONCHAR_RE.sub("", "".join(parts))


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


def _docx_paragraph(p, levels: dict[str, int], hints: _Hints) -> list[str]:
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
    return [_strip_marked(line) for line in marked.split("\n")]


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


def _ingest_docx(data: bytes, name: str) -> IngestedDocument:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError, zlib.error):
        raise _fail("ingest.damaged_zip", name) from None
    with zf:
        if "word/document.xml" not in names:
            raise _fail("ingest.zip_not_docx", name, kind=Phrase(_zip_kind(names)))
        try:
            levels = _style_levels(zf, name, names)
            raw = _read_member(zf, "word/document.xml", name)
        except IngestError:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError, zlib.error, KeyError):
            raise _fail("ingest.docx_damaged", name) from None
    root = _safe_xml(raw, name, "word/document.xml")
    body = root.find(_W + "body")
    hints = _Hints()
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
    text, title, hint_list, tables = _finish(paras, metadata, hints)
    metadata["format"] = "docx"
    return _document(text, title, metadata, hint_list, name, data, "ingest.blank_document", tables)


# --------------------------------------------------------------------------- dispatch

_HTML_SNIFF_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|h[1-6]|table|br|span)\b", re.I)


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    bom = _bom(head)
    try:
        text = head[bom[1]:].decode(bom[0], errors="ignore") if bom else head.decode("latin-1")
    except LookupError:
        return False
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped.startswith("<") and bool(_HTML_SNIFF_RE.search(stripped))


def ingest_bytes(data: bytes, name: str) -> IngestedDocument:
    """Turn a source file's bytes into a document; the name's extension picks the format."""
    data = bytes(data)
    if not data:
        raise _fail("ingest.empty", name)
    if len(data) > MAX_SOURCE_BYTES:
        raise _too_big(name, len(data))
    ext = os.path.splitext(_clean_name(name))[1].lower()
    if _is_zip(data):
        return _ingest_docx(data, name)
    kind = _binary_kind(data)
    if kind is not None:
        raise _not_text(name, kind, docx=ext in DOCX_EXTENSIONS)
    if ext in HTML_EXTENSIONS:
        return _ingest_html(data, name)
    if ext in TEXT_EXTENSIONS:
        return _ingest_text(data, name)
    if _looks_like_html(data):
        return _ingest_html(data, name)
    return _ingest_text(data, name)


def _size(n: int) -> Phrase:
    """A byte count as the phrase a message shows: `4 KB`, `50 MB`, `12 bytes`."""
    if n >= 1024 * 1024:
        return Phrase("size.mb", n=f"{n / (1024 * 1024):.1f}".removesuffix(".0"))
    if n >= 1024:
        return Phrase("size.kb", n=f"{n / 1024:.1f}".removesuffix(".0"))
    return Phrase("size.bytes", n=n)


def _too_big(name: str, size: int) -> IngestError:
    return _fail("ingest.too_big", name, size=_size(size), limit=_size(MAX_SOURCE_BYTES))


def ingest_path(path: str | os.PathLike) -> IngestedDocument:
    """Read and ingest a file; every problem is an IngestError naming the file."""
    path = os.fsdecode(os.fspath(path))
    name = _clean_name(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _fail("ingest.not_found", name, path=path) from None
    except OSError as exc:
        raise _fail("ingest.unreadable", name, reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise _fail("ingest.is_folder", name)
    if not stat.S_ISREG(st.st_mode):
        raise _fail("ingest.not_regular_file", name)
    if st.st_size == 0:
        raise _fail("ingest.empty", name)
    if st.st_size > MAX_SOURCE_BYTES:
        raise _too_big(name, st.st_size)
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise _fail("ingest.unreadable", name, reason=exc.strerror or str(exc)) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise _too_big(name, len(data))
    return ingest_bytes(data, name)
