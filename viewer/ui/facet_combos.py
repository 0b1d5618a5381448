"""The 类别 / 年份 / 发文机关 filter combos of the 书库 and the search panel, filled from the catalogue's facets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

if TYPE_CHECKING:
    from viewer.core.model import CatalogueFacets


def facet_items(facets: "CatalogueFacets | None") -> tuple[list, list, list]:
    """(label, value, count) of each kind, year and issuer the facets hold; kinds by their UI label."""
    from viewer.ui.labels import report_kind_label

    if facets is None:
        return [], [], []
    return ([(report_kind_label(k), k, n) for k, n in facets.kinds],
            [(str(y), y, n) for y, n in facets.years],
            [(i, i, n) for i, n in facets.issuers])


def fill_facet_combo(combo: QComboBox, everything: str, items: list[tuple[str, Any, int]]) -> None:
    """`everything` first, then each value with its count (the whole name as tooltip); a chosen
    value still offered stays chosen, without a change signal."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, value, count in items:
        combo.addItem(f"{label} ({count})", value)
        combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    combo.blockSignals(False)
