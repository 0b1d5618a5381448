"""Find in a report: every occurrence of a query, ignoring case and full-/half-width differences."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import NamedTuple

MAX_HITS = 10_000      # hits marked and counted; past this the find bar says there are more


class FindResult(NamedTuple):
    """The first hits of a query and whether the text holds more than those (`limit` was reached)."""

    hits: list[tuple[int, int]]
    more: bool


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character folded to one character (NFKC + casefold), or itself when that would change length."""
    folded = unicodedata.normalize("NFKC", ch).casefold()
    return folded if len(folded) == 1 else ch


def fold(text: str) -> str:
    """`text` with each character folded; same length, so offsets carry over unchanged."""
    return "".join(map(_fold_char, text))


class TextSearcher:
    """Searches one body text many times (the folded copy is built once).

        TextSearcher("（一）全年41件").find_all("(一)")  ->  [(0, 3)]
    """

    def __init__(self, text: str):
        self._folded = fold(text)

    def find_all(self, query: str, limit: int = MAX_HITS) -> list[tuple[int, int]]:
        """Code-point (start, end) of each non-overlapping hit, in order; at most `limit`."""
        needle = fold(query)
        if not needle:
            return []
        hits: list[tuple[int, int]] = []
        pos = self._folded.find(needle)
        while pos >= 0 and len(hits) < limit:
            hits.append((pos, pos + len(needle)))
            pos = self._folded.find(needle, pos + len(needle))
        return hits

    def find(self, query: str, limit: int = MAX_HITS) -> FindResult:
        """The first `limit` hits, and whether there are more after them.

            TextSearcher("局" * 5).find("局", limit=3)  ->  FindResult(hits=[(0, 1), (1, 2), (2, 3)], more=True)
        """
        hits = self.find_all(query, limit + 1)
        return FindResult(hits[:limit], len(hits) > limit)
