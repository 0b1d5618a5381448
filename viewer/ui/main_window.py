"""The main window: wires the library, the report pane, the 目录 dock, the 数据 / 批注 / 书签 tabs,
the find bar, and the reader's annotations (create, mark, list, undo)."""

from __future__ import annotations

import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDockWidget, QFileDialog, QFormLayout,
                               QInputDialog, QLabel, QLineEdit, QMainWindow, QMenu, QMessageBox,
                               QTabWidget, QToolBar, QToolButton, QVBoxLayout, QWidget)

from viewer.core.errors import ReportViewerError, StoreError
from viewer.core.export import PATH_SEPARATOR, section_path_label
from viewer.core.figures import FIGURE_KINDS, Figure
from viewer.core.search import TextSearcher
from viewer.core.store import Annotation, LibraryStore
from viewer.core.structure import SectionNode, section_path
from viewer.ui import palette
from viewer.ui.annotation_commands import (AddAnnotationCommand, DeleteAnnotationCommand,
                                           EditAnnotationCommand)
from viewer.ui.export_actions import ExportActions, is_share_file
from viewer.ui.figures_panel import FiguresPanel
from viewer.ui.find_bar import FindBar
from viewer.ui.notes_panel import AnnotationListModel, NoteDialog, NotesPanel, colour_swatch
from viewer.ui.section_tree import NodeRole, SectionTreePanel
from viewer.ui.text_pane import ReportView

SAVE_POSITION_DELAY_MS = 400
NOTICE_MS = 6000


