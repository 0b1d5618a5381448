"""Figures: the statistics in a report's body text (counts, percentages, money, dates, bare numbers)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from viewer.core.model import Figure
from viewer.core.vocab import FIGURE_KINDS  # noqa: F401  (re-exported)


# -- vocabulary ------------------------------------------------------------------------------

_D = "[0-9\uff10-\uff19]"                       # ASCII and full-width digits
_TO_ASCII = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)},
                           "\uff0e": ".", ",": None, "\uff0c": None})

MULTIPLIERS = {"千": 10**3, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8,
               "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}

PERCENT_UNITS = {"%": "%", "％": "%", "‰": "‰", "‱": "‱", "个百分点": "个百分点", "百分点": "百分点"}
MONEY_UNITS = {"元": "元", "美元": "美元", "欧元": "欧元", "港元": "港元", "港币": "港币",
               "日元": "日元", "英镑": "英镑", "人民币": "元"}
NUMBER_UNITS = {"倍": "倍"}
# Measure words and units of time, area, length, weight, volume and power: kind "count".
COUNT_UNITS = (
    "人次 件次 场次 户次 批次 车次 架次 艘次 台次 辆次 班次 家次 所次 册次 人日 "
    "个工作日 工作日 个月 周年 小时 分钟 课时 学时 季度 "
    "个 件 条 次 场 名 支 项 家 人 户 所 座 套 台 辆 篇 期 批 份 本 处 起 宗 类 种 部 位 "
    "天 年 月 日 秒 周 届 轮 册 张 幅 栋 幢 间 层 块 片 匹 株 棵 艘 架 例 笔 盏 岁 "
    "平方公里 平方千米 平方米 平米 公顷 亩 公里 千米 米 厘米 毫米 立方米 "
    "吨标准煤 标准煤 吨 公斤 千克 斤 千瓦时 千瓦 兆瓦时 兆瓦 吉瓦时 吉瓦 千伏安 标准箱"
).split()
# Units that are also the first character of common words: only a unit when not followed by these.
_UNIT_GUARDS = {"分": "之局院会别类钟", "只": "有是要能", "头": "部条脑", "克": "服隆",
                "所": "示述说有在得提要以属需指列"}   # 图1所示 is no count of schools

_ALL_UNITS = sorted(set(PERCENT_UNITS) | set(MONEY_UNITS) | set(NUMBER_UNITS) | set(COUNT_UNITS)
                    | set(_UNIT_GUARDS), key=len, reverse=True)


def _unit_piece(unit: str) -> str:
    guard = _UNIT_GUARDS.get(unit)
    return re.escape(unit) + (f"(?![{guard}])" if guard else "")


_UNIT = "(?:" + "|".join(_unit_piece(u) for u in _ALL_UNITS) + ")"
_MULT = "(?:万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千(?![米克瓦]))"
_SPACE = "[ \u00a0\u3000]"

# Qualifiers written before the number (kept out of the span) and their normal form.
PRE_QUALIFIERS = {
    "不少于": "不少于", "不低于": "不低于", "不超过": "不超过", "不高于": "不高于",
    "超过": "超过", "将近": "近", "接近": "近", "大约": "约", "约为": "约", "不足": "不足",
    "不到": "不到", "至少": "至少", "最多": "最多",
    "近": "近", "逾": "逾", "约": "约", "超": "超",
}
# A one-character qualifier is part of a word when preceded by one of these (预约, 最近, 赶超 ...).
_WORD_BEFORE = {"约": set("预签节制履合特邀违契公条简集相赴践失毁守解立盟协隐和之成婚"),
                "近": set("最附就邻靠亲贴临远浅相逼趋凑迫挨新"),
                "超": set("赶高")}
POST_QUALIFIERS = ("以上", "以下", "左右", "以内")
MORE_QUALIFIERS = {"余", "多", "以上", "逾", "超", "超过", "不少于", "不低于", "至少"}
ABOUT_QUALIFIERS = {"约", "近", "左右"}
BELOW_QUALIFIERS = {"不足": "<", "不到": "<", "以下": "≤", "不超过": "≤", "不高于": "≤",
                    "以内": "≤", "最多": "≤"}

# Words around a number that make it a phone line or code, not a statistic.
_CODE_BEFORE = ("拨打", "热线", "电话", "致电", "号码", "手机", "传真", "邮编", "编号", "代码", "账号", "短号",
                "附件", "附表", "附图", "图", "表")     # 附件2, 如图1: the number names an attachment or a chart
_CODE_AFTER = ("热线", "报警", "急救", "电话", "专线", "火警", "求助", "号码", "短信")
# A bare number followed by one of these names a thing (3号, 5级, 2型), it does not count it.
_NAME_AFTER = set("号级型式代路版")
# An enumeration marker (1. 2、) follows a line start or one of these.
_BEFORE_MARKER = set("。；;：:，,！!？?)）》」』”\" \t\u3000")

# -- regexes ---------------------------------------------------------------------------------

_DIGIT_RUN = re.compile(f"{_D}+")
_SIMPLE = re.compile(
    rf"(?P<num>{_D}{{1,3}}(?:[,，]{_D}{{3}})+(?!{_D})(?:[.．]{_D}+)?|{_D}+(?:[.．]{_D}+)?)"
    rf"(?P<q1>余|多)?(?P<mult>{_MULT})?(?P<q2>余|多)?"
    rf"(?:{_SPACE}?(?P<unit>{_UNIT}(?:/(?:{_MULT})?{_UNIT}(?:[/·]{_UNIT})?)?))?"
    rf"(?:{_SPACE}?(?P<post>{'|'.join(POST_QUALIFIERS)}))?")
_CHAIN = re.compile(rf"(?:{_D}|[A-Za-z])*(?:[-－.．/_:：·@](?:{_D}|[A-Za-z])+)*")
_ISO_DATE = re.compile(
    rf"(?P<y>{_D}{{4}})(?P<sep>[-/.．－])(?P<m>{_D}{{1,2}})(?P=sep)(?P<d>{_D}{{1,2}})"
    rf"(?:[ T\u3000]?(?P<hh>{_D}{{1,2}})[:：](?P<mi>{_D}{{2}})(?:[:：](?P<ss>{_D}{{2}}))?)?(?!{_D})")
_ISO_MONTH = re.compile(rf"(?P<y>{_D}{{4}})[-/](?P<m>{_D}{{2}})(?![0-9\uff10-\uff19.．/:：-])")
_TIME = rf"(?:{_SPACE}?(?P<hh>{_D}{{1,2}})(?:[:：](?P<mi>{_D}{{2}})|时(?:(?P<mi2>{_D}{{1,2}})分)?))?"
_CJK_DATE = re.compile(
    rf"(?:(?P<y>{_D}{{4}})年)?(?P<m>{_D}{{1,2}})月(?:(?P<d>{_D}{{1,2}})[日号]{_TIME}|份)?")
_RANGE_SEP = re.compile(rf"(?:[-－~～〜—–至到])(?={_D})")
_DOC_NUMBER_TAIL = re.compile(rf"[)）]{_SPACE}?{_D}{{1,4}}号")   # the rest of （2021）5号
_TIME_TAIL = re.compile(rf"时(?:{_D}{{1,2}}分)?")
# A file extension right after the digits: 附件2.docx, 报告2021.pdf name files, they count nothing.
_FILE_EXT = re.compile(r"[.．](?:docx?|xlsx?|pptx?|pdf|wps|et|dps|ofd|txt|rtf|csv|zip|rar|7z|jpe?g|png|gif|"
                       r"bmp|tiff?|html?|xml|json|md|mp[34])(?![A-Za-z0-9])", re.IGNORECASE)
_SPACED_MARKER_CLOSE = re.compile(f"{_SPACE}*[)）]")
_SPACED_NAME_TAIL = re.compile(f"{_SPACE}+[号级型]")   # 〔2020〕 1 号: a document number written with spaces


# -- public API ------------------------------------------------------------------------------

def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, sorted by start and non-overlapping. Never raises on a str.

        >>> [f.text for f in find_figures("全年办理案件41件，增长5.2%。")]
        ['41件', '5.2%']
    """
    if not isinstance(text, str):
        return []
    figures: list[Figure] = []
    pos = 0
    search = _DIGIT_RUN.search
    while True:
        m = search(text, pos)
        if m is None:
            return figures
        figure, nxt = _figure_at(text, m.start(), m.end())
        if figure is not None:
            figures.append(figure)
        pos = max(nxt, m.end())


