"""The app on a library it cannot open: a message box with the one line and the choices, not a traceback."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer.cli.args import parse_app_args
from viewer.store import LibraryStore
from viewer.ui.app import open_library, run_app


def answer_the_message_box(shown: list[str]) -> None:
    """When the modal box comes up: note its text and press its button."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, close)


def test_a_damaged_library_is_shown_in_a_message_box_with_the_choices_and_left_as_it_is(qapp, tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not sqlite" * 500)
    shown: list[str] = []
    answer_the_message_box(shown)
    assert open_library(qapp, path, "en") is None
    assert len(shown) == 1 and str(path) in shown[0] and "restore-backup" in shown[0] and "--db" in shown[0]
    assert path.read_bytes() == b"this is not sqlite" * 500


def test_the_app_ends_with_status_2_when_its_library_cannot_be_opened(qapp, tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"\x00" * 8192)
    shown: list[str] = []
    answer_the_message_box(shown)
    assert run_app(parse_app_args(["--db", str(path), "--lang", "zh"])) == 2
    assert len(shown) == 1 and "restore-backup" in shown[0] and str(path) in shown[0]
    assert path.read_bytes() == b"\x00" * 8192


def test_a_screenshot_run_on_a_library_it_cannot_open_ends_with_status_2_without_waiting_on_a_box(
        qapp, tmp_path, capsys):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"\x00" * 8192)
    args = parse_app_args(["--db", str(path), "--screenshot", str(tmp_path / "shot.png"), "--lang", "en"])
    assert run_app(args) == 2
    line = capsys.readouterr().err
    assert line.startswith("error: ") and str(path) in line and "restore-backup" in line
    assert not (tmp_path / "shot.png").exists() and path.read_bytes() == b"\x00" * 8192


def test_a_library_that_opens_is_returned_ready(qapp, tmp_path):
    store = open_library(qapp, tmp_path / "lib.sqlite3", "zh")
    assert isinstance(store, LibraryStore)
    store.close()


def test_the_daily_backup_is_written_after_opening_and_a_failure_is_only_said(qapp, tmp_path, capsys, monkeypatch):
    from tests.conftest import SAMPLE
    from viewer.core.errors import StoreError
    from viewer.core.report import parse_path
    from viewer.store import backup
    from viewer.ui.app import back_up_if_due

    store = open_library(qapp, tmp_path / "lib.sqlite3", "zh")
    store.import_report(parse_path(SAMPLE))
    assert backup.backups(store.path) == []          # opening writes nothing: the window is drawn first
    back_up_if_due(store, "zh")
    assert len(backup.backups(store.path)) == 1

    def full(_store, **_kwargs):
        raise StoreError("store.busy", path=str(store.path), seconds=5)

    monkeypatch.setattr(backup, "backup_if_due", full)
    back_up_if_due(store, "en")
    assert "busy" in capsys.readouterr().err
    store.close()
