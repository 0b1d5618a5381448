"""Every setting the app keeps, declared once with its type and default, and the store's reads and writes of them.

    store.get_setting(ZOOM)                      # 0 until set
    store.set_setting(LANGUAGE, "en")
    store.get_report_setting(doc_id, READING_POSITION)
"""

from __future__ import annotations

import copy
import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Callable, ContextManager

from viewer.core.vocab import DEFAULT_HIGHLIGHT


@dataclass(frozen=True)
class Setting:
    """One declared setting: its key, the JSON types its value may have, its default and meaning.

    A library setting lives in the `settings` table, a report setting (scope "report") in
    `report_state`, one value per report, removed with the report.
    """

    name: str
    types: tuple[type, ...]
    default: Any
    doc: str
    scope: str = "library"          # "library" or "report"

    def accepts(self, value: Any) -> bool:
        """True when `value` has one of the declared types (a bool is not taken for an int)."""
        if value is None:
            return type(None) in self.types
        if isinstance(value, bool):
            return bool in self.types
        return isinstance(value, self.types)


_NONE = type(None)

LANGUAGE = Setting("language", (str,), "zh", "the UI language, zh or en")
AUTHOR = Setting("author", (str, _NONE), None, "the name written on new annotations (None: not asked yet)")
LAST_DOCUMENT = Setting("last_document", (int, _NONE), None, "the report open when the app last closed")
ZOOM = Setting("zoom", (int,), 0, "the reading pane's zoom, in steps from the default size")
WINDOW_GEOMETRY = Setting("window_geometry", (str, _NONE), None, "the main window's geometry (Qt, base64)")
WINDOW_STATE = Setting("window_state", (str, _NONE), None, "the main window's docks and toolbars (Qt, base64)")
SIDE_TAB = Setting("side_tab", (int, _NONE), None, "the side panel's current tab")
HIGHLIGHT_NAMES = Setting("highlight_names", (dict,), {}, "the user's names for highlight colours, by colour key")
LAST_HIGHLIGHT = Setting("last_highlight", (str,), DEFAULT_HIGHLIGHT, "the colour key of the last highlight made")
OPEN_FOLDER = Setting("open_folder", (str, _NONE), None, "the folder the Open dialog starts in")
LAST_BACKUP = Setting("last_backup", (str, _NONE), None,
                      "when the last automatic backup was written (UTC, ISO 8601; None: never)")
LIBRARY_VIEW = Setting("library_view", (dict,), {},
                       "the 书库's sort (key, descending) and its columns' widths and order (Qt header, base64)")
READING_POSITION = Setting("position", (int,), 0, "where reading stopped: the offset at the top of the pane",
                           scope="report")
LAST_OPENED = Setting("last_opened", (str, _NONE), None, "when the report was last opened (UTC, ISO 8601)",
                      scope="report")

#: Every setting, by key.
SETTINGS: dict[str, Setting] = {s.name: s for s in (
    LANGUAGE, AUTHOR, LAST_DOCUMENT, ZOOM, WINDOW_GEOMETRY, WINDOW_STATE, SIDE_TAB, HIGHLIGHT_NAMES,
    LAST_HIGHLIGHT, OPEN_FOLDER, LAST_BACKUP, LIBRARY_VIEW)}
#: Every per-report setting, by key.
REPORT_SETTINGS: dict[str, Setting] = {s.name: s for s in (READING_POSITION, LAST_OPENED)}


class UndeclaredSetting(KeyError):
    """A setting key that settings.py does not declare (a typo, or a setting added without its record)."""


def declared(key: Setting | str, scope: str = "library") -> Setting:
    """The declared setting for a record or key; UndeclaredSetting for any other."""
    table = SETTINGS if scope == "library" else REPORT_SETTINGS
    name = key.name if isinstance(key, Setting) else key
    if name not in table or (isinstance(key, Setting) and table[name] != key):
        raise UndeclaredSetting(f"{name!r} is not a declared {scope} setting (see viewer/store/settings.py)")
    return table[name]


def _checked(setting: Setting, value: Any) -> str:
    if not setting.accepts(value):
        raise TypeError(f"setting {setting.name!r} takes {' or '.join(t.__name__ for t in setting.types)},"
                        f" not {type(value).__name__}")
    return json.dumps(value, ensure_ascii=False)


def _read(setting: Setting, text: str | None) -> Any:
    """A stored value, or the default when there is none or it is not of the declared type."""
    if text is None:
        return copy.deepcopy(setting.default)
    try:
        value = json.loads(text)
    except ValueError:
        return copy.deepcopy(setting.default)
    return value if setting.accepts(value) else copy.deepcopy(setting.default)


class SettingsStore:
    """The settings part of LibraryStore: library settings (read from a cache the store fills once
    and empties on every write or rollback) and per-report settings."""

    _conn: sqlite3.Connection
    transaction: Callable[[], ContextManager[None]]
    _statement: Callable[[], ContextManager[None]]
    _settings_cache: dict[str, str] | None = None

    def get_setting(self, key: Setting | str) -> Any:
        """A library setting's value, or its declared default (a fresh copy: changing it changes nothing)."""
        setting = declared(key)
        if self._settings_cache is None:
            self._settings_cache = dict(self._conn.execute("SELECT key, value FROM settings").fetchall())
        return _read(setting, self._settings_cache.get(setting.name))

    def set_setting(self, key: Setting | str, value: Any) -> None:
        """Save a library setting, committed at once (or with the enclosing transaction)."""
        setting = declared(key)
        text = _checked(setting, value)
        with self._statement():
            self._conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                               " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (setting.name, text))
            self._settings_cache = None

    def get_report_setting(self, doc_id: int, key: Setting | str) -> Any:
        """A per-report setting's value for one report, or its declared default."""
        setting = declared(key, "report")
        row = self._conn.execute("SELECT value FROM report_state WHERE document_id = ? AND key = ?",
                                 (doc_id, setting.name)).fetchone()
        return _read(setting, row[0] if row else None)

    def set_report_setting(self, doc_id: int, key: Setting | str, value: Any) -> None:
        setting = declared(key, "report")
        text = _checked(setting, value)
        with self._statement():
            self._conn.execute("INSERT INTO report_state (document_id, key, value) VALUES (?, ?, ?)"
                               " ON CONFLICT(document_id, key) DO UPDATE SET value = excluded.value",
                               (doc_id, setting.name, text))

    def _forget_cached_settings(self) -> None:
        """After a rollback: what the cache holds may never have been committed."""
        self._settings_cache = None
