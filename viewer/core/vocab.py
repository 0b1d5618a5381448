"""The fixed vocabularies, each defined once: annotation and figure kinds, mark colours, export formats, suffixes.

Ids are what the library, share files and the command line store and accept. The Chinese names are
the report's language: the exports (Markdown, HTML, CSV) print them. The UI never shows these names;
it shows viewer/ui/labels.py's translated labels of the same ids.
"""

from __future__ import annotations

# --- annotations: the reader's own marks ------------------------------------------------------

ANNOTATION_KINDS: tuple[str, ...] = ("note", "bookmark", "highlight")
ANNOTATION_KIND_NAMES: dict[str, str] = {"note": "批注", "bookmark": "书签", "highlight": "高亮"}

#: Highlight colours. Keys are stable names only, kept in the library and share files: "blue" (疑问)
#: was a blue too like the selection and the count tint and is now apricot; its key stays so
#: existing libraries and share files keep their meaning.
HIGHLIGHT_KEYS: tuple[str, ...] = ("yellow", "blue", "green", "pink", "purple")
DEFAULT_HIGHLIGHT = "yellow"
#: Each colour's default meaning, in the report's language (the user can rename them).
DEFAULT_COLOUR_NAMES: dict[str, str] = {"yellow": "重点", "blue": "疑问", "green": "待办", "pink": "数据",
                                        "purple": "引用"}

#: key -> (band tint, full hue): strong tints for dark text, told apart from each other, from the
#: figure tints, from the selection and from the page by at least 25 CIELAB ΔE (tests/ui/test_palette.py).
HIGHLIGHT_COLOURS: dict[str, tuple[str, str]] = {
    "yellow": ("#f5df7c", "#b08d00"),   # 重点
    "blue": ("#ffb26b", "#c45f00"),     # 疑问: apricot
    "green": ("#b3dd7a", "#5b8c1a"),    # 待办: pear
    "pink": ("#ff9eb4", "#cc3d66"),     # 数据
    "purple": ("#c6aaf5", "#7a52b3"),   # 引用
}
#: A note without a colour: a pale vermilion band with a dotted vermilion underline.
NOTE_COLOURS: tuple[str, str] = ("#fde0cf", "#d55e00")
#: A bookmark: (the exported card's quote tint, the marker's hue).
BOOKMARK_COLOURS: tuple[str, str] = ("#d6eaf5", "#0072b2")

#: What a share file can carry: `share export --only` and the app's Share dialog.
SHARE_SELECTIONS: dict[str, tuple[str, ...]] = {"all": ANNOTATION_KINDS, "bookmarks": ("bookmark",),
                                                "notes": ("note",), "highlights": ("highlight",)}

# --- figures: the numbers found in a report --------------------------------------------------

FIGURE_KINDS: tuple[str, ...] = ("count", "percent", "money", "date", "number")
FIGURE_KIND_NAMES: dict[str, str] = {"count": "计数", "percent": "百分比", "money": "金额", "date": "日期",
                                     "number": "数字"}

# --- reports: what kind of document a report is (detected by viewer.core.catalogue) -----------

REPORT_KINDS: tuple[str, ...] = ("work_report", "rule_of_law_report", "regulation", "notice", "other")
REPORT_KIND_NAMES: dict[str, str] = {"work_report": "政府工作报告", "rule_of_law_report": "法治政府建设报告",
                                     "regulation": "条例/办法/规定", "notice": "通知/意见", "other": "其他"}

# --- files ------------------------------------------------------------------------------------

#: The annotation exports (`export --format`, File › Export): Markdown, HTML, CSV, Web Annotation JSON-LD.
EXPORT_FORMATS: tuple[str, ...] = ("md", "html", "csv", "jsonld")
#: A chosen export file's suffix -> its format.
EXPORT_SUFFIXES: dict[str, str] = {".md": "md", ".html": "html", ".htm": "html", ".csv": "csv",
                                   ".jsonld": "jsonld", ".json": "jsonld"}
SHARE_SUFFIX = ".rvshare.json"
