"""The headless verbs: each takes the parsed command line, makes one call into the core or the library, prints."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from viewer.cli.args import UsageError
from viewer.core.errors import ReportViewerError
from viewer.core.messages import render, render_code
from viewer.core.times import local_time

if TYPE_CHECKING:  # names for annotations only; the parsers and the library load inside the verbs that use them
    from viewer.core.model import Figure, SectionNode

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


# --- helpers shared by verbs -------------------------------------------------------------------


def library_path(args: argparse.Namespace) -> str:
    """The library file named by --db, or the default one in the user data dir."""
    from viewer import paths

    return str(args.db or paths.default_db_path())


def open_store(args: argparse.Namespace, *, daily_backup: bool = True):
    """The library named by --db, or the default one in the user data dir (backed up first when a day has passed)."""
    from viewer.store import LibraryStore
    from viewer.store.backup import backup_if_due

    store = LibraryStore(library_path(args))
    if daily_backup:
        try:
            backup_if_due(store)
        except BaseException:
            store.close()
            raise
    return store


def format_tree(title: str, sections: Sequence[SectionNode]) -> str:
    """The indented section tree as printed by `tree` (and by `make run` without a GUI)."""
    lines = [title]

    def walk(nodes: Sequence[SectionNode], depth: int) -> None:
        for node in nodes:
            lines.append(f"{'  ' * depth}{node.number} {node.title}".rstrip())
            walk(node.children, depth + 1)

    walk(sections, 0)
    return "\n".join(lines)


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def error_line(error: ReportViewerError, language: str) -> str:
    """The `error: …` line (`错误：…` in Chinese) the CLI prints for an error."""
    return render_code("cli.error_line", language, message=render(error, language))


def _write_output(path: str, data: bytes) -> None:
    """Write a verb's -o file, or one line saying why not."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise UsageError("cli.cannot_write", path=path, reason=exc.strerror or str(exc)) from None


# --- verbs -------------------------------------------------------------------------------------


class _StoreOnFirstUse:
    """The library of --db, opened when a report is first stored: a batch that stores nothing
    creates no library file."""

    def __init__(self, args: argparse.Namespace):
        self._args = args
        self._store = None

    def __getattr__(self, name: str):
        if self._store is None:
            self._store = open_store(self._args)
        return getattr(self._store, name)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def cmd_import(args: argparse.Namespace) -> int:
    """Import files and folders (recursively); a progress bar on a terminal, else one line per file;
    a summary line at the end; 2 if any failed."""
    from viewer.services.library import import_paths

    lang = args.language
    bar = _progress_bar() if sys.stdout.isatty() and sys.stderr.isatty() else None

    def progress(n: int, total: int, path: str) -> None:
        if bar is not None:
            bar.total, bar.n = total, n - 1
            bar.set_postfix_str(Path(path).name, refresh=True)

    def finished(path: str, outcome) -> None:
        if bar is not None:
            bar.update(1)
        elif isinstance(outcome, ReportViewerError):
            _err(error_line(outcome, lang))
        else:
            code = ("cli.imported" if outcome.created else
                    "cli.restored_on_import" if outcome.restored else "cli.already_imported")
            _out(render_code(code, lang,
                             name=path, title=outcome.title, sections=outcome.sections,
                             figures=outcome.figures, id=outcome.document_id))

    store = _StoreOnFirstUse(args)
    try:
        result = import_paths(store, args.paths, progress, finished=finished)
    finally:
        store.close()
        if bar is not None:
            bar.set_postfix_str("")
            bar.close()
    if bar is not None:
        for _path, error in result.failed:
            _err(error_line(error, lang))
    _out(render_code("cli.import_summary", lang, imported=len(result.imported),
                     already=len(result.already), failed=len(result.failed)))
    return EXIT_BAD_INPUT if result.failed else EXIT_OK


def _progress_bar():
    """tqdm's bar on stderr, counting files."""
    from tqdm import tqdm

    return tqdm(total=0, unit="file", file=sys.stderr, mininterval=0.05)


