"""The cheap answer to PySide6's import-hook question is the answer PySide6's own check gives."""

import importlib
import inspect
import sys

import pytest

from viewer.ui import pyside_hook


def _answer_from_inspect(module):
    """PySide6's check (shibokensupport.feature._mod_uses_pyside) as it is written."""
    try:
        source = inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False
    return "PySide6" in source


@pytest.mark.parametrize("name", [
    "viewer.ui.main_window", "viewer.ui.reader.text_pane", "viewer.ui",        # name PySide6
    "viewer.core.model", "viewer.store", "json", "textwrap",                 # do not
    "_sqlite3", "math", "PySide6.QtCore",                                     # no source file
])
def test_the_answer_is_the_one_inspect_gives(name):
    module = importlib.import_module(name)
    assert pyside_hook.uses_pyside(module) == _answer_from_inspect(module)


def test_a_module_without_a_spec_or_file_does_not_use_pyside():
    import types

    assert pyside_hook.uses_pyside(types.ModuleType("made_up")) is False


def test_it_takes_the_place_of_pyside6s_check_and_modules_still_import(tmp_path, monkeypatch):
    import PySide6.QtCore  # noqa: F401 (sets up the hook)

    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)   # restored after
    assert pyside_hook.speed_up_import_check()
    assert feature._mod_uses_pyside is pyside_hook.uses_pyside
    (tmp_path / "uses_qt_here.py").write_text("from PySide6.QtCore import QObject\nVALUE = QObject\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    namespace = {}
    exec("import uses_qt_here", namespace)                 # through the import statement's hook
    assert namespace["uses_qt_here"].VALUE.__name__ == "QObject"
    assert feature.pyside_feature_dict.get("uses_qt_here") == 0        # as PySide6's check says
