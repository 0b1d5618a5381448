"""A note's time reads the same wherever a person sees it: panel, tooltip, every export, print."""

import csv
import io
import json

import pytest
from PySide6.QtCore import Qt

from viewer.store import clock as store_clock
from viewer.ui.annotations.annotation_model import MetaRole

CREATED_UTC = "2026-12-02T07:30:00.000000+00:00"
EDITED_UTC = "2026-12-02T08:45:00.000000+00:00"
CREATED_HERE = "2026-12-02 15:30 (+08:00)"           # the same moments on a computer in China
EDITED_HERE = "2026-12-02 16:45 (+08:00)"


@pytest.fixture
def noted(window, monkeypatch, china_time):
    """The sample with one note written at CREATED_UTC and edited at EDITED_UTC, in the 批注 tab."""
    window.session.set_setting("author", "张三")
    start = window.view.text().index("法治政府")
    monkeypatch.setattr(store_clock, "now_precise", lambda: CREATED_UTC)
    note = window.session.add_annotation("note", start, start + 4, body="核对口径")
    monkeypatch.setattr(store_clock, "now_precise", lambda: EDITED_UTC)
    window.session.update_annotation(note.uuid, body="核对口径和来源")
    return window


def test_notes_panel_card_and_tooltip_show_local_time_with_offset(noted):
    model = noted.annotation_model
    index = model.index(0, 0)
    assert index.data(MetaRole) == f"张三 · 修改于 {EDITED_HERE}"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"创建于 {CREATED_HERE}" in tip and f"修改于 {EDITED_HERE}" in tip


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markdown_and_html_exports_show_the_same_local_time_as_the_panel(noted, tmp_path, fmt):
    path = tmp_path / f"notes.{fmt}"
    assert noted.exports.write_annotations(path, fmt)
    out = path.read_text("utf-8")
    assert f"修改于 {EDITED_HERE}" in out and f"创建于 {CREATED_HERE}" in out
    assert "UTC" not in out and "07:30" not in out


def test_csv_export_shows_local_times_with_offset(noted, tmp_path):
    path = tmp_path / "notes.csv"
    assert noted.exports.write_annotations(path, "csv")
    header, row = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    assert row[header.index("创建")] == CREATED_HERE and row[header.index("修改")] == EDITED_HERE


def test_share_file_keeps_utc(noted, tmp_path):
    path = tmp_path / "notes.jsonld"
    assert noted.exports.write_annotations(path, "jsonld")
    item = json.loads(path.read_text("utf-8"))["first"]["items"][0]
    assert item["created"].startswith("2026-12-02T07:30:00") and item["modified"].startswith("2026-12-02T08:45:00")


def test_print_shows_the_notes_local_change_time(noted):
    plain = noted.exports.print_document().toPlainText()
    assert f"修改于 {EDITED_HERE}" in plain
