"""Stored UTC times shown to people: local wall time with its UTC offset, `2026-12-02 15:30 (+08:00)`."""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo


def local_time(moment: str | datetime, tz: tzinfo | None = None) -> str:
    """A stored time (ISO 8601 text or a datetime; without an offset it is UTC, as the store keeps
    it) as the wall time of `tz`, by default the computer's time zone, with that zone's offset:

        local_time("2026-12-02T07:30:00.000000+00:00")   # '2026-12-02 15:30 (+08:00)' in China
        local_time("2026-12-02T07:30:00+00:00", timezone.utc)   # '2026-12-02 07:30 (+00:00)'

    Text that is not a time comes back as it is.
    """
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    here = moment.astimezone(tz)
    offset = here.strftime("%z")                      # +0800
    return f"{here:%Y-%m-%d %H:%M} ({offset[:3]}:{offset[3:5]})"
