"""The search panel's filters: 类别, 年份 and 发文机关 combos filled from the 书库's facets, each value with its count."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

if TYPE_CHECKING:
    from viewer.core.model import CatalogueFacets
    from viewer.services.search import SearchFilters

#: Characters an issuer combo shows before eliding (its list shows them whole).
ISSUER_CHARS = 8


class SearchFilterRow(QWidget):
    """Emits filtersChanged() when a combo is chosen; `current()` is the SearchFilters they make."""

    filtersChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind_combo = QComboBox(self)
        self.year_combo = QComboBox(self)
        self.issuer_combo = QComboBox(self)
        self.issuer_combo.setMinimumContentsLength(ISSUER_CHARS)
        self.issuer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.issuer_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in self.combos():
            combo.setMaxVisibleItems(20)
            combo.activated.connect(lambda _index: self.filtersChanged.emit())
            layout.addWidget(combo, 1 if combo is self.issuer_combo else 0)
        self._facets: CatalogueFacets | None = None
        self.retranslate()

    def combos(self) -> tuple[QComboBox, QComboBox, QComboBox]:
        return self.kind_combo, self.year_combo, self.issuer_combo

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.kind_combo.setToolTip(self.tr("类别"))
        self.year_combo.setToolTip(self.tr("年份"))
        self.issuer_combo.setToolTip(self.tr("发文机关"))
        self.set_facets(self._facets)

    def set_facets(self, facets: "CatalogueFacets | None") -> None:
        """Fill the combos (each value with its count); a chosen value still offered stays chosen."""
        from viewer.ui.facet_combos import facet_items, fill_facet_combo

        self._facets = facets
        kinds, years, issuers = facet_items(facets)
        fill_facet_combo(self.kind_combo, self.tr("全部类别"), kinds)
        fill_facet_combo(self.year_combo, self.tr("全部年份"), years)
        fill_facet_combo(self.issuer_combo, self.tr("全部发文机关"), issuers)

    def choose(self, combo: QComboBox, value: Any) -> None:
        """Pick a combo's value (tests, a user's choice kept) and say the filters changed."""
        combo.setCurrentIndex(max(combo.findData(value), 0))
        self.filtersChanged.emit()

    def current(self) -> "SearchFilters":
        from viewer.services.search import SearchFilters

        return SearchFilters(kind=self.kind_combo.currentData(), year=self.year_combo.currentData(),
                             issuer=self.issuer_combo.currentData())
