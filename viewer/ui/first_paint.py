"""Work a window puts off until its first paint is on screen, so start-up shows the report sooner."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class AfterFirstPaint(QObject):
    """Steps queued with `later` run in order on the event-loop pass after `widget`'s first paint,
    or at once when something needs their result sooner (`run_now`). Once run, or when made with
    `defer=False`, `later` runs a step at once.

        deferred = AfterFirstPaint(window, defer=True)
        deferred.later(fill_figures_table)      # runs after the window is first drawn
    """

    def __init__(self, widget: QWidget, defer: bool = True):
        super().__init__(widget)
        self._steps: list[Callable[[], None]] = []
        self.painted = False           # the widget's first paint has begun (and is done once the
        self.done = not defer          # event that carried it returns); the steps have run
        widget.installEventFilter(self)

    def later(self, step: Callable[[], None]) -> None:
        """Run `step` after the first paint (once, however often it is queued before), or now."""
        if self.done:
            step()
        elif step not in self._steps:
            self._steps.append(step)

    def run_now(self) -> None:
        """Run the queued steps now (each once), and any later ones at once."""
        self.done = True
        while self._steps:
            self._steps.pop(0)()

    def wait_for_paint(self) -> None:
        """Process events until the first paint is done (the start-up benchmark's end point)."""
        app = QApplication.instance()
        while not self.painted:
            app.processEvents()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            obj.removeEventFilter(self)
            if not self.done:       # queued behind this paint; dropped if the window goes first
                QTimer.singleShot(0, self, self.run_now)
        return False
