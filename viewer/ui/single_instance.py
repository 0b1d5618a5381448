"""One window per library: a second launch hands its file to the running window over local IPC and exits.

The channel is a local socket (AF_UNIX in a folder only this user can enter) or, on Windows, a
named pipe: never a network socket. A launch first tries to reach a running window on the same
library; when none answers it becomes that window and listens.

    >>> sent = hand_over(db_path, "/home/me/notes.rvshare.json")     # doctest: +SKIP
    True                                                            # the running window has it
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

REPLY_TIMEOUT_S = 5
_BYE = b"\0bye"                     # the server's own wake-up call when it stops


def _user_tag() -> str:
    try:
        return str(os.getuid())
    except AttributeError:          # Windows
        return os.environ.get("USERNAME", "user")


def _runtime_dir() -> Path:
    """A folder only this user can enter: $XDG_RUNTIME_DIR, else one made 0700 in the temp folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime)
    folder = Path(tempfile.gettempdir()) / f"report-viewer-{_user_tag()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if hasattr(os, "getuid") and (folder.stat().st_uid != os.getuid() or folder.stat().st_mode & 0o077):
        raise OSError(f"{folder} is not private to this user")
    return folder


def channel_address(db_path: str | os.PathLike) -> tuple[str, str]:
    """(address, family) of the channel for the library at `db_path`: one per user and library."""
    key = hashlib.sha256(f"{_user_tag()}\0{Path(db_path).resolve()}".encode()).hexdigest()[:16]
    if sys.platform == "win32":
        return rf"\\.\pipe\report-viewer-{key}", "AF_PIPE"
    return str(_runtime_dir() / f"report-viewer-{key}.sock"), "AF_UNIX"


def hand_over(db_path: str | os.PathLike, file: str | None) -> bool:
    """Give `file` (None: just raise the window) to a running window on this library; False if none runs."""
    try:
        address, family = channel_address(db_path)
    except OSError:
        return False
    if family == "AF_UNIX" and not os.path.exists(address):
        return False                                    # the cheap common case: nothing runs
    from multiprocessing.connection import Client

    try:
        with Client(address, family) as conn:
            conn.send_bytes(json.dumps({"open": os.path.abspath(file) if file else None}).encode("utf-8"))
            return conn.poll(REPLY_TIMEOUT_S) and conn.recv_bytes() == b"ok"
    except (OSError, EOFError):
        return False


class InstanceServer(QObject):
    """Listens for later launches on this library and emits what they ask for, in the GUI thread."""

    fileReceived = Signal(str)      # a path to open ("" = only raise the window)

    def __init__(self, db_path: str | os.PathLike, parent: QObject | None = None):
        super().__init__(parent)
        try:
            self.address, self.family = channel_address(db_path)
        except OSError:                                 # no private folder for the channel: no IPC
            self.address, self.family = "", ""
        self._listener = None
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Begin listening; False (and no listening) if the channel cannot be opened."""
        from multiprocessing.connection import Listener

        if not self.address:
            return False
        if self.family == "AF_UNIX" and os.path.exists(self.address):
            os.unlink(self.address)                     # left by a window that was killed: nobody answered
        try:
            self._listener = Listener(self.address, self.family)
        except OSError:
            return False
        self._thread = threading.Thread(target=self._serve, name="instance-server", daemon=True)
        self._thread.start()
        return True

    def _serve(self) -> None:
        while True:
            try:
                conn = self._listener.accept()
            except OSError:
                return
            with conn:
                try:
                    if not conn.poll(REPLY_TIMEOUT_S):
                        continue
                    message = conn.recv_bytes(64 * 1024)
                    if message == _BYE:
                        return
                    path = json.loads(message.decode("utf-8")).get("open") or ""
                    if not isinstance(path, str):
                        continue
                    self.fileReceived.emit(path)
                    conn.send_bytes(b"ok")
                except (OSError, EOFError, ValueError, AttributeError):
                    continue

    def stop(self) -> None:
        """Stop listening and remove the channel (a window closing)."""
        if self._listener is None:
            return
        from multiprocessing.connection import Client

        try:
            with Client(self.address, self.family) as conn:
                conn.send_bytes(_BYE)
        except OSError:
            pass
        if self._thread is not None:
            self._thread.join(timeout=2)
        self._listener.close()
        self._listener = None
