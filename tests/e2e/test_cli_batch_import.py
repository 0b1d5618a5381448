"""`report-viewer import DIR…` as a user runs it: a folder of 50 files with bad ones, one line per
file in a pipe, a progress bar on a terminal, a summary line in the CLI's language, exit 2 on failures."""

import os
import subprocess
import struct
import sys
import termios
import zipfile
import fcntl

from tests.conftest import REPO
from tests.services.test_batch_import import write_reports

ZH = {"LANG": "zh_CN.UTF-8"}


def _folder_with_bad_files(tmp_path):
    folder = tmp_path / "reports"
    write_reports(folder, 45)
    write_reports(folder / "2025", 2, start=100)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 40)
    (folder / "empty.txt").write_bytes(b"")
    with zipfile.ZipFile(folder / "fake.docx", "w") as zf:      # a zip, but no Word document in it
        zf.writestr("readme.txt", "hello")
    (folder / ".~lock.r000.txt#").write_text("lock", encoding="utf-8")
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_a_folder_of_50_files_imports_the_good_ones_names_each_bad_one_and_exits_2(run_cli, tmp_path):
    folder = _folder_with_bad_files(tmp_path)
    db = tmp_path / "lib.sqlite3"
    proc = run_cli("--db", db, "import", folder)
    assert proc.returncode == 2
    lines = proc.stdout_text.strip().splitlines()
    assert sum(line.startswith("imported: ") for line in lines) == 47
    assert lines[-1] == "imported 47, already in the library 0, failed 3"
    errors = proc.stderr_text.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith("error: ") for e in errors)
    assert {"broken.txt", "empty.txt", "fake.docx"} == {n for n in ("broken.txt", "empty.txt", "fake.docx")
                                                         if any(n in e for e in errors)}
    listed = run_cli("--db", db, "list", check_exit=0).stdout_text.strip().splitlines()
    assert len(listed) == 47


def test_a_second_run_finds_every_report_already_there_and_exits_0(run_cli, tmp_path):
    folder = tmp_path / "reports"
    write_reports(folder, 5)
    db = tmp_path / "lib.sqlite3"
    run_cli("--db", db, "import", folder, check_exit=0)
    again = run_cli("--db", db, "import", folder, check_exit=0)
    assert again.stdout_text.strip().splitlines()[-1] == "imported 0, already in the library 5, failed 0"


def test_the_summary_line_follows_the_language(run_cli, tmp_path):
    folder = tmp_path / "reports"
    write_reports(folder, 2)
    (folder / "broken.txt").write_bytes(b"\x00\x01" * 40)
    proc = run_cli("--db", tmp_path / "lib.sqlite3", "import", folder, env=ZH)
    assert proc.returncode == 2
    assert proc.stdout_text.strip().splitlines()[-1] == "已导入 2 份，已在资料库中 0 份，失败 1 份"
    assert proc.stderr_text.startswith("错误：")


def test_a_folder_with_no_report_in_it_is_one_error_and_creates_no_library(run_cli, tmp_path):
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "empty-folder" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    db = tmp_path / "fresh.sqlite3"
    proc = run_cli("--db", db, "import", tmp_path / "empty-folder")
    assert proc.returncode == 2 and not db.exists()
    assert proc.stderr_text.strip().endswith("empty-folder: this folder holds no report files "
                                             "(.txt, .html, .docx, .pdf, .ofd, .md)")
    assert proc.stdout_text.strip() == "imported 0, already in the library 0, failed 1"


def test_on_a_terminal_a_progress_bar_counts_the_files_and_the_summary_follows(tmp_path):
    folder = tmp_path / "reports"
    write_reports(folder, 6)
    (folder / "broken.txt").write_bytes(b"\x00\x01" * 40)
    primary, secondary = os.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))   # a 120-column terminal
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(REPORT_VIEWER_DATA_DIR=str(tmp_path / "data"), LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "viewer", "--db", str(tmp_path / "lib.sqlite3"), "import",
                             str(folder)], stdout=secondary, stderr=secondary, env=env, cwd=REPO)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:          # the terminal closed: the program ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert proc.wait(timeout=120) == 2
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "7/7" in shown and "file" in shown                      # tqdm's n/total and unit
    assert "imported: " not in shown                               # no line per file on a terminal
    assert "error: broken.txt" in shown
    assert shown.rstrip().splitlines()[-1].strip() == "imported 6, already in the library 0, failed 1"
