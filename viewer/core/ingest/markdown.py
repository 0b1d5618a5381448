"""Markdown (.md, and a .txt written as Markdown): headings become hints, markup and comments are not body text."""

from __future__ import annotations

import html
import re

from viewer.core.ingest import registry
from viewer.core.ingest._cleanup import finish, make_document
from viewer.core.ingest._decode import bom_of, decode
from viewer.core.ingest._markers import NONCHAR_RE, Hints, unmark
from viewer.core.model import IngestedDocument

_TEXT_STRIP = " \t\f\v\u3000\xa0\ufeff\u200b"
_SNIFF_BYTES = 64 * 1024

_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t\u3000]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SNIFF_ATX_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_BREAK_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_QUOTE_RE = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")
_BULLET_RE = re.compile(r"^[ \t]*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?")
_ORDERED_RE = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]+")
_REF_DEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_ROW_SPLIT_RE = re.compile(r"(?<!\\)\|")
_DELIMITER_ROW_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_YAML_FIELD_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_TOML_FIELD_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*)$")

# inline markup: what is kept verbatim first (code, escapes, autolinks), then links, tags, emphasis
_PROTECT_RE = re.compile(
    r"(?<!`)(?P<ticks>`++)(?P<code>[^`]+?(?:`+[^`]+?)*?)(?P=ticks)(?!`)"   # possessive: linear on ``````
    r"|\\(?P<esc>[!-/:-@\[-`{-~])"
    r"|<(?P<auto>(?:https?|ftp|mailto):[^<>\s]+)>")
_PLACEHOLDER_RE = re.compile("\ufdd5(\\d+)\ufdd6")
_IMAGE_RE = re.compile(r"!\[[^\[\]]*\](?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\[\]]*\])")
_LINK_RE = re.compile(r"\[([^\[\]]*)\](?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\[\]]*\])")
_FOOTNOTE_RE = re.compile(r"\[\^[^\[\]\s]+\]")
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS_RES = (
    re.compile(r"(\*\*)(?=[^\s*])(.{1,1000}?)(?<=[^\s*])\*\*"),
    re.compile(r"(?<![A-Za-z0-9_])(__)(?=[^\s_])(.{1,1000}?)(?<=[^\s_])__(?![A-Za-z0-9_])"),
    re.compile(r"(~~)(?=[^\s~])(.{1,1000}?)(?<=[^\s~])~~"),
    re.compile(r"(\*)(?=[^\s*])(.{1,1000}?)(?<=[^\s*])\*"),
    re.compile(r"(?<![A-Za-z0-9_])(_)(?=[^\s_])(.{1,1000}?)(?<=[^\s_])_(?![A-Za-z0-9_])"),
)
_BOLD_LEAD_RE = re.compile(r"^(\*\*|__)(?=[^\s*_])(.{1,1000}?)(?<=[^\s*_])\1")

_FRONT_MATTER_KEYS = {"title": "title", "date": "published", "author": "author", "source": "source"}


# --------------------------------------------------------------------------- recognising

def looks_like_markdown(text: str) -> bool:
    """Clearly Markdown: front matter, or several `#` heading lines (or a `#` title and one more)."""
    text = text.lstrip("\ufeff")
    if text.lstrip().startswith("<") and not text.lstrip().startswith("<!--"):
        return False                                          # markup: a web page, not Markdown
    if _front_matter_end(text.split("\n", 60)[:60]) is not None:
        return True
    headings = _SNIFF_ATX_RE.findall(text)
    first = next((line for line in text.split("\n", 200) if line.strip()), "")
    return len(headings) >= 3 or (len(headings) >= 2 and bool(_SNIFF_ATX_RE.match(first)))


def sniff(probe: registry.Probe) -> int:
    """CERTAIN for text that is clearly Markdown (whatever its name); other text only when named .md."""
    if probe.is_binary:
        return registry.NO
    head = probe.data[:_SNIFF_BYTES]
    bom = bom_of(head)
    try:
        view = head[bom[1]:].decode(bom[0], errors="ignore") if bom else head.decode("latin-1")
    except LookupError:  # pragma: no cover - every BOM names a known codec
        return registry.NAMED_ONLY
    view = view.replace("\r\n", "\n").replace("\r", "\n")
    return registry.CERTAIN if looks_like_markdown(view) else registry.NAMED_ONLY


