"""The main window: lays out the report pane, the 目录 dock, the 数据 / 批注 / 书签 tabs and the find
bar over a ReportSession, and shows what the session announces; annotation and export actions live
in their own controllers on the same session."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMessageBox, QTabWidget,
                               QVBoxLayout, QWidget)

from viewer.core.errors import ReportViewerError
from viewer.core.export import PATH_SEPARATOR, section_path_label
from viewer.core.vocab import FIGURE_KINDS
from viewer.core.model import Annotation, Figure, SectionNode, section_path
from viewer.services.changes import AnnotationChanges
from viewer.store import LibraryStore, settings
from viewer.ui import palette, ui_language
from viewer.ui.annotations.annotation_actions import AnnotationActions
from viewer.ui.exports.export_actions import ExportActions, is_share_file
from viewer.ui.dialogs.backup_actions import BackupActions
from viewer.ui.dialogs.help_actions import HelpActions
from viewer.ui.dialogs.trash_actions import TrashActions
from viewer.ui.first_paint import AfterFirstPaint
from viewer.ui.library.library_actions import LibraryActions
from viewer.ui.reader.section_tree import SectionTreePanel
from viewer.ui.reader.text_pane import ReportView
from viewer.ui.session import ReportSession
from viewer.ui.labels import annotation_kinds_label, figure_kind_label, page_label, page_of_total_label
from viewer.ui.ui_language import error_text

if TYPE_CHECKING:  # start-up: the searcher (and unicodedata) loads with the first search
    from viewer.core.search import TextSearcher

SAVE_POSITION_DELAY_MS = 400
NOTICE_MS = 6000
# First start (no saved layout): shares of the window's width for the 目录 and the side dock;
# the report keeps the rest, over half (about 37 characters a line at 1280 px).
FIRST_START_DOCK_SHARES = (0.19, 0.26)
# The side dock's tabs, in order: 数据, 批注, 书签.
FIGURES_TAB, NOTES_TAB, BOOKMARKS_TAB = range(3)


def default_size() -> tuple[int, int]:
    """The first window: 1280 x 860, but within the screen's free area (a 1280 x 800 or 1366 x 768
    screen keeps the status bar in sight; the window manager's title bar needs about 40 px)."""
    screen = QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() == "offscreen":   # no real screen to fit
        return 1280, 860
    free = screen.availableGeometry()
    return min(1280, free.width()), min(860, free.height() - 40)


