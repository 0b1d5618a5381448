"""Measure the frozen bundle against its budgets: folder size, archive size, and start-up against its
floor (the same layout in plain PySide6, packaging/floor_window.py) frozen the same way, timed in
alternating rounds of the same run (`make budgets`), as `python -m viewer.bench --startup-only` does
unfrozen; the frozen bare QMainWindow is shown for reference.

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
BUDGETS = {"folder_mib": 130.0, "archive_mib": 55.0, "startup_ratio": 1.3}   # start-up: against the floor
SAMPLE = ROOT / "seeds" / "000_5858aa637edd593f.txt"       # viewer.paths.SAMPLE_REPORT, the app's sample


def folder_bytes(folder: Path) -> int:
    """Apparent size of every regular file (symlinks counted once, as links)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_frozen(workdir: Path, name: str) -> Path:
    """Freeze packaging/NAME.py (bare_window, floor_window) with the same PyInstaller; returns its executable."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(workdir / "dist"), "--workpath", str(workdir / "build" / name),
                    str(ROOT / "packaging" / f"{name}.spec")], check=True)
    folder = name.replace("_", "-")
    return workdir / "dist" / folder / folder


def _timed(cmd: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def startup(app_exe: Path, floor_exe: Path, bare_exe: Path, runs: int = 11) -> dict[str, float]:
    """Medians (s) of alternating rounds of second starts: the app on the sample ("app"), its floor
    on the same file ("floor") and the bare window ("bare"); "ratio": the median of the rounds'
    app/floor ratios (each app start against the floor started beside it)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REPORT_VIEWER_DATA_DIR=tmp)
        commands = {"app": [str(app_exe), "--exit-after-show"], "floor": [str(floor_exe), str(SAMPLE)],
                    "bare": [str(bare_exe)]}
        for cmd in commands.values():   # the app's first start imports the sample; warm the file cache
            _timed(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for i in range(runs):
            for name in (list(commands) if i % 2 == 0 else list(reversed(commands))):
                times[name].append(_timed(commands[name], env))
    result = {name: statistics.median(values) for name, values in times.items()}
    result["ratio"] = statistics.median(a / f for a, f in zip(times["app"], times["floor"]))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the onedir bundle (dist/report-viewer)")
    parser.add_argument("archive", type=Path, help="its archive")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    exe = args.folder / ("report-viewer.exe" if os.name == "nt" else "report-viewer")
    size = folder_bytes(args.folder) / MIB
    archive = args.archive.stat().st_size / MIB
    with tempfile.TemporaryDirectory() as work:
        floor_exe, bare_exe = build_frozen(Path(work), "floor_window"), build_frozen(Path(work), "bare_window")
        times = startup(exe, floor_exe, bare_exe, args.runs)
    app_ms, floor_ms, bare_ms = (times[name] * 1000 for name in ("app", "floor", "bare"))
    rows = [("bundle folder", f"{size:.1f} MiB", BUDGETS["folder_mib"], size),
            ("archive", f"{archive:.1f} MiB", BUDGETS["archive_mib"], archive),
            ("start-up vs its frozen floor", f"{app_ms:.0f} ms vs {floor_ms:.0f} ms = {times['ratio']:.2f}x",
             BUDGETS["startup_ratio"], times["ratio"])]
    failed = 0
    for name, measured, budget, value in rows:
        ok = value <= budget
        failed += not ok
        print(f"{name:38} {measured:32} budget <= {budget:g}  {'ok' if ok else 'OVER'}")
    print(f"{'(for reference) vs frozen bare QMainWindow':38} {app_ms:.0f} ms vs {bare_ms:.0f} ms = "
          f"{app_ms / bare_ms:.2f}x")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
