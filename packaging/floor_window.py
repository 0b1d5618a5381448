"""The floor for start-up: the app's layout in plain PySide6 (a QMainWindow, the report in a
QPlainTextEdit, a QTreeWidget and a QTableWidget dock), shown until its first paint, frozen the
same way as the app. Its code is viewer.bench.FLOOR_WINDOW's (a test keeps them the same)."""

import gc, sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QDockWidget, QMainWindow, QPlainTextEdit,
                               QTableWidget, QTreeWidget)
def wait_for_first_paint(app, window):
    from PySide6.QtCore import QEvent, QObject
    class Watch(QObject):
        painted = False
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False
    watch = Watch()
    window.installEventFilter(watch)
    while not watch.painted:
        app.processEvents()
def main():
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 860)
    text = QPlainTextEdit(window)
    text.setReadOnly(True)
    with open(sys.argv[1], encoding='utf-8') as source:
        text.setPlainText(source.read())
    window.setCentralWidget(text)
    for area, widget in ((Qt.DockWidgetArea.LeftDockWidgetArea, QTreeWidget()),
                         (Qt.DockWidgetArea.RightDockWidgetArea, QTableWidget(0, 6))):
        dock = QDockWidget(window)
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
    window.show()
    wait_for_first_paint(app, window)
    gc.freeze()
    return 0
sys.exit(main())
