"""Highlight colours can be told apart: from each other, the figure tints, the selection and the page."""

import itertools

import pytest

from viewer.core.export import html_page
from viewer.ui import palette

MIN_DELTA_E = 25          # CIE76 ΔE: about the difference between two named colours at a glance
MIN_HUE_FROM_SELECTION = 40   # degrees of CIELAB hue: no band may read as "the selection's colour"


def lab(colour: str) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB hex colour."""
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b))) ** 0.5


def hue_apart(a: str, b: str) -> float:
    import math

    (_, a1, b1), (_, a2, b2) = lab(a), lab(b)
    diff = math.degrees(math.atan2(b1, a1)) - math.degrees(math.atan2(b2, a2))
    return abs((diff + 180) % 360 - 180)


BANDS = {key: tint for key, (tint, _line) in palette.HIGHLIGHT_COLOURS.items()}
OTHERS = {**{f"figure {k}": tint for k, (tint, _line) in palette.FIGURE_COLOURS.items()},
          "selection": palette.SELECTION.name(), "plain note": palette.NOTE_COLOURS[0], "page": "#fbfaf7"}


@pytest.mark.parametrize("key", palette.HIGHLIGHT_KEYS)
def test_each_highlight_stands_apart_from_figure_tints_selection_note_and_page(key):
    for name, other in OTHERS.items():
        assert delta_e(BANDS[key], other) >= MIN_DELTA_E, (key, name)


def test_highlight_colours_are_told_apart_from_each_other():
    for (a, ca), (b, cb) in itertools.combinations(BANDS.items(), 2):
        assert delta_e(ca, cb) >= MIN_DELTA_E, (a, b)


@pytest.mark.parametrize("key", palette.HIGHLIGHT_KEYS)
def test_no_highlight_has_the_hue_of_the_selection(key):
    assert hue_apart(BANDS[key], palette.SELECTION.name()) >= MIN_HUE_FROM_SELECTION, key


def test_the_report_selection_uses_the_palette_colour(window):
    from PySide6.QtGui import QPalette

    assert window.view.palette().color(QPalette.ColorRole.Highlight) == palette.SELECTION


def test_html_export_cards_use_the_same_highlight_colours():
    for key, (tint, line) in palette.HIGHLIGHT_COLOURS.items():
        assert html_page.TONES[key] == (line, tint), key
