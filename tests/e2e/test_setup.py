"""The Makefile installs every system library Qt's window-system plugin needs (derived from ldd), so
`make run` opens a window on a bare Debian."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

#: What Qt opens with dlopen at run time, which ldd cannot see (Qt >= 6.5 refuses xcb without it).
DLOPENED = {"libxcb-cursor0"}
#: Packages every Debian system has (Priority required/important), so need no listing.
BASE_PRIORITIES = {"required", "important"}


def _makefile_list(name: str) -> set[str]:
    text = (REPO / "Makefile").read_text("utf-8").replace("\\\n", " ")
    match = re.search(rf"^{name} := (.*)$", text, re.M)
    assert match, f"{name} is not defined in the Makefile"
    return set(match.group(1).split())


def _qt_binaries() -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    return [qt / "plugins" / "platforms" / "libqxcb.so", qt / "plugins" / "platforms" / "libqoffscreen.so",
            *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1], *sorted((qt / "lib").glob("libQt6Widgets.so*"))[:1],
            *sorted((qt / "lib").glob("libQt6PrintSupport.so*"))[:1]]


def _ldd(binary: Path) -> list[tuple[str, str | None]]:
    """(library name, resolved path or None when 'not found') for each dependency of `binary`."""
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
    deps = []
    for line in out.splitlines():
        if "=>" not in line:
            continue
        name, _, target = line.strip().partition(" => ")
        deps.append((name, None if target.startswith("not found") else target.split(" (")[0]))
    return deps


needs_debian = pytest.mark.skipif(not (shutil.which("ldd") and shutil.which("dpkg-query")),
                                  reason="checks Debian packages; this system has no dpkg")


@needs_debian
def test_every_library_the_qt_window_plugin_links_is_installed():
    assert all(b.exists() for b in _qt_binaries()), _qt_binaries()
    missing = {name for binary in _qt_binaries() for name, path in _ldd(binary) if path is None}
    assert not missing, f"Qt's xcb plugin cannot load: missing {sorted(missing)}; add their packages to the Makefile"


@needs_debian
def test_the_makefile_lists_the_package_of_every_system_library_qt_needs():
    import PySide6

    qt_dir = str(Path(PySide6.__file__).parent)
    paths = {str(Path(path).resolve()) for binary in _qt_binaries() for _name, path in _ldd(binary)
             if path and not path.startswith(qt_dir)}
    owners = subprocess.run(["dpkg-query", "-S", *sorted(paths)], capture_output=True, text=True).stdout
    packages = {line.split(":")[0] for line in owners.splitlines() if ":" in line}
    assert packages, "dpkg knows none of Qt's libraries"
    priorities = dict(line.split(" ", 1) for line in subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Priority}\n", *sorted(packages)],
        capture_output=True, text=True).stdout.splitlines() if " " in line)
    needed = {p for p in packages if priorities.get(p) not in BASE_PRIORITIES} | DLOPENED
    listed = _makefile_list("QT_RUNTIME_PACKAGES")
    assert needed - listed == set(), f"add to QT_RUNTIME_PACKAGES in the Makefile: {sorted(needed - listed)}"
    assert "$(QT_RUNTIME_PACKAGES)" in _makefile_list("APT_PACKAGES")       # and make installs them
