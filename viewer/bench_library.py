"""The library benchmark (`python -m viewer.bench --library`): 10,000 varied reports imported through
import_paths, the store's size, the first page of search results, and ripgrep over the same files.

    results = bench_library(10_000)        # LibraryBench: import rate, size, per-query timings
    print(library_table(results))          # the Markdown table the README shows
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from viewer.bench_texts import varied_reports

#: The queries timed, by kind: (label, queries, target ms for p95 of the first page).
#: Each kind has a common query, a rarer one and one the library does not hold (the worst case:
#: every paragraph is looked at).
QUERY_KINDS = [
    ("1 character", ["法", "区", "罚", "龘"], 200),
    ("2 characters", ["政府", "调解", "复议", "雄安"], 200),
    ("3+ characters", ["依法行政", "行政复议", "营商环境", "人民调解委员会"], 50),
    ("2 terms", ["依法 行政复议", "营商环境 \"市场主体\"", "调解 复议"], 50),
    ("a term, an exclusion nearly every report holds", ["调解 -政府"], None),
]
#: Hits on a first page of results.
PAGE = 50
RUNS = 15


@dataclass
class Timings:
    """Milliseconds of each run of one kind of query (all its queries pooled)."""

    runs: list[float] = field(default_factory=list)

    def p(self, q: float) -> float:
        ordered = sorted(self.runs)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass
class LibraryBench:
    """What bench_library measured."""

    reports: int
    import_seconds: float
    import_cpu_seconds: float             # of the importing (storing) process only
    workers: int
    store_bytes: int
    text_bytes: int
    first_page: dict[str, Timings]        # by kind: the library's first page (store route + snippets)
    search_call: dict[str, Timings]       # by kind: services.search.search(limit=50) as the CLI calls it
    rg_first: dict[str, Timings] | None   # by kind: rg -F until its 50th line; None: no ripgrep
    rg_count: dict[str, Timings] | None   # by kind: rg -F -c over every file
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    seconds: float = 0.0


def write_texts(folder: Path, count: int) -> int:
    """`count` varied reports written as .txt files under `folder`; their total bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, data in varied_reports(count):
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def import_library(db: Path, folder: Path, workers: int | None = None) -> tuple[float, float, int]:
    """Import every file under `folder` into a new library `db` through import_paths (the CLI's
    and the GUI's batch import): (wall seconds, CPU seconds of this process, workers used)."""
    from viewer.services import parse_pool
    from viewer.services.library import import_paths
    from viewer.store import LibraryStore

    files = sorted(folder.iterdir())
    used = parse_pool.default_workers(len(files)) if workers is None else workers
    with LibraryStore(db) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        result = import_paths(store, [folder], workers=used)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        store.checkpoint()
    if result.failed or len(result.imported) != len(files):
        raise RuntimeError(f"bench import: {len(result.imported)} of {len(files)} imported, {result.failed[:3]}")
    return seconds, cpu, used


def first_page(store, query: str):
    """The first PAGE hits of `query` with snippets by the fastest correct route there is: the
    service's search_page if it has one, else the store's first paragraphs in order (see
    viewer.store.fts.first_paragraphs_containing) made into hits as search() makes them."""
    from viewer.services import search as search_service

    page = getattr(search_service, "search_page", None)
    if page is not None:
        return page(store, query, limit=PAGE)
    return _first_page_from_store(store, query)


def _first_page_from_store(store, query: str):
    """Each term's paragraphs in (report, start) order, a page at a time, merged; a paragraph is
    kept when its report holds every term and no excluded one; its hits of every term are shown,
    as search() shows them, until PAGE hits."""
    import heapq

    from viewer.core.search_query import parse_query
    from viewer.services.search import _describe, _paragraph_hits
    from viewer.store import fts

    parsed = parse_query(query)
    conn = store._conn
    streams = [_paragraphs_in_order(conn, term) for term in parsed.terms]
    merged = heapq.merge(*streams, key=lambda row: (row.document_id, row.start)) if len(streams) > 1 else streams[0]
    shown: list = []
    titles: dict[int, str] = {}
    fits: dict[int, bool] = {}
    last = None
    for row in merged:
        if row.id == last:
            continue
        last = row.id
        if row.document_id not in fits:
            fits[row.document_id] = (len(parsed.terms) == 1 and not parsed.excluded) or (
                all(fts.report_contains(conn, row.document_id, t) for t in parsed.terms) and not any(
                    fts.report_contains(conn, row.document_id, t) for t in parsed.excluded))
        if not fits[row.document_id]:
            continue
        if row.document_id not in titles:
            titles[row.document_id] = store.document_info(row.document_id).title
        shown.extend(_paragraph_hits(row, parsed.terms)[:PAGE - len(shown)])
        if len(shown) >= PAGE:
            break
    return _describe(store, shown, titles)


def _paragraphs_in_order(conn, term: str):
    """Every paragraph holding `term`, in (report, start) order, fetched PAGE at a time."""
    from viewer.store import fts

    after = None
    while True:
        rows = fts.first_paragraphs_containing(conn, term, PAGE, after=after)
        yield from rows
        if len(rows) < PAGE:
            return
        after = (rows[-1].document_id, rows[-1].start)


