"""Choosing a report to open: the File › Recent entries (title, file, import date) and the Open
dialog's remembered folder and file-type filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from viewer.core.messages import render_code
from viewer.store.settings import OPEN_FOLDER
from viewer.core.model import DocumentInfo
from viewer.core.times import local_date
from viewer.ui import ui_language
from viewer.ui.dialogs.file_dialogs import get_open_file_name

TITLE_CHARS = 40                # a longer title is cut in the menu; the tooltip has all of it


class Settings(Protocol):
    """Where settings are read and kept: the window's ReportSession (or a LibraryStore)."""

    def get_setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...


def recent_text(info: DocumentInfo) -> str:
    """A Recent menu entry: `标题 — 文件名 · 2026-12-02`, so two reports with one title differ."""
    title = info.title if len(info.title) <= TITLE_CHARS else info.title[:TITLE_CHARS - 1] + "…"
    source = info.source_name or Path(info.source_path).name
    detail = " · ".join(part for part in (source, local_date(info.imported_at)) if part)
    text = f"{title} — {detail}" if detail else title
    return text.replace("&", "&&")          # a menu text's & would be a mnemonic


def recent_tip(info: DocumentInfo) -> str:
    """The entry's tooltip and status tip: full title, where it came from, when it was imported."""
    lines = [info.title]
    if info.source_path or info.source_name:
        lines.append(QCoreApplication.translate("ReportChooser", "文件：{0}").format(
            info.source_path or info.source_name))
    lines.append(QCoreApplication.translate("ReportChooser", "导入于 {0}").format(local_date(info.imported_at)))
    return "\n".join(lines)


def report_filters() -> list[str]:
    """The Open dialog's file types: every format ingest reads first, each also on its own (the
    extensions and names come from viewer.core.ingest.registry), then all files."""
    from viewer.core.ingest import registry      # here, not at start-up: it loads the format readers

    formats = registry.open_dialog_filters()
    every = " ".join(pattern for _, patterns in formats for pattern in patterns)
    return ([QCoreApplication.translate("ReportChooser", "报告 ({0})").format(every)]
            + [f"{render_code(label, ui_language.current())} ({' '.join(patterns)})" for label, patterns in formats]
            + [QCoreApplication.translate("ReportChooser", "所有文件 (*)")])


def start_folder(store: Settings) -> str:
    """Where the Open dialog starts: the folder of the last report opened from disk, else home."""
    folder = store.get_setting(OPEN_FOLDER)
    if isinstance(folder, str) and folder and Path(folder).is_dir():
        return folder
    return str(Path.home())


def remember_folder(store: Settings, path: str) -> None:
    """Keep the folder of a file the user opened, for the next Open dialog."""
    store.set_setting(OPEN_FOLDER, str(Path(path).resolve().parent))


def choose_report(parent: QWidget, store: Settings) -> str:
    """Ask for a report file (the platform's dialog); "" when cancelled. Remembers its folder."""
    filters = report_filters()
    caption = QCoreApplication.translate("ReportChooser", "打开报告")
    path, _ = get_open_file_name(parent, caption, start_folder(store), ";;".join(filters))
    if path:
        remember_folder(store, path)
    return path
