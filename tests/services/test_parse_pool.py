"""Batch import with its parse workers: the same library as parsing in-process, failures kept per file, cancel."""

from pathlib import Path

import pytest

from tests.services.test_batch_import import write_reports
from viewer.services import parse_pool
from viewer.services.library import import_paths
from viewer.store import LibraryStore

TABLES = ("documents", "sections", "figures", "paragraphs", "annotations")


def library_rows(store: LibraryStore) -> dict[str, list]:
    """Every row of the tables a report fills, without the import times and source paths."""
    conn = store._conn
    rows = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall() for table in TABLES[1:]}
    rows["documents"] = conn.execute("SELECT id, title, fingerprint, source_name, raw, body, parser_version"
                                     " FROM documents ORDER BY id").fetchall()
    return rows


def test_a_batch_parsed_in_workers_gives_the_same_library_as_one_parsed_in_process(tmp_path):
    write_reports(tmp_path / "in", 12)
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    outcomes = {}
    for workers in (0, 2):
        with LibraryStore(tmp_path / f"lib{workers}.sqlite3") as store:
            seen = []
            result = import_paths(store, [tmp_path / "in"], progress=lambda n, _t, p: seen.append((n, p)),
                                  workers=workers)
            outcomes[workers] = (library_rows(store), [(Path(p).name, e.code) for p, e in result.failed],
                                 [r.title for r in result.imported], seen)
    assert outcomes[2] == outcomes[0]
    rows, failed, titles, seen = outcomes[2]
    assert [name for name, _code in failed] == ["bad.txt"]
    assert len(titles) == 12 and len(rows["documents"]) == 12 and len(seen) == 13


def test_notes_re_anchor_the_same_after_a_batch_parsed_in_workers(tmp_path):
    from viewer.services.library import reimport

    results = []
    for workers in (0, 2):
        folder = tmp_path / f"in{workers}"
        write_reports(folder, 4)
        with LibraryStore(tmp_path / f"lib{workers}.sqlite3") as store:
            doc_id = import_paths(store, [folder], workers=workers).imported[1].document_id
            body = store.document(doc_id).text
            at = body.index("成效明显")
            store.add_annotation(doc_id, "note", at, at + 4, body="核对", author="甲")
            (folder / "r001.txt").write_text(Path(folder / "r001.txt").read_text(encoding="utf-8")
                                             .replace("一、总体情况", "一、总体情况\n\n新增一段。"), encoding="utf-8")
            moved = reimport(store, doc_id, folder / "r001.txt").moved
            results.append([(a.start, a.end, a.exact, method) for a, method in moved])
    assert results[0] == results[1] and results[0][0][2] == "成效明显"


def test_a_file_that_breaks_a_worker_s_parser_fails_alone(tmp_path, monkeypatch):
    write_reports(tmp_path, 5)
    (tmp_path / "r002.txt").write_bytes(b"")                    # empty: refused by the parser in the worker
    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        result = import_paths(store, [tmp_path], workers=2)
    assert [Path(p).name for p, _e in result.failed] == ["r002.txt"]
    assert len(result.imported) == 4


def test_cancelling_a_batch_with_workers_stops_between_files_and_keeps_what_was_stored(tmp_path):
    write_reports(tmp_path, 30)
    seen = []
    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        result = import_paths(store, [tmp_path], progress=lambda n, _t, _p: seen.append(n),
                              cancelled=lambda: len(seen) >= 3, workers=2)
        assert result.cancelled and seen == [1, 2, 3] and len(result.imported) == 3
        assert [d.title for d in store.documents()] == [r.title for r in result.imported]


def test_a_pool_that_cannot_start_parses_in_process(tmp_path, monkeypatch):
    monkeypatch.setattr(parse_pool, "_start_pool", lambda workers: None)
    write_reports(tmp_path, 3)
    with LibraryStore(tmp_path / "lib.sqlite3") as store:
        assert len(import_paths(store, [tmp_path], workers=2).imported) == 3


@pytest.mark.parametrize("files, cores, expected", [(10, 2, 0), (100, 1, 0), (100, 2, 2), (100, 8, 2)])
def test_a_batch_gets_workers_only_when_it_is_worth_them(monkeypatch, files, cores, expected):
    monkeypatch.setattr(parse_pool.os, "cpu_count", lambda: cores)
    assert parse_pool.default_workers(files) == expected
