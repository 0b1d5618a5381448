"""The project's own error types: each carries what happened as a message code and its arguments."""

from __future__ import annotations

from typing import Any


class Phrase:
    """A translatable piece of a message (a detected file kind, a place in a file): code and arguments.

        IngestError("ingest.not_text", file="a.txt", kind=Phrase("kind.pdf"), formats=(".txt", ".docx"))
    """

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, **{self.params!r})"

    def __str__(self) -> str:
        from viewer.core.messages import render

        return render(self, "en")


class ReportViewerError(Exception):
    """A problem the user can act on: `code` names what happened, `params` its details (file, limit…).

    str(error) is the English line (for logs); viewer.core.messages.render(error, language) gives
    the line in the user's language.
    """

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        from viewer.core.messages import render

        return render(self, "en")

    def __reduce__(self):
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type, code: str, params: dict[str, Any]) -> ReportViewerError:
    return cls(code, **params)


class IngestError(ReportViewerError):
    """A source file that cannot become a report (missing, empty, binary, undecodable, too big)."""


class StoreError(ReportViewerError):
    """The library database cannot do what was asked (unknown document, locked, newer schema)."""


class ShareError(ReportViewerError):
    """A share file that cannot be imported (not JSON, wrong format, over a limit, hostile content)."""
