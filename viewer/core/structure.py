"""Body text (+ HTML heading hints) -> section tree: numbered headings, run-in enumerations, articles."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence
from viewer.core.model import HeadingHint, SectionNode


# --------------------------------------------------------------------------- markers

_CN_NUM = "零〇一二三四五六七八九十百千"
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_AR = "0-9０-９"

# A marker where a paragraph starts. Every repetition is bounded, so matching stays linear.
_LEAD_RE = re.compile(
    rf"(?P<di>第(?:(?P<di_c>[{_CN_NUM}]{{1,8}})|(?P<di_a>[{_AR}]{{1,4}}))(?P<di_u>编|篇|部分|章|节|条))"
    rf"|(?P<cp>[(（](?P<cp_n>[{_CN_NUM}]{{1,4}})[)）]|[\u3220-\u3229])"
    rf"|(?P<ap>[(（](?P<ap_n>[{_AR}]{{1,3}})[)）]|[\u2474-\u2487])"
    rf"|(?P<cd>(?P<cd_n>[{_CN_NUM}]{{1,4}})[、．.])"
    rf"|(?P<shi>(?P<shi_n>[一二三四五六七八九十]{{1,3}})是)"
    rf"|(?P<ad>(?P<ad_n>[{_AR}]{{1,3}})[.．、](?![{_AR}])|[\u2488-\u249b])"
    rf"|(?P<ar>(?P<ar_n>[{_AR}]{{1,3}})[)）])"
    r"|(?P<ci>[\u2460-\u2473])"
)
# Characters a paragraph-start marker can begin with (a cheap pre-check before _LEAD_RE).
_LEAD_FIRST = frozenset("第(（" + _CN_NUM + "0123456789０１２３４５６７８９"
                        + "".join(map(chr, range(0x3220, 0x322A))) + "".join(map(chr, range(0x2460, 0x249C))))
# Run-in markers inside a paragraph. Each pattern starts with a character class, so the regex
# engine skips ahead in C; the look-behind check (no numeral before 一是) is done in Python.
_INLINE_SHI_RE = re.compile(r"[一二三四五六七八九十]{1,3}是")
_INLINE_PAREN_RE = re.compile(rf"[(（\u2460-\u2487](?:[{_AR}]{{1,2}}[)）])?")
_NOT_BEFORE_SHI = frozenset(_CN_NUM + "两第")
_QUARTER_RE = re.compile(rf"[{_CN_NUM}]{{1,3}}季")   # 一、二季度 lists quarters, it heads nothing
_WS = " \t\r\u3000\xa0\ufeff\u200b"
_WS_RE = re.compile(rf"[{_WS}]*")
_BLANK_RE = re.compile(r"\s*")
_TERMINATOR_RE = re.compile(r"[。；;！!？?]")   # a line holding one of these is prose, not a bare heading
_CLAUSE_END = re.compile(r"[。;；]")
_COMMA = re.compile(r"[,，]")
_SENTENCE_BREAK = frozenset("。；;：:！!？?")
_SOFT_BREAK = _SENTENCE_BREAK | frozenset("，,")
_SKIP_BACK = frozenset(_WS + "”’」』\"'")
_HINT_TRIM = frozenset(_WS + "\n。；;：:，,")
_TITLE_TRIM = frozenset(_WS + "\n")

_TOC_MAX = 400       # a table of contents has at most this many entries
_TITLE_MAX = 40      # run-in title rule: a clause longer than this is cut
_OWN_LINE_MAX = 60   # a marker line without sentence punctuation and at most this long is a heading
_BOLD_MAX = 60       # an unnumbered bold run longer than this is emphasis, not a heading

# GB/T 9704 order, used only to stop a new major style nesting under a minor one (一、 under 1.).
_RANK = {"part": 7, "章": 8, "节": 9, "条": 10, "cn_dun": 20, "cn_paren": 21, "ar_dot": 22,
         "ar_paren": 23, "ar_rparen": 24, "circled": 25}
_FLOATING = frozenset({"shi", "bold"})            # run-in styles: they nest under whatever is open
_CONTINUOUS = frozenset({"part", "章", "节", "条"})  # 第…条 numbering runs on across chapters
_OWN_LINE_ONLY = frozenset({"part", "章", "节"})    # 第一章 总则 stands on its own line


@lru_cache(maxsize=4096)
def _cn_to_int(s: str) -> int | None:
    """Chinese numeral (一 … 九千九百九十九, 十一, 一百零二, 一〇二) -> int; None if malformed."""
    if all(ch in _CN_DIGIT for ch in s):
        if len(s) == 1:
            return _CN_DIGIT[s] or None
        return None if s[0] in "零〇" else int("".join(str(_CN_DIGIT[ch]) for ch in s))
    total, cur, last_unit, zero = 0, None, 10_000, False
    for ch in s:
        if ch in _CN_UNIT:
            unit = _CN_UNIT[ch]
            if unit >= last_unit or zero:
                return None
            total += (1 if cur is None else cur) * unit
            cur, last_unit = None, unit
        elif ch in "零〇":
            if cur is not None or zero or total == 0:
                return None
            zero = True
        else:
            if cur is not None:
                return None
            cur, zero = _CN_DIGIT[ch], False
    if cur is not None:
        total += cur
    elif zero:
        return None
    return total or None


def _ar_to_int(s: str) -> int | None:
    try:
        return int(s) or None
    except ValueError:
        return None


def _decode_lead(m: re.Match) -> tuple[str, int | None]:
    """(style, number) of a _LEAD_RE match."""
    kind = m.lastgroup
    if kind == "di":
        unit = m.group("di_u")
        style = "part" if unit in ("编", "篇", "部分") else unit
        digits = m.group("di_c")
        return style, _cn_to_int(digits) if digits else _ar_to_int(m.group("di_a"))
    if kind == "cp":
        digits = m.group("cp_n")
        return "cn_paren", _cn_to_int(digits) if digits else ord(m.group()) - 0x3220 + 1
    if kind == "ap":
        digits = m.group("ap_n")
        return "ar_paren", _ar_to_int(digits) if digits else ord(m.group()) - 0x2474 + 1
    if kind == "cd":
        return "cn_dun", _cn_to_int(m.group("cd_n"))
    if kind == "shi":
        return "shi", _cn_to_int(m.group("shi_n"))
    if kind == "ad":
        digits = m.group("ad_n")
        return "ar_dot", _ar_to_int(digits) if digits else ord(m.group()) - 0x2488 + 1
    if kind == "ar":
        return "ar_rparen", _ar_to_int(m.group("ar_n"))
    return "circled", ord(m.group()) - 0x2460 + 1


def _decode_paren(token: str) -> tuple[str, int | None]:
    """(style, number) of an _INLINE_PAREN_RE match: （1） / ⑴ -> ar_paren, ① -> circled."""
    first = token[0]
    if first in "(（":
        return "ar_paren", _ar_to_int(token[1:-1]) if len(token) > 2 else None
    code = ord(first)
    if code >= 0x2474:
        return "ar_paren", code - 0x2474 + 1
    return "circled", code - 0x2460 + 1


def _rank(style: str) -> float:
    return float(_RANK.get(style, 30))


# --------------------------------------------------------------------------- building

class _Open:
    """A node while the tree is built, with what placing its later siblings needs."""

    __slots__ = ("node", "keys", "num", "eff", "inline", "line", "title_start", "title_end", "trim")

    def __init__(self, node: SectionNode, keys: tuple[str, ...], num: int, eff: float, inline: bool,
                 line: int, title_start: int, title_end: int, trim: frozenset) -> None:
        self.node, self.keys, self.num, self.eff, self.inline, self.line = node, keys, num, eff, inline, line
        self.title_start, self.title_end, self.trim = title_start, title_end, trim


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.roots: list[SectionNode] = []
        self.stack: list[_Open] = []
        self.opened: list[_Open] = []
        self.last_num: dict[str, int] = {}
        self._next_two = -2   # cached position of the next 二是 (-1: none left)

    # -- placement -------------------------------------------------------------
    def place(self, keys: tuple[str, ...], num: int | None, *, at_line_start: bool, force: bool = False,
              line: int = -1, continuation_ok: bool = True, inline_run: bool = False,
              rank: float | None = None) -> int | None:
        """Stack depth the new node goes to, or None when the marker opens nothing here.

        `keys` name the marker style (and, for an HTML heading, its <hN> level). A marker sharing a
        key with an open node must be that node's next number and becomes its sibling; any other
        marker must be a first number (一, 1) and opens a level below the innermost open node.
        Inside a paragraph, a next number continues its sibling only in the same paragraph or after a
        break (`continuation_ok`); with `inline_run` only a sibling that was itself inline."""
        stack = self.stack
        for i in range(len(stack) - 1, -1, -1):
            entry = stack[i]
            if keys[0] in entry.keys or (len(keys) > 1 and any(key in entry.keys for key in keys)):
                if force:
                    return i
                if num != entry.num + 1:
                    return None
                if entry.line != line and (not continuation_ok or (inline_run and not entry.inline)):
                    return None
                return i
        style = keys[0]
        if not force and num != 1 and not (style in _CONTINUOUS and num == self.last_num.get(style, 0) + 1):
            return None
        j = len(stack)
        if at_line_start:
            # A paragraph-start heading closes the run-ins of the paragraphs before it, and a
            # major style (一、, （一）, 第一章) never nests under a minor one (1., （1）).
            floating = style in _FLOATING
            rank = _rank(style) if rank is None else rank
            while j > 0 and (stack[j - 1].inline or (not floating and stack[j - 1].eff > rank)):
                j -= 1
        elif not stack and not force:
            return None   # a run-in inside the preamble opens nothing
        return j

    def push(self, cut: int, keys: tuple[str, ...], num: int | None, number: str, start: int,
             title_start: int, title_end: int, *, run_in: bool, inline: bool, line: int,
             trim: frozenset = _TITLE_TRIM, rank: float | None = None) -> None:
        stack = self.stack
        for entry in stack[cut:]:
            entry.node.end = start
        del stack[cut:]
        parent = stack[-1] if stack else None
        node = SectionNode(number=number, title="", level=len(stack) + 1, start=start,
                           heading_end=title_end, end=len(self.text), run_in=run_in)
        (parent.node.children if parent else self.roots).append(node)
        style = keys[0]
        if rank is not None:
            eff = rank
        elif style in _FLOATING:
            eff = (parent.eff if parent else 0.0) + 0.5
        else:
            eff = _rank(style)
        entry = _Open(node, keys, num or 0, eff, inline, line, title_start, title_end, trim)
        stack.append(entry)
        self.opened.append(entry)
        if num is not None:
            for key in keys:
                self.last_num[key] = num

    # -- helpers -----------------------------------------------------------------
    def skip_ws(self, pos: int, end: int) -> int:
        return _WS_RE.match(self.text, pos, end).end()

    def run_in_title_end(self, ts: int, line_end: int) -> int:
        """The mechanical clause rule: up to 。/;/；; if over 40, up to the first comma; else 40 chars."""
        text = self.text
        window_end = min(line_end, ts + _TITLE_MAX + 1)
        m = _CLAUSE_END.search(text, ts, window_end)
        if m and m.start() - ts <= _TITLE_MAX:
            return m.start()
        if line_end - ts <= _TITLE_MAX:
            return line_end
        m = _COMMA.search(text, ts, window_end)
        if m and m.start() - ts <= _TITLE_MAX:
            return m.start()
        return ts + _TITLE_MAX

    def is_own_line(self, ts: int, line_end: int) -> bool:
        """The paragraph is just the heading: short, with no sentence punctuation."""
        end = line_end
        text = self.text
        while end > ts and text[end - 1] in _WS:
            end -= 1
            if end - ts > _OWN_LINE_MAX + 8:
                return False
        return end - ts <= _OWN_LINE_MAX and not _TERMINATOR_RE.search(text, ts, end)

    def prev_char(self, pos: int, floor: int) -> str:
        """The character before `pos` in the paragraph, skipping spaces and closing quotes."""
        text = self.text
        pos -= 1
        while pos >= floor and text[pos] in _SKIP_BACK:
            pos -= 1
        return text[pos] if pos >= floor else ""

    def shi_run_follows(self, pos: int) -> bool:
        """A 一是 opens a run only if some 二是 comes after it."""
        nxt = self._next_two
        if nxt == -1:
            return False
        if nxt >= pos:
            return True
        text = self.text
        while True:
            nxt = text.find("二是", pos)
            if nxt <= 0 or text[nxt - 1] not in _NOT_BEFORE_SHI:
                break
            pos = nxt + 1
        self._next_two = nxt
        return nxt >= 0

    # -- one paragraph -----------------------------------------------------------
    def line_start(self, cs: int, line_end: int, line: int) -> int:
        """A possible heading at a paragraph start; returns where run-in scanning resumes."""
        text = self.text
        if text[cs] not in _LEAD_FIRST:
            return cs + 1
        m = _LEAD_RE.match(text, cs, line_end)
        if not m:
            return cs + 1
        style, num = _decode_lead(m)
        if num is None:
            return cs + 1
        cut = self.place((style,), num, at_line_start=True, line=line)
        if cut is None and num != 1:
            return cs + 1
        me = m.end()
        nxt = _LEAD_RE.match(text, me, line_end)
        if nxt and _decode_lead(nxt) == (style, num + 1):
            return cs + 1          # 一、二、三 … an enumeration, not a heading
        if style == "cn_dun" and _QUARTER_RE.match(text, me, line_end):
            return cs + 1          # 一、二季度
        ts = self.skip_ws(me, line_end)
        own = self.is_own_line(ts, line_end)
        if style in _OWN_LINE_ONLY and not own:
            return cs + 1
        if style == "shi" and num == 1 and not self.shi_run_follows(me):
            return cs + 1
        if cut is None:
            if not (own and self.drop_table_of_contents(style, cs)):
                return cs + 1
            cut = self.place((style,), num, at_line_start=True, line=line)
            if cut is None:  # pragma: no cover - the style is no longer open, so 1 opens a level
                return cs + 1
        te = line_end if own else self.run_in_title_end(ts, line_end)
        self.push(cut, (style,), num, text[cs:me], cs, ts, te, run_in=not own, inline=False, line=line)
        return me

    def drop_table_of_contents(self, style: str, start: int) -> bool:
        """A first number (第一章) again after a run of bare headings: that run was a table of
        contents (目录). Forget it, so the real headings number from 1; True if one was dropped."""
        stack, opened, text = self.stack, self.opened, self.text
        idx = next((i for i in range(len(stack) - 1, -1, -1) if style in stack[i].keys), None)
        if idx is None or stack[idx].num < 2:
            return False
        level = stack[idx].node.level
        first = None
        for k in range(len(opened) - 1, max(-1, len(opened) - 1 - _TOC_MAX), -1):
            entry = opened[k]
            if entry.node.level < level:
                return False
            if entry.node.level == level and style in entry.keys and entry.num == 1:
                first = k
                break
        if first is None:
            return False
        run = opened[first:]
        if sum(1 for entry in run if entry.node.level == level) < 2:
            return False
        for entry, nxt in zip(run, run[1:] + [None]):
            gap_end = nxt.node.start if nxt else start
            bare = _BLANK_RE.match(text, entry.title_end, gap_end).end() == gap_end
            if entry.inline or entry.node.run_in or not bare:
                return False
        siblings = stack[idx - 1].node.children if idx > 0 else self.roots
        dropped = {id(entry.node) for entry in run}
        siblings[:] = [node for node in siblings if id(node) not in dropped]
        for entry in run:
            for key in entry.keys:
                self.last_num.pop(key, None)
        del opened[first:]
        del stack[idx:]
        return True

    def hint_heading(self, cs: int, line_end: int, line: int, hint: HeadingHint) -> int:
        """A heading the source marked up at this paragraph start; its text is the title."""
        text = self.text
        end = min(hint.end, line_end)
        m = _LEAD_RE.match(text, cs, end) if text[cs] in _LEAD_FIRST else None
        style, num = _decode_lead(m) if m else ("", None)
        after = self.skip_ws(end, line_end)
        run_in = after < line_end
        level = hint.level if isinstance(hint.level, int) and 1 <= hint.level <= 6 else 6
        is_heading = hint.kind == "heading"
        rank = float(level) if is_heading else None
        keys: tuple[str, ...]
        if not is_heading and m and num is not None and run_in and self.skip_ws(m.end(), end) >= end:
            return self.line_start(cs, line_end, line)   # a bold number alone (**第一条** 为了…): as unmarked
        if m and num is not None:
            number, me = m.group(), m.end()
            keys = (style, f"h{level}") if is_heading else (style,)
        else:
            number, me = "", cs
            if is_heading:
                keys = (f"h{level}",)
            else:
                body = text[cs:end].strip(_WS)
                closes = body[-1] in _SENTENCE_BREAK or text[after:after + 1] in _SENTENCE_BREAK
                if len(body) > _BOLD_MAX or not (closes or not run_in):
                    return cs + 1   # emphasis inside a sentence, not a run-in heading
                keys = ("bold",)
        regulation = is_heading and style in _CONTINUOUS and num is not None
        if regulation:   # 第一章/第一节 headings follow their own unit first, whatever <hN> or `#` gave them
            if num == 1 and any(style in entry.keys and entry.num >= 2 for entry in self.stack):
                if self.drop_table_of_contents(style, cs):
                    self.drop_empty_contents_heading(level)
        cut = self.place(keys[:1] if regulation else keys, num, at_line_start=True, force=True, line=line,
                         rank=rank)
        if cut is None:  # pragma: no cover - forced placement always succeeds
            return cs + 1
        if regulation:
            while cut > 0 and self.closed_by_heading(self.stack[cut - 1], level):
                cut -= 1
        ts = self.skip_ws(me, end)
        self.push(cut, keys, num, number, cs, ts, end, run_in=run_in, inline=False, line=line,
                  trim=_HINT_TRIM, rank=rank)
        return max(me, cs + 1)

    def drop_empty_contents_heading(self, level: int) -> None:
        """The unnumbered heading (## 目录) that held only a dropped table of contents is no section either."""
        stack = self.stack
        if not stack or stack[-1].node.children or stack[-1].node.number or not self.closed_by_heading(stack[-1], level):
            return
        entry = stack.pop()
        siblings = stack[-1].node.children if stack else self.roots
        siblings[:] = [node for node in siblings if node is not entry.node]
        self.opened[:] = [e for e in self.opened if e is not entry]

    @staticmethod
    def closed_by_heading(entry: _Open, level: int) -> bool:
        """An unnumbered heading (目录, 说明) at `level` or deeper ends where a 第一章 heading of `level` starts."""
        if any(key in _CONTINUOUS for key in entry.keys):
            return False
        return any(key[0] == "h" and key[1:].isdigit() and int(key[1:]) >= level for key in entry.keys)

    def inline(self, scan_from: int, cs: int, line_end: int, line: int) -> None:
        """Run-in markers inside a paragraph: 一是…二是…, （1）…（2）…, ①…②…."""
        text = self.text
        found: list[tuple[int, int, str, str, int]] = []
        has_shi = text.find("是", scan_from, line_end) >= 0
        for m in _INLINE_SHI_RE.finditer(text, scan_from, line_end) if has_shi else ():
            p = m.start()
            if p > 0 and text[p - 1] in _NOT_BEFORE_SHI:
                continue
            token = m.group()
            num = _cn_to_int(token[:-1])
            if num is not None:
                found.append((p, m.end(), token, "shi", num))
        second: dict[str, int] = {}
        paren = []
        for m in _INLINE_PAREN_RE.finditer(text, scan_from, line_end):
            style, num = _decode_paren(m.group())
            if num is not None and text[m.start() - 1:m.start()] != "第":   # 第（2）项 cites an item
                paren.append((m.start(), m.end(), m.group(), style, num))
                if num == 2:
                    second[style] = m.start()
        if paren:
            found = sorted(found + paren) if found else paren
        for p, me, token, style, num in found:
            prev = text[p - 1] if p > cs else ""
            if prev in _SKIP_BACK:
                prev = self.prev_char(p, cs)
            broken = prev in _SOFT_BREAK
            if num == 1:
                if not broken:
                    continue
                if style == "shi":
                    if not self.shi_run_follows(p):
                        continue
                elif second.get(style, -1) <= p:
                    continue   # a lone （1） with no （2） after it in the paragraph
            cut = self.place((style,), num, at_line_start=False, line=line, continuation_ok=broken,
                             inline_run=style != "shi")
            if cut is None:
                continue
            ts = self.skip_ws(me, line_end)
            te = self.run_in_title_end(ts, line_end)
            self.push(cut, (style,), num, token, p, ts, te, run_in=True, inline=True, line=line)

    # -- finishing ---------------------------------------------------------------
    def finish(self) -> list[SectionNode]:
        """Cap each title before its first child or next sibling, and cut it out of the text."""
        text = self.text
        for entry in self.opened:
            node = entry.node
            head = node.start + len(node.number)
            limit = node.end
            if node.children:
                limit = min(limit, node.children[0].start)
            te = max(head, min(entry.title_end, limit))
            ts = min(max(entry.title_start, head), te)
            while te > ts and text[te - 1] in entry.trim:
                te -= 1
            while ts < te and text[ts] in _TITLE_TRIM:
                ts += 1
            node.heading_end = te
            node.title = text[ts:te]
        return self.roots


def _hint_map(text: str, hints: Iterable[HeadingHint], title_line: tuple[int, int] | None
              ) -> dict[int, HeadingHint]:
    """Hints standing at a paragraph start, keyed by that offset (title-line hints dropped)."""
    out: dict[int, HeadingHint] = {}
    n = len(text)
    title = text[title_line[0]:title_line[1]].strip(_WS) if title_line else None
    for hint in hints or ():
        try:
            start, end = int(hint.start), int(hint.end)
        except (AttributeError, TypeError, ValueError):
            continue
        if not 0 <= start < end <= n:
            continue
        while start < end and (text[start] in _WS or text[start] == "\n"):
            start += 1
        if start == end:
            continue
        ls = start
        while ls > 0 and text[ls - 1] in _WS:
            ls -= 1
        if ls > 0 and text[ls - 1] != "\n":
            continue                                   # not at a paragraph start
        if title_line and title_line[0] <= start < title_line[1]:
            continue                                   # the document's title line is no section
        if text[start:end].strip(_WS + "\n") == title:
            continue                                   # an <h1> repeating the title
        prev = out.get(start)
        if prev is None or end > prev.end:
            level = getattr(hint, "level", None)
            out[start] = HeadingHint(start=start, end=end, kind=str(getattr(hint, "kind", "")),
                                     level=level if isinstance(level, int) else None)
    return out


def build_sections(text: str, hints: Sequence[HeadingHint] = ()) -> list[SectionNode]:
    """The section tree of a body text; its first non-blank line (the title) is never a section."""
    if not isinstance(text, str) or not text:
        return []
    b = _Builder(text)
    n = len(text)
    pos, title_line = 0, None
    while pos < n:                                     # find the title line
        le = text.find("\n", pos)
        le = n if le < 0 else le
        cs = b.skip_ws(pos, le)
        pos = le + 1
        if cs < le:
            title_line = (cs, le)
            break
    hint_at = _hint_map(text, hints, title_line)
    line = 0
    while pos < n:
        le = text.find("\n", pos)
        le = n if le < 0 else le
        line += 1
        cs = b.skip_ws(pos, le)
        if cs < le:
            hint = hint_at.get(cs) if hint_at else None
            resume = b.hint_heading(cs, le, line, hint) if hint else b.line_start(cs, le, line)
            if b.stack and resume < le:
                b.inline(resume, cs, le, line)
        pos = le + 1
    return b.finish()


