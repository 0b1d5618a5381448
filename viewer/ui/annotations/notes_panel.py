"""The 批注 and 书签 tabs: filters above a list of note cards in reading order, unplaced ones last."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (QEvent, QModelIndex, Qt, Signal)
from PySide6.QtGui import (QAction, QColor,
                           QPalette)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout,
                               QLabel, QLineEdit, QMenu, QToolButton, QVBoxLayout,
                               QWidget)

from viewer.core.model import Annotation
from viewer.ui import palette
from viewer.ui.annotations.annotation_model import AnnotationFilterProxy, AnnotationListModel, AnnotationRole, NO_COLOUR
from viewer.ui.labels import annotation_kinds_label
from viewer.ui.palette import colour_swatch

if TYPE_CHECKING:  # the card list's modules load when a tab first shows its cards (start-up)
    from viewer.ui.annotations.note_card import CardList, NoteCardDelegate
    from viewer.ui.annotations.note_editor import NoteBodyEditor


class NotesPanel(QWidget):
    """One tab (批注: notes and highlights; 书签: bookmarks): filters over a list of cards.

    The card list (`view`, drawn by `delegate`) is built when the tab is first shown or first
    asked for, not with the window: at start-up the 数据 tab is usually the one on screen.
    """

    annotationActivated = Signal(object)          # Annotation: jump to it
    deleteRequested = Signal(str)                 # uuid
    colourRequested = Signal(str, str)            # uuid, colour key

    def __init__(self, model: AnnotationListModel, kinds: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.kinds = kinds
        self.model = model
        self.proxy = AnnotationFilterProxy(kinds, self)
        self.proxy.setSourceModel(model)
        self._names: dict[str, str] = {}
        self._view: CardList | None = None
        self._delegate: NoteCardDelegate | None = None
        self._card_texts: dict[str, str] = {}      # the translated hints, for the cards once built
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox(self)
        self.colour_combo = QComboBox(self)
        self.kind_combo.setVisible(len(kinds) > 1)
        self.colour_combo.setVisible("bookmark" not in kinds)
        self.delete_button = QToolButton(self)
        self.delete_button.setEnabled(False)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setStyleSheet("color:#5f5f5f;")
        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.kind_combo)
        top.addWidget(self.colour_combo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.delete_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addLayout(top)
        self._layout.addStretch(1)                 # where the card list goes (_build_cards)
        self._layout.addLayout(bottom)
        self.edit_action = QAction(self)
        self.delete_action = QAction(self)
        self.jump_action = QAction(self)
        self.retranslate()
        self._connect_signals()

    @property
    def view(self) -> CardList:
        """The card list (built on first use)."""
        if self._view is None:
            self._build_cards()
        return self._view

    @property
    def delegate(self) -> NoteCardDelegate:
        """What draws and edits the cards (built with the list)."""
        if self._delegate is None:
            self._build_cards()
        return self._delegate

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._view is None:
            self._build_cards()
        super().showEvent(event)

    def _build_cards(self) -> None:
        from PySide6.QtWidgets import QListView

        from viewer.ui.annotations.note_card import CardList, NoteCardDelegate

        view = CardList(self)
        view.setModel(self.proxy)
        self._delegate = NoteCardDelegate(view)
        view.setItemDelegate(self._delegate)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        view.setMouseTracking(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pal = view.palette()             # a light selection: the card's colours stay readable
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#dcEAF8"))
        pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#1a1a1a"))
        view.setPalette(pal)
        stretch = self._layout.itemAt(1)
        self._layout.removeItem(stretch)
        self._layout.insertWidget(1, view, 1)
        view.show()           # a layout shows a widget added to a visible parent only a pass later
        self._view = view
        self._apply_card_texts()
        view.clicked.connect(self._activate)
        view.activated.connect(self._activate)
        view.deletePressed.connect(self.delete_current)
        view.customContextMenuRequested.connect(self._show_menu)
        view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_combo.currentData() or ""))
        self.colour_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_colour(self.colour_combo.currentData() or ""))
        self.delete_button.clicked.connect(self.delete_current)
        # The proxy drops a deleted row before the model does (on rowsAboutToBeRemoved), so the
        # model's own signals recount too, once its list holds what the tab shows.
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            signal.connect(lambda *_: self._update_count())
        self.edit_action.triggered.connect(self.edit_current)
        self.delete_action.triggered.connect(self.delete_current)
        self.jump_action.triggered.connect(lambda: self._activate(self.view.currentIndex()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("筛选引文和内容…"))
        self.kind_combo.blockSignals(True)
        current = self.kind_combo.currentData() or ""
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("全部类型"), "")
        self.kind_combo.addItem(annotation_kinds_label("note"), "note")
        self.kind_combo.addItem(annotation_kinds_label("highlight"), "highlight")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(current)))
        self.kind_combo.blockSignals(False)
        self.delete_button.setText(self.tr("删除"))
        self.delete_button.setToolTip(self.tr("删除所选 (Del)"))
        self.edit_action.setText(self.tr("编辑内容 (F2)"))
        self.delete_action.setText(self.tr("删除 (Del)"))
        self.jump_action.setText(self.tr("跳到原文"))
        self._card_texts = {"unplaced": self.tr("未定位（报告文本已变，找不到这段引文）"),
                            "empty_body": self.tr("（双击或按 F2 填写批注）")}
        if "bookmark" in self.kinds:
            self._card_texts["empty"] = self.tr("还没有书签。\n按 Ctrl+D 为当前位置添加书签，"
                                                "或在目录上右键为章节添加书签。")
        else:
            self._card_texts["empty"] = self.tr("还没有批注或高亮。\n"
                                                "选中报告中的文字，右键选择“添加批注”或“高亮”。")
        if self._view is not None:
            self._apply_card_texts()
        self.set_colour_names(self._names)
        self._update_count()

    def _apply_card_texts(self) -> None:
        self._delegate.unplaced_title = self._card_texts["unplaced"]
        self._delegate.empty_body = self._card_texts["empty_body"]
        self._view.empty_text = self._card_texts["empty"]

    def set_colour_names(self, names: dict[str, str]) -> None:
        """Fill the colour filter with the highlight colours' meanings."""
        self._names = dict(names)
        current = self.colour_combo.currentData() or ""
        self.colour_combo.blockSignals(True)
        self.colour_combo.clear()
        self.colour_combo.addItem(self.tr("全部颜色"), "")
        for key in palette.HIGHLIGHT_KEYS:
            self.colour_combo.addItem(colour_swatch(palette.annotation_background("highlight", key)),
                                      names.get(key, key), key)
        self.colour_combo.addItem(colour_swatch(palette.annotation_background("note", "")),
                                  self.tr("无颜色"), NO_COLOUR)
        self.colour_combo.setCurrentIndex(max(0, self.colour_combo.findData(current)))
        self.colour_combo.blockSignals(False)
        if self._view is not None:
            self._view.viewport().update()

    # -- rows -----------------------------------------------------------------------------------

    def annotation_at(self, proxy_row: int) -> Annotation:
        return self.proxy.index(proxy_row, 0).data(AnnotationRole)

    def shown(self) -> list[Annotation]:
        """The annotations the tab shows now, in order."""
        return [self.annotation_at(row) for row in range(self.proxy.rowCount())]

    def current(self) -> Annotation | None:
        index = self.view.currentIndex()
        return index.data(AnnotationRole) if index.isValid() else None

    def select(self, uuid: str) -> bool:
        row = self.model.row_of(uuid)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def edit(self, uuid: str) -> NoteBodyEditor | None:
        """Open the inline body editor on an annotation; returns the editor."""
        if self.select(uuid) and self.delegate.open_editor() is None:
            self.view.edit(self.view.currentIndex())
        return self.delegate.open_editor()

    def edit_current(self) -> None:
        if self.view.currentIndex().isValid():
            self.view.edit(self.view.currentIndex())

    def delete_current(self) -> None:
        ann = self.current()
        if ann is not None:
            self.deleteRequested.emit(ann.uuid)

    def commit_editor(self) -> None:
        """Save what an open editor holds (the window calls this before closing)."""
        if self._delegate is None:        # no cards yet, so no editor open
            return
        editor = self._delegate.open_editor()
        if editor is not None:
            editor._dirty = True
            editor.flush()

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.annotationActivated.emit(index.data(AnnotationRole))

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self._view is not None and self._view.currentIndex().isValid())

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        total = sum(1 for a in self.model.annotations() if a.kind in self.kinds)
        self.count_label.setText(self.tr("共 {0} 条").format(total) if shown == total
                                 else self.tr("显示 {0} / {1} 条").format(shown, total))
        self._update_buttons()

    def context_menu(self, index: QModelIndex) -> QMenu:
        """The menu of a card: jump, edit, colour, delete."""
        menu = QMenu(self)
        if not index.isValid():
            return menu
        ann: Annotation = index.data(AnnotationRole)
        menu.addAction(self.jump_action)
        menu.addAction(self.edit_action)
        if ann.kind != "bookmark":
            colours = menu.addMenu(self.tr("颜色"))
            for key in palette.HIGHLIGHT_KEYS:
                action = colours.addAction(colour_swatch(palette.annotation_background("highlight", key)),
                                           self._names.get(key, key))
                action.setCheckable(True)
                action.setChecked(ann.colour == key)
                action.triggered.connect(lambda _=False, k=key, u=ann.uuid: self.colourRequested.emit(u, k))
            if ann.kind == "note":
                plain = colours.addAction(self.tr("无颜色"))
                plain.setCheckable(True)
                plain.setChecked(not ann.colour)
                plain.triggered.connect(lambda _=False, u=ann.uuid: self.colourRequested.emit(u, ""))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def _show_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.context_menu(index).exec(self.view.viewport().mapToGlobal(pos))
