"""Where an annotation sits: quote/position selectors, and re-anchoring them in changed text."""

from __future__ import annotations

from dataclasses import dataclass

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
