"""The yardstick for start-up: a bare PySide6 QMainWindow, shown once, frozen the same way as the app."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 860)
window.show()
app.processEvents()
