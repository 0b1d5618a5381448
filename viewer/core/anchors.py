"""Where an annotation sits: quote/position selectors, and re-anchoring them in changed text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, TypeVar

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

CONTEXT_CHARS = 32


@dataclass(frozen=True)
class QuoteSelector:
    """W3C TextQuoteSelector: the quoted text and up to 32 characters either side."""

    exact: str
    prefix: str
    suffix: str


def quote_selector(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> QuoteSelector:
    """The quote of text[start:end] with its context.

        quote_selector("甲乙丙丁戊", 2, 3, context=1) == QuoteSelector("丙", "乙", "丁")
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return QuoteSelector(text[start:end], text[max(0, start - context):start], text[end:end + context])


# -- re-anchoring ------------------------------------------------------------------------------
#
# Steps, in order: position, exact quote, approximate quote, unplaced. A wrong anchor is worse
# than an orphan, so a candidate whose stored context disagrees with the text around it is only
# a last resort, and a short quote is never placed unless its context agrees.

T = TypeVar("T")

SHORT_QUOTE = 8            # quotes shorter than this match spuriously: they need their context
LONG_QUOTE = 32            # a quote this long, almost unchanged, ...
LONE_SIMILARITY = 0.95     # ... (this similar) may be placed approximately despite new context
CONTEXT_AGREES = 0.55      # context similarity (0..1) above which the surroundings corroborate
WHOLE_TEXT_LIMIT = 1000    # longer quotes search the whole text only around exact pieces of them
_PIECE = 24                # length of those pieces
_PIECE_HITS = 50           # at most this many hits per piece are followed up
_REFINE = 32               # at most this many characters of slack when fitting a fuzzy span
_SHORTLIST = 100           # occurrences of a common quote examined closely, nearest and best-context
_NEAR = 4000               # characters either side of the old position searched first


@dataclass(frozen=True)
class Placement:
    """Where a stored annotation lands in (possibly changed) text; start/end None when unplaced."""

    start: int | None
    end: int | None
    method: str                # "position" | "exact" | "fuzzy" | "unplaced"
    score: float = 1.0         # similarity for fuzzy, 1.0 for position/exact, 0.0 unplaced

    @property
    def placed(self) -> bool:
        return self.start is not None


UNPLACED = Placement(None, None, "unplaced", 0.0)


def reanchor(text: str, start: int, end: int, exact: str, prefix: str = "", suffix: str = "",
             *, min_similarity: float = 0.85, window: int = 2000) -> Placement:
    """Place a stored annotation (old offsets, quote and context) in text, or say it is unplaced.

    By its position if the quote is still there, else by its exact quote (context and then
    nearness decide between repeats), else approximately (similarity >= min_similarity, first
    within +-window characters of the old position, then anywhere). An empty quote is a
    bookmark at a point, placed by its context. Offsets are code points, as Python counts them.

        reanchor("前言。甲乙丙丁", 0, 4, "甲乙丙丁") == Placement(3, 7, "exact")
    """
    n = len(text)
    if not exact:
        return _reanchor_point(text, start, prefix, suffix, min_similarity, window)
    if 0 <= start <= end <= n and text[start:end] == exact:
        ctx = _context_similarity(text, start, end, prefix, suffix)
        if ctx is None or ctx >= CONTEXT_AGREES:
            return Placement(start, end, "position")
    old = _clamp(start, n)
    found = _best_occurrence(text, exact, prefix, suffix, old)
    if found is not None and found[1]:
        return _verbatim(found[0], exact, start, end)
    fuzzy, lone = _fuzzy_quote(text, old, exact, prefix, suffix, min_similarity, window)
    if fuzzy is not None:
        return fuzzy
    # Only the surroundings disagree: a quote that is not short, still there verbatim, is
    # distinctive enough on its own; a long one almost unchanged too.
    if found is not None and len(exact) >= SHORT_QUOTE:
        return _verbatim(found[0], exact, start, end)
    return lone or UNPLACED


def quotes_match(text: str, quotes: Iterable[str]) -> bool:
    """Whether at least half of the (non-empty) quotes stand verbatim in text: it is the same
    report, perhaps from another format, not another one with the same title."""
    quoted = [q for q in quotes if q]
    return bool(quoted) and 2 * sum(q in text for q in quoted) >= len(quoted)


def reanchor_all(text: str, annotations: Iterable[T],
                 key: Callable[[T], tuple[int, int, str, str, str]] =
                 lambda a: (a.start, a.end, a.exact, a.prefix, a.suffix),
                 *, min_similarity: float = 0.85, window: int = 2000) -> list[tuple[T, Placement]]:
    """Re-anchor each annotation in text: [(annotation, placement)], in the given order.

    key gives an annotation's stored (start, end, exact, prefix, suffix).
    """
    placed: list[tuple[T, Placement]] = []
    for annotation in annotations:
        start, end, exact, prefix, suffix = key(annotation)
        placed.append((annotation, reanchor(text, start, end, exact, prefix, suffix,
                                            min_similarity=min_similarity, window=window)))
    return placed