def describe_value(fig: Figure, with_unit: bool = True) -> str:
    """The normalised value for display: `20,000+ 人次`, `≈20%`, `2021–2025年`, `2021-05-31 16:19`."""
    if fig.kind == "date":
        if fig.unit == "date":
            return _iso_text(fig.text)
        years = f"{fig.value}" + (f"–{fig.end_value}" if fig.end_value is not None else "")
        return years + (fig.unit if with_unit else "")
    quals = set(filter(None, fig.qualifier.split("+")))
    number = _format_number(fig.value)
    if fig.end_value is not None:
        number += "–" + _format_number(fig.end_value)
    prefix = next((BELOW_QUALIFIERS[q] for q in quals if q in BELOW_QUALIFIERS), "")
    if not prefix and quals & ABOUT_QUALIFIERS:
        prefix = "≈"
    suffix = "+" if quals & MORE_QUALIFIERS else ""
    text = prefix + number + suffix
    if with_unit and fig.unit:
        text += fig.unit if fig.kind == "percent" and fig.unit in ("%", "‰", "‱") else " " + fig.unit
    return text


def unit_word(fig: Figure) -> str:
    """The unit as a reader sees it: the measure word; `月` for a bare month (`5月`, shown as 05);
    "" for a calendar date or a bare day (`2021-05-31`, `31日`: the value says what it is)."""
    if fig.unit != "date":
        return fig.unit
    text = fig.text.strip()
    return "月" if text.endswith(("月", "月份")) and "年" not in text else ""


