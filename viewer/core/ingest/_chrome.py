"""Page chrome and metadata lines: `打印 | 关闭`, `来源：某局 发布时间：2021-05-31`, and real paragraphs."""

from __future__ import annotations

import re

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


def parse_meta_line(plain: str) -> dict[str, str] | None:
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


def line_kind(plain: str) -> dict[str, str] | bool:
    """A metadata dict for a metadata line, True for other chrome, False for body text."""
    meta = parse_meta_line(plain)
    if meta is not None:
        return meta
    return _is_chrome_line(plain)


_SENTENCE_END_RE = re.compile(r"[。！？!?；;…：:][”’」』）)]*$")


def is_real_paragraph(plain: str) -> bool:
    """A line of real text: long, or a sentence (it ends with 。！？；…), not a label or a menu."""
    s = plain.strip()
    return len(s) >= 50 or (len(s) >= 8 and bool(_SENTENCE_END_RE.search(s)))