# -- helpers -----------------------------------------------------------------------------------

def _clamp(offset: int, n: int) -> int:
    return max(0, min(offset, n))


def _occurrences(text: str, needle: str) -> Iterator[int]:
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _verbatim(at: int, exact: str, start: int, end: int) -> Placement:
    return Placement(at, at + len(exact), "position" if (at, at + len(exact)) == (start, end) else "exact")


def _best_occurrence(text: str, exact: str, prefix: str, suffix: str, old: int) -> tuple[int, bool] | None:
    """The best exact occurrence of the quote and whether its context agrees (True when there is
    no stored context): agreeing context first, then the longest context match either side,
    then nearest the old position."""
    end = len(exact)
    if prefix or suffix:                    # most edits move text a little: look near first
        lo, hi = max(0, old - _NEAR), min(len(text), old + end + _NEAR)
        near = [at for at in _occurrences(text[lo:hi], exact) if
                _context_intact(text, lo + at, lo + at + end, prefix, suffix)]
        if near:
            return lo + min(near, key=lambda at: (abs(lo + at - old), at)), True
    hits = list(_occurrences(text, exact))
    if not hits:
        return None
    whole = [at for at in hits if _context_intact(text, at, at + end, prefix, suffix)]
    if whole and (prefix or suffix):        # context unchanged around it: the nearest such one
        return min(whole, key=lambda at: (abs(at - old), at)), True
    if len(hits) > 2 * _SHORTLIST:          # a common word: judge only the likeliest few closely
        nearest = sorted(hits, key=lambda at: abs(at - old))[:_SHORTLIST]
        near_context = [at for at in hits if _context_touches(text, at, at + end, prefix, suffix)]
        hits = sorted(set(nearest) | set(near_context[:4 * _SHORTLIST]))
    affix = {at: _affix_match(text, at, at + end, prefix, suffix) for at in hits}
    best: tuple | None = None
    for at in hits:
        ctx = _context_similarity(text, at, at + len(exact), prefix, suffix)
        agrees = ctx is None or ctx >= CONTEXT_AGREES
        key = (agrees, affix[at], ctx or 0.0, -abs(at - old), -at)
        if best is None or key > best[0]:
            best = (key, at, agrees)
    assert best is not None
    return best[1], best[2]


