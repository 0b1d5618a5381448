"""Benchmarks (`python -m viewer.bench`): parse time, bulk import rate, and start-up ratios."""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

from viewer import paths
from viewer.core.report import parse_bytes, parse_path
from viewer.core.store import LibraryStore

DIGITS = re.compile(r"\d+")


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
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elapsed = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    return elapsed, count / elapsed, size


BARE_WINDOW = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QMainWindow(); w.resize(1280, 860); w.show(); app.processEvents()\n"
)


def _timed_run(cmd: list[str], env: dict) -> float:
    import subprocess

    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def bench_startup(runs: int = 5) -> tuple[float, float, float]:
    """(bare window s, app second start s, ratio): medians of `runs` alternating process starts."""
    import os
    import sys

    import compileall

    # An installed app has its bytecode cached (pip compiles it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would recompile every module on each start, so cache it here.
    compileall.compile_dir(str(Path(__file__).resolve().parent), quiet=1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "lib.sqlite3")
        app_cmd = [sys.executable, "-m", "viewer", "--db", db, "--exit-after-show"]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        _timed_run(app_cmd, env)      # first start: imports the sample into the library
        _timed_run(bare_cmd, env)     # warm the OS file cache for Qt
        bare, app = [], []
        for _ in range(runs):
            bare.append(_timed_run(bare_cmd, env))
            app.append(_timed_run(app_cmd, env))
    b, a = statistics.median(bare), statistics.median(app)
    return b, a, a / b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m viewer.bench", description=__doc__)
    parser.add_argument("--reports", type=int, default=1000, help="synthetic reports to import")
    parser.add_argument("--skip-gui", action="store_true", help="leave out the start-up measurement")
    args = parser.parse_args(argv)
    parse_ms = bench_parse()
    print(f"parse sample: {parse_ms:.2f} ms median (target < 20 ms)")
    sample = parse_path(paths.sample_report_path())
    print(f"  {sample.section_count()} sections, {len(sample.figures)} figures")
    seconds, rate, size = bench_import(args.reports)
    print(f"import {args.reports} reports: {seconds:.2f} s, {rate:.0f} reports/s, "
          f"store {size / 1e6:.1f} MB (target < 20 s)")
    if not args.skip_gui:
        bare, app, ratio = bench_startup()
        print(f"start-up, second start on the sample: {app * 1000:.0f} ms vs bare QMainWindow "
              f"{bare * 1000:.0f} ms: ratio {ratio:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
