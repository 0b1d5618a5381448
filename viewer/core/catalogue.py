"""What a report is, read from its title, first and last lines and metadata: kind, issuing body, date, year.

    describe_report("XX市人民政府关于做好防汛工作的通知", text, {})
    # ReportFacts(kind='notice', issuer='XX市人民政府', issued='2024-01-15', year=2024)

General rules only: the title first, then the body (its first lines, a 第一条 structure, the
signature block at the end), then what an importer put in the metadata (`issuer`, `doc_number`,
`written`, `published`). Pure and bounded: only the head and the tail of a long text are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Mapping

from viewer.core.vocab import REPORT_KIND_NAMES

__all__ = ["ReportFacts", "describe_report", "kind_label", "kind_named", "normalise_date", "KIND_LABELS"]

#: The kinds' labels for the CLI and the CSV, by language (the UI has its own, translated, in ui/labels.py).
KIND_LABELS: dict[str, dict[str, str]] = {
    "zh": dict(REPORT_KIND_NAMES),
    "en": {"work_report": "Government work report", "rule_of_law_report": "Rule-of-law government report",
           "regulation": "Regulation", "notice": "Notice", "other": "Other"},
}

HEAD_CHARS = 3000      # the first lines are looked for here
TAIL_CHARS = 3000      # the signature block is looked for here
ARTICLE_CHARS = 100_000  # a 第一条 … structure is looked for here
HEAD_LINES = 8
TAIL_LINES = 15


@dataclass(frozen=True)
class ReportFacts:
    """What describe_report found: `kind` one of REPORT_KINDS, `issuer` "" when unknown, `issued`
    "YYYY-MM-DD" (or "YYYY-MM") or "", `year` the year the report is about or was issued, or None."""

    kind: str = "other"
    issuer: str = ""
    issued: str = ""
    year: int | None = None


def kind_label(kind: str, language: str = "zh") -> str:
    """The kind's name in `language` ("zh" or "en"); an unknown kind shows as itself."""
    return KIND_LABELS.get(language, KIND_LABELS["en"]).get(kind, kind)


def kind_named(name: str) -> str | None:
    """The kind an id or a label (Chinese or English, any case) names, or None: "政府工作报告" -> "work_report"."""
    wanted = " ".join(str(name).split()).casefold()
    for kind in KIND_LABELS["zh"]:
        if wanted in (kind, KIND_LABELS["zh"][kind].casefold(), KIND_LABELS["en"][kind].casefold()):
            return kind
    return None


# --- text normalising ---------------------------------------------------------------------

_WIDE = str.maketrans("０１２３４５６７８９－／．：　", "0123456789-/.: ")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "〇○零Ｏ一二三四五六七八九十"


def _plain(text: str) -> str:
    return text.translate(_WIDE)


# --- dates --------------------------------------------------------------------------------

_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*(?:[月\-/.]\s*(\d{1,2})\s*日?|月)")
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})-(\d{2})")
_CN_DATE = re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                      r"(?:\s*([一二三四五六七八九十]{1,3})\s*日)?")


