"""Benchmarks (`python -m viewer.bench`): parse time, bulk import rate, and start-up ratios."""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from viewer import paths
from viewer.core.report import parse_bytes, parse_path
from viewer.store import LibraryStore

DIGITS = re.compile(r"\d+")

#: Inputs that would make a careless scanner quadratic: each repeated 300 and 3,000 times.
PATHOLOGICAL_CHUNKS = ["1,234", "1余", "1-", "1.", "2021-", "1 ", "第1", "APP1", "1万", "1元/", "1% ", "〕 1 ", "1.d",
                       "附件1"]
#: The same for the section tree: run-ins, restarts, run-on numbers and short unnumbered lines.
STRUCTURE_CHUNKS = ["，一是", "。二是", "，一要", "。第一，", "\n一是甲。\n", "\n1.甲\n", "\n（一）甲\n\n1.乙\n",
                    "\n回顾\n", "\n附件\n\n1.甲\n", "\n一是甲。\n\n总体：一是甲，二是乙。\n"]


def bench_parse(runs: int = 50) -> float:
    """Median milliseconds to ingest and parse the sample report."""
    sample = paths.sample_report_path()
    data = sample.read_bytes()
    parse_bytes(data, sample.name)  # warm the regex caches
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        parse_bytes(data, sample.name)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def bench_linearity(structure: bool = False) -> tuple[str, float]:
    """The worst growth of find_figures over PATHOLOGICAL_CHUNKS (build_sections over
    STRUCTURE_CHUNKS) from 300 to 3,000 repeats: (chunk, time ratio); linear work gives about 10,
    quadratic 100."""
    from viewer.core.figures import find_figures
    from viewer.core.structure import build_sections

    parse, chunks, head = (build_sections, STRUCTURE_CHUNKS, "标题\n\n一、甲\n\n") if structure else (
        find_figures, PATHOLOGICAL_CHUNKS, "")

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            parse(text)
            times.append(time.perf_counter() - t0)
        return max(min(times), 1e-4)

    ratios = {chunk: best(head + chunk * 3_000) / best(head + chunk * 300) for chunk in chunks}
    worst = max(ratios, key=ratios.get)
    return worst, ratios[worst]


def synthetic_reports(count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """`count` variants of the sample: a new title line and every number changed."""
    rng = random.Random(seed)
    text = paths.sample_report_path().read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    out = []
    for i in range(count):
        body = DIGITS.sub(lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), rest)
        out.append((f"report-{i}.txt", f"{title}（第{i + 1}号）\n{body}".encode("utf-8")))
    return out


def bench_import(count: int = 1000) -> tuple[float, float, int]:
    """(seconds, reports per second, store bytes) to parse and import `count` reports."""
    reports = synthetic_reports(count)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.sqlite3"
        t0 = time.perf_counter()
        with LibraryStore(db_path) as store:
            for name, data in reports:
                store.import_report(parse_bytes(data, name), source_path=name)
            store.checkpoint()
        elapsed = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    return elapsed, count / elapsed, size


