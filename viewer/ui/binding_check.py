"""Checks that the Qt binding keeps Python's reference counts: a leaking PySide6 crashes long sessions.

PySide6/shiboken6 6.12.0 on Python 3.11 drops one reference to ``None`` (and to ``True``/``False``)
on void calls such as ``processEvents()``, ``repaint()`` or ``QScrollBar.setValue()``; after a few
thousand wheel steps Python deallocates ``None`` and aborts (``Fatal Python error: none_dealloc``).
On Python 3.12+ these objects are immortal, so the counts never move there and the check passes.

    >>> refcount_drift(calls=300)       # doctest: +SKIP
    {'None': 0, 'True': 0, 'False': 0}
"""

from __future__ import annotations

import sys

#: How far a count may fall during the check before the binding is called leaky (other code may
#: legitimately drop a few references while events are processed).
TOLERANCE = 20


def _counts() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}


def refcount_drift(calls: int = 1000) -> dict[str, int]:
    """How far the counts of None/True/False fell over `calls` rounds of void Qt calls (0 = no leak).

    Each round makes three void calls (processEvents, repaint, QScrollBar.setValue) and two that
    return a bool (isVisible, isEnabled). Needs a QApplication or creates one (offscreen if no
    display is configured).
    """
    from PySide6.QtWidgets import QApplication, QScrollBar, QWidget

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "report-viewer"])
    widget = QWidget()
    bar = QScrollBar()
    bar.setRange(0, 100)
    app.processEvents()
    before = _counts()
    for i in range(calls):
        app.processEvents()
        widget.repaint()
        bar.setValue(i % 100)
        widget.isVisible()
        bar.isEnabled()
    after = _counts()
    widget.deleteLater()
    bar.deleteLater()
    return {name: before[name] - after[name] for name in before}


def leak_problem(calls: int = 1000) -> str | None:
    """None when the binding keeps its counts; else one line naming the binding and what fell."""
    import PySide6

    drift = refcount_drift(calls)
    fallen = {name: drop for name, drop in drift.items() if drop > TOLERANCE}
    if not fallen:
        return None
    what = ", ".join(f"{name} by {drop}" for name, drop in fallen.items())
    return (f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} loses references "
            f"({what} over {calls} calls): long sessions would crash; use PySide6 < 6.12")
