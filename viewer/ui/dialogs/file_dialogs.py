"""Open and Save file dialogs whose dates and sizes follow the UI language, not the system locale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, Qt

if TYPE_CHECKING:  # the dialog's widget types load with the first dialog, not at start-up
    from PySide6.QtWidgets import QFileDialog, QWidget

SIZE_COLUMN, DATE_COLUMN = 1, 3


class UiLocaleFileModel(QIdentityProxyModel):
    """QFileSystemModel formats size and date with QLocale.system(); this shows them in QLocale(),
    the UI language's locale that viewer.ui.app.Translations sets (Qt's own widget-based dialog
    only: a native dialog draws its own list)."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.column() in (SIZE_COLUMN, DATE_COLUMN):
            from PySide6.QtWidgets import QFileSystemModel

            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                source_index = self.mapToSource(index)
                if index.column() == DATE_COLUMN:
                    return QLocale().toString(source.lastModified(source_index), QLocale.FormatType.ShortFormat)
                return "" if source.isDir(source_index) else QLocale().formattedDataSize(source.size(source_index))
        return super().data(index, role)


def make_file_dialog(parent: QWidget | None, caption: str, directory: str, filters: str,
                     save: bool) -> QFileDialog:
    """A QFileDialog as QFileDialog.getOpenFileName/getSaveFileName would show, in the UI locale."""
    from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView

    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setProxyModel(UiLocaleFileModel(dialog))
    tree = dialog.findChild(QTreeView, "treeView")     # the detail view of Qt's own dialog
    if tree is not None:           # its narrow default widths cut "14.65 KiB" and 纯文本文档 short
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (SIZE_COLUMN, 2, DATE_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def _run(dialog: QFileDialog) -> tuple[str, str]:
    if dialog.exec() != dialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def get_open_file_name(parent: QWidget | None, caption: str, directory: str, filters: str) -> tuple[str, str]:
    """(path, chosen filter), or ("", "") when cancelled: QFileDialog.getOpenFileName's contract."""
    return _run(make_file_dialog(parent, caption, directory, filters, save=False))


def get_save_file_name(parent: QWidget | None, caption: str, directory: str, filters: str) -> tuple[str, str]:
    """(path, chosen filter), or ("", "") when cancelled: QFileDialog.getSaveFileName's contract."""
    return _run(make_file_dialog(parent, caption, directory, filters, save=True))
