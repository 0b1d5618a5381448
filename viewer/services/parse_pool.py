"""Batch import's parse step: files parsed in worker processes, a few ahead, handed back in file order.

    for path, outcome in parsed_in_order(files, workers=2):    # outcome: Report or ReportViewerError
        ...                                                     # the caller stores it, one transaction each

Parsing is most of an import's CPU time and touches no library, so two processes parse while the
caller writes. The workers are spawned (not forked: the GUI imports from a thread, and a fork of a
threaded process can hang), so the entry point calls multiprocessing.freeze_support() for the
frozen bundle. If the pool cannot start or a worker dies, the rest is parsed here, one by one.
"""

from __future__ import annotations

import os
from collections import deque
from typing import TYPE_CHECKING, Iterator

from viewer.core.errors import ReportViewerError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from viewer.core.model import Report

#: Fewer files than this are parsed here: starting a worker (a new interpreter) costs ~0.3 s.
POOL_MIN_FILES = 40
#: Files handed to the pool ahead of the one being stored, per worker (bounds memory and how
#: much parsing a cancel throws away).
AHEAD_PER_WORKER = 4


def default_workers(files: int) -> int:
    """How many worker processes a batch of `files` files is worth: 2 on a machine with 2 or more
    cores and a batch of POOL_MIN_FILES or more, else 0 (parse in this process)."""
    return min(2, os.cpu_count() or 1) if files >= POOL_MIN_FILES and (os.cpu_count() or 1) > 1 else 0


def parse_file(path: str) -> "Report | ReportViewerError":
    """One file parsed: its Report, or the error that stops it (a parser's bug in one file included)."""
    from viewer.core.report import parse_path

    try:
        return parse_path(path)
    except ReportViewerError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a parser's bug in one file must not stop the batch
        return ReportViewerError("ingest.import_failed", path=path, reason=f"{type(exc).__name__}: {exc}")


def parsed_in_order(files: list[str], workers: int) -> Iterator[tuple[str, "Report | ReportViewerError"]]:
    """(path, Report or error) for each file, in order; with `workers` > 0 parsed ahead in that
    many processes. Closing the iterator early (a cancelled batch) drops the files not started
    and waits for the few being parsed."""
    if workers <= 0 or len(files) < 2:
        for path in files:
            yield path, parse_file(path)
        return
    pool = _start_pool(workers)
    if pool is None:
        yield from parsed_in_order(files, 0)
        return
    pending: deque[tuple[str, Future]] = deque()
    upcoming = iter(files)
    try:
        try:
            for path in upcoming:
                pending.append((path, pool.submit(parse_file, path)))
                if len(pending) >= workers * AHEAD_PER_WORKER:
                    break
        except Exception:  # noqa: BLE001 - no process could be started: parse here
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None
            yield from parsed_in_order(files, 0)
            return
        while pending:
            path, future = pending.popleft()
            try:
                outcome = future.result()
            except Exception:  # noqa: BLE001 - a worker died (killed, out of memory): parse the rest here
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
                rest = [path] + [p for p, _f in pending] + list(upcoming)
                pending.clear()
                yield from parsed_in_order(rest, 0)
                return
            for more in upcoming:
                pending.append((more, pool.submit(parse_file, more)))
                break
            yield path, outcome
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(workers: int):
    """A spawning process pool, or None where processes cannot be started (the caller parses itself)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ValueError, NotImplementedError):
        return None
