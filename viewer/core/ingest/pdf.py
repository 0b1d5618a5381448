"""PDF documents (.pdf): each page's text layer read with PDFium (pypdfium2), rebuilt into paragraphs by _layout.

A PDF without a usable text layer (a scan, text drawn as images or outlines, fonts that map to
garbage) is refused with one line saying which, since the app does no OCR; so are encrypted,
damaged and truncated files.
"""

from __future__ import annotations

import ctypes
import threading
import unicodedata
from dataclasses import dataclass

import pypdfium2
import pypdfium2.raw as pdfium

from viewer.core.ingest import registry
from viewer.core.ingest._cleanup import make_document
from viewer.core.ingest._errors import fail
from viewer.core.ingest._layout import PageRuns, TextRun, rebuild
from viewer.core.model import IngestedDocument
from viewer.core.tables import valid_tables

MAX_PAGES = 2000              # a report has tens or hundreds of pages; more is refused
MAX_CHARS_PER_PAGE = 50_000   # a page's text layer beyond this is not a report's page
SIGNATURE = b"%PDF-"
_SIGNATURE_WITHIN = 1024      # PDF readers accept the signature anywhere in the first kilobyte

# one PDFium at a time: the library is not thread-safe, and imports may run on a worker thread
_LOCK = threading.Lock()
_SPACES = frozenset(" \u00a0\u2002\u2003\u2009\u3000\t")
_LINE_BREAKS = frozenset("\r\n\x02\x03\ufffe")
_HYPHENS = frozenset("-\u00ad\u2010")
_RADICALS = range(0x2E80, 0x2FE0)   # fonts name 工 as ⼯ (U+2F2F); text gives the ideograph (NFKC)


@dataclass
class _Census:
    """What a document's text layer holds: usable and unusable characters, and what pages without text hold."""

    chars: int = 0         # characters drawn (not spaces)
    garbage: int = 0       # private-use, unassigned, control or replacement characters
    cjk: int = 0
    foreign: int = 0       # letters neither CJK nor ASCII: the sign of a font mapped to the wrong code page
    scanned_pages: int = 0     # no text, and an image covering most of the page
    drawn_pages: int = 0       # no text, but smaller images or vector outlines
    text_pages: int = 0


def sniff(probe: registry.Probe) -> int:
    """CERTAIN when the file starts with %PDF-, LIKELY when the signature is within its first kilobyte."""
    if probe.head.startswith(SIGNATURE):
        return registry.CERTAIN
    return registry.LIKELY if SIGNATURE in probe.head[:_SIGNATURE_WITHIN] else registry.NO


def _is_garbage(code: int) -> bool:
    if 0x20 <= code < 0x7F or 0x4E00 <= code <= 0x9FFF:
        return False
    if code in (0, 0xFFFD) or 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
        return True
    category = unicodedata.category(chr(code))
    return category in ("Cn", "Co", "Cs") or (category == "Cc" and code not in (9, 10, 13))


def _is_cjk(code: int) -> bool:
    return (0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF
            or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF)


def _is_foreign_letter(code: int) -> bool:
    return code > 0x7F and not _is_cjk(code) and chr(code).isalpha() and not 0x2E80 <= code <= 0x2FDF


def _open(data: bytes, name: str):
    """The PDFium document of `data`; encrypted or damaged files are refused here."""
    tail = data[-8192:]
    if b"%%EOF" not in tail:          # cut off on the way: PDFium would "repair" what is missing
        raise fail("ingest.pdf_damaged", name)
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        if pdfium.FPDF_GetLastError() == pdfium.FPDF_ERR_PASSWORD:
            raise fail("ingest.pdf_encrypted", name) from None
        raise fail("ingest.pdf_damaged", name) from None


