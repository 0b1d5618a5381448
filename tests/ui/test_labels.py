"""The UI's labels of kinds and colours: one label per vocabulary entry in both languages, English in the English UI."""

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from viewer.core import vocab
from viewer.ui import labels

CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
UI = Path(labels.__file__).parent


def _every_label():
    """(what, id, label now, the Chinese name vocab gives it) for every vocabulary entry the UI names."""
    for kind in vocab.ANNOTATION_KINDS:
        yield "annotation kind", kind, labels.annotation_kind_label(kind), vocab.ANNOTATION_KIND_NAMES[kind]
        yield "annotation kinds", kind, labels.annotation_kinds_label(kind), vocab.ANNOTATION_KIND_NAMES[kind]
    for kind in vocab.FIGURE_KINDS:
        yield "figure kind", kind, labels.figure_kind_label(kind), vocab.FIGURE_KIND_NAMES[kind]
    for kind in vocab.REPORT_KINDS:
        yield "report kind", kind, labels.report_kind_label(kind), vocab.REPORT_KIND_NAMES[kind]
    for colour in vocab.HIGHLIGHT_KEYS:
        yield "colour", colour, labels.colour_label(colour), vocab.DEFAULT_COLOUR_NAMES[colour]


@pytest.fixture
def english(qapp):
    from viewer.ui.app import Translations

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # earlier tests' windows go first
    translations = Translations(QApplication.instance())
    assert translations.set_language("en")
    yield
    translations.set_language("zh")


def test_the_chinese_labels_are_the_vocabularys_chinese_names(qapp):
    for what, key, label, chinese in _every_label():
        assert label == chinese, (what, key)


def test_in_the_english_ui_every_kind_and_colour_label_is_english(english):
    for what, key, label, chinese in _every_label():
        assert label and not CJK.search(label), (what, key, label)
        assert label != chinese
    assert labels.default_colour_names() == {k: labels.colour_label(k) for k in vocab.HIGHLIGHT_KEYS}
    assert labels.mark_label("highlight", labels.colour_label("yellow")) == "Highlight · Key point"
    assert labels.mark_label("bookmark", "Key point") == "Bookmark"


def test_an_unknown_id_is_shown_as_it_is(qapp):
    assert labels.annotation_kind_label("scribble") == "scribble"
    assert labels.figure_kind_label("ratio") == "ratio"
    assert labels.colour_label("teal") == "teal"


def test_the_english_window_names_kinds_and_colours_in_english(qtbot, window):
    from viewer.ui.app import Translations

    translations = Translations(QApplication.instance())
    try:
        assert translations.set_language("en")
        qtbot.waitUntil(lambda: window.annotating.menu.title() == "&Annotate")
        texts = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
        texts += [chip.text() for chip in window.legend_labels.values()]
        texts += [action.text() for action in window.kind_actions.values()]
        texts += [action.text() for action in window.annotating.highlight_actions.values()]
        combo = window.notes_panel.kind_combo
        texts += [combo.itemText(i) for i in range(combo.count())]
        texts += [window.figures_panel.model.kind_label(kind) for kind in vocab.FIGURE_KINDS]
        assert len(texts) > 20 and not [t for t in texts if CJK.search(t)], texts
    finally:
        translations.set_language("zh")
    qtbot.waitUntil(lambda: window.annotating.menu.title() == "批注(&A)")


def _translated_sources(path: Path):
    """The literal source texts of every tr() / translate(context, source) call in a UI module."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        position = {"tr": 0, "translate": 1}.get(name)
        if position is not None and len(node.args) > position:
            source = node.args[position]
            if isinstance(source, ast.Constant) and isinstance(source.value, str):
                yield source.value


#: The same words used for something else than naming a kind or a colour: the 高亮 menu and its
#: button (the verb Highlight), the 数据 tab and guide entry (the Figures panel), a calendar date's unit.
OTHER_USES = {("annotations/annotation_actions.py", "高亮"), ("main_window.py", "数据"),
              ("dialogs/help_dialogs.py", "数据"), ("reader/figures_panel.py", "日期"),
              # the 书库's headers: how many figures a report has, and the report's own date
              ("library/columns.py", "数据"), ("library/columns.py", "日期"),
              ("dialogs/help_dialogs.py", "其他")}       # the shortcut list's group of other keys


def test_only_the_labels_module_translates_a_kind_or_colour_name():
    names = {*vocab.ANNOTATION_KIND_NAMES.values(), *vocab.FIGURE_KIND_NAMES.values(),
             *vocab.REPORT_KIND_NAMES.values(), *vocab.DEFAULT_COLOUR_NAMES.values()}
    found = {(path.relative_to(UI).as_posix(), text) for path in UI.rglob("*.py") if path.name != "labels.py"
             for text in _translated_sources(path) if text in names}
    assert found <= OTHER_USES, sorted(found - OTHER_USES)


def test_the_english_import_preview_says_what_a_change_does_in_english(english):
    from tests.conftest import SAMPLE
    from viewer.core.report import parse_path
    from viewer.core.share import read_share, share_bytes
    from viewer.services.sharing import build_share, plan_import
    from viewer.store import LibraryStore
    from viewer.ui.dialogs.share_dialogs import ImportPlanModel

    with LibraryStore(":memory:") as sender, LibraryStore(":memory:") as receiver:
        sender.set_setting("author", "Ann")
        doc_id = sender.import_report(parse_path(SAMPLE)).document_id
        sender.add_annotation(doc_id, "note", 10, 20, body="check")
        share = read_share(share_bytes(build_share(sender, [doc_id])), "a.rvshare.json")
        model = ImportPlanModel(plan_import(receiver, share))      # its report is not in this library yet
    assert model.rowCount() == 1 and model.rows[0].action == "pending"
    kind, by = (model.index(0, column).data() for column in (1, 5))
    assert kind == "Note" and by.startswith("Ann · ") and not CJK.search(by), by
