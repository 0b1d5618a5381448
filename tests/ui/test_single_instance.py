"""A second launch on the same library hands its file to the running window instead of opening another."""

import os

from viewer.ui.single_instance import InstanceServer, channel_address, hand_over


def test_a_later_launch_hands_its_file_to_the_running_window(qtbot, tmp_path):
    db = tmp_path / "library.sqlite3"
    server = InstanceServer(db)
    assert server.start()
    try:
        with qtbot.waitSignal(server.fileReceived, timeout=5000) as received:
            assert hand_over(db, str(tmp_path / "notes.rvshare.json"))
        assert received.args == [str(tmp_path / "notes.rvshare.json")]
        with qtbot.waitSignal(server.fileReceived, timeout=5000) as raised:
            assert hand_over(db, None)                   # no file: just bring the window forward
        assert raised.args == [""]
    finally:
        server.stop()


def test_nothing_is_handed_over_when_no_window_runs_or_after_it_closed(qtbot, tmp_path):
    db = tmp_path / "library.sqlite3"
    assert not hand_over(db, "x.txt")
    server = InstanceServer(db)
    assert server.start()
    server.stop()
    assert not os.path.exists(server.address)            # the channel is removed with the window
    assert not hand_over(db, "x.txt")


def test_each_library_has_its_own_window(qtbot, tmp_path):
    server = InstanceServer(tmp_path / "a.sqlite3")
    assert server.start()
    try:
        assert not hand_over(tmp_path / "b.sqlite3", "x.txt")
        assert channel_address(tmp_path / "a.sqlite3") != channel_address(tmp_path / "b.sqlite3")
    finally:
        server.stop()


def test_a_channel_left_by_a_killed_window_is_replaced(qtbot, tmp_path):
    import socket

    db = tmp_path / "library.sqlite3"
    address, family = channel_address(db)
    stale = socket.socket(socket.AF_UNIX)                # bound, never listening: what a killed window leaves
    stale.bind(address)
    stale.close()
    assert os.path.exists(address) and not hand_over(db, "x.txt")
    server = InstanceServer(db)
    assert server.start()
    try:
        with qtbot.waitSignal(server.fileReceived, timeout=5000):
            assert hand_over(db, "x.txt")
    finally:
        server.stop()
