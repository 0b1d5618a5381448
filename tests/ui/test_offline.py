"""The offline guarantee: the main flows (start, import, notes, export, share, find, the CLI, a second
launch handing over its file) run with every way of opening a network socket made to fail, and none of
them tries; Qt's network module never loads."""

import socket
import sys

import pytest

from tests.conftest import SAMPLE
from viewer import cli


class NetworkAttempt(AssertionError):
    """Raised (and recorded) the moment anything tries to make a socket or resolve a name."""


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(name):
        def fail(*args, **kwargs):
            attempts.append(f"{name}{args[:2]}")
            raise NetworkAttempt(f"network use: {name}")
        return fail

    class RefusingSocket(socket.socket):
        """Local sockets (AF_UNIX: the single-instance channel) are allowed; any network family fails."""

        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if family != getattr(socket, "AF_UNIX", None):
                refuse("socket.socket")(family, type)
            super().__init__(family, type, proto, fileno)

    monkeypatch.setattr(socket, "socket", RefusingSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    return attempts


def test_main_flows_never_touch_the_network(no_network, make_window, tmp_path, qtbot):
    window = make_window(None)                                 # start: imports the bundled sample
    window.session.set_setting("author", "张三")
    assert window.import_and_open(SAMPLE)
    text = window.view.text()
    at = text.index("41件")
    window.view.select_offsets(at, at + 3)
    window.annotating.add("note", at, at + 3, body="核对")
    window.annotating.add("highlight", at + 5, at + 12, colour="green")
    window.annotating.bookmark_position()
    for fmt in ("md", "html", "csv", "jsonld"):
        assert window.exports.write_annotations(tmp_path / f"notes.{fmt}", fmt)
    assert window.exports.write_pdf(tmp_path / "report.pdf")
    share = tmp_path / "a.rvshare.json"
    assert window.exports.write_share(share, include_report=True)
    dialog = window.exports.preview_import(share)
    dialog.accept()
    window.open_find()
    window.run_find("法治")
    assert window.find_count()[1] > 0
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_cli_flows_never_touch_the_network(no_network, tmp_path, capsys):
    db = str(tmp_path / "lib.sqlite3")
    assert cli.main(["import", str(SAMPLE), "--db", db]) == 0
    assert cli.main(["notes", "1", "add", "--start", "10", "--end", "20", "--text", "n", "--db", db]) == 0
    assert cli.main(["export", "1", "--format", "html", "-o", str(tmp_path / "n.html"), "--db", db]) == 0
    assert cli.main(["export", "1", "--format", "pdf", "-o", str(tmp_path / "r.pdf"), "--db", db]) == 0
    assert cli.main(["share", "export", "1", "-o", str(tmp_path / "s.rvshare.json"), "--db", db]) == 0
    assert cli.main(["share", "import", str(tmp_path / "s.rvshare.json"), "--db", db]) == 0
    assert no_network == []


def test_handing_a_file_to_the_running_window_uses_no_network(no_network, qtbot, tmp_path):
    from viewer.ui.single_instance import InstanceServer, hand_over

    server = InstanceServer(tmp_path / "library.sqlite3")
    assert server.start()
    try:
        with qtbot.waitSignal(server.fileReceived, timeout=5000):
            assert hand_over(tmp_path / "library.sqlite3", str(SAMPLE))
    finally:
        server.stop()
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_a_network_socket_is_refused_by_the_guard(no_network):
    with pytest.raises(NetworkAttempt):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    assert no_network
