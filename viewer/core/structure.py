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
    rf"|(?P<dc>第(?P<dc_n>[一二三四五六七八九十]{{1,3}})[，,])"
    rf"|(?P<shi>(?P<shi_n>[一二三四五六七八九十]{{1,3}})(?P<shi_s>[是要]))"
    rf"|(?P<ad>(?P<ad_n>[{_AR}]{{1,3}})[.．、](?![{_AR}])|[\u2488-\u249b])"
    rf"|(?P<ar>(?P<ar_n>[{_AR}]{{1,3}})[)）])"
    r"|(?P<ci>[\u2460-\u2473])"
)
# Characters a paragraph-start marker can begin with (a cheap pre-check before _LEAD_RE).
_LEAD_FIRST = frozenset("第(（" + _CN_NUM + "0123456789０１２３４５６７８９"
                        + "".join(map(chr, range(0x3220, 0x322A))) + "".join(map(chr, range(0x2460, 0x249C))))
# Run-in markers inside a paragraph. Each pattern starts with a character class, so the regex
# engine skips ahead in C; the look-behind check (no numeral before 一是) is done in Python.
_INLINE_SHI_RE = re.compile(r"[一二三四五六七八九十]{1,3}[是要]")
_INLINE_DI_RE = re.compile(r"第[一二三四五六七八九十]{1,3}[，,]")   # 第一，… at a sentence start
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
_FLOATING = frozenset({"shi", "yao", "di_comma", "bold", "title"})   # they nest under whatever is open
_RUN_INS = frozenset({"shi", "yao", "di_comma"})    # 一是…, 一要…, 第一，…: written inside sentences
# The second marker of a run-in series: a first marker opens a run only if one follows.
_SECOND = {"shi": re.compile(r"二是"), "yao": re.compile(r"二要"), "di_comma": re.compile(r"第二[，,]")}
_SECOND_WINDOW = {"yao": 3000, "di_comma": 3000}   # 一要/第一， are common words: the 二 must be near
_ROOT_RUN_IN_EFF = 21.5    # a run-in with no numbered parent: 一、 and （一） close it, 1. and （1） nest in it
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
        return ("shi" if m.group("shi_s") == "是" else "yao"), _cn_to_int(m.group("shi_n"))
    if kind == "dc":
        return "di_comma", _cn_to_int(m.group("dc_n"))
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
        self._next_second: dict[str, int] = {}   # cached position of the next 二是/二要/第二， (-1: none)
        # style -> (number, level, parent keys, parent) of its last paragraph-start node: 3. may
        # continue 2. of the previous group (（一）1. 2. （二）3.) at the same depth
        self.last_run: dict[str, tuple[int, int, tuple[str, ...], int]] = {}
        self.titles: dict[int, tuple[str, int, bool]] = {}   # short unnumbered line -> next marker
        self.title_styles: dict[str, int] = {}    # how many candidates precede each style
        self.last_marker: dict[tuple[str, int], int] = {}   # where each paragraph-start marker last stands
        self.resume_root: tuple[str, int] | None = None   # 三、 after an unnumbered part between 二、 and 三、

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
        j = len(stack)
        if at_line_start:
            # A paragraph-start heading closes the run-ins of the paragraphs before it, and a
            # major style (一、, （一）, 第一章) never nests under a minor one (1., （1）).
            floating = style in _FLOATING
            rank = _rank(style) if rank is None else rank
            while j > 0 and (stack[j - 1].inline or (not floating and stack[j - 1].eff > rank)):
                j -= 1
        elif not stack and not force and style not in _RUN_INS:
            return None   # a （1） inside the preamble opens nothing; 一是… opens a top-level node
        if not force and num != 1 and not (style in _CONTINUOUS and num == self.last_num.get(style, 0) + 1) \
                and not (at_line_start and self.runs_on(style, num, j)) \
                and not (at_line_start and j == 0 and self.resume_root == (style, num)):
            return None
        return j

    def runs_on(self, style: str, num: int | None, j: int) -> bool:
        """`num` continues the numbers of the previous group's items at the same depth, under a
        later sibling of their parent: （一）1. 2. （二）3."""
        last = self.last_run.get(style)
        if last is None or num != last[0] + 1 or last[1] != j + 1 or j == 0 or style in _FLOATING:
            return False
        parent = self.stack[j - 1]
        return parent.keys == last[2] and id(parent.node) != last[3]

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
            eff = parent.eff + 0.5 if parent else (_ROOT_RUN_IN_EFF if style in _RUN_INS else 0.5)
        else:
            eff = _rank(style)
        if not inline and num is not None and parent is not None:
            self.last_run[style] = (num, node.level, parent.keys, id(parent.node))
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

    def run_follows(self, style: str, pos: int) -> bool:
        """A 一是 (一要, 第一，) opens a run only if a 二是 (二要, 第二，) comes after it (一要 and
        第一， within a few thousand characters: they are also plain words)."""
        nxt = self._next_second.get(style, -2)
        if nxt == -1:
            return False
        window = _SECOND_WINDOW.get(style)
        if nxt < pos:
            text, second = self.text, _SECOND[style]
            at = pos
            while True:
                m = second.search(text, at)
                nxt = m.start() if m else -1
                if nxt <= 0 or style == "di_comma" or text[nxt - 1] not in _NOT_BEFORE_SHI:
                    break
                at = nxt + 1
            self._next_second[style] = nxt
        return nxt >= 0 and (window is None or nxt - pos <= window)

    # -- one paragraph -----------------------------------------------------------
    def line_start(self, cs: int, line_end: int, line: int) -> int:
        """A possible heading at a paragraph start; returns where run-in scanning resumes."""
        text = self.text
        if text[cs] not in _LEAD_FIRST:
            return self.title_line(cs, line_end, line)
        m = _LEAD_RE.match(text, cs, line_end)
        if not m:
            return self.title_line(cs, line_end, line)
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
        if style in _RUN_INS and num == 1 and not self.run_follows(style, me):
            return cs + 1
        if cut is None:
            if not ((own and self.drop_table_of_contents(style, cs))
                    or (style in _RUN_INS and self.drop_inline_run(style))):
                return cs + 1
            cut = self.place((style,), num, at_line_start=True, line=line)
            if cut is None:  # pragma: no cover - the style is no longer open, so 1 opens a level
                return cs + 1
        te = line_end if own else self.run_in_title_end(ts, line_end)
        self.push(cut, (style,), num, text[cs:me], cs, ts, te, run_in=not own, inline=False, line=line)
        return me

    def drop_inline_run(self, style: str) -> bool:
        """A paragraph-start 一是 while a 一是… run written inside one paragraph is open: the run
        at paragraph starts is the section's list, the in-paragraph one stays text; True if dropped."""
        stack, opened = self.stack, self.opened
        idx = next((i for i in range(len(stack) - 1, -1, -1) if style in stack[i].keys), None)
        if idx is None or not stack[idx].inline:
            return False
        siblings = stack[idx - 1].node.children if idx > 0 else self.roots
        entry_of = {id(entry.node): entry for entry in opened[-_TOC_MAX:]}
        first = len(siblings) - 1
        while first >= 0:
            entry = entry_of.get(id(siblings[first]))
            if entry is None or not entry.inline or style not in entry.keys:
                return False
            if entry.num == 1:
                break
            first -= 1
        if first < 0:
            return False
        head = entry_of[id(siblings[first])]
        k = len(opened) - 1
        while opened[k] is not head:                   # the run is at the end of `opened`
            k -= 1
        del opened[k:]
        del siblings[first:]
        del stack[idx:]
        self.last_num.pop(style, None)
        return True

    def title_line(self, cs: int, line_end: int, line: int) -> int:
        """An unnumbered short line standing alone as a part's title: it heads a list that restarts
        at 一 (or one of several such parts), or stands between two numbers of the top level."""
        nxt = self.titles.get(cs)
        if nxt is None:
            return cs + 1
        stack = self.stack
        style, num, immediate = nxt
        idx = next((i for i in range(len(stack) - 1, -1, -1) if style in stack[i].keys), None)
        rank = 0.0
        if immediate and num == 1 and idx is not None:          # a list restarts after this line
            if self.drop_table_of_contents(style, cs):
                return cs + 1                                  # the list before was a 目录
            if idx > 0 and "title" in stack[idx - 1].keys:
                cut = idx - 1                                  # the next of several unnumbered parts
            elif self.last_marker.get((stack[0].keys[0], stack[0].num + 1), -1) > cs:
                cut = idx                                      # inside a part: 三、 is still to come
            else:
                cut = 0                                        # after the body: an annex, a glossary
        elif immediate and num == 1 and self.title_styles.get(style, 0) >= 2 and all(
                entry.inline or entry.keys[0] in _RUN_INS or entry.keys == ("title",) for entry in stack):
            cut = 0                                            # parallel parts of a report, no number open
        elif not immediate and stack and stack[0].keys == (style,) and num == stack[0].num + 1 \
                and style not in _FLOATING:                     # between 二、 and 三、
            cut, rank = 0, _rank(style) + 0.25
            self.resume_root = (style, num)
        else:
            return cs + 1
        end = line_end
        while end > cs and self.text[end - 1] in _WS:
            end -= 1
        self.push(cut, ("title",), None, "", cs, cs, end, run_in=False, inline=False, line=line, rank=rank)
        return line_end

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
            if entry.inline or entry.node.run_in or entry.title_end > gap_end:
                return False
            if _BLANK_RE.match(text, entry.title_end, gap_end).end() != gap_end:
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
        """Run-in markers inside a paragraph: 一是…二是…, 一要…二要…, 第一，…第二，…, （1）…（2）…, ①…②…."""
        text = self.text
        found: list[tuple[int, int, str, str, int]] = []
        has_shi = text.find("是", scan_from, line_end) >= 0 or text.find("要", scan_from, line_end) >= 0
        for m in _INLINE_SHI_RE.finditer(text, scan_from, line_end) if has_shi else ():
            p = m.start()
            if p > 0 and text[p - 1] in _NOT_BEFORE_SHI:
                continue
            token = m.group()
            num = _cn_to_int(token[:-1])
            if num is not None:
                found.append((p, m.end(), token, "shi" if token[-1] == "是" else "yao", num))
        if text.find("第", scan_from, line_end) >= 0:
            for m in _INLINE_DI_RE.finditer(text, scan_from, line_end):
                num = _cn_to_int(m.group()[1:-1])
                if num is not None:
                    found.append((m.start(), m.end(), m.group(), "di_comma", num))
            found.sort()
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
        restarted: set[str] = set()   # a 一是 restarting inside a paragraph of a paragraph-start run
        for p, me, token, style, num in found:
            if style in restarted:
                continue
            prev = text[p - 1] if p > cs else ""
            if prev in _SKIP_BACK:
                prev = self.prev_char(p, cs)
            broken = prev in _SOFT_BREAK
            if style == "di_comma" and prev not in _SENTENCE_BREAK:
                continue   # 第二，… only at a sentence start: 排名第二，… ranks
            if num == 1:
                if not broken:
                    continue
                if style in _RUN_INS:
                    if not self.run_follows(style, p):
                        continue
                elif second.get(style, -1) <= p:
                    continue   # a lone （1） with no （2） after it in the paragraph
            cut = self.place((style,), num, at_line_start=False, line=line, continuation_ok=broken,
                             inline_run=style not in _RUN_INS)
            if cut is None:
                if num == 1 and any(style in entry.keys and not entry.inline for entry in self.stack):
                    restarted.add(style)
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


