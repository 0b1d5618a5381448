"""Batch import in the window: off the UI thread (the event loop keeps turning), progress, cancel,
a summary naming each failure, the session and the Recent menu told of the new reports."""

import threading
import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton

from tests.services.test_batch_import import write_reports


def _run_batch(qtbot, win, paths):
    batch = win.batch_import
    with qtbot.waitSignal(batch.finished, timeout=60000) as finished:
        assert batch.start(paths)
    return finished.args[0]


def test_the_event_loop_keeps_turning_while_30_files_import(qtbot, make_window, tmp_path, monkeypatch):
    import viewer.services.library as library

    write_reports(tmp_path / "reports", 30)
    real = library.import_file
    ticks, turned = [0], []

    def waits_for_the_ui(store, path):   # file 15 goes on only once the UI thread's timer has ticked 3 times
        if path.endswith("r014.txt"):
            start = ticks[0]
            turned.append(release_when(lambda: ticks[0] >= start + 3))
        return real(store, path)

    win = make_window()
    monkeypatch.setattr(library, "import_file", waits_for_the_ui)
    timer = QTimer(win)
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    result = _run_batch(qtbot, win, [tmp_path / "reports"])
    timer.stop()
    assert turned == [True]
    assert len(result.imported) == 30 and not result.failed
    assert win.batch_import.thread is None and win.batch_import.progress_dialog is None
    assert len(win.store.documents()) == 31          # the sample the window opened, and the 30
    win.batch_import.summary_box.close()


def release_when(condition, limit_s=30.0) -> bool:
    """Wait (in the import thread) until `condition()`; False if it never came."""
    event = threading.Event()
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        event.wait(0.001)
    return True


def test_the_progress_dialog_shows_n_of_total_and_the_current_file(qtbot, make_window, tmp_path):
    write_reports(tmp_path / "reports", 3)
    win = make_window()
    batch = win.batch_import
    labels = []
    real = batch._show_progress

    def shown(n, total, path):
        real(n, total, path)
        labels.append((batch.progress_dialog.labelText(), batch.progress_dialog.maximum()))

    batch._show_progress = shown
    with qtbot.waitSignal(batch.finished, timeout=60000):
        batch.start([tmp_path / "reports"])
    assert labels == [("1 / 3：r000.txt", 3), ("2 / 3：r001.txt", 3), ("3 / 3：r002.txt", 3)]
    batch.summary_box.close()


def test_cancel_stops_the_import_after_the_current_file(qtbot, make_window, tmp_path, monkeypatch):
    import viewer.services.library as library

    write_reports(tmp_path / "reports", 30)
    real = library.import_file
    calls, release = [], threading.Event()

    def slow_second(store, path):        # the second file waits until Cancel has been pressed
        calls.append(path)
        if len(calls) == 2:
            release.wait(30)
        return real(store, path)

    win = make_window()
    monkeypatch.setattr(library, "import_file", slow_second)
    batch = win.batch_import
    with qtbot.waitSignal(batch.finished, timeout=60000) as finished:
        batch.start([tmp_path / "reports"])
        qtbot.waitUntil(lambda: len(calls) == 2)
        batch.progress_dialog.findChild(QPushButton).click()      # the dialog's Cancel
        release.set()
    result = finished.args[0]
    assert result.cancelled and len(result.imported) == 2 and len(calls) == 2
    assert len(win.store.documents()) == 3          # the sample the window opened, and the 2
    assert "取消" in batch.summary_box.text()
    batch.summary_box.close()


def test_the_summary_counts_imported_already_and_names_each_failure(qtbot, make_window, tmp_path):
    write_reports(tmp_path / "reports", 3)
    win = make_window()
    _run_batch(qtbot, win, [tmp_path / "reports"])
    win.batch_import.summary_box.close()
    write_reports(tmp_path / "reports", 1, start=10)
    (tmp_path / "reports" / "broken.txt").write_bytes(b"\x00\x01\x02" * 40)
    result = _run_batch(qtbot, win, [tmp_path / "reports"])
    text = win.batch_import.summary_box.text()
    assert len(result.imported) == 1 and len(result.already) == 3 and len(result.failed) == 1
    assert text.startswith("已导入 1 份，已在资料库中 3 份，失败 1 份。") and "broken.txt" in text
    win.batch_import.summary_box.close()


def test_the_session_hears_of_the_new_reports_and_the_recent_menu_lists_them(qtbot, make_window, tmp_path):
    write_reports(tmp_path / "reports", 4)
    win = make_window()
    reading = win.doc_id
    with qtbot.waitSignal(win.session.reportsImported, timeout=60000) as heard:
        win.batch_import.start([tmp_path / "reports"])
    assert len(heard.args[0].imported) == 4
    qtbot.waitUntil(lambda: win.batch_import.summary_box is not None)
    titles = [a.text() for a in win.recent_menu.actions()]
    assert sum("号工作的报告" in t for t in titles) == 4
    assert win.doc_id == reading                # the report being read stays open
    win.batch_import.summary_box.close()


def test_dropping_several_files_and_a_folder_imports_them_all(qtbot, make_window, tmp_path):
    loose = write_reports(tmp_path / "loose", 2)
    write_reports(tmp_path / "folder", 3, start=20)
    win = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in (*loose, tmp_path / "folder")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(win.batch_import.finished, timeout=60000) as finished:
        win.dropEvent(event)
    assert len(finished.args[0].imported) == 5
    win.batch_import.summary_box.close()


def test_file_menu_offers_import_folder(make_window):
    win = make_window()
    assert win.import_folder_action in win.file_menu.actions()
    assert win.import_folder_action.text() == "导入文件夹(&F)…"


def test_an_in_memory_library_imports_on_its_own_connection(qtbot, tmp_path):
    from viewer.store import LibraryStore
    from viewer.ui.main_window import MainWindow

    write_reports(tmp_path / "reports", 2)
    with LibraryStore(":memory:") as store:
        win = MainWindow(store)
        qtbot.addWidget(win)
        with qtbot.waitSignal(win.batch_import.finished, timeout=60000) as finished:
            win.batch_import.start([tmp_path / "reports"])
        assert len(finished.args[0].imported) == 2 and len(store.documents()) == 2
        win.batch_import.summary_box.close()
        win.close()                                 # before its library closes


def test_a_batch_worth_parse_workers_imports_every_file_from_the_import_thread(qtbot, make_window, tmp_path,
                                                                               monkeypatch):
    from pathlib import Path

    from viewer.services import parse_pool

    monkeypatch.setattr(parse_pool.os, "cpu_count", lambda: 2)
    started = []
    real_start = parse_pool._start_pool
    monkeypatch.setattr(parse_pool, "_start_pool", lambda workers: started.append(workers) or real_start(workers))
    count = parse_pool.POOL_MIN_FILES + 2
    write_reports(tmp_path / "reports", count)
    (tmp_path / "reports" / "bad.txt").write_bytes(b"")
    win = make_window()
    result = _run_batch(qtbot, win, [tmp_path / "reports"])
    assert started == [2]                          # spawned processes, started from the QThread
    assert len(result.imported) == count and [Path(p).name for p, _e in result.failed] == ["bad.txt"]
    assert len(win.store.documents()) == count + 1
    win.batch_import.summary_box.close()
