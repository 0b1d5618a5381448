"""`report-viewer export ID --format pdf -o FILE`: the report with its notes printed to PDF with no display."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO, SAMPLE

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def run_headless(*args, data_dir):
    """The CLI as a subprocess on a machine with no display: no DISPLAY, no Wayland, no Qt platform chosen."""
    env = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    env.update(REPORT_VIEWER_DATA_DIR=str(data_dir), PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "viewer", *map(str, args)], env=env, capture_output=True,
                          timeout=120, cwd=REPO)
    proc.stdout_text, proc.stderr_text = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    return proc


@pytest.fixture
def library(tmp_path):
    """A library holding the sample with one note."""
    db = tmp_path / "lib.sqlite3"
    assert run_headless("--db", db, "import", SAMPLE, data_dir=tmp_path).returncode == 0
    text = SAMPLE.read_text("utf-8")
    start = text.index("新增四项工作制度")
    added = run_headless("--db", db, "notes", "1", "add", "--start", start, "--end", start + 8,
                         "--text", "请核对四项制度的名称", data_dir=tmp_path)
    assert added.returncode == 0, added.stderr_text
    return db


def test_export_pdf_prints_the_report_with_its_notes_without_a_display(library, tmp_path):
    out = tmp_path / "报告.pdf"
    proc = run_headless("--db", library, "export", "1", "--format", "pdf", "-o", out, "--lang", "zh",
                        data_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr_text
    assert str(out) in proc.stdout_text and "PDF" in proc.stdout_text
    assert shutil.which("pdftotext"), "pdftotext is missing: install poppler-utils (the Makefile's APT_PACKAGES)"
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                                             check=True).stdout.decode("utf-8"))
    assert "重庆市渝中区司法局2020年法治政府建设工作情况报告" in text
    assert "请核对四项制度的名称" in text
    assert re.search(r"第1页/共\d+页", text)


def test_export_pdf_without_output_is_one_line_and_exit_2(library, tmp_path):
    proc = run_headless("--db", library, "export", "1", "--format", "pdf", data_dir=tmp_path)
    assert proc.returncode == 2
    assert proc.stdout == b"" and len(proc.stderr_text.strip().splitlines()) == 1 and "-o" in proc.stderr_text


def test_export_pdf_to_an_unwritable_place_is_one_line_and_exit_2(library, tmp_path):
    proc = run_headless("--db", library, "export", "1", "--format", "pdf", "-o", tmp_path / "no" / "x.pdf",
                        data_dir=tmp_path)
    assert proc.returncode == 2 and len(proc.stderr_text.strip().splitlines()) == 1


def test_other_export_formats_never_load_qt(library, tmp_path):
    script = ("import sys; from viewer.cli import main; code = main(sys.argv[1:]); "
              "sys.stderr.write(repr(sorted(m for m in sys.modules if m.startswith('PySide6')))); sys.exit(code)")
    proc = subprocess.run([sys.executable, "-c", script, "--db", str(library), "export", "1", "--format", "md",
                           "-o", str(tmp_path / "n.md")], capture_output=True, timeout=120, cwd=REPO,
                          env=dict(os.environ, REPORT_VIEWER_DATA_DIR=str(tmp_path)))
    assert proc.returncode == 0 and proc.stderr.decode() == "[]"


def test_export_pdf_labels_follow_the_cli_language(library, tmp_path):
    out = tmp_path / "report-en.pdf"
    proc = run_headless("--db", library, "export", "1", "--format", "pdf", "-o", out, "--lang", "en",
                        data_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr_text
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert re.search(r"Page 1 of \d+", text) and "第 1 页" not in text
    assert "请核对四项制度的名称" in text                         # the note itself is never translated


def test_export_pdf_without_output_says_so_in_chinese_under_a_chinese_locale(library, tmp_path):
    proc = run_headless("--db", library, "export", "1", "--format", "pdf", "--lang", "zh", data_dir=tmp_path)
    assert proc.returncode == 2 and proc.stderr_text.startswith("错误：") and "必须用 -o" in proc.stderr_text


def test_an_english_pdf_names_a_highlights_colour_in_english(library, tmp_path):
    text = SAMPLE.read_text("utf-8")
    start = text.index("新增四项工作制度")
    added = run_headless("--db", library, "notes", "1", "add", "--kind", "highlight", "--colour", "yellow",
                         "--start", start + 10, "--end", start + 20, "--text", "核对", data_dir=tmp_path)
    assert added.returncode == 0, added.stderr_text
    out = tmp_path / "report.pdf"
    proc = run_headless("--db", library, "export", "1", "--format", "pdf", "-o", out, "--lang", "en",
                        data_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr_text
    printed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True,
                             check=True).stdout.decode("utf-8")
    heads = [line for line in printed.splitlines() if line.startswith("Highlight")]
    assert heads and all(line.startswith("Highlight · Key point (") for line in heads), heads