# -- scanning --------------------------------------------------------------------------------

class _Part:
    """One number with what follows it: multiplier, 余/多, unit, trailing qualifier."""

    __slots__ = ("start", "num_end", "end", "number", "int_len", "plain", "mids", "mult", "unit", "post")

    def __init__(self, start: int, num_end: int, end: int, number: int | Decimal, int_len: int, plain: bool,
                 mids: list[str], mult: str, unit: str, post: str) -> None:
        self.start, self.num_end, self.end = start, num_end, end
        self.number = number            # int when written without a decimal point
        self.int_len = int_len          # digits before the decimal point
        self.plain = plain              # no decimal point, no thousands separator
        self.mids, self.mult, self.unit, self.post = mids, mult, unit, post


def _figure_at(text: str, s: int, run_end: int) -> tuple[Figure | None, int]:
    """The figure starting at the digit run text[s:run_end], and where scanning goes on."""
    prev = text[s - 1] if s else "\n"           # a newline stands for "nothing there"
    prev2 = text[s - 2] if s >= 2 else "\n"
    if _is_latin(prev) or (prev in "-_/.#@－" and _is_alnum(prev2)) or (prev == " " and _is_latin(prev2)):
        return None, _chain_end(text, s)             # APP12348, COVID-19, GB/T 9704, v1.2
    j = s - 1
    while j >= 0 and text[j] in " \u3000":
        j -= 1
    if j >= 0 and text[j] == "第":
        return None, _chain_end(text, s)             # ordinal: 第5条, 第2次
    run_len = run_end - s
    if prev in "〔［[" or (prev in "(（" and run_len == 4 and _DOC_NUMBER_TAIL.match(text, run_end)):
        return None, _chain_end(text, s)             # document number 〔2021〕5号, （2021）5号

    if _FILE_EXT.match(text, run_end):
        return None, _FILE_EXT.match(text, run_end).end()   # 附件2.docx, report2021.pdf

    date = _date_at(text, s, run_len, run_end)
    if date is not None:
        return date, date.end
    if run_len > 15 or (run_len >= 2 and text[s] in "0０"):
        return None, _chain_end(text, s)             # codes and phone numbers: 023-63891234
    part = _part_at(text, s)
    if part is None:
        return None, _SIMPLE.match(text, s).end("num")
    after = text[part.num_end:part.num_end + 2]
    if len(after) == 2 and after[0] in ".．" and _is_digit(after[1]):
        return None, _chain_end(text, s)             # section or version number 1.2.3
    qualifier = _pre_qualifier(text, s)

    sep = _RANGE_SEP.match(text, part.end) if not part.post else None
    if sep is not None:
        figure = _range(text, part, _part_at(text, sep.end()), qualifier)
        if figure is not None:
            return figure, figure.end
        if sep.group() in "-－" and not part.unit:
            return None, _chain_end(text, s)         # 3-2 is an identifier, not a range

    if part.unit:
        kind, unit, value, is_date = _classify(text, part)
        if is_date:
            return _make(text, s, part.end, "date", value, unit, ""), part.end
        quals = [qualifier, *part.mids, part.post]
        return _make(text, s, part.end, kind, value, unit, _join(quals), part.mult), part.end
    if part.mult:
        value = _scaled(part.number, part.mult)
        return _make(text, s, part.end, "number", value, "", _join([qualifier, *part.mids, part.post]),
                     part.mult), part.end
    return _bare(text, s, part, qualifier, prev)


