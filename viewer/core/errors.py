"""The project's own error types: each carries one line fit to show a user."""


class ReportViewerError(Exception):
    """A problem the user can act on; str(error) is one line naming what and which file."""


class IngestError(ReportViewerError):
    """A source file that cannot become a report (missing, empty, binary, undecodable, too big)."""


class StoreError(ReportViewerError):
    """The library database cannot do what was asked (unknown document, locked, newer schema)."""


class ShareError(ReportViewerError):
    """A share file that cannot be imported (not JSON, wrong format, over a limit, hostile content)."""
