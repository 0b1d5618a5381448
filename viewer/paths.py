"""Where things live: the library file, settings, bundled resources, portable and frozen modes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "report-viewer"
SAMPLE_REPORT = "000_5858aa637edd593f.txt"
DATA_DIR_ENV = "REPORT_VIEWER_DATA_DIR"
LIBRARY_FILE = "library.sqlite3"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def bundle_dir() -> Path:
    """The folder holding `resources/` and `seeds/`: the source checkout, or the frozen bundle."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def portable_data_dir() -> Path | None:
    """The `data/` folder beside a frozen executable, when it exists (USB-stick mode)."""
    if not is_frozen():
        return None
    candidate = Path(sys.executable).resolve().parent / "data"
    return candidate if candidate.is_dir() else None


def data_dir() -> Path:
    """The folder for the library and settings: env override, portable `data/`, or the user data dir.

        >>> data_dir()  # doctest: +SKIP
        PosixPath('/home/me/.local/share/report-viewer')
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    portable = portable_data_dir()
    if portable is not None:
        return portable
    import platformdirs      # only here: resources and --db libraries need none of it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def data_mode() -> str:
    """'environment', 'portable' or 'user': which rule chose `data_dir()`."""
    if os.environ.get(DATA_DIR_ENV):
        return "environment"
    return "portable" if portable_data_dir() is not None else "user"


def default_db_path() -> Path:
    """The library database used when `--db` is not given."""
    return data_dir() / LIBRARY_FILE


def resource_path(*parts: str) -> Path:
    """A file under the bundled `resources/` folder."""
    return bundle_dir().joinpath("resources", *parts)


def sample_report_path() -> Path:
    """The bundled sample report opened on first start."""
    return bundle_dir() / "seeds" / SAMPLE_REPORT