# --------------------------------------------------------------------------- front matter

def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the line closing a `---` (YAML) or `+++` (TOML) block that opens the file, or None."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return None
    fence = lines[0].strip()
    closers = ("---", "...") if fence == "---" else ("+++",)
    field_re = _YAML_FIELD_RE if fence == "---" else _TOML_FIELD_RE
    fields = 0
    for i, line in enumerate(lines[1:], 1):
        if line.strip() in closers:
            return i if fields else None
        if field_re.match(line.strip()):
            fields += 1
    return None


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """The fields a front matter block gives (title, published, author, source) and the first body line."""
    end = _front_matter_end(lines)
    if end is None:
        return {}, 0
    field_re = _YAML_FIELD_RE if lines[0].strip() == "---" else _TOML_FIELD_RE
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        m = field_re.match(line.strip())
        key = _FRONT_MATTER_KEYS.get(m.group(1).lower()) if m else None
        value = m.group(2).strip().strip("\"'").strip() if m else ""
        if key and value:
            fields.setdefault(key, value)
    return fields, end + 1


# --------------------------------------------------------------------------- inline markup

def inline_text(s: str, hints: Hints | None = None) -> str:
    """The text of one line of Markdown: code and escapes verbatim, link text kept, images, tags and
    emphasis markers dropped; a bold run opening the line is marked as a bold hint when `hints` is given."""
    kept: list[str] = []

    def protect(m: re.Match) -> str:
        if m.group("ticks"):
            code = m.group("code")
            value = code[1:-1] if len(code) > 2 and code[0] == code[-1] == " " else code
        else:
            value = m.group("esc") or m.group("auto")
        kept.append(value)
        return f"\ufdd5{len(kept) - 1}\ufdd6"

    s = _PROTECT_RE.sub(protect, s)
    s = _IMAGE_RE.sub("", s)
    for _ in range(3):                                        # [text](url), also around [![img](src)](url)
        s, n = _LINK_RE.subn(lambda m: m.group(1), s)
        if not n:
            break
    s = _FOOTNOTE_RE.sub("", s)
    s = _TAG_RE.sub("", s)
    s = s.rstrip()
    s = s[:-1] if s.endswith("\\") else s                    # a hard line break
    lead = _BOLD_LEAD_RE.match(s) if hints is not None else None
    if lead:
        n = hints.new("bold")
        s = Hints.start(n) + lead.group(2) + Hints.end(n) + s[lead.end():]
    for _ in range(3):
        changed = False
        for pattern in _EMPHASIS_RES:
            s, n = pattern.subn(lambda m: m.group(2), s)
            changed = changed or bool(n)
        if not changed:
            break
    s = _unescape(s)
    return _PLACEHOLDER_RE.sub(lambda m: kept[int(m.group(1))] if int(m.group(1)) < len(kept) else "", s)


def _unescape(s: str) -> str:
    """HTML character references resolved (`&amp;`, `&nbsp;`); one naming a noncharacter stays as written."""
    if "&" not in s:
        return s
    out = html.unescape(s)
    return out if len(NONCHAR_RE.findall(out)) == len(NONCHAR_RE.findall(s)) else s


def _clean(line: str) -> str:
    return line.strip().strip(_TEXT_STRIP).strip()


# --------------------------------------------------------------------------- blocks