def _context_intact(text: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    """The stored prefix and suffix stand unchanged right before start and after end."""
    return text.startswith(suffix, end) and (not prefix or (start >= len(prefix)
                                                            and text.startswith(prefix, start - len(prefix))))


def _context_touches(text: str, start: int, end: int, prefix: str, suffix: str, size: int = 4) -> bool:
    """At least the few characters next to the quote agree on one side (a cheap first sieve)."""
    before, after = prefix[-size:], suffix[:size]
    return bool((before and text.startswith(before, start - len(before)) and start >= len(before))
                or (after and text.startswith(after, end)))


def _affix_match(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of prefix match just before start (from its right end), plus how
    many of suffix match just after end (from its left end)."""
    count = 0
    while count < len(prefix) and count < start and prefix[-1 - count] == text[start - 1 - count]:
        count += 1
    after = 0
    while after < len(suffix) and end + after < len(text) and suffix[after] == text[end + after]:
        after += 1
    return count + after


def _context_similarity(text: str, start: int, end: int, prefix: str, suffix: str) -> float | None:
    """The better of prefix's and suffix's similarity (0..1) to the text either side of
    [start, end), or None when there is no stored context to compare."""
    sides = []
    if prefix:
        sides.append(fuzz.ratio(prefix, text[max(0, start - len(prefix)):start]) / 100)
    if suffix:
        sides.append(fuzz.ratio(suffix, text[end:end + len(suffix)]) / 100)
    return max(sides) if sides else None


def _similarity(a: str, b: str) -> float:
    """Normalised Levenshtein similarity 0..1 (a changed character costs one edit)."""
    return Levenshtein.normalized_similarity(a, b)


def _regions(text: str, old: int, needle: str, window: int) -> Iterator[tuple[int, int]]:
    """The slices of text to search approximately for needle, nearest first: just around the
    old position, within +-window of it, then the whole text (or, for a long needle in a long
    text, around exact hits of pieces of it)."""
    n, m = len(text), len(needle)
    searched: list[tuple[int, int]] = []

    def new(region: tuple[int, int]) -> bool:
        if any(lo <= region[0] and region[1] <= hi for lo, hi in searched):
            return False
        searched.append(region)
        return True

    for reach in (m + 64, max(0, window)):
        region = (max(0, old - reach), min(n, old + m + reach))
        if new(region):
            yield region
    if m <= WHOLE_TEXT_LIMIT:
        if new((0, n)):
            yield 0, n
        return
    slack = m // 2
    for offset in range(0, m - _PIECE + 1, max(_PIECE, (m - _PIECE) // 8)):
        piece = needle[offset:offset + _PIECE]
        for count, hit in enumerate(_occurrences(text, piece)):
            if count >= _PIECE_HITS:
                break
            region = (max(0, hit - offset - slack), min(n, hit - offset + m + slack))
            if new(region):
                yield region


def _align(needle: str, text: str, lo: int, hi: int, cutoff: float) -> tuple[int, int] | None:
    """Roughly where in text[lo:hi] needle fits best, if at all (Indel similarity >= cutoff)."""
    haystack = text[lo:hi]
    if not haystack:
        return None
    if len(haystack) <= len(needle):
        return (lo, hi) if fuzz.ratio(needle, haystack) >= cutoff * 100 else None
    found = fuzz.partial_ratio_alignment(needle, haystack, score_cutoff=cutoff * 100)
    if found is None:
        return None
    return lo + found.dest_start, lo + found.dest_end


def _refine(text: str, exact: str, start: int, end: int) -> tuple[int, int, float]:
    """Move the ends of [start, end) by up to a few characters to best fit exact: highest
    similarity, then length nearest the quote's, then least moved."""
    n, m = len(text), len(exact)
    slack = min(_REFINE, max(2, (m * 35 + 99) // 100))

    def key(s: int, e: int) -> tuple[float, int, int]:
        return _similarity(exact, text[s:e]), -abs((e - s) - m), -abs(s - start) - abs(e - end)

    for _ in range(2):
        s0, e0 = start, end
        start = max(range(max(0, s0 - slack), min(e0, s0 + slack) + 1), key=lambda s: key(s, end))
        end = max(range(max(start, e0 - slack), min(n, e0 + slack) + 1), key=lambda e: key(start, e))
        if (start, end) == (s0, e0):
            break
    return start, end, _similarity(exact, text[start:end])


def _fuzzy_quote(text: str, old: int, exact: str, prefix: str, suffix: str,
                 min_similarity: float, window: int) -> tuple[Placement | None, Placement | None]:
    """The nearest approximate match whose context agrees (or, with no stored context, of a
    quote that is not short), and as a fallback one that only a long quote's high similarity
    vouches for."""
    has_context = bool(prefix or suffix)
    if len(exact) < SHORT_QUOTE and not has_context:
        return None, None
    cutoff = max(0.0, min_similarity - 0.1)
    fallback: Placement | None = None
    for lo, hi in _regions(text, old, exact, window):
        found = _align(exact, text, lo, hi, cutoff)
        if found is None:
            continue
        start, end, score = _refine(text, exact, *found)
        if score < min_similarity or start == end:
            continue
        placement = Placement(start, end, "fuzzy", score)
        ctx = _context_similarity(text, start, end, prefix, suffix)
        if ctx is None or ctx >= CONTEXT_AGREES:
            return placement, None
        if fallback is None and len(exact) >= LONG_QUOTE and score >= max(min_similarity, LONE_SIMILARITY):
            fallback = placement
    return None, fallback


def _reanchor_point(text: str, start: int, prefix: str, suffix: str,
                    min_similarity: float, window: int) -> Placement:
    """A bookmark at a point (empty quote): placed by the context either side of it."""
    n = len(text)
    inside = 0 <= start <= n
    if not prefix and not suffix:
        return Placement(start, start, "position") if inside else UNPLACED
    if inside and text.startswith(suffix, start) and start >= len(prefix) and text.endswith(prefix, 0, start):
        return Placement(start, start, "position")
    old = _clamp(start, n)
    joined = prefix + suffix
    at = min(_occurrences(text, joined), key=lambda a: abs(a + len(prefix) - old), default=None)
    if at is not None:
        return Placement(at + len(prefix), at + len(prefix), "exact")
    if len(joined) < SHORT_QUOTE:
        return UNPLACED

    def fit(point: int) -> float:
        return _similarity(joined, text[max(0, point - len(prefix)):point] + text[point:point + len(suffix)])

    candidates = [old] if inside else []
    for lo, hi in _regions(text, old, joined, window):
        if candidates and max(map(fit, candidates)) >= min_similarity:
            break                               # the nearest region with a fit wins
        found = _align(joined, text, lo, hi, max(0.0, min_similarity - 0.1))
        if found is not None:
            candidates.append(_map_offset(joined, text[found[0]:found[1]], len(prefix)) + found[0])
    if not candidates:
        return UNPLACED
    best = max(candidates, key=lambda p: (fit(p), -abs(p - old)))
    score = fit(best)
    return Placement(best, best, "fuzzy", score) if score >= min_similarity else UNPLACED


def _map_offset(source: str, dest: str, offset: int) -> int:
    """Where offset in source falls in dest, by their edit alignment."""
    for tag, s1, s2, d1, d2 in Levenshtein.opcodes(source, dest):
        if s1 <= offset < s2 or (offset == s2 == len(source)):
            return d1 + (min(offset - s1, d2 - d1) if tag in ("equal", "replace") else 0)
    return len(dest)
