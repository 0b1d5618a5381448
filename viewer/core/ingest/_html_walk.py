"""Walking a cleaned page tree into paragraphs of lines, with heading, bold and table hint markers."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from viewer.core.ingest._html_article import tag_name
from viewer.core.ingest._markers import (M_END, M_SEP, M_START, MARK_CLASS, MARKER_RE, NONCHAR_RE, Hints,
                                         edge_space, strip_marked, unmark)

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
_HTML_WS = " \t\n\r\f\v\xa0\u200b\ufeff"
_RUN_RE = re.compile(f"[{_HTML_WS}{MARK_CLASS}]+")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _tidy_line(line: str) -> str:
    """HTML whitespace: collapse runs, drop them next to CJK, strip the edges; markers stay put."""
    n = len(line)

    def repl(m: re.Match) -> str:
        run = m.group(0)
        if not any(c in _HTML_WS for c in run):
            return run
        found = MARKER_RE.findall(run)
        ends = "".join(a + b + M_SEP for a, b in found if a == M_END)
        starts = "".join(a + b + M_SEP for a, b in found if a == M_START)
        before = line[m.start() - 1] if m.start() > 0 else ""
        after = line[m.end()] if m.end() < n else ""
        sep = "" if not before or not after or _wide(before) or _wide(after) else " "
        return ends + sep + starts

    line = _RUN_RE.sub(repl, line)
    return strip_marked(line)


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
            if plain and any(not edge_space(c) for c in s):
                self.line_has_plain = True

    def mark(self, s: str) -> None:
        self.cur.append(s)

    def line_break(self, *, soft: bool = False) -> bool:
        """End the current line; a soft break (a table row) never makes an empty line. True when
        a line was written."""
        raw = "".join(self.cur)
        if soft and not unmark(raw).strip(_HTML_WS):
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
        if any(unmark(line).strip() for line in self.lines):
            self.paras.append((self.lines, self.inside))
        self.lines = []


def _is_bold(el) -> bool:
    return tag_name(el) in _BOLD_TAGS or bool(_BOLD_STYLE_RE.search(el.get("style") or ""))


def _is_data_row(tr) -> bool:
    for d in tr.iter():
        if d is not tr and tag_name(d) in _BLOCK_TAGS and tag_name(d) not in ("td", "th"):
            return False
    return True


def _is_data_table(table) -> bool:
    """A table of data, not of layout: every row holds only cells of text (no blocks, line breaks
    or nested tables), so each row is one line of the body text."""
    rows = [tr for tr in table.iter() if tag_name(tr) == "tr"]
    return bool(rows) and all(_is_data_row(tr) for tr in rows) \
        and not any(tag_name(d) in ("br", "table") for d in table.iter() if d is not table)


def walk_page(body, container, hints: Hints) -> list[tuple[list[str], bool]]:
    """(lines, inside the container?) of every paragraph, hints marked inline, in document order."""
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
        s = NONCHAR_RE.sub("", s)
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
        tag = tag_name(el)
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


