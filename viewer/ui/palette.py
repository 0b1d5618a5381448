"""Colours and type of the report pane: figure kinds (colour-blind safe) and heading levels."""

from __future__ import annotations

from PySide6.QtGui import QColor

#: Okabe–Ito hues (distinguishable with red–green colour blindness): a pale tint for the
#: background and the full hue for the underline, so kind is told by two cues.
FIGURE_COLOURS: dict[str, tuple[str, str]] = {
    "count": ("#d6e9f8", "#0072b2"),    # blue
    "percent": ("#fde4b8", "#e69f00"),  # orange
    "money": ("#c9ecdf", "#009e73"),    # bluish green
    "date": ("#f3d9e8", "#cc79a7"),     # reddish purple
    "number": ("#e6e6e6", "#7f7f7f"),   # grey
}

FIND_HIT = QColor("#fff176")
FIND_CURRENT = QColor("#ffb300")
HEADING_COLOUR = QColor("#1f3a5f")

#: Extra points over the body font for each heading level; deeper levels are bold only.
HEADING_SIZE_STEP = {0: 7, 1: 4, 2: 2}


def figure_background(kind: str) -> QColor:
    return QColor(FIGURE_COLOURS.get(kind, FIGURE_COLOURS["number"])[0])


def figure_underline(kind: str) -> QColor:
    return QColor(FIGURE_COLOURS.get(kind, FIGURE_COLOURS["number"])[1])
