"""The language the UI shows now, and the text of an error in it (for message boxes and the status bar)."""

from __future__ import annotations

from viewer.core.errors import Phrase, ReportViewerError
from viewer.core.messages import LANGUAGES, render

_current = "zh"          # Chinese is the source language of the UI


def set_current(language: str) -> None:
    """Called by app.Translations whenever the UI switches language."""
    global _current
    _current = language if language in LANGUAGES else "zh"


def current() -> str:
    return _current


def error_text(error: ReportViewerError) -> str:
    """The one line a message box shows for `error`, in the UI's current language."""
    return render(error, _current)


def phrase_text(phrase: Phrase | None) -> str:
    """A phrase from the core (what a share import does, say) in the UI's current language; "" for None."""
    return render(phrase, _current) if phrase is not None else ""
