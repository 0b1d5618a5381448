"""Colours and type of the report pane: figure kinds and highlights (colour-blind safe), heading levels,
tables; and a colour's swatch icon for menus and filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

# The marks' colours are vocabulary (the exports use them too); importable from here as before.
from viewer.core.vocab import (  # noqa: F401
    BOOKMARK_COLOURS, DEFAULT_HIGHLIGHT, HIGHLIGHT_COLOURS, HIGHLIGHT_KEYS, NOTE_COLOURS,
)

#: Okabe–Ito hues (distinguishable with red–green colour blindness): a pale tint for the
#: background and the full hue for the underline, so kind is told by two cues.
FIGURE_COLOURS: dict[str, tuple[str, str]] = {
    "count": ("#d6e9f8", "#0072b2"),    # blue
    "percent": ("#fde4b8", "#e69f00"),  # orange
    "money": ("#c9ecdf", "#009e73"),    # bluish green
    "date": ("#f3d9e8", "#cc79a7"),     # reddish purple
    "number": ("#e6e6e6", "#7f7f7f"),   # grey
}

#: The report's text selection (white text on it): a blue that no highlight band comes near.
SELECTION = QColor("#308cc6")
SELECTION_TEXT = QColor("#ffffff")

FIND_HIT = QColor("#fff176")
FIND_CURRENT = QColor("#ffb300")
HEADING_COLOUR = QColor("#1f3a5f")

#: Tables in the report pane: warm greys on the page colour (#fbfaf7), under figure tints.
TABLE_HEADER = QColor("#ebe6dc")
TABLE_ROW = QColor("#f3f0e9")
TABLE_ROW_ALT = QColor("#f7f5f0")
TABLE_RULE = QColor("#d3ccbe")

#: Extra points over the body font for each heading level; deeper levels are bold only.
HEADING_SIZE_STEP = {0: 7, 1: 4, 2: 2}


def figure_background(kind: str) -> QColor:
    return QColor(FIGURE_COLOURS.get(kind, FIGURE_COLOURS["number"])[0])


def figure_underline(kind: str) -> QColor:
    return QColor(FIGURE_COLOURS.get(kind, FIGURE_COLOURS["number"])[1])


# --- annotations ------------------------------------------------------------------------------

BOOKMARK_COLOUR = QColor(BOOKMARK_COLOURS[1])
FLASH_COLOUR = QColor("#ff8f00")


def annotation_background(kind: str, colour: str) -> QColor:
    """The band drawn under a note's or highlight's text."""
    if colour in HIGHLIGHT_COLOURS:
        return QColor(HIGHLIGHT_COLOURS[colour][0])
    if kind == "note":
        return QColor(NOTE_COLOURS[0])
    return QColor(HIGHLIGHT_COLOURS[DEFAULT_HIGHLIGHT][0])


def annotation_line(kind: str, colour: str) -> QColor:
    """The full hue of an annotation: a note's underline, the panel's stripe, a bookmark's marker."""
    if colour in HIGHLIGHT_COLOURS:
        return QColor(HIGHLIGHT_COLOURS[colour][1])
    if kind == "note":
        return QColor(NOTE_COLOURS[1])
    if kind == "bookmark":
        return QColor(BOOKMARK_COLOUR)
    return QColor(HIGHLIGHT_COLOURS[DEFAULT_HIGHLIGHT][1])


_SWATCHES: dict[tuple[int, int], QIcon] = {}      # drawn once per colour and size (start-up)


def colour_swatch(colour: QColor, size: int = 14) -> QIcon:
    """A rounded square of `colour`; still coloured (paler) when its action is disabled."""
    key = (colour.rgba(), size)
    if key not in _SWATCHES:
        _SWATCHES[key] = _draw_swatch(colour, size)
    return _SWATCHES[key]


def _draw_swatch(colour: QColor, size: int) -> QIcon:
    icon = QIcon()
    for mode, opacity in ((QIcon.Mode.Normal, 1.0), (QIcon.Mode.Disabled, 0.45)):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(opacity)
        painter.setPen(colour.darker(140))
        painter.setBrush(colour)
        painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon
