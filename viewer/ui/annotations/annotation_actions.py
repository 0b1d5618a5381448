"""The reader's own marks from the window: the 批注 menu, toolbar and context-menu actions, each
create, edit and delete as one undoable step, and the highlight colours' names."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QTextCursor, QUndoStack
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QLineEdit,
                               QMenu, QMessageBox, QToolBar, QToolButton)

from viewer.core.errors import StoreError
from viewer.core.export import colour_names as names_over_defaults
from viewer.core.export import section_path_label
from viewer.core.model import Annotation, SectionNode, section_path
from viewer.ui import palette
from viewer.ui.ui_language import error_text
from viewer.ui.annotations.annotation_commands import (
    AddAnnotationCommand, DeleteAnnotationCommand, EditAnnotationCommand,
)
from viewer.ui.palette import colour_swatch
from viewer.ui.annotations.notes_panel import NotesPanel
from viewer.ui.reader.section_tree import NodeRole

if TYPE_CHECKING:
    from viewer.ui.annotations.note_dialog import NoteDialog   # loaded with the first note (start-up)
    from viewer.ui.main_window import MainWindow


class AnnotationActions(QObject):
    """Owns the window's annotation actions, its undo stack and the note dialog; every change is
    committed to the library at once and pushed as one undo step."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.undo_stack = QUndoStack(self)
        self.note_dialog: NoteDialog | None = None
        self._init_actions()
        self._init_menus()

    def _action(self, shortcut: str | None = None) -> QAction:
        action = QAction(self.window)
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
        self.highlight_menu = QMenu(self.window)
        for action in self.highlight_actions.values():
            self.highlight_menu.addAction(action)
        self.highlight_menu.addSeparator()
        self.highlight_menu.addAction(self.rename_colours_action)
        self.menu = QMenu(self.window)
        self.menu.addAction(self.add_note_action)
        self.menu.addAction(self.add_bookmark_action)
        self.menu.addMenu(self.highlight_menu)
        self.menu.addAction(self.copy_citation_action)
        self.menu.addSeparator()
        self.menu.addAction(self.bookmark_position_action)
        self.toolbar = QToolBar(self.window)
        self.toolbar.setObjectName("annotateToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.add_note_action)
        self.highlight_button = QToolButton(self.window)
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

    def connect_signals(self) -> None:
        """Wire the actions and the window's panels (called once the window's widgets exist)."""
        window = self.window
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
        window.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.view.customContextMenuRequested.connect(self._show_report_menu)
        tree_view = window.tree_panel.view
        tree_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree_view.customContextMenuRequested.connect(self._show_tree_menu)
        window.annotation_model.bodyEdited.connect(self.edit_body)
        for panel in (window.notes_panel, window.bookmarks_panel):
            panel.annotationActivated.connect(window.go_to_annotation)
            panel.deleteRequested.connect(self.delete_annotation)
            panel.colourRequested.connect(self.set_annotation_colour)
        self._update_undo_actions()

    def retranslate(self) -> None:
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
        window = self.window
        has = window.doc_id is not None and window.view.textCursor().hasSelection()
        for action in self._selection_actions:
            action.setEnabled(has)
        self.highlight_menu.menuAction().setEnabled(True)    # its rename entry needs no selection
        self.bookmark_position_action.setEnabled(window.doc_id is not None)
        self.add_bookmark_action.setEnabled(window.doc_id is not None)    # no selection: the reading place

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
        return {"yellow": self.tr("重点"), "blue": self.tr("疑问"), "green": self.tr("待办"),
                "pink": self.tr("数据", "highlight colour"), "purple": self.tr("引用")}

    def colour_names(self) -> dict[str, str]:
        """Each highlight colour's meaning: the user's name for it, else the default."""
        return names_over_defaults(self.store.get_setting("highlight_names"), self.default_colour_names())

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
        self.window.annotation_model.set_colour_names(names)
        self.window.notes_panel.set_colour_names(names)
        self.window.bookmarks_panel.set_colour_names(names)
        self.window.view.set_colour_names(names)

    def last_highlight(self) -> str:
        key = self.store.get_setting("last_highlight", palette.DEFAULT_HIGHLIGHT)
        return key if key in palette.HIGHLIGHT_COLOURS else palette.DEFAULT_HIGHLIGHT

    def rename_colours(self) -> None:
        dialog = QDialog(self.window)
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
        if self.store.get_setting("author"):
            return
        default = self.store.author()
        name, ok = QInputDialog.getText(
            self.window, self.tr("署名"), self.tr("批注和书签上署的名字（只问这一次）："),
            QLineEdit.EchoMode.Normal, default)
        name = name.strip() if ok else ""
        try:
            self.store.set_setting("author", name or default)
        except StoreError as exc:
            self._store_failed(exc)

    def _selection(self) -> tuple[int, int] | None:
        if self.window.doc_id is None:
            return None
        span = self.window.view.selected_offsets()
        if span is None or span[0] == span[1]:
            self.window.notify(self.tr("请先在报告中选中一段文字"))
            return None
        return span

    def _add(self, kind: str, start: int, end: int, *, body: str = "", colour: str = "") -> Annotation | None:
        """Create an annotation (committed at once) as one undoable step."""
        if self.window.doc_id is None:
            return None
        self._ensure_author()
        try:
            added = self.store.add_annotation(self.window.doc_id, kind, start, end, body=body, colour=colour)
        except StoreError as exc:
            self._store_failed(exc)
            return None
        self.undo_stack.push(AddAnnotationCommand(
            self.store, added, self.step_name("add", kind),
            self._annotation_changed, self._store_failed))
        self.window.refresh_annotations()
        return added

    def _show_in_panel(self, ann: Annotation) -> NotesPanel:
        panel = self.window.bookmarks_panel if ann.kind == "bookmark" else self.window.notes_panel
        self.window.side_tabs.setCurrentWidget(panel)
        panel.select(ann.uuid)
        return panel

    def add_note(self) -> Annotation | None:
        """A note on the selection; its body is typed in a small dialog and saved as it is typed."""
        from viewer.ui.annotations.note_dialog import NoteDialog

        span = self._selection()
        if span is None:
            return None
        added = self._add("note", *span)
        if added is None:
            return None
        self._show_in_panel(added)
        dialog = NoteDialog(added.exact, self.window)
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
        self.window.refresh_annotations()

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
        self.window.refresh_annotations()
        if typed:
            self.window.notify(self.tr("已放弃这条批注（Ctrl+Shift+Z 可恢复）"))

    def _section_label(self, offset: int) -> str:
        path = section_path(self.window.sections, offset)
        if not path:
            return self.window._title
        node = path[-1]
        return f"{node.number}{node.title}".strip() or self.window._title

    def add_bookmark(self) -> Annotation | None:
        """A bookmark on the selection (without one, at the reading position), named after the
        section holding it."""
        span = self.window.view.selected_offsets() if self.window.doc_id is not None else None
        if span is None or span[0] == span[1]:
            return self.bookmark_position()
        return self._bookmark(span[0], span[1], self._section_label(span[0]))

    def bookmark_position(self) -> Annotation | None:
        """Ctrl+D: a bookmark at the start of the line at the top of the view."""
        if self.window.doc_id is None:
            return None
        top = self.window.view.top_offset()
        return self._bookmark(top, top, self._section_label(top))

    def bookmark_section(self, node: SectionNode) -> Annotation | None:
        return self._bookmark(node.start, node.start, f"{node.number}{node.title}".strip())

    def _bookmark(self, start: int, end: int, label: str) -> Annotation | None:
        added = self._add("bookmark", start, end, body=label)
        if added is not None:
            self._show_in_panel(added)
            self.window.notify(self.tr("已添加书签：{0}").format(label))
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
        same = next((a for a in self.window.annotation_model.annotations()
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
        quote = self.window.view.text()[start:end].strip()
        path = section_path(self.window.sections, start)
        where = ""
        if path:
            where = " " + section_path_label(self.window.sections, start)
            if path[-1].number and path[-1].title:
                where += f" {path[-1].title}"
        return f"“{quote}”\n——《{self.window._title}》{where}"

    def copy_with_citation(self) -> None:
        span = self._selection()
        if span is None:
            return
        QGuiApplication.clipboard().setText(self.citation(*span))
        self.window.notify(self.tr("已复制引文及出处"))

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
        self.window.refresh_annotations()

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
        self.window.refresh_annotations()
        self.window.notify(self.tr("{0}：已完成（Ctrl+Z 撤销）").format(self.step_name("delete", ann.kind)))

    def report_menu(self, pos: QPoint) -> QMenu:
        """The report pane's context menu at viewport point `pos`: Copy and the annotation actions,
        and for a mark under the mouse, its own edit and delete."""
        self.window._update_selection_actions()
        menu = self.window.view.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.add_note_action)
        selected = self.window.view.textCursor().hasSelection()
        if selected or self.window.doc_id is None:
            menu.addAction(self.add_bookmark_action)
        else:                                   # nothing selected: mark the clicked line
            line = self.window.view.cursorForPosition(pos)
            line.movePosition(QTextCursor.MoveOperation.StartOfLine)
            here = self.window.view.from_qt(line.position())
            mark_here = menu.addAction(self.tr("在此行添加书签"))
            mark_here.triggered.connect(lambda: self._bookmark(here, here, self._section_label(here)))
        menu.addMenu(self.highlight_menu)
        menu.addAction(self.copy_citation_action)
        if self.window.doc_id is not None:
            offset = self.window.view.from_qt(self.window.view.cursorForPosition(pos).position())
            marks = self.window.view.annotations_at(offset)
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
        self.report_menu(pos).exec(self.window.view.viewport().mapToGlobal(pos))

    def edit_in_panel(self, uuid: str):
        """Open an annotation's body editor in its tab."""
        ann = self.store.annotation(uuid)
        panel = self._show_in_panel(ann)
        if not self.window.side_dock.isVisible():
            self.window.side_dock.show()
        return panel.edit(uuid)

    def tree_menu(self, node: SectionNode) -> QMenu:
        menu = QMenu(self.window)
        go = menu.addAction(self.tr("跳到本节"))
        go.triggered.connect(lambda: self.window.go_to_section(node))
        mark = menu.addAction(self.tr("为本节添加书签"))
        mark.triggered.connect(lambda: self.bookmark_section(node))
        return menu

    def _show_tree_menu(self, pos: QPoint) -> None:
        view = self.window.tree_panel.view
        index: QModelIndex = view.indexAt(pos)
        node = self.window.tree_panel.proxy.mapToSource(index).data(NodeRole) if index.isValid() else None
        if node is not None:
            self.tree_menu(node).exec(view.viewport().mapToGlobal(pos))

    def _store_failed(self, exc: StoreError) -> None:
        QMessageBox.warning(self.window, self.tr("未能保存"), error_text(exc))

    def _annotation_changed(self, _uuid: str) -> None:
        self.window.refresh_annotations()
