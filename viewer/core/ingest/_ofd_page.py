"""One OFD page's content (GB/T 33190 Content.xml) -> positioned text runs in points, seals and images left out."""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from viewer.core.ingest._layout import TextRun

MM_TO_PT = 72 / 25.4
ASCENT = 0.88              # share of the font size above the baseline (TextCode Y is the baseline)
SPLIT_GAP = 1.0            # a jump of more than this many font sizes past a glyph's advance starts a new run
DEFAULT_SIZE_MM = 3.5      # the size of text whose object gives neither a Size nor a Boundary height
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class BadValue(ValueError):
    """An attribute that is not what the standard allows (a number list with a word in it…)."""


@dataclass(frozen=True)
class Font:
    """What a run needs from a font resource: whether it is bold."""

    bold: bool = False


def numbers(value: str | None, what: str) -> list[float]:
    """A space-separated list of finite numbers (ST_Array of doubles)."""
    if not value:
        return []
    try:
        out = [float(part) for part in value.split()]
    except ValueError:
        raise BadValue(what) from None
    if not all(math.isfinite(n) for n in out):
        raise BadValue(what)
    return out


def box(value: str | None, what: str) -> tuple[float, float, float, float] | None:
    """An ST_Box `x y w h` in millimetres, or None when absent."""
    parts = numbers(value, what)
    if not parts:
        return None
    if len(parts) != 4:
        raise BadValue(what)
    return parts[0], parts[1], parts[2], parts[3]


def deltas(value: str | None, count: int, what: str) -> list[float | None]:
    """The `count` glyph offsets of a DeltaX/DeltaY list, expanding `g n d` (n times d); None where
    the list gives none (the glyph then advances by its own width)."""
    out: list[float | None] = []
    parts = (value or "").split()
    i = 0
    while i < len(parts) and len(out) < count:
        if parts[i] == "g":
            if i + 2 >= len(parts):
                raise BadValue(what)
            repeat, step = numbers(parts[i + 1], what), numbers(parts[i + 2], what)
            if repeat[0] < 0 or repeat[0] != int(repeat[0]):
                raise BadValue(what)
            out.extend(step * min(int(repeat[0]), count - len(out)))
            i += 3
        else:
            out.append(numbers(parts[i], what)[0])
            i += 1
    return out + [None] * (count - len(out))


@lru_cache(maxsize=8192)
def _em_share(char: str) -> float:
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else 0.5


def _advance(char: str, size: float) -> float:
    """A glyph's usual advance: a full em for CJK and full-width forms, half for the rest."""
    return size * _em_share(char)


def _apply(ctm: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = ctm
    return a * x + c * y + e, b * x + d * y + f


def _object_ctm(text_object, what: str) -> tuple[float, ...]:
    values = numbers(text_object.get("CTM"), what)
    if not values:
        return _IDENTITY
    if len(values) != 6:
        raise BadValue(what)
    return tuple(values)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_bold(text_object, fonts: dict[str, Font]) -> bool:
    weight = numbers(text_object.get("Weight"), "Weight")
    return (weight[0] >= 600 if weight else False) or fonts.get(text_object.get("Font") or "", Font()).bold


def text_object_runs(text_object, fonts: dict[str, Font], part: str) -> list[TextRun]:
    """The runs of one TextObject: glyphs placed by X, Y, DeltaX, DeltaY, the CTM and the Boundary,
    split where the text jumps (a gap wider than a glyph, a new baseline)."""
    bounds = box(text_object.get("Boundary"), f"{part}: Boundary") or (0.0, 0.0, 0.0, 0.0)
    ctm = _object_ctm(text_object, f"{part}: CTM")
    sizes = numbers(text_object.get("Size"), f"{part}: Size")
    size = sizes[0] if sizes and sizes[0] > 0 else (bounds[3] or DEFAULT_SIZE_MM)   # Size is required, but…
    scale = math.sqrt(abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]))
    bold = _is_bold(text_object, fonts)
    runs: list[TextRun] = []
    pen: tuple[float, float] | None = None
    for code in text_object:
        if _local(code.tag) != "TextCode":
            continue
        text = "".join(ch for ch in (code.text or "") if ch not in "\r\n")
        if not text:
            continue
        x_attr, y_attr = numbers(code.get("X"), f"{part}: X"), numbers(code.get("Y"), f"{part}: Y")
        x = x_attr[0] if x_attr else (pen[0] if pen else 0.0)
        y = y_attr[0] if y_attr else (pen[1] if pen else 0.0)
        dx = deltas(code.get("DeltaX"), len(text) - 1, f"{part}: DeltaX")
        dy = deltas(code.get("DeltaY"), len(text) - 1, f"{part}: DeltaY")
        widths = [_advance(char, size) for char in text]
        first, first_x, first_y = 0, x, y
        for i in range(len(text) - 1):
            step_x = dx[i] if dx[i] is not None else widths[i]
            step_y = dy[i] if dy[i] is not None else 0.0
            if step_y or not 0 <= step_x <= widths[i] + SPLIT_GAP * size:     # the text jumps: a new run
                runs.append(_run(text[first:i + 1], first_x, first_y, x + widths[i], bounds, ctm, size * scale, bold))
                first, first_x, first_y = i + 1, x + step_x, y + step_y
            x, y = x + step_x, y + step_y
        runs.append(_run(text[first:], first_x, first_y, x + widths[-1], bounds, ctm, size * scale, bold))
        pen = (x + widths[-1], y)
    return runs


def _run(text: str, x: float, y: float, end_x: float, bounds: tuple[float, float, float, float],
         ctm: tuple[float, ...], height: float, bold: bool) -> TextRun:
    """Glyphs from (x, y) on one baseline to end_x, in object space -> a run in page points."""
    x0, y0 = _apply(ctm, x, y)
    x1, _ = _apply(ctm, end_x, y)
    left, right = min(x0, x1), max(x0, x1)
    return TextRun(x=(bounds[0] + left) * MM_TO_PT, y=(bounds[1] + y0 - ASCENT * height) * MM_TO_PT,
                   width=(right - left) * MM_TO_PT, height=height * MM_TO_PT, text=text,
                   font_size=height * MM_TO_PT, bold=bold)


def page_runs(content_root, fonts: dict[str, Font], part: str) -> list[TextRun]:
    """Every text run of a page's Content (layers and page blocks, in document order); paths, images
    and composite objects carry no text."""
    runs: list[TextRun] = []
    for text_object in content_root.iter("{*}TextObject"):
        if text_object.get("Visible", "true").strip().lower() == "false":
            continue
        runs.extend(text_object_runs(text_object, fonts, part))
    return runs


def reading_order(runs: list[TextRun]) -> list[TextRun]:
    """Runs top to bottom by baseline, then left to right (the layout does not need it; people reading tests do)."""
    return sorted(runs, key=lambda run: (round(run.y + run.height, 1), run.x))
