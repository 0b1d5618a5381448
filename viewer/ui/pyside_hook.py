"""PySide6's import hook made cheap: it asks of every module imported after PySide6 whether its
source names PySide6 (for `from __feature__ import …`); we answer from the module's file."""

from __future__ import annotations

import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """Whether the module's source file names PySide6: PySide6's own check's answer, which it gets
    from inspect.getsource (~0.2 ms a module, ~50 modules at start-up); False without a source file."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def speed_up_import_check() -> bool:
    """Put `uses_pyside` in place of PySide6's check (shibokensupport.feature._mod_uses_pyside, set
    up by importing PySide6); True if done. A PySide6 without that check is left as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