def _bare(text: str, s: int, part: _Part, qualifier: str, prev: str) -> tuple[Figure | None, int]:
    """A number with no unit or multiplier: a year, a plain number, or not a figure at all."""
    end = part.num_end
    nxt = text[end] if end < len(text) else "\n"
    nxt2 = text[end + 1] if end + 1 < len(text) else "\n"
    small = part.plain and part.int_len <= 3
    if _is_latin(nxt) or nxt in "@_":
        return None, _chain_end(text, s)             # 5G, 3D, 12348@...
    if part.plain and part.int_len >= 5:
        return None, end                             # hotline, postcode, serial: 12348
    if small and nxt in ".．、" and not _is_digit(nxt2) and (prev in _BEFORE_MARKER or _at_line_start(text, s)):
        return None, end                             # enumeration marker 1. 1、
    if small and nxt in ")）" and (prev in "(（" or prev in _BEFORE_MARKER or _at_line_start(text, s)):
        return None, end                             # enumeration marker (1) 1) 。2）
    if small and prev in " \u3000" and nxt in " \u3000)）" and text[max(0, s - 2):s].strip(" \u3000") in "(（" \
            and _SPACED_MARKER_CLOSE.match(text, end):
        return None, end                             # ( 2 ) with spaces
    if _SPACED_NAME_TAIL.match(text, end):
        return None, end                             # 〔2020〕 1 号
    if nxt in ":：/·" and _is_digit(nxt2):
        return None, _chain_end(text, s)             # time 16:19, fraction 1/3, date name 5·12
    if nxt == "时":
        tail = _TIME_TAIL.match(text, end)
        return None, tail.end()                      # clock time 8时30分
    if nxt in "×*＊" or nxt in _NAME_AFTER or text.startswith(_CODE_AFTER, end) \
            or text[max(0, s - 3):s].rstrip(":： ").endswith(_CODE_BEFORE):
        return None, end                             # 7×24, 3号, 110报警, 拨打110
    if small and _at_line_start(text, s) and nxt in " \t\u3000":
        return None, end                             # heading number at a line start
    if part.plain and part.int_len == 4 and 1900 <= part.number <= 2099 and not _is_digit(nxt):
        return _make(text, s, end, "date", int(part.number), "年", ""), end
    value = _plain_value(part.number)
    return _make(text, s, part.end, "number", value, "", _join([qualifier, part.post])), part.end


