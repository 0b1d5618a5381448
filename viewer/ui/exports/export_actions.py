"""File › Export, Print, Print preview, Save as PDF, Share, Import share: actions, dialogs, files written."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from viewer.core import export
from viewer.core.errors import ReportViewerError
from viewer.ui.dialogs.file_dialogs import get_open_file_name, get_save_file_name
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:  # the share dialogs' module loads when first used (start-up)
    from viewer.core.share import ImportPlan
    from viewer.ui.dialogs.share_dialogs import ImportPreviewDialog
    from viewer.ui.main_window import MainWindow

#: Export formats: file suffix -> format name used by the CLI's --format.
EXPORT_SUFFIXES = {".md": "md", ".html": "html", ".htm": "html", ".csv": "csv", ".jsonld": "jsonld",
                   ".json": "jsonld"}
SHARE_SUFFIX = ".rvshare.json"


def is_share_file(path: str | os.PathLike) -> bool:
    return str(path).lower().endswith(SHARE_SUFFIX)


class ExportActions(QObject):
    """Owns the window's export, print and share actions; every file it writes is named in the status bar."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.export_annotations_action = QAction(window)
        self.export_figures_action = QAction(window)
        self.print_action = QAction(window)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_preview_action = QAction(window)
        self.pdf_action = QAction(window)
        self.share_action = QAction(window)
        self.import_share_action = QAction(window)
        self.preview_dialog: ImportPreviewDialog | None = None
        self.print_preview_dialog: QDialog | None = None
        self.print_preview_printer = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.export_annotations_action.triggered.connect(self.export_annotations)
        self.export_figures_action.triggered.connect(self.export_figures)
        self.print_action.triggered.connect(self.print_report)
        self.print_preview_action.triggered.connect(self.print_preview)
        self.pdf_action.triggered.connect(self.save_pdf)
        self.share_action.triggered.connect(self.share)
        self.import_share_action.triggered.connect(self.choose_share_file)

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
            action.setEnabled(self.window.doc_id is not None)

    # -- helpers ------------------------------------------------------------------------------

    def _default_path(self, suffix: str) -> str:
        return str(Path.home() / f"{export.file_stem(self.window.report_title())}{suffix}")

    def _write(self, path: str | os.PathLike, data: bytes, what: str) -> bool:
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("导出失败"),
                                self.tr("{0}：无法写入（{1}）；请另选位置").format(path, exc.strerror))
            return False
        self.window.notify(self.tr("已保存{0}：{1}").format(what, path))
        return True

    # -- exports ------------------------------------------------------------------------------

    def export_annotations(self) -> None:
        if self.window.doc_id is None:
            return
        filters = ";;".join([self.tr("Markdown 简报 (*.md)"), self.tr("网页 HTML (*.html)"),
                             self.tr("Excel 表格 CSV (*.csv)"), self.tr("Web Annotation JSON-LD (*.jsonld)")])
        path, chosen = get_save_file_name(self.window, self.tr("导出批注和书签"),
                                          self._default_path(self.tr("-批注") + ".md"), filters)
        if not path:
            return
        suffix = Path(path).suffix.lower()
        if suffix not in EXPORT_SUFFIXES:
            suffix = "." + chosen.rsplit("*.", 1)[-1].rstrip(")") if "*." in chosen else ".md"
            path += suffix
        self.write_annotations(path, EXPORT_SUFFIXES[suffix])

    def write_annotations(self, path: str | os.PathLike, fmt: str) -> bool:
        window = self.window
        data = export.export_annotations(window.store, window.doc_id, fmt, window.annotating.colour_names())
        return self._write(path, data, self.tr("批注和书签"))

    def export_figures(self) -> None:
        if self.window.doc_id is None:
            return
        path, _ = get_save_file_name(self.window, self.tr("导出数据表"),
                                              self._default_path("-数据.csv"), "CSV (*.csv)")
        if path:
            self.write_figures_csv(path)

    def write_figures_csv(self, path: str | os.PathLike) -> bool:
        window = self.window
        return self._write(path, export.figures_csv(window.figures, window.sections), self.tr("数据表"))

    # -- print and PDF ------------------------------------------------------------------------

    def print_document(self):
        from viewer.ui.exports.report_printer import build_print_document

        window = self.window
        return build_print_document(window.report_title(), window.view.text(), window.sections,
                                    window.store.annotations(window.doc_id, include_deleted=False),
                                    window.annotating.colour_names())

    def save_pdf(self) -> None:
        """Ask for a .pdf path in a save dialog of its own (not the print dialog), then write it."""
        if self.window.doc_id is None:
            return
        path, _ = get_save_file_name(self.window, self.tr("另存为 PDF"), self._default_path(".pdf"),
                                     self.tr("PDF 文件 (*.pdf)"))
        if path:
            self.write_pdf(path if path.lower().endswith(".pdf") else path + ".pdf")

    def write_pdf(self, path: str | os.PathLike) -> bool:
        from viewer.ui.exports.report_printer import write_pdf

        try:
            write_pdf(self.print_document(), str(path), title=self.window.report_title())
        except ReportViewerError as exc:
            QMessageBox.warning(self.window, self.tr("导出失败"), error_text(exc))
            return False
        self.window.notify(self.tr("已保存 PDF：{0}").format(path))
        return True

    def print_report(self) -> None:
        if self.window.doc_id is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from viewer.ui.exports.report_printer import print_document, set_up_printer

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_up_printer(printer, self.window.report_title())
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                print_document(self.print_document(), printer, title=self.window.report_title())
            except ReportViewerError as exc:
                QMessageBox.warning(self.window, self.tr("打印失败"), error_text(exc))

    def make_print_preview(self) -> QDialog:
        """A print preview of the report, the same pages as Print and Save as PDF; shown by print_preview."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from viewer.ui.exports.report_printer import print_document, set_up_printer

        title = self.window.report_title()
        # The dialog only points at its printer: kept here (until the next preview) so Python never frees it first.
        self.print_preview_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_up_printer(self.print_preview_printer, title)
        dialog = QPrintPreviewDialog(self.print_preview_printer, self.window)
        dialog.setWindowTitle(self.tr("打印预览 — {0}").format(title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        document = self.print_document()
        dialog.paintRequested.connect(lambda device: print_document(document, device, title=title))
        dialog.destroyed.connect(lambda: setattr(self, "print_preview_dialog", None))
        self.print_preview_dialog = dialog
        return dialog

    def print_preview(self) -> None:
        if self.window.doc_id is None:
            return
        self.make_print_preview().exec()

    # -- sharing ------------------------------------------------------------------------------

    def share(self) -> None:
        from viewer.ui.dialogs.share_dialogs import ShareDialog

        window = self.window
        if window.doc_id is None:
            return
        live = window.store.annotations(window.doc_id)
        counts = {"all": len(live), "notes": sum(a.kind == "note" for a in live),
                  "bookmarks": sum(a.kind == "bookmark" for a in live),
                  "highlights": sum(a.kind == "highlight" for a in live)}
        dialog = ShareDialog(window.report_title(), counts, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, _ = get_save_file_name(window, self.tr("保存分享文件"), self._default_path(SHARE_SUFFIX),
                                              self.tr("分享文件 (*.rvshare.json)"))
        if path:
            self.write_share(path if is_share_file(path) else path + SHARE_SUFFIX,
                             dialog.only(), dialog.include_report.isChecked())

    def write_share(self, path: str | os.PathLike, only: str = "all", include_report: bool = False) -> bool:
        from viewer.core.share import build_share, share_bytes

        data = share_bytes(build_share(self.window.store, [self.window.doc_id], only=only,
                                       include_report=include_report))
        return self._write(path, data, self.tr("分享文件"))

    def choose_share_file(self) -> None:
        path, _ = get_open_file_name(self.window, self.tr("导入分享文件"), str(Path.home()),
                                              self.tr("分享文件 (*.rvshare.json *.json);;所有文件 (*)"))
        if path:
            self.preview_import(path)

    def preview_import(self, path: str | os.PathLike) -> ImportPreviewDialog | None:
        """Read and plan a share file, then show the preview (window-modal); Import applies the plan."""
        from viewer.core.share import plan_import, read_share_file
        from viewer.ui.dialogs.share_dialogs import ImportPreviewDialog

        window = self.window
        name = Path(path).name
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)     # a big file takes a moment
        try:
            plan = plan_import(window.store, read_share_file(path, name), name)
        except ReportViewerError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(window, self.tr("无法导入分享文件"), error_text(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        dialog = ImportPreviewDialog(plan, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_import(plan))
        dialog.destroyed.connect(lambda: setattr(self, "preview_dialog", None))
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def apply_import(self, plan: "ImportPlan") -> None:
        from viewer.core.share import apply_import

        window = self.window
        try:
            outcome = apply_import(window.store, plan)
        except ReportViewerError as exc:
            QMessageBox.warning(window, self.tr("无法导入分享文件"), error_text(exc))
            return
        if window.doc_id is None and outcome.new_document_ids:
            window.open_document(outcome.new_document_ids[0])
        else:
            window.refresh_annotations()
        counts = outcome.counts
        window.notify(self.tr("已导入分享文件：新增 {0}，更新 {1}，冲突 {2}，待报告 {3}").format(
            counts["new"] + counts["unplaced"], counts["updated"] + counts["deleted"],
            counts["conflict"], counts["pending"]))
