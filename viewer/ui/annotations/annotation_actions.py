"""The reader's own marks: the 批注 menu, toolbar and context-menu actions, each create, edit and
delete as one undoable step through the session, and the highlight colours' names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QMessageBox, QToolBar, QToolButton, QWidget

from viewer.core.errors import StoreError
from viewer.core.export import colour_names as names_over_defaults
from viewer.core.export import page_text, section_path_label
from viewer.core.model import Annotation, SectionNode, section_path
from viewer.store import settings
from viewer.ui import palette
from viewer.ui.labels import default_colour_names
from viewer.ui.ui_language import error_text
from viewer.ui.annotations.annotation_commands import (
    AddAnnotationCommand, DeleteAnnotationCommand, EditAnnotationCommand,
)
from viewer.ui.palette import colour_swatch
from viewer.ui.reader.section_tree import NodeRole

if TYPE_CHECKING:
    from viewer.ui.annotations.note_dialog import NoteDialog   # loaded with the first note (start-up)
    from viewer.ui.reader.section_tree import SectionTreePanel
    from viewer.ui.reader.text_pane import ReportView
    from viewer.ui.session import ReportSession

COLOUR_SETTINGS = (settings.HIGHLIGHT_NAMES.name, settings.LAST_HIGHLIGHT.name)   # settingChanged names


class AnnotationActions(QObject):
    """Owns the annotation actions, the undo stack and the note dialog of one session's report pane;
    every change is committed to the library at once and pushed as one undo step.

    It works on the session, the report pane (`view`: selection, context menu) and the 目录
    (`tree_panel`: its context menu); `parent` holds the actions and dialogs. What only a window
    can do it asks for with signals."""

    noticeRequested = Signal(str)           # a short confirmation for the status bar
    showRequested = Signal(object, bool)    # Annotation, open its editor: show it in its tab
    sectionRequested = Signal(object)       # SectionNode to scroll to
    colourNamesChanged = Signal(dict)       # colour key -> its meaning, for the views

    def __init__(self, session: "ReportSession", view: "ReportView", tree_panel: "SectionTreePanel",
                 parent: QWidget):
        super().__init__(parent)
        self.session = session
        self.view = view
        self.tree_panel = tree_panel
        self.parent_widget = parent
        self.undo_stack = QUndoStack(self)
        self.note_dialog: NoteDialog | None = None
        self._init_actions()
        self._init_menus()
        self._connect_signals()
        self.retranslate()

    def _action(self, shortcut: str | None = None) -> QAction:
        action = QAction(self.parent_widget)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _init_actions(self) -> None:
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
        self.highlight_menu = QMenu(self.parent_widget)
        for action in self.highlight_actions.values():
            self.highlight_menu.addAction(action)
        self.highlight_menu.addSeparator()
        self.highlight_menu.addAction(self.rename_colours_action)
        self.menu = QMenu(self.parent_widget)
        self.menu.addAction(self.add_note_action)
        self.menu.addAction(self.add_bookmark_action)
        self.menu.addMenu(self.highlight_menu)
        self.menu.addAction(self.copy_citation_action)
        self.menu.addSeparator()
        self.menu.addAction(self.bookmark_position_action)
        self.toolbar = QToolBar(self.parent_widget)
        self.toolbar.setObjectName("annotateToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.add_note_action)
        self.highlight_button = QToolButton(self.parent_widget)
        self.highlight_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.highlight_button.setDefaultAction(self.highlight_last_action)
        self.highlight_button.setMenu(self.highlight_menu)
        self.highlight_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.toolbar.addWidget(self.highlight_button)
        self.toolbar.addAction(self.add_bookmark_action)
        self.toolbar.addAction(self.copy_citation_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)

    def _connect_signals(self) -> None:
        session = self.session
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
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_report_menu)
        self.view.copyAvailable.connect(lambda _on: self.update_enabled())
        tree_view = self.tree_panel.view
        tree_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree_view.customContextMenuRequested.connect(self._show_tree_menu)
        session.documentOpened.connect(self._on_document_opened)
        session.settingChanged.connect(self._on_setting_changed)
        session.languageChanged.connect(lambda _lang: self.retranslate())
        self.update_enabled()

    def _on_document_opened(self, _doc_id: int) -> None:
        self.undo_stack.clear()
        self.update_enabled()

    def _on_setting_changed(self, key: str, _value: object) -> None:
        if key in COLOUR_SETTINGS:
            self._apply_colour_names()

    def retranslate(self) -> None:
        for i in range(self.undo_stack.count()):      # the steps made so far, named in the new language
            self.undo_stack.command(i).retitle()
        self.menu.setTitle(self.tr("批注(&A)"))
        self.highlight_menu.setTitle(self.tr("高亮"))
        self.toolbar.setWindowTitle(self.tr("批注工具栏"))
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
        self._apply_colour_names()
        self._update_undo_actions()

    def update_enabled(self) -> None:
        """Selection actions need selected text; bookmarks only an open report."""
        is_open = self.session.doc_id is not None
        has = is_open and self.view.textCursor().hasSelection()
        for action in self._selection_actions:
            action.setEnabled(has)
        self.highlight_menu.menuAction().setEnabled(True)    # its rename entry needs no selection
        self.bookmark_position_action.setEnabled(is_open)
        self.add_bookmark_action.setEnabled(is_open)    # no selection: the reading place

    def commit_typing(self) -> None:
        if self.note_dialog is not None:
            self.note_dialog.flush()

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

    def default_colour_names(self) -> dict[str, str]:
        return default_colour_names()

    def colour_names(self) -> dict[str, str]:
        """Each highlight colour's meaning: the user's name for it, else the default."""
        return names_over_defaults(self.session.get_setting(settings.HIGHLIGHT_NAMES), self.default_colour_names())

    def set_colour_names(self, names: dict[str, str]) -> None:
        """Rename highlight colours (kept in the library; an empty name goes back to the default)."""
        saved = self.session.get_setting(settings.HIGHLIGHT_NAMES) or {}
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
            self.session.set_setting(settings.HIGHLIGHT_NAMES, saved)     # the views follow settingChanged
        except StoreError as exc:
            self._store_failed(exc)

    def _apply_colour_names(self) -> None:
        names = self.colour_names()
        for key, action in self.highlight_actions.items():
            action.setText(names[key])
            action.setToolTip(self.tr("高亮：{0}").format(names[key]))
        last = self.last_highlight()
        self.highlight_last_action.setIcon(colour_swatch(palette.annotation_background("highlight", last)))
        self.highlight_last_action.setToolTip(
            self.tr("高亮为“{0}” (Ctrl+Alt+H)；点箭头选其他颜色").format(names[last]))
        self.colourNamesChanged.emit(names)

    def last_highlight(self) -> str:
        key = self.session.get_setting(settings.LAST_HIGHLIGHT)
        return key if key in palette.HIGHLIGHT_COLOURS else palette.DEFAULT_HIGHLIGHT

    def rename_colours(self) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout   # start-up: on first use

        dialog = QDialog(self.parent_widget)
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

    def _ensure_author(self) -> None:
        """The name on annotations: asked once, the first time, defaulting to the OS user name."""
        if self.session.get_setting(settings.AUTHOR):
            return
        from PySide6.QtWidgets import QInputDialog     # start-up: on first use

        default = self.session.store.author()
        name, ok = QInputDialog.getText(
            self.parent_widget, self.tr("署名"), self.tr("批注和书签上署的名字（只问这一次）："),
            QLineEdit.EchoMode.Normal, default)
        name = name.strip() if ok else ""
        try:
            self.session.set_setting(settings.AUTHOR, name or default)
        except StoreError as exc:
            self._store_failed(exc)

    def _selection(self) -> tuple[int, int] | None:
        if self.session.doc_id is None:
            return None
        span = self.view.selected_offsets()
        if span is None or span[0] == span[1]:
            self.noticeRequested.emit(self.tr("请先在报告中选中一段文字"))
            return None
        return span

    def add(self, kind: str, start: int, end: int, *, body: str = "", colour: str = "") -> Annotation | None:
        """Create an annotation (committed at once) as one undoable step."""
        if self.session.doc_id is None:
            return None
        self._ensure_author()
        try:
            added = self.session.add_annotation(kind, start, end, body=body, colour=colour)
        except StoreError as exc:
            self._store_failed(exc)
            return None
        self.undo_stack.push(AddAnnotationCommand(self.session, added, lambda: self.step_name("add", kind),
                                                  self._store_failed))
        return added

    def _show_in_panel(self, ann: Annotation) -> None:
        self.showRequested.emit(ann, False)

    def add_note(self) -> Annotation | None:
        """A note on the selection; its body is typed in a small dialog and saved as it is typed."""
        from viewer.ui.annotations.note_dialog import NoteDialog

        span = self._selection()
        if span is None:
            return None
        added = self.add("note", *span)
        if added is None:
            return None
        self._show_in_panel(added)
        dialog = NoteDialog(added.exact, self.parent_widget)
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
            self.session.update_annotation(uuid, body=body)
        except StoreError as exc:
            if self.note_dialog is not None:
                self.note_dialog.editor.save_failed()      # the dialog keeps the text and stays open
            self._store_failed(exc, typing=True)

    def _discard_new_note(self, uuid: str) -> None:
        """Cancel in the note dialog: the note goes. An empty one leaves no trace; one with text
        is undone like any step, so Redo (Ctrl+Shift+Z) brings the text back."""
        stack = self.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        try:
            typed = bool(self.session.annotation(uuid).body)
            if isinstance(top, AddAnnotationCommand) and top.uuid == uuid and stack.index() == stack.count():
                top.setObsolete(not typed)
                stack.undo()
            if not self.session.annotation(uuid).deleted:
                self.session.delete_annotation(uuid)
        except StoreError as exc:
            self._store_failed(exc)
            typed = False
        if typed:
            self.noticeRequested.emit(self.tr("已放弃这条批注（Ctrl+Shift+Z 可恢复）"))

    def _section_label(self, offset: int) -> str:
        title = self.session.title
        path = section_path(self.session.sections, offset)
        if not path:
            return title
        node = path[-1]
        return f"{node.number}{node.title}".strip() or title

    def add_bookmark(self) -> Annotation | None:
        """A bookmark on the selection (without one, at the reading position), named after the
        section holding it."""
        span = self.view.selected_offsets() if self.session.doc_id is not None else None
        if span is None or span[0] == span[1]:
            return self.bookmark_position()
        return self._bookmark(span[0], span[1], self._section_label(span[0]))

    def bookmark_position(self) -> Annotation | None:
        """Ctrl+D: a bookmark at the start of the line at the top of the view."""
        if self.session.doc_id is None:
            return None
        top = self.view.top_offset()
        return self._bookmark(top, top, self._section_label(top))

    def bookmark_section(self, node: SectionNode) -> Annotation | None:
        return self._bookmark(node.start, node.start, f"{node.number}{node.title}".strip())

    def _bookmark(self, start: int, end: int, label: str) -> Annotation | None:
        added = self.add("bookmark", start, end, body=label)
        if added is not None:
            self._show_in_panel(added)
            self.noticeRequested.emit(self.tr("已添加书签：{0}").format(label))
        return added

    def highlight(self, colour: str) -> Annotation | None:
        """Highlight the selection in a colour; the same span highlighted again changes colour."""
        span = self._selection()
        if span is None:
            return None
        if self.last_highlight() != colour:
            try:
                self.session.set_setting(settings.LAST_HIGHLIGHT, colour)     # the button follows settingChanged
            except StoreError:
                pass
        same = next((a for a in self.session.annotations()
                     if a.kind == "highlight" and (a.start, a.end) == span and not a.unplaced), None)
        if same is not None:
            self.set_annotation_colour(same.uuid, colour)
            return self.session.annotation(same.uuid)
        added = self.add("highlight", *span, colour=colour)
        if added is not None:
            self._show_in_panel(added)
        return added

    def citation(self, start: int, end: int) -> str:
        """The quote with the report's title, the section path and, in a paged report, the page
        (`第2页`, Chinese like the rest of the citation), for pasting into a document."""
        sections = self.session.sections
        quote = self.session.text[start:end].strip()
        path = section_path(sections, start)
        where = ""
        if path:
            where = " " + section_path_label(sections, start)
            if path[-1].number and path[-1].title:
                where += f" {path[-1].title}"
        if page := page_text(self.session.pages, start):
            where += f" {page}"
        return f"“{quote}”\n——《{self.session.title}》{where}"

    def copy_with_citation(self) -> None:
        span = self._selection()
        if span is None:
            return
        QGuiApplication.clipboard().setText(self.citation(*span))
        self.noticeRequested.emit(self.tr("已复制引文及出处"))

    def edit_body(self, uuid: str, body: str, editing: object = None) -> None:
        """A new body (typed in a panel): stored at once, one undo step per editing session (the
        editor keeps a body that could not be stored, and saves it again)."""
        self._change_annotation(uuid, lambda before: self.step_name("edit", before.kind),
                                editing=editing, typing=True, body=body)

    def set_annotation_colour(self, uuid: str, colour: str) -> None:
        self._change_annotation(uuid, lambda _before: self.tr("更改颜色"), colour=colour)

    def _change_annotation(self, uuid: str, step_name, editing: object = None, typing: bool = False,
                           **changes: str) -> None:
        """Store a body or colour change at once and record it as an undo step (nothing if unchanged)."""
        try:
            before = self.session.annotation(uuid)
            if all(getattr(before, key) == value for key, value in changes.items()):
                return
            self.session.update_annotation(uuid, **changes)
        except StoreError as exc:
            self._store_failed(exc, typing=typing)
            return
        self.undo_stack.push(EditAnnotationCommand(self.session, before, lambda: step_name(before), self._store_failed,
                                                   editing=editing, **changes))

    def delete_annotation(self, uuid: str) -> None:
        """Delete (a tombstone the store keeps for share files); undo brings it back."""
        try:
            ann = self.session.delete_annotation(uuid).updated[0]
        except StoreError as exc:
            self._store_failed(exc)
            return
        self.undo_stack.push(DeleteAnnotationCommand(self.session, uuid, lambda: self.step_name("delete", ann.kind),
                                                     self._store_failed))
        self.noticeRequested.emit(self.tr("{0}：已完成（Ctrl+Z 撤销）").format(self.step_name("delete", ann.kind)))

    def report_menu(self, pos: QPoint) -> QMenu:
        """The report pane's context menu at viewport point `pos`: Copy and the annotation actions,
        and for a mark under the mouse, its own edit and delete."""
        self.update_enabled()
        view = self.view
        menu = view.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.add_note_action)
        selected = view.textCursor().hasSelection()
        if selected or self.session.doc_id is None:
            menu.addAction(self.add_bookmark_action)
        else:                                   # nothing selected: mark the clicked line
            line = view.cursorForPosition(pos)
            line.movePosition(QTextCursor.MoveOperation.StartOfLine)
            here = view.from_qt(line.position())
            mark_here = menu.addAction(self.tr("在此行添加书签"))
            mark_here.triggered.connect(lambda: self._bookmark(here, here, self._section_label(here)))
        menu.addMenu(self.highlight_menu)
        menu.addAction(self.copy_citation_action)
        if self.session.doc_id is not None:
            offset = view.from_qt(view.cursorForPosition(pos).position())
            marks = view.annotations_at(offset)
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

    def edit_in_panel(self, uuid: str) -> None:
        """Open an annotation's body editor in its tab."""
        self.showRequested.emit(self.session.annotation(uuid), True)

    def tree_menu(self, node: SectionNode) -> QMenu:
        menu = QMenu(self.parent_widget)
        go = menu.addAction(self.tr("跳到本节"))
        go.triggered.connect(lambda: self.sectionRequested.emit(node))
        mark = menu.addAction(self.tr("为本节添加书签"))
        mark.triggered.connect(lambda: self.bookmark_section(node))
        return menu

    def _show_tree_menu(self, pos: QPoint) -> None:
        view = self.tree_panel.view
        index: QModelIndex = view.indexAt(pos)
        node = self.tree_panel.proxy.mapToSource(index).data(NodeRole) if index.isValid() else None
        if node is not None:
            self.tree_menu(node).exec(view.viewport().mapToGlobal(pos))

    def _store_failed(self, exc: StoreError, typing: bool = False) -> None:
        """A write that failed, said in a message box; on a full disk the box comes once (until a
        write succeeds again: later failures go to the status bar), saying that typed text is kept."""
        text = error_text(exc)
        if exc.code == "store.disk_full":
            if typing:
                text += "\n\n" + self.tr("你输入的文字仍在编辑框中，没有丢失；腾出空间后继续输入，"
                                          "或按 Ctrl+Enter，就会再保存一次。")
            if self.session.store.disk_failures > 1:
                self.noticeRequested.emit(self.tr("磁盘已满，未能保存；腾出空间后再保存一次"))
                return
        QMessageBox.warning(self.parent_widget, self.tr("未能保存"), text)