def _part_at(text: str, pos: int) -> _Part | None:
    """The number at `pos` with its tail, or None when it is too long to be a statistic."""
    m = _SIMPLE.match(text, pos)
    if m is None:
        return None
    raw, q1, mult, q2, unit, post = m.groups()
    if len(raw) > 24:
        return None
    if raw.isdigit():
        number: int | Decimal = int(raw)
        int_len, plain = len(raw), True
    else:
        ascii_raw = raw.translate(_TO_ASCII)
        try:
            number = Decimal(ascii_raw)
        except InvalidOperation:                      # pragma: no cover - the regex admits digits only
            return None
        int_len, plain = len(ascii_raw.split(".")[0]), False
    mids = [q for q in (q1, q2) if q]
    mult, unit, post = mult or "", unit or "", post or ""
    num_end = m.end("num")
    end = m.end()
    if not mult and not unit:
        if mids:                                     # 余/多 with nothing after: not a qualifier
            mids, post, end = [], "", num_end
    return _Part(pos, num_end, end, number, int_len, plain, mids, mult, unit, post)


def _classify(text: str, part: _Part) -> tuple[str, str, float | int, bool]:
    """(kind, unit, value, is_date) of a part that has a unit."""
    unit = part.unit
    base = unit.split("/")[0] if "/" in unit else unit
    bare = part.plain and not part.mult and not part.mids
    n = part.number
    if bare and base == "年" and part.int_len == 4 and 1900 <= n <= 2099:
        return "date", "年", int(n), True
    if bare and base in ("月", "月份") and 1 <= n <= 12:
        return "date", "date", int(n), True
    if bare and base == "日" and 1 <= n <= 31 and part.post != "以内" \
            and not text.startswith(("内", "之内"), part.end):
        return "date", "date", int(n), True
    value = _scaled(n, part.mult)
    if base in PERCENT_UNITS:
        return "percent", PERCENT_UNITS[base] + unit[len(base):], value, False
    if base in MONEY_UNITS:
        return "money", MONEY_UNITS[base] + unit[len(base):], value, False
    if base in NUMBER_UNITS:
        return "number", unit, value, False
    return "count", unit, value, False


def _range(text: str, first: _Part, second: _Part | None, qualifier: str) -> Figure | None:
    """`6%-6.5%`, `6-6.5%`, `3至5年`, `2021-2025`, `1-5月` as one figure, or None."""
    if second is None or _is_latin(text[second.num_end:second.num_end + 1]):
        return None
    if first.unit and first.unit != second.unit or first.post:
        return None
    if first.mult and not second.mult and not first.unit:
        return None
    if second.unit:
        kind, unit, end_value, is_date = _classify(text, second)
        if is_date:
            if first.mids or first.mult:
                return None
            as_date = first if first.unit else _Part(first.start, first.num_end, first.end, first.number,
                                                      first.int_len, first.plain, [], "", second.unit, "")
            _, first_unit, value, first_is_date = _classify(text, as_date)
            if not first_is_date or first_unit != unit:
                return None
            multiplier = ""
        else:
            mult = first.mult or ("" if first.unit else second.mult)
            value = _scaled(first.number, mult)
            multiplier = first.mult or second.mult
    elif second.mult:
        kind, unit, multiplier = "number", "", second.mult
        end_value = _scaled(second.number, second.mult)
        value = _scaled(first.number, first.mult or second.mult)
    else:
        if first.mids or second.mids:
            return None
        years = [p.plain and p.int_len == 4 and 1900 <= p.number <= 2099 for p in (first, second)]
        if all(years):
            kind, unit, value, end_value, multiplier = "date", "年", int(first.number), int(second.number), ""
        elif text[first.end] in "-－—–":
            return None
        else:
            kind, unit, multiplier = "number", "", ""
            value, end_value = _plain_value(first.number), _plain_value(second.number)
    if not value < end_value:
        return None
    quals = [] if kind == "date" else [qualifier, *first.mids, *second.mids, second.post]
    return _make(text, first.start, second.end, kind, value, unit, _join(quals), multiplier, end_value)


