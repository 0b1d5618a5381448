"""The Qt binding must not leak references to None/True/False (PySide6 6.12.0 did, and crashed)."""

import subprocess
import sys

from tests.conftest import REPO
from viewer.ui.binding_check import TOLERANCE, leak_problem

CHECK = """
from viewer.ui.binding_check import refcount_drift
import json
print(json.dumps(refcount_drift(calls=1500)))
"""


def test_thousands_of_void_qt_calls_leave_none_true_and_false_counts_alone():
    # In a child process: a leaking binding aborts the interpreter instead of failing an assert.
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=120,
                          cwd=REPO, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, f"the binding crashed the interpreter: {proc.stderr[-500:]}"
    import json

    drift = json.loads(proc.stdout.strip().splitlines()[-1])
    assert all(drop <= TOLERANCE for drop in drift.values()), drift


def test_the_leak_check_passes_in_process_with_the_pinned_binding(qapp):
    assert leak_problem(calls=300) is None


def test_the_leak_check_names_the_binding_when_counts_fall(qapp, monkeypatch):
    from viewer.ui import binding_check

    monkeypatch.setattr(binding_check, "refcount_drift", lambda calls: {"None": 300, "True": 0, "False": 3})
    problem = binding_check.leak_problem(300)
    assert "None by 300" in problem and "False" not in problem and "PySide6" in problem


def test_self_test_fails_first_on_a_leaking_binding(qapp, monkeypatch):
    from viewer import self_test
    from viewer.ui import binding_check

    monkeypatch.setattr(binding_check, "leak_problem", lambda calls: "PySide6 6.12.0 loses references")
    lines: list[str] = []
    assert self_test.run_self_test(lines.append) == 1
    assert lines == ["self-test FAILED at 'Qt binding keeps reference counts': "
                     "SelfTestFailure: PySide6 6.12.0 loses references"]


def test_self_test_checks_the_binding_and_passes(run_cli):
    proc = run_cli("--self-test", check_exit=0)
    assert "ok: Qt binding keeps reference counts" in proc.stdout_text
    assert proc.stdout_text.strip().endswith("self-test OK")
