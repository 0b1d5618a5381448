"""A search query parsed: terms that must all occur, "quoted phrases", and -excluded terms, folded as in find."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.errors import ReportViewerError
from viewer.core.search import fold

#: Quote marks that open or close a phrase (ASCII and the Chinese curly pair, after folding).
QUOTES = frozenset('"“”')


@dataclass(frozen=True)
class SearchQuery:
    """Folded terms every hit report must hold (phrases are terms with their spaces) and folded
    terms it must not hold; `terms` is never empty.

        parse_query('依法 "行政 复议" -调解')  ->  SearchQuery(terms=('依法', '行政 复议'), excluded=('调解',))
    """

    terms: tuple[str, ...]
    excluded: tuple[str, ...]


def _tokens(query: str) -> list[tuple[str, bool]]:
    """(text, excluded) of each term or phrase; raises search.unclosed_quote."""
    folded = fold(query)
    tokens: list[tuple[str, bool]] = []
    i, n = 0, len(folded)
    while i < n:
        if folded[i].isspace():
            i += 1
            continue
        excluded = folded[i] == "-" and i + 1 < n and not folded[i + 1].isspace()
        if excluded:
            i += 1
        if folded[i] in QUOTES:
            close = next((j for j in range(i + 1, n) if folded[j] in QUOTES), -1)
            if close < 0:
                raise ReportViewerError("search.unclosed_quote", query=query.strip())
            text, i = folded[i + 1:close].strip(), close + 1
        else:
            j = i
            while j < n and not folded[j].isspace() and folded[j] not in QUOTES:
                j += 1
            text, i = folded[i:j], j
        if text:
            tokens.append((text, excluded))
    return tokens


def parse_query(query: str) -> SearchQuery:
    """The query's terms and excluded terms, folded (full-/half-width and case alike); raises
    ReportViewerError search.empty_query (nothing to find) or search.unclosed_quote."""
    tokens = _tokens(query)
    terms = tuple(dict.fromkeys(t for t, excluded in tokens if not excluded))
    excluded = tuple(dict.fromkeys(t for t, excluded in tokens if excluded))
    if not terms:
        raise ReportViewerError("search.empty_query", query=query.strip())
    return SearchQuery(terms, excluded)
