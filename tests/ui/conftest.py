"""UI fixtures: a library in a temp dir, a main window on the sample, compiled translations."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE
from viewer import paths
from viewer.store import LibraryStore


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """Build the .qm files from the .ts sources when `make` has not done it yet."""
    folder = paths.resource_path("translations")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    for ts in folder.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(autouse=True)
def chinese_messages():
    """Each UI test starts with errors shown in Chinese, as the Chinese UI shows them."""
    from viewer.ui import ui_language

    ui_language.set_current("zh")
    yield
    ui_language.set_current("zh")


@pytest.fixture(autouse=True)
def windows_deleted_after_each_test():
    """The windows a test closed are deleted before the next test: pytest-qt's deleteLater runs outside
    any event loop, where Qt would keep them (and a later language change would reach a window whose
    library is closed)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def store(tmp_path):
    with LibraryStore(tmp_path / "library.sqlite3") as s:
        yield s


@pytest.fixture
def make_window(qtbot, store):
    """Shown MainWindows on `store`: opening `path`, or (path=None) what a restart would open."""
    from viewer.ui.app import open_initial_report
    from viewer.ui.main_window import MainWindow

    def make(path=None, size=(1400, 900), restore=False):
        win = MainWindow(store)
        qtbot.addWidget(win)
        win.resize(*size)
        if restore:
            win.restore_layout()
        if path is not None:
            assert win.import_and_open(path)
        win.show()
        if path is None:
            open_initial_report(win, store, None)
        qtbot.waitExposed(win)
        return win

    return make


@pytest.fixture
def window(make_window):
    return make_window(SAMPLE)


@pytest.fixture
def screenshot_dir(tmp_path):
    import os

    out = Path(os.environ.get("RV_SCREENSHOT_DIR", tmp_path / "shots"))
    out.mkdir(parents=True, exist_ok=True)
    return out
