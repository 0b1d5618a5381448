"""File › Export, Print, Print preview, Save as PDF, Share, Import share: actions, dialogs, files written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from viewer.core import export
from viewer.core.errors import ReportViewerError
from viewer.core.vocab import EXPORT_SUFFIXES, SHARE_SUFFIX
from viewer.services.exports import export_annotations, export_figures_csv, saved_colour_names
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:  # the share dialogs' module loads when first used (start-up)
    from viewer.core.share import ImportPlan
    from viewer.ui.session import ReportSession
    from viewer.ui.dialogs.share_dialogs import ImportPreviewDialog


def get_save_file_name(*args, **kwargs) -> tuple[str, str]:
    """file_dialogs.get_save_file_name, its module loaded on first use (start-up)."""
    from viewer.ui.dialogs import file_dialogs

    return file_dialogs.get_save_file_name(*args, **kwargs)


def get_open_file_name(*args, **kwargs) -> tuple[str, str]:
    """file_dialogs.get_open_file_name, its module loaded on first use (start-up)."""
    from viewer.ui.dialogs import file_dialogs

    return file_dialogs.get_open_file_name(*args, **kwargs)


def is_share_file(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(SHARE_SUFFIX)


class ExportActions(QObject):
    """Owns a session's export, print and share actions; every file it writes is named in a notice.

    `parent` holds the actions and the dialogs; `colour_names` gives the highlight colours' meanings."""

    noticeRequested = Signal(str)           # a short confirmation for the status bar

    def __init__(self, session: "ReportSession", parent: QWidget,
                 colour_names: Callable[[], dict[str, str]]):
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.colour_names = colour_names
        self.export_annotations_action = QAction(parent)
        self.export_figures_action = QAction(parent)
        self.print_action = QAction(parent)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_preview_action = QAction(parent)
        self.pdf_action = QAction(parent)
        self.share_action = QAction(parent)
        self.import_share_action = QAction(parent)
        self.preview_dialog: ImportPreviewDialog | None = None
        self.print_preview_dialog: QDialog | None = None
        self.print_preview_printer = None
        self._connect_signals()
        self.retranslate()
        self.update_enabled()

    def _connect_signals(self) -> None:
        self.export_annotations_action.triggered.connect(self.export_annotations)
        self.export_figures_action.triggered.connect(self.export_figures)
        self.print_action.triggered.connect(self.print_report)
        self.print_preview_action.triggered.connect(self.print_preview)
        self.pdf_action.triggered.connect(self.save_pdf)
        self.share_action.triggered.connect(self.share)
        self.import_share_action.triggered.connect(self.choose_share_file)
        self.session.documentOpened.connect(lambda _doc: self.update_enabled())
        self.session.languageChanged.connect(lambda _lang: self.retranslate())

    def retranslate(self) -> None:
        self.export_annotations_action.setText(self.tr("导出批注和书签(&E)…"))
        self.export_figures_action.setText(self.tr("导出数据表 (CSV)…"))
        self.print_action.setText(self.tr("打印(&P)…"))
        self.print_preview_action.setText(self.tr("打印预览(&V)…"))
        self.pdf_action.setText(self.tr("另存为 PDF…"))
        self.share_action.setText(self.tr("分享批注和书签(&S)…"))
        self.import_share_action.setText(self.tr("导入分享文件(&I)…"))

    def actions_needing_report(self) -> list[QAction]:
        return [self.export_annotations_action, self.export_figures_action, self.print_action,
                self.print_preview_action, self.pdf_action, self.share_action]

    def update_enabled(self) -> None:
        for action in self.actions_needing_report():
            action.setEnabled(self.session.doc_id is not None)

    # -- helpers ------------------------------------------------------------------------------

    def _default_path(self, suffix: str) -> str:
        return str(Path.home() / f"{export.file_stem(self.session.title)}{suffix}")

    def _write(self, path: str | os.PathLike, data: bytes, what: str) -> bool:
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            QMessageBox.warning(self.parent_widget, self.tr("导出失败"),
                                self.tr("{0}：无法写入（{1}）；请另选位置").format(path, exc.strerror))
            return False
        self.noticeRequested.emit(self.tr("已保存{0}：{1}").format(what, path))
        return True

    # -- exports ------------------------------------------------------------------------------

    def export_annotations(self) -> None:
        if self.session.doc_id is None:
            return
        filters = ";;".join([self.tr("Markdown 简报 (*.md)"), self.tr("网页 HTML (*.html)"),
                             self.tr("Excel 表格 CSV (*.csv)"), self.tr("Web Annotation JSON-LD (*.jsonld)")])
        path, chosen = get_save_file_name(self.parent_widget, self.tr("导出批注和书签"),
                                          self._default_path(self.tr("-批注") + ".md"), filters)
        if not path:
            return
        suffix = Path(path).suffix.lower()
        if suffix not in EXPORT_SUFFIXES:
            suffix = "." + chosen.rsplit("*.", 1)[-1].rstrip(")") if "*." in chosen else ".md"
            path += suffix
        self.write_annotations(path, EXPORT_SUFFIXES[suffix])

    def write_annotations(self, path: str | os.PathLike, fmt: str) -> bool:
        session = self.session      # the file is in the report's language: Chinese colour names (or the user's)
        data = export_annotations(session.store, session.doc_id, fmt, saved_colour_names(session.store))
        return self._write(path, data, self.tr("批注和书签"))

    def export_figures(self) -> None:
        if self.session.doc_id is None:
            return
        path, _ = get_save_file_name(self.parent_widget, self.tr("导出数据表"),
                                              self._default_path(self.tr("-数据") + ".csv"), "CSV (*.csv)")
        if path:
            self.write_figures_csv(path)

    def write_figures_csv(self, path: str | os.PathLike) -> bool:
        session = self.session
        return self._write(path, export_figures_csv(session.store, session.doc_id), self.tr("数据表"))

    # -- print and PDF ------------------------------------------------------------------------

    def print_document(self):
        from viewer.ui.exports.report_printer import build_print_document

        session = self.session
        return build_print_document(session.title, session.text, session.sections, session.annotations(),
                                    self.colour_names(), pages=session.pages)

    def save_pdf(self) -> None:
        """Ask for a .pdf path in a save dialog of its own (not the print dialog), then write it."""
        if self.session.doc_id is None:
            return
        path, _ = get_save_file_name(self.parent_widget, self.tr("另存为 PDF"), self._default_path(".pdf"),
                                     self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.write_pdf(path if path.lower().endswith(".pdf") else path + ".pdf")

    def write_pdf(self, path: str | os.PathLike) -> bool:
        from viewer.ui.exports.report_printer import write_pdf

        try:
            write_pdf(self.print_document(), str(path), title=self.session.title)
        except ReportViewerError as exc:
            QMessageBox.warning(self.parent_widget, self.tr("导出失败"), error_text(exc))
            return False
        self.noticeRequested.emit(self.tr("已保存 PDF：{0}").format(path))
        return True

    def print_report(self) -> None:
        if self.session.doc_id is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from viewer.ui.exports.report_printer import print_document, set_up_printer

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_up_printer(printer, self.session.title)
        dialog = QPrintDialog(printer, self.parent_widget)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                print_document(self.print_document(), printer, title=self.session.title)
            except ReportViewerError as exc:
                QMessageBox.warning(self.parent_widget, self.tr("打印失败"), error_text(exc))

    def make_print_preview(self) -> QDialog:
        """A print preview of the report, the same pages as Print and Save as PDF; shown by print_preview."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from viewer.ui.exports.report_printer import print_document, set_up_printer

        title = self.session.title
        # The dialog only points at its printer: kept here (until the next preview) so Python never frees it first.
        self.print_preview_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_up_printer(self.print_preview_printer, title)
        dialog = QPrintPreviewDialog(self.print_preview_printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("打印预览 — {0}").format(title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        document = self.print_document()
        dialog.paintRequested.connect(lambda device: print_document(document, device, title=title))
        dialog.destroyed.connect(lambda: setattr(self, "print_preview_dialog", None))
        self.print_preview_dialog = dialog
        return dialog

    def print_preview(self) -> None:
        if self.session.doc_id is None:
            return
        self.make_print_preview().exec()

    # -- sharing ------------------------------------------------------------------------------

    def share(self) -> None:
        from viewer.ui.dialogs.share_dialogs import ShareDialog

        if self.session.doc_id is None:
            return
        live = self.session.annotations()
        counts = {"all": len(live), "notes": sum(a.kind == "note" for a in live),
                  "bookmarks": sum(a.kind == "bookmark" for a in live),
                  "highlights": sum(a.kind == "highlight" for a in live)}
        dialog = ShareDialog(self.session.title, counts, self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, _ = get_save_file_name(self.parent_widget, self.tr("保存分享文件"), self._default_path(SHARE_SUFFIX),
                                              self.tr("分享文件 (*{0})").format(SHARE_SUFFIX))
        if path:
            self.write_share(path if is_share_file(path) else path + SHARE_SUFFIX,
                             dialog.only(), dialog.include_report.isChecked())

    def write_share(self, path: str | os.PathLike, only: str = "all", include_report: bool = False) -> bool:
        from viewer.core.share import share_bytes
        from viewer.services.sharing import build_share

        data = share_bytes(build_share(self.session.store, [self.session.doc_id], only=only,
                                       include_report=include_report))
        return self._write(path, data, self.tr("分享文件"))

    def choose_share_file(self) -> None:
        path, _ = get_open_file_name(self.parent_widget, self.tr("导入分享文件"), str(Path.home()),
                                              self.tr("分享文件 (*{0} *.json);;所有文件 (*)").format(SHARE_SUFFIX))
        if path:
            self.preview_import(path)

    def preview_import(self, path: str | os.PathLike) -> ImportPreviewDialog | None:
        """Read and plan a share file, then show the preview (window-modal); Import applies the plan."""
        from viewer.core.share import read_share_file
        from viewer.services.sharing import plan_import
        from viewer.ui.dialogs.share_dialogs import ImportPreviewDialog

        name = Path(path).name
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)     # a big file takes a moment
        try:
            plan = plan_import(self.session.store, read_share_file(path, name), name)
        except ReportViewerError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self.parent_widget, self.tr("无法导入分享文件"), error_text(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        dialog = ImportPreviewDialog(plan, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_import(plan))
        dialog.destroyed.connect(lambda: setattr(self, "preview_dialog", None))
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def apply_import(self, plan: "ImportPlan") -> None:
        """Import (the session announces what changed, so the open report's marks follow); with no
        report open, open the first one the file brought."""
        session = self.session
        try:
            outcome = session.import_share(plan)
        except ReportViewerError as exc:
            QMessageBox.warning(self.parent_widget, self.tr("无法导入分享文件"), error_text(exc))
            return
        if session.doc_id is None and outcome.new_document_ids:
            session.open_document(outcome.new_document_ids[0])
        counts = outcome.counts
        self.noticeRequested.emit(self.tr("已导入分享文件：新增 {0}，更新 {1}，冲突 {2}，待报告 {3}").format(
            counts["new"] + counts["unplaced"], counts["updated"] + counts["deleted"],
            counts["conflict"], counts["pending"]))