def _cn_number(text: str) -> int | None:
    """十五 -> 15, 二十三 -> 23, 三十 -> 30, 七 -> 7 (months and days)."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(tens) > 1 or "十" in ones or len(ones) > 1:
            return None
        return (_CN_DIGITS.get(tens, -100) if tens else 1) * 10 + (_CN_DIGITS.get(ones, -100) if ones else 0)
    return _CN_DIGITS.get(text) if len(text) == 1 else None


def _date_text(year: int, month: int | None, day: int | None) -> str:
    """"YYYY-MM-DD" ("YYYY-MM" without a day) for a real calendar date, else ""."""
    if month is None or not 1900 <= year <= 2099:
        return ""
    try:
        date(year, month, day or 1)
    except ValueError:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def _dates(line: str) -> list[tuple[int, int, str]]:
    """(start, end, "YYYY-MM-DD") of every date written in `line` (2024年1月15日, 2024-01-15,
    二〇二四年一月十五日), in order."""
    found = []
    for m in _DATE.finditer(line):
        text = _date_text(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        if text:
            found.append((m.start(), m.end(), text))
    for m in _CN_DATE.finditer(line):
        year = "".join(str(_CN_DIGITS[ch]) for ch in m.group(1))
        month = _cn_number(m.group(2))
        day = _cn_number(m.group(3)) if m.group(3) else None
        text = _date_text(int(year), month, day) if (day is not None or not m.group(3)) else ""
        if text:
            found.append((m.start(), m.end(), text))
    return sorted(found)


def normalise_date(text: str) -> str:
    """The first date written in `text` as "YYYY-MM-DD" (or "YYYY-MM"), else ""."""
    plain = _plain(text or "").strip()
    month = _YEAR_MONTH.fullmatch(plain)             # "2024-04", as describe_report writes a month
    if month:
        return _date_text(int(month.group(1)), int(month.group(2)), None)
    found = _dates(plain)
    return found[0][2] if found else ""


# --- titles -------------------------------------------------------------------------------

_SUBTITLE = re.compile(r"\s*(?:——|――|--|—―|―—)")
_TRAILING_BRACKET = re.compile(r"\s*[（(【\[][^（()）【】\[\]]{0,40}[)）】\]]\s*$")
_TRAILING_NOISE = re.compile(r"[\s》”\"'。．.:：!！]+$|(?:全文|摘要|文字实录)$")
_RULE_OF_LAW = re.compile(r"法治政府建设|依法行政|法治建设")
_REPORT_END = ("报告", "情况", "总结", "年报")
_NOTICE_END = ("通知", "意见", "决定", "通报", "方案", "批复", "复函", "函", "公告", "通告", "决议", "命令",
               "请示", "纪要")
_REGULATION_END = ("条例", "办法", "规定", "细则", "规则", "规程", "准则", "章程", "守则", "规范")


def _title_head(title: str) -> str:
    """The title without its subtitle (——2024年1月15日在…上), trailing brackets (（试行）（2023年修订）)
    and trailing 全文/摘要 or punctuation: what its last word names."""
    head = _SUBTITLE.split(title, maxsplit=1)[0].strip() or title.strip()
    for _ in range(4):
        shorter = _TRAILING_NOISE.sub("", _TRAILING_BRACKET.sub("", head)).strip()
        if shorter == head or not shorter:
            break
        head = shorter
    return head


def _kind_of_title(title: str) -> str:
    """The kind a title's last word names ("other" when it names none)."""
    head = _title_head(_plain(title))
    if not head:
        return "other"
    if head.endswith(_REPORT_END):
        if "政府工作报告" in head:
            return "work_report"
        if _RULE_OF_LAW.search(head):
            return "rule_of_law_report"
        return "other"
    if head.endswith(_NOTICE_END):
        return "notice"
    if head.endswith(_REGULATION_END) or re.search(r"实施(?:办法|细则)$", head):
        return "regulation"
    return "other"


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[—\-–―~～至到]\s*(?:19|20)?\d{2})?\s*年")
_CN_YEAR = re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})\s*年")
_DOC_NUMBER_YEAR = re.compile(r"[〔\[［(（]\s*((?:19|20)\d{2})\s*[〕\]］)）]")


def _year_named(text: str) -> int | None:
    """The first year `text` names (2023年, 二〇二三年), or None."""
    plain = _plain(text)
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(plain)]
    found += [(m.start(), int("".join(str(_CN_DIGITS[ch]) for ch in m.group(1)))) for m in _CN_YEAR.finditer(plain)]
    years = [year for _start, year in sorted(found) if 1900 <= year <= 2099]
    return years[0] if years else None


# --- issuing bodies -----------------------------------------------------------------------

_ORG_END = ("人民政府", "政府", "办公厅", "办公室", "委员会", "常委会", "委", "局", "厅", "部", "院", "署", "会",
            "办", "中心", "公司", "集团", "大学", "学院", "学校", "党委", "党组", "小组", "政协", "法院", "检察院",
            "处", "所", "站", "队", "省", "市", "区", "县", "州", "盟", "旗", "乡", "镇", "街道", "自治区")
_PLACE_END = ("省", "市", "区", "县", "州", "盟", "旗", "乡", "镇", "街道", "自治区")
_ORG_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z（）()、·\s]{2,40}")
_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]")
_TITLE_ISSUER = re.compile(r"(.{2,40}?)(?:关于|(?:19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}\s*年|"
                           r"(?:人民)?政府工作报告|法治政府建设|依法行政|法治建设)")
_LEADING_YEAR = re.compile(r"^(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年度?")


def _org(text: str) -> str:
    """`text` as an organisation's name (spaces collapsed), or "" when it does not look like one."""
    name = " ".join(text.split())
    if not _ORG_CHARS.fullmatch(name) or _NUMBERED.match(name) or not name.endswith(_ORG_END):
        return ""
    return name


def _issuer_of_title(title: str) -> str:
    """The body named at the title's start: "XX市人民政府关于…的通知" -> XX市人民政府,
    "XX省2023年法治政府建设年度报告" -> XX省."""
    head = _LEADING_YEAR.sub("", _plain(title).strip())
    if head.startswith("关于"):
        return ""
    m = _TITLE_ISSUER.match(head)
    return _org(m.group(1)) if m else ""


