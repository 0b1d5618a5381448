"""The 帮助 menu's actions: 使用说明 (F1) and 快捷键; their dialogs (help_dialogs) load when first opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:  # start-up: the dialogs' module loads with the first one shown
    from PySide6.QtWidgets import QMainWindow

    from viewer.ui.dialogs.help_dialogs import GuideDialog, ShortcutsDialog


class HelpActions(QObject):
    """The 使用说明 (F1) and 快捷键 actions and their dialogs, opened once and kept current."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.guide_action = QAction(window)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action = QAction(window)
        self.guide_dialog: GuideDialog | None = None
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.guide_action.triggered.connect(self.show_guide)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        # Connected after the window's other controllers: the shortcut list reads their new texts.
        window.session.languageChanged.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        """New action texts, and open dialogs rebuilt from the window's (already translated) actions."""
        self.guide_action.setText(self.tr("使用说明(&G)"))
        self.shortcuts_action.setText(self.tr("快捷键(&K)"))
        for dialog in (self.guide_dialog, self.shortcuts_dialog):
            if dialog is not None:
                dialog.refresh()

    def show_guide(self) -> GuideDialog:
        if self.guide_dialog is None:
            from viewer.ui.dialogs.help_dialogs import GuideDialog

            self.guide_dialog = GuideDialog(self.window)
        self.guide_dialog.refresh()
        self.guide_dialog.show()
        self.guide_dialog.activateWindow()
        return self.guide_dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts_dialog is None:
            from viewer.ui.dialogs.help_dialogs import ShortcutsDialog

            self.shortcuts_dialog = ShortcutsDialog(self.window)
        self.shortcuts_dialog.refresh()
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.activateWindow()
        return self.shortcuts_dialog