def _date_at(text: str, s: int, run_len: int, run_end: int) -> Figure | None:
    """Full dates: 2021-05-31 16:19, 2021/5/31, 2021-05, 2021年5月31日, 5月31日, 2021年5月."""
    if run_len == 4:
        m = _ISO_DATE.match(text, s)
        if m and _valid_date(m):
            return _make(text, s, m.end(), "date", _int(m.group("y")), "date", "")
        m = _ISO_MONTH.match(text, s)
        if m and 1900 <= _int(m.group("y")) <= 2099 and 1 <= _int(m.group("m")) <= 12:
            return _make(text, s, m.end(), "date", _int(m.group("y")), "date", "")
    if (run_len == 4 and text[run_end:run_end + 1] == "年") or (run_len <= 2 and text[run_end:run_end + 1] == "月"):
        m = _CJK_DATE.match(text, s)
        if m and _valid_date(m) and (m.group("y") or m.group("d")):
            value = _int(m.group("y")) if m.group("y") else _int(m.group("m"))
            return _make(text, s, m.end(), "date", value, "date", "")
    return None


def _valid_date(m: re.Match) -> bool:
    y, mo, d = m.group("y"), m.group("m"), m.group("d")
    if y is not None and not 1900 <= _int(y) <= 2099:
        return False
    if not 1 <= _int(mo) <= 12 or (d is not None and not 1 <= _int(d) <= 31):
        return False
    hh = m.group("hh")
    return hh is None or _int(hh) <= 24


def _iso_text(text: str) -> str:
    """ISO-like rendering of a date figure's text: 2021-05-31 16:19, 2021-05, 05-31."""
    for rx in (_ISO_DATE, _ISO_MONTH, _CJK_DATE):
        m = rx.fullmatch(text)
        if m is None:
            continue
        groups = m.groupdict()
        parts = [f"{_int(groups['y']):04d}"] if groups.get("y") else []
        parts.append(f"{_int(groups['m']):02d}")
        if groups.get("d"):
            parts.append(f"{_int(groups['d']):02d}")
        out = "-".join(parts)
        if groups.get("hh"):
            minute = groups.get("mi") or groups.get("mi2") or "0"
            out += f" {_int(groups['hh']):02d}:{_int(minute):02d}"
        return out
    return text


# -- helpers ---------------------------------------------------------------------------------

def _make(text: str, start: int, end: int, kind: str, value, unit: str, qualifier: str,
          multiplier: str = "", end_value=None) -> Figure:
    return Figure(start, end, text[start:end], kind, value, unit, qualifier, multiplier, end_value)


def _pre_qualifier(text: str, s: int) -> str:
    for size in (3, 2, 1):
        if s < size:
            continue
        word = text[s - size:s]
        if word in PRE_QUALIFIERS:
            if size == 1 and s >= 2 and text[s - 2] in _WORD_BEFORE.get(word, ()):
                return ""
            return PRE_QUALIFIERS[word]
    return ""


def _join(qualifiers) -> str:
    if not any(qualifiers):
        return ""
    out: list[str] = []
    for q in qualifiers:
        if q and q not in out:
            out.append(q)
    return "+".join(out)


def _scaled(number: int | Decimal, mult: str) -> float | int:
    return _plain_value(number * MULTIPLIERS[mult] if mult else number)


def _plain_value(number: int | Decimal) -> float | int:
    if type(number) is int or number == number.to_integral_value():
        return int(number)
    return float(number)


def _format_number(value: float | int) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def _int(digits: str) -> int:
    return int(digits.translate(_TO_ASCII))


def _chain_end(text: str, s: int) -> int:
    return _CHAIN.match(text, s).end()


def _at_line_start(text: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and text[j] in " \t\u3000":
        j -= 1
    return j < 0 or text[j] in "\r\n"


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z") if ch else False


def _is_digit(ch: str) -> bool:
    return ("0" <= ch <= "9") or ("\uff10" <= ch <= "\uff19") if ch else False


def _is_alnum(ch: str) -> bool:
    return _is_latin(ch) or _is_digit(ch)
