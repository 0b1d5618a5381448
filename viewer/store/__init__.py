"""The library: one SQLite file (via sqlite-utils) holding reports, sections, figures, annotations, settings."""

from viewer.store.annotations import ANNOTATION_KINDS
from viewer.store.library import BUSY_TIMEOUT_MS, LibraryStore
from viewer.store.migrations import SCHEMA_VERSION
from viewer.store.settings import SETTINGS, Setting, UndeclaredSetting

__all__ = ["ANNOTATION_KINDS", "BUSY_TIMEOUT_MS", "LibraryStore", "SCHEMA_VERSION", "SETTINGS", "Setting",
           "UndeclaredSetting"]