# Start-up is timed from spawning a process to its end, for three programs started alternately in
# one run with the same Python, the same environment (offscreen), the same working directory and
# warm bytecode and file caches:
#   FLOOR  the same layout in plain PySide6: a QMainWindow with the sample in a QPlainTextEdit, a
#          QTreeWidget dock and a QTableWidget dock;
#   BARE   an empty QMainWindow (for reference: the old target was against it);
#   app    `python -m viewer --exit-after-show` on its second start: the user's library (in the
#          user data folder) already holds the sample and the layout a first session saved on quitting.
# Each one shows its window, processes events until the pass that delivered the window's first
# paint event has returned (Qt paints a window's whole widget tree in that one pass: the text, the
# docks, menus and status bar are drawn), then ends as the app ends a session: gc.freeze() (the
# interpreter's final collection does not walk the heap) and return from main. The app has by
# then committed whatever it writes at start, and it ends before its after-the-first-paint step
# (viewer.ui.first_paint). The watch is on the window, not on a child: asking PySide6 for a child
# Qt made (a scroll area's viewport) costs ~10 ms of type discovery the floor should not pay.
_WAIT_FOR_FIRST_PAINT = (
    "def wait_for_first_paint(app, window):\n"
    "    from PySide6.QtCore import QEvent, QObject\n"
    "    class Watch(QObject):\n"
    "        painted = False\n"
    "        def eventFilter(self, obj, event):\n"
    "            if event.type() == QEvent.Type.Paint:\n"
    "                self.painted = True\n"
    "            return False\n"
    "    watch = Watch()\n"
    "    window.installEventFilter(watch)\n"
    "    while not watch.painted:\n"
    "        app.processEvents()\n"
)
FLOOR_WINDOW = (
    "import gc, sys\n"
    "from PySide6.QtCore import Qt\n"
    "from PySide6.QtWidgets import (QApplication, QDockWidget, QMainWindow, QPlainTextEdit,\n"
    "                               QTableWidget, QTreeWidget)\n"
    + _WAIT_FOR_FIRST_PAINT +
    "def main():\n"
    "    app = QApplication(sys.argv[:1])\n"
    "    window = QMainWindow()\n"
    "    window.resize(1280, 860)\n"
    "    text = QPlainTextEdit(window)\n"
    "    text.setReadOnly(True)\n"
    "    with open(sys.argv[1], encoding='utf-8') as source:\n"
    "        text.setPlainText(source.read())\n"
    "    window.setCentralWidget(text)\n"
    "    for area, widget in ((Qt.DockWidgetArea.LeftDockWidgetArea, QTreeWidget()),\n"
    "                         (Qt.DockWidgetArea.RightDockWidgetArea, QTableWidget(0, 6))):\n"
    "        dock = QDockWidget(window)\n"
    "        dock.setWidget(widget)\n"
    "        window.addDockWidget(area, dock)\n"
    "    window.show()\n"
    "    wait_for_first_paint(app, window)\n"
    "    gc.freeze()\n"
    "    return 0\n"
    "sys.exit(main())\n"
)
BARE_WINDOW = (
    "import gc, sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    + _WAIT_FOR_FIRST_PAINT +
    "def main():\n"
    "    app = QApplication(sys.argv[:1])\n"
    "    window = QMainWindow()\n"
    "    window.resize(1280, 860)\n"
    "    window.show()\n"
    "    wait_for_first_paint(app, window)\n"
    "    gc.freeze()\n"
    "    return 0\n"
    "sys.exit(main())\n"
)
#: The first session before the measured second starts: imports the sample, then quits through
#: File › Quit as a user would, saving the window's layout.
FIRST_SESSION = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from viewer.ui import app, main_window\n"
    "class Window(main_window.MainWindow):\n"
    "    def showEvent(self, event):\n"
    "        super().showEvent(event)\n"
    "        QTimer.singleShot(200, self.quit_action.trigger)\n"
    "main_window.MainWindow = Window\n"
    "from viewer.cli.args import parse_app_args\n"
    "sys.exit(app.run_app(parse_app_args(sys.argv[1:])))\n"
)


