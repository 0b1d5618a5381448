"""The frozen bundle as a user gets it: built with build.spec, run without Python on the PATH, its
self-test, portable mode, --where, and no Qt network module inside."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """dist/report-viewer built from build.spec in a temporary folder (or RV_BUNDLE_DIR, if given)."""
    given = os.environ.get("RV_BUNDLE_DIR")
    if given:
        return Path(given)
    work = tmp_path_factory.mktemp("bundle")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                    str(REPO / "build.spec")], check=True, cwd=REPO, timeout=900)
    return work / "dist" / "report-viewer"


def run_frozen(bundle: Path, *args, home: Path, data_dir: Path | None = None, timeout=120):
    """Run the frozen executable the way a user's shell would: no venv, no PYTHONPATH, a fresh home."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(home / ".local" / "share")}
    if data_dir is not None:
        env["REPORT_VIEWER_DATA_DIR"] = str(data_dir)
    proc = subprocess.run([str(bundle / "report-viewer"), *map(str, args)], env=env, capture_output=True,
                          timeout=timeout)
    proc.out = proc.stdout.decode("utf-8")
    proc.err = proc.stderr.decode("utf-8")
    return proc


def test_frozen_self_test_passes(bundle, tmp_path):
    proc = run_frozen(bundle, "--self-test", home=tmp_path)
    assert proc.returncode == 0, proc.out + proc.err
    assert proc.out.strip().endswith("self-test OK")
    assert not (tmp_path / ".local" / "share" / "report-viewer").exists()     # nothing left behind


def test_frozen_cli_parses_and_imports_into_the_user_data_dir(bundle, tmp_path):
    proc = run_frozen(bundle, "import", SAMPLE, home=tmp_path)
    assert proc.returncode == 0, proc.err
    assert (tmp_path / ".local" / "share" / "report-viewer" / "library.sqlite3").is_file()
    listed = run_frozen(bundle, "list", home=tmp_path)
    assert "重庆市渝中区司法局" in listed.out


def test_where_names_the_user_data_dir_without_a_data_folder(bundle, tmp_path):
    proc = run_frozen(bundle, "--where", home=tmp_path)
    assert proc.returncode == 0 and "data mode: user" in proc.out
    assert str(tmp_path / ".local" / "share" / "report-viewer") in proc.out


def test_portable_mode_keeps_the_library_in_data_beside_the_executable(bundle, tmp_path):
    portable = tmp_path / "usb" / "report-viewer"
    shutil.copytree(bundle, portable, symlinks=True)
    (portable / "data").mkdir()
    where = run_frozen(portable, "--where", home=tmp_path)
    assert "data mode: portable" in where.out and str(portable / "data") in where.out
    assert run_frozen(portable, "import", SAMPLE, home=tmp_path).returncode == 0
    assert (portable / "data" / "library.sqlite3").is_file()
    assert not (tmp_path / ".local" / "share" / "report-viewer").exists()


def test_bundle_carries_resources_and_no_qt_network_module(bundle):
    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")]
    for needed in ("resources/schema/rvshare.schema.json", "resources/translations/report_viewer_en.qm",
                   "resources/translations/qtbase_supplement_zh_CN.qm", "/translations/qtbase_zh_CN.qm",
                   "resources/icons/report-viewer.png", "resources/self-test/expectations.json",
                   "seeds/000_5858aa637edd593f.txt", "packaging/report-viewer.desktop"):
        assert any(f.endswith(needed) for f in files), needed
    unwanted = [f for f in files if any(bad in f for bad in ("QtNetwork", "Qt6Network", "QtWebEngine", "QtQml",
                                                             "QtQuick", "tkinter", "QtMultimedia"))]
    assert unwanted == []
    qt_translations = [f for f in files if "/translations/" in f and f.endswith(".qm") and "resources/" not in f]
    assert all("zh_CN" in f for f in qt_translations)


def test_a_bad_file_gets_one_line_from_the_frozen_app(bundle, tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    proc = run_frozen(bundle, "import", bad, home=tmp_path)
    assert proc.returncode == 2 and proc.err.count("\n") == 1 and "Traceback" not in proc.err


def test_desktop_integration_installs_and_uninstalls_the_menu_entry_and_share_file_type(bundle, tmp_path):
    script = REPO / "packaging" / "install-desktop.sh"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    exe = bundle / "report-viewer"
    subprocess.run(["bash", str(script), str(exe)], env=env, check=True, capture_output=True)
    desktop = (tmp_path / "share" / "applications" / "report-viewer.desktop").read_text("utf-8")
    assert f'Exec="{exe}" %f' in desktop and "application/x-rvshare+json" in desktop
    mime = (tmp_path / "share" / "mime" / "packages" / "report-viewer-mime.xml").read_text("utf-8")
    assert 'glob pattern="*.rvshare.json"' in mime
    assert (tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "report-viewer.png").is_file()
    subprocess.run(["bash", str(script), "--uninstall"], env=env, check=True, capture_output=True)
    assert not (tmp_path / "share" / "applications" / "report-viewer.desktop").exists()