def cmd_list(args: argparse.Namespace) -> int:
    """The library's reports (those in the 回收站 with --removed), filtered and sorted: one line each
    with kind, issuer and year, or JSON, or CSV (to stdout or -o FILE)."""
    from viewer.core.catalogue import kind_label
    from viewer.services.catalogue import CatalogueFilter, all_entries, catalogue_csv

    flt = CatalogueFilter(kind=args.kind, year=args.year, issuer=args.issuer, removed=args.removed)
    with open_store(args) as store:
        rows = all_entries(store, flt, sort=args.sort or "imported_at", descending=args.desc)
        if args.json:
            _out(json.dumps(listing_json(store, rows, args.removed), ensure_ascii=False, indent=2))
            return EXIT_OK
    lang = args.language
    if args.csv:
        text = catalogue_csv(rows, lang)
        if not args.output:
            sys.stdout.write(text)
            return EXIT_OK
        _write_output(args.output, ("\ufeff" + text).encode("utf-8"))
        _out(render_code("cli.catalogue_written", lang, count=len(rows), path=args.output))
        return EXIT_OK
    if not rows:
        filtered = args.kind or args.year is not None or args.issuer is not None
        empty = "cli.no_matching_reports" if filtered else "cli.trash_empty" if args.removed else "cli.library_empty"
        _out(render_code(empty, lang))
    for e in rows:
        removed = f"  removed {local_time(e.removed_at)}" if e.removed_at else ""
        _out(f"{e.id:>4}  {e.title}  {kind_label(e.kind, lang)}  {e.issuer or '-'}  {e.year or '-'}  "
             f"[{e.sections} sections, {e.figures} figures, {e.notes} notes]  {e.source_name}{removed}")
    return EXIT_OK


def listing_json(store, rows, removed: bool) -> list[dict]:
    """`list --json`: each entry with its library record (fingerprint, source path; the trash's
    removal time and notes count) as before the 书库 columns came."""
    from viewer.services.library import list_removed, list_reports

    known = ({r.info.id: r.to_dict() for r in list_removed(store)} if removed
             else {d.id: d.to_dict() for d in list_reports(store)})
    return [{**known.get(e.id, {}), **e.to_dict()} for e in rows]


def cmd_rename(args: argparse.Namespace) -> int:
    """Give a report a new title (a blank one is refused)."""
    from viewer.services.catalogue import rename_report

    with open_store(args) as store:
        doc_id = store.resolve_document(args.document)
        rename_report(store, doc_id, args.title)
        title = store.document_info(doc_id).title
    _out(render_code("cli.renamed", args.language, id=doc_id, title=title))
    return EXIT_OK


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse a file without storing it: its section tree and counts, or the whole parse as JSON."""
    from viewer.core.report import parse_path

    report = parse_path(args.path)
    if args.json:
        _out(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        _out(format_tree(report.title, report.sections))
        _out(f"{report.section_count()} sections, {len(report.figures)} figures")
    return EXIT_OK


def load_document(args: argparse.Namespace, name: str) -> tuple[str, list[SectionNode], list[Figure], list[int]]:
    """A report's title, tree, figures and page map: a file is parsed as it is now, an id comes from the library."""
    from viewer.core.report import parse_path

    if not name.strip().isdigit() and Path(name).is_file():
        report = parse_path(name)
        return report.title, report.sections, report.figures, report.pages
    with open_store(args) as store:
        doc_id = store.resolve_document(name)
        return (store.document_info(doc_id).title, store.sections(doc_id), store.figures(doc_id),
                store.pages(doc_id))


def cmd_tree(args: argparse.Namespace) -> int:
    """A report's indented section tree."""
    title, sections, _figures, _pages = load_document(args, args.document)
    _out(format_tree(title, sections))
    return EXIT_OK


