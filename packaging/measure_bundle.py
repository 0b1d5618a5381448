"""Measure the frozen bundle against its budgets: folder size, archive size, and start-up against a
bare QMainWindow frozen the same way, timed in the same run (`make budgets`).

    python packaging/measure_bundle.py dist/report-viewer dist/report-viewer-0.1.0-linux-x86_64.tar.gz
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
BUDGETS = {"folder_mib": 120.0, "archive_mib": 50.0, "startup_ratio": 1.5}


def folder_bytes(folder: Path) -> int:
    """Apparent size of every regular file (symlinks counted once, as links)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bare_window(workdir: Path) -> Path:
    """Freeze packaging/bare_window.py with the same PyInstaller; returns its executable."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(workdir / "dist"), "--workpath", str(workdir / "build"),
                    str(ROOT / "packaging" / "bare_window.spec")], check=True)
    return workdir / "dist" / "bare-window" / "bare-window"


def _timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def startup(app_exe: Path, bare_exe: Path, runs: int = 7) -> tuple[float, float]:
    """Medians (s) of alternating second starts: the app on the sample, and the bare window."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORT_VIEWER_DATA_DIR=tmp)
        app_cmd = [str(app_exe), "--exit-after-show"]
        _timed(app_cmd, env)            # first start imports the sample
        _timed([str(bare_exe)], env)    # warm the file cache
        app, bare = [], []
        for _ in range(runs):
            bare.append(_timed([str(bare_exe)], env))
            app.append(_timed(app_cmd, env))
    return statistics.median(app), statistics.median(bare)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the onedir bundle (dist/report-viewer)")
    parser.add_argument("archive", type=Path, help="its archive")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    exe = args.folder / ("report-viewer.exe" if os.name == "nt" else "report-viewer")
    size = folder_bytes(args.folder) / MIB
    archive = args.archive.stat().st_size / MIB
    with tempfile.TemporaryDirectory() as work:
        app_s, bare_s = startup(exe, build_bare_window(Path(work)), args.runs)
    ratio = app_s / bare_s
    rows = [("bundle folder", f"{size:.1f} MiB", BUDGETS["folder_mib"], size),
            ("archive", f"{archive:.1f} MiB", BUDGETS["archive_mib"], archive),
            ("start-up vs frozen bare QMainWindow", f"{app_s * 1000:.0f} ms vs {bare_s * 1000:.0f} ms = {ratio:.2f}x",
             BUDGETS["startup_ratio"], ratio)]
    failed = 0
    for name, measured, budget, value in rows:
        ok = value <= budget
        failed += not ok
        print(f"{name:38} {measured:32} budget <= {budget:g}  {'ok' if ok else 'OVER'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