def _timed_run(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one process, from spawning it to its end."""
    import subprocess

    t0 = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, cmd)
    return wall, usage.ru_utime + usage.ru_stime


def bench_startup(rounds: int = 9) -> dict[str, float]:
    """Medians of `rounds` alternating rounds: seconds of the app's second start on the sample
    ("app"), of the floor (the same layout in plain PySide6) and of a bare QMainWindow, the app's
    ratios to them (median of the rounds' ratios), and the same from the processes' CPU time
    ("cpu_app", "cpu_ratio_floor", …)."""
    import subprocess
    import sys

    import compileall

    # An installed app has its bytecode cached (pip compiles it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile every module on each start, so cache it here.
    compileall.compile_dir(str(Path(__file__).resolve().parent), quiet=1)
    sample = str(paths.sample_report_path())
    with tempfile.TemporaryDirectory() as tmp:
        # The user's own library, found as a user's is (platformdirs: $XDG_DATA_HOME/report-viewer).
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=tmp)
        for name in ("PYTHONDONTWRITEBYTECODE", paths.DATA_DIR_ENV):
            env.pop(name, None)
        subprocess.run([sys.executable, "-c", FIRST_SESSION], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        commands = {"app": [sys.executable, "-m", "viewer", "--exit-after-show"],
                    "floor": [sys.executable, "-c", FLOOR_WINDOW, sample],
                    "bare": [sys.executable, "-c", BARE_WINDOW]}
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for cmd in commands.values():          # warm the OS file cache and the bytecode
            _timed_run(cmd, env)
        for i in range(rounds):
            order = list(commands) if i % 2 == 0 else list(reversed(commands))
            for name in order:
                seconds, cpu_seconds = _timed_run(commands[name], env)
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
    result = {name: statistics.median(values) for name, values in wall.items()}
    result.update({f"cpu_{name}": statistics.median(values) for name, values in cpu.items()})
    # The ratio of each round (the app against the floor started just before or after it, under
    # the same load), then their median: steadier than a ratio of medians on a shared machine.
    for prefix, times in (("", wall), ("cpu_", cpu)):
        for other in ("floor", "bare"):
            ratios = [app / base for app, base in zip(times["app"], times[other])]
            result[f"{prefix}ratio_{other}"] = statistics.median(ratios)
            result[f"{prefix}ratio_{other}_min"], result[f"{prefix}ratio_{other}_max"] = min(ratios), max(ratios)
    return result


QUIT_CHILD = (
    "import sys, time\n"
    "from PySide6.QtCore import QTimer\n"
    "from viewer.cli.args import parse_app_args\n"
    "from viewer.ui import app, main_window\n"
    "class Window(main_window.MainWindow):\n"
    "    def showEvent(self, event):\n"
    "        super().showEvent(event)\n"
    "        if not hasattr(self, 'quit_armed'):\n"
    "            self.quit_armed = True\n"
    "            def quit_now():\n"
    "                print('QUIT', time.time(), flush=True)\n"
    "                self.quit_action.trigger()\n"
    "            QTimer.singleShot(1000, quit_now)\n"
    "main_window.MainWindow = Window\n"
    "sys.exit(app.run_app(parse_app_args(sys.argv[1:])))\n"
)


def bench_quit(report: Path | None = None, runs: int = 5, display: str | None = None) -> float:
    """Median milliseconds from File › Quit to the end of the app's process, with the sample or
    `report` open; offscreen, or in a real X window on `display` (e.g. ":0"); the process is started
    fresh each run, like a user's session."""
    import subprocess
    import sys

    if display:
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display)
    else:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-c", QUIT_CHILD, "--db", str(Path(tmp) / "lib.sqlite3")]
        if report is not None:
            cmd.append(str(report))
        for _ in range(runs + 1):                 # the first run imports the report
            child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            out, _ = child.communicate()
            ended = time.time()
            quit_at = float(out.split("QUIT", 1)[1].split()[0])
            times.append((ended - quit_at) * 1000)
    return statistics.median(times[1:])


def large_report_text(target_bytes: int = 2_000_000) -> str:
    """The sample's body repeated until the UTF-8 text is about `target_bytes` long."""
    text = paths.sample_report_path().read_text(encoding="utf-8")
    head, body = text.split("\n", 1)
    copies = max(1, target_bytes // len(body.encode("utf-8")))
    return head + "\n" + body * copies


def bench_share(notes: int = 5000) -> dict[str, float]:
    """A share file of `notes` annotations on a 500 kB report: write, read, and plan the import into a
    library whose copy of the report has a new first paragraph (every note moves), then apply."""
    from viewer.core.share import read_share, share_bytes
    from viewer.services.sharing import apply_import, build_share, plan_import

    text = large_report_text(500_000)
    sender, receiver = LibraryStore(":memory:"), LibraryStore(":memory:")
    doc_id = sender.import_report(parse_bytes(text.encode("utf-8"), "big.txt")).document_id
    stored = sender.document(doc_id).text
    rng = random.Random(3)
    for _ in range(notes):
        at = rng.randrange(0, len(stored) - 40)
        sender.add_annotation(doc_id, "note", at, at + rng.randrange(4, 30), body="核对", author="甲")
    head, body = text.split("\n", 1)
    receiver.import_report(parse_bytes((head + "\n新增的第一段说明。\n" + body).encode("utf-8"), "big.txt"))
    t0 = time.perf_counter()
    data = share_bytes(build_share(sender, [doc_id]))
    t1 = time.perf_counter()
    share = read_share(data, "bench")
    t2 = time.perf_counter()
    plan = plan_import(receiver, share, "bench")
    t3 = time.perf_counter()
    apply_import(receiver, plan)
    t4 = time.perf_counter()
    return {"notes": notes, "mb": len(data) / 1e6, "write_s": t1 - t0, "read_s": t2 - t1,
            "plan_s": t3 - t2, "apply_s": t4 - t3, "placed": sum(not c.writes[0].unplaced for c in plan.changes
                                                                 if c.writes) / notes}


def bench_pdf_import(pages: int = 50, runs: int = 5) -> dict[str, float]:
    """A PDF of about `pages` pages (the sample's body repeated, written by the app's Save as PDF):
    its page count, and the median seconds to import it (ingest and parse)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from viewer.ui.exports.report_printer import build_print_document, write_pdf

    QApplication.instance() or QApplication([])
    sample = parse_path(paths.sample_report_path())
    head, body = sample.text.split("\n", 1)
    copies = max(1, round(pages / 3.5))          # the sample's body fills 3.5 A4 pages
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        text = head + "\n" + body * copies
        source = parse_bytes(text.encode("utf-8"), "report.txt")
        painted = write_pdf(build_print_document(source.title, source.text, source.sections, [], {}),
                            str(pdf), title=source.title)
        data = pdf.read_bytes()
    parse_bytes(data, "report.pdf")
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        report = parse_bytes(data, "report.pdf")
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"pages": painted.total, "mb": len(data) / 1e6, "seconds": statistics.median(times),
            "cpu_seconds": statistics.median(cpu), "same_text": float(report.text == source.text)}


def bench_library_view(reports: int = 10_000) -> dict[str, float]:
    """A library of `reports` tiny reports (varied kinds, years, issuers): milliseconds from 文件 › 书库…
    to the first paint of its table, the first time (the window built) and again; offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    bodies = ["{0}年{1}政府工作报告", "{1}关于{0}年法治政府建设情况的报告", "{1}行政复议办法（{0}年第{2}号）",
              "{1}关于做好{0}年防汛工作的通知（第{2}号）", "{1}{0}年统计公报（第{2}号）"]
    issuers = ["北京市人民政府", "上海市人民政府", "广东省人民政府", "司法部", "国务院", "杭州市人民政府"]

    class FirstPaint(QObject):
        at: float | None = None

        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if self.at is None and event.type() == QEvent.Type.Paint and watched.objectName() == "libraryTable":
                self.at = time.perf_counter()
            return False

    with tempfile.TemporaryDirectory() as tmp, LibraryStore(Path(tmp) / "lib.sqlite3") as store:
        with store.transaction():
            for i in range(reports):
                issuer = issuers[i % len(issuers)]
                title = bodies[i % len(bodies)].format(2010 + i % 15, issuer, i)
                text = f"{title}\n一、总体情况\n全年办理案件{i}件，增长{i % 30}%。\n{issuer}\n{2011 + i % 15}年3月{1 + i % 28}日\n"
                store.import_report(parse_bytes(text.encode("utf-8"), f"r{i}.txt"))
        window = MainWindow(store)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        times = []
        for _ in range(2):
            watcher = FirstPaint()
            app.installEventFilter(watcher)
            t0 = time.perf_counter()
            window.library.library_action.trigger()
            while watcher.at is None:
                app.processEvents()
            times.append((watcher.at - t0) * 1000)
            app.removeEventFilter(watcher)
            window.library.dialog.close()
            app.processEvents()
        window.close()
    return {"reports": reports, "first_ms": times[0], "again_ms": times[1]}


def bench_large_report() -> dict[str, float]:
    """A ~2 MB report: parse+import seconds, first screen seconds, worst page-scroll milliseconds."""

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    text = large_report_text()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "large.txt"
        src.write_text(text, encoding="utf-8")
        with LibraryStore(Path(tmp) / "lib.sqlite3") as store:
            t0 = time.perf_counter()
            doc_id = store.import_report(parse_path(src), source_path=src).document_id
            imported = time.perf_counter() - t0
            window = MainWindow(store)
            window.resize(1280, 860)
            window.show()
            app.processEvents()
            t0 = time.perf_counter()
            window.open_document(doc_id)
            app.processEvents()
            first_screen = time.perf_counter() - t0
            bar = window.view.verticalScrollBar()
            worst = 0.0
            for _ in range(60):
                t0 = time.perf_counter()
                bar.setValue(bar.value() + bar.pageStep())
                window.view.viewport().repaint()
                app.processEvents()
                worst = max(worst, time.perf_counter() - t0)
            window.close()
    return {"bytes": len(text.encode("utf-8")), "import_s": imported, "first_screen_s": first_screen,
            "worst_scroll_ms": worst * 1000}


def bench_catalogue(count: int = 10_000, notes: int = 20_000, runs: int = 9) -> dict[str, float]:
    """The 书库 over a library of `count` reports (rows written straight into a fresh library, each
    with the sample's text and bytes, varied titles and `notes` notes in all): median milliseconds
    of count_entries(), of the first page (200) in every sort order, of a filtered first page and
    of the facets; prints them and returns them."""
    from viewer.core.catalogue import describe_report
    from viewer.core.model import CatalogueFilter
    from viewer.services import catalogue
    from viewer.store.catalogue import search_key

    rng = random.Random(11)
    body = paths.sample_report_path().read_text(encoding="utf-8")
    places = ["北京市", "上海市", "浙江省", "重庆市渝中区", "成都市", "杭州市", "广东省", "武汉市", "江苏省", "西安市"]
    titles = ["{p}{y}年法治政府建设年度报告", "{p}人民政府{y}年政府工作报告", "{p}人民政府关于做好{y}年防汛工作的通知",
              "{p}物业管理条例", "{p}司法局{y}年法治政府建设工作情况报告", "关于{y}年某项工作的报告"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalogue.sqlite3"
        with LibraryStore(path) as store:
            rows = []
            for i in range(count):
                title = rng.choice(titles).format(p=rng.choice(places), y=rng.randint(2015, 2025)) + f"（{i}）"
                facts = describe_report(title, body, {})
                source = f"report-{i}.txt"
                stamp = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:{i % 60:02d}:00+00:00"
                rows.append((title, f"fp{i}", source, f"/reports/{source}", "{}", body.encode("utf-8"), body, "2",
                             stamp, facts.kind, facts.issuer, facts.issued, facts.year, rng.randint(5, 80),
                             rng.randint(0, 200), search_key(title, facts.issuer, source)))
            with store.transaction():
                store._conn.executemany(
                    "INSERT INTO documents (title, fingerprint, source_name, source_path, metadata, raw, body,"
                    " parser_version, imported_at, kind, issuer, issued, year, section_count,"
                    " figure_count, search_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
                store._conn.executemany(
                    "INSERT INTO report_state (document_id, key, value) VALUES (?, 'last_opened', ?)",
                    [(n, f'"2026-12-{n % 28 + 1:02d}T09:00:00+00:00"') for n in range(1, count + 1) if rng.random() < 0.3])
                store._conn.executemany(
                    "INSERT INTO annotations (uuid, document_id, kind, start, [end], exact, author, created, modified,"
                    " deleted) VALUES (?, ?, 'note', 0, 4, '重庆市渝', 'bench', '', '', ?)",
                    [(f"n{n}", rng.randint(1, count), int(rng.random() < 0.1)) for n in range(notes)])
        size = path.stat().st_size

        def median_ms(call) -> float:
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                call()
                times.append(time.perf_counter() - t0)
            return statistics.median(times) * 1000

        with LibraryStore(path) as store:
            found = {"reports": count, "store_mb": size / 1e6,
                     "count_ms": median_ms(lambda: catalogue.count_entries(store)),
                     "filtered_count_ms": median_ms(lambda: catalogue.count_entries(store, CatalogueFilter(text="法治"))),
                     "facets_ms": median_ms(lambda: catalogue.facets(store))}
            for key in catalogue.SORT_KEYS:
                for descending in (False, True):
                    found[f"page_{key}_{'desc' if descending else 'asc'}_ms"] = median_ms(
                        lambda: catalogue.entries(store, sort=key, descending=descending, limit=200))
            found["page_filtered_ms"] = median_ms(lambda: catalogue.entries(
                store, CatalogueFilter(text="法治", kind="rule_of_law_report", year=2020), sort="title", limit=200))
            found["page_deep_ms"] = median_ms(lambda: catalogue.entries(store, offset=count - 200, limit=200))
    pages = [found[f"page_{key}_{way}_ms"] for key in catalogue.SORT_KEYS for way in ("asc", "desc")]
    print(f"书库 of {count:,} reports ({found['store_mb']:.0f} MB, {notes:,} notes): count {found['count_ms']:.1f} ms, "
          f"first page of 200 {statistics.median(pages):.1f} ms median over the {len(pages)} sort orders "
          f"(worst {max(pages):.1f} ms), filtered page {found['page_filtered_ms']:.1f} ms, last page "
          f"{found['page_deep_ms']:.1f} ms, facets {found['facets_ms']:.1f} ms (target: well under a second)")
    return found


def print_startup(startup: dict[str, float], rounds: int) -> None:
    print(f"start-up, second start on the sample, window drawn (medians of {rounds} alternating rounds): "
          f"{startup['app'] * 1000:.0f} ms vs the same layout in plain PySide6 {startup['floor'] * 1000:.0f} ms: "
          f"ratio {startup['ratio_floor']:.2f} (median of the rounds' ratios, "
          f"{startup['ratio_floor_min']:.2f}-{startup['ratio_floor_max']:.2f}; target <= 1.3, goal 1.1); "
          f"vs a bare QMainWindow {startup['bare'] * 1000:.0f} ms: {startup['ratio_bare']:.2f}")
    print(f"  CPU time of the same processes: {startup['cpu_app'] * 1000:.0f} ms vs "
          f"{startup['cpu_floor'] * 1000:.0f} ms: ratio {startup['cpu_ratio_floor']:.2f}; "
          f"bare {startup['cpu_bare'] * 1000:.0f} ms: {startup['cpu_ratio_bare']:.2f}")


def print_library(reports: int) -> int:
    """The library part (viewer.bench_library): import, store size, first pages, ripgrep; a Markdown table."""
    from viewer.bench_library import bench_library, library_table

    print(f"library of {reports:,} varied reports (written, imported, searched; ripgrep over the same files):")
    print(library_table(bench_library(reports)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m viewer.bench", description=__doc__)
    parser.add_argument("--reports", type=int, default=1000, help="synthetic reports to import")
    parser.add_argument("--skip-gui", action="store_true", help="leave out the GUI measurements")
    parser.add_argument("--startup-only", action="store_true", help="measure start-up only")
    parser.add_argument("--rounds", type=int, default=9, help="alternating start-up rounds")
    parser.add_argument("--library", action="store_true", help="measure the 10,000-report library only")
    parser.add_argument("--library-reports", type=int, default=10_000, help="reports in the library bench")
    args = parser.parse_args(argv)
    if args.library:
        return print_library(args.library_reports)
    if args.startup_only:
        print_startup(bench_startup(args.rounds), args.rounds)
        return 0
    parse_ms = bench_parse()
    print(f"parse sample: {parse_ms:.2f} ms median (target < 20 ms)")
    sample = parse_path(paths.sample_report_path())
    print(f"  {sample.section_count()} sections, {len(sample.figures)} figures")
    chunk, growth = bench_linearity()
    print(f"figures on pathological input, 10x longer: worst {growth:.1f}x slower ({chunk!r}; "
          "linear ~10, target < 30)")
    chunk, growth = bench_linearity(structure=True)
    print(f"sections on pathological input, 10x longer: worst {growth:.1f}x slower ({chunk!r}; "
          "linear ~10, target < 30)")
    seconds, rate, size = bench_import(args.reports)
    print(f"import {args.reports} reports: {seconds:.2f} s, {rate:.0f} reports/s, "
          f"store {size / 1e6:.1f} MB (target < 20 s)")
    share = bench_share()
    print(f"share file of {share['notes']:,} notes ({share['mb']:.1f} MB) into a shifted copy: write "
          f"{share['write_s']:.2f} s, read {share['read_s']:.2f} s, plan {share['plan_s']:.2f} s, "
          f"apply {share['apply_s']:.2f} s; {share['placed']:.1%} placed")
    pdf = bench_pdf_import()
    print(f"import a {pdf['pages']}-page PDF ({pdf['mb']:.1f} MB, written by Save as PDF): "
          f"{pdf['seconds'] * 1000:.0f} ms median, CPU {pdf['cpu_seconds'] * 1000:.0f} ms (target < 1 s); "
          "body text the same as the source: "
          f"{'yes' if pdf['same_text'] else 'no'}")
    print_library(args.library_reports)
    if not args.skip_gui:
        large = bench_large_report()
        print(f"large report {large['bytes'] / 1e6:.1f} MB: parse+import {large['import_s']:.2f} s, "
              f"first screen {large['first_screen_s'] * 1000:.0f} ms (target < 1 s), "
              f"worst page scroll {large['worst_scroll_ms']:.0f} ms")
        print("书库 (library view) of {reports:,} reports: table painted {first_ms:.0f} ms after File › 书库… "
              "(again: {again_ms:.0f} ms; target well under 1 s)".format(**bench_library_view()))
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "large.txt"
            big.write_text(large_report_text(), encoding="utf-8")
            print(f"quit (File › Quit to process end), offscreen: sample {bench_quit():.0f} ms, "
                  f"2 MB report {bench_quit(big):.0f} ms (target < 200 ms)")
            display = os.environ.get("DISPLAY")
            if display:
                print(f"quit in a real window on {display}: sample {bench_quit(display=display):.0f} ms, "
                      f"2 MB report {bench_quit(big, display=display):.0f} ms (target < 200 ms)")
        print_startup(bench_startup(args.rounds), args.rounds)
    bench_catalogue()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
