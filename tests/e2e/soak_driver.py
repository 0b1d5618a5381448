"""A long session in one process, as a fast reader has it: wheel scrolling, page keys, find-next
and report switches in a real window; prints what it did as JSON and exits 0 if it is still alive.

Run by tests/e2e/test_soak.py as `python tests/e2e/soak_driver.py DB SOURCE...` with DISPLAY (Xvfb)
or QT_QPA_PLATFORM=offscreen set.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from viewer.store import LibraryStore
    from viewer.ui.main_window import MainWindow

    db, sources = argv[0], argv[1:]
    wheel_steps, page_steps, find_steps, switches = 4000, 800, 1600, 40
    app = QApplication([sys.argv[0]])
    store = LibraryStore(db)
    window = MainWindow(store)
    window.resize(1280, 800)
    doc_ids = []
    for source in sources:
        assert window.import_and_open(source), source
        doc_ids.append(window.doc_id)
    window.show()
    QTest.qWaitForWindowExposed(window, 5000)
    started = time.perf_counter()
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    none_start = sys.getrefcount(None)
    viewport = window.view.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    done = {"wheel": 0, "page": 0, "find": 0, "switch": 0}

    def wheel(delta: int) -> None:
        event = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(0, 0), QPoint(0, delta),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)

    rounds = switches                                  # each round begins with a report switch
    for round_no in range(rounds):
        window.open_document(doc_ids[round_no % len(doc_ids)])
        done["switch"] += 1
        app.processEvents()
        for step in range(wheel_steps // rounds):      # fast flicks down, then back up
            wheel(-360 if (step // 40) % 3 != 2 else 360)
            done["wheel"] += 1
            if step % 4 == 0:
                app.processEvents()
        for step in range(page_steps // rounds):
            key = Qt.Key.Key_PageDown if step % 5 != 4 else Qt.Key.Key_PageUp
            QTest.keyClick(window.view, key)
            done["page"] += 1
            app.processEvents()
        QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)    # Ctrl+F, type, Enter…
        window.find_bar.edit.setText("法治" if round_no % 2 == 0 else "2020")   # keyClicks types ASCII only
        for step in range(find_steps // rounds):
            modifier = Qt.KeyboardModifier.ShiftModifier if step % 7 == 6 else Qt.KeyboardModifier.NoModifier
            QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Return, modifier)
            done["find"] += 1
            if step % 3 == 0:
                app.processEvents()
        QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    for _ in range(5):
        app.processEvents()
    result = dict(done, seconds=round(time.perf_counter() - started, 1),
                  platform=QApplication.platformName(),
                  max_rss_mb_growth=round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_start) / 1024, 1),
                  none_refcount_change=sys.getrefcount(None) - none_start, alive=True)
    window.close()
    store.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