_TITLE_LINE_MAX = 30    # an unnumbered part title is a short line …
_NOT_IN_TITLE_LINE = re.compile(r"[。；;！!？?，,]|[：:、]$")    # … with no sentence punctuation
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_TOC_CAPTION = re.compile(rf"目[{_WS}]*录")   # 目录 heads a table of contents, never a part


def _find_title_lines(b: _Builder, pos: int) -> None:
    """Short unnumbered paragraphs and the numbered paragraph after each (the next marker, and
    whether it comes right after): what `_Builder.title_line` decides from."""
    text, n = b.text, len(b.text)
    paragraphs: list[tuple[int, int, tuple[str, int] | None, bool]] = []   # (start, end, marker, candidate)
    while pos < n:
        le = text.find("\n", pos)
        le = n if le < 0 else le
        cs = b.skip_ws(pos, le)
        pos = le + 1
        if cs >= le:
            continue
        m = _LEAD_RE.match(text, cs, le) if text[cs] in _LEAD_FIRST else None
        marker = _decode_lead(m) if m else None
        if marker is not None and marker[1] is not None:
            paragraphs.append((cs, le, marker, False))     # type: ignore[arg-type]
            b.last_marker[marker] = cs                 # type: ignore[index]
            continue
        end = le
        while end > cs and text[end - 1] in _WS:
            end -= 1
        candidate = (end - cs <= _TITLE_LINE_MAX and not _NOT_IN_TITLE_LINE.search(text, cs, end)
                     and len(_CJK_RE.findall(text, cs, end)) >= 2 and not _TOC_CAPTION.fullmatch(text, cs, end))
        paragraphs.append((cs, le, None, candidate))
    following: tuple[str, int] | None = None
    for i in range(len(paragraphs) - 1, -1, -1):
        cs, _, marker, candidate = paragraphs[i]
        if marker is not None:
            following = marker
        elif candidate:
            immediate = i + 1 < len(paragraphs) and paragraphs[i + 1][2] is not None
            nxt = following
            if not immediate and i + 1 < len(paragraphs):    # 过去一年：一是… right after the title
                run_in = _first_run_in(b, paragraphs[i + 1][0], paragraphs[i + 1][1])
                if run_in is not None:
                    nxt, immediate = (run_in, 1), True
            if nxt is None:
                continue
            following_now = nxt
            b.titles[cs] = (following_now[0], following_now[1], immediate)
            if immediate and following_now[1] == 1:
                b.title_styles[following_now[0]] = b.title_styles.get(following_now[0], 0) + 1


