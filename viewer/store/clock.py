"""The times the library writes: import stamps to the second, annotation stamps to the microsecond."""

from __future__ import annotations

from datetime import datetime, timezone


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def now_precise() -> str:
    """Annotation times: microseconds, so edits in one second still order by `modified`."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")
