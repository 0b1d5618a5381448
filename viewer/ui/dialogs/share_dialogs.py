"""The share dialogs: what to put in a share file, and the preview of what importing one will do."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QDialog, QDialogButtonBox,
                               QHeaderView, QLabel, QRadioButton, QTableView, QVBoxLayout, QWidget)

from typing import TYPE_CHECKING

from viewer.ui.labels import annotation_kind_label
from viewer.ui.ui_language import phrase_text

if TYPE_CHECKING:   # the share module loads when a share file is opened, not at start-up
    from viewer.core.share import ImportPlan, PlannedChange

#: Row tints of the preview, by what happens (pale, so the plain text on them stays readable).
ACTION_TINTS = {"new": "#e3f2e1", "updated": "#e1ecf7", "deleted": "#f6e0e0", "unplaced": "#fff3d6",
                "conflict": "#fde4cf", "pending": "#ececec", "unchanged": "#ffffff"}


class ShareDialog(QDialog):
    """Choose which annotations go into a share file, and whether the report's text goes with them."""

    CHOICES = ("all", "notes", "bookmarks", "highlights")

    def __init__(self, title: str, counts: dict[str, int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("分享批注和书签"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("把《{0}》上的批注、书签和高亮存成一个 .rvshare.json 文件，"
                               "用U盘或内网邮件交给同事；对方用“导入分享文件”打开。").format(title), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        labels = {"all": self.tr("全部（{0} 条）"), "notes": self.tr("只有批注（{0} 条）"),
                  "bookmarks": self.tr("只有书签（{0} 条）"), "highlights": self.tr("只有高亮（{0} 条）")}
        self.choice_group = QButtonGroup(self)
        for i, choice in enumerate(self.CHOICES):
            button = QRadioButton(labels[choice].format(counts.get(choice, 0)), self)
            button.setChecked(choice == "all")
            self.choice_group.addButton(button, i)
            layout.addWidget(button)
        self.include_report = QCheckBox(self.tr("附带报告全文（对方还没有这份报告时勾选）"), self)
        layout.addWidget(self.include_report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存分享文件…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def only(self) -> str:
        return self.CHOICES[self.choice_group.checkedId()]

    def set_only(self, only: str) -> None:
        self.choice_group.button(self.CHOICES.index(only)).setChecked(True)


class ImportPlanModel(QAbstractTableModel):
    """The preview's rows: each shared annotation that changes something, in file order."""

    COLUMNS = 6

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[PlannedChange] = [c for c in plan.changes if c.action != "unchanged"]

    def action_names(self) -> dict[str, str]:
        return {"new": self.tr("新增"), "updated": self.tr("更新"), "deleted": self.tr("删除"),
                "unplaced": self.tr("未定位"), "conflict": self.tr("冲突"), "pending": self.tr("待报告"),
                "unchanged": self.tr("不变")}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return (self.tr("操作"), self.tr("类型"), self.tr("报告"), self.tr("原文"), self.tr("内容"),
                self.tr("作者 · 说明"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        change = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(ACTION_TINTS[change.action])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#1a1a1a")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        ann = change.incoming
        quote = ann.exact or (ann.suffix[:20] + "…" if ann.suffix else "")    # a bookmark: what follows it
        values = (self.action_names()[change.action], annotation_kind_label(ann.kind), change.title,
                  quote, ann.body, " · ".join(filter(None, (ann.author, phrase_text(change.detail)))))
        text = values[index.column()]
        return text if role == Qt.ItemDataRole.ToolTipRole else " ".join(text.split())[:80]


class ImportPreviewDialog(QDialog):
    """Shows what importing a share file will do; Import applies it, Cancel changes nothing."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("导入分享文件"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.model = ImportPlanModel(plan, self)
        self.summary_label = QLabel(self.summary_text(), self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 180)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(self.model.rows))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("导入") if not plan.is_empty() else self.tr("没有需要导入的内容"))
        self.import_button.setEnabled(not plan.is_empty())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def summary_text(self) -> str:
        counts = self.plan.counts()
        names = self.model.action_names()
        parts = [f"{names[action]} {n}" for action, n in counts.items() if n]
        lines = [self.tr("{0}：共 {1} 条").format(self.plan.source_name, len(self.plan.changes)),
                 self.tr("，").join(parts) or self.tr("没有内容")]
        if self.plan.new_reports:
            titles = self.tr("、").join(self.tr("《{0}》").format(r.title) for r in self.plan.new_reports)
            lines.append(self.tr("将同时导入文件中附带的报告：{0}").format(titles))
        if counts["pending"]:
            lines.append(self.tr("待报告：本机还没有这些批注所在的报告；导入那份报告后它们会自动定位。"))
        if counts["conflict"]:
            lines.append(self.tr("冲突：双方都改过的批注保留较新的版本，另一版本另存为一条；你自己的批注不会被别人覆盖或删除。"))
        if counts["unplaced"]:
            lines.append(self.tr("未定位：在你的报告中找不到原文的批注会保留在“未定位”分组里。"))
        return "\n".join(lines)
