"""`report-viewer --self-test`: the whole app exercised in a throwaway library, offscreen; says OK or what failed."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable

from viewer import paths

EXPECTATIONS = ("self-test", "expectations.json")


class SelfTestFailure(Exception):
    """One step of the self-test did not give what it should."""


def _check(condition: bool, what: str) -> None:
    if not condition:
        raise SelfTestFailure(what)


def run_self_test(out: Callable[[str], None] = print) -> int:
    """Run every step in a fresh temporary library; 0 and `self-test OK`, or 1 and the failed step."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="report-viewer-self-test-") as folder:
        os.environ[paths.DATA_DIR_ENV] = folder          # nothing below can touch the real library
        steps = [("Qt binding keeps reference counts", _binding), ("parse the sample", _parse_sample), ("library: import and a note", _note),
                 ("share export and re-import", _share_round_trip), ("exports", _exports),
                 ("batch import with parse workers", _batch_import),
                 ("window and screenshot", _screenshot)]
        state: dict = {"folder": Path(folder)}
        for name, step in steps:
            try:
                step(state)
            except Exception as exc:      # noqa: BLE001 - the self-test reports any failure as one line
                out(f"self-test FAILED at '{name}': {type(exc).__name__}: {exc}")
                return 1
            out(f"  ok: {name}")
        state["store"].close()
    out("self-test OK")
    return 0


def _binding(state: dict) -> None:
    from viewer.ui.binding_check import leak_problem

    problem = leak_problem(calls=300)
    _check(problem is None, problem or "")


def _parse_sample(state: dict) -> None:
    from viewer.core.report import parse_path

    expected = json.loads(paths.resource_path(*EXPECTATIONS).read_text("utf-8"))
    report = parse_path(paths.sample_report_path())
    _check(report.title == expected["title"], f"title {report.title!r} != {expected['title']!r}")
    _check(report.section_count() == expected["sections"],
           f"{report.section_count()} sections, expected {expected['sections']}")
    _check(len(report.figures) == expected["figures"], f"{len(report.figures)} figures, expected {expected['figures']}")
    state["report"] = report


def _note(state: dict) -> None:
    from viewer.store import LibraryStore
    from viewer.store.settings import AUTHOR

    path = state["folder"] / "library.sqlite3"
    store = LibraryStore(path)
    store.set_setting(AUTHOR, "self-test")
    doc_id = store.import_report(state["report"]).document_id
    fig = state["report"].figures[0]
    note = store.add_annotation(doc_id, "note", fig.start, fig.end, body="自检批注")
    store.close()
    store = LibraryStore(path)                          # reopened: the note was committed
    _check(store.annotation(note.uuid).body == "自检批注", "the note did not survive reopening the library")
    state.update(store=store, doc_id=doc_id, note=note)


def _share_round_trip(state: dict) -> None:
    from viewer.core.share import share_bytes
    from viewer.services.sharing import build_share, import_share
    from viewer.store import LibraryStore

    data = share_bytes(build_share(state["store"], [state["doc_id"]], include_report=True))
    with LibraryStore(state["folder"] / "colleague.sqlite3") as other:
        plan = import_share(other, data, "self-test.rvshare.json")
        _check(plan.counts()["new"] == 1 and len(plan.new_reports) == 1, f"import plan: {plan.summary()}")
        received = other.annotation(state["note"].uuid)
        _check((received.start, received.end, received.body) == (state["note"].start, state["note"].end, "自检批注"),
               "the shared note arrived changed")
        _check(import_share(other, data, "again").is_empty(), "importing the same file twice changed something")


def _exports(state: dict) -> None:
    from viewer.core import export

    store, doc_id = state["store"], state["doc_id"]
    args = (store.document_info(doc_id).title, store.sections(doc_id), store.annotations(doc_id))
    _check("自检批注" in export.annotations_markdown(*args), "Markdown export lacks the note")
    _check("自检批注" in export.annotations_html(*args), "HTML export lacks the note")
    _check("自检批注".encode() in export.annotations_csv(*args), "CSV export lacks the note")


def _batch_import(state: dict) -> None:
    """Batch import with its parse workers (spawned processes: in the bundle they start through
    freeze_support in the entry point) gives each file its report."""
    from viewer.services.library import import_paths
    from viewer.store import LibraryStore

    folder = state["folder"] / "batch"
    folder.mkdir()
    text = paths.sample_report_path().read_text(encoding="utf-8")
    for n in range(3):
        (folder / f"report-{n}.txt").write_text(text.replace("2020", str(2010 + n)), encoding="utf-8")
    with LibraryStore(state["folder"] / "batch.sqlite3") as store:
        result = import_paths(store, [folder], workers=2)
    _check(len(result.imported) == 3 and not result.failed,
           f"{len(result.imported)} of 3 imported, failed: {[str(e) for _p, e in result.failed]}")


def _screenshot(state: dict) -> None:
    from PySide6.QtWidgets import QApplication

    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "report-viewer"])
    window = MainWindow(state["store"])
    window.resize(1200, 800)
    window.open_document(state["doc_id"])
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    out = state["folder"] / "screenshot.png"
    _check(image.save(str(out)) and out.stat().st_size > 10_000, "the screenshot is empty")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)}
    _check(len(colours) > 8, "the window drew almost nothing")
    _check(window.view.text().startswith(state["report"].text[:20]), "the report pane does not show the report")
    window.close()
