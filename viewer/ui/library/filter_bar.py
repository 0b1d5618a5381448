"""The 书库's filter row: a text box that filters as you type (debounced), and 类别, 年份, 发文机关 combos
filled from the facets with their counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from viewer.core.model import CatalogueFilter

if TYPE_CHECKING:
    from viewer.core.model import CatalogueFacets

TYPING_DELAY_MS = 250
ISSUER_COMBO_EM = 16          # wide enough for 某某省人民政府办公厅 (12)


class LibraryFilterBar(QWidget):
    """Emits filterChanged(CatalogueFilter) a moment after the text stops changing, at once for a combo."""

    filterChanged = Signal(object)
    listRequested = Signal()           # Enter or Down in the text box: on to the list

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text_box = QLineEdit(self)
        self.text_box.setClearButtonEnabled(True)
        self.text_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.kind_combo = QComboBox(self)
        self.year_combo = QComboBox(self)
        self.issuer_combo = QComboBox(self)
        self.issuer_combo.setMinimumContentsLength(ISSUER_COMBO_EM)
        for combo in (self.kind_combo, self.year_combo, self.issuer_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaxVisibleItems(20)
        self.issuer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_box, 1)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.year_combo)
        layout.addWidget(self.issuer_combo)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.text_box.textChanged.connect(lambda _text: self._timer.start())
        self.text_box.returnPressed.connect(self.flush)
        self.text_box.returnPressed.connect(self.listRequested.emit)
        self.text_box.installEventFilter(self)
        for combo in (self.kind_combo, self.year_combo, self.issuer_combo):
            combo.activated.connect(lambda _index: self._emit())
        self._facets: CatalogueFacets | None = None
        self._removed = False
        self.retranslate()

    def retranslate(self) -> None:
        self.text_box.setPlaceholderText(self.tr("筛选：标题、发文机关或文件名"))
        self.kind_combo.setToolTip(self.tr("类别"))
        self.year_combo.setToolTip(self.tr("年份"))
        self.issuer_combo.setToolTip(self.tr("发文机关"))
        if self._facets is not None:
            self.set_facets(self._facets)

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.text_box and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Down):
            self.flush()
            self.listRequested.emit()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the facets ------------------------------------------------------------------------------

    def set_facets(self, facets: "CatalogueFacets") -> None:
        """Fill the combos (each value with its count); a chosen value still there stays chosen."""
        from viewer.ui.facet_combos import facet_items, fill_facet_combo

        self._facets = facets
        kinds, years, issuers = facet_items(facets)
        fill_facet_combo(self.kind_combo, self.tr("全部类别"), kinds)
        fill_facet_combo(self.year_combo, self.tr("全部年份"), years)
        fill_facet_combo(self.issuer_combo, self.tr("全部发文机关"), issuers)

    # -- the filter ------------------------------------------------------------------------------

    def set_removed(self, removed: bool) -> None:
        """List the 回收站 (True) or the library."""
        self._removed = removed

    def current(self) -> CatalogueFilter:
        return CatalogueFilter(text=self.text_box.text().strip(), kind=self.kind_combo.currentData(),
                               year=self.year_combo.currentData(), issuer=self.issuer_combo.currentData(),
                               removed=self._removed)

    def choose(self, combo: QComboBox, value: Any) -> None:
        """Pick a combo's value (tests, restoring a choice) and filter by it."""
        combo.setCurrentIndex(max(combo.findData(value), 0))
        self._emit()

    def clear(self) -> None:
        """Every filter off (the text box empty, each combo on 全部)."""
        self.text_box.blockSignals(True)
        self.text_box.clear()
        self.text_box.blockSignals(False)
        for combo in (self.kind_combo, self.year_combo, self.issuer_combo):
            combo.setCurrentIndex(0)

    def flush(self) -> None:
        """Filter by what is typed now (Enter, or a test) instead of after the pause."""
        self._timer.stop()
        self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.filterChanged.emit(self.current())