class MainWindow(QMainWindow):
    """One window reading one report at a time from the library."""

    languageRequested = Signal(str)     # "zh" or "en"; the app swaps translators

    def __init__(self, store: LibraryStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.doc_id: int | None = None
        self._title = ""
        self.sections: list[SectionNode] = []
        self.figures: list[Figure] = []
        self._searcher: TextSearcher | None = None
        self._hits: list[tuple[int, int]] = []
        self._hit = -1
        self.undo_stack = QUndoStack(self)
        self.note_dialog: NoteDialog | None = None
        self.setAcceptDrops(True)
        self.resize(1280, 860)
        self._init_central()
        self._init_docks()
        self._init_actions()
        self.exports = ExportActions(self)
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
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

    def _init_docks(self) -> None:
        self.tree_panel = SectionTreePanel(self)
        self.tree_dock = QDockWidget(self)
        self.tree_dock.setObjectName("contentsDock")
        self.tree_dock.setWidget(self.tree_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.tree_dock)
        self.figures_panel = FiguresPanel(self)
        self.annotation_model = AnnotationListModel(self)
        self.notes_panel = NotesPanel(self.annotation_model, ("note", "highlight"), self)
        self.bookmarks_panel = NotesPanel(self.annotation_model, ("bookmark",), self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.figures_panel, "")
        self.side_tabs.addTab(self.notes_panel, "")
        self.side_tabs.addTab(self.bookmarks_panel, "")
        self.side_dock = QDockWidget(self)
        self.side_dock.setObjectName("sideDock")
        self.side_dock.setWidget(self.side_tabs)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.side_dock)
        self.resizeDocks([self.tree_dock, self.side_dock], [300, 470], Qt.Orientation.Horizontal)

    def _action(self, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        return action

    def _init_actions(self) -> None:
        self.open_action = self._action(QKeySequence.StandardKey.Open)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit)
        self.copy_action = self._action(QKeySequence.StandardKey.Copy)
        self.find_action = self._action(QKeySequence.StandardKey.Find)
        self.find_next_action = self._action(QKeySequence.StandardKey.FindNext)
        self.find_prev_action = self._action(QKeySequence.StandardKey.FindPrevious)
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
        # annotations
        self.undo_action = self._action("Ctrl+Z")
        self.redo_action = self._action("Ctrl+Shift+Z")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.add_note_action = self._action("Ctrl+Alt+M")
        self.add_bookmark_action = self._action("Ctrl+Alt+B")
        self.bookmark_position_action = self._action("Ctrl+D")
        self.copy_citation_action = self._action("Ctrl+Shift+C")
        self.highlight_actions: dict[str, QAction] = {}
        for i, key in enumerate(palette.HIGHLIGHT_KEYS):
            action = self._action(f"Ctrl+Alt+{i + 1}")
            action.setData(key)
            action.setIcon(colour_swatch(palette.annotation_background("highlight", key)))
            self.highlight_actions[key] = action
        self.highlight_last_action = self._action("Ctrl+Alt+H")
        self.rename_colours_action = self._action()
        self._selection_actions = [self.add_note_action, self.copy_citation_action,
                                   self.highlight_last_action, *self.highlight_actions.values()]

    def _init_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addAction(self.exports.import_share_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.exports.share_action)
        self.file_menu.addAction(self.exports.export_annotations_action)
        self.file_menu.addAction(self.exports.export_figures_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.exports.print_action)
        self.file_menu.addAction(self.exports.pdf_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addAction(self.copy_citation_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.find_next_action)
        self.edit_menu.addAction(self.find_prev_action)
        self.annotate_menu = bar.addMenu("")
        self.annotate_menu.addAction(self.add_note_action)
        self.annotate_menu.addAction(self.add_bookmark_action)
        self.highlight_menu = QMenu(self)
        for action in self.highlight_actions.values():
            self.highlight_menu.addAction(action)
        self.highlight_menu.addSeparator()
        self.highlight_menu.addAction(self.rename_colours_action)
        self.annotate_menu.addMenu(self.highlight_menu)
        self.annotate_menu.addAction(self.copy_citation_action)
        self.annotate_menu.addSeparator()
        self.annotate_menu.addAction(self.bookmark_position_action)
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
        self.help_menu.addAction(self.about_action)
        self.annotate_toolbar = QToolBar(self)
        self.annotate_toolbar.setObjectName("annotateToolbar")
        self.annotate_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.annotate_toolbar.setMovable(False)
        self.annotate_toolbar.addAction(self.add_note_action)
        self.highlight_button = QToolButton(self)
        self.highlight_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.highlight_button.setDefaultAction(self.highlight_last_action)
        self.highlight_button.setMenu(self.highlight_menu)
        self.highlight_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.annotate_toolbar.addWidget(self.highlight_button)
        self.annotate_toolbar.addAction(self.add_bookmark_action)
        self.annotate_toolbar.addAction(self.copy_citation_action)
        self.annotate_toolbar.addSeparator()
        self.annotate_toolbar.addAction(self.undo_action)
        self.annotate_toolbar.addAction(self.redo_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.annotate_toolbar)
        self.docks_menu.addAction(self.annotate_toolbar.toggleViewAction())

    def _init_statusbar(self) -> None:
        self.path_label = QLabel(self)
        self.notice_label = QLabel(self)
        self.notice_label.setStyleSheet("color: #2e7d32;")
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.notice_label.clear)
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
        self.zoom_in_action.triggered.connect(lambda: self.set_zoom(self.view.zoom + 1))
        self.zoom_out_action.triggered.connect(lambda: self.set_zoom(self.view.zoom - 1))
        self.zoom_reset_action.triggered.connect(lambda: self.set_zoom(0))
        for kind, action in self.kind_actions.items():
            action.toggled.connect(lambda on, k=kind: self.set_kind_visible(k, on))
        self.lang_zh_action.triggered.connect(lambda: self.languageRequested.emit("zh"))
        self.lang_en_action.triggered.connect(lambda: self.languageRequested.emit("en"))
        self.about_action.triggered.connect(self.show_about)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.tree_panel.sectionActivated.connect(self.go_to_section)
        self.figures_panel.figureActivated.connect(self.go_to_figure)
        self.figures_panel.exportRequested.connect(self.exports.export_figures)
        self.view.topOffsetChanged.connect(self._on_reading_moved)
        self.find_bar.queryChanged.connect(self.run_find)
        self.find_bar.nextRequested.connect(self.next_hit)
        self.find_bar.previousRequested.connect(self.previous_hit)
        self.find_bar.closed.connect(self._on_find_closed)
        self._save_timer.timeout.connect(self.save_position)
        # annotations
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_undo_actions())
        self.add_note_action.triggered.connect(self.add_note)
        self.add_bookmark_action.triggered.connect(self.add_bookmark)
        self.bookmark_position_action.triggered.connect(self.bookmark_position)
        self.copy_citation_action.triggered.connect(self.copy_with_citation)
        for key, action in self.highlight_actions.items():
            action.triggered.connect(lambda _=False, k=key: self.highlight(k))
        self.highlight_last_action.triggered.connect(lambda: self.highlight(self.last_highlight()))
        self.rename_colours_action.triggered.connect(self.rename_colours)
        self.view.copyAvailable.connect(lambda _on: self._update_selection_actions())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_report_menu)
        tree_view = self.tree_panel.view
        tree_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree_view.customContextMenuRequested.connect(self._show_tree_menu)
        self.annotation_model.bodyEdited.connect(self.edit_body)
        for panel in (self.notes_panel, self.bookmarks_panel):
            panel.annotationActivated.connect(self.go_to_annotation)
            panel.deleteRequested.connect(self.delete_annotation)
            panel.colourRequested.connect(self.set_annotation_colour)
        self._update_selection_actions()
        self._update_undo_actions()

    # -- translation ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self._window_title())
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.edit_menu.setTitle(self.tr("编辑(&E)"))
        self.view_menu.setTitle(self.tr("视图(&V)"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        self.recent_menu.setTitle(self.tr("最近的报告(&R)"))
        self.open_action.setText(self.tr("打开(&O)…"))
        self.exports.retranslate()
        self.quit_action.setText(self.tr("退出(&Q)"))
        self.copy_action.setText(self.tr("复制(&C)"))
        self.find_action.setText(self.tr("查找(&F)…"))
        self.find_next_action.setText(self.tr("查找下一个"))
        self.find_prev_action.setText(self.tr("查找上一个"))
        self.zoom_in_action.setText(self.tr("放大"))
        self.zoom_out_action.setText(self.tr("缩小"))
        self.zoom_reset_action.setText(self.tr("原始大小"))
        self.kinds_menu.setTitle(self.tr("数据着色"))
        self.docks_menu.setTitle(self.tr("面板"))
        self.lang_menu.setTitle(self.tr("界面语言 / Language"))
        self.about_action.setText(self.tr("关于报告阅览器(&A)"))
        labels = self.kind_labels()
        for kind, action in self.kind_actions.items():
            action.setText(labels[kind])
            chip = self.legend_labels[kind]
            chip.setText(labels[kind])
            chip.setMinimumWidth(chip.sizeHint().width())
        self.tree_dock.setWindowTitle(self.tr("目录"))
        self.side_dock.setWindowTitle(self.tr("批注与数据"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.figures_panel), self.tr("数据"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.notes_panel), self.tr("批注"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.bookmarks_panel), self.tr("书签"))
        self.annotate_menu.setTitle(self.tr("批注(&A)"))
        self.highlight_menu.setTitle(self.tr("高亮"))
        self.annotate_toolbar.setWindowTitle(self.tr("批注工具栏"))
        self.add_note_action.setText(self.tr("添加批注…"))
        self.add_note_action.setToolTip(self.tr("为选中的文字添加批注 (Ctrl+Alt+M)"))
        self.add_bookmark_action.setText(self.tr("添加书签"))
        self.add_bookmark_action.setToolTip(self.tr("为选中的文字（未选中时为当前位置）添加书签，"
                                                    "名称取所在章节 (Ctrl+Alt+B)"))
        self.bookmark_position_action.setText(self.tr("为当前位置添加书签"))
        self.copy_citation_action.setText(self.tr("复制并注明出处"))
        self.copy_citation_action.setToolTip(self.tr("复制选中的文字，附报告标题和章节 (Ctrl+Shift+C)"))
        self.highlight_last_action.setText(self.tr("高亮"))
        self.rename_colours_action.setText(self.tr("重命名颜色…"))
        self.annotation_model.retranslate()
        self.notes_panel.retranslate()
        self.bookmarks_panel.retranslate()
        self._apply_colour_names()
        self._update_undo_actions()
        self.tree_panel.retranslate()
        self.figures_panel.retranslate()
        self.find_bar.retranslate()
        self._update_path_label(self.view.top_offset() if self.doc_id is not None else 0)

    def kind_labels(self) -> dict[str, str]:
        return {"count": self.tr("计数"), "percent": self.tr("百分比"), "money": self.tr("金额"),
                "date": self.tr("日期"), "number": self.tr("数字")}

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language_checked(self, lang: str) -> None:
        (self.lang_en_action if lang == "en" else self.lang_zh_action).setChecked(True)

    def _window_title(self) -> str:
        app_name = self.tr("报告阅览器")
        return f"{self._title} — {app_name}" if self._title else app_name

    # -- opening reports ------------------------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        """Show a library report at its saved position and the saved zoom."""
        if self.doc_id is not None:
            self.save_position()
        doc = self.store.document(doc_id)
        self.doc_id = doc_id
        self._title = doc.title
        self.sections = self.store.sections(doc_id)
        self.figures = self.store.figures(doc_id)
        self._searcher = None
        self.view.set_report(doc.text, self.sections, self.figures)
        self.tree_panel.set_sections(self.sections)
        self.figures_panel.set_figures(
            self.figures, [section_path_label(self.sections, f.start) for f in self.figures])
        self.undo_stack.clear()
        self.refresh_annotations(reset=True)
        self._update_selection_actions()
        self.setWindowTitle(self._window_title())
        self.store.set_setting("last_document", doc_id)
        position = self.store.get_setting(f"position:{doc_id}", 0)
        self.view.scroll_to_offset(int(position))
        self._on_reading_moved(self.view.top_offset())
        if self.find_bar.isVisible():
            self.run_find(self.find_bar.query())

    def import_and_open(self, path: str | os.PathLike) -> bool:
        """Import a file (if new) and open it; a bad file gets a message box and changes nothing."""
        from viewer.core.report import parse_path   # the parsers load only when a file is imported

        try:
            report = parse_path(path)
        except ReportViewerError as exc:
            QMessageBox.warning(self, self.tr("无法打开报告"), str(exc))
            return False
        result = self.store.import_report(report, source_path=path)
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
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开报告"), str(Path.home()),
                                              self.tr("报告 (*.txt *.html *.htm *.docx);;所有文件 (*)"))
        if path:
            self.import_and_open(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        docs = self.store.documents()
        if not docs:
            self.recent_menu.addAction(self.tr("（空）")).setEnabled(False)
        for info in reversed(docs):
            action = self.recent_menu.addAction(info.title)
            action.setCheckable(True)
            action.setChecked(info.id == self.doc_id)
            action.triggered.connect(lambda _=False, d=info.id: self.open_document(d))

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_file(url.toLocalFile())
                break

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
            self._save_timer.start()

    def _update_path_label(self, offset: int) -> None:
        label = section_path_label(self.sections, offset)
        self.path_label.setText(label or self.tr("（正文之前）"))
        if label:
            self.path_label.setToolTip(PATH_SEPARATOR.join(
                f"{n.number}{n.title}" for n in section_path(self.sections, offset)))

    def save_position(self) -> None:
        if self.doc_id is not None:
            self.store.set_setting(f"position:{self.doc_id}", self.view.top_offset())

    # -- view -----------------------------------------------------------------------------------

    def set_zoom(self, steps: int) -> None:
        self.view.set_zoom(steps)
        self.store.set_setting("zoom", self.view.zoom)

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
            self._searcher = TextSearcher(self.view.text())
        self._hits = self._searcher.find_all(query) if query else []
        top = self.view.top_offset()
        self._hit = next((i for i, (s, _) in enumerate(self._hits) if s >= top), 0) if self._hits else -1
        self._show_hits()

    def _show_hits(self) -> None:
        self.view.set_find_hits(self._hits, self._hit)
        self.find_bar.set_count(self._hit, len(self._hits))

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
        self._hits, self._hit = [], -1
        self.view.set_find_hits([])
        self.view.setFocus()

    # -- annotations: marks, lists, undo -----------------------------------------------------------

    def refresh_annotations(self, reset: bool = False) -> None:
        """Show the store's annotations of this report in the text and both tabs (after any change)."""
        notes = self.store.annotations(self.doc_id) if self.doc_id is not None else []
        self.annotation_model.set_annotations(notes, self.sections if reset else None)
        self.view.set_annotations(notes)

    def _annotation_changed(self, _uuid: str) -> None:
        self.refresh_annotations()

    def _store_failed(self, exc: StoreError) -> None:
        QMessageBox.warning(self, self.tr("未能保存"), str(exc))

    def _update_undo_actions(self) -> None:
        stack = self.undo_stack
        if not shiboken6.isValid(stack):           # the stack clears itself while the window dies
            return
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(self.tr("撤销 {0}").format(stack.undoText()).strip() if stack.canUndo()
                                 else self.tr("撤销"))
        self.redo_action.setText(self.tr("重做 {0}").format(stack.redoText()).strip() if stack.canRedo()
                                 else self.tr("重做"))

    def _update_selection_actions(self) -> None:
        has = self.doc_id is not None and self.view.textCursor().hasSelection()
        for action in self._selection_actions:
            action.setEnabled(has)
        self.highlight_menu.menuAction().setEnabled(True)    # its rename entry needs no selection
        self.bookmark_position_action.setEnabled(self.doc_id is not None)
        self.add_bookmark_action.setEnabled(self.doc_id is not None)    # no selection: the reading place
        self.exports.update_enabled()

    def step_name(self, step: str, kind: str) -> str:
        """The name of an undo step ("add", "edit", "delete") on one kind, whole for translators."""
        names = {
            ("add", "note"): self.tr("添加批注"), ("add", "bookmark"): self.tr("添加书签"),
            ("add", "highlight"): self.tr("添加高亮"),
            ("edit", "note"): self.tr("编辑批注"), ("edit", "bookmark"): self.tr("编辑书签"),
            ("edit", "highlight"): self.tr("编辑高亮说明"),
            ("delete", "note"): self.tr("删除批注"), ("delete", "bookmark"): self.tr("删除书签"),
            ("delete", "highlight"): self.tr("删除高亮"),
        }
        return names.get((step, kind), step)

    # colours and their meanings

    def default_colour_names(self) -> dict[str, str]:
        return {"yellow": self.tr("重点"), "blue": self.tr("疑问"), "green": self.tr("待办"),
                "pink": self.tr("数据", "highlight colour"), "purple": self.tr("引用")}

    def colour_names(self) -> dict[str, str]:
        """Each highlight colour's meaning: the user's name for it, else the default."""
        names = self.default_colour_names()
        saved = self.store.get_setting("highlight_names") or {}
        if isinstance(saved, dict):
            names.update({k: str(v) for k, v in saved.items() if k in names and str(v).strip()})
        return names

    def set_colour_names(self, names: dict[str, str]) -> None:
        """Rename highlight colours (kept in the library; an empty name goes back to the default)."""
        saved = self.store.get_setting("highlight_names") or {}
        saved = dict(saved) if isinstance(saved, dict) else {}
        defaults = self.default_colour_names()
        for key, name in names.items():
            if key not in defaults:
                continue
            name = name.strip()
            if not name or name == defaults[key]:
                saved.pop(key, None)
            else:
                saved[key] = name
        try:
            self.store.set_setting("highlight_names", saved)
        except StoreError as exc:
            self._store_failed(exc)
        self._apply_colour_names()

    def _apply_colour_names(self) -> None:
        names = self.colour_names()
        for key, action in self.highlight_actions.items():
            action.setText(names[key])
            action.setToolTip(self.tr("高亮：{0}").format(names[key]))
        last = self.last_highlight()
        self.highlight_last_action.setIcon(colour_swatch(palette.annotation_background("highlight", last)))
        self.highlight_last_action.setToolTip(
            self.tr("高亮为“{0}” (Ctrl+Alt+H)；点箭头选其他颜色").format(names[last]))
        self.annotation_model.set_colour_names(names)
        self.notes_panel.set_colour_names(names)
        self.bookmarks_panel.set_colour_names(names)
        self.view.set_colour_names(names)

    def last_highlight(self) -> str:
        key = self.store.get_setting("last_highlight", palette.DEFAULT_HIGHLIGHT)
        return key if key in palette.HIGHLIGHT_COLOURS else palette.DEFAULT_HIGHLIGHT

    def rename_colours(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("重命名高亮颜色"))
        form = QFormLayout(dialog)
        hint = QLabel(self.tr("给每种颜色起一个含义，例如“重点”“待核实”。"
                              "留空恢复默认。"), dialog)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        form.addRow(hint)
        edits: dict[str, QLineEdit] = {}
        names, defaults = self.colour_names(), self.default_colour_names()
        for key in palette.HIGHLIGHT_KEYS:
            swatch = QLabel(dialog)
            swatch.setPixmap(colour_swatch(palette.annotation_background("highlight", key), 18).pixmap(18, 18))
            edit = QLineEdit(names[key], dialog)
            edit.setPlaceholderText(defaults[key])
            edit.setMaxLength(12)
            form.addRow(swatch, edit)
            edits[key] = edit
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_colour_names({key: edit.text() for key, edit in edits.items()})

    # creating

    def _ensure_author(self) -> None:
        """The name on annotations: asked once, the first time, defaulting to the OS user name."""
        if self.store.get_setting("author"):
            return
        default = self.store.author()
        name, ok = QInputDialog.getText(
            self, self.tr("署名"), self.tr("批注和书签上署的名字（只问这一次）："),
            QLineEdit.EchoMode.Normal, default)
        name = name.strip() if ok else ""
        try:
            self.store.set_setting("author", name or default)
        except StoreError as exc:
            self._store_failed(exc)

    def _selection(self) -> tuple[int, int] | None:
        if self.doc_id is None:
            return None
        span = self.view.selected_offsets()
        if span is None or span[0] == span[1]:
            self.notify(self.tr("请先在报告中选中一段文字"))
            return None
        return span

    def _add(self, kind: str, start: int, end: int, *, body: str = "", colour: str = "") -> Annotation | None:
        """Create an annotation (committed at once) as one undoable step."""
        if self.doc_id is None:
            return None
        self._ensure_author()
        try:
            added = self.store.add_annotation(self.doc_id, kind, start, end, body=body, colour=colour)
        except StoreError as exc:
            self._store_failed(exc)
            return None
        self.undo_stack.push(AddAnnotationCommand(
            self.store, added, self.step_name("add", kind),
            self._annotation_changed, self._store_failed))
        self.refresh_annotations()
        return added

    def _show_in_panel(self, ann: Annotation) -> NotesPanel:
        panel = self.bookmarks_panel if ann.kind == "bookmark" else self.notes_panel
        self.side_tabs.setCurrentWidget(panel)
        panel.select(ann.uuid)
        return panel

    def add_note(self) -> Annotation | None:
        """A note on the selection; its body is typed in a small dialog and saved as it is typed."""
        span = self._selection()
        if span is None:
            return None
        added = self._add("note", *span)
        if added is None:
            return None
        self._show_in_panel(added)
        dialog = NoteDialog(added.exact, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.bodyChanged.connect(lambda body, u=added.uuid: self._save_new_note_body(u, body))
        dialog.rejected.connect(lambda u=added.uuid: self._discard_new_note(u))
        dialog.finished.connect(lambda _r: setattr(self, "note_dialog", None))
        self.note_dialog = dialog
        dialog.open()
        return added

    def _save_new_note_body(self, uuid: str, body: str) -> None:
        """The new note's body, typed in its dialog: part of the "add" step, so no undo entry."""
        try:
            self.store.update_annotation(uuid, body=body)
        except StoreError as exc:
            self._store_failed(exc)
        self.refresh_annotations()

    def _discard_new_note(self, uuid: str) -> None:
        """Cancel in the note dialog: the note goes. An empty one leaves no trace; one with text
        is undone like any step, so Redo (Ctrl+Shift+Z) brings the text back."""
        stack = self.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        try:
            typed = bool(self.store.annotation(uuid).body)
            if isinstance(top, AddAnnotationCommand) and top.uuid == uuid and stack.index() == stack.count():
                top.setObsolete(not typed)
                stack.undo()
            if not self.store.annotation(uuid).deleted:
                self.store.set_annotation_deleted(uuid, True)
        except StoreError as exc:
            self._store_failed(exc)
            typed = False
        self.refresh_annotations()
        if typed:
            self.notify(self.tr("已放弃这条批注（Ctrl+Shift+Z 可恢复）"))

    def _section_label(self, offset: int) -> str:
        path = section_path(self.sections, offset)
        if not path:
            return self._title
        node = path[-1]
        return f"{node.number}{node.title}".strip() or self._title

    def add_bookmark(self) -> Annotation | None:
        """A bookmark on the selection (without one, at the reading position), named after the
        section holding it."""
        span = self.view.selected_offsets() if self.doc_id is not None else None
        if span is None or span[0] == span[1]:
            return self.bookmark_position()
        return self._bookmark(span[0], span[1], self._section_label(span[0]))

    def bookmark_position(self) -> Annotation | None:
        """Ctrl+D: a bookmark at the start of the line at the top of the view."""
        if self.doc_id is None:
            return None
        top = self.view.top_offset()
        return self._bookmark(top, top, self._section_label(top))

    def bookmark_section(self, node: SectionNode) -> Annotation | None:
        return self._bookmark(node.start, node.start, f"{node.number}{node.title}".strip())

    def _bookmark(self, start: int, end: int, label: str) -> Annotation | None:
        added = self._add("bookmark", start, end, body=label)
        if added is not None:
            self._show_in_panel(added)
            self.notify(self.tr("已添加书签：{0}").format(label))
        return added

    def highlight(self, colour: str) -> Annotation | None:
        """Highlight the selection in a colour; the same span highlighted again changes colour."""
        span = self._selection()
        if span is None:
            return None
        if self.last_highlight() != colour:
            try:
                self.store.set_setting("last_highlight", colour)
            except StoreError:
                pass
            self._apply_colour_names()
        same = next((a for a in self.annotation_model.annotations()
                     if a.kind == "highlight" and (a.start, a.end) == span and not a.unplaced), None)
        if same is not None:
            self.set_annotation_colour(same.uuid, colour)
            return self.store.annotation(same.uuid)
        added = self._add("highlight", *span, colour=colour)
        if added is not None:
            self._show_in_panel(added)
        return added

    def citation(self, start: int, end: int) -> str:
        """The quote with the report's title and the section path, for pasting into a document."""
        quote = self.view.text()[start:end].strip()
        path = section_path(self.sections, start)
        where = ""
        if path:
            where = " " + section_path_label(self.sections, start)
            if path[-1].number and path[-1].title:
                where += f" {path[-1].title}"
        return f"“{quote}”\n——《{self._title}》{where}"

    def copy_with_citation(self) -> None:
        span = self._selection()
        if span is None:
            return
        QGuiApplication.clipboard().setText(self.citation(*span))
        self.notify(self.tr("已复制引文及出处"))

    # changing

    def edit_body(self, uuid: str, body: str, session: object = None) -> None:
        """A new body (typed in a panel): stored at once, one undo step per editing session."""
        self._change_annotation(uuid, lambda before: self.step_name("edit", before.kind),
                                session=session, body=body)

    def set_annotation_colour(self, uuid: str, colour: str) -> None:
        self._change_annotation(uuid, lambda _before: self.tr("更改颜色"), colour=colour)

    def _change_annotation(self, uuid: str, step_name, session: object = None, **changes: str) -> None:
        """Store a body or colour change at once and record it as an undo step (nothing if unchanged)."""
        try:
            before = self.store.annotation(uuid)
            if all(getattr(before, key) == value for key, value in changes.items()):
                return
            self.store.update_annotation(uuid, **changes)
        except StoreError as exc:
            self._store_failed(exc)
            return
        self.undo_stack.push(EditAnnotationCommand(
            self.store, before, step_name(before), self._annotation_changed, self._store_failed,
            session=session, **changes))
        self.refresh_annotations()

    def delete_annotation(self, uuid: str) -> None:
        """Delete (a tombstone the store keeps for share files); undo brings it back."""
        try:
            ann = self.store.set_annotation_deleted(uuid, True)
        except StoreError as exc:
            self._store_failed(exc)
            return
        self.undo_stack.push(DeleteAnnotationCommand(
            self.store, uuid, self.step_name("delete", ann.kind),
            self._annotation_changed, self._store_failed))
        self.refresh_annotations()
        self.notify(self.tr("{0}：已完成（Ctrl+Z 撤销）").format(self.step_name("delete", ann.kind)))

    # going there

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

    # context menus

    def report_menu(self, pos: QPoint) -> QMenu:
        """The report pane's context menu at viewport point `pos`: Copy and the annotation actions,
        and for a mark under the mouse, its own edit and delete."""
        self._update_selection_actions()
        menu = self.view.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.add_note_action)
        selected = self.view.textCursor().hasSelection()
        if selected or self.doc_id is None:
            menu.addAction(self.add_bookmark_action)
        else:                                   # nothing selected: mark the clicked line
            line = self.view.cursorForPosition(pos)
            line.movePosition(QTextCursor.MoveOperation.StartOfLine)
            here = self.view.from_qt(line.position())
            mark_here = menu.addAction(self.tr("在此行添加书签"))
            mark_here.triggered.connect(lambda: self._bookmark(here, here, self._section_label(here)))
        menu.addMenu(self.highlight_menu)
        menu.addAction(self.copy_citation_action)
        if self.doc_id is not None:
            offset = self.view.from_qt(self.view.cursorForPosition(pos).position())
            marks = self.view.annotations_at(offset)
            if marks:
                menu.addSeparator()
            for mark in marks[:3]:
                if mark.kind == "highlight":
                    name = self.colour_names().get(mark.colour, mark.colour)
                    edit_text = self.tr("为高亮“{0}”写说明…").format(name)
                    delete_text = self.tr("删除高亮“{0}”").format(name)
                else:
                    edit_text = self.tr("编辑这条批注…")
                    delete_text = self.tr("删除这条批注")
                edit = menu.addAction(edit_text)
                edit.triggered.connect(lambda _=False, m=mark: self.edit_in_panel(m.uuid))
                delete = menu.addAction(delete_text)
                delete.triggered.connect(lambda _=False, u=mark.uuid: self.delete_annotation(u))
        return menu

    def _show_report_menu(self, pos: QPoint) -> None:
        self.report_menu(pos).exec(self.view.viewport().mapToGlobal(pos))

    def edit_in_panel(self, uuid: str):
        """Open an annotation's body editor in its tab."""
        ann = self.store.annotation(uuid)
        panel = self._show_in_panel(ann)
        if not self.side_dock.isVisible():
            self.side_dock.show()
        return panel.edit(uuid)

    def tree_menu(self, node: SectionNode) -> QMenu:
        menu = QMenu(self)
        go = menu.addAction(self.tr("跳到本节"))
        go.triggered.connect(lambda: self.go_to_section(node))
        mark = menu.addAction(self.tr("为本节添加书签"))
        mark.triggered.connect(lambda: self.bookmark_section(node))
        return menu

    def _show_tree_menu(self, pos: QPoint) -> None:
        view = self.tree_panel.view
        index: QModelIndex = view.indexAt(pos)
        node = self.tree_panel.proxy.mapToSource(index).data(NodeRole) if index.isValid() else None
        if node is not None:
            self.tree_menu(node).exec(view.viewport().mapToGlobal(pos))

    # -- export ---------------------------------------------------------------------------------

    def report_title(self) -> str:
        return self._title

    def notify(self, text: str) -> None:
        """A short-lived confirmation in the status bar, beside the section path."""
        self.notice_label.setText(text)
        self._notice_timer.start()

    # -- window state ---------------------------------------------------------------------------

    def restore_layout(self) -> None:
        geometry = self.store.get_setting("window_geometry")
        state = self.store.get_setting("window_state")
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if state:
            self.restoreState(QByteArray.fromBase64(state.encode("ascii")))
        self.view.set_zoom(int(self.store.get_setting("zoom", 0)))

        tab = self.store.get_setting("side_tab")
        if isinstance(tab, int) and 0 <= tab < self.side_tabs.count():
            self.side_tabs.setCurrentIndex(tab)

    def save_layout(self) -> None:
        self.store.set_setting("window_geometry", bytes(self.saveGeometry().toBase64()).decode("ascii"))
        self.store.set_setting("window_state", bytes(self.saveState().toBase64()).decode("ascii"))
        self.store.set_setting("side_tab", self.side_tabs.currentIndex())

    def commit_typing(self) -> None:
        """Save a note body being typed (inline editor or the note dialog) now."""
        self.notes_panel.commit_editor()
        self.bookmarks_panel.commit_editor()
        if self.note_dialog is not None:
            self.note_dialog.flush()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.commit_typing()
        self._save_timer.stop()
        self.save_position()
        self.save_layout()
        super().closeEvent(event)
