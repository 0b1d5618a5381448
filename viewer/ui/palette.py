"""Colours and type of the report pane: figure kinds and highlights (colour-blind safe), heading levels, tables."""

from __future__ import annotations

from PySide6.QtGui import QColor

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
