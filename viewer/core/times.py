"""Stored UTC times shown to people: local wall time with its UTC offset, `2026-12-02 15:30 (+08:00)`."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo


def _local(moment: str | datetime, tz: tzinfo | None) -> datetime | None:
    """`moment` (ISO 8601 text or a datetime; UTC when it has no offset) in `tz`; None if not a time."""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(tz)


def local_time(moment: str | datetime, tz: tzinfo | None = None) -> str:
    """A stored time (ISO 8601 text or a datetime; without an offset it is UTC, as the store keeps
    it) as the wall time of `tz`, by default the computer's time zone, with that zone's offset:

        local_time("2026-12-02T07:30:00.000000+00:00")   # '2026-12-02 15:30 (+08:00)' in China
        local_time("2026-12-02T07:30:00+00:00", timezone.utc)   # '2026-12-02 07:30 (+00:00)'

    Text that is not a time comes back as it is.
    """
    here = _local(moment, tz)
    if here is None:
        return str(moment)
    offset = here.strftime("%z")                      # +0800
    return f"{here:%Y-%m-%d %H:%M} ({offset[:3]}:{offset[3:5]})"


def local_date(moment: str | datetime, tz: tzinfo | None = None) -> str:
    """The local calendar day of a stored time, `2026-12-02` (text that is not a time as it is)."""
    here = _local(moment, tz)
    return str(moment) if here is None else f"{here:%Y-%m-%d}"
