"""Batch import: files and folders, each file in its own transaction, progress, cancellation, failures kept."""

from pathlib import Path

import pytest

from viewer.core.errors import ReportViewerError
from viewer.core.messages import render
from viewer.services.library import collect_files, import_paths
from viewer.store import LibraryStore


def report_text(n: int) -> str:
    return (f"关于第{n}号工作的报告\n\n一、总体情况\n\n今年完成了第{n}项工作，成效明显。\n\n"
            f"二、下一步安排\n\n继续推进第{n}项工作。\n")


def write_reports(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"r{n:03}.txt"
        path.write_text(report_text(n), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def store():
    with LibraryStore(":memory:") as s:
        yield s


def test_a_folder_is_walked_recursively_for_readable_files_skipping_hidden_ones(tmp_path):
    write_reports(tmp_path / "lib", 2)
    write_reports(tmp_path / "lib" / "sub", 1, start=10)
    (tmp_path / "lib" / ".hidden.txt").write_text(report_text(99), encoding="utf-8")
    write_reports(tmp_path / "lib" / ".git", 1, start=50)
    (tmp_path / "lib" / "picture.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "lib" / "notes.xyz").write_text("x", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path / "lib").as_posix() for p in collect_files([tmp_path / "lib"])]
    assert found == ["r000.txt", "r001.txt", "sub/r010.txt"]


def test_a_named_file_is_tried_whatever_its_extension(tmp_path):
    odd = tmp_path / "report.dat"
    odd.write_text(report_text(1), encoding="utf-8")
    assert collect_files([odd]) == [str(odd)]


def test_bad_files_are_reported_with_their_error_and_never_stop_the_batch(store, tmp_path):
    write_reports(tmp_path, 3)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = import_paths(store, [tmp_path])
    assert len(result.imported) == 3 and result.already == []
    assert sorted(Path(p).name for p, _e in result.failed) == ["bad.txt", "empty.txt"]
    assert all(isinstance(e, ReportViewerError) and render(e, "en") for _p, e in result.failed)
    assert len(store.documents()) == 3


def test_a_second_import_finds_every_report_already_there(store, tmp_path):
    write_reports(tmp_path, 4)
    first = import_paths(store, [tmp_path])
    again = import_paths(store, [tmp_path])
    assert len(first.imported) == 4 and again.imported == [] and len(again.already) == 4
    assert {r.document_id for r in again.already} == {r.document_id for r in first.imported}


def test_progress_is_told_each_file_with_its_number_and_the_total(store, tmp_path):
    paths = write_reports(tmp_path, 3)
    seen = []
    import_paths(store, [tmp_path], progress=lambda n, total, path: seen.append((n, total, path)))
    assert seen == [(n, 3, str(p)) for n, p in enumerate(paths, 1)]


def test_cancelling_stops_between_files_and_keeps_what_was_imported(store, tmp_path):
    write_reports(tmp_path, 5)
    seen = []
    result = import_paths(store, [tmp_path], progress=lambda n, _t, _p: seen.append(n),
                          cancelled=lambda: len(seen) >= 2)
    assert result.cancelled and seen == [1, 2] and len(result.imported) == 2
    assert len(store.documents()) == 2


def test_an_unexpected_parser_error_becomes_a_failure_of_that_file_only(store, tmp_path, monkeypatch):
    import viewer.core.report as report

    paths = write_reports(tmp_path, 3)
    real = report.parse_path

    def flaky(path):
        if Path(path).name == "r001.txt":
            raise ValueError("parser bug")
        return real(path)

    monkeypatch.setattr(report, "parse_path", flaky)
    result = import_paths(store, [tmp_path])
    assert len(result.imported) == 2
    [(path, error)] = result.failed
    assert path == str(paths[1]) and error.code == "ingest.import_failed"
    assert "parser bug" in render(error, "en")


def test_a_folder_holding_no_report_file_is_a_failure_of_its_own(store, tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.jpg").write_bytes(b"\xff\xd8\xff")
    result = import_paths(store, [tmp_path / "photos"])
    [(path, error)] = result.failed
    assert path == str(tmp_path / "photos") and error.code == "ingest.folder_has_no_reports"
    assert store.documents() == []