def _with_government(issuer: str, title: str, text: str) -> str:
    """A place named as issuer (XX省) becomes its government (XX省人民政府) when the title or text says so."""
    if issuer.endswith(_PLACE_END) and " " not in issuer:
        government = issuer + "人民政府"
        if government in title or government in text:
            return government
    return issuer


def _signature(tail_lines: list[str]) -> tuple[str, str]:
    """(issuer, date) of the signature block: a line that is a date (2024年1月15日, 二〇二四年一月十五日,
    maybe bracketed or after the name on the same line) and the organisation line(s) just above it."""
    for i in range(len(tail_lines) - 1, -1, -1):
        line = tail_lines[i]
        found = _dates(line)
        if not found:
            continue
        start, end, when = found[-1]
        after = line[end:].strip(" （）()")
        if after:                      # "…印发", a sentence: not a signature
            continue
        before = line[:start].strip(" （(")
        if before:                     # "XX市人民政府  2024年1月15日" on one line
            if _org(before):
                return _org(before), when
            continue
        names: list[str] = []
        for above in reversed(tail_lines[max(0, i - 3):i]):
            name = _org(above)
            if not name:
                break
            names.insert(0, name)
        return " ".join(names), when
    return "", ""


# --- the whole report ---------------------------------------------------------------------

_ARTICLE = re.compile(r"^[ \t　]*第[一二三四五六七八九十百零〇\d]{1,6}条", re.MULTILINE)
_OPENING_DATE_LINE = re.compile(r"^[—\-―（(]")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


_SENTENCE = re.compile(r"[，,：:；;。!！?？]")


def _kind_of_body(head_lines: list[str], text: str) -> str:
    """The kind a title-like line among the first names (not a numbered heading, not a sentence:
    "特此通知。", "一、工作方案"), else a body of articles (第一条, 第二条, …) is a regulation."""
    for line in head_lines[:HEAD_LINES]:
        if 4 <= len(line) <= 60 and not _NUMBERED.match(line) and not _SENTENCE.search(line.rstrip("。.")):
            kind = _kind_of_title(line)
            if kind != "other":
                return kind
    articles = _ARTICLE.findall(text[:ARTICLE_CHARS])
    if len(articles) >= 3 and any(a.strip().startswith("第一条") for a in articles):
        return "regulation"
    return "other"


def _opening_date(title: str, head_lines: list[str]) -> str:
    """A date under the title: "——2024年1月15日在…上", "（2024年1月15日…通过）", or a line that is a date."""
    subtitle = _SUBTITLE.split(title, maxsplit=1)
    candidates = ["—" + subtitle[1]] if len(subtitle) > 1 else []
    candidates += head_lines[1:HEAD_LINES]
    for line in candidates:
        found = _dates(line)
        if found and (_OPENING_DATE_LINE.match(line) or line.strip(" （）()") == line[found[0][0]:found[0][1]]):
            return found[0][2]
    return ""


def _meta(metadata: object, key: str) -> str:
    if not isinstance(metadata, Mapping):
        return ""
    value = metadata.get(key)
    return " ".join(str(value).split()) if value is not None else ""


def describe_report(title: str, text: str, metadata: Mapping[str, str] | None = None) -> ReportFacts:
    """The kind, issuer, date and year of a report (see the module's docstring); never raises on
    any title, text or metadata."""
    text = text if isinstance(text, str) else ""
    title = title if isinstance(title, str) else ""
    head_lines = _lines(_plain(text[:HEAD_CHARS]))
    if not title.strip() and head_lines:
        title = head_lines[0][:200]
    title = " ".join(title.split())[:500]
    tail_lines = _lines(_plain(text[-TAIL_CHARS:]))[-TAIL_LINES:]

    kind = _kind_of_title(title)
    if kind == "other":
        kind = _kind_of_body(head_lines, text)
    doc_number = _meta(metadata, "doc_number")
    if kind == "other" and "号" in doc_number:      # 京政发〔2024〕3号, 北京市人民政府令第312号
        kind = "regulation" if "令" in doc_number else "notice"

    signed_by, signed_on = _signature(tail_lines)
    issuer = _meta(metadata, "issuer") or _issuer_of_title(title) or signed_by
    issuer = _with_government(issuer, title, text)
    issued = (signed_on or _opening_date(title, head_lines)
              or normalise_date(_meta(metadata, "written")) or normalise_date(_meta(metadata, "published")))
    year = _year_named(title)
    if year is None and issued:
        year = int(issued[:4])
    if year is None:
        m = _DOC_NUMBER_YEAR.search(_plain(doc_number))
        year = int(m.group(1)) if m else None
    return ReportFacts(kind, issuer[:200], issued, year)
