"""Finding the article in a web page: dropping chrome blocks and link lists, choosing the container,
page-wide metadata, and the title line the page shows."""

from __future__ import annotations

import re

from viewer.core.ingest._chrome import is_real_paragraph, line_kind, parse_meta_line
from viewer.core.ingest._cleanup import WS_RE, split_at_blank_lines, squash
from viewer.core.ingest._markers import M_START, MARKER_RE, Hints, decode_id, unmark

_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
_CHROME_ATTR_RE = re.compile(r"nav|menu|share|breadcrumb|crumb|footer|toolbar|sidebar|copyright", re.I)
_CONTAINER_ATTR_RE = re.compile(r"content|article|trs_?editor|zoom|main|text|detail|zhengwen", re.I)


def tag_name(el) -> str:
    """An element's tag, lower-case and without its namespace ('' for comments and entities)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def drop_element(el) -> None:
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


def drop_chrome(root, body) -> None:
    """Drop navigation, headers, footers and share bars (unless one holds most of the page's text)."""
    total = _text_len(body)
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if any(a.getparent() is None and a is not root for a in el.iterancestors()):
            continue
        tag = tag_name(el)
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"))))
        chrome = tag in _CHROME_TAGS or bool(attrs and _CHROME_ATTR_RE.search(attrs))
        if not chrome:
            continue
        if tag == "header" and any(tag_name(a) in ("article", "main") for a in el.iterancestors()):
            continue
        if _text_len(el) > 0.5 * total and total > 0:
            continue
        drop_element(el)


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
        score[el] = 0 if tag_name(el) == "a" else own
    return score


_LINK_LIST_TAGS = frozenset({"div", "ul", "ol", "dl", "table", "tr", "td", "p", "section", "span", "li"})


def drop_link_lists(body) -> None:
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
        if tag_name(el) == "a":
            lk, n = t, n + 1
        total[el], linked[el], links[el] = t, lk, n
    page = total.get(body, 0)
    for el in elements:
        if el is body or tag_name(el) not in _LINK_LIST_TAGS:
            continue
        if any(a.getparent() is None and a is not body and tag_name(a) != "html" for a in el.iterancestors()):
            continue  # inside a block already dropped
        if links[el] >= 3 and total[el] and linked[el] >= 0.8 * total[el] \
                and total[el] <= 600 and total[el] <= 0.5 * page:
            drop_element(el)


def choose_container(body):
    """The element holding the article: a content-like element with most of the text, else the <p> parent."""
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
        if tag_name(el) in ("article", "main") or (attrs and _CONTAINER_ATTR_RE.search(attrs)):
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


def collect_page_metadata(body) -> list[tuple[object, dict[str, str]]]:
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
        text = WS_RE.sub(" ", "".join(el.itertext())).strip()
        meta = parse_meta_line(text) if text else None
        if meta:
            flagged.add(el)
            found.append((i, el, meta))
    found.sort(key=lambda t: t[0])
    return [(el, meta) for _, el, meta in found]


_TITLE_STRONG_SEP_RE = re.compile(r"\s*(?:_+|\|+|｜|--+|——+|\s[-—–]\s)\s*([^_|｜]*)$")
_TITLE_DASH_SEP_RE = re.compile(r"\s*[-—–]\s*([^-—–]*)$")
_SITE_SUFFIX_RE = re.compile(r"(?:网|政府|网站|门户|平台|频道|中心|官网|首页|局|委|厅|办|院|部|会)$")


def _trim_page_title(title: str) -> str:
    title = WS_RE.sub(" ", title).strip()
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


def _line_levels(line: str, hints: Hints) -> list[int]:
    """Heading levels of the heading hints that start in a line."""
    levels = []
    for kind_mark, digits in MARKER_RE.findall(line):
        if kind_mark == M_START:
            kind, level = hints.info[decode_id(digits)]
            if kind == "heading" and level is not None:
                levels.append(level)
    return levels


def place_title(inside: list[list[str]], outside: list[list[str]], page_title: str,
                hints: Hints) -> list[list[str]]:
    """Put the page's visible title line first: an <h1>, or else the trimmed <title>."""
    paras = split_at_blank_lines(inside)
    trimmed = _trim_page_title(page_title) if page_title else ""
    t_full, t_trim = squash(page_title), squash(trimmed)

    def is_h1(line: str) -> bool:
        return 1 in _line_levels(line, hints)

    def names_page(line: str) -> bool:
        """The line is the title the page shows: equal to its <title>, or an <h1> overlapping it."""
        sq = squash(line)
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
            plain = unmark(line).strip()
            if is_real_paragraph(plain) and line_kind(plain) is False:
                break
            head.append((pi, li, line))
        else:
            continue
        break
    content = [(pi, li, line) for pi, li, line in head if line_kind(unmark(line).strip()) is False]

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
    out_lines = [line for lines in split_at_blank_lines(outside) for line in lines]
    chosen = next((ln for ln in out_lines if is_h1(ln) and names_page(ln)), None)
    if chosen is None and t_trim:
        chosen = next((ln for ln in out_lines if squash(ln) == t_trim), None)
    if chosen is None and t_full:
        chosen = next((ln for ln in out_lines if _line_levels(ln, hints) and len(squash(ln)) >= 4
                       and squash(ln) in t_full), None)
    if chosen is None and trimmed:
        chosen = trimmed
    if chosen is None:
        return paras
    return [[chosen]] + paras


