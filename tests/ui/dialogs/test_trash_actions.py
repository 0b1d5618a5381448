"""文件 › 移到回收站: asks first, keeps the notes, opens another report; No or the last report change nothing."""

from PySide6.QtWidgets import QMessageBox

from tests.conftest import SAMPLE

SMALL = "关于2025年工作的报告\n一、总体情况\n全年共办理案件41件，同比增长12.5%。\n"


def _two_reports(make_window, tmp_path):
    small = tmp_path / "small.txt"
    small.write_text(SMALL, encoding="utf-8")
    win = make_window(small)
    small_id = win.session.doc_id
    assert win.import_and_open(SAMPLE)
    return win, small_id


def test_yes_moves_the_open_report_to_the_trash_keeps_its_note_and_opens_another(make_window, tmp_path, monkeypatch):
    win, small_id = _two_reports(make_window, tmp_path)
    sample_id = win.session.doc_id
    note = win.session.add_annotation("note", 0, 4, body="核对")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    change = win.trash.remove_open_report()
    assert change.document_id == sample_id and change.changed and len(asked) == 1 and "1" in asked[0]
    assert win.session.doc_id == small_id
    assert [d.id for d in win.store.documents()] == [small_id]
    assert win.store.is_removed(sample_id) and win.store.annotations(sample_id) == [note]


def test_no_changes_nothing(make_window, tmp_path, monkeypatch):
    win, _small_id = _two_reports(make_window, tmp_path)
    open_id, before = win.session.doc_id, win.store.dump()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert win.trash.remove_open_report() is None
    assert win.session.doc_id == open_id and win.store.dump() == before


def test_the_only_report_is_not_removed_and_the_box_says_why(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    before = window.store.dump()
    assert window.trash.remove_open_report() is None
    assert len(shown) == 1 and "唯一" in shown[0] and window.store.dump() == before
