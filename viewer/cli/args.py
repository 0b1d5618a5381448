"""The command line's one argparse definition: the verbs, the desktop app's options, the shared --db and --lang."""

from __future__ import annotations

import argparse
from typing import Sequence

from viewer import __version__
from viewer.core.errors import ReportViewerError
from viewer.core.messages import LANGUAGES, language_from_environment
from viewer.core.vocab import ANNOTATION_KINDS, EXPORT_FORMATS, HIGHLIGHT_KEYS, REPORT_KINDS, SHARE_SELECTIONS, SHARE_SUFFIX
from viewer.services.catalogue import SORT_KEYS

PROG = "report-viewer"


class UsageError(ReportViewerError):
    """The command line itself is wrong."""


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError("cli.usage", prog=self.prog, message=message)


def _shared_options() -> argparse.ArgumentParser:
    """--db and --lang, accepted before or after a verb (SUPPRESS: a verb's copy does not reset the other)."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="library database file (default: the user data dir)")
    shared.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help="language of messages (default: the locale, LANG/LC_ALL zh* -> zh, else en)")
    return shared


def _count(value: str) -> int:
    """A whole number of 0 or more (argparse reports anything else as a usage error)."""
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a count: {value!r}")
    return int(value)


def _year(value: str) -> int:
    """A year of four digits (anything else is one line in the user's language)."""
    if not (len(value) == 4 and value.isdigit()):
        raise UsageError("cli.bad_year", value=value)
    return int(value)


def _catalogue_filters(parser: argparse.ArgumentParser) -> None:
    """--kind, --year, --issuer: the detected facts of the 书库 (list and search narrow by them)."""
    parser.add_argument("--kind", metavar="K", help="only reports of the detected kind K: " + ", ".join(REPORT_KINDS))
    parser.add_argument("--year", type=_year, metavar="Y", help="only reports about or issued in the year Y")
    parser.add_argument("--issuer", metavar="I", help="only reports issued by I (as 'list' shows it)")


def build_parser() -> argparse.ArgumentParser:
    """`report-viewer [--version | --where | --self-test] VERB …`: the headless verbs and their options."""
    common = _shared_options()
    parser = _ArgumentParser(prog=PROG, parents=[common],
                             description="报告阅览器 Report Viewer: read Chinese government reports "
                                         "offline. Without a verb, opens the desktop app.")
    parser.add_argument("--version", action="version", version=f"report-viewer {__version__}")
    parser.add_argument("--where", action="store_true", help="print where the library and settings live, and exit")
    parser.add_argument("--self-test", action="store_true",
                        help="check the installation in a throwaway library (offscreen) and exit 0 or 1")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_ArgumentParser)

    p = sub.add_parser("import", parents=[common],
                       help="import report files, and folders of them (recursively), into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p = sub.add_parser("list", parents=[common], help="list the library's reports")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--removed", action="store_true", help="list the reports in the trash (回收站) instead")
    _catalogue_filters(p)
    p.add_argument("--sort", metavar="KEY", help="sort by one of: " + ", ".join(SORT_KEYS) + " (default: import order)")
    p.add_argument("--desc", action="store_true", help="sort descending (unknown values stay last)")
    p.add_argument("--csv", action="store_true", help="print the list as CSV (with -o: a UTF-8 file with BOM for Excel)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the CSV to FILE instead of stdout")
    p = sub.add_parser("rename", parents=[common], help="give a report a new title")
    p.add_argument("document", metavar="PATH-OR-ID")
    p.add_argument("title", metavar="TITLE")
    p = sub.add_parser("parse", parents=[common], help="parse a file without storing it")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the full parse as JSON")
    p = sub.add_parser("tree", parents=[common], help="print a report's section tree")
    p.add_argument("document", metavar="PATH-OR-ID")
    p = sub.add_parser("figures", parents=[common], help="a report's figures table")
    p.add_argument("document", metavar="PATH-OR-ID")
    p.add_argument("--csv", action="store_true", help="CSV in UTF-8 with BOM (opens in Excel)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p = sub.add_parser("notes", parents=[common], help="list or add a report's notes, bookmarks, highlights")
    p.add_argument("document", metavar="PATH-OR-ID")
    p.add_argument("action", nargs="?", choices=["add"], help="add one annotation")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--start", type=int, help="start offset (code points into the report text)")
    p.add_argument("--end", type=int, help="end offset")
    p.add_argument("--kind", choices=ANNOTATION_KINDS, default="note")
    p.add_argument("--text", help="the note's body or the bookmark's label")
    p.add_argument("--colour", choices=HIGHLIGHT_KEYS, help="highlight colour: " + ", ".join(HIGHLIGHT_KEYS))
    p = sub.add_parser("reimport", parents=[common],
                       help="re-parse a report (newer parser, or a corrected source); notes are re-anchored")
    p.add_argument("document", metavar="PATH-OR-ID", nargs="?")
    p.add_argument("--source", metavar="PATH", help="a corrected source file for this report")
    p.add_argument("--all", action="store_true",
                   help="re-parse every report in the library from its kept source (after a parser upgrade)")
    p = sub.add_parser("remove", parents=[common],
                       help="move a report into the trash (回收站); it and its notes can be restored")
    p.add_argument("document", metavar="PATH-OR-ID")
    p = sub.add_parser("restore", parents=[common], help="bring a report back from the trash (回收站), with its notes")
    p.add_argument("document", metavar="ID")
    p = sub.add_parser("export", parents=[common],
                       help="export a report's notes, bookmarks and highlights, or print the report to PDF")
    p.add_argument("document", metavar="PATH-OR-ID")
    p.add_argument("--format", choices=[*EXPORT_FORMATS, "pdf"], default="md",
                   help="md (briefing), html (self-contained page), csv (Excel), jsonld (Web Annotation), "
                        "pdf (the report itself with its highlights and notes, as Save as PDF; needs -o)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout (required for pdf)")
    p = sub.add_parser("search", parents=[common], help="search all reports in the library")
    p.add_argument("query", metavar="QUERY", help='terms that must all occur, "quoted phrases", -excluded terms')
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=_count, metavar="N", help="print at most N hits (the total counts them all)")
    _catalogue_filters(p)
    p = sub.add_parser("share", parents=[common], help="write a share file, or import one from a colleague")
    share = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_ArgumentParser)
    q = share.add_parser("export", parents=[common], help=f"write a {SHARE_SUFFIX} file of a report's annotations")
    q.add_argument("target", metavar="DOC")
    q.add_argument("-o", "--output", metavar="FILE", help=f"the file to write (default: TITLE{SHARE_SUFFIX})")
    q.add_argument("--only", choices=list(SHARE_SELECTIONS), default="all")
    q.add_argument("--include-report", action="store_true", help="embed the report's text for a colleague without it")
    q = share.add_parser("import", parents=[common], help=f"import a {SHARE_SUFFIX} file")
    q.add_argument("target", metavar="FILE")
    q.add_argument("--dry-run", action="store_true", help="only print what the import would do")
    p = sub.add_parser("backup", parents=[common],
                       help="back the library up (into the backups folder beside it, or to -o FILE)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE")
    p = sub.add_parser("restore-backup", parents=[common],
                       help="check a backup, keep the current library aside and restore the backup in its place")
    p.add_argument("file", metavar="FILE")
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    """`report-viewer [FILE] [--db] [--lang] [--screenshot OUT.png --goto --find --size]`: the desktop app."""
    parser = _ArgumentParser(prog=PROG, add_help=False, parents=[_shared_options()])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--screenshot", metavar="OUT.png")
    parser.add_argument("--goto", metavar="一、/（二）")
    parser.add_argument("--find", metavar="TEXT")
    parser.add_argument("--size", default="1400x900", metavar="WxH")
    parser.add_argument("--exit-after-show", action="store_true", help=argparse.SUPPRESS)
    return parser


def parse_app_args(argv: Sequence[str]) -> argparse.Namespace:
    """The desktop app's options, with --size checked and split into width and height."""
    args = build_app_parser().parse_args(list(argv))
    args.db = getattr(args, "db", None)
    args.lang = getattr(args, "lang", None)
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        if width < 200 or height < 150:
            raise ValueError
    except ValueError:
        raise UsageError("gui.bad_size", size=args.size) from None
    args.width, args.height = width, height
    return args


def _value_options(*parsers: argparse.ArgumentParser) -> frozenset[str]:
    """The option strings of `parsers` that take a value (argparse keeps its actions in `_actions`)."""
    return frozenset(option for parser in parsers for action in parser._actions
                     if action.nargs != 0 for option in action.option_strings)


def first_word(argv: Sequence[str]) -> str | None:
    """The first positional word of the command line (a verb or a file), skipping option values."""
    takes_value = _value_options(build_app_parser())
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in takes_value:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def language_of(argv: Sequence[str], environ=None) -> str:
    """The language of the CLI's lines: the last valid --lang, else the locale (zh* -> 'zh', else 'en')."""
    chosen = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        if value in LANGUAGES:
            chosen = value
    return chosen or language_from_environment(environ)
