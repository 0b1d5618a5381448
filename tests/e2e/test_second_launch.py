"""Double-clicking a file while the app is open: the second launch hands the file to the running
window and exits; the running window imports it (one window, one library)."""

import json
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO, SAMPLE

pytestmark = pytest.mark.slow


def _wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_second_launch_hands_its_file_to_the_running_window(tmp_path, display_env, monkeypatch):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    env = dict(display_env, XDG_RUNTIME_DIR=str(runtime), REPORT_VIEWER_DATA_DIR=str(tmp_path / "data"),
               PYTHONIOENCODING="utf-8")
    db = tmp_path / "library.sqlite3"
    other = tmp_path / "第二份报告.txt"
    other.write_text("第二份年度工作报告\n" + SAMPLE.read_text("utf-8").split("\n", 1)[1], "utf-8")
    from viewer.ui.single_instance import channel_address

    address, _family = channel_address(db)
    first = subprocess.Popen([sys.executable, "-m", "viewer", "--db", str(db)], env=env, cwd=REPO,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _wait_for(lambda: os.path.exists(address) or first.poll() is not None), "the first window never listened"
        assert first.poll() is None, first.stderr.read().decode()
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "viewer", "--db", str(db), str(other)], env=env, cwd=REPO,
                                capture_output=True, timeout=60)
        assert second.returncode == 0, second.stderr.decode()
        assert time.monotonic() - started < 30                   # it handed over and left; no second window

        def titles():
            listed = subprocess.run([sys.executable, "-m", "viewer", "list", "--json", "--db", str(db)], env=env,
                                    cwd=REPO, capture_output=True, timeout=60)
            return [d["title"] for d in json.loads(listed.stdout or b"[]")] if listed.returncode == 0 else []

        assert _wait_for(lambda: "第二份年度工作报告" in titles()), titles()
        assert first.poll() is None                              # the first window is still the one open
    finally:
        first.terminate()
        first.wait(timeout=30)
        first.stderr.close()