def cmd_figures(args: argparse.Namespace) -> int:
    """The figures table: CSV (UTF-8 with BOM) to a file or stdout, or aligned text."""
    from viewer.core.export import figures_csv, page_text, section_path_label
    from viewer.core.figures import describe_value

    _title, sections, figures, pages = load_document(args, args.document)
    if args.csv:
        data = figures_csv(figures, sections, pages)
        if args.output:
            _write_output(args.output, data)
            _out(f"wrote {len(figures)} figures to {args.output}")
        else:
            sys.stdout.buffer.write(data)
        return EXIT_OK
    for fig in figures:
        page = f"\t{page_text(pages, fig.start)}" if pages else ""
        _out(f"{fig.text}\t{describe_value(fig)}\t{fig.kind}\t{section_path_label(sections, fig.start)}{page}")
    return EXIT_OK


def cmd_notes(args: argparse.Namespace) -> int:
    """List a report's annotations (with their page in a paged report), or add one (the same use case as the app)."""
    from viewer.core.export import page_text

    with open_store(args) as store:
        doc_id = store.resolve_document(args.document)
        if args.action == "add":
            if args.start is None or args.end is None:
                raise UsageError("cli.notes_span_required")
            from viewer.services.annotations import add_annotation

            note = add_annotation(store, doc_id, args.kind, args.start, args.end,
                                  body=args.text or "", colour=args.colour or "").added[0]
            _out(f"added {note.kind} {note.uuid} at {note.start}-{note.end}: {note.exact[:40]}")
            return EXIT_OK
        notes = store.annotations(doc_id)
        pages = store.pages(doc_id)
    if args.json:
        _out(json.dumps([n.__dict__ for n in notes], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not notes:
        _out(render_code("cli.no_notes", args.language))
    for n in notes:
        where = "unplaced" if n.unplaced else f"{n.start}-{n.end}"
        if pages and not n.unplaced:
            where += " " + page_text(pages, n.start)
        body = f"  {n.body}" if n.body else ""
        _out(f"{n.kind:9} {where:>11}  「{n.exact[:30]}」{body}  ({n.author}, {local_time(n.modified)})")
    return EXIT_OK


def cmd_reimport(args: argparse.Namespace) -> int:
    """Re-parse a stored report (from its kept source bytes, or a corrected file), or every report
    with --all; notes follow."""
    from viewer.services.library import reimport

    if args.all == bool(args.document) or (args.all and args.source):
        raise UsageError("cli.reimport_target")
    if args.all:
        return reimport_everything(args)
    with open_store(args) as store:
        doc_id = store.resolve_document(args.document)
        result = reimport(store, doc_id, args.source)
    counts = result.counts()
    _out(f"reimported report {doc_id}: {result.sections} sections, {result.figures} figures; "
         f"annotations: {counts['position']} in place, {counts['exact']} moved by quote, "
         f"{counts['fuzzy']} by approximate quote, {counts['unplaced']} unplaced (未定位)")
    return EXIT_OK


def reimport_everything(args: argparse.Namespace) -> int:
    """`reimport --all`: one progress line per report, then the totals; 2 if any report failed."""
    from viewer.services.library import PLACEMENTS, reimport_all

    def progress(n: int, total: int, title: str) -> None:
        _out(render_code("cli.reimport_progress", args.language, n=n, total=total, title=title))
        sys.stdout.flush()

    def backed_up(path) -> None:
        _out(render_code("cli.backup_before_reimport", args.language, path=path))

    with open_store(args, daily_backup=False) as store:      # (reimport_all backs up first, always)
        result = reimport_all(store, progress, backed_up)
    for doc_id, title, exc in result.failed:
        _err(render_code("cli.reimport_one_failed", args.language, id=doc_id, title=title,
                         reason=render(exc, args.language)))
    counts = {method: sum(r.counts()[method] for r in result.reimported) for method in PLACEMENTS}
    _out(render_code("cli.reimported_all", args.language, count=len(result.reimported),
                     failed=len(result.failed), **counts))
    return EXIT_BAD_INPUT if result.failed else EXIT_OK


def _report_id(store, name: str, *, in_trash: bool) -> int:
    """The report a trash verb names: an id (one in the 回收站 too), or for `remove` a path it was imported from."""
    if name.strip().isdigit():
        return store.document_info(int(name)).id
    if in_trash:
        raise UsageError("cli.bad_id", value=name)
    return store.resolve_document(name)


def cmd_remove(args: argparse.Namespace) -> int:
    """Move a report into the 回收站; it and its notes can be restored."""
    from viewer.services.library import remove_report

    with open_store(args) as store:
        change = remove_report(store, _report_id(store, args.document, in_trash=False))
    _out(render_code("cli.removed" if change.changed else "cli.already_removed", args.language,
                     id=change.document_id, title=change.title, notes=change.annotations))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Bring a report back from the 回收站 with its notes."""
    from viewer.services.library import restore_report

    with open_store(args) as store:
        change = restore_report(store, _report_id(store, args.document, in_trash=True))
    _out(render_code("cli.restored" if change.changed else "cli.not_removed", args.language,
                     id=change.document_id, title=change.title, notes=change.annotations))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """A report's notes, bookmarks and highlights as Markdown, HTML, CSV or JSON-LD, or the report with them as PDF."""
    from viewer.services.exports import export_annotations, saved_colour_names

    if args.format == "pdf":
        return export_pdf(args)
    with open_store(args) as store:
        doc_id = store.resolve_document(args.document)
        title, count = store.document_info(doc_id).title, len(store.annotations(doc_id))
        data = export_annotations(store, doc_id, args.format, saved_colour_names(store))
    if not args.output:
        sys.stdout.buffer.write(data)
        return EXIT_OK
    _write_output(args.output, data)
    _out(f"wrote {count} notes, bookmarks and highlights of 《{title}》 to {args.output}")
    return EXIT_OK


def export_pdf(args: argparse.Namespace) -> int:
    """`export --format pdf -o FILE`: the report with its highlights and notes, paged by Save as PDF's renderer
    in an offscreen Qt made only for this verb (no display needed; the other verbs never load Qt)."""
    from viewer.core.export import colour_names
    from viewer.store.settings import HIGHLIGHT_NAMES

    if not args.output:
        raise UsageError("cli.pdf_needs_output")
    with open_store(args) as store:
        doc_id = store.resolve_document(args.document)
        doc = store.document(doc_id)
        sections = store.sections(doc_id)
        annotations = store.annotations(doc_id)
        saved_names = store.get_setting(HIGHLIGHT_NAMES)
    _write_output(args.output, b"")          # an unwritable -o is refused before Qt starts
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:                  # our own offscreen Qt: the PDF's labels (批注, 第 N 页) in the CLI's language
        from viewer.ui.app import Translations

        app = QGuiApplication([sys.argv[0] or "report-viewer", "-platform", "offscreen"])
        Translations(app).set_language(args.language)
    from viewer.ui.exports.report_printer import build_print_document, write_pdf
    from viewer.ui.labels import default_colour_names

    names = colour_names(saved_names, default_colour_names())       # the colours' meanings in the PDF's language
    document = build_print_document(doc.title, doc.text, sections, annotations, names, pages=doc.pages)
    pages = write_pdf(document, args.output, title=doc.title).total
    del document, app
    _out(f"wrote 《{doc.title}》 with {len(annotations)} notes, bookmarks and highlights as a {pages}-page PDF "
         f"to {args.output}")
    return EXIT_OK


def cmd_share(args: argparse.Namespace) -> int:
    """Write a share file for a colleague, or preview / apply one received."""
    from viewer.core.export import file_stem
    from viewer.core.share import read_share_file, share_bytes
    from viewer.core.vocab import SHARE_SUFFIX
    from viewer.services.sharing import build_share, import_share

    if args.action == "export":
        with open_store(args) as store:
            doc_id = store.resolve_document(args.target)
            collection = build_share(store, [doc_id], only=args.only, include_report=args.include_report)
            output = args.output or f"{file_stem(store.document_info(doc_id).title)}{SHARE_SUFFIX}"
        _write_output(output, share_bytes(collection))
        _out(f"wrote {collection['total']} annotations{' and the report' if args.include_report else ''}"
             f" to {output}")
        return EXIT_OK
    share = read_share_file(args.target)          # a bad file is refused before the library is opened
    with open_store(args) as store:
        plan = import_share(store, share, args.target, dry_run=args.dry_run)
    _out(("would import" if args.dry_run else "imported") + f": {plan.summary()}")
    for change in plan.changes:
        if change.action != "unchanged":
            quote = change.incoming.exact[:24] or change.incoming.body[:24]
            _out(f"  {change.action:9} {change.incoming.kind:9} 《{change.title[:30]}》「{quote}」"
                 f"{'  ' + render(change.detail, args.language) if change.detail else ''}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a backup of the library (to -o FILE, or into its backups folder) and say where."""
    from viewer.store.backup import back_up

    with open_store(args, daily_backup=False) as store:
        written = back_up(store, args.output)
    _out(render_code("cli.backup_written", args.language, library=store.path, path=written))
    return EXIT_OK


def cmd_restore_backup(args: argparse.Namespace) -> int:
    """Check a backup, keep the current library aside and make the backup the library (which is
    never opened here: it may be the damaged one)."""
    from viewer.store.backup import restore_backup

    done = restore_backup(library_path(args), args.file)
    if done.aside is None:
        _out(render_code("cli.backup_restored_new", args.language, library=done.library, backup=done.backup))
    else:
        _out(render_code("cli.backup_restored", args.language, library=done.library, backup=done.backup,
                         aside=done.aside))


def cmd_search(args: argparse.Namespace) -> int:
    """Hits of a query across the library: one line each (report, offsets, section, snippet), then
    the notes and bookmarks holding it; or JSON."""
    from viewer.services.search import search, search_notes

    with open_store(args) as store:
        result = search(store, args.query, limit=args.limit, kind=args.kind, year=args.year, issuer=args.issuer)
        notes = search_notes(store, args.query, kind=args.kind, year=args.year, issuer=args.issuer)
    if args.json:
        _out(json.dumps({"query": args.query, "total": result.total, "hits": [h.to_dict() for h in result.hits],
                         "notes": [n.to_dict() for n in notes]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    for hit in result.hits:
        where = f"{hit.start}-{hit.end}" + (f" 第{hit.page}页" if hit.page else "")
        _out(f"{hit.document_id:>4}  {hit.title}  {where}  {hit.section}  {hit.snippet}")
    for note in notes:
        body = f"  {note.body}" if note.body else ""
        _out(f"{note.document_id:>4}  {note.title}  {note.kind}  「{note.quote[:30]}」{body}")
    _out(render_code("cli.search_summary", args.language, total=result.total, shown=len(result.hits),
                     notes=len(notes)))
    return EXIT_OK


def print_where() -> int:
    """`--where`: which rule chose the data folder (portable, environment or user) and the paths."""
    from viewer import paths

    mode = paths.data_mode()
    why = {"portable": "a data/ folder beside the executable (portable mode)",
           "environment": f"the {paths.DATA_DIR_ENV} environment variable",
           "user": "the platform's user data folder"}[mode]
    _out(f"data mode: {mode} ({why})")
    _out(f"data folder: {paths.data_dir()}")
    _out(f"library: {paths.default_db_path()}")
    _out(f"resources: {paths.resource_path()}")
    _out(f"sample report: {paths.sample_report_path()}")
    return EXIT_OK


def launch_gui(argv: Sequence[str]) -> int:
    """No verb: open the desktop app with its options (FILE, --screenshot, --goto, --find, --size)."""
    from viewer.cli.args import parse_app_args
    from viewer.ui.app import run_app

    return run_app(parse_app_args(argv))


#: The verbs by name; main() runs the one named on the command line.
VERBS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import,
    "list": cmd_list,
    "rename": cmd_rename,
    "parse": cmd_parse,
    "tree": cmd_tree,
    "figures": cmd_figures,
    "notes": cmd_notes,
    "reimport": cmd_reimport,
    "remove": cmd_remove,
    "restore": cmd_restore,
    "export": cmd_export,
    "share": cmd_share,
    "backup": cmd_backup,
    "restore-backup": cmd_restore_backup,
    "search": cmd_search,
}