class _Blocks:
    """Markdown lines turned into paragraphs of body-text lines with heading, bold and table markers."""

    def __init__(self) -> None:
        self.hints = Hints()
        self.paras: list[list[str]] = [[]]
        self.last_plain = False      # the line before was paragraph text (a setext underline may follow)

    def para_break(self) -> None:
        if self.paras[-1]:
            self.paras.append([])
        self.last_plain = False

    def heading(self, text: str, level: int) -> None:
        self.para_break()
        text = _clean(inline_text(text))
        if text:
            n = self.hints.new("heading", level)
            self.paras[-1].append(Hints.start(n) + text + Hints.end(n))
        self.para_break()

    def line(self, text: str, *, plain: bool = True) -> None:
        text = _clean(inline_text(text, self.hints))
        if text:
            self.paras[-1].append(text)
            self.last_plain = plain

    def table(self, rows: list[str]) -> None:
        lines = []
        for row in rows:
            row = row.strip()
            row = row[1:] if row.startswith("|") else row
            row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
            cells = [_clean(inline_text(cell)) for cell in _ROW_SPLIT_RE.split(row)]
            if any(cells):
                lines.append("\t".join(cells))
        self.para_break()
        if lines:
            n = self.hints.new("table")
            lines[0] = Hints.start(n) + lines[0]
            lines[-1] += Hints.end(n)
            self.paras[-1].extend(lines)
        self.para_break()

    def setext(self, level: int) -> None:
        """The paragraph line before an `===`/`---` underline is a heading."""
        last = self.paras[-1].pop()
        n = self.hints.new("heading", level)
        self.para_break()
        self.paras[-1].append(Hints.start(n) + last + Hints.end(n))
        self.para_break()

    def read(self, lines: list[str]) -> None:
        fence = ""
        i, count = 0, len(lines)
        while i < count:
            raw = lines[i]
            i += 1
            content = _QUOTE_RE.sub("", raw)
            if fence:                                       # code: verbatim lines until the closing fence
                if content.strip().startswith(fence) and not content.strip().strip(fence[0]):
                    fence = ""
                    self.para_break()
                elif _clean(content):
                    self.paras[-1].append(_clean(content))
                continue
            if not content.strip():
                self.para_break()
                continue
            m = _FENCE_RE.match(content)
            if m:
                fence = m.group(1)
                self.para_break()
                continue
            m = _ATX_RE.match(content)
            if m:
                self.heading(m.group(2) or "", len(m.group(1)))
                continue
            m = _SETEXT_RE.match(content)
            if m and self.last_plain:
                self.setext(1 if m.group(1)[0] == "=" else 2)
                continue
            if _BREAK_RE.match(content):
                self.para_break()
                continue
            if "|" in content and i < count and _DELIMITER_ROW_RE.match(_QUOTE_RE.sub("", lines[i])) \
                    and "-" in lines[i]:
                rows = [content]
                i += 1
                while i < count and "|" in lines[i] and lines[i].strip():
                    rows.append(_QUOTE_RE.sub("", lines[i]))
                    i += 1
                self.table(rows)
                continue
            if _REF_DEF_RE.match(content):
                continue
            bullet = _BULLET_RE.match(content)
            if bullet or _ORDERED_RE.match(content):
                self.line(content[bullet.end():] if bullet else content, plain=False)
                continue
            self.line(content)


def read(data: bytes, name: str) -> IngestedDocument:
    """The body text of a Markdown file: front matter and comments dropped, headings as hints."""
    text, encoding = decode(data, name)
    text = NONCHAR_RE.sub("", text).lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    lines = text.split("\n")
    fields, first = _front_matter(lines)
    body_lines = _COMMENT_RE.sub("", "\n".join(lines[first:])).split("\n")
    blocks = _Blocks()
    title = fields.pop("title", "")
    if title:
        title = _clean(inline_text(title))
        blocks.line(title)
        blocks.para_break()
    blocks.read(body_lines)
    paras = blocks.paras
    if title and len(paras) > 1 and paras[1] and unmark(paras[1][0]).strip() == title:
        del paras[0]                                          # the front matter's title is the first heading
    metadata: dict[str, str] = dict(fields)
    body, doc_title, hints, tables = finish(paras, metadata, blocks.hints)
    metadata.update(encoding=encoding, format="markdown")
    return make_document(body, doc_title, metadata, hints, name, data, "ingest.blank_text", tables)


IMPORTER = registry.register(registry.Importer(
    name="markdown", extensions=(".md", ".markdown"), media_label="format.markdown",
    sniff=sniff, read=read))
