"""Starting the desktop app: arguments, display check, translations, first-start sample, screenshots."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from viewer import paths
from viewer.core.errors import ReportViewerError
from viewer.core.messages import LANGUAGES, language_from_environment, render_code
from viewer.ui import ui_language


class GuiUsageError(ReportViewerError):
    """A GUI command line that cannot be carried out (no such section for --goto, an unwritable screenshot)."""


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


class Translations:
    """Installs the UI language: translators and the default QLocale; Chinese is the source language.

    Chinese loads Qt's own qtbase_zh_CN (standard dialogs, from Qt's translations folder, which the
    bundle keeps) and the project's supplement for the strings it lacks; English loads the app's .qm.
    The default QLocale follows, so dates, sizes and file-type names in Qt's dialogs match the UI
    language whatever the system locale is.
    """

    LOCALES = {"zh": "zh_CN", "en": "en_US"}
    #: Every instance's translators (an earlier window's too): the ones a language change removes.
    #: Kept here rather than found with app.findChildren(QTranslator), which would make PySide6
    #: set up the Python type of every child of the application (QStyle's ~10 enums) at start-up.
    _made: list = []

    def __init__(self, app):
        from PySide6.QtCore import QTranslator

        self.app = app
        self.app_translator = QTranslator(app)
        self.qt_translators = [QTranslator(app), QTranslator(app)]
        self._made.extend([self.app_translator, *self.qt_translators])
        self.language = "zh"

    def set_language(self, language: str) -> bool:
        import shiboken6
        from PySide6.QtCore import QLibraryInfo, QLocale

        if language not in self.LOCALES:
            return False
        for translator in self._made:          # this one's and any earlier instance's
            if shiboken6.isValid(translator):
                self.app.removeTranslator(translator)
        if language == "zh":
            qtbase, supplement = self.qt_translators
            qtbase.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            supplement.load(str(paths.resource_path("translations", "qtbase_supplement_zh_CN.qm")))
            for translator in (qtbase, supplement):   # installed last is asked first
                self.app.installTranslator(translator)
            ok = True
        else:
            ok = self.app_translator.load(str(paths.resource_path("translations", f"report_viewer_{language}.qm")))
            if not ok:               # no compiled .qm: the UI stays Chinese, and says so consistently
                self.set_language("zh")
                return False
            self.app.installTranslator(self.app_translator)
        self.language = language
        ui_language.set_current(language)
        QLocale.setDefault(QLocale(self.LOCALES[language]))
        return ok


def open_initial_report(window, store, file: str | None) -> None:
    """FILE if given; else the last report read; else the bundled sample (imported on first start).

    A share file (.rvshare.json) as FILE opens the last report and then the import preview over it.
    """
    from viewer.ui.exports.export_actions import is_share_file

    if file and is_share_file(file):
        open_initial_report(window, store, None)
        window.open_file(file)
        return
    if file:
        if window.import_and_open(file):
            return
    from viewer.store.settings import LAST_DOCUMENT

    last = window.session.get_setting(LAST_DOCUMENT)
    if last is not None and store.has_document(last) and not store.is_removed(last):   # (not in the 回收站)
        window.open_document(last)
        return
    docs = store.documents()
    if docs:
        window.open_document(docs[-1].id)
        return
    window.import_and_open(paths.sample_report_path())


def open_library(app, db_path: str | os.PathLike, language: str, *, interactive: bool = True):
    """The library; None when it cannot be opened (damaged, from a
    newer version, read-only, locked), after saying so with the choices on stderr and, when a user
    is there to answer (not a screenshot run), in a message box."""
    from viewer.core.errors import StoreError
    from viewer.core.messages import render
    from viewer.store import LibraryStore

    try:
        store = LibraryStore(db_path)
    except StoreError as exc:
        from PySide6.QtWidgets import QMessageBox

        text = render(exc, language)
        sys.stderr.write(render_code("cli.error_line", language, message=text) + "\n")
        if not interactive:
            return None
        box = QMessageBox(QMessageBox.Icon.Critical, app.applicationDisplayName(), text)
        box.exec()
        return None
    return store


def back_up_if_due(store, language: str) -> None:
    """The daily backup (see viewer.store.backup); a failed one is said on stderr and does not keep
    the user from reading."""
    from viewer.core.errors import StoreError
    from viewer.core.messages import render
    from viewer.store.backup import backup_if_due

    try:
        backup_if_due(store)
    except StoreError as exc:
        sys.stderr.write(render_code("cli.error_line", language, message=render(exc, language)) + "\n")


def run_app(args: argparse.Namespace) -> int:
    """The GUI entry point behind `report-viewer [FILE] [--lang] [--screenshot OUT.png] …`, with the options
    as viewer.cli.args.parse_app_args parsed them."""
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif not has_display():
        sys.stderr.write(render_code("gui.no_display", args.lang or language_from_environment()) + "\n")
        return 2
    db_path = args.db or paths.default_db_path()
    if not args.screenshot and not args.exit_after_show:
        from viewer.ui.single_instance import hand_over

        if hand_over(db_path, args.file):       # a window on this library runs: it opens FILE
            return 0
    # Start-up: the library's modules (and the stdlib ones they use) load before PySide6, whose
    # import hook reads the source of every module imported after it (~0.2 ms each).
    from viewer.store import LibraryStore  # noqa: F401  (loaded before PySide6, see above)
    from viewer.store.settings import LANGUAGE
    from viewer.ui.pyside_hook import speed_up_import_check

    from PySide6.QtWidgets import QApplication

    speed_up_import_check()           # before the window's ~50 modules load
    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("report-viewer")
    app.setApplicationDisplayName("报告阅览器")
    app.setDesktopFileName("report-viewer")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "report-viewer.png"))))
    store = open_library(app, db_path, args.lang or language_from_environment(),
                         interactive=not (args.screenshot or args.exit_after_show))
    if store is None:
        return 2
    window = None
    try:
        translations = Translations(app)
        language = args.lang or store.get_setting(LANGUAGE)
        translations.set_language(language if language in LANGUAGES else "zh")
        window = MainWindow(store, defer_until_painted=True)
        window.set_language_checked(translations.language)
        # Start-up: the daily backup copies the whole library; the window is drawn first.
        window.after_first_paint.later(lambda: back_up_if_due(window.session.store, translations.language))

        def switch_language(lang: str) -> None:
            if translations.set_language(lang):
                window.session.set_setting(LANGUAGE, lang)
            window.set_language_checked(translations.language)

        window.languageRequested.connect(switch_language)
        if args.screenshot:
            window.resize(args.width, args.height)
        else:
            window.restore_layout()
        open_initial_report(window, store, args.file)
        if args.screenshot:
            return take_screenshot(app, window, args)
        window.show()
        if args.exit_after_show:       # the start-up benchmark: a session that ends at its first paint
            window.after_first_paint.wait_for_paint()
            code = 0
        else:
            server = listen_for_later_launches(window, db_path)
            try:
                code = app.exec()
            finally:
                server.stop()
        # Everything is saved and the process ends next: freezing the heap spares the interpreter's
        # final cycle collection over the window's object graph (the report's text, sections,
        # figures and notes), most of the time between Quit and the process ending.
        gc.freeze()
        return code
    finally:
        store.close()
        if window is not None:             # (the library reopened after a restored backup)
            window.session.store.close()


def listen_for_later_launches(window, db_path):
    """Start the single-instance server: later launches on this library open their file here."""
    from PySide6.QtCore import Qt, QTimer

    from viewer.ui.single_instance import InstanceServer

    server = InstanceServer(db_path, window)

    def receive(path: str) -> None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if path:
            window.open_file(path)

    server.fileReceived.connect(receive, Qt.ConnectionType.QueuedConnection)
    QTimer.singleShot(0, server.start)      # after the first paint: start-up stays light
    return server


def take_screenshot(app, window, args: argparse.Namespace) -> int:
    """Render the window offscreen as a user would see it and save it as a PNG."""
    window.show()
    app.processEvents()
    if args.goto:
        numbers = [part for part in args.goto.replace("›", "/").split("/") if part.strip()]
        if not window.go_to_path([n.strip() for n in numbers]):
            raise GuiUsageError("gui.no_such_section", path=args.goto)
    if args.find:
        window.find_bar.open_bar(args.find)
        window.run_find(args.find)
    for _ in range(3):
        app.processEvents()
    out = Path(args.screenshot)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise GuiUsageError("gui.screenshot_failed", path=str(out))
    sys.stdout.write(f"screenshot saved: {out}\n")
    return 0
