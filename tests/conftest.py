"""Test setup: offscreen Qt, and every data dir pointed at a temporary folder, never the real one."""

import os
import sys
import tempfile
from pathlib import Path

import pytest

# Set before any Qt import anywhere in the suite.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SESSION_HOME = tempfile.mkdtemp(prefix="rv-test-home-")
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = os.path.join(_SESSION_HOME, _var.lower())
os.environ["REPORT_VIEWER_DATA_DIR"] = os.path.join(_SESSION_HOME, "data")

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "seeds" / "000_5858aa637edd593f.txt"
#: The sample's expected tree and figures (a copy of ../shared/fixtures/seed-gold.json, so a clean
#: clone tests against it too).
GOLD = REPO / "tests" / "fixtures" / "seed-gold.json"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Each test gets its own library folder; the user's real one is never touched."""
    data = tmp_path / "data"
    monkeypatch.setenv("REPORT_VIEWER_DATA_DIR", str(data))
    return data


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def run_cli(tmp_path):
    """Run `python -m viewer ARGS` as a subprocess with a private data dir; returns CompletedProcess.

    The locale is C.UTF-8 (English messages) unless `env` says otherwise, e.g. env={"LANG": "zh_CN.UTF-8"}.
    """
    import subprocess

    def run(*args, check_exit=None, input_bytes=None, env=None):
        base = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
        env = {**base, "REPORT_VIEWER_DATA_DIR": str(tmp_path / "cli-data"), "PYTHONIOENCODING": "utf-8",
               "LANG": "C.UTF-8", **(env or {})}
        proc = subprocess.run([sys.executable, "-m", "viewer", *map(str, args)], env=env,
                              capture_output=True, timeout=120, input=input_bytes, cwd=REPO)
        proc.stdout_text = proc.stdout.decode("utf-8")
        proc.stderr_text = proc.stderr.decode("utf-8")
        if check_exit is not None:
            assert proc.returncode == check_exit, proc.stderr_text
        return proc

    return run


@pytest.fixture
def china_time(monkeypatch):
    """The computer's time zone is Asia/Shanghai (UTC+8, no daylight saving) for this test."""
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset (setting the process time zone) is POSIX-only")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
