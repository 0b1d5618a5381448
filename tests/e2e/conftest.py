"""End-to-end fixtures: a display of our own (Xvfb when installed, else offscreen Qt)."""

import os
import shutil
import subprocess

import pytest


@pytest.fixture
def display_env(tmp_path):
    """An X server of our own when Xvfb is installed (a real window system), else offscreen Qt."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield dict(env, QT_QPA_PLATFORM="offscreen")
        return
    # -displayfd: the server picks a free display number and tells it, so parallel runs never clash
    server = subprocess.Popen([xvfb, "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        display = ":" + server.stdout.readline().decode().strip()
        yield dict(env, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