class MainWindow(QMainWindow):
    """One window reading one report at a time from the library, through its own session."""

    languageRequested = Signal(str)     # "zh" or "en"; the app swaps translators

    def __init__(self, store: LibraryStore, parent: QWidget | None = None, *,
                 defer_until_painted: bool = False):
        """`defer_until_painted` (the app's start): what the first paint does not show is done
        after it (`after_first_paint`); otherwise (tests, tools) everything is done at once."""
        super().__init__(parent)
        self.session = ReportSession(store, self)
        self.session.languageChanged.connect(lambda _lang: self.retranslate())   # first: the others read its texts
        self._searcher: TextSearcher | None = None
        self._hits: list[tuple[int, int]] = []
        self._more_hits = False          # the query has more hits than the find bar marks
        self._hit = -1
        self._docks_placed = False        # by a restored layout, or on the first show
        self._batch_import = None
        self._library_search = None       # the 全库搜索 dock, built on first use (viewer.ui.search)
        self.setAcceptDrops(True)
        self.resize(*default_size())
        self._init_central()
        # Start-up: what the first paint does not show waits for it (see AfterFirstPaint).
        self.after_first_paint = AfterFirstPaint(self, defer=defer_until_painted)
        self._init_docks()
        self._init_actions()
        self.annotating = AnnotationActions(self.session, self.view, self.tree_panel, self)
        self.exports = ExportActions(self.session, self, self.annotating.colour_names)
        self.trash = TrashActions(self)
        self.library = LibraryActions(self)
        self.backups = BackupActions(self)
        self.help = HelpActions(self)             # last: its shortcut list reads the others' new texts
        # Start-up: the side tabs' panels are built after the first paint, or when first asked for.
        self.after_first_paint.later(self._build_side_panels)
        self._init_menus()
        self._init_statusbar()
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_POSITION_DELAY_MS)
        self._connect_signals()
        self.retranslate()

    # -- construction ---------------------------------------------------------------------------

    def _init_central(self) -> None:
        self.view = ReportView(self)
        colours = self.view.palette()           # a selection no highlight band looks like
        colours.setColor(QPalette.ColorRole.Highlight, palette.SELECTION)
        colours.setColor(QPalette.ColorRole.HighlightedText, palette.SELECTION_TEXT)
        self.view.setPalette(colours)
        self._find_bar = None             # built on first use (Ctrl+F): the first paint has none
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        self._central_layout = layout
        self.setCentralWidget(central)

    @property
    def find_bar(self):
        """The find bar under the report (a FindBar, hidden until opened; built on first use)."""
        if self._find_bar is None:
            from viewer.ui.reader.find_bar import FindBar

            bar = self._find_bar = FindBar(self)
            bar.hide()
            self._central_layout.addWidget(bar)
            bar.queryChanged.connect(self.run_find)
            bar.nextRequested.connect(self.next_hit)
            bar.previousRequested.connect(self.previous_hit)
            bar.closed.connect(self._on_find_closed)
        return self._find_bar

    def _init_docks(self) -> None:
        self.tree_panel = SectionTreePanel(self)
        self.tree_dock = QDockWidget(self)
        self.tree_dock.setObjectName("contentsDock")
        self.tree_dock.setWidget(self.tree_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.tree_dock)
        self.side_tabs = QTabWidget(self)
        for _tab in (FIGURES_TAB, NOTES_TAB, BOOKMARKS_TAB):   # empty pages until _build_side_panels
            self.side_tabs.addTab(QWidget(), "")
        self._figures_panel = None
        self.side_dock = QDockWidget(self)
        self.side_dock.setObjectName("sideDock")
        self.side_dock.setWidget(self.side_tabs)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.side_dock)

    def _build_side_panels(self) -> None:
        """The side tabs' panels (数据 table, 批注 and 书签 lists) in place of their empty pages,
        showing the open report; once, after the first paint or when first asked for."""
        if self._figures_panel is not None:
            return
        from viewer.ui.annotations.annotation_model import AnnotationListModel
        from viewer.ui.annotations.notes_panel import NotesPanel
        from viewer.ui.reader.figures_panel import FiguresPanel

        session = self.session
        self._figures_panel = FiguresPanel(self)
        self._annotation_model = AnnotationListModel(self, session)
        if session.doc_id is not None:          # opened before the model followed the session
            self._annotation_model.set_annotations(session.annotations(), session.sections)
        self._notes_panel = NotesPanel(self._annotation_model, ("note", "highlight"), self)
        self._bookmarks_panel = NotesPanel(self._annotation_model, ("bookmark",), self)
        panels = (self._figures_panel, self._notes_panel, self._bookmarks_panel)
        tabs = self.side_tabs
        current = tabs.currentIndex()
        for index, panel in enumerate(panels):   # before the empty pages: the current one stays on screen
            tabs.insertTab(index, panel, "")
        tabs.setCurrentIndex(current)            # now the panel in its place
        for _page in panels:
            tabs.widget(len(panels)).deleteLater()
            tabs.removeTab(len(panels))
        self._retranslate_side_tabs()
        self._figures_panel.figureActivated.connect(self.go_to_figure)
        self._figures_panel.exportRequested.connect(self.exports.export_figures)
        self._annotation_model.bodyEdited.connect(self.annotating.edit_body)
        for panel in (self._notes_panel, self._bookmarks_panel):
            panel.annotationActivated.connect(self.go_to_annotation)
            panel.deleteRequested.connect(self.annotating.delete_annotation)
            panel.colourRequested.connect(self.annotating.set_annotation_colour)
        self._set_panel_colour_names(self.annotating.colour_names())

    @property
    def figures_panel(self):
        """The 数据 tab (built on first use, see _build_side_panels)."""
        self._build_side_panels()
        return self._figures_panel

    @property
    def annotation_model(self):
        """The 批注 and 书签 tabs' model of the report's annotations (built with the tabs)."""
        self._build_side_panels()
        return self._annotation_model

    @property
    def notes_panel(self):
        """The 批注 tab (notes and highlights; built on first use)."""
        self._build_side_panels()
        return self._notes_panel

    @property
    def bookmarks_panel(self):
        """The 书签 tab (built on first use)."""
        self._build_side_panels()
        return self._bookmarks_panel

    def size_docks_to_window(self) -> None:
        """Give the docks their first-start shares of the window's width; the report gets the rest."""
        tree, side = (round(self.width() * share) for share in FIRST_START_DOCK_SHARES)
        self.resizeDocks([self.tree_dock, self.side_dock], [tree, side], Qt.Orientation.Horizontal)

    def showEvent(self, event) -> None:  # noqa: N802
        if not self._docks_placed:
            self._docks_placed = True
            self.size_docks_to_window()
        super().showEvent(event)

    def _action(self, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        return action

    def _init_actions(self) -> None:
        self.open_action = self._action(QKeySequence.StandardKey.Open)
        self.import_folder_action = self._action()
        self.quit_action = self._action(QKeySequence.StandardKey.Quit)
        self.copy_action = self._action(QKeySequence.StandardKey.Copy)
        self.find_action = self._action(QKeySequence.StandardKey.Find)
        self.find_next_action = self._action(QKeySequence.StandardKey.FindNext)
        self.find_prev_action = self._action(QKeySequence.StandardKey.FindPrevious)
        self.search_all_action = self._action("Ctrl+Shift+F")
        self.zoom_in_action = self._action("Ctrl+=")
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = self._action("Ctrl+-")
        self.zoom_reset_action = self._action("Ctrl+0")
        self.kind_actions: dict[str, QAction] = {}
        for kind in FIGURE_KINDS:
            action = self._action(checkable=True)
            action.setChecked(True)
            action.setData(kind)
            self.kind_actions[kind] = action
        self.lang_group = QActionGroup(self)
        self.lang_zh_action = self._action(checkable=True)
        self.lang_zh_action.setText("中文")
        self.lang_en_action = self._action(checkable=True)
        self.lang_en_action.setText("English")
        for action in (self.lang_zh_action, self.lang_en_action):
            self.lang_group.addAction(action)
        self.lang_zh_action.setChecked(True)
        self.about_action = self._action()

    def _init_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.import_folder_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.setToolTipsVisible(True)
        self.file_menu.addAction(self.library.library_action)
        self.file_menu.addAction(self.exports.import_share_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.exports.share_action)
        self.file_menu.addAction(self.exports.export_annotations_action)
        self.file_menu.addAction(self.exports.export_figures_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.exports.print_action)
        self.file_menu.addAction(self.exports.print_preview_action)
        self.file_menu.addAction(self.exports.pdf_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.trash.remove_action)
        self.file_menu.addAction(self.backups.backups_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.annotating.undo_action)
        self.edit_menu.addAction(self.annotating.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addAction(self.annotating.copy_citation_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.find_next_action)
        self.edit_menu.addAction(self.find_prev_action)
        self.edit_menu.addAction(self.search_all_action)
        bar.addMenu(self.annotating.menu)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.zoom_in_action)
        self.view_menu.addAction(self.zoom_out_action)
        self.view_menu.addAction(self.zoom_reset_action)
        self.view_menu.addSeparator()
        self.kinds_menu = self.view_menu.addMenu("")
        for action in self.kind_actions.values():
            self.kinds_menu.addAction(action)
        self.view_menu.addSeparator()
        self.docks_menu = self.view_menu.addMenu("")
        self.docks_menu.addAction(self.tree_dock.toggleViewAction())
        self.docks_menu.addAction(self.side_dock.toggleViewAction())
        self.lang_menu = self.view_menu.addMenu("")
        self.lang_menu.addAction(self.lang_zh_action)
        self.lang_menu.addAction(self.lang_en_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.help.guide_action)
        self.help_menu.addAction(self.help.shortcuts_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.annotating.toolbar)
        self.docks_menu.addAction(self.annotating.toolbar.toggleViewAction())

    def _init_statusbar(self) -> None:
        self.path_label = QLabel(self)
        self.notice_label = QLabel(self)
        self.notice_label.setStyleSheet("color: #2e7d32;")
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.notice_label.clear)
        self.page_label = QLabel(self)                       # 第N页 / 共M页 of a paged report
        self.page_label.setContentsMargins(0, 0, 12, 0)      # apart from the section path after it
        self.statusBar().addWidget(self.page_label)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addWidget(self.notice_label)
        self.legend_labels: dict[str, QLabel] = {}
        for kind in FIGURE_KINDS:
            chip = QLabel(self)
            background, line = palette.FIGURE_COLOURS[kind]
            chip.setStyleSheet(f"background:{background}; border-bottom:2px solid {line};"
                               " padding:1px 6px; color:#1a1a1a;")
            self.statusBar().addPermanentWidget(chip)
            self.legend_labels[kind] = chip

    def _connect_signals(self) -> None:
        self.open_action.triggered.connect(self.choose_file)
        self.quit_action.triggered.connect(self.close)
        self.copy_action.triggered.connect(self.view.copy)
        self.find_action.triggered.connect(self.open_find)
        self.find_next_action.triggered.connect(self.next_hit)
        self.find_prev_action.triggered.connect(self.previous_hit)
        self.search_all_action.triggered.connect(lambda: self.library_search.open())
        self.zoom_in_action.triggered.connect(lambda: self.set_zoom(self.view.zoom + 1))
        self.zoom_out_action.triggered.connect(lambda: self.set_zoom(self.view.zoom - 1))
        self.zoom_reset_action.triggered.connect(lambda: self.set_zoom(0))
        for kind, action in self.kind_actions.items():
            action.toggled.connect(lambda on, k=kind: self.set_kind_visible(k, on))
        self.lang_zh_action.triggered.connect(lambda: self.languageRequested.emit("zh"))
        self.lang_en_action.triggered.connect(lambda: self.languageRequested.emit("en"))
        self.about_action.triggered.connect(self.show_about)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.import_folder_action.triggered.connect(lambda: self.batch_import.choose_folder())
        self.session.reportsImported.connect(lambda _result: self._fill_recent_menu())
        self.tree_panel.sectionActivated.connect(self.go_to_section)
        self.view.topOffsetChanged.connect(self._on_reading_moved)
        self._save_timer.timeout.connect(self.save_position)
        self.session.documentOpened.connect(self._show_report)
        self.session.catalogueChanged.connect(self._show_catalogue_change)
        self.session.writeFailed.connect(lambda exc: self.notify(error_text(exc)))
        self.session.annotationsChanged.connect(self._show_annotation_changes)
        self.annotating.noticeRequested.connect(self.notify)
        self.annotating.showRequested.connect(self.show_annotation)
        self.annotating.sectionRequested.connect(self.go_to_section)
        self.annotating.colourNamesChanged.connect(self._set_colour_names)
        self._set_colour_names(self.annotating.colour_names())
        self.exports.noticeRequested.connect(self.notify)

    # -- translation ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """The window's own texts; the panels follow Qt's LanguageChange, the controllers the
        session's languageChanged."""
        # Qt ends every window's and dialog's title with the display name: in the UI's language.
        QGuiApplication.setApplicationDisplayName(self.tr("报告阅览器"))
        self.setWindowTitle(self._window_title())
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.edit_menu.setTitle(self.tr("编辑(&E)"))
        self.view_menu.setTitle(self.tr("视图(&V)"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        self.recent_menu.setTitle(self.tr("最近的报告(&R)"))
        self.open_action.setText(self.tr("打开(&O)…"))
        self.import_folder_action.setText(self.tr("导入文件夹(&F)…"))
        self.quit_action.setText(self.tr("退出(&Q)"))
        self.copy_action.setText(self.tr("复制(&C)"))
        self.find_action.setText(self.tr("查找(&F)…"))
        self.find_next_action.setText(self.tr("查找下一个"))
        self.find_prev_action.setText(self.tr("查找上一个"))
        self.search_all_action.setText(self.tr("全库搜索(&L)…"))
        self.zoom_in_action.setText(self.tr("放大"))
        self.zoom_out_action.setText(self.tr("缩小"))
        self.zoom_reset_action.setText(self.tr("原始大小"))
        self.kinds_menu.setTitle(self.tr("数据着色"))
        self.docks_menu.setTitle(self.tr("面板"))
        self.lang_menu.setTitle(self.tr("界面语言 / Language"))
        self.about_action.setText(self.tr("关于报告阅览器(&A)"))
        for kind, action in self.kind_actions.items():
            action.setText(figure_kind_label(kind))
            chip = self.legend_labels[kind]
            chip.setText(figure_kind_label(kind))
            chip.setMinimumWidth(chip.sizeHint().width())
        self.tree_dock.setWindowTitle(self.tr("目录"))
        self.side_dock.setWindowTitle(self.tr("批注与数据"))
        self._retranslate_side_tabs()
        self._update_path_label(self.view.top_offset() if self.doc_id is not None else 0)

    def _retranslate_side_tabs(self) -> None:
        self.side_tabs.setTabText(FIGURES_TAB, self.tr("数据"))
        self.side_tabs.setTabText(NOTES_TAB, annotation_kinds_label("note"))
        self.side_tabs.setTabText(BOOKMARKS_TAB, annotation_kinds_label("bookmark"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.session.announce_language(ui_language.current())
        super().changeEvent(event)

    def set_language_checked(self, lang: str) -> None:
        (self.lang_en_action if lang == "en" else self.lang_zh_action).setChecked(True)

    def _window_title(self) -> str:
        app_name = self.tr("报告阅览器")
        title = self.session.title
        return f"{title} — {app_name}" if title else app_name

    # -- the session's report -------------------------------------------------------------------

    @property
    def store(self) -> LibraryStore:
        return self.session.store

    @property
    def doc_id(self) -> int | None:
        return self.session.doc_id

    @property
    def sections(self) -> list[SectionNode]:
        return self.session.sections

    @property
    def figures(self) -> list[Figure]:
        return self.session.figures

    # -- opening reports ------------------------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        """Show a library report at its saved position and the saved zoom."""
        self.session.open_document(doc_id)

    def _show_report(self, _doc_id: int) -> None:
        """The session opened a report: show it, its marks and its contents, at its saved place."""
        session = self.session
        self._searcher = None
        self.view.set_report(session.text, session.sections, session.figures, session.tables)
        self.view.set_annotations(session.annotations())
        self.tree_panel.set_sections(session.sections)
        self.after_first_paint.later(self._fill_figures_table)     # start-up: after the first paint
        self.setWindowTitle(self._window_title())
        self.view.scroll_to_offset(session.saved_position())
        self._on_reading_moved(self.view.top_offset())
        if self._find_bar is not None and self._find_bar.isVisible():
            self.run_find(self.find_bar.query())

    def _show_catalogue_change(self, change) -> None:
        """Reports renamed, removed, restored (CatalogueChange): the title bar follows the open one's title."""
        if self.doc_id in change.document_ids:
            self.setWindowTitle(self._window_title())

    def _fill_figures_table(self) -> None:
        """The 数据 tab's rows: this report's figures with their section paths."""
        session = self.session
        self.figures_panel.set_figures(
            session.figures, [section_path_label(session.sections, f.start) for f in session.figures])

    def import_and_open(self, path: str | os.PathLike) -> bool:
        """Import a file (if new) and open it; a bad file gets a message box and changes nothing."""
        try:
            result = self.session.import_file(path)
        except ReportViewerError as exc:
            QMessageBox.warning(self, self.tr("无法打开报告"), error_text(exc))
            return False
        self.open_document(result.document_id)
        if result.created:
            self.notify(self.tr("已导入：{0}（{1} 个章节，{2} 个数据）").format(
                result.title, result.sections, result.figures))
        return True

    def open_file(self, path: str | os.PathLike) -> bool:
        """A report is imported and opened; a share file (.rvshare.json) opens the import preview."""
        if is_share_file(path):
            return self.exports.preview_import(path) is not None
        return self.import_and_open(path)

    def choose_file(self) -> None:
        from viewer.ui.dialogs import report_chooser      # start-up: loads on first use

        path = report_chooser.choose_report(self, self.session)
        if path:
            self.import_and_open(path)

    def _fill_recent_menu(self) -> None:
        from viewer.ui.dialogs import report_chooser      # start-up: loads on first use

        self.recent_menu.clear()
        docs = self.store.documents()
        if not docs:
            self.recent_menu.addAction(self.tr("（空）")).setEnabled(False)
        for info in reversed(docs):
            action = self.recent_menu.addAction(report_chooser.recent_text(info))
            action.setToolTip(report_chooser.recent_tip(info))
            action.setStatusTip(action.toolTip().replace("\n", " · "))
            action.setCheckable(True)
            action.setChecked(info.id == self.doc_id)
            action.triggered.connect(lambda _=False, d=info.id: d == self.doc_id or self.open_document(d))

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        """One file dropped is opened; several, or a folder, are imported as a batch."""
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if len(paths) == 1 and not os.path.isdir(paths[0]):
            self.open_file(paths[0])
        elif paths:
            self.batch_import.start(paths)

    @property
    def batch_import(self):
        """File › 导入文件夹… and many dropped files (viewer.ui.dialogs.batch_import), made on first use."""
        if self._batch_import is None:
            from viewer.ui.dialogs.batch_import import BatchImport      # start-up: loads on first use

            self._batch_import = BatchImport(self.session, self)
            self._batch_import.finished.connect(self._open_first_imported)
        return self._batch_import

    def _open_first_imported(self, result) -> None:
        """After a batch, an empty window shows the first report it imported."""
        if self.doc_id is None and result.imported:
            self.open_document(result.imported[0].document_id)

    # -- navigation -----------------------------------------------------------------------------

    def go_to_section(self, node: SectionNode) -> None:
        self.view.scroll_to_offset(node.start)
        self._on_reading_moved(self.view.top_offset())
        self.tree_panel.follow(node)

    def go_to_figure(self, fig: Figure) -> None:
        self.view.scroll_to_offset(fig.start)
        self.view.select_offsets(fig.start, fig.end)
        self.view.setFocus()

    def go_to_path(self, numbers: list[str]) -> bool:
        """Scroll to the section reached by a path of numbers (`一、/（二）`), any bracket width."""
        from viewer.core.search import fold

        nodes, found = self.sections, None
        for number in numbers:
            match = [n for n in nodes if fold(n.number) == fold(number)]
            if not match:
                return False
            found, nodes = match[0], match[0].children
        if found is not None:
            self.go_to_section(found)
        return found is not None

    def _on_reading_moved(self, offset: int) -> None:
        path = section_path(self.sections, offset)
        self.tree_panel.follow(path[-1] if path else None)
        self._update_path_label(offset)
        if self.doc_id is not None:
            self.session.note_position(offset)
            self._save_timer.start()

    def _update_path_label(self, offset: int) -> None:
        label = section_path_label(self.sections, offset)
        self.path_label.setText(label or self.tr("（正文之前）"))
        if label:
            self.path_label.setToolTip(PATH_SEPARATOR.join(
                f"{n.number}{n.title}" for n in section_path(self.sections, offset)))
        page = self.session.page_of(offset) if self.doc_id is not None else None
        self.page_label.setText(page_of_total_label(page, len(self.session.pages)))
        self.page_label.setVisible(page is not None)

    def save_position(self) -> None:
        if self.doc_id is not None:
            self.session.note_position(self.view.top_offset())
            self.session.best_effort(self.session.save_position)

    # -- view -----------------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self.view.set_zoom(steps)
        self.session.set_setting(settings.ZOOM, self.view.zoom)

    def set_kind_visible(self, kind: str, visible: bool) -> None:
        self.view.set_kind_visible(kind, visible)
        self.legend_labels[kind].setEnabled(visible)
        self.kind_actions[kind].setChecked(visible)

    def show_about(self) -> None:
        from viewer import __version__

        QMessageBox.about(self, self.tr("关于报告阅览器"), self.tr(
            "报告阅览器 {0}\n离线阅读政府工作报告：目录导航、数据着色、查找。\n本程序从不连接网络。").format(__version__))

    # -- find -----------------------------------------------------------------------------------

    def open_find(self) -> None:
        selected = self.view.textCursor().selectedText()
        self.find_bar.open_bar(selected if selected and "\u2029" not in selected else "")
        if self.find_bar.query():
            self.run_find(self.find_bar.query())

    def run_find(self, query: str) -> None:
        if self.doc_id is None:
            return
        if self._searcher is None:
            from viewer.core.search import TextSearcher

            self._searcher = TextSearcher(self.view.text())
        self._hits, self._more_hits = self._searcher.find(query) if query else ([], False)
        if self._more_hits:
            self.notify(self.find_bar.too_many_message(len(self._hits)))
        top = self.view.top_offset()
        self._hit = next((i for i, (s, _) in enumerate(self._hits) if s >= top), 0) if self._hits else -1
        self._show_hits()

    def _show_hits(self) -> None:
        self.view.set_find_hits(self._hits, self._hit)
        page = self.session.page_of(self._hits[self._hit][0]) if self._hit >= 0 else None
        self.find_bar.set_count(self._hit, len(self._hits), self._more_hits, page_label(page))

    def next_hit(self) -> None:
        if self._hits:
            self._hit = (self._hit + 1) % len(self._hits)
            self._show_hits()

    def previous_hit(self) -> None:
        if self._hits:
            self._hit = (self._hit - 1) % len(self._hits)
            self._show_hits()

    def find_count(self) -> tuple[int, int]:
        return self._hit, len(self._hits)

    def _on_find_closed(self) -> None:
        self._hits, self._hit, self._more_hits = [], -1, False
        self.view.set_find_hits([])
        self.view.setFocus()

    @property
    def library_search(self):
        """编辑 › 全库搜索… (Ctrl+Shift+F): the search dock (viewer.ui.search.LibrarySearch), made on first use."""
        if self._library_search is None:
            from viewer.ui.search.library_search import LibrarySearch      # start-up: loads on first use

            self._library_search = LibrarySearch(self)
        return self._library_search

    # -- annotations: marks, lists, undo -----------------------------------------------------------

    def _show_annotation_changes(self, changes: AnnotationChanges) -> None:
        """Re-colour just the changed marks (the tabs' model follows the session itself)."""
        here = self.session.changes_here(changes)
        if here:
            self.view.apply_annotation_changes(here)

    def _set_colour_names(self, names: dict[str, str]) -> None:
        self.view.set_colour_names(names)
        if self._figures_panel is not None:      # else the tabs take them when built
            self._set_panel_colour_names(names)

    def _set_panel_colour_names(self, names: dict[str, str]) -> None:
        self._annotation_model.set_colour_names(names)
        self._notes_panel.set_colour_names(names)
        self._bookmarks_panel.set_colour_names(names)

    def show_annotation(self, ann: Annotation, edit: bool = False):
        """Show an annotation in its tab, selected; with `edit`, its body editor open (returned)."""
        panel = self.bookmarks_panel if ann.kind == "bookmark" else self.notes_panel
        self.side_tabs.setCurrentWidget(panel)
        panel.select(ann.uuid)
        if not edit:
            return None
        if not self.side_dock.isVisible():
            self.side_dock.show()
        return panel.edit(ann.uuid)

    def go_to_annotation(self, ann: Annotation) -> None:
        """Scroll to an annotation's passage, select it and let it glow for a moment."""
        if ann.unplaced:
            self.notify(self.tr("未定位：报告文本已变，找不到这段引文"))
            return
        if ann.end > ann.start:
            self.view.select_offsets(ann.start, ann.end)
        else:
            self.view.select_offsets(ann.start, ann.start)
        self.view.scroll_to_offset(ann.start, context_lines=2)
        self.view.flash_offsets(ann.start, ann.end)
        self._on_reading_moved(self.view.top_offset())

    # -- export ---------------------------------------------------------------------------------

    def report_title(self) -> str:
        return self.session.title

    def notify(self, text: str) -> None:
        """A short-lived confirmation in the status bar, beside the section path."""
        self.notice_label.setText(text)
        self._notice_timer.start()

    # -- window state ---------------------------------------------------------------------------

    def restore_layout(self) -> None:
        geometry = self.session.get_setting(settings.WINDOW_GEOMETRY)
        state = self.session.get_setting(settings.WINDOW_STATE)
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if state:
            self._docks_placed = self.restoreState(QByteArray.fromBase64(state.encode("ascii")))
        self.view.set_zoom(self.session.get_setting(settings.ZOOM))

        tab = self.session.get_setting(settings.SIDE_TAB)
        if isinstance(tab, int) and 0 <= tab < self.side_tabs.count():
            self.side_tabs.setCurrentIndex(tab)

    def save_layout(self) -> None:
        """Keep the window's geometry, docks and side tab (best effort: a busy library is only announced)."""
        def write() -> None:
            with self.session.store.transaction():
                self.session.set_setting(settings.WINDOW_GEOMETRY, bytes(self.saveGeometry().toBase64()).decode("ascii"))
                self.session.set_setting(settings.WINDOW_STATE, bytes(self.saveState().toBase64()).decode("ascii"))
                self.session.set_setting(settings.SIDE_TAB, self.side_tabs.currentIndex())

        self.session.best_effort(write)

    def commit_typing(self) -> None:
        """Save a note body being typed (inline editor or the note dialog) now."""
        if self._figures_panel is not None:       # the tabs are built: an editor may be open
            self._notes_panel.commit_editor()
            self._bookmarks_panel.commit_editor()
        self.annotating.commit_typing()

    def keeps_unsaved_typing(self) -> bool:
        """After commit_typing: a note editor still holds text the library refused (a full disk);
        asks whether to stay open so it can be saved once there is room (True: stay)."""
        editors = [self.annotating.note_dialog.editor] if self.annotating.note_dialog is not None else []
        if self._figures_panel is not None:
            editors += [panel.delegate.open_editor() for panel in (self._notes_panel, self._bookmarks_panel)
                        if panel._delegate is not None]
        if not any(editor is not None and editor.is_dirty() for editor in editors):
            return False
        answer = QMessageBox.question(self, self.tr("批注未保存"), self.tr(
            "有一条批注的文字没能保存（磁盘已满），仍在编辑框中。\n"
            "先不退出、腾出磁盘空间后再保存吗？选“否”退出，这段文字会丢失。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:  # noqa: N802
        self.commit_typing()
        if self.keeps_unsaved_typing():
            event.ignore()
            return
        self._save_timer.stop()
        self.save_position()
        self.save_layout()
        super().closeEvent(event)
