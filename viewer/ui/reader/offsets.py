"""The one place that converts code-point offsets (core) to and from Qt's UTF-16 positions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Utf16Map:
    """Offset conversion for one body text; O(log n) per call, O(n) once to build.

        m = Utf16Map("𠀀41件")
        m.to_qt(1) == 2        # the code point after a non-BMP character
        m.from_qt(2) == 1
    """

    def __init__(self, text: str):
        # Code-point indices of characters outside the BMP: each takes two UTF-16 units.
        self._wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # Their UTF-16 positions (of the first unit), for the reverse direction.
        self._wide_qt = [i + k for k, i in enumerate(self._wide)]
        self.length = len(text)

    def to_qt(self, offset: int) -> int:
        """UTF-16 position of code-point `offset`."""
        return offset + bisect_left(self._wide, offset)

    def from_qt(self, position: int) -> int:
        """Code-point offset of UTF-16 `position` (a position inside a surrogate pair rounds down)."""
        return position - bisect_right(self._wide_qt, position - 1)