def time_queries(run, kinds=QUERY_KINDS, runs: int = RUNS) -> dict[str, Timings]:
    """Milliseconds of `run(query)` for each kind's queries, `runs` times each (after one warm run)."""
    out: dict[str, Timings] = {}
    for label, queries, _target in kinds:
        timings = Timings()
        for query in queries:
            run(query)
            for _ in range(runs):
                t0 = time.perf_counter()
                run(query)
                timings.runs.append((time.perf_counter() - t0) * 1000)
        out[label] = timings
    return out


def rg_first_lines(folder: Path, query: str, lines: int = PAGE) -> int:
    """Run `rg -F` for the query's first term over `folder` until it has printed `lines` lines (a
    first page); the lines read."""
    term = query.split()[0].strip('"')
    child = subprocess.Popen(["rg", "-F", "--no-heading", "-n", term, str(folder)], stdout=subprocess.PIPE)
    read = 0
    for _line in child.stdout:
        read += 1
        if read >= lines:
            break
    child.kill()
    child.wait()
    child.stdout.close()
    return read


def rg_count(folder: Path, query: str) -> int:
    """`rg -F -c` for the query's first term over every file: the matching lines counted."""
    term = query.split()[0].strip('"')
    out = subprocess.run(["rg", "-F", "-c", "--no-filename", term, str(folder)], capture_output=True, text=True)
    return sum(int(n) for n in out.stdout.split())


def bench_library(count: int = 10_000, workers: int | None = None, runs: int = RUNS,
                  keep: Path | None = None) -> LibraryBench:
    """Write `count` reports as files, import them, measure the store and the queries; `keep`:
    a folder to leave the files and the library in (reused when it already holds them)."""
    from viewer.services.search import search
    from viewer.store import LibraryStore

    started = time.perf_counter()
    tmp = None if keep else tempfile.TemporaryDirectory(prefix="report-viewer-bench-")
    base = keep or Path(tmp.name)
    try:
        folder, db = base / "texts", base / "library.sqlite3"
        text_bytes = write_texts(folder, count)
        if db.exists() and keep:
            seconds = cpu = 0.0
            used = -1
        else:
            seconds, cpu, used = import_library(db, folder, workers)
        size = sum(p.stat().st_size for p in base.iterdir() if p.name.startswith(db.name))
        with LibraryStore(db) as store:
            pages = time_queries(lambda q: first_page(store, q), runs=runs)
            calls = time_queries(lambda q: search(store, q, limit=PAGE), runs=max(3, runs // 3))
        rg_first = rg_counts = None
        if shutil.which("rg"):
            rg_first = time_queries(lambda q: rg_first_lines(folder, q), runs=runs)
            rg_counts = time_queries(lambda q: rg_count(folder, q), runs=runs)
        return LibraryBench(count, seconds, cpu, used, size, text_bytes, pages, calls, rg_first, rg_counts,
                            os.getloadavg(), time.perf_counter() - started)
    finally:
        if tmp is not None:
            tmp.cleanup()


def _pair(timings: dict[str, Timings] | None, label: str) -> str:
    if timings is None:
        return "ripgrep not installed"
    t = timings[label]
    return f"{t.p(0.5):.1f} / {t.p(0.95):.1f}"


def library_table(b: LibraryBench) -> str:
    """The measurements as Markdown: the import and store lines, then a table of the queries."""
    mib = b.store_bytes / 2 ** 20
    lines = []
    if b.workers >= 0:
        rate = b.reports / b.import_seconds
        lines.append(f"import {b.reports:,} reports (import_paths, {b.workers or 'no'} parse workers): "
                     f"{b.import_seconds:.1f} s, **{rate:.0f} reports/s** (target >= 100: "
                     f"{'met' if rate >= 100 else 'not met'}); the storing process's CPU "
                     f"{b.import_cpu_seconds / b.reports * 1000:.1f} ms a report")
    lines.append(f"store: {mib:.0f} MiB for {b.reports:,} reports, {b.store_bytes / b.reports / 1024:.1f} KiB a report "
                 f"(the texts: {b.text_bytes / 2 ** 20:.1f} MiB as files)")
    lines += ["", "| query | examples | first page, 50 hits with snippets: p50 / p95 ms | target | met "
              "| search(limit=50) today p50 / p95 ms | rg -F (first term), first 50 lines p50 / p95 ms | rg -F -c (first term), every file p50 / p95 ms |",
              "|---|---|---|---|---|---|---|---|"]
    for label, queries, target in QUERY_KINDS:
        met = "" if target is None else "yes" if b.first_page[label].p(0.95) < target else "no"
        lines.append(f"| {label} | {'、'.join(queries)} | {_pair(b.first_page, label)} "
                     f"| {'' if target is None else f'< {target}'} | {met} "
                     f"| {_pair(b.search_call, label)} | {_pair(b.rg_first, label)} | {_pair(b.rg_count, label)} |")
    lines += ["", f"load average at the end {b.load[0]:.2f} {b.load[1]:.2f} {b.load[2]:.2f} on {os.cpu_count()} cores; "
              f"this part of the bench took {b.seconds:.0f} s"]
    return "\n".join(lines)
