"""The bundle's start-up budget compares like with like: its floor is the bench's floor code, frozen,
and the measurement runs the app, the floor and the bare window in alternating rounds."""

import importlib.util
import os
import subprocess
import sys

from tests.conftest import REPO, SAMPLE
from viewer.bench import FLOOR_WINDOW

FLOOR_SCRIPT = REPO / "packaging" / "floor_window.py"


def _measure_bundle():
    spec = importlib.util.spec_from_file_location("measure_bundle", REPO / "packaging" / "measure_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_frozen_floor_is_the_benchs_floor():
    assert FLOOR_SCRIPT.read_text("utf-8").endswith(FLOOR_WINDOW)
    assert "floor_window.py" in (REPO / "packaging" / "floor_window.spec").read_text("utf-8")


def test_the_floor_script_shows_the_sample_and_ends():
    proc = subprocess.run([sys.executable, str(FLOOR_SCRIPT), str(SAMPLE)], capture_output=True, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stderr.decode()


def test_the_start_up_rounds_time_the_app_its_floor_and_the_bare_window(tmp_path):
    measure = _measure_bundle()
    assert measure.SAMPLE == SAMPLE
    made = {}
    for name, code in (("app", "import sys; from viewer.cli import main; sys.exit(main(sys.argv[1:]))"),
                       ("floor", FLOOR_SCRIPT.read_text("utf-8")),
                       ("bare", (REPO / "packaging" / "bare_window.py").read_text("utf-8"))):
        script = tmp_path / f"{name}.py"
        script.write_text(code, "utf-8")
        exe = tmp_path / name
        exe.write_text(f"#!/bin/sh\nexec '{sys.executable}' '{script}' \"$@\"\n")
        exe.chmod(0o755)
        made[name] = exe
    times = measure.startup(made["app"], made["floor"], made["bare"], runs=1)
    assert set(times) == {"app", "floor", "bare", "ratio"}
    assert all(value > 0 for value in times.values())
    assert times["ratio"] == times["app"] / times["floor"]          # one round: its own ratio
