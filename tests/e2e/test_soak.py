"""A long session must not crash: thousands of wheel steps, page keys, find-next steps and report
switches in a real window (Xvfb when the machine has it, else offscreen)."""

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, SAMPLE

pytestmark = pytest.mark.slow


def test_a_long_session_of_scrolling_paging_finding_and_switching_reports_does_not_crash(tmp_path, display_env):
    second = tmp_path / "另一份报告.txt"         # a second report to switch to: the sample, retitled
    second.write_text("另一份年度工作报告\n" + SAMPLE.read_text("utf-8").split("\n", 1)[1], "utf-8")
    proc = subprocess.run([sys.executable, str(REPO / "tests" / "e2e" / "soak_driver.py"),
                           str(tmp_path / "library.sqlite3"), str(SAMPLE), str(second)],
                          env=dict(display_env, REPORT_VIEWER_DATA_DIR=str(tmp_path / "data")),
                          capture_output=True, text=True, timeout=600, cwd=REPO)
    assert proc.returncode == 0, f"the app died (exit {proc.returncode}): {proc.stderr[-2000:]}"
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print("soak:", result)
    assert result["alive"]
    assert result["wheel"] >= 4000 and result["page"] >= 800 and result["find"] >= 1600 and result["switch"] >= 40
    assert result["none_refcount_change"] > -100, result
    assert result["platform"] == display_env["QT_QPA_PLATFORM"]