class _Styles:
    """Each text object's font size as printed (its matrix applied), boldness, and whether it is upright.

    Bold is a bold font (weight, name) or fill-and-stroke, as writers fake bold; a rotated object
    (a seal's ring, a diagonal watermark) is not body text."""

    def __init__(self, textpage) -> None:
        self.textpage = textpage
        self.objects: dict[int, tuple[float, bool, bool, tuple[float, float, float, float] | None]] = {}
        self.fonts: dict[int, bool] = {}
        self.name = ctypes.create_string_buffer(256)
        self.matrix = pdfium.FS_MATRIX()

    def __call__(self, index: int) -> tuple[float, bool, bool, tuple[float, float, float, float] | None]:
        obj = pdfium.FPDFText_GetTextObject(self.textpage, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        style = self.objects.get(key)
        if style is None:
            style = self.objects[key] = self._style(obj, index)
        return style

    @staticmethod
    def _clip_box(obj) -> tuple[float, float, float, float] | None:
        """The box (left, bottom, right, top, page space) of the object's clip path; None when unclipped."""
        clip = pdfium.FPDFPageObj_GetClipPath(obj) if obj else None
        if not clip:
            return None
        xs, ys = [], []
        x, y = ctypes.c_float(), ctypes.c_float()
        for path in range(pdfium.FPDFClipPath_CountPaths(clip)):
            for index in range(pdfium.FPDFClipPath_CountPathSegments(clip, path)):
                segment = pdfium.FPDFClipPath_GetPathSegment(clip, path, index)
                if segment and pdfium.FPDFPathSegment_GetPoint(segment, x, y):
                    xs.append(x.value)
                    ys.append(y.value)
        return (min(xs), min(ys), max(xs), max(ys)) if xs else None

    def _style(self, obj, index: int):
        m = self.matrix
        if not pdfium.FPDFText_GetMatrix(self.textpage, index, m):
            m.a, m.b, m.c, m.d = 1.0, 0.0, 0.0, 1.0
        scale = abs(m.a * m.d - m.b * m.c) ** 0.5
        upright = m.a > 0 and m.d > 0 and abs(m.b) + abs(m.c) < 0.05 * scale
        size = pdfium.FPDFText_GetFontSize(self.textpage, index) * (scale or 1.0)
        return size, self._bold(obj), upright, self._clip_box(obj)

    def _bold(self, obj) -> bool:
        if not obj:
            return False
        if pdfium.FPDFTextObj_GetTextRenderMode(obj) == pdfium.FPDF_TEXTRENDERMODE_FILL_STROKE:
            return True
        font = pdfium.FPDFTextObj_GetFont(obj)
        if not font:
            return False
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        bold = self.fonts.get(key)
        if bold is None:
            length = pdfium.FPDFFont_GetBaseFontName(font, self.name, len(self.name))
            base = self.name.raw[:max(0, min(length, len(self.name)) - 1)].decode("latin-1").lower()
            bold = pdfium.FPDFFont_GetWeight(font) >= 600 or any(
                word in base for word in ("bold", "heavy", "black", "semibold", "demi"))
            self.fonts[key] = bold
        return bold


class _Run:
    """The run being gathered: its box, style, and characters (`hidden` runs gather nothing)."""

    __slots__ = ("x0", "top", "x1", "bottom", "raw_size", "weight", "size", "bold", "chars", "hidden")

    def __init__(self, x0, top, x1, bottom, raw_size, weight, size, bold, hidden) -> None:
        self.x0, self.top, self.x1, self.bottom = x0, top, x1, bottom
        self.raw_size, self.weight, self.size, self.bold, self.hidden = raw_size, weight, size, bold, hidden
        self.chars: list[str] = []


def _page_runs(page, number: int, census: _Census, name: str) -> PageRuns:
    """The page's characters grouped into runs (one line, font size and weight, no gap inside).

    A character's size and weight are read for each character; the rest of its text object's
    style (matrix, bold, clip) once per run, where a run starts."""
    left, bottom, right, top = page.get_bbox()
    width, height = right - left, top - bottom
    textpage = page.get_textpage()
    get_unicode, get_box = pdfium.FPDFText_GetUnicode, pdfium.FPDFText_GetLooseCharBox
    get_size, get_weight = pdfium.FPDFText_GetFontSize, pdfium.FPDFText_GetFontWeight
    try:
        count = pdfium.FPDFText_CountChars(textpage)
        if count > MAX_CHARS_PER_PAGE:
            raise fail("ingest.pdf_damaged", name)
        runs: list[TextRun] = []
        rect = pdfium.FS_RECTF()
        style_of = _Styles(textpage)
        run: _Run | None = None
        drawn = 0
        codes = _page_codes(textpage, count)
        i = 0
        while i < count:
            code = codes[i] if codes is not None else get_unicode(textpage, i)
            index = i
            i += 1
            if 0xD800 <= code < 0xDC00 and i < count:             # a UTF-16 pair (Windows builds)
                low = get_unicode(textpage, i)
                if 0xDC00 <= low < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 1
            ch = chr(code) if code < 0x110000 else "\ufffd"
            if ch in _SPACES or ch in _LINE_BREAKS:      # what PDFium generates between words and lines
                run = _close(run, runs)
                continue
            census.chars += 1
            drawn += 1
            if _is_garbage(code):
                census.garbage += 1
                run = _close(run, runs)
                continue
            if code in _RADICALS:
                ch = unicodedata.normalize("NFKC", ch)
            if _is_cjk(code):
                census.cjk += 1
            elif _is_foreign_letter(code):
                census.foreign += 1
            if ch in _HYPHENS and pdfium.FPDFText_IsHyphen(textpage, index):   # a word broken at the line end
                continue
            get_box(textpage, index, rect)
            x0, x1 = rect.left - left, rect.right - left
            y0, y1 = top - rect.top, top - rect.bottom
            if y1 - y0 <= 0:
                continue
            raw_size, weight = get_size(textpage, index), get_weight(textpage, index)
            if run is not None and raw_size == run.raw_size and weight == run.weight:
                tolerance = 0.3 * run.size
                if (abs(y1 - run.bottom) < tolerance and abs(y0 - run.top) < 0.5 * run.size
                        and -tolerance < x0 - run.x1 < tolerance):
                    run.x1 = max(run.x1, x1)
                    run.chars.append(ch)
                    continue
            run = _close(run, runs)
            size, bold, upright, clip = style_of(index)
            centre_x, centre_y = (rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2
            hidden = (not upright                                    # seals, watermarks
                      or not (0 <= centre_x - left <= width and 0 <= top - centre_y <= height)    # off the page
                      or (clip is not None and not (clip[0] <= centre_x <= clip[2] and clip[1] <= centre_y <= clip[3])))
            run = _Run(x0, y0, x1, y1, raw_size, weight, size or (y1 - y0), bold, hidden)
            run.chars.append(ch)
        _close(run, runs)
    finally:
        textpage.close()
    if drawn:
        census.text_pages += 1
    else:
        _census_of_empty_page(page, width * height, census)
    return PageRuns(number, width, height, tuple(runs))


def _page_codes(textpage, count: int) -> list[int] | None:
    """Every character's code point in one call (one UTF-16 unit per character); None when the page
    holds characters beyond the BMP, whose units would not line up with the character indices."""
    if count <= 0:
        return []
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    units = memoryview(buffer.raw[:2 * max(0, written - 1)]).cast("H").tolist()
    if len(units) != count or any(0xD800 <= unit < 0xE000 for unit in units):
        return None
    return units


def _close(run: _Run | None, runs: list[TextRun]) -> None:
    """Add the run gathered so far (unless hidden: clipped away, off the page, rotated); None for the next."""
    if run is not None and run.chars and not run.hidden:
        runs.append(TextRun(run.x0, run.top, run.x1 - run.x0, run.bottom - run.top, "".join(run.chars),
                            run.size, run.bold))
    return None


def _census_of_empty_page(page, area: float, census: _Census) -> None:
    """Count a page without text as a scan (an image over most of it) or as drawn text (other images, outlines)."""
    covered = 0.0
    drawn = False
    for obj in page.get_objects(filter=[pdfium.FPDF_PAGEOBJ_IMAGE, pdfium.FPDF_PAGEOBJ_PATH], max_depth=3):
        drawn = True
        if obj.type == pdfium.FPDF_PAGEOBJ_IMAGE:
            x0, y0, x1, y1 = obj.get_bounds()
            covered = max(covered, abs(x1 - x0) * abs(y1 - y0))
    if area > 0 and covered >= 0.5 * area:
        census.scanned_pages += 1
    elif drawn:
        census.drawn_pages += 1


def _refusal(census: _Census, pages: int, name: str):
    """The IngestError for a document without a usable text layer, or None when its text can be read."""
    if census.scanned_pages and census.text_pages * 4 <= pages:       # mostly scans (a text cover at most)
        return fail("ingest.pdf_scanned", name)
    if census.chars == 0:
        return fail("ingest.pdf_text_as_images", name) if census.drawn_pages else None
    if census.chars >= 10:
        if census.garbage * 10 > census.chars * 3:
            return fail("ingest.pdf_garbled_text", name)
        if census.cjk * 10 < census.chars and census.foreign * 10 > census.chars * 3:
            return fail("ingest.pdf_garbled_text", name)
    if census.drawn_pages and census.drawn_pages * 2 > pages and census.chars < 20 * census.text_pages:
        return fail("ingest.pdf_text_as_images", name)
    return None


def read_pages(data: bytes, name: str) -> list[PageRuns]:
    """Every page's text runs; raises IngestError for a file without a usable text layer."""
    with _LOCK:
        document = _open(data, name)
        try:
            try:
                count = len(document)
            except pypdfium2.PdfiumError:
                raise fail("ingest.pdf_damaged", name) from None
            if count > MAX_PAGES:
                raise fail("ingest.pdf_too_many_pages", name, pages=count, limit=MAX_PAGES)
            if count == 0:
                raise fail("ingest.pdf_damaged", name)
            census = _Census()
            pages = []
            for index in range(count):
                try:
                    page = document[index]
                except pypdfium2.PdfiumError:
                    raise fail("ingest.pdf_damaged", name) from None
                try:
                    pages.append(_page_runs(page, index + 1, census, name))
                finally:
                    page.close()
        finally:
            document.close()
    refusal = _refusal(census, count, name)
    if refusal is not None:
        raise refusal
    return pages


def read(data: bytes, name: str) -> IngestedDocument:
    """The body text of a PDF's text layer: paragraphs rebuilt from positions, with its page map."""
    rebuilt = rebuild(read_pages(data, name))
    metadata = dict(rebuilt.metadata)
    metadata["format"] = "pdf"
    title = rebuilt.text.split("\n", 1)[0]
    return make_document(rebuilt.text, title, metadata, rebuilt.hints, name, data, "ingest.blank_pdf",
                         valid_tables(rebuilt.text, rebuilt.tables), pages=list(rebuilt.pages))


IMPORTER = registry.register(registry.Importer(
    name="pdf", extensions=(".pdf",), media_label="format.pdf", sniff=sniff, read=read,
    wrong_content_code="ingest.not_pdf"))