def _first_run_in(b: _Builder, cs: int, le: int) -> str | None:
    """The style of a 一是/一要/第一， that opens a run inside the paragraph text[cs:le], or None."""
    text = b.text
    for rx in (_INLINE_SHI_RE, _INLINE_DI_RE):
        for m in rx.finditer(text, cs + 1, le):
            token, p = m.group(), m.start()
            style = "di_comma" if rx is _INLINE_DI_RE else ("shi" if token[-1] == "是" else "yao")
            if _cn_to_int(token[1:-1] if style == "di_comma" else token[:-1]) != 1:
                continue
            prev = b.prev_char(p, cs)
            if (prev in _SENTENCE_BREAK if style == "di_comma" else
                    prev in _SOFT_BREAK and text[p - 1] not in _NOT_BEFORE_SHI) and b.run_follows(style, p):
                return style
    return None


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
    _find_title_lines(b, pos)
    line = 0
    while pos < n:
        le = text.find("\n", pos)
        le = n if le < 0 else le
        line += 1
        cs = b.skip_ws(pos, le)
        if cs < le:
            hint = hint_at.get(cs) if hint_at else None
            resume = b.hint_heading(cs, le, line, hint) if hint else b.line_start(cs, le, line)
            if resume < le:
                b.inline(resume, cs, le, line)
        pos = le + 1
    return b.finish()


